package transpile

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// listMode only lists packages: names, files, imports and modules. gen
// parses and type-checks the packages it translates itself: go/packages
// with NeedTypes but not NeedDeps runs `go list -export`, which compiles
// every listed package, the user's included. That compile was 2.7 s of
// 3.2 s for a 500-gear package after an edit (bench/transpile.sh).
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedModule

// parseFiles parses the Go files of a package loaded with listMode.
// The text of each file it read goes to srcs, so that the hash recorded
// for the scripts is the hash of what was translated.
func parseFiles(fset *token.FileSet, p *packages.Package, srcs map[string][]byte) (files []*ast.File, errs []packages.Error) {
	for _, name := range p.GoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		srcs[name] = src
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				errs = append(errs, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		} else if err != nil {
			errs = append(errs, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files, errs
}

// checkInputs is what type-checking a set of listed packages needs besides
// the packages themselves: their parsed files and the types of what they
// import. startCheckInputs gathers them in the background so that the
// export-data load, a `go list -export` run, overlaps other work.
type checkInputs struct {
	done  chan struct{}                          // closed when all below are set
	files map[*packages.Package][]*ast.File      // parsed files
	errs  map[*packages.Package][]packages.Error // parse errors
	srcs  map[string][]byte                      // the text parsed, by file name
	deps  *exports                               // the other imports
	err   error                                  // why deps could not be loaded
}

// read returns the text of a file as it was parsed, or else as it is now.
func (in *checkInputs) read(name string) ([]byte, error) {
	if src, ok := in.srcs[name]; ok {
		return src, nil
	}
	return os.ReadFile(name)
}

// startCheckInputs parses pkgs and, once need is closed, loads from
// export data every package they import that is not among them. It uses
// what guess, an export load started earlier on a guess of those imports,
// got right, and loads the rest. Cancelling ctx stops the work.
func startCheckInputs(ctx context.Context, dir string, tags []string, fset *token.FileSet, pkgs []*packages.Package, guess *exportLoad, need <-chan struct{}) *checkInputs {
	in := &checkInputs{
		done:  make(chan struct{}),
		files: map[*packages.Package][]*ast.File{},
		errs:  map[*packages.Package][]packages.Error{},
		srcs:  map[string][]byte{},
	}
	ids := importsOutside(pkgs)
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		select {
		case <-need:
			in.deps, in.err = completeExports(ctx, dir, tags, fset, ids, pkgs, guess)
		case <-ctx.Done():
			in.err = ctx.Err()
		}
	}()
	go func() {
		defer close(in.done)
		for _, p := range pkgs {
			if ctx.Err() != nil {
				break
			}
			in.files[p], in.errs[p] = parseFiles(fset, p, in.srcs)
		}
		<-loaded
	}()
	return in
}

// exports are packages read from export data, all into one imports map so
// that they share their dependencies' types.
type exports struct {
	requested map[string]bool           // IDs asked of go list
	types     map[string]*types.Package // by ID
	errs      map[string]string         // why an ID has no types
	imports   map[string]*types.Package // gcexportdata's map, by path
}

// exportLoad is a background loadExports.
type exportLoad struct {
	done chan struct{} // closed when x and err are set
	x    *exports      // what was loaded
	err  error         // why the go command failed
}

// newExports returns an empty set.
func newExports() *exports {
	return &exports{requested: map[string]bool{}, types: map[string]*types.Package{}, errs: map[string]string{}, imports: map[string]*types.Package{}}
}

// startExportLoad runs loadExports in the background for the packages
// ids returns, computed in the background too.
func startExportLoad(ctx context.Context, dir string, tags []string, fset *token.FileSet, ids func() []string) *exportLoad {
	l := &exportLoad{done: make(chan struct{}), x: newExports()}
	go func() {
		defer close(l.done)
		l.err = loadExports(ctx, dir, tags, fset, ids(), l.x)
	}()
	return l
}

// guessImports guesses, without the go command, what importsOutside will
// return for the gear packages that patterns match and the module
// packages they import: it lists them with go/build. It returns nil when
// a pattern is not a directory, or when every gear package looks up to
// date, so that nothing is loaded in vain. A wrong guess costs time, never
// correctness: completeExports loads what the guess missed, and drops a
// guess that read a package that is checked from source.
func guessImports(ctx context.Context, dir, work string, tags, patterns []string) []string {
	if dir == "" {
		dir = "."
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	modRoot := dir
	for !fileExists(filepath.Join(modRoot, "go.mod")) {
		up := filepath.Dir(modRoot)
		if up == modRoot {
			return nil
		}
		modRoot = up
	}
	gomod, err := os.ReadFile(filepath.Join(modRoot, "go.mod"))
	if err != nil {
		return nil
	}
	mf, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil || mf.Module == nil {
		return nil
	}
	// Local modules (sourceHash hashes their files): the main one, the
	// other modules of the workspace, and those replaced by a directory.
	main := &packages.Module{Path: mf.Module.Mod.Path, GoMod: filepath.Join(modRoot, "go.mod")}
	locals := map[*packages.Module]string{main: modRoot} // module → directory
	addReplaces := func(replaces []*modfile.Replace, base string) {
		for _, r := range replaces {
			if r.New.Version == "" {
				d := r.New.Path
				if !filepath.IsAbs(d) {
					d = filepath.Join(base, d)
				}
				locals[&packages.Module{Path: r.Old.Path, Version: r.Old.Version, Replace: &packages.Module{Path: r.New.Path}}] = d
			}
		}
	}
	addReplaces(mf.Replace, modRoot)
	if work != "" {
		for _, d := range workModules(work) {
			data, err := os.ReadFile(filepath.Join(d, "go.mod"))
			if err != nil || filepath.Clean(d) == filepath.Clean(modRoot) {
				continue
			}
			if wm, err := modfile.Parse("go.mod", data, nil); err == nil && wm.Module != nil {
				locals[&packages.Module{Path: wm.Module.Mod.Path, GoMod: filepath.Join(d, "go.mod")}] = d
				addReplaces(wm.Replace, d)
			}
		}
		if data, err := os.ReadFile(work); err == nil {
			if wf, err := modfile.ParseWork(work, data, nil); err == nil {
				addReplaces(wf.Replace, filepath.Dir(work))
			}
		}
	}
	// moduleOf returns the local module of an import path and the path
	// within it, or nil.
	moduleOf := func(imp string) (*packages.Module, string) {
		var best *packages.Module
		var bestRel string
		for m := range locals {
			if rel, ok := strings.CutPrefix(imp, m.Path); ok && (rel == "" || rel[0] == '/') && (best == nil || len(m.Path) > len(best.Path)) {
				best, bestRel = m, rel
			}
		}
		return best, bestRel
	}
	var roots []string
	for _, pat := range patterns {
		local := pat == "." || pat == ".." || strings.HasPrefix(pat, "./") || strings.HasPrefix(pat, "../") || filepath.IsAbs(pat)
		if !local {
			return nil
		}
		base, all := strings.CutSuffix(pat, "/...")
		if !filepath.IsAbs(base) {
			base = filepath.Join(dir, base)
		}
		if !all {
			roots = append(roots, base)
			continue
		}
		filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return filepath.SkipAll
			}
			if err != nil || !d.IsDir() {
				return nil
			}
			name := d.Name()
			if path != base && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor" || fileExists(filepath.Join(path, "go.mod"))) {
				return filepath.SkipDir
			}
			roots = append(roots, path)
			return nil
		})
	}
	// Packages as listMode|NeedDeps would list them, from go/build.
	ctxt := build.Default
	ctxt.BuildTags = tags
	byDir := map[string]*packages.Package{}
	var list func(m *packages.Module, d string) *packages.Package
	list = func(m *packages.Module, d string) *packages.Package {
		if p, ok := byDir[d]; ok || ctx.Err() != nil {
			return p
		}
		byDir[d] = nil // a cycle ends here
		bp, err := ctxt.ImportDir(d, 0)
		if err != nil {
			return nil
		}
		rel, err := filepath.Rel(locals[m], d)
		if err != nil || !filepath.IsLocal(rel) && rel != "." {
			return nil
		}
		p := &packages.Package{PkgPath: path.Join(m.Path, filepath.ToSlash(rel)), Module: m, Imports: map[string]*packages.Package{}}
		p.ID = p.PkgPath
		for _, f := range slices.Concat(bp.GoFiles, bp.CgoFiles) {
			p.GoFiles = append(p.GoFiles, filepath.Join(d, f))
		}
		byDir[d] = p
		for _, imp := range bp.Imports {
			if im, rel := moduleOf(imp); im != nil {
				if q := list(im, filepath.Join(locals[im], filepath.FromSlash(rel))); q != nil {
					p.Imports[imp] = q
				}
			} else if imp != "C" {
				p.Imports[imp] = &packages.Package{ID: imp, PkgPath: imp}
			}
		}
		return p
	}
	var cands []*packages.Package
	current := true
	for _, r := range roots {
		if p := list(main, r); p != nil && mayHoldGears(p) {
			cands = append(cands, p)
			_, gears := p.Imports[dslPath]
			// The scripts are left to Generate to verify: reading them
			// here would compete with go list for the CPU.
			current = current && gears && fileExists(filepath.Join(r, GeneratedFile)) && recordsHash(r, sourceHash(p, localImports(p), work, os.ReadFile))
		}
	}
	if current {
		return nil
	}
	return importsOutside(moduleClosure(cands))
}

// completeExports returns the export data of ids, imported by pkgs: what
// guess loaded, when it is usable, and the rest from one more go list. A
// guess is not usable when it failed or when it read from export data a
// package that pkgs are checked with from source.
func completeExports(ctx context.Context, dir string, tags []string, fset *token.FileSet, ids []string, pkgs []*packages.Package, guess *exportLoad) (*exports, error) {
	x := newExports()
	if guess != nil {
		<-guess.done
		usable := guess.err == nil
		for _, p := range pkgs {
			if guess.x.requested[p.ID] || guess.x.imports[p.PkgPath] != nil {
				usable = false
			}
		}
		if usable {
			x = guess.x
		}
	}
	var missing []string
	for _, id := range ids {
		if !x.requested[id] {
			missing = append(missing, id)
		}
	}
	return x, loadExports(ctx, dir, tags, fset, missing, x)
}

// loadExports reads the types of the packages ids from their export data
// into x. `go list -export` finds the data in the build cache, or compiles
// a package that changed. It is one go command where packages.Load would
// run three (version, type sizes, list).
func loadExports(ctx context.Context, dir string, tags []string, fset *token.FileSet, ids []string, x *exports) error {
	if len(ids) == 0 {
		return nil
	}
	args := append([]string{"list", "-e", "-export", "-json=ImportPath,Export,Error"}, tagFlags(tags)...)
	cmd := exec.CommandContext(ctx, "go", append(append(args, "--"), ids...)...)
	cmd.Dir = dir
	// Interrupted, the go command stops the compilers it started; killed,
	// it would leave them running.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 2 * time.Second
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list -export: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	for _, id := range ids {
		x.requested[id] = true
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var lp struct {
			ImportPath, Export string
			Error              *struct{ Err string }
		}
		if err := dec.Decode(&lp); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("go list -export: %w", err)
		}
		if lp.Export == "" {
			x.errs[lp.ImportPath] = "no export data"
			if lp.Error != nil {
				x.errs[lp.ImportPath] = lp.Error.Err
			}
			continue
		}
		t, err := readExport(fset, x.imports, lp.ImportPath, lp.Export)
		if err != nil {
			return err
		}
		x.types[lp.ImportPath] = t
	}
	return nil
}

// readExport reads one package's export data file.
func readExport(fset *token.FileSet, imports map[string]*types.Package, path, file string) (*types.Package, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("export data of %s: %w", path, err)
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("export data of %s: %w", path, err)
	}
	t, err := gcexportdata.Read(r, fset, imports, path)
	if err != nil {
		return nil, fmt.Errorf("export data of %s: %w", path, err)
	}
	return t, nil
}

// apply waits for the inputs and stores the parse results in the packages
// in pkgs, a subset of those they were started for.
func (in *checkInputs) apply(pkgs []*packages.Package) error {
	<-in.done
	if in.err != nil {
		return in.err
	}
	for _, p := range pkgs {
		p.Syntax = in.files[p]
		p.Errors = append(p.Errors, in.errs[p]...)
	}
	return nil
}

// importsOutside returns the sorted IDs of the packages that pkgs import
// and that are not among them.
func importsOutside(pkgs []*packages.Package) []string {
	in := map[string]bool{}
	for _, p := range pkgs {
		in[p.ID] = true
	}
	var ids []string
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			if !in[imp.ID] && imp.ID != "unsafe" && imp.ID != "C" && !seen[imp.ID] {
				seen[imp.ID] = true
				ids = append(ids, imp.ID)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// check type-checks roots, parsed into fset, against the types of their
// other imports, and reports their load and type errors as diagnostics.
func check(fset *token.FileSet, roots []*packages.Package, deps *exports) *Diagnostics {
	typeCheck(fset, roots, deps)
	ds := &Diagnostics{}
	for _, p := range roots {
		for _, e := range p.Errors {
			pos, msg := parsePos(e.Pos), e.Msg
			if e.Pos == "" {
				// go list reports some errors as "# pkg\nfile:line:col: msg",
				// and some without a position: name the package's directory.
				if m := listErrRE.FindStringSubmatch(msg); m != nil {
					pos, msg = parsePos(m[1]), m[2]
				} else if dir := pkgDir(p); dir != "" {
					pos = token.Position{Filename: dir}
				}
			}
			ds.add(Diagnostic{Pos: pos, Code: LoadError, Message: msg, Hint: "fix the Go code first; go vet shows the same error"})
		}
	}
	return ds
}

// typeCheck fills Types and TypesInfo of the roots, checking each from
// source after the roots it imports, with every other import taken from
// deps (by package ID).
func typeCheck(fset *token.FileSet, roots []*packages.Package, deps *exports) {
	byID := map[string]*packages.Package{}
	for _, p := range roots {
		byID[p.ID] = p
	}
	goarch := os.Getenv("GOARCH")
	if goarch == "" {
		goarch = goruntime.GOARCH
	}
	sizes := types.SizesFor("gc", goarch)
	state := map[*packages.Package]int{} // 1 checking, 2 done
	var checkPkg func(p *packages.Package)
	checkPkg = func(p *packages.Package) {
		if state[p] != 0 {
			return
		}
		state[p] = 1
		// go/types reports a failed import as "could not import P (err)",
		// so err only says why.
		imp := importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			ip := p.Imports[path]
			if ip == nil {
				return nil, errors.New("go list did not resolve it; see its error")
			}
			if r := byID[ip.ID]; r != nil {
				if state[r] == 1 {
					return nil, errors.New("import cycle")
				}
				checkPkg(r)
				if r.Types != nil {
					return r.Types, nil
				}
			}
			if t := deps.types[ip.ID]; t != nil {
				return t, nil
			}
			if why := deps.errs[ip.ID]; why != "" {
				return nil, errors.New(why)
			}
			return nil, errors.New("no export data")
		})
		// A gear package's maps are sized from its source (about one typed
		// expression per 6 bytes of gear code, capped for packages that
		// embed big literals): growing them was a tenth of the check.
		// The translator reads no Scopes; Instances name the type
		// arguments of generic calls.
		n := 0
		if _, gears := p.Imports[dslPath]; gears {
			for _, f := range p.Syntax {
				n += int(f.FileEnd - f.FileStart)
			}
			n = min(n, 1<<20)
		}
		info := &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue, n/6),
			Defs:         make(map[*ast.Ident]types.Object, n/40),
			Uses:         make(map[*ast.Ident]types.Object, n/10),
			Implicits:    map[ast.Node]types.Object{},
			Selections:   make(map[*ast.SelectorExpr]*types.Selection, n/40),
			Instances:    map[*ast.Ident]types.Instance{},
			FileVersions: map[*ast.File]string{},
		}
		conf := &types.Config{
			Importer:    imp,
			Sizes:       sizes,
			FakeImportC: true, // a module package may use cgo
			Error: func(err error) {
				if te, ok := err.(types.Error); ok {
					p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				}
			},
		}
		if p.Module != nil && p.Module.GoVersion != "" {
			conf.GoVersion = "go" + p.Module.GoVersion
		}
		// Errors are collected by conf.Error; the package is usable anyway.
		p.Types, _ = conf.Check(p.PkgPath, fset, p.Syntax, info)
		p.TypesInfo, p.TypesSizes, p.Fset = info, sizes, fset
		state[p] = 2
	}
	for _, p := range roots {
		if len(p.Syntax) > 0 {
			checkPkg(p)
		}
	}
}

// mayHoldGears reports whether Generate may have to check p: it imports
// dsl, has errors, or has generated files whose gears may be gone.
func mayHoldGears(p *packages.Package) bool {
	if _, ok := p.Imports[dslPath]; ok || len(p.Errors) > 0 {
		return true
	}
	dir := pkgDir(p)
	return dir != "" && fileExists(filepath.Join(dir, GeneratedFile))
}

// withImported returns pkgs followed by the packages of among that they
// import, directly or not.
func withImported(pkgs, among []*packages.Package) []*packages.Package {
	byID := map[string]*packages.Package{}
	for _, p := range among {
		byID[p.ID] = p
	}
	out := append([]*packages.Package(nil), pkgs...)
	seen := map[*packages.Package]bool{}
	for _, p := range pkgs {
		seen[p] = true
	}
	for i := 0; i < len(out); i++ {
		for _, imp := range out[i].Imports {
			if q := byID[imp.ID]; q != nil && !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// moduleClosure returns pkgs followed by the packages of their modules
// that they import, directly or not, except gogears' own API packages,
// which the translator knows by heart: the packages checked from source.
// It adds any other package that imports one of those, directly or not
// (a package of another module in a go.work workspace, say): read from
// export data, it would bring a second copy of their types. pkgs must be
// listed with their dependencies.
func moduleClosure(pkgs []*packages.Package) []*packages.Package {
	out := append([]*packages.Package(nil), pkgs...)
	in := map[string]bool{}
	for _, p := range pkgs {
		in[p.ID] = true
	}
	for i := 0; i < len(out); i++ {
		p := out[i]
		if p.Module == nil {
			continue
		}
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			q := p.Imports[path]
			if in[q.ID] || q.Module == nil || q.Module.Path != p.Module.Path || isAPIPackage(q.PkgPath) {
				continue
			}
			in[q.ID] = true
			out = append(out, q)
		}
	}
	reaches := map[string]bool{} // by ID: imports a package in out
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if in[p.ID] {
			return true
		}
		if r, ok := reaches[p.ID]; ok {
			return r
		}
		reaches[p.ID] = false
		r := false
		for _, q := range p.Imports {
			r = visit(q) || r
		}
		reaches[p.ID] = r
		return r
	}
	seen := map[string]bool{}
	for i := 0; i < len(out); i++ {
		for _, q := range out[i].Imports {
			if in[q.ID] || seen[q.ID] {
				continue
			}
			seen[q.ID] = true
			if visit(q) {
				in[q.ID] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// isAPIPackage reports whether path is a gogears package that steps call
// into (dsl, runtime, runtime/cmd): the translator maps those calls itself.
func isAPIPackage(path string) bool {
	return path == dslPath || path == runtimePath || path == cmdPath
}

// importerFunc adapts a function to types.Importer.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

var listErrRE = regexp.MustCompile(`(?m)^(\S+\.go:\d+:\d+): (.*)$`)

// parsePos parses "file:line:col" as go/packages reports error positions.
func parsePos(s string) token.Position {
	var p token.Position
	parts := strings.Split(s, ":")
	if len(parts) >= 3 {
		fmt.Sscan(parts[len(parts)-1], &p.Column)
		fmt.Sscan(parts[len(parts)-2], &p.Line)
		p.Filename = strings.Join(parts[:len(parts)-2], ":")
	} else {
		p.Filename = s
	}
	return p
}
