package transpile

import (
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gogears/gogears/internal/python"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the .py.golden files under testdata/gears")

// wantRE matches `// want "GGnnn ..."` expectations; several may follow
// one want.
var wantRE = regexp.MustCompile(`// want (.*)$`)
var wantArgRE = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// expectations reads the want comments of the Go files under dir:
// file:line -> regexps.
func expectations(t *testing.T, dir string) map[string][]*regexp.Regexp {
	out := map[string][]*regexp.Regexp{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		abs, _ := filepath.Abs(path)
		for i, line := range strings.Split(string(data), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, a := range wantArgRE.FindAllStringSubmatch(m[1], -1) {
				key := abs + ":" + itoa(i+1)
				pat, err := strconv.Unquote(`"` + a[1] + `"`)
				if err != nil {
					return fmt.Errorf("%s:%d: bad want %s: %v", path, i+1, a[0], err)
				}
				out[key] = append(out[key], regexp.MustCompile(pat))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

// caseDirs lists the golden cases: one package per directory.
func caseDirs(t *testing.T) []string {
	entries, err := os.ReadDir("testdata/gears")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, "./testdata/gears/"+e.Name())
		}
	}
	return dirs
}

// TestGolden translates every case under testdata/gears in one load,
// hashLine is a script's source-hash header. It covers the module
// packages a case imports (dsl, runtime), so goldens leave it out: an
// edit to dsl's docs must not churn every golden. The gen tests check
// the hash itself.
var hashLine = regexp.MustCompile(`(?m)^# gogears:hash [0-9a-f]+$`)

func withoutHash(script string) string {
	return hashLine.ReplaceAllString(script, "# gogears:hash <source hash>")
}

// compares each gear's script with <Gear>.py.golden, checks every golden
// parses as Python 3.7, and matches diagnostics against want comments.
func TestGolden(t *testing.T) {
	dirs := caseDirs(t)
	res, err := Generate(Config{Dir: ".", Patterns: dirs, Check: true})
	var ds *Diagnostics
	if err != nil && !errors.Is(err, ErrStale) && !errors.As(err, &ds) {
		t.Fatal(err)
	}
	// Scripts.
	var sources []string
	var names []string
	for _, g := range res.Gears {
		if strings.HasPrefix(filepath.Base(g.Pkg), "reject") {
			continue // rejected cases only have diagnostics
		}
		dir := filepath.Join("testdata/gears", filepath.Base(g.Pkg))
		golden := filepath.Join(dir, g.Var+".py.golden")
		script := withoutHash(g.Script)
		if *update {
			if err := os.WriteFile(golden, []byte(script), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (run go test -run Golden -update)", g.ID, err)
			continue
		}
		if d := cmp.Diff(string(want), script); d != "" {
			t.Errorf("script of %s differs from %s (-want +got):\n%s", g.ID, golden, d)
		}
		sources = append(sources, string(want))
		names = append(names, golden)
	}
	// Every golden, including ones of gears that no longer exist, parses.
	all, _ := filepath.Glob("testdata/gears/*/*.py.golden")
	for _, f := range all {
		if !contains(names, f) {
			data, _ := os.ReadFile(f)
			sources = append(sources, string(data))
			names = append(names, f)
		}
	}
	if len(sources) == 0 {
		t.Fatal("no golden scripts")
	}
	errs, err := python.Check37(sources)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		if e != nil {
			t.Errorf("%s does not parse as Python 3.7: %v", names[i], e)
		}
	}
	// Diagnostics against want comments.
	wants := expectations(t, "testdata/gears")
	got := map[string][]string{}
	if res.Diagnostics != nil {
		for _, d := range res.Diagnostics.List {
			abs, _ := filepath.Abs(d.Pos.Filename)
			key := abs + ":" + itoa(d.Pos.Line)
			got[key] = append(got[key], d.Code.String()+" "+d.Message)
		}
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	for k := range wants {
		if _, ok := got[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		ws, gs := wants[k], got[k]
		used := make([]bool, len(gs))
		for _, w := range ws {
			found := false
			for i, g := range gs {
				if !used[i] && w.MatchString(g) {
					used[i], found = true, true
					break
				}
			}
			if !found {
				t.Errorf("%s: no diagnostic matching %q; got %q", k, w, gs)
			}
		}
		for i, g := range gs {
			if !used[i] {
				t.Errorf("%s: unexpected diagnostic %s", k, g)
			}
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// TestGeneratedGoIsFormatted checks zz_gears.go output is gofmt-clean Go.
func TestGeneratedGoIsFormatted(t *testing.T) {
	src := generatedGo("orders", "ab", []Gear{
		{ID: "example.com/x.G", Var: "G", Script: "# Code generated by gogears; DO NOT EDIT.\nx = '`'\n", Hash: "ab", Requirements: []string{"six==1.16.0"}},
		{ID: "example.com/x.H", Var: "H", Script: "print(1)\n", Hash: "ab"},
	})
	formatted, err := format.Source([]byte(src))
	if err != nil {
		t.Fatalf("generated Go does not parse: %v\n%s", err, src)
	}
	if d := cmp.Diff(string(formatted), src); d != "" {
		t.Errorf("generated Go is not gofmt-clean (-gofmt +got):\n%s", d)
	}
}
