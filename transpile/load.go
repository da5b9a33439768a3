package transpile

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"regexp"
	goruntime "runtime"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// listMode only lists packages: names, files, imports and modules. gen
// parses and type-checks the packages it translates itself: go/packages
// with NeedTypes but not NeedDeps runs `go list -export`, which compiles
// every listed package, the user's included. That compile was 2.7 s of
// 3.2 s for a 500-gear package after an edit (bench/transpile.sh).
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedModule

// parse fills Syntax, Fset and TypesSizes of packages loaded with
// listMode. Parse errors join the package's errors.
func parse(fset *token.FileSet, pkgs []*packages.Package) {
	goarch := os.Getenv("GOARCH")
	if goarch == "" {
		goarch = goruntime.GOARCH
	}
	sizes := types.SizesFor("gc", goarch)
	for _, p := range pkgs {
		p.Fset, p.TypesSizes, p.Syntax = fset, sizes, nil
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
			var list scanner.ErrorList
			if errors.As(err, &list) {
				for _, e := range list {
					p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
				}
			} else if err != nil {
				p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			}
			if f != nil {
				p.Syntax = append(p.Syntax, f)
			}
		}
	}
}

// depMode loads the packages the roots import from export data, which the
// build cache keeps for packages that did not change.
const depMode = packages.NeedName | packages.NeedTypes

// load lists and parses the packages matching patterns, loads what they
// import from export data, and type-checks them from source. Load and
// type errors become LoadError diagnostics; the packages are returned even
// then so callers can report everything at once.
func load(dir string, tags []string, patterns []string) ([]*packages.Package, *token.FileSet, *Diagnostics, error) {
	fset := token.NewFileSet()
	roots, err := packages.Load(&packages.Config{Mode: listMode, Dir: dir, BuildFlags: tagFlags(tags)}, patterns...)
	if err != nil {
		return nil, fset, nil, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	parse(fset, roots)
	ds, err := check(dir, tags, fset, roots)
	return roots, fset, ds, err
}

// check type-checks roots, packages parsed into fset by parse, and
// reports their load and type errors as diagnostics.
func check(dir string, tags []string, fset *token.FileSet, roots []*packages.Package) (*Diagnostics, error) {
	if err := typeCheck(dir, tags, fset, roots); err != nil {
		return nil, err
	}
	ds := &Diagnostics{}
	for _, p := range roots {
		for _, e := range p.Errors {
			pos, msg := parsePos(e.Pos), e.Msg
			if e.Pos == "" {
				// go list reports some errors as "# pkg\nfile:line:col: msg".
				if m := listErrRE.FindStringSubmatch(msg); m != nil {
					pos, msg = parsePos(m[1]), m[2]
				}
			}
			ds.add(Diagnostic{Pos: pos, Code: LoadError, Message: msg, Hint: "fix the Go code first; go vet shows the same error"})
		}
	}
	return ds, nil
}

// typeCheck fills Types and TypesInfo of the roots, checking each from
// source after the roots it imports, with every other import taken from
// one export-data load.
func typeCheck(dir string, tags []string, fset *token.FileSet, roots []*packages.Package) error {
	byID := map[string]*packages.Package{}
	for _, p := range roots {
		byID[p.ID] = p
	}
	var deps []string
	seen := map[string]bool{}
	for _, p := range roots {
		for _, imp := range p.Imports {
			if byID[imp.ID] == nil && imp.ID != "unsafe" && imp.ID != "C" && !seen[imp.ID] {
				seen[imp.ID] = true
				deps = append(deps, imp.ID)
			}
		}
	}
	sort.Strings(deps)
	depTypes := map[string]*types.Package{}
	if len(deps) > 0 {
		dpkgs, err := packages.Load(&packages.Config{Mode: depMode, Dir: dir, Fset: fset, BuildFlags: tagFlags(tags)}, deps...)
		if err != nil {
			return fmt.Errorf("load imports: %w", err)
		}
		for _, d := range dpkgs {
			if d.Types != nil {
				depTypes[d.ID] = d.Types
			}
		}
	}
	state := map[*packages.Package]int{} // 1 checking, 2 done
	var check func(p *packages.Package)
	check = func(p *packages.Package) {
		if state[p] != 0 {
			return
		}
		state[p] = 1
		imp := importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			ip := p.Imports[path]
			if ip == nil {
				return nil, fmt.Errorf("package %s is not in the import list of %s", path, p.PkgPath)
			}
			if r := byID[ip.ID]; r != nil {
				if state[r] == 1 {
					return nil, fmt.Errorf("import cycle through %s", path)
				}
				check(r)
				if r.Types != nil {
					return r.Types, nil
				}
			}
			if t := depTypes[ip.ID]; t != nil {
				return t, nil
			}
			return nil, fmt.Errorf("could not import %s", path)
		})
		info := &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
		conf := &types.Config{
			Importer: imp,
			Sizes:    p.TypesSizes,
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
		p.TypesInfo = info
		p.Fset = fset
		state[p] = 2
	}
	for _, p := range roots {
		if len(p.Syntax) > 0 {
			check(p)
		}
	}
	return nil
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
