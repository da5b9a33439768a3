package emulator

import (
	"encoding/base64"
	"time"

	"github.com/tidwall/redcon"
)

// This file keeps the executions table: ids, status, results, and the cap
// (MaxExecutions, MaxExecutionsPerRegistration) on finished ones.

// execution is one run of a gear, from run() or from a registration.
type execution struct {
	id        string
	reg       *registration // or nil for run()
	reader    string
	steps     [][2]string
	status    string // "running", "done" or "aborted"
	done      chan struct{}
	results   []byte // RESP of each result, concatenated
	nResults  int
	errors    []string
	override  []byte // reply set by override_reply; or nil
	streamIDs []string
	streamKey string
	start     time.Time
	end       time.Time
	onDone    func(*execution)
}

// newExecution adds a running execution to the table.
func (e *Emulator) newExecution(reg *registration, reader string, steps [][2]string) *execution {
	ex := &execution{id: e.nextID(), reg: reg, reader: reader, steps: steps, status: "running",
		done: make(chan struct{}), start: time.Now()}
	e.mu.Lock()
	e.execs[ex.id] = ex
	e.execOrder = append(e.execOrder, ex.id)
	e.trimExecutionsLocked()
	e.mu.Unlock()
	return ex
}

// trimExecutionsLocked drops the oldest finished executions over the caps.
func (e *Emulator) trimExecutionsLocked() {
	max := e.config.int("MaxExecutions")
	perReg := e.config.int("MaxExecutionsPerRegistration")
	counts := map[*registration]int{}
	for _, id := range e.execOrder {
		if ex := e.execs[id]; ex != nil && ex.reg != nil {
			counts[ex.reg]++
		}
	}
	over := len(e.execOrder) - max
	kept := e.execOrder[:0]
	for _, id := range e.execOrder {
		ex := e.execs[id]
		if ex == nil {
			continue
		}
		finished := ex.status != "running"
		if finished && ex.reg != nil && counts[ex.reg] > perReg {
			counts[ex.reg]--
			delete(e.execs, id)
			over--
			continue
		}
		if finished && over > 0 {
			if ex.reg != nil {
				counts[ex.reg]--
			}
			delete(e.execs, id)
			over--
			continue
		}
		kept = append(kept, id)
	}
	e.execOrder = kept
}

func (e *Emulator) execution(id string) *execution {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.execs[id]
}

func (e *Emulator) dropExecution(id string) {
	e.mu.Lock()
	delete(e.execs, id)
	e.mu.Unlock()
}

// execDone records a finished execution reported by the worker.
func (e *Emulator) execDone(f *frame) {
	res, _ := base64.StdEncoding.DecodeString(f.Results)
	var override []byte
	if f.Override != nil {
		override, _ = base64.StdEncoding.DecodeString(*f.Override)
	}
	status := "done"
	if f.Aborted {
		status = "aborted"
	}
	e.finish(f.Exec, status, res, f.N, f.Errors, override, f.StreamIDs)
}

func (e *Emulator) finish(id, status string, res []byte, n int, errs []string, override []byte, streamIDs []string) {
	e.mu.Lock()
	ex := e.execs[id]
	if ex == nil || ex.status != "running" {
		e.mu.Unlock()
		return
	}
	ex.status = status
	ex.results, ex.nResults, ex.errors, ex.override, ex.streamIDs = res, n, errs, override, streamIDs
	if ex.errors == nil {
		ex.errors = []string{}
	}
	ex.end = time.Now()
	if ex.reg != nil {
		ex.reg.recordRun(ex)
	}
	e.trimExecutionsLocked()
	e.mu.Unlock()
	close(ex.done)
	if ex.onDone != nil {
		ex.onDone(ex)
	}
}

// failRunning ends every running execution with err (the worker died).
func (e *Emulator) failRunning(err string) {
	e.mu.Lock()
	var ids []string
	for id, ex := range e.execs {
		if ex.status == "running" {
			ids = append(ids, id)
		}
	}
	e.mu.Unlock()
	for _, id := range ids {
		e.finish(id, "aborted", nil, 0, []string{err}, nil, nil)
	}
}

// appendResults appends the [results, errors] reply of a finished execution.
func appendResults(b []byte, ex *execution) []byte {
	b = redcon.AppendArray(b, 2)
	b = redcon.AppendArray(b, ex.nResults)
	b = append(b, ex.results...)
	b = redcon.AppendArray(b, len(ex.errors))
	for _, s := range ex.errors {
		b = redcon.AppendBulkString(b, s)
	}
	return b
}

func durationMS(d time.Duration) int64 { return d.Milliseconds() }
