package transpile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/gogears/gogears/internal/python"
	"golang.org/x/tools/go/packages"
)

// fuzzPackage type-checks src (a package without imports) and wraps it
// as a loaded package, skipping the slow go/packages load.
func fuzzPackage(src string) (*packages.Package, *token.FileSet, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "fuzz.go", src, parser.SkipObjectResolution)
	if err != nil || len(f.Imports) > 0 {
		return nil, nil, false
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes: map[ast.Node]*types.Scope{}, FileVersions: map[*ast.File]string{}, Instances: map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{GoVersion: "go1.27", Error: func(error) {}}
	tp, err := conf.Check("example.com/fuzz", fset, []*ast.File{f}, info)
	if err != nil {
		return nil, nil, false
	}
	return &packages.Package{
		PkgPath: "example.com/fuzz", Name: tp.Name(), Types: tp, TypesInfo: info, Syntax: []*ast.File{f},
		Module: &packages.Module{Path: "example.com/fuzz", GoVersion: "1.27"},
	}, fset, true
}

// FuzzTranslate feeds arbitrary Go to the translator: it must never panic
// or hang, and must give either diagnostics or Python that parses as 3.7.
func FuzzTranslate(f *testing.F) {
	for _, seed := range []string{
		"package p\nfunc F(a, b int) int { return a / b }\n",
		"package p\nfunc F(s string) (n int) { for i, r := range s { n += i * int(r) }; return }\n",
		"package p\nfunc F(xs []int) []int { var out []int; for _, x := range xs { out = append(out, x*x) }; return out }\n",
		"package p\nfunc F(m map[string]int) int { c := 0; f := func() { c++ }; for range m { f() }; return c }\n",
		"package p\ntype T struct{ A int }\nfunc (t *T) Inc() { t.A++ }\nfunc F() int { t := T{}; t.Inc(); return t.A }\n",
		"package p\nfunc F(x any) string { switch v := x.(type) { case string: return v }; return \"\" }\n",
		"package p\nfunc F() { go F(); defer F(); select {} }\n",
		"package p\nfunc F(n int) int { switch { case n > 0: break; default: n-- }; return n }\n",
		"package p\nfunc F(s string) (c int) {\nL:\n\tfor i := 0; i < len(s); i++ {\n\t\tfor _, r := range s[i:] {\n\t\t\tswitch {\n\t\t\tcase r == 'a':\n\t\t\t\tbreak\n\t\t\tcase r == 'b':\n\t\t\t\tcontinue L\n\t\t\tcase r == 'c':\n\t\t\t\tbreak L\n\t\t\t}\n\t\t\tc++\n\t\t}\n\t}\n\treturn\n}\n",
		"package p\nfunc F(n int) int {\nS:\n\tswitch {\n\tcase n > 0:\n\t\tfor {\n\t\t\tn--\n\t\t\tif n < 3 {\n\t\t\t\tbreak S\n\t\t\t}\n\t\t}\n\t}\n\treturn n\n}\n",
		"package p\nfunc G[T ~int8 | ~float64](x T) T { return x * 3 }\nfunc F(a int8, b float64) float64 { return float64(G(a)) + G(b) }\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		pkg, fset, ok := fuzzPackage(src)
		if !ok {
			t.Skip()
		}
		ds := &Diagnostics{}
		tr := newTranslator(fset, []*packages.Package{pkg}, "example.com/fuzz", ds)
		for _, n := range pkg.Types.Scope().Names() {
			// A generic function is translated per instantiation, when reached.
			if fn, ok := pkg.Types.Scope().Lookup(n).(*types.Func); ok && !isGeneric(fn) {
				tr.funcName(fn)
			}
		}
		tr.drain()
		ds.finish()
		out, err := tr.render(nil, nil)
		if ds.HasErrors() {
			return
		}
		if err != nil {
			t.Fatalf("no diagnostics but the script does not print: %v\n%s", err, src)
		}
		errs, err := python.Check37([]string{out})
		if err != nil {
			t.Fatal(err)
		}
		if errs[0] != nil {
			t.Fatalf("no diagnostics but the script does not parse: %v\n%s\n%s", errs[0], src, tailLines(out, 40))
		}
	})
}

func tailLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
