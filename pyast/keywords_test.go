package pyast

import (
	"testing"

	"github.com/gogears/gogears/internal/python"
)

// TestNamesMatchCPython checks the keyword and builtin tables against the
// running CPython: every keyword and builtin it knows must be reserved
// here, so a newer Python cannot slip one past the transpiler.
func TestNamesMatchCPython(t *testing.T) {
	t.Parallel()
	var got struct{ Keywords, Soft, Builtins []string }
	const prog = `import builtins, json, keyword, sys
json.dump({"Keywords": keyword.kwlist, "Soft": getattr(keyword, "softkwlist", []), "Builtins": dir(builtins)}, sys.stdout)`
	if err := python.RunJSON(prog, nil, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range got.Keywords {
		if !IsKeyword(k) {
			t.Errorf("IsKeyword(%q) = false, want true (CPython keyword)", k)
		}
	}
	for _, k := range got.Soft {
		if !IsSoftKeyword(k) {
			t.Errorf("IsSoftKeyword(%q) = false, want true (CPython soft keyword)", k)
		}
	}
	for _, b := range got.Builtins {
		if !IsBuiltin(b) {
			t.Errorf("IsBuiltin(%q) = false, want true (in CPython's builtins)", b)
		}
	}
}

func TestIsIdentifier(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"x", true}, {"_", true}, {"_x1", true}, {"CamelCase", true}, {"def", true},
		{"", false}, {"1x", false}, {"a-b", false}, {"a.b", false}, {"café", false}, {"a b", false}, {"\x00", false},
	}
	for _, tt := range tests {
		if got := IsIdentifier(tt.s); got != tt.want {
			t.Errorf("IsIdentifier(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		s                      string
		keyword, soft, builtin bool
	}{
		{"lambda", true, false, false},
		{"async", true, false, false},
		{"None", true, false, true},
		{"match", false, true, false},
		{"type", false, true, true},
		{"len", false, false, true},
		{"__debug__", false, false, true},
		{"print", false, false, true},
		{"record", false, false, false},
	}
	for _, tt := range tests {
		if got := IsKeyword(tt.s); got != tt.keyword {
			t.Errorf("IsKeyword(%q) = %v, want %v", tt.s, got, tt.keyword)
		}
		if got := IsSoftKeyword(tt.s); got != tt.soft {
			t.Errorf("IsSoftKeyword(%q) = %v, want %v", tt.s, got, tt.soft)
		}
		if got := IsBuiltin(tt.s); got != tt.builtin {
			t.Errorf("IsBuiltin(%q) = %v, want %v", tt.s, got, tt.builtin)
		}
		if got, want := IsReserved(tt.s), tt.keyword || tt.soft || tt.builtin; got != want {
			t.Errorf("IsReserved(%q) = %v, want %v", tt.s, got, want)
		}
	}
}

func TestSafeName(t *testing.T) {
	taken := map[string]bool{"x": true, "x_2": true, "list_": true}
	tests := []struct {
		name string
		want string
	}{
		{"y", "y"},
		{"x", "x_3"},
		{"list", "list__2"},
		{"len", "len_"},
		{"lambda", "lambda_"},
		{"match", "match_"},
		{"_", "__"},
		{"", "__"},
		{"2fast", "_2fast"},
		{"café", "caf_u00e9"},
		{"a.b", "a_u002eb"},
	}
	for _, tt := range tests {
		got := SafeName(tt.name, func(s string) bool { return taken[s] })
		if got != tt.want {
			t.Errorf("SafeName(%q) = %q, want %q", tt.name, got, tt.want)
		}
		if !IsIdentifier(got) || IsReserved(got) || taken[got] {
			t.Errorf("SafeName(%q) = %q, which is not a free, unreserved identifier", tt.name, got)
		}
	}
	if got := SafeName("str", nil); got != "str_" {
		t.Errorf("SafeName(%q, nil) = %q, want %q", "str", got, "str_")
	}
}
