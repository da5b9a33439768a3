package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/emulator"
)

// syncBuffer is a bytes.Buffer safe for the watcher and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

const echoGear = `package gears

import "github.com/gogears/gogears/dsl"

// Echo answers RG.TRIGGER echo with its arguments.
var Echo = dsl.Command().
	Map(func(args []string) string { return PREFIX + args[1] }).
	Register(dsl.Trigger("echo"))
`

func TestWatchRedeploysOnChange(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/shop\n\ngo 1.27\n\nrequire github.com/gogears/gogears v0.0.0\n")
	if out, err := exec.Command("go", "-C", dir, "mod", "edit", "-replace=github.com/gogears/gogears="+root).CombinedOutput(); err != nil {
		t.Fatalf("go mod edit: %v\n%s", err, out)
	}
	gearFile := filepath.Join(dir, "echo.go")
	writeFile(t, gearFile, strings.Replace(echoGear, "PREFIX", `"v1 "`, 1))

	em := emulator.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: em.Addr()})
	defer rdb.Close()
	c := client.New(rdb)

	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- watch(ctx, &env{stdout: &stdout, stderr: &stderr, getenv: os.Getenv}, c, dir, 20*time.Millisecond)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("watch returned %v", err)
		}
	}()

	waitOutput(t, &stdout, &stderr, "Echo: installed")
	checkTrigger(t, c, "v1 x")

	writeFile(t, gearFile, strings.Replace(echoGear, "PREFIX", `"v2 "`, 1))
	waitOutput(t, &stdout, &stderr, "Echo: upgraded")
	checkTrigger(t, c, "v2 x")

	// Code that does not translate is reported; the deployed gear stays.
	writeFile(t, gearFile, strings.Replace(echoGear, "PREFIX", `func() string { go func() {}(); return "" }() + `, 1))
	waitOutput(t, &stdout, &stderr, "not deployed")
	checkTrigger(t, c, "v2 x")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitOutput polls until the watcher printed want. Each step loads and
// type-checks a module with go/packages, which takes many seconds on a
// loaded 2-core machine: the deadline only bounds a hang.
func waitOutput(t *testing.T, stdout, stderr *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(stdout.String()+stderr.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("watch never printed %q\nstdout:\n%s\nstderr:\n%s", want, stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func checkTrigger(t *testing.T, c *client.Client, want string) {
	t.Helper()
	res, err := c.Trigger(context.Background(), "echo", "x")
	if err != nil {
		t.Fatalf("trigger echo: %v", err)
	}
	if len(res) != 1 || !strings.Contains(res[0].(string), want) {
		t.Errorf("trigger echo = %v, want one record containing %q", res, want)
	}
}
