package transpile

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkEmbedSrc type-checks src as package example.com/m/p and returns
// its scope.
func checkEmbedSrc(t *testing.T, src string) *types.Scope {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("example.com/m/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Scope()
}

func TestEmbedProblem(t *testing.T) {
	scope := checkEmbedSrc(t, `package p
import ("fmt"; "strings")
type Base struct{ ID string }
type base struct{ ID string }
type level int
type S struct {
	Base
	*base
	level
	fmt.Stringer
	strings.Builder
}
type P struct{ *Base }
`)
	tr := &translator{modulePath: "example.com/m"}
	type problem struct{ Msg, Hint string }
	var got []problem
	for _, name := range []string{"S", "P"} {
		st := scope.Lookup(name).Type().Underlying().(*types.Struct)
		for i := 0; i < st.NumFields(); i++ {
			msg, hint := tr.embedProblem(st.Field(i))
			got = append(got, problem{msg, hint})
		}
	}
	want := []problem{
		{"", ""},
		{"embedded pointer to unexported struct type *p.base", "embed the value, export the type, or name the field"},
		{"embedded field p.level of non-struct type", "name the field (level p.level)"},
		{"embedded interface fmt.Stringer", "name the field (Stringer fmt.Stringer) and call its methods through it"},
		{"embedded field strings.Builder from package strings", "name the field (Builder strings.Builder): only struct types of the module can be embedded"},
		{"", ""},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("embedProblem of S's and P's fields (-want +got):\n%s", d)
	}
}

func TestJSONFields(t *testing.T) {
	scope := checkEmbedSrc(t, `package p
type Base struct {
	ID   string
	Note string `+"`json:\"note,omitempty\"`"+`
	skip int
}
type Mid struct {
	Base
	Name string
}
type Other struct{ Name string }
type Tag struct{ N string `+"`json:\"Name\"`"+` }
type A struct{ Base }
type B struct{ Base }
type Top struct {
	Mid
	*Other
	ID int
}
type Tagged struct {
	Other
	Tag
}
type Ambiguous struct {
	Mid
	Other
}
type Twice struct {
	A
	B
	X int
}
type Named struct {
	Base `+"`json:\"base\"`"+`
	Mid  `+"`json:\"-\"`"+`
}
`)
	type field struct {
		Name, Attr string
		Omit       bool
	}
	tests := []struct {
		typ  string
		want []field
	}{
		{"Mid", []field{{"ID", "Base.ID", false}, {"note", "Base.Note", true}, {"Name", "Name", false}}},
		// Mid.Name and Other.Name tie at depth 1; the outer ID shadows Base's.
		{"Top", []field{{"note", "Mid.Base.Note", true}, {"ID", "ID", false}}},
		{"Tagged", []field{{"Name", "Tag.N", false}}},
		{"Ambiguous", []field{{"ID", "Mid.Base.ID", false}, {"note", "Mid.Base.Note", true}}},
		{"Twice", []field{{"X", "X", false}}},
		{"Named", []field{{"base", "Base", false}}},
	}
	for _, tc := range tests {
		var got []field
		for _, f := range jsonFields(scope.Lookup(tc.typ).Type()) {
			got = append(got, field{f.name, f.jsonAttr(), f.omit})
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("jsonFields(%s) (-want +got):\n%s", tc.typ, d)
		}
	}
}
