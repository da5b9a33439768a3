package gogears

import (
	"os/exec"
	"strings"
	"testing"
)

// importPolicy lists, for each package of ours, import paths it must not
// reach, directly or through others. User gear packages import dsl and
// runtime, so those two must load fast and link light.
var importPolicy = []struct {
	pkg       string
	forbidden []string
}{
	{"./dsl", []string{"github.com/redis/go-redis", "golang.org/x/tools", "github.com/gogears/gogears/client", "github.com/gogears/gogears/transpile", "github.com/gogears/gogears/emulator", "github.com/gogears/gogears/gearstest"}},
	{"./runtime/...", []string{"github.com/redis/go-redis", "golang.org/x/tools", "github.com/gogears/gogears/client", "github.com/gogears/gogears/transpile", "github.com/gogears/gogears/emulator", "github.com/gogears/gogears/gearstest"}},
	{"./pyast", []string{"go/", "github.com/gogears/gogears/transpile", "github.com/gogears/gogears/dsl"}},
	{"./transpile", []string{"github.com/gogears/gogears/client", "github.com/gogears/gogears/emulator"}},
	{"./client", []string{"github.com/gogears/gogears/transpile", "golang.org/x/tools"}},
	{"./emulator", []string{"github.com/gogears/gogears/transpile", "github.com/gogears/gogears/dsl"}},
	// gearstest is a test kit: it runs generated scripts but never
	// generates them, and the packages it drives must not depend on it.
	{"./gearstest", []string{"github.com/gogears/gogears/transpile", "golang.org/x/tools"}},
	{"./engine", []string{"github.com/gogears/gogears/gearstest"}},
	{"./client", []string{"github.com/gogears/gogears/gearstest"}},
}

func TestImportPolicy(t *testing.T) {
	for _, p := range importPolicy {
		t.Run(p.pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", p.pkg).CombinedOutput()
			if err != nil {
				if strings.Contains(string(out), "directory not found") || strings.Contains(string(out), "no Go files") {
					t.Skipf("%s does not exist yet", p.pkg)
				}
				t.Fatalf("go list -deps %s: %v\n%s", p.pkg, err, out)
			}
			for _, dep := range strings.Fields(string(out)) {
				for _, bad := range p.forbidden {
					if strings.HasPrefix(dep, bad) {
						t.Errorf("%s depends on %s; policy forbids %s", p.pkg, dep, bad)
					}
				}
			}
		})
	}
}
