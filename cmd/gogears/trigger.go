package main

import (
	"context"
	"flag"

	"github.com/gogears/gogears/client"
)

func init() {
	register(&command{
		name:  "trigger",
		usage: "[-addr host:port] [-key KEY] <trigger> [arg...]",
		short: "fire a CommandReader gear and print its results (RG.TRIGGER)",
		long: `Trigger sends RG.TRIGGER with the arguments and prints the results, one per
line. With -key it sends RG.TRIGGERONKEY, which routes by the key in a
cluster (RedisGears 1.2+). A gear error prints the Python error and, for
gears written in Go, the Go function it came from, and exits 1.`,
		setup: func(fs *flag.FlagSet) runFunc {
			var conn connFlags
			conn.register(fs)
			key := fs.String("key", "", "send RG.TRIGGERONKEY with this `key`")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return errUsage
				}
				return conn.with(ctx, e, func(ctx context.Context, c *client.Client) error {
					var res []any
					var err error
					if *key != "" {
						res, err = c.TriggerOnKey(ctx, args[0], *key, strArgs(args[1:])...)
					} else {
						res, err = c.Trigger(ctx, args[0], strArgs(args[1:])...)
					}
					return printResults(e.stdout, res, err)
				})
			}
		},
	})
}

func strArgs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
