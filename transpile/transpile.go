// Package transpile turns GoGears gears (typed dsl pipelines) into Python
// 3.7 RedisGears scripts.
//
// [Generate] lists the user's packages with go/packages, skips those whose
// source hash matches their zz_gears.go, and type-checks the rest from
// source against export data of their imports (so the user's own packages
// are never compiled). It finds every package-level dsl.Job or
// dsl.Registration variable, translates the
// closures and functions its steps reach (a checked subset of Go, see
// docs/subset.md) into one script per gear, and writes zz_gears.go, which
// attaches the scripts to the gear variables. Problems in user code are
// reported as [Diagnostics] (file:line:col: GGnnn message: hint), all of
// them, never as a panic.
package transpile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/token"
	"io"
	"maps"
	"os"
	"path/filepath"
	goruntime "runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/packages"
)

// Config says what Generate works on.
type Config struct {
	// Dir is the directory patterns are relative to; "" means the current
	// directory.
	Dir string
	// Patterns are package patterns, as for go build; default "./...".
	Patterns []string
	// Tags are build tags passed to the loader; or nil.
	Tags []string
	// Check reports stale generated files without writing anything.
	Check bool
}

// A Gear is one translated gear.
type Gear struct {
	ID     string // "<import path>.<GearVar>"
	Var    string // the Go variable name
	Pkg    string // import path
	Script string // the Python script
	Hash   string // hex SHA-256 of the package's Go source
	// Requirements are the pip specs of the gear; or nil.
	Requirements []string
	// Registration is true for a gear closed by Register, false for Run:
	// deploying a Run script would run the job.
	Registration bool
}

// Result is what Generate did.
type Result struct {
	Gears []Gear
	// Written are the generated files written (not in Check mode).
	Written []string
	// Removed are generated files deleted because their gears are gone.
	Removed []string
	// Unchanged are generated files that were already up to date.
	Unchanged []string
	// Stale are generated files that differ from what Generate would
	// write; in Check mode nothing is written and StaleGears names the
	// gears concerned.
	Stale      []string
	StaleGears []string
	// Diagnostics are the problems found in the user's code.
	Diagnostics *Diagnostics
}

// ErrStale is returned in Check mode when generated files are out of date.
var ErrStale = errors.New("generated gear scripts are stale: run `go generate` (gogears gen)")

// GeneratedFile is the name of the generated Go file in each package.
const GeneratedFile = "zz_gears.go"

// generatorVersion is part of every source hash, so scripts made by an
// older translator count as stale. Bump it when the output changes.
const generatorVersion = "gogears-transpile-5"

// Generate translates the gears of the packages cfg names. It returns the
// diagnostics as an error (*Diagnostics) when there are any, and ErrStale
// in Check mode when files are out of date; Result is filled either way.
//
// A package whose zz_gears.go records the hash of its current source (and
// of this translator) is up to date and is not type-checked again, the way
// go vet reuses its cache.
func Generate(cfg Config) (res Result, err error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	tags := append(append([]string(nil), cfg.Tags...), genTag)
	// A cheap listing first: which packages can hold gears, and which of
	// those are already up to date. Only stale ones are parsed and checked.
	listed, err := packages.Load(&packages.Config{Mode: listMode, Dir: cfg.Dir, BuildFlags: tagFlags(tags)}, patterns...)
	if err != nil {
		return res, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	byPath := map[string]*packages.Package{}
	for _, p := range listed {
		byPath[p.PkgPath] = p
	}
	if err := listModuleImports(cfg, tags, listed, byPath); err != nil {
		return res, err
	}
	var stale []*packages.Package
	hashes := map[string]string{}
	for _, p := range listed {
		dir := pkgDir(p)
		hasGenerated := dir != "" && fileExists(filepath.Join(dir, GeneratedFile))
		if _, ok := p.Imports[dslPath]; !ok && len(p.Errors) == 0 {
			if hasGenerated {
				stale = append(stale, p) // its gears were removed
			}
			continue
		}
		h := sourceHash(p, byPath)
		hashes[p.PkgPath] = h
		if len(p.Errors) == 0 && hasGenerated && fileExists(filepath.Join(dir, ScriptDir)) {
			old, _ := os.ReadFile(filepath.Join(dir, GeneratedFile))
			if bytes.Contains(old, []byte("\n// gogears:hash "+h+"\n")) {
				res.Unchanged = append(res.Unchanged, filepath.Join(dir, GeneratedFile))
				continue
			}
		}
		stale = append(stale, p)
	}
	res.Diagnostics = &Diagnostics{}
	if len(stale) == 0 {
		return res, nil
	}
	pkgs := stale
	fset := token.NewFileSet()
	parse(fset, pkgs)
	ds, err := check(cfg.Dir, tags, fset, pkgs)
	if err != nil {
		return res, err
	}
	res.Diagnostics = ds
	defer func() {
		if r := recover(); r != nil {
			ds.add(Diagnostic{Code: InternalError, Message: fmt.Sprintf("internal error: %v", r), Hint: "this is a gogears bug; please report it"})
			ds.finish()
			err = ds
		}
	}()
	if ds.HasErrors() {
		ds.finish()
		return res, ds
	}
	var outs []*pkgOut
	var jobs []*gearJob
	for _, p := range pkgs {
		if p.Module == nil {
			continue
		}
		gears := findGears(p, fset, ds)
		if len(gears) == 0 {
			// Still visit a package whose gears were all removed, so
			// its generated files go too.
			if dir := pkgDir(p); dir != "" && fileExists(filepath.Join(dir, GeneratedFile)) {
				outs = append(outs, &pkgOut{pkg: p})
			}
			continue
		}
		hash := hashes[p.PkgPath]
		if hash == "" {
			hash = sourceHash(p, byPath)
		}
		po := &pkgOut{pkg: p, hash: hash}
		for _, gd := range gears {
			jobs = append(jobs, &gearJob{po: po, gd: gd})
		}
		outs = append(outs, po)
	}
	translateGears(fset, pkgs, jobs)
	for _, j := range jobs {
		ds.List = append(ds.List, j.diags.List...)
		if j.gear != nil {
			j.po.gears = append(j.po.gears, *j.gear)
		}
	}
	ds.finish()
	for _, po := range outs {
		res.Gears = append(res.Gears, po.gears...)
	}
	if ds.HasErrors() {
		return res, ds
	}
	for _, po := range outs {
		dir := pkgDir(po.pkg)
		if dir == "" {
			continue
		}
		if err := syncGenerated(dir, *po, cfg.Check, &res); err != nil {
			return res, err
		}
	}
	if cfg.Check && len(res.Stale) > 0 {
		return res, fmt.Errorf("%w: %s", ErrStale, strings.Join(res.StaleGears, ", "))
	}
	return res, nil
}

// tagFlags passes build tags to go list.
func tagFlags(tags []string) []string {
	if len(tags) == 0 {
		return nil
	}
	return []string{"-tags=" + strings.Join(tags, ",")}
}

// pkgOut is one package's translated gears.
type pkgOut struct {
	pkg   *packages.Package
	hash  string
	gears []Gear
}

// A gearJob is one gear to translate and, once translated, its result.
type gearJob struct {
	po    *pkgOut
	gd    *gearDecl
	gear  *Gear       // the result; nil when translation failed
	diags Diagnostics // problems found in this gear
}

// translateGears translates the jobs on one worker per CPU. Gears are
// independent, but the translator records the types of the nodes it
// synthesizes (desugared x++ and op-assignments) in the package's
// types.Info, so each worker gets its own copy of the maps it writes.
func translateGears(fset *token.FileSet, pkgs []*packages.Package, jobs []*gearJob) {
	workers := min(goruntime.GOMAXPROCS(0), len(jobs))
	if workers <= 1 {
		ix := newDeclIndex(pkgs)
		for _, j := range jobs {
			translateGear(fset, ix, j.gd, j)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wpkgs, remap := clonePackages(pkgs)
		ix := newDeclIndex(wpkgs)
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				gd := *jobs[i].gd
				gd.pkg = remap[gd.pkg]
				translateGear(fset, ix, &gd, jobs[i])
			}
		})
	}
	wg.Wait()
}

// translateGear translates one gear into j.gear, reporting problems, a
// translator panic included, in j.diags.
func translateGear(fset *token.FileSet, ix *declIndex, gd *gearDecl, j *gearJob) {
	defer func() {
		if r := recover(); r != nil {
			j.gear = nil
			j.diags.add(Diagnostic{Pos: fset.Position(gd.spec.Pos()), Code: InternalError, Message: fmt.Sprintf("internal error: %v", r), Hint: "this is a gogears bug; please report it"})
		}
	}()
	p := gd.pkg
	t := newTranslatorIndex(fset, ix, p.Module.Path, &j.diags)
	src, err := t.gearScript(gd)
	if err != nil {
		j.diags.add(Diagnostic{Pos: fset.Position(gd.spec.Pos()), Code: InternalError, Message: "internal error printing the script: " + err.Error(), Hint: "this is a gogears bug; please report it"})
		return
	}
	j.gear = &Gear{
		ID: p.PkgPath + "." + gd.obj.Name(), Var: gd.obj.Name(), Pkg: p.PkgPath,
		Script: src, Hash: j.po.hash, Requirements: gd.reqs,
		Registration: gd.action.name == "Register",
	}
}

// clonePackages copies pkgs with private copies of the types.Info maps the
// translator writes, and maps each original to its copy.
func clonePackages(pkgs []*packages.Package) ([]*packages.Package, map[*packages.Package]*packages.Package) {
	out := make([]*packages.Package, len(pkgs))
	remap := make(map[*packages.Package]*packages.Package, len(pkgs))
	for i, p := range pkgs {
		c := *p
		if p.TypesInfo != nil {
			info := *p.TypesInfo
			info.Types = maps.Clone(p.TypesInfo.Types)
			info.Uses = maps.Clone(p.TypesInfo.Uses)
			info.Selections = maps.Clone(p.TypesInfo.Selections)
			c.TypesInfo = &info
		}
		out[i], remap[p] = &c, &c
	}
	return out, remap
}

// syncGenerated brings a package's generated files (zz_gears.go and one
// script per gear) up to date, or in check mode records which are stale.
// Files are written only when their content changes, and scripts of gears
// that no longer exist are removed.
func syncGenerated(dir string, po pkgOut, check bool, res *Result) error {
	want := map[string]string{}
	if len(po.gears) > 0 {
		want[GeneratedFile] = generatedGo(po.pkg.Name, po.hash, po.gears)
	}
	owner := map[string]string{}
	for _, g := range po.gears {
		want[scriptFile(g)] = g.Script
		owner[scriptFile(g)] = g.ID
	}
	oldGo, _ := os.ReadFile(filepath.Join(dir, GeneratedFile))
	staleGear := map[string]bool{}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		old, err := os.ReadFile(path)
		if err == nil && string(old) == want[name] {
			res.Unchanged = append(res.Unchanged, path)
			continue
		}
		if check {
			res.Stale = append(res.Stale, path)
			if id, ok := owner[name]; ok {
				staleGear[id] = true
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(want[name]), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		res.Written = append(res.Written, path)
	}
	for _, g := range po.gears {
		if check && !strings.Contains(string(oldGo), gearEntry(g)) {
			staleGear[g.ID] = true
		}
	}
	if check && len(staleGear) == 0 && len(po.gears) > 0 && string(oldGo) != want[GeneratedFile] {
		// Only the recorded source hash differs: an edit that left every
		// script as it was (a comment, say).
		staleGear[po.pkg.PkgPath+" (source hash only)"] = true
	}
	// Files of removed or renamed gears.
	extra, _ := filepath.Glob(filepath.Join(dir, ScriptDir, "*.py"))
	if len(po.gears) == 0 {
		extra = append(extra, filepath.Join(dir, GeneratedFile))
	}
	for _, path := range extra {
		rel, _ := filepath.Rel(dir, path)
		if _, ok := want[filepath.ToSlash(rel)]; ok {
			continue
		}
		if check {
			res.Stale = append(res.Stale, path)
			staleGear[strings.TrimSuffix(filepath.Base(path), ".py")+" (removed)"] = true
			continue
		}
		if err := os.Remove(path); err != nil {
			return err
		}
		res.Removed = append(res.Removed, path)
	}
	if !check {
		os.Remove(filepath.Join(dir, ScriptDir)) // only succeeds when empty
	}
	for id := range staleGear {
		res.StaleGears = append(res.StaleGears, id)
	}
	sort.Strings(res.StaleGears)
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// pkgDir returns the directory of a package's Go files.
func pkgDir(p *packages.Package) string {
	if len(p.GoFiles) == 0 {
		return ""
	}
	return filepath.Dir(p.GoFiles[0])
}

// listModuleImports adds to byPath the packages of the same module that
// the listed packages import but the patterns did not name, so that a
// package's hash does not depend on which other packages were listed with
// it (gen ./... and gen ./pkg must agree).
func listModuleImports(cfg Config, tags []string, listed []*packages.Package, byPath map[string]*packages.Package) error {
	var missing []string
	seen := map[string]bool{}
	for _, p := range listed {
		if p.Module == nil {
			continue
		}
		for path := range p.Imports {
			same := path == p.Module.Path || strings.HasPrefix(path, p.Module.Path+"/")
			if same && byPath[path] == nil && !seen[path] {
				seen[path] = true
				missing = append(missing, path)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	deps, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedModule,
		Dir: cfg.Dir, BuildFlags: tagFlags(tags)}, missing...)
	if err != nil {
		return fmt.Errorf("load %s: %w", strings.Join(missing, " "), err)
	}
	for _, d := range deps {
		byPath[d.PkgPath] = d
	}
	return nil
}

// sourceHash hashes the translator version, the shims, and the Go files
// (except the generated one) of the package and of the module packages it
// imports directly: any change there makes the scripts stale.
func sourceHash(p *packages.Package, byPath map[string]*packages.Package) string {
	h := sha256.New()
	h.Write([]byte(generatorVersion))
	h.Write([]byte(shimDigest()))
	hashFiles(h, p)
	var deps []string
	for path := range p.Imports {
		if dp, ok := byPath[path]; ok && dp.Module != nil && p.Module != nil && dp.Module.Path == p.Module.Path {
			deps = append(deps, path)
		}
	}
	sort.Strings(deps)
	for _, d := range deps {
		hashFiles(h, byPath[d])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func hashFiles(h io.Writer, p *packages.Package) {
	files := append([]string(nil), p.GoFiles...)
	sort.Strings(files)
	for _, f := range files {
		if filepath.Base(f) == GeneratedFile {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00", p.PkgPath, filepath.Base(f), len(data))
		h.Write(data)
	}
}
