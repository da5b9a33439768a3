package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/emulator"
)

// runCLI runs one gogears command line against addr and returns its exit
// code and output.
func runCLI(addr string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "GOGEARS_ADDR" {
			return addr
		}
		return ""
	}
	code = run(context.Background(), args, &out, &errOut, getenv)
	return code, out.String(), errOut.String()
}

// An unblocking run's execution id fetches its records with results.
func TestResultsOfUnblockingRun(t *testing.T) {
	em := emulator.RunT(t)
	script := filepath.Join(t.TempDir(), "keys.py")
	writeFile(t, script, "execute('SET', 'a', '1')\nexecute('SET', 'b', '2')\nGB().map(lambda r: r['key']).sort().run()\n")

	code, out, errOut := runCLI(em.Addr(), "run", "-unblocking", script)
	if code != 0 {
		t.Fatalf("gogears run -unblocking = exit %d, stderr %q", code, errOut)
	}
	id := strings.TrimSpace(out)
	rdb := redis.NewClient(&redis.Options{Addr: em.Addr()})
	defer rdb.Close()
	if _, err := client.New(rdb).GetResultsBlocking(context.Background(), id); err != nil {
		t.Fatalf("waiting for %s: %v", id, err)
	}

	code, out, errOut = runCLI(em.Addr(), "results", id)
	if code != 0 || out != "a\nb\n" {
		t.Errorf("gogears results %s = exit %d, stdout %q, stderr %q; want 0, \"a\\nb\\n\"", id, code, out, errOut)
	}
}
