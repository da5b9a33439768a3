package client

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sessionServer answers RG.PYEXECUTE and RG.PYDUMPSESSIONS like a
// RedisGears 1.2 session table, for deploy tests through the capture hook.
type sessionServer struct {
	mu       sync.Mutex
	sessions map[string]string // id → description
}

func (s *sessionServer) reply(args []any) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch args[0] {
	case "RG.PYDUMPSESSIONS":
		var out []any
		for _, a := range args[2:] { // after SESSIONS
			id := a.(string)
			if d, ok := s.sessions[id]; ok {
				out = append(out, []any{"ID", id, "sessionDescription", d, "refCount", int64(1), "linked", "primary",
					"dead", "false", "requirementInstallationNeeded", int64(0), "requirements", []any{}, "registrations", []any{}})
			} else {
				out = append(out, "Session "+id+" does not exists")
			}
		}
		return out, nil
	case "RG.PYEXECUTE":
		var id, desc string
		upgrade := false
		for i := 2; i < len(args); i++ {
			switch args[i] {
			case "ID":
				id = args[i+1].(string)
				i++
			case "DESCRIPTION":
				desc = args[i+1].(string)
				i++
			case "UPGRADE":
				upgrade = true
			}
		}
		if _, ok := s.sessions[id]; ok && !upgrade {
			return nil, replyErr("Session " + id + " already exists")
		}
		s.sessions[id] = desc
		return "OK", nil
	}
	return nil, replyErr("ERR unexpected " + args[0].(string))
}

func TestDeployScript(t *testing.T) {
	ctx := context.Background()
	srv := &sessionServer{sessions: map[string]string{}}
	c, h := newCaptured(t, 10213, srv.reply)
	s := Script{ID: "orders", Source: "GB('CommandReader').register(trigger='T')\n", Description: "orders gear", Requirements: []string{"rq==1.0"}}

	dep, err := c.DeployScript(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if want := (&Deployment{ID: "orders", Hash: s.Hash(), Changed: true}); !cmp.Equal(want, dep) {
		t.Errorf("first DeployScript = %+v, want %+v", dep, want)
	}
	cmds := h.commands()
	want := []any{"RG.PYEXECUTE", s.Source, "ID", "orders", "DESCRIPTION", "orders gear gogears:sha256=" + s.Hash(), "UPGRADE", "REQUIREMENTS", "rq==1.0"}
	if diff := cmp.Diff(want, cmds[len(cmds)-1]); diff != "" {
		t.Errorf("DeployScript sent (-want +got):\n%s", diff)
	}

	// Same content: nothing is executed.
	n := len(h.commands())
	dep, err = c.DeployScript(ctx, s)
	if err != nil || dep.Changed || dep.Previous != s.Hash() {
		t.Errorf("second DeployScript = %+v, %v; want unchanged", dep, err)
	}
	for _, cmd := range h.commands()[n:] {
		if cmd[0] == "RG.PYEXECUTE" {
			t.Errorf("unchanged deploy sent %v", cmd)
		}
	}

	// New content, or new requirements: upgraded.
	old := s.Hash()
	s.Requirements = []string{"rq==2.0"}
	dep, err = c.DeployScript(ctx, s)
	if err != nil || !dep.Changed || dep.Previous != old || dep.Hash == old {
		t.Errorf("DeployScript after a change = %+v, %v; want changed from %s", dep, err, old)
	}

	if _, err := c.DeployScript(ctx, Script{Source: "x"}); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("DeployScript without ID = %v, want ErrInvalidArgument", err)
	}
	c10, _ := newCaptured(t, 10009, srv.reply)
	if _, err := c10.DeployScript(ctx, s); !errors.Is(err, ErrVersion) {
		t.Errorf("DeployScript on 1.0 = %v, want ErrVersion", err)
	}
}

func TestScriptFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "my orders.v2.py")
	if err := os.WriteFile(p, []byte("GB().run()\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ScriptFile(p)
	if err != nil || s.ID != "my_orders_v2" || s.Source != "GB().run()\n" {
		t.Errorf("ScriptFile(%q) = %+v, %v", p, s, err)
	}
	if _, err := ScriptFile(filepath.Join(t.TempDir(), "missing.py")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ScriptFile(missing) = %v, want os.ErrNotExist", err)
	}
}

func TestStartWaitPoll(t *testing.T) {
	ctx := context.Background()
	polls := 0
	c, h := newCaptured(t, 10213, func(args []any) (any, error) {
		switch args[0] {
		case "RG.PYEXECUTE":
			return shard0 + "-3", nil
		case "RG.GETRESULTS":
			if polls++; polls < 3 {
				return nil, replyErr("execution is still running")
			}
			return []any{[]any{"a"}, []any{}}, nil
		}
		return "OK", nil
	})
	ex, err := c.StartScript(ctx, Script{Source: "GB().run()"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ex.Poll(ctx); !errors.Is(err, ErrExecutionRunning) {
		t.Errorf("Poll while running = %v, want ErrExecutionRunning", err)
	}
	res, err := ex.Wait(ctx)
	if err != nil || !cmp.Equal(res.Values, []any{"a"}) {
		t.Errorf("Wait = %v, %v", res, err)
	}
	if err := ex.Drop(ctx); err != nil {
		t.Fatal(err)
	}
	cmds := h.commands()
	if diff := cmp.Diff([]any{"RG.DROPEXECUTION", shard0 + "-3"}, cmds[len(cmds)-1]); diff != "" {
		t.Errorf("Drop sent (-want +got):\n%s", diff)
	}

	// A canceled wait ends with ErrCanceled.
	c, _ = newCaptured(t, 10213, func([]any) (any, error) { return nil, replyErr("execution is still running") })
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := c.Execution("x-1").Wait(cctx); !errors.Is(err, ErrCanceled) {
		t.Errorf("Wait canceled = %v, want ErrCanceled", err)
	}
}

// TestRunScriptOrigins checks that record errors come back next to the
// good records and name the Go function of the failing Python.
func TestRunScriptOrigins(t *testing.T) {
	src := strings.Join([]string{
		"# Code generated by gogears; DO NOT EDIT.",
		"import json",
		"# go: example.com/shop/gears.Total step 2 (gears.go)",
		"def step2(r):",
		"    return json.dumps(r['price'])",
		"GB().map(step2).run()",
	}, "\n")
	tb := `['Traceback (most recent call last):\n', '  File "<string>", line 5, in step2\n', "KeyError: 'price'\n"]`
	c, _ := newCaptured(t, 10213, func([]any) (any, error) { return []any{[]any{"3"}, []any{tb}}, nil })
	res, err := c.RunScript(context.Background(), Script{Source: src})
	if !errors.Is(err, ErrRecords) || res == nil || !cmp.Equal(res.Values, []any{"3"}) {
		t.Fatalf("RunScript = %v, %v; want the good record and ErrRecords", res, err)
	}
	var ge *GearError
	if !errors.As(err, &ge) || ge.Origin() != "example.com/shop/gears.Total step 2 (gears.go)" {
		t.Errorf("RunScript error = %v, want it to name example.com/shop/gears.Total step 2 (gears.go)", err)
	}
}
