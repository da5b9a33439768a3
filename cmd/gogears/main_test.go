package main

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/gogears/gogears/emulator"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gogears": func() {
			os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
		},
	})
}

// TestScripts runs the CLI scripts in testdata/script. The custom command
// `emulator` starts an in-process emulator for the script and points
// GOGEARS_ADDR at it, so scripts need no server of their own.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			// Scripts build gear modules that replace gogears with this
			// checkout, and need the Go caches of the real environment.
			root, err := filepath.Abs("../..")
			if err != nil {
				return err
			}
			env.Setenv("GOGEARS_ROOT", root)
			for _, k := range []string{"GOTOOLCHAIN", "GOPATH", "GOMODCACHE", "GOCACHE", "GOFLAGS", "GOPROXY"} {
				if v := os.Getenv(k); v != "" {
					env.Setenv(k, v)
				}
			}
			for _, k := range []string{"GOPATH", "GOMODCACHE", "GOCACHE"} {
				if os.Getenv(k) == "" {
					out, err := exec.Command("go", "env", k).Output()
					if err != nil {
						return err
					}
					env.Setenv(k, strings.TrimSpace(string(out)))
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"emulator": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg {
					ts.Fatalf("unsupported: ! emulator")
				}
				em, err := emulator.Run(emulator.Options{})
				if err != nil {
					ts.Fatalf("start emulator: %v", err)
				}
				ts.Defer(func() { em.Close() })
				ts.Setenv("GOGEARS_ADDR", em.Addr())
			},
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "python3", "redis-server":
				_, err := exec.LookPath(cond)
				return err == nil, nil
			}
			return false, nil
		},
	})
}
