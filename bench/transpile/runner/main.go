// Command runner times transpile.Generate, as `gogears gen` runs it, on
// packages. With -check nothing is written; otherwise zz_gears.go files are
// written when they change. It prints seconds and the number of gears
// translated.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"time"

	"github.com/gogears/gogears/transpile"
)

func main() {
	check := flag.Bool("check", false, "check only, write nothing")
	flag.Parse()
	start := time.Now()
	res, err := transpile.Generate(transpile.Config{Patterns: flag.Args(), Check: *check})
	if err != nil && !errors.Is(err, transpile.ErrStale) {
		log.Fatal(err)
	}
	fmt.Printf("%.3f %d\n", time.Since(start).Seconds(), len(res.Gears))
}
