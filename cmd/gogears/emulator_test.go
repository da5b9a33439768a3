package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// TestEmulatorStopsCleanly runs `gogears emulator` and cancels its context,
// as Ctrl-C and SIGTERM do: it shuts down and exits 0, without an error.
func TestEmulatorStopsCleanly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"emulator", "-addr", "127.0.0.1:0"}, &stdout, &stderr, os.Getenv)
	}()
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(stderr.String(), "msg=ready") {
		if time.Now().After(deadline) {
			t.Fatalf("emulator never logged ready; stderr:\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case c := <-code:
		if c != 0 || strings.Contains(stderr.String(), "canceled") {
			t.Errorf("gogears emulator after Ctrl-C: exit %d, stderr:\n%s\nwant exit 0 and no error", c, stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("gogears emulator did not stop after its context was canceled")
	}
}
