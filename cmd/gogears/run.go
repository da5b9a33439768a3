package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/gogears/gogears/client"
)

func init() {
	register(&command{
		name:  "run",
		usage: "[-addr host:port] [-unblocking] [-param name=value]... <script.py>",
		short: "run a gear script once and print its results (RG.PYEXECUTE)",
		long: `Run sends a gear script with RG.PYEXECUTE and prints its result records, one
per line. Record errors are printed after the results and make the command
exit 1; for scripts generated from Go they name the Go function that failed.
With -unblocking it prints the execution id at once; fetch the results later
with 'gogears results <id>'. -param binds a parameter of a script generated
from a gear that declares it with dsl.Param.`,
		setup: func(fs *flag.FlagSet) runFunc {
			var conn connFlags
			conn.register(fs)
			unblocking := fs.Bool("unblocking", false, "print the execution id and return at once")
			var params paramFlags
			params.register(fs)
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 {
					return errUsage
				}
				script, err := client.ScriptFile(args[0])
				if err != nil {
					return err
				}
				if script, err = params.bind(args[0], script); err != nil {
					return err
				}
				return conn.with(ctx, e, func(ctx context.Context, c *client.Client) error {
					return runScript(ctx, c, e, script, *unblocking)
				})
			}
		},
	})
}

func runScript(ctx context.Context, c *client.Client, e *env, script client.Script, unblocking bool) error {
	if unblocking {
		x, err := c.StartScript(ctx, script)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, x.ID)
		return nil
	}
	res, err := c.RunScript(ctx, script)
	if res == nil {
		return err
	}
	return printResults(e.stdout, res.Values, err)
}
