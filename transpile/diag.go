package transpile

import (
	"fmt"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
)

// MaxDiagnostics caps how many diagnostics one run reports; the rest are
// counted but dropped so a badly broken package stays readable.
const MaxDiagnostics = 100

// A Diagnostic is one problem found in the user's Go code. It is a value,
// not an error: a run collects all of them.
type Diagnostic struct {
	Pos     token.Position // start of the offending code
	End     token.Position // first position after it; or zero
	Code    Code           // stable GGnnn code
	Message string         // lowercase, names the construct
	Hint    string         // how to fix it; or ""
	Related []Related      // other positions that explain it; or nil
}

// A Related position explains a Diagnostic, e.g. where a captured
// variable was declared.
type Related struct {
	Pos     token.Position
	Message string
}

// String formats d as `file:line:col: GGnnn message: hint`, with each
// related position on its own indented line.
func (d Diagnostic) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %s", posString(d.Pos), d.Code, d.Message)
	if d.Hint != "" {
		b.WriteString(": " + d.Hint)
	}
	for _, r := range d.Related {
		fmt.Fprintf(&b, "\n\t%s: %s", posString(r.Pos), r.Message)
	}
	return b.String()
}

// posString prints a position with a path relative to the working
// directory when that is shorter, as the go command does.
// A position with only a file name (a package directory, for an error
// about the whole package) prints as that name.
func posString(p token.Position) string {
	if p.Filename == "" {
		return "-"
	}
	if wd, err := filepath.Abs("."); err == nil {
		if rel, err := filepath.Rel(wd, p.Filename); err == nil && !strings.HasPrefix(rel, "..") {
			p.Filename = rel
		}
	}
	return p.String()
}

// Diagnostics is a sorted, de-duplicated list of diagnostics. Its Error
// method makes a non-empty list usable as an error.
type Diagnostics struct {
	List    []Diagnostic // sorted by file, line, column, code
	Dropped int          // how many were left out beyond MaxDiagnostics
}

// Error returns the first diagnostic and how many more there are.
func (ds *Diagnostics) Error() string {
	if len(ds.List) == 0 {
		return "no diagnostics"
	}
	more := len(ds.List) - 1 + ds.Dropped
	if more == 0 {
		return ds.List[0].String()
	}
	return fmt.Sprintf("%s (and %d more)", ds.List[0].String(), more)
}

// String returns every diagnostic, one per line, and a final count line
// when some were dropped.
func (ds *Diagnostics) String() string {
	var b strings.Builder
	for _, d := range ds.List {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	if ds.Dropped > 0 {
		fmt.Fprintf(&b, "too many diagnostics: %d more not shown\n", ds.Dropped)
	}
	return b.String()
}

// Len returns the number of diagnostics kept plus those dropped.
func (ds *Diagnostics) Len() int { return len(ds.List) + ds.Dropped }

// HasErrors reports whether ds holds any diagnostic.
func (ds *Diagnostics) HasErrors() bool { return ds.Len() > 0 }

// add appends d; finish sorts, de-duplicates and caps.
func (ds *Diagnostics) add(d Diagnostic) { ds.List = append(ds.List, d) }

// finish sorts the list by position and code, drops exact repeats (the
// same code, position and message reached through two gears) and caps it.
func (ds *Diagnostics) finish() {
	sort.SliceStable(ds.List, func(i, j int) bool {
		a, b := ds.List[i], ds.List[j]
		if a.Pos.Filename != b.Pos.Filename {
			return a.Pos.Filename < b.Pos.Filename
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
	})
	out := ds.List[:0]
	for i, d := range ds.List {
		if i > 0 {
			p := ds.List[i-1]
			if p.Pos == d.Pos && p.Code == d.Code && p.Message == d.Message {
				continue
			}
		}
		out = append(out, d)
	}
	ds.List = out
	if len(ds.List) > MaxDiagnostics {
		ds.Dropped += len(ds.List) - MaxDiagnostics
		ds.List = ds.List[:MaxDiagnostics]
	}
}
