// Package transpile turns GoGears gears (typed dsl pipelines) into Python
// 3.7 RedisGears scripts.
//
// [Generate] lists the user's packages with go/packages and skips those
// whose source hash (their files and those of the module packages they
// import) matches their zz_gears.go. It type-checks the rest from source,
// with the module packages they import, against export data of their other
// imports, so the user's packages are never compiled; that export data is
// loaded while the listing runs, on imports guessed with go/build. It finds
// every package-level dsl.Job or dsl.Registration variable, translates the
// closures and functions its steps reach (a checked subset of Go, see
// docs/subset.md; a generic function becomes one def per instantiation
// reached, translated with its type arguments, and instantiations that
// translate alike share one) into one script per gear, and writes
// zz_gears.go, which attaches the scripts to the gear variables. Problems
// in user code are reported as [Diagnostics] (file:line:col: GGnnn
// message: hint), all of them, never as a panic.
package transpile

import (
	"context"
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
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/mod/modfile"
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
	Hash   string // the package's source hash, as zz_gears.go records it
	// Requirements are the pip specs of the gear; or nil.
	Requirements []string
	// Registration is true for a gear closed by Register, false for Run:
	// deploying a Run script would run the job.
	Registration bool

	sum [sha256.Size]byte // of Script, taken by the worker that made it
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
	// gears concerned ("<import path>.<Gear>"; "<Gear> (removed)" for a
	// script whose gear is gone; "<import path> (source hash only)" for a
	// package whose scripts are right but whose recorded hash is not).
	Stale      []string
	StaleGears []string
	// Diagnostics are the problems found in the user's code.
	Diagnostics *Diagnostics
	// Dirs are the directories of the Go files the gear packages' source
	// hashes cover: theirs and those of the local packages they import.
	// gogears watch watches them all.
	Dirs []string
}

// ErrStale is returned in Check mode when generated files are out of date.
var ErrStale = errors.New("generated gear scripts are stale: run `go generate` (gogears gen)")

// GeneratedFile is the name of the generated Go file in each package.
const GeneratedFile = "zz_gears.go"

// generatorVersion is part of every source hash, so scripts made by an
// older translator count as stale. Bump it when the output changes.
const generatorVersion = "gogears-transpile-7"

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
	// The -tags gen passes would override those of GOFLAGS: keep them.
	envFile := goEnvFile()
	tags := slices.Concat(goflagsTags(os.Getenv, envFile), cfg.Tags, []string{genTag})
	work := goWork(cfg.Dir, os.Getenv, envFile)
	go loadShims() // parsing the shim files overlaps the listing
	fset := token.NewFileSet()
	ctx, cancel := context.WithCancel(context.Background())
	var in *checkInputs
	// The export data the gear packages need is loaded on a guess while
	// go list runs: the listing and that load are the two go commands,
	// and each takes about as long as type-checking 500 gears.
	guess := startExportLoad(ctx, cfg.Dir, tags, fset, func() []string { return guessImports(ctx, cfg.Dir, work, tags, patterns) })
	defer func() {
		cancel()
		// Leave no work behind (watch calls Generate repeatedly).
		<-guess.done
		if in != nil {
			<-in.done
		}
	}()
	// A cheap listing: which packages can hold gears, and which of those
	// are already up to date. Only stale ones are checked. Dependencies
	// are listed too (cheaply), for the hash.
	listed, err := packages.Load(&packages.Config{Context: ctx, Mode: listMode | packages.NeedDeps, Dir: cfg.Dir, BuildFlags: tagFlags(tags)}, patterns...)
	if err != nil {
		return res, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	var cands []*packages.Package
	for _, p := range listed {
		if mayHoldGears(p) {
			cands = append(cands, p)
		}
	}
	// Parse the packages that may need checking, and complete the export
	// data of their imports, while the hashes say which really do. The
	// module packages they import are checked from source too, so that
	// steps can call their functions.
	inputs := moduleClosure(cands)
	// The rest of the export data is loaded once a package is known to
	// be stale: up to date, gen starts no go command but the listing.
	needDeps := make(chan struct{})
	in = startCheckInputs(ctx, cfg.Dir, tags, fset, inputs, guess, needDeps)
	dirs := map[string]bool{}
	locals := map[*packages.Package][]*packages.Package{}
	var stale []*packages.Package
	for _, p := range cands {
		locals[p] = localImports(p)
		for _, q := range append([]*packages.Package{p}, locals[p]...) {
			if d := pkgDir(q); d != "" {
				dirs[d] = true
			}
		}
		dir := pkgDir(p)
		_, gears := p.Imports[dslPath]
		// A package without the dsl import had gears: they were removed.
		if gears && len(p.Errors) == 0 && upToDate(dir, sourceHash(p, locals[p], work, os.ReadFile), cfg.Check) {
			res.Unchanged = append(res.Unchanged, filepath.Join(dir, GeneratedFile))
			continue
		}
		if len(stale) == 0 {
			close(needDeps)
		}
		stale = append(stale, p)
	}
	res.Dirs = slices.Sorted(maps.Keys(dirs))
	res.Diagnostics = &Diagnostics{}
	if len(stale) == 0 {
		return res, nil
	}
	// What the stale packages import from the module, up-to-date gear
	// packages included, is checked from source too: steps may call its
	// functions, and its export data would mean compiling it.
	checked := withImported(stale, inputs)
	if err := in.apply(checked); err != nil {
		return res, err
	}
	ds := check(fset, checked, in.deps)
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
	for _, p := range stale {
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
		// The hash of what was parsed: a file saved since the hash above
		// was taken must leave the package stale for the next run.
		hash := sourceHash(p, locals[p], work, in.read)
		po := &pkgOut{pkg: p, hash: hash}
		for _, gd := range gears {
			jobs = append(jobs, &gearJob{po: po, gd: gd})
		}
		outs = append(outs, po)
	}
	translateGears(fset, checked, jobs)
	for _, j := range jobs {
		ds.List = append(ds.List, j.diags.List...)
		if j.gear != nil {
			j.po.gears = append(j.po.gears, *j.gear)
			if j.onDisk {
				j.po.onDisk = append(j.po.onDisk, scriptFile(*j.gear))
			}
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

// goflagsTags returns the build tags set by -tags in GOFLAGS, from the
// environment or else from the go env file (go env -w).
func goflagsTags(getenv func(string) string, envFile string) []string {
	var tags []string
	for _, f := range strings.Fields(goEnv(getenv, envFile, "GOFLAGS")) {
		if v, found := strings.CutPrefix(strings.TrimLeft(f, "-"), "tags="); found {
			tags = nil // the last -tags wins, as in the go command
			for _, t := range strings.Split(v, ",") {
				if t = strings.TrimSpace(t); t != "" {
					tags = append(tags, t)
				}
			}
		}
	}
	return tags
}

// goEnv returns the go command's setting of key: the environment's, else
// the env file's (`go env -w`).
func goEnv(getenv func(string) string, envFile, key string) string {
	if v := getenv(key); v != "" || envFile == "" {
		return v
	}
	data, _ := os.ReadFile(envFile)
	v := ""
	for _, line := range strings.Split(string(data), "\n") {
		if val, found := strings.CutPrefix(strings.TrimSpace(line), key+"="); found {
			v = val
		}
	}
	return v
}

// goWork returns the go.work file the go command uses in dir, or "":
// GOWORK's, else the nearest go.work above dir.
func goWork(dir string, getenv func(string) string, envFile string) string {
	switch w := goEnv(getenv, envFile, "GOWORK"); w {
	case "off":
		return ""
	case "":
	default:
		return w
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if w := filepath.Join(dir, "go.work"); fileExists(w) {
			return w
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// workModules returns the directories of the modules work uses.
func workModules(work string) []string {
	data, err := os.ReadFile(work)
	if err != nil {
		return nil
	}
	wf, err := modfile.ParseWork(work, data, nil)
	if err != nil {
		return nil
	}
	var dirs []string
	for _, u := range wf.Use {
		d := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(work), d)
		}
		dirs = append(dirs, d)
	}
	return dirs
}

// modFiles returns the files that fix the versions of the modules p's
// module requires: its go.mod, or in a workspace, go.work and the go.mod
// of every module it uses, named relative to go.work's directory.
func modFiles(p *packages.Package, work string) (names, paths []string) {
	if work == "" {
		if p.Module == nil || p.Module.GoMod == "" {
			return nil, nil
		}
		return []string{"go.mod"}, []string{p.Module.GoMod}
	}
	names, paths = []string{"go.work"}, []string{work}
	for _, d := range workModules(work) {
		rel, err := filepath.Rel(filepath.Dir(work), d)
		if err != nil {
			rel = d
		}
		names = append(names, filepath.ToSlash(filepath.Join(rel, "go.mod")))
		paths = append(paths, filepath.Join(d, "go.mod"))
	}
	return names, paths
}

// goEnvFile returns the go command's env file (GOENV), or "".
func goEnvFile() string {
	if f := os.Getenv("GOENV"); f != "" {
		if f == "off" {
			return ""
		}
		return f
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "go", "env")
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
	// onDisk are the scripts (paths relative to the package) whose file
	// already holds what gen would write.
	onDisk []string
}

// A gearJob is one gear to translate and, once translated, its result.
type gearJob struct {
	po   *pkgOut
	gd   *gearDecl
	gear *Gear // the result; nil when translation failed
	// onDisk reports that the script's file already holds the result:
	// workers compare while others translate.
	onDisk bool
	diags  Diagnostics // problems found in this gear
}

// translateGears translates the jobs on one worker per CPU. Gears are
// independent, but the translator records the types of the nodes it
// synthesizes (desugared x++ and op-assignments) in the package's
// types.Info, so each worker gets its own copy of the maps it writes.
func translateGears(fset *token.FileSet, pkgs []*packages.Package, jobs []*gearJob) {
	workers := max(1, min(goruntime.GOMAXPROCS(0), len(jobs)))
	// Worker 0 writes to the packages' own maps; the others get copies,
	// all made before any worker starts.
	type view struct {
		ix    *declIndex
		remap map[*packages.Package]*packages.Package
	}
	views := make([]view, workers)
	for w := range views {
		wpkgs, remap := pkgs, map[*packages.Package]*packages.Package{}
		for _, p := range pkgs {
			remap[p] = p
		}
		if w > 0 {
			wpkgs, remap = clonePackages(pkgs)
		}
		views[w] = view{newDeclIndex(wpkgs), remap}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for _, v := range views {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				gd := *jobs[i].gd
				gd.pkg = v.remap[gd.pkg]
				translateGear(fset, v.ix, &gd, jobs[i])
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
		sum:          sha256.Sum256([]byte(src)),
	}
	if dir := pkgDir(p); dir != "" {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(scriptFile(*j.gear))))
		j.onDisk = err == nil && string(old) == src
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
			// maps.Clone copies capacity too: typeCheck caps what it
			// presizes.
			info.Types = maps.Clone(p.TypesInfo.Types)
			info.Uses = maps.Clone(p.TypesInfo.Uses)
			info.Selections = maps.Clone(p.TypesInfo.Selections)
			c.TypesInfo = &info
		}
		out[i], remap[p] = &c, &c
	}
	return out, remap
}

// attachEntries splits a zz_gears.go into its gears' AttachScript calls
// (as gearEntry writes them), by gear variable.
func attachEntries(src string) map[string]string {
	out := map[string]string{}
	for {
		i := strings.Index(src, ".AttachScript(ggdsl.Script{\n")
		if i < 0 {
			return out
		}
		start := strings.LastIndex(src[:i], "\n\t") + 1
		end := strings.Index(src[i:], "\n\t})\n")
		if start == 0 || end < 0 {
			return out
		}
		end += i + len("\n\t})\n")
		out[src[start+1:i]] = src[start:end]
		src = src[end-1:] // keep the newline the next entry follows
	}
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
	data, _ := os.ReadFile(filepath.Join(dir, GeneratedFile))
	oldGo := string(data)
	oldEntries := attachEntries(oldGo)
	onDisk := map[string]bool{}
	for _, name := range po.onDisk {
		onDisk[name] = true
	}
	staleGear := map[string]bool{}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	// zz_gears.go goes last: upToDate reads a script newer than it as
	// edited by hand.
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == GeneratedFile) != (names[j] == GeneratedFile) {
			return names[j] == GeneratedFile
		}
		return names[i] < names[j]
	})
	var wroteScript, wroteGo bool
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if onDisk[name] {
			res.Unchanged = append(res.Unchanged, path)
			continue
		}
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
		wroteScript = wroteScript || name != GeneratedFile
		wroteGo = wroteGo || name == GeneratedFile
	}
	if wroteScript && !wroteGo && want[GeneratedFile] != "" {
		// A script was restored while zz_gears.go stayed the same: make it
		// newer again, or every later run would verify the scripts.
		now := time.Now()
		if err := os.Chtimes(filepath.Join(dir, GeneratedFile), now, now); err != nil {
			return err
		}
	}
	for _, g := range po.gears {
		if check && oldEntries[g.Var] != gearEntry(g) {
			staleGear[g.ID] = true
		}
	}
	if check && len(staleGear) == 0 && len(po.gears) > 0 && oldGo != want[GeneratedFile] {
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

// sourceHash hashes what the scripts of package p depend on: the
// translator version, the shims, the files that fix the versions of every
// other module (modFiles; work is the go.work in use, or ""), and the Go
// files (but zz_gears.go) of p and of the
// packages of local modules it imports, directly or not (local, from
// localImports): its own module, go.work modules and directory
// replacements.
func sourceHash(p *packages.Package, local []*packages.Package, work string, read func(string) ([]byte, error)) string {
	h := sha256.New()
	h.Write([]byte(generatorVersion))
	h.Write([]byte(shimDigest()))
	names, paths := modFiles(p, work)
	for i, path := range paths {
		data, _ := read(path)
		fmt.Fprintf(h, "%s\x00%d\x00", names[i], len(data))
		h.Write(data)
	}
	hashFiles(h, p, read)
	for _, d := range local {
		hashFiles(h, d, read)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// localImports returns the packages of local modules (see localModule)
// that p imports, directly or not, sorted by import path. p must be
// listed with its dependencies.
func localImports(p *packages.Package) []*packages.Package {
	seen := map[string]*packages.Package{}
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		for path, d := range q.Imports {
			if _, ok := seen[path]; !ok && localModule(d.Module) {
				seen[path] = d
				visit(d)
			}
		}
	}
	visit(p)
	out := make([]*packages.Package, 0, len(seen))
	for _, path := range slices.Sorted(maps.Keys(seen)) {
		out = append(out, seen[path])
	}
	return out
}

// localModule reports whether m's files are on disk to edit rather than
// fixed by a version in go.mod: the main module, a go.work module, or a
// replacement by a directory. Standard packages have no module.
func localModule(m *packages.Module) bool {
	return m != nil && (m.Version == "" || m.Replace != nil && m.Replace.Version == "")
}

func hashFiles(h io.Writer, p *packages.Package, read func(string) ([]byte, error)) {
	files := append([]string(nil), p.GoFiles...)
	sort.Strings(files)
	for _, f := range files {
		if filepath.Base(f) == GeneratedFile {
			continue
		}
		data, err := read(f)
		if err != nil {
			continue
		}
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00", p.PkgPath, filepath.Base(f), len(data))
		h.Write(data)
	}
}
