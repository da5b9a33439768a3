package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/transpile"
)

func init() {
	register(&command{
		name:  "watch",
		usage: "[-addr host:port] [-debounce d] [dir]",
		short: "regenerate and redeploy registrations whenever the Go source changes",
		long: `Watch translates the gears of the package in dir (default: the current
directory), deploys its registrations, then watches the directory's Go
files. On each change, after a quiet period, it regenerates and redeploys:
registrations whose script changed are upgraded atomically (UPGRADE), the
others are left alone. Diagnostics are printed and the deployed version
keeps running until the code translates again. Run jobs are generated but
never run. A gear deleted from the source stays deployed: remove its
registrations with 'gogears unregister'. Stop with Ctrl-C.`,
		setup: func(fs *flag.FlagSet) runFunc {
			var conn connFlags
			conn.register(fs)
			debounce := fs.Duration("debounce", 300*time.Millisecond, "quiet `period` after a change before acting")
			return func(ctx context.Context, e *env, args []string) error {
				dir := "."
				switch len(args) {
				case 0:
				case 1:
					dir = args[0]
				default:
					return errUsage
				}
				return conn.with(ctx, e, func(ctx context.Context, c *client.Client) error {
					return watch(ctx, e, c, dir, *debounce)
				})
			}
		},
	})
}

func watch(ctx context.Context, e *env, c *client.Client, dir string, debounce time.Duration) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(abs); err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	redeploy(ctx, e, c, abs)
	fmt.Fprintf(e.stdout, "watching %s\n", dir)

	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if isGearSource(ev.Name) {
				timer = time.After(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(e.stderr, "watch: %v\n", err)
		case <-timer:
			timer = nil
			redeploy(ctx, e, c, abs)
		}
	}
}

// isGearSource reports whether a change to name can change a gear: Go
// source other than tests and the file gen writes.
func isGearSource(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".go") && !strings.HasSuffix(base, "_test.go") && base != transpile.GeneratedFile
}

// redeploy regenerates the package in dir and deploys its registrations.
// Failures are printed, not returned: the watch goes on.
func redeploy(ctx context.Context, e *env, c *client.Client, dir string) {
	res, err := transpile.Generate(transpile.Config{Dir: dir, Patterns: []string{"."}})
	if res.Diagnostics != nil && res.Diagnostics.Len() > 0 {
		fmt.Fprint(e.stderr, strings.TrimRight(res.Diagnostics.String(), "\n")+"\n")
		fmt.Fprintln(e.stderr, "not deployed: fix the problems above; the deployed gears keep running")
		return
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "gen: %v\n", err)
		return
	}
	for _, g := range res.Gears {
		if !g.Registration {
			continue
		}
		d, err := c.DeployScript(ctx, client.Script{
			Source: g.Script, ID: client.SessionID(g.ID), Description: "gogears gear " + g.ID, Requirements: g.Requirements,
		})
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", g.Var, err)
			continue
		}
		fmt.Fprintf(e.stdout, "%s: %s\n", g.Var, deployVerb(d))
	}
	if len(res.Gears) == 0 {
		fmt.Fprintf(e.stderr, "no gears in %s\n", dir)
	}
}
