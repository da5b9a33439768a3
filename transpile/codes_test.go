package transpile

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryCodeIsTested checks that every diagnostic code a user can meet
// is expected by some `// want` comment under testdata/gears, so each
// rejected row of docs/subset.md has a diagnostic test, and that no
// retired code is.
func TestEveryCodeIsTested(t *testing.T) {
	var all strings.Builder
	files, _ := filepath.Glob("testdata/gears/*/*.go")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	for c, name := range codeNames {
		if c == InternalError || c == LoadError {
			continue
		}
		if retired[c] {
			if strings.Contains(all.String(), `"`+c.String()) {
				t.Errorf("code %s (%s) is retired but a `// want` under testdata/gears expects it", c, name)
			}
			continue
		}
		if !strings.Contains(all.String(), `"`+c.String()) {
			t.Errorf("code %s (%s) has no `// want` test under testdata/gears", c, name)
		}
	}
}

// TestCodesDocumented checks docs/subset.md names every code.
func TestCodesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/subset.md")
	if err != nil {
		t.Fatal(err)
	}
	for c, name := range codeNames {
		if !strings.Contains(string(doc), c.String()) {
			t.Errorf("docs/subset.md does not mention %s (%s)", c, name)
		}
	}
}

func TestDiagnosticString(t *testing.T) {
	ds := &Diagnostics{}
	d := Diagnostic{Code: GoStmt, Message: "go statement in a step", Hint: "do the work synchronously"}
	d.Pos.Filename, d.Pos.Line, d.Pos.Column = "/nonexistent/g.go", 3, 2
	ds.add(d)
	ds.add(d)
	d2 := d
	d2.Pos.Line = 1
	ds.add(d2)
	ds.finish()
	if len(ds.List) != 2 {
		t.Fatalf("finish kept %d diagnostics, want 2 (sorted, de-duplicated)", len(ds.List))
	}
	want := "/nonexistent/g.go:1:2: GG101 go statement in a step: do the work synchronously (and 1 more)"
	if got := ds.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  token.Position
		want string
	}{
		{token.Position{}, "-"},
		{token.Position{Filename: "/nonexistent/gears"}, "/nonexistent/gears"},
		{token.Position{Filename: "/nonexistent/g.go", Line: 3, Column: 2}, "/nonexistent/g.go:3:2"},
	}
	for _, tt := range tests {
		if got := posString(tt.pos); got != tt.want {
			t.Errorf("posString(%+v) = %q, want %q", tt.pos, got, tt.want)
		}
	}
}
