package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/gogears/gogears/transpile"
)

func init() {
	register(&command{
		name:  "gen",
		usage: "[-check] [-tags t1,t2] [packages]",
		short: "translate the gears of Go packages into Python gear scripts",
		long: `Gen loads the named packages (default: the one in the current directory,
as go generate runs it), checks every gear's steps against the supported Go
subset, and writes one Python script per gear under zz_gears/ beside them,
plus zz_gears.go, which embeds the scripts and attaches them to the gear
variables. Problems are reported as file:line:col: GGnnn message, all at
once. Files are rewritten only when their content changes, and the files
of removed gears are removed.

With -check nothing is written: it exits 1 and names the stale gears when the
Go source changed without regenerating, or a script was edited by hand.

Build tags are those of -tags plus those GOFLAGS sets, as for go build.`,
		setup: func(fs *flag.FlagSet) runFunc {
			check := fs.Bool("check", false, "report stale generated files instead of writing them")
			tags := fs.String("tags", "", "comma-separated build `tags`")
			return func(ctx context.Context, e *env, args []string) error {
				// gen is short-lived and allocation-heavy: trading memory
				// for fewer collections saves about a fifth of its time
				// (500 gears: 140 MB at most). The limit keeps a huge
				// module from growing the heap ninefold unchecked.
				if e.getenv("GOGC") == "" {
					debug.SetGCPercent(800)
				}
				if e.getenv("GOMEMLIMIT") == "" {
					debug.SetMemoryLimit(1 << 30)
				}
				cfg := transpile.Config{Patterns: args, Check: *check}
				if len(cfg.Patterns) == 0 {
					cfg.Patterns = []string{"."}
				}
				if *tags != "" {
					cfg.Tags = strings.Split(*tags, ",")
				}
				return generate(e, cfg)
			}
		},
	})
}

// generate runs the transpiler and reports what it did; watch reuses it.
func generate(e *env, cfg transpile.Config) error {
	res, err := transpile.Generate(cfg)
	if res.Diagnostics != nil && res.Diagnostics.Len() > 0 {
		fmt.Fprint(e.stderr, res.Diagnostics.String())
		if !strings.HasSuffix(res.Diagnostics.String(), "\n") {
			fmt.Fprintln(e.stderr)
		}
	}
	for _, f := range res.Written {
		fmt.Fprintf(e.stdout, "wrote %s\n", f)
	}
	for _, f := range res.Removed {
		fmt.Fprintf(e.stdout, "removed %s\n", f)
	}
	switch {
	case errors.Is(err, transpile.ErrStale):
		return fmt.Errorf("stale gears: %s; run `go generate` or `gogears gen`", nameList(res.StaleGears, 10))
	case err != nil && res.Diagnostics != nil && res.Diagnostics.HasErrors():
		return fmt.Errorf("%d problem(s) in gear code", res.Diagnostics.Len())
	}
	return err
}

// nameList joins names for a message, naming at most max of them.
func nameList(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}
