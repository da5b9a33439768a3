package pyast_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/gogears/gogears/pyast"
)

// Example builds a gear step function with its origin comment and prints
// it. Parentheses come from the tree's shape, not from the caller.
func Example() {
	x := pyast.NewName("x")
	m := &pyast.Module{Body: []pyast.Stmt{
		&pyast.FunctionDef{
			Comments: []string{"go: example.com/shop/gears.Count step 1 (gears.go)"},
			Name:     "step_1",
			Args:     pyast.Arguments{Args: []string{"x"}, Defaults: []pyast.Expr{pyast.NewInt(-2)}},
			Body: []pyast.Stmt{
				&pyast.Return{Value: &pyast.BinOp{
					Left:  &pyast.BinOp{Left: x, Op: pyast.Add, Right: pyast.NewInt(1)},
					Op:    pyast.Mult,
					Right: &pyast.UnaryOp{Op: pyast.USub, Operand: x},
				}},
			},
		},
	}}
	if err := pyast.Fprint(os.Stdout, m); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # go: example.com/shop/gears.Count step 1 (gears.go)
	// def step_1(x=-2):
	//     return (x + 1) * -x
}

// ExampleQuote renders Go strings as Python literals. Invalid UTF-8 has
// no str literal; QuoteBytes renders raw bytes.
func ExampleQuote() {
	for _, s := range []string{"it's", "tab\there", "line\u2028sep", "caf\u00e9 \U0001F600"} {
		lit, _ := pyast.Quote(s)
		fmt.Println(lit)
	}
	_, err := pyast.Quote("\xff")
	fmt.Println(errors.Is(err, pyast.ErrInvalidUTF8))
	fmt.Println(pyast.QuoteBytes([]byte("\xff'")))
	// Output:
	// "it's"
	// 'tab\there'
	// 'line\u2028sep'
	// 'café 😀'
	// true
	// b"\xff'"
}
