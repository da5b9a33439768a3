package client

// This file runs and deploys whole gear scripts: plain Python (a string or
// a file) here, and generated DSL gears through the same paths (gear.go).

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Script is a Python gear script to run or deploy.
type Script struct {
	// Source is the Python 3.7 script text, sent as one argument.
	Source string
	// ID is the session id DeployScript installs the script under; it must
	// stay the same across deploys. Letters, digits, '-' and '_' only.
	ID string
	// Description is stored with the session, before the content hash.
	Description string
	// Requirements are pip specifications the script needs (REQUIREMENTS).
	Requirements []string
}

// ScriptFile reads a gear script from path. Its ID is the file's base name
// without extension, with every character other than letters, digits, '-'
// and '_' replaced by '_'.
//
//	s, err := client.ScriptFile("gears/orders.py")
//	dep, err := c.DeployScript(ctx, s)
func ScriptFile(path string) (Script, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Script{}, fmt.Errorf("client: read gear script: %w", err)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	id := regexp.MustCompile(`[^A-Za-z0-9_-]`).ReplaceAllString(base, "_")
	return Script{Source: string(b), ID: id}, nil
}

// Hash returns the content hash DeployScript compares: hex SHA-256 of the
// source and the requirements.
func (s Script) Hash() string {
	h := sha256.New()
	h.Write([]byte(s.Source))
	for _, r := range s.Requirements {
		h.Write([]byte{0})
		h.Write([]byte(r))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// RunScript runs s blocking with RG.PYEXECUTE and returns its results. When
// records failed, it returns the results of the others together with a
// *RecordErrors (errors.Is(err, ErrRecords)). A script that raised gives a
// *GearError with Script set. A script without run() gives empty results.
//
//	res, err := c.RunScript(ctx, client.Script{Source: "GB().map(lambda r: r['key']).run('user:*')"})
func (c *Client) RunScript(ctx context.Context, s Script) (*Results, error) {
	reply, err := c.PyExecute(ctx, s.Source, &PyExecuteOptions{Requirements: s.Requirements})
	if err != nil {
		return nil, withOrigins(err, s.Source)
	}
	if reply.Results == nil {
		return &Results{}, nil
	}
	return reply.Results, withOrigins(reply.Results.Err(), s.Source)
}

// StartScript runs s with RG.PYEXECUTE UNBLOCKING and returns its
// execution at once; Wait or Poll it for the results and Drop it after.
// A script without run() gives ErrBadReply, since there is nothing to wait for.
//
//	ex, err := c.StartScript(ctx, s)
//	res, err := ex.Wait(ctx)
func (c *Client) StartScript(ctx context.Context, s Script) (*Execution, error) {
	reply, err := c.PyExecute(ctx, s.Source, &PyExecuteOptions{Unblocking: true, Requirements: s.Requirements})
	if err != nil {
		return nil, withOrigins(err, s.Source)
	}
	if reply.ID == "" {
		return nil, badReply("RG.PYEXECUTE", "script started no execution (it has no run())")
	}
	return &Execution{ID: reply.ID, c: c, source: s.Source}, nil
}

// Deployment reports what DeployScript did.
type Deployment struct {
	ID       string // the session id
	Hash     string // the content hash now deployed
	Previous string // the hash deployed before; or "" for a new session
	Changed  bool   // false when the same content was already deployed and nothing was sent
}

var hashMarkRE = regexp.MustCompile(`gogears:sha256=([0-9a-f]{64})`)

// DeployScript installs the registrations of s under session s.ID,
// idempotently. It reads the session's description (RG.PYDUMPSESSIONS):
// when it carries the same content hash, nothing is sent and Changed is
// false. Otherwise it sends RG.PYEXECUTE with ID, DESCRIPTION (the
// description plus "gogears:sha256=<hash>"), UPGRADE and the requirements,
// so the server swaps the session's registrations atomically instead of a
// racy unregister-then-register. RedisGears 1.2+.
//
//	dep, err := c.DeployScript(ctx, client.Script{ID: "orders", Source: src})
//	if dep.Changed { log.Printf("deployed %s", dep.Hash) }
func (c *Client) DeployScript(ctx context.Context, s Script) (*Deployment, error) {
	const command = "RG.PYEXECUTE"
	if s.ID == "" {
		return nil, &Error{Command: command, Kind: ErrInvalidArgument, Msg: "deploying needs a Script.ID naming the session"}
	}
	if err := c.require(ctx, command, "deploying (sessions and UPGRADE)", 1, 2, 0); err != nil {
		return nil, err
	}
	dep := &Deployment{ID: s.ID, Hash: s.Hash()}
	sessions, err := c.PyDumpSessions(ctx, &DumpSessionsOptions{Sessions: []string{s.ID}})
	if err != nil {
		return nil, err
	}
	for _, se := range sessions {
		if se.ID == s.ID && !se.Missing {
			if m := hashMarkRE.FindStringSubmatch(se.Description); m != nil {
				dep.Previous = m[1]
			}
		}
	}
	if dep.Previous == dep.Hash {
		return dep, nil
	}
	desc := strings.TrimSpace(s.Description + " gogears:sha256=" + dep.Hash)
	_, err = c.PyExecute(ctx, s.Source, &PyExecuteOptions{ID: s.ID, Description: desc, Upgrade: true, Requirements: s.Requirements})
	if err != nil {
		return nil, withOrigins(err, s.Source)
	}
	dep.Changed = true
	return dep, nil
}

// Execution is a run started with StartScript (or Start for DSL gears).
type Execution struct {
	ID     string // the execution id, "<shard id>-<sequence>"
	c      *Client
	source string // the script, for mapping tracebacks to Go origins
}

// Execution returns a handle on an existing execution id, for example one
// listed by DumpExecutions.
func (c *Client) Execution(id string) *Execution { return &Execution{ID: id, c: c} }

// Poll returns the results if the execution has finished, and
// ErrExecutionRunning if not. Failed records give a *RecordErrors next to
// the results, as in RunScript.
func (e *Execution) Poll(ctx context.Context) (*Results, error) {
	res, err := e.c.GetResults(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	return res, withOrigins(res.Err(), e.source)
}

// Wait polls until the execution finishes or ctx ends, backing off from
// 1ms to the client's poll interval. Polling, unlike RG.GETRESULTSBLOCKING,
// needs no go-redis read timeout longer than the execution.
func (e *Execution) Wait(ctx context.Context) (*Results, error) {
	delay := time.Millisecond
	for {
		res, err := e.Poll(ctx)
		if !errors.Is(err, ErrExecutionRunning) {
			return res, err
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, classify("RG.GETRESULTS", ctx.Err())
		case <-t.C:
		}
		if delay *= 2; delay > e.c.pollInterval {
			delay = e.c.pollInterval
		}
	}
}

// Drop removes the finished execution and its results from the server.
func (e *Execution) Drop(ctx context.Context) error { return e.c.DropExecution(ctx, e.ID) }

// Abort stops the execution if it is still running.
func (e *Execution) Abort(ctx context.Context) error { return e.c.AbortExecution(ctx, e.ID) }

// withOrigins maps the traceback frames of every GearError in err to the
// Go origin comments of source (contract 2) and returns err.
func withOrigins(err error, source string) error {
	if err == nil || !strings.Contains(source, "# go: ") {
		return err
	}
	var re *RecordErrors
	if errors.As(err, &re) {
		for _, ge := range re.Errors {
			mapOrigins(ge, source)
		}
		return err
	}
	var ge *GearError
	if errors.As(err, &ge) {
		mapOrigins(ge, source)
	}
	return err
}
