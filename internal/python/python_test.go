package python

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheck37(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		parse bool
	}{
		{"plain", "x = 1\n", true},
		{"f-string is 3.6", "x = f'{1}'\n", true},
		{"walrus is 3.8", "if (x := 1):\n    pass\n", false},
		{"positional-only is 3.8", "def f(a, /):\n    pass\n", false},
		{"syntax error", "def (:\n", false},
	}
	srcs := make([]string, len(tests))
	for i, tt := range tests {
		srcs[i] = tt.src
	}
	errs, err := Check37(srcs)
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		if got := errs[i] == nil; got != tt.parse {
			t.Errorf("%s: Check37(%q) parses = %v (%v), want %v", tt.name, tt.src, got, errs[i], tt.parse)
		}
	}
}

func TestPath(t *testing.T) {
	p, err := Path()
	if err != nil {
		t.Fatal(err)
	}
	// The real interpreter, not a shim: sys.executable is absolute.
	if fi, err := os.Stat(p); err != nil || !filepath.IsAbs(p) || fi.IsDir() {
		t.Errorf("Path() = %q (stat: %v), want the absolute path of the interpreter", p, err)
	}
}
