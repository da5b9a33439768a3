// Command runner times transpile.Generate (Check mode, nothing written)
// on a package, as `gogears gen` would run it. It prints seconds.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/gogears/gogears/transpile"
)

func main() {
	start := time.Now()
	res, err := transpile.Generate(transpile.Config{Patterns: os.Args[1:], Check: true})
	if err != nil && !errors.Is(err, transpile.ErrStale) {
		log.Fatal(err)
	}
	fmt.Printf("%.3f %d\n", time.Since(start).Seconds(), len(res.Gears))
}
