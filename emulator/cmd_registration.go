package emulator

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tidwall/redcon"
)

// commandsRegistration is the table of registration commands.
func commandsRegistration(e *Emulator) map[string]redcon.HandlerFunc {
	return map[string]redcon.HandlerFunc{
		"rg.dumpregistrations":       e.cmdDumpRegistrations,
		"rg.unregister":              e.cmdUnregister,
		"rg.pauseregistrations":      e.cmdPauseRegistrations,
		"rg.unpauseregistrations":    e.cmdUnpauseRegistrations,
		"rg.clearregistrationsstats": e.cmdClearRegistrationsStats,
	}
}

func (e *Emulator) cmdDumpRegistrations(conn redcon.Conn, cmd redcon.Command) {
	e.mu.Lock()
	b := redcon.AppendArray(nil, len(e.regOrder))
	for _, id := range e.regOrder {
		b = e.appendRegistration(b, e.regs[id], true)
	}
	e.mu.Unlock()
	conn.WriteRaw(b)
}

// appendRegistration appends the 1.2 dump of r; e.mu held.
func (e *Emulator) appendRegistration(b []byte, r *registration, withPD bool) []byte {
	n := 10
	if withPD {
		n = 12
	}
	b = redcon.AppendArray(b, n)
	b = redcon.AppendBulkString(b, "id")
	b = redcon.AppendBulkString(b, r.ID)
	b = redcon.AppendBulkString(b, "reader")
	b = redcon.AppendBulkString(b, r.Reader)
	b = redcon.AppendBulkString(b, "desc")
	b = appendNullable(b, r.Desc)
	b = redcon.AppendBulkString(b, "RegistrationData")
	fields := 20
	if r.Reader == "StreamReader" {
		fields = 26
	}
	b = redcon.AppendArray(b, fields)
	b = redcon.AppendBulkString(b, "mode")
	b = redcon.AppendBulkString(b, r.Mode)
	for _, kv := range []struct {
		k string
		v int64
	}{{"numTriggered", r.numTriggered}, {"numSuccess", r.numSuccess}, {"numFailures", r.numFailures},
		{"numAborted", r.numAborted}, {"lastRunDurationMS", r.lastRun.Milliseconds()},
		{"totalRunDurationMS", r.totalRun.Milliseconds()}} {
		b = redcon.AppendBulkString(b, kv.k)
		b = redcon.AppendInt(b, kv.v)
	}
	runs := r.numSuccess + r.numFailures + r.numAborted
	b = redcon.AppendBulkString(b, "avgRunDurationMS")
	b = redcon.AppendBulkString(b, formatDouble(float64(r.totalRun.Milliseconds())/float64(runs)))
	if r.Reader == "StreamReader" {
		b = redcon.AppendBulkString(b, "lastEstimatedLagMS")
		b = redcon.AppendInt(b, r.lastLag.Milliseconds())
		b = redcon.AppendBulkString(b, "avgEstimatedLagMS")
		avg := 0.0
		if runs > 0 {
			avg = float64(r.totalLag.Milliseconds()) / float64(runs)
		}
		b = redcon.AppendBulkString(b, formatDouble(avg))
	}
	b = redcon.AppendBulkString(b, "lastError")
	b = appendNullable(b, r.lastError)
	b = redcon.AppendBulkString(b, "args")
	switch r.Reader {
	case "KeysReader":
		b = redcon.AppendArray(b, 8)
		b = redcon.AppendBulkString(b, "regex")
		b = redcon.AppendBulkString(b, r.Prefix)
		b = redcon.AppendBulkString(b, "eventTypes")
		b = appendStrings(b, r.EventTypes)
		b = redcon.AppendBulkString(b, "keyTypes")
		b = appendStrings(b, r.KeyTypes)
		b = redcon.AppendBulkString(b, "hookCommands")
		b = appendStrings(b, r.Commands)
	case "StreamReader":
		b = redcon.AppendArray(b, 12)
		b = redcon.AppendBulkString(b, "batchSize")
		b = redcon.AppendInt(b, int64(r.Batch))
		b = redcon.AppendBulkString(b, "durationMS")
		b = redcon.AppendInt(b, int64(r.Duration))
		b = redcon.AppendBulkString(b, "stream")
		b = redcon.AppendBulkString(b, r.Prefix)
		b = redcon.AppendBulkString(b, "trimStream")
		b = redcon.AppendInt(b, boolInt(r.TrimStream))
		b = redcon.AppendBulkString(b, "onFailedPolicy")
		b = redcon.AppendBulkString(b, r.OnFailed)
		b = redcon.AppendBulkString(b, "retryInterval")
		b = redcon.AppendInt(b, int64(r.RetryInterval))
		// 1.2 puts status after args, in RegistrationData itself.
		b = redcon.AppendBulkString(b, "status")
		b = redcon.AppendBulkString(b, r.status)
	default:
		if r.Hook != nil {
			b = redcon.AppendArray(b, 4)
			b = redcon.AppendBulkString(b, "hook")
			b = redcon.AppendBulkString(b, *r.Hook)
			b = redcon.AppendBulkString(b, "keyprefix")
			b = appendNullable(b, r.KeyPrefix)
		} else {
			b = redcon.AppendArray(b, 4)
			b = redcon.AppendBulkString(b, "trigger")
			b = redcon.AppendBulkString(b, deref(r.Trigger))
			b = redcon.AppendBulkString(b, "inorder")
			b = redcon.AppendInt(b, boolInt(r.InOrder))
		}
	}
	if withPD {
		b = redcon.AppendBulkString(b, "PD")
		b = redcon.AppendBulkString(b, e.sessionPD(r.session))
	}
	b = redcon.AppendBulkString(b, "ExecutionThreadPool")
	b = redcon.AppendBulkString(b, "DefaultPool")
	return b
}

// sessionPD is the session's dict-like text, as RedisGears prints it; e.mu held.
func (e *Emulator) sessionPD(id string) string {
	s := e.sessions[id]
	desc := "null"
	var regs, reqs []string
	if s != nil {
		if s.desc != "" {
			desc = s.desc
		}
		regs = s.regs
		reqs = s.requirements
	}
	return fmt.Sprintf("{'sessionName':'%s', 'sessionDescription':'%s', 'refCount': %d, 'linkedTo': %s, 'dead': false, 'isInstallationNeeded':0, 'registrationsList':[%s], 'depsList':[%s]}",
		id, desc, len(regs)+1, "primary", quoteList(regs), quoteList(reqs))
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "'" + x + "'"
	}
	return strings.Join(q, ", ")
}

// formatDouble prints a double the way Redis does for module replies:
// %.17g, and "-nan" for 0/0.
func formatDouble(f float64) string {
	if math.IsNaN(f) {
		return "-nan"
	}
	if math.IsInf(f, 1) {
		return "inf"
	}
	if math.IsInf(f, -1) {
		return "-inf"
	}
	return strconv.FormatFloat(f, 'g', 17, 64)
}

func appendNullable(b []byte, s *string) []byte {
	if s == nil {
		return redcon.AppendNull(b)
	}
	return redcon.AppendBulkString(b, *s)
}

func appendStrings(b []byte, xs []string) []byte {
	if xs == nil {
		return redcon.AppendNull(b)
	}
	b = redcon.AppendArray(b, len(xs))
	for _, x := range xs {
		b = redcon.AppendBulkString(b, x)
	}
	return b
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func boolInt(v bool) int64 {
	if v {
		return 1
	}
	return 0
}

func (e *Emulator) cmdUnregister(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 2 || len(cmd.Args) > 3 {
		wrongArity(conn, cmd)
		return
	}
	id := string(cmd.Args[1])
	abortPending := len(cmd.Args) == 3 && strings.EqualFold(string(cmd.Args[2]), "ABORTPENDING")
	e.mu.Lock()
	r := e.regs[id]
	var pending []*execution
	if r != nil && abortPending {
		for _, ex := range e.execs {
			if ex.reg == r && ex.status == "running" {
				pending = append(pending, ex)
			}
		}
	}
	dropped := ""
	if r != nil {
		if s := e.sessions[r.session]; s != nil {
			s.regs = removeString(s.regs, id)
			if len(s.regs) == 0 {
				delete(e.sessions, s.id)
				dropped = s.id
			}
		}
	}
	e.mu.Unlock()
	if r == nil {
		conn.WriteError(msgNotRegistered)
		return
	}
	if dropped != "" {
		e.dropProfile(dropped)
	}
	e.removeRegistrations([]string{id})
	e.saveState()
	for _, ex := range pending {
		e.abort(ex)
	}
	conn.WriteString("OK")
}

func removeString(xs []string, s string) []string {
	out := xs[:0]
	for _, x := range xs {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func (e *Emulator) cmdPauseRegistrations(conn redcon.Conn, cmd redcon.Command) {
	e.setPaused(conn, cmd, true)
}

func (e *Emulator) cmdUnpauseRegistrations(conn redcon.Conn, cmd redcon.Command) {
	e.setPaused(conn, cmd, false)
}

func (e *Emulator) setPaused(conn redcon.Conn, cmd redcon.Command, pause bool) {
	if len(cmd.Args) != 2 {
		wrongArity(conn, cmd)
		return
	}
	e.mu.Lock()
	r := e.regs[string(cmd.Args[1])]
	if r == nil {
		e.mu.Unlock()
		conn.WriteError(msgNotRegistered)
		return
	}
	if r.Reader != "StreamReader" {
		e.mu.Unlock()
		conn.WriteError(fmt.Sprintf(msgNoPause, r.Reader))
		return
	}
	var keys []string
	if pause {
		r.status = "PAUSED"
	} else if r.status == "PAUSED" {
		r.status = "OK"
		for k := range r.streams {
			keys = append(keys, k)
		}
	}
	e.mu.Unlock()
	for _, k := range keys {
		go e.streamKick(r, k, true, "")
	}
	conn.WriteString("OK")
}

func (e *Emulator) cmdClearRegistrationsStats(conn redcon.Conn, cmd redcon.Command) {
	e.mu.Lock()
	for _, r := range e.regs {
		r.numTriggered, r.numSuccess, r.numFailures, r.numAborted = 0, 0, 0, 0
		r.lastRun, r.totalRun, r.lastLag, r.totalLag = 0, 0, 0, 0
		r.lastError = nil
	}
	e.mu.Unlock()
	conn.WriteString("OK")
}
