package main

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/transpile"
)

func init() {
	register(&command{
		name:  "watch",
		usage: "[-addr host:port] [-debounce d] [-param name=value]... [dir]",
		short: "regenerate and redeploy registrations whenever the Go source changes",
		long: `Watch translates the gears of the package in dir (default: the current
directory), deploys its registrations, then watches the directory's Go
files and those of the module packages it imports. On each change, after
a quiet period, it regenerates and redeploys: registrations whose script
changed are upgraded atomically (UPGRADE), the others are left alone. Diagnostics are printed and the deployed version
keeps running until the code translates again. Run jobs are generated but
never run.

When a gear that this watch deployed, or found deployed as it is, is
deleted or renamed in the source, or becomes a run job, its session is
removed from the server: every registration of it is unregistered. Other
sessions are never touched, and nothing is removed when the watch stops.
When a deploy of the change fails, the gears it removed are deployed
again, so a rename that does not deploy leaves the old gear running.

-param binds a parameter for every deploy and redeploy. Each name must be
declared by at least one registration of the package; it is bound in the
registrations that declare it, and the others deploy without it. A name
no registration declares stops the watch before anything is deployed. If
an edit later drops the last use of a parameter, that change is not
deployed until the code reads the parameter again or watch is restarted
without it. Stop with Ctrl-C.`,
		setup: func(fs *flag.FlagSet) runFunc {
			var conn connFlags
			conn.register(fs)
			debounce := fs.Duration("debounce", 300*time.Millisecond, "quiet `period` after a change before acting")
			var params paramFlags
			params.register(fs)
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
					return watch(ctx, e, c, dir, *debounce, params)
				})
			}
		},
	})
}

// watcher is the state of one watch: where it deploys from, with which
// parameters, and what it deployed.
type watcher struct {
	e      *env
	c      *client.Client
	dir    string // as the user gave it, for messages
	abs    string
	params paramFlags
	// deployed maps the session ids this watch installed, upgraded or
	// found up to date to their gears' variable names. Only these
	// sessions are ever removed.
	deployed map[string]string
	// scripts are the scripts deployed last, by session id, to restore a
	// removed gear when the change that removed it does not deploy.
	scripts map[string]client.Script
	// bound is set once a translation accepted the -param names; before
	// that a -param error ends the watch, after it only skips a change.
	bound bool
	// fw watches the directories of the Go files the gears come from:
	// the package's and those of the module packages it imports.
	fw      *fsnotify.Watcher
	watched map[string]bool
}

func watch(ctx context.Context, e *env, c *client.Client, dir string, debounce time.Duration, params paramFlags) error {
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
	wr := &watcher{e: e, c: c, dir: dir, abs: abs, params: params, deployed: map[string]string{}, scripts: map[string]client.Script{}, fw: w, watched: map[string]bool{abs: true}}
	if err := wr.redeploy(ctx); err != nil {
		return err
	}
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
			if err := wr.redeploy(ctx); err != nil {
				return err
			}
		}
	}
}

// isGearSource reports whether a change to name can change a gear: Go
// source other than tests and the file gen writes.
func isGearSource(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".go") && !strings.HasSuffix(base, "_test.go") && base != transpile.GeneratedFile
}

// redeploy regenerates the package, removes the sessions of gears that
// are gone and deploys the registrations. Failures are printed, not
// returned, so the watch goes on; the one error returned is a -param
// name the package does not declare, found before anything was deployed.
func (w *watcher) redeploy(ctx context.Context) error {
	e := w.e
	res, err := transpile.Generate(transpile.Config{Dir: w.abs, Patterns: []string{"."}})
	for _, d := range res.Dirs {
		if !w.watched[d] {
			if err := w.fw.Add(d); err != nil {
				fmt.Fprintf(e.stderr, "watch %s: %v\n", d, err)
				continue
			}
			w.watched[d] = true
		}
	}
	if res.Diagnostics != nil && res.Diagnostics.Len() > 0 {
		fmt.Fprint(e.stderr, strings.TrimRight(res.Diagnostics.String(), "\n")+"\n")
		fmt.Fprintln(e.stderr, "not deployed: fix the problems above; the deployed gears keep running")
		return nil
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "gen: %v\n", err)
		return nil
	}
	var names []string
	var scripts []client.Script
	for _, g := range res.Gears {
		if g.Registration {
			names = append(names, g.Var)
			scripts = append(scripts, client.Script{
				Source: g.Script, ID: client.SessionID(g.ID), Description: "gogears gear " + g.ID, Requirements: g.Requirements,
			})
		}
	}
	scripts, err = w.params.bindEach(w.dir, names, scripts)
	if err != nil {
		if !w.bound {
			return err
		}
		fmt.Fprintf(e.stderr, "%v\n", err)
		fmt.Fprintln(e.stderr, "not deployed: declare the parameter again or restart watch without it; the deployed gears keep running")
		return nil
	}
	w.bound = true
	// Removing first frees what a renamed gear registers again, such as
	// its trigger name, which a second session could not take.
	removed := w.removeGone(ctx, scripts)
	failedNew := false // a gear not deployed before this change failed
	for i, s := range scripts {
		_, running := w.deployed[s.ID]
		d, err := w.c.DeployScript(ctx, s)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", names[i], err)
			failedNew = failedNew || !running
			continue
		}
		w.deployed[s.ID], w.scripts[s.ID] = names[i], s
		fmt.Fprintf(e.stdout, "%s: %s\n", names[i], deployVerb(d))
	}
	if failedNew {
		// A rename that does not deploy must not leave the gear gone. A
		// failed upgrade of a gear that stays is no rename: a gear
		// deleted in the same change stays deleted.
		w.restore(ctx, removed)
	}
	if len(res.Gears) == 0 {
		fmt.Fprintf(e.stderr, "no gears in %s\n", w.abs)
	}
	return nil
}

// restore deploys again the sessions removed by this change, after the
// deploy of a gear that was not running failed (a rename, or a rename
// undone), so that the last version that deployed keeps running.
func (w *watcher) restore(ctx context.Context, removed map[string]string) {
	for _, id := range slices.Sorted(maps.Keys(removed)) {
		s, ok := w.scripts[id]
		if !ok {
			continue
		}
		name := removed[id]
		if _, err := w.c.DeployScript(ctx, s); err != nil {
			fmt.Fprintf(w.e.stderr, "%s: not restored: %v\n", name, err)
			continue
		}
		w.deployed[id] = name
		fmt.Fprintf(w.e.stdout, "%s: restored (the change did not deploy)\n", name)
	}
}

// removeGone removes the sessions this watch deployed that none of live
// (the package's registrations now) deploys any more, and returns them by
// id. A failure is printed and the session kept, so the next change tries
// again.
func (w *watcher) removeGone(ctx context.Context, live []client.Script) map[string]string {
	removed := map[string]string{}
	keep := map[string]bool{}
	for _, s := range live {
		keep[s.ID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(w.deployed)) {
		if keep[id] {
			continue
		}
		name := w.deployed[id]
		n, err := w.c.Undeploy(ctx, id)
		if err != nil {
			fmt.Fprintf(w.e.stderr, "%s: not removed: %v\n", name, err)
			continue
		}
		delete(w.deployed, id)
		if n == 0 {
			fmt.Fprintf(w.e.stdout, "%s: already removed\n", name)
			continue
		}
		removed[id] = name
		fmt.Fprintf(w.e.stdout, "%s: removed\n", name)
	}
	return removed
}
