package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/redis/go-redis/v9"
)

// TestServerErrors checks that each RedisGears 1.0/1.2 error text of the
// reference reaches its sentinel through a real command path.
func TestServerErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		msg  string
		call func(c *Client) error
		want error
	}{
		{"getresults unknown", "execution plan does not exist", func(c *Client) error { _, err := c.GetResults(ctx, "a-1"); return err }, ErrExecutionNotFound},
		{"getresults running", "execution is still running", func(c *Client) error { _, err := c.GetResults(ctx, "a-1"); return err }, ErrExecutionRunning},
		{"blocking unknown", "execution plan does not exist", func(c *Client) error { _, err := c.GetResultsBlocking(ctx, "a-1"); return err }, ErrExecutionNotFound},
		{"getexecution unknown", "execution plan does not exist", func(c *Client) error { _, err := c.GetExecution(ctx, "a-1", ScopeShard); return err }, ErrExecutionNotFound},
		{"abort unknown", "execution does not exist", func(c *Client) error { return c.AbortExecution(ctx, "a-1") }, ErrExecutionNotFound},
		{"drop unknown", "execution plan does not exist", func(c *Client) error { return c.DropExecution(ctx, "a-1") }, ErrExecutionNotFound},
		{"drop running", "can not drop a not yet finished execution, abort it first.", func(c *Client) error { return c.DropExecution(ctx, "a-1") }, ErrExecutionRunning},
		{"session exists", "Session orders already exists", func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{ID: "orders"})
			return err
		}, ErrSessionExists},
		{"replace missing", "Can not replace with old, session does not exists.", func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{ID: "n", ReplaceWith: "old"})
			return err
		}, ErrSessionNotFound},
		{"requirements", "Could not satisfy requirements, look at the log file for more information.", func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{Requirements: []string{"nope"}})
			return err
		}, ErrRequirements},
		{"trigger unknown", "ERR subcommand not found", func(c *Client) error { _, err := c.Trigger(ctx, "nope"); return err }, ErrTriggerNotFound},
		{"triggeronkey unknown", "ERR subcommand not found", func(c *Client) error { _, err := c.TriggerOnKey(ctx, "nope", "k"); return err }, ErrTriggerNotFound},
		{"unregister unknown", "execution is not registered", func(c *Client) error { return c.Unregister(ctx, "r-1", nil) }, ErrNotRegistered},
		{"pause unknown", "Execution does not exist", func(c *Client) error { return c.PauseRegistrations(ctx, "r-1") }, ErrNotRegistered},
		{"profile unknown", "session does not exists", func(c *Client) error { _, err := c.PyProfileStats(ctx, "s"); return err }, ErrSessionNotFound},
		{"export unknown", "requirement does not exists", func(c *Client) error { _, err := c.PyExportReq(ctx, "x"); return err }, ErrRequirementNotFound},
		{"no gears", "ERR unknown command 'RG.DUMPEXECUTIONS', with args beginning with: ", func(c *Client) error { _, err := c.DumpExecutions(ctx); return err }, ErrNoGears},
		{"script error", "['Traceback (most recent call last):\\n', '  File \"<string>\", line 1, in <module>\\n', \"NameError: name 'x' is not defined\\n\"]",
			func(c *Client) error { _, err := c.PyExecute(ctx, "x", nil); return err }, ErrGear},
		{"trigger record error", "Error type: <class 'ValueError'>, Value: boom", func(c *Client) error { _, err := c.Trigger(ctx, "T"); return err }, ErrGear},
		{"trigger flat error", "PAUSE this", func(c *Client) error { _, err := c.Trigger(ctx, "T"); return err }, ErrGear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newCaptured(t, 10213, func([]any) (any, error) { return nil, replyErr(tt.msg) })
			err := tt.call(c)
			if !errors.Is(err, tt.want) {
				t.Fatalf("%s with reply %q = %v, want %v", tt.name, tt.msg, err, tt.want)
			}
		})
	}
}

func TestScriptErrorIsNotRecordError(t *testing.T) {
	tb := "['Traceback (most recent call last):\\n', '  File \"<string>\", line 2, in <module>\\n', 'ZeroDivisionError: division by zero\\n']"
	c, _ := newCaptured(t, 10213, func([]any) (any, error) { return nil, replyErr(tb) })
	_, err := c.PyExecute(context.Background(), "GB()\n1/0", nil)
	var ge *GearError
	if !errors.As(err, &ge) || !ge.Script || ge.Type != "ZeroDivisionError" || ge.Message != "division by zero" {
		t.Fatalf("PyExecute = %#v, want a script GearError ZeroDivisionError", err)
	}
	if errors.Is(err, ErrRecords) {
		t.Errorf("script error matches ErrRecords")
	}
	// Record errors of a run arrive in Results, and Err() matches ErrRecords.
	c, _ = newCaptured(t, 10213, func([]any) (any, error) {
		return []any{[]any{"1"}, []any{"Error type: <class 'KeyError'>, Value: 'x'"}}, nil
	})
	reply, err := c.PyExecute(context.Background(), "s", nil)
	if err != nil {
		t.Fatal(err)
	}
	rerr := reply.Results.Err()
	if !errors.Is(rerr, ErrRecords) || !errors.As(rerr, &ge) || ge.Script || ge.Type != "KeyError" {
		t.Errorf("Results.Err() = %v, want record errors with a KeyError", rerr)
	}
}

func TestClassifyTransport(t *testing.T) {
	tests := []struct {
		err  error
		want []error
	}{
		{context.Canceled, []error{ErrCanceled, context.Canceled}},
		{context.DeadlineExceeded, []error{ErrTimeout, context.DeadlineExceeded}},
		{fmt.Errorf("read: %w", io.EOF), []error{ErrConnection, io.EOF}},
		{timeoutErr{}, []error{ErrTimeout}},
		{redis.ErrPoolTimeout, []error{ErrTimeout}},
		{redis.ErrClosed, []error{ErrConnection}},
	}
	for _, tt := range tests {
		got := classify("RG.X", tt.err)
		for _, w := range tt.want {
			if !errors.Is(got, w) {
				t.Errorf("classify(%v) = %v, want it to match %v", tt.err, got, w)
			}
		}
		var e *Error
		if !errors.As(got, &e) || e.Command != "RG.X" {
			t.Errorf("classify(%v) = %#v, want *Error naming the command", tt.err, got)
		}
	}
	if classify("RG.X", nil) != nil {
		t.Errorf("classify(nil) != nil")
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }
