package main

import (
	"context"
	"os"
)

// The quickstart end to end: DSL gears translated to Python, run and
// deployed on an emulator with an embedded store. Group order is
// unspecified, hence unordered output.
func Example() {
	if err := run(context.Background(), os.Stdout); err != nil {
		panic(err)
	}
	// Unordered output:
	// emulator ready
	// status paid     2
	// status new      1
	// status shipped  1
	// deployed Schedule, changed: true
	// order:5 is now pending
	// total in cents: 799
}
