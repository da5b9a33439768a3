package gogears

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/gogears/gogears"

// Import paths the policy names more than once.
const (
	goRedis   = "github.com/redis/go-redis"
	xTools    = "golang.org/x/tools"
	client    = module + "/client"
	transpile = module + "/transpile"
	emulator  = module + "/emulator"
	dsl       = module + "/dsl"
	gearstest = module + "/gearstest"
	// redistest starts servers and imports testing: test files (and the
	// gearstest kit) only.
	redistest = module + "/internal/redistest"
)

// importPolicy lists, for each package of ours, import paths it must not
// reach, directly or through others (test files aside). A path matches
// itself and the packages below it; one ending in "/" matches every path
// it prefixes. User gear packages import dsl and runtime, so those two
// must load fast and link light.
var importPolicy = []struct {
	pkg       string // a package below the module, with its subpackages
	forbidden []string
}{
	{"dsl", []string{goRedis, xTools, client, transpile, emulator, gearstest, redistest}},
	{"runtime", []string{goRedis, xTools, client, transpile, emulator, gearstest, redistest}},
	{"pyast", []string{"go/", transpile, dsl, gearstest, redistest}},
	{"engine", []string{xTools, client, transpile, emulator, gearstest, redistest}},
	{"transpile", []string{client, emulator, gearstest, redistest}},
	{"client", []string{transpile, xTools, gearstest, redistest}},
	{"emulator", []string{transpile, dsl, gearstest, redistest}},
	{"cmd/gogears", []string{gearstest, redistest}},
	// gearstest is a test kit: it runs generated scripts but never
	// generates them, and the packages it drives must not depend on it.
	{"gearstest", []string{transpile, xTools}},
}

// onlyImporter names, for an import path, the one package allowed to
// import it directly.
var onlyImporter = map[string]string{
	"golang.org/x/tools/go/packages": transpile,
}

func TestImportPolicy(t *testing.T) {
	// One go list for the whole module: each package with its transitive
	// dependencies and its direct imports.
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Deps \" \"}}|{{join .Imports \" \"}}", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list ./...: %v\n%s", err, out)
	}
	deps := map[string][]string{}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			t.Fatalf("go list printed %q, want path|deps|imports", line)
		}
		deps[f[0]] = strings.Fields(f[1])
		imports[f[0]] = strings.Fields(f[2])
	}
	for _, p := range importPolicy {
		t.Run(p.pkg, func(t *testing.T) {
			n := 0
			for pkg, ds := range deps {
				if !matchPath(pkg, module+"/"+p.pkg) {
					continue
				}
				n++
				for _, bad := range p.forbidden {
					for _, dep := range ds {
						if matchPath(dep, bad) {
							t.Errorf("%s depends on %s; policy forbids %s", pkg, dep, bad)
							break // one line per rule is enough
						}
					}
				}
			}
			if n == 0 {
				t.Errorf("no package matches %s: the policy names a package that does not exist; fix importPolicy in deps_test.go", p.pkg)
			}
		})
	}
	for path, only := range onlyImporter {
		for pkg, is := range imports {
			for _, imp := range is {
				if imp == path && pkg != only {
					t.Errorf("%s imports %s; only %s may", pkg, path, only)
				}
			}
		}
	}
}

// matchPath reports whether pattern matches path: pattern itself or a
// package below it, or, for a pattern ending in "/", every path it
// prefixes.
func matchPath(path, pattern string) bool {
	if strings.HasSuffix(pattern, "/") {
		return strings.HasPrefix(path, pattern)
	}
	return path == pattern || strings.HasPrefix(path, pattern+"/")
}

func TestMatchPath(t *testing.T) {
	tests := []struct {
		path, pattern string
		want          bool
	}{
		{"github.com/redis/go-redis/v9", goRedis, true},
		{module + "/client", client, true},
		{module + "/clientx", client, false},
		{module + "/runtime/cmd/spec", module + "/runtime", true},
		{"go/ast", "go/", true},
		{"golang.org/x/tools", "go/", false},
	}
	for _, tt := range tests {
		if got := matchPath(tt.path, tt.pattern); got != tt.want {
			t.Errorf("matchPath(%q, %q) = %v, want %v", tt.path, tt.pattern, got, tt.want)
		}
	}
}
