package transpile

import (
	"errors"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMangleType(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	level := types.NewNamed(types.NewTypeName(0, pkg, "Level", nil), types.Typ[types.Int32], nil)
	tp := types.NewTypeParam(types.NewTypeName(0, pkg, "T", nil), types.NewInterfaceType(nil, nil))
	box := types.NewNamed(types.NewTypeName(0, pkg, "Box", nil), nil, nil)
	box.SetUnderlying(types.NewStruct([]*types.Var{types.NewField(0, pkg, "V", tp, false)}, nil))
	box.SetTypeParams([]*types.TypeParam{tp})
	boxStr, err := types.Instantiate(nil, box, []types.Type{types.Typ[types.String]}, true)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		typ  types.Type
		want string
	}{
		{"basic", types.Typ[types.Int8], "int8"},
		{"byte is uint8", types.Universe.Lookup("byte").Type(), "uint8"},
		{"named", level, "Level"},
		{"instantiated", boxStr, "Box_string"},
		{"slice", types.NewSlice(types.Typ[types.Float64]), "list_float64"},
		{"map", types.NewMap(types.Typ[types.String], level), "dict_string_Level"},
		{"pointer", types.NewPointer(boxStr), "ptr_Box_string"},
		{"any", types.NewInterfaceType(nil, nil), "any"},
		{"error", types.Universe.Lookup("error").Type(), "error"},
		{"func", types.NewSignatureType(nil, nil, nil, nil, nil, false), "func"},
	}
	for _, tt := range tests {
		if got := mangleType(tt.typ); got != tt.want {
			t.Errorf("mangleType(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestGenericDiagnosticNamesInstance checks that a problem found in one
// instantiation of a generic function names it and where it was reached.
func TestGenericDiagnosticNamesInstance(t *testing.T) {
	_, err := Generate(Config{Dir: ".", Patterns: []string{"./testdata/gears/rejects"}, Check: true})
	var ds *Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("Generate on rejected code = %v, want *Diagnostics", err)
	}
	got := map[string][]string{}
	for _, d := range ds.List {
		if filepath.Base(d.Pos.Filename) != "more.go" || !strings.Contains(d.Message, "converted to an interface") {
			continue
		}
		for _, r := range d.Related {
			got[d.Code.String()] = append(got[d.Code.String()], r.Message)
		}
	}
	want := map[string][]string{
		"GG204": {"in boxed[rejects.shade], instantiated here"},
		"GG205": {"in boxed[float32], instantiated here"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("related positions of generic diagnostics (-want +got):\n%s", d)
	}
}
