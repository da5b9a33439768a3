package transpile_test

import (
	"errors"
	"fmt"

	"github.com/gogears/gogears/transpile"
)

// ExampleGenerate translates the gears of a package in Check mode, which
// writes nothing and reports stale generated files, as `gogears gen -check`
// does.
func ExampleGenerate() {
	res, err := transpile.Generate(transpile.Config{Patterns: []string{"./testdata/gears/orders"}, Check: true})
	var ds *transpile.Diagnostics
	switch {
	case errors.As(err, &ds):
		fmt.Print(ds) // file:line:col: GGnnn message: hint
		return
	case errors.Is(err, transpile.ErrStale):
		fmt.Println("stale:", len(res.StaleGears), "gears")
	}
	for _, g := range res.Gears {
		fmt.Println(g.Var, len(g.Requirements))
	}
	// Output:
	// stale: 3 gears
	// CountByStatus 0
	// Schedule 0
	// Totals 1
}
