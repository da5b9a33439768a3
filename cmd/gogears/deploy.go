package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/gogears/gogears/client"
)

func init() {
	register(&command{
		name:  "deploy",
		usage: "[-addr host:port] [-param name=value]... <script.py>...",
		short: "install or upgrade registrations, idempotently (RG.PYEXECUTE ID ... UPGRADE)",
		long: `Deploy installs each gear script as a RedisGears session. A script that is
already deployed with the same content is left alone; a changed one replaces
its session's registrations atomically with UPGRADE, so no event is missed
between the old and the new registration. A generated script's session id
comes from its gear; a hand-written one's from its file name. -param binds a
parameter of every script (each must declare it); the values are part of the
content, so deploying with other values upgrades the session.`,
		setup: func(fs *flag.FlagSet) runFunc {
			var conn connFlags
			conn.register(fs)
			var params paramFlags
			params.register(fs)
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return errUsage
				}
				scripts := make([]client.Script, len(args))
				for i, path := range args {
					s, err := client.ScriptFile(path)
					if err != nil {
						return err
					}
					if scripts[i], err = params.bind(path, s); err != nil {
						return err
					}
				}
				return conn.with(ctx, e, func(ctx context.Context, c *client.Client) error {
					for i, s := range scripts {
						d, err := c.DeployScript(ctx, s)
						if err != nil {
							return fmt.Errorf("%s: %w", args[i], err)
						}
						fmt.Fprintf(e.stdout, "%s: %s\n", s.ID, deployVerb(d))
					}
					return nil
				})
			}
		},
	})
}

func deployVerb(d *client.Deployment) string {
	switch {
	case !d.Changed:
		return "unchanged"
	case d.Previous == "":
		return "installed"
	default:
		return "upgraded"
	}
}
