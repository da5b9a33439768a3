package transpile

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadMode is everything translation needs, without NeedDeps: imported
// packages come from export data, which keeps loading fast.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
	packages.NeedTypes | packages.NeedTypesInfo | packages.NeedModule

// load runs one packages.Load for all patterns. Load and type errors
// become LoadError diagnostics; the packages are returned even then so
// callers can report everything at once.
func load(dir string, tags []string, patterns []string) ([]*packages.Package, *token.FileSet, *Diagnostics, error) {
	fset := token.NewFileSet()
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Fset: fset}
	if len(tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(tags, ",")}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fset, nil, fmt.Errorf("load %s: %w", strings.Join(patterns, " "), err)
	}
	ds := &Diagnostics{}
	for _, p := range pkgs {
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
	return pkgs, fset, ds, nil
}

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
