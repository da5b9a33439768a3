package transpile

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"
)

// TestGuessImports checks that the export load started before go list
// guesses the imports the listing then asks for, for the usual patterns,
// and gives up on import-path patterns.
func TestGuessImports(t *testing.T) {
	dir := crossModule(t)
	tags := []string{genTag}
	listed := func(patterns ...string) []string {
		pkgs, err := packages.Load(&packages.Config{Mode: listMode | packages.NeedDeps, Dir: dir, BuildFlags: tagFlags(tags)}, patterns...)
		must(t, err)
		var cands []*packages.Package
		for _, p := range pkgs {
			if mayHoldGears(p) {
				cands = append(cands, p)
			}
		}
		return importsOutside(moduleClosure(cands))
	}
	tests := []struct {
		dir      string
		patterns []string
		want     []string
	}{
		{dir, []string{"./gears"}, listed("./gears")},
		{dir, []string{"./..."}, listed("./...")},
		{filepath.Join(dir, "gears"), []string{"."}, listed("./gears")},
		{dir, []string{"example.com/shop/gears"}, nil},
	}
	for _, tt := range tests {
		got := guessImports(t.Context(), tt.dir, "", tags, tt.patterns)
		if !cmp.Equal(got, tt.want) {
			t.Errorf("guessImports(%s, %q) = %q, want %q", tt.dir, tt.patterns, got, tt.want)
		}
	}
	if want := listed("./gears"); len(want) < 3 || !slices.Contains(want, dslPath) || slices.Contains(want, "example.com/shop/text") {
		t.Errorf("imports outside the checked packages = %q; want dsl and the standard packages, not the module's", want)
	}
	// Once generated, the gear package looks up to date: nothing to load,
	// until the package it imports indirectly changes.
	if _, err := Generate(Config{Dir: dir, Patterns: []string{"./gears"}}); err != nil {
		t.Fatal(err)
	}
	if got := guessImports(t.Context(), dir, "", tags, []string{"./..."}); got != nil {
		t.Errorf("guessImports after generating = %q, want nil (up to date)", got)
	}
	must(t, os.WriteFile(filepath.Join(dir, "marks", "marks.go"), []byte("package marks\n\nconst Bang = \"?\"\n"), 0o644))
	if got, want := guessImports(t.Context(), dir, "", tags, []string{"./..."}), listed("./..."); !cmp.Equal(got, want) {
		t.Errorf("guessImports after an edit = %q, want %q", got, want)
	}
}

// TestWrongGuessStillCorrect checks that a guess that misses imports, or
// reads a package that is checked from source, changes nothing but time.
func TestWrongGuessStillCorrect(t *testing.T) {
	dir := crossModule(t)
	want, err := Generate(Config{Dir: dir, Patterns: []string{"./gears"}, Check: true})
	if !errors.Is(err, ErrStale) {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		guess []string
	}{
		{"nothing guessed", nil},
		{"too little", []string{"fmt"}},
		{"a package checked from source", []string{"example.com/shop/text", "strings"}},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		pkgs, err := packages.Load(&packages.Config{Mode: listMode | packages.NeedDeps, Dir: dir, BuildFlags: tagFlags([]string{genTag})}, "./gears")
		must(t, err)
		inputs := moduleClosure(pkgs)
		g := startExportLoad(t.Context(), dir, []string{genTag}, fset, func() []string { return tt.guess })
		in := startCheckInputs(t.Context(), dir, []string{genTag}, fset, inputs, g, now)
		must(t, in.apply(inputs))
		if ds := check(fset, inputs, in.deps); ds.Len() > 0 {
			t.Errorf("%s: check(%q) = %s, want no diagnostics", tt.name, tt.guess, ds)
		}
		ix := newDeclIndex(inputs)
		po := &pkgOut{pkg: inputs[0]}
		gears := findGears(inputs[0], fset, &Diagnostics{})
		if len(gears) != len(want.Gears) || len(gears) == 0 {
			t.Fatalf("%s: found %d gears, Generate %d; want the same, more than none", tt.name, len(gears), len(want.Gears))
		}
		for i, gd := range gears {
			j := &gearJob{po: po, gd: gd}
			translateGear(fset, ix, j.gd, j)
			if j.gear == nil || j.gear.Script != want.Gears[i].Script {
				t.Errorf("%s: script of %s differs from Generate's", tt.name, gd.obj.Name())
			}
		}
	}
}

// TestHashOfParsedText checks that the hash recorded for the scripts is
// the hash of the text that was parsed: a file saved in between must leave
// the package stale, not recorded as up to date.
func TestHashOfParsedText(t *testing.T) {
	dir := crossModule(t)
	pkgs, err := packages.Load(&packages.Config{Mode: listMode | packages.NeedDeps, Dir: dir, BuildFlags: tagFlags([]string{genTag})}, "./gears")
	must(t, err)
	gears := pkgs[0]
	before := sourceHash(gears, localImports(gears), "", os.ReadFile)
	in := startCheckInputs(t.Context(), dir, []string{genTag}, token.NewFileSet(), moduleClosure(pkgs), nil, now)
	must(t, in.apply(pkgs))
	// Saved after parsing: a file of the package, and one of a module
	// package it imports.
	for _, f := range []string{"gears/loud.go", "text/text.go"} {
		path := filepath.Join(dir, f)
		data, err := os.ReadFile(path)
		must(t, err)
		must(t, os.WriteFile(path, append(data, "// saved later\n"...), 0o644))
	}
	if got := sourceHash(gears, localImports(gears), "", in.read); got != before {
		t.Errorf("sourceHash(parsed text) = %s, want %s, the hash before the save", got, before)
	}
	if now := sourceHash(gears, localImports(gears), "", os.ReadFile); now == before {
		t.Errorf("sourceHash(files now) = %s, want it to differ from the parsed text's", now)
	}
}

func TestGoflagsTags(t *testing.T) {
	envFile := filepath.Join(t.TempDir(), "env")
	must(t, os.WriteFile(envFile, []byte("GOPROXY=off\nGOFLAGS=-mod=mod --tags=file1,file2\n"), 0o644))
	tests := []struct {
		goflags string
		file    string
		want    []string
	}{
		{"", "", nil},
		{"-tags=prod", "", []string{"prod"}},
		{"-mod=mod -tags=a,b", "", []string{"a", "b"}},
		{"-tags=a -tags=b", "", []string{"b"}},
		{"", envFile, []string{"file1", "file2"}},
		{"-tags=env", envFile, []string{"env"}},
		{"", filepath.Join(t.TempDir(), "missing"), nil},
	}
	for _, tt := range tests {
		getenv := func(k string) string {
			if k == "GOFLAGS" {
				return tt.goflags
			}
			return ""
		}
		if got := goflagsTags(getenv, tt.file); !cmp.Equal(got, tt.want) {
			t.Errorf("goflagsTags(GOFLAGS=%q, file %s) = %q, want %q", tt.goflags, tt.file, got, tt.want)
		}
	}
}

// load lists and parses the packages matching patterns, followed by the
// packages of their modules they import, loads their other imports from
// export data, and type-checks them from source. Load and
// type errors become LoadError diagnostics; the packages are returned even
// then so callers can report everything at once.
func load(dir string, tags []string, patterns []string) ([]*packages.Package, *token.FileSet, *Diagnostics, error) {
	fset := token.NewFileSet()
	roots, err := packages.Load(&packages.Config{Mode: listMode | packages.NeedDeps, Dir: dir, BuildFlags: tagFlags(tags)}, patterns...)
	if err != nil {
		return nil, fset, nil, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	pkgs := moduleClosure(roots)
	in := startCheckInputs(context.Background(), dir, tags, fset, pkgs, nil, now)
	if err := in.apply(pkgs); err != nil {
		return pkgs, fset, nil, err
	}
	return pkgs, fset, check(fset, pkgs, in.deps), nil
}

// now is a closed channel: startCheckInputs loads the export data at once.
var now = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// TestGoWork checks that gen finds the go.work the go command would use.
func TestGoWork(t *testing.T) {
	root := t.TempDir()
	nested := filepath.Join(root, "a", "gears")
	must(t, os.MkdirAll(nested, 0o755))
	work := filepath.Join(root, "go.work")
	must(t, os.WriteFile(work, []byte("go 1.27\n\nuse ./a\n"), 0o644))
	other := filepath.Join(t.TempDir(), "other.work")
	envFile := filepath.Join(t.TempDir(), "env")
	must(t, os.WriteFile(envFile, []byte("GOWORK=off\n"), 0o644))
	tests := []struct {
		gowork, envFile, want string
	}{
		{"", "", work},
		{"off", "", ""},
		{other, "", other},
		{"", envFile, ""},
		{work, envFile, work},
	}
	for _, tt := range tests {
		getenv := func(k string) string {
			if k == "GOWORK" {
				return tt.gowork
			}
			return ""
		}
		if got := goWork(nested, getenv, tt.envFile); got != tt.want {
			t.Errorf("goWork(GOWORK=%q, env file %q) = %q, want %q", tt.gowork, tt.envFile, got, tt.want)
		}
	}
}
