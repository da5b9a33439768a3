package emulator

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tidwall/redcon"
)

// commandsExecution is the table of execution commands: run a script and
// inspect, wait for, abort and drop its execution.
func commandsExecution(e *Emulator) map[string]redcon.HandlerFunc {
	return map[string]redcon.HandlerFunc{
		"rg.pyexecute":          e.cmdPyExecute,
		"rg.getresults":         e.cmdGetResults,
		"rg.getresultsblocking": e.cmdGetResultsBlocking,
		"rg.dumpexecutions":     e.cmdDumpExecutions,
		"rg.getexecution":       e.cmdGetExecution,
		"rg.abortexecution":     e.cmdAbortExecution,
		"rg.dropexecution":      e.cmdDropExecution,
	}
}

// pyExecuteArgs are the parsed options of RG.PYEXECUTE.
type pyExecuteArgs struct {
	script       string
	blocking     bool
	id, desc     string
	upgrade      bool
	replaceWith  string
	forceReqs    bool
	requirements []string
}

// parsePyExecute parses options in any order; REQUIREMENTS takes the rest.
func parsePyExecute(args [][]byte) (*pyExecuteArgs, string) {
	p := &pyExecuteArgs{script: string(args[1]), blocking: true}
	i := 2
	for ; i < len(args); i++ {
		switch strings.ToUpper(string(args[i])) {
		case "UNBLOCKING":
			p.blocking = false
		case "UPGRADE":
			p.upgrade = true
		case "FORCE_REINSTALL_REQUIREMENTS":
			p.forceReqs = true
		case "REPLACE_WITH":
			if i++; i >= len(args) {
				return nil, msgReplaceWithMissing
			}
			p.replaceWith = string(args[i])
		case "ID":
			if i++; i >= len(args) {
				return nil, msgIDMissing
			}
			p.id = string(args[i])
			if !validSessionID(p.id) {
				return nil, msgBadID
			}
		case "DESCRIPTION":
			if i++; i >= len(args) {
				return nil, msgDescMissing
			}
			p.desc = string(args[i])
		default:
			if !strings.EqualFold(string(args[i]), "REQUIREMENTS") {
				return nil, fmt.Sprintf(msgUnknownArgs, args[i])
			}
			for _, r := range args[i+1:] {
				p.requirements = append(p.requirements, string(r))
			}
			return p, ""
		}
	}
	return p, ""
}

func validSessionID(id string) bool {
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func (e *Emulator) cmdPyExecute(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 2 {
		wrongArity(conn, cmd)
		return
	}
	p, errMsg := parsePyExecute(cmd.Args)
	if errMsg != "" {
		writeError(conn, errMsg)
		return
	}
	reply, ex := e.pyExecute(p)
	if ex == nil {
		conn.WriteRaw(reply)
		return
	}
	// Blocking run: wait without holding up other clients.
	<-ex.done
	e.dropExecution(ex.id)
	conn.WriteRaw(appendResults(nil, ex))
}

// pyExecute runs a script. It returns the reply, or a blocking execution
// whose results are the reply.
func (e *Emulator) pyExecute(p *pyExecuteArgs) ([]byte, *execution) {
	sessionID := p.id
	if sessionID == "" {
		sessionID = randomHex(40)
	}
	e.mu.Lock()
	old := e.sessions[sessionID]
	if p.replaceWith != "" {
		if old != nil {
			e.mu.Unlock()
			return errReply(fmt.Sprintf(msgReplaceExisting, sessionID, p.replaceWith)), nil
		}
		p.upgrade = true
		old = e.sessions[p.replaceWith]
		if old == nil {
			e.mu.Unlock()
			return errReply(fmt.Sprintf(msgReplaceMissing, p.replaceWith)), nil
		}
	}
	if old != nil && !p.upgrade {
		e.mu.Unlock()
		return errReply(fmt.Sprintf(msgSessionExists, sessionID)), nil
	}
	e.mu.Unlock()
	if len(p.requirements) > 0 {
		if err := e.installRequirements(p.requirements, p.forceReqs); err != nil {
			e.log.Warn("requirements", "err", err)
			return errReply(msgRequirements), nil
		}
	}
	r, err := e.worker.request(&frame{Op: "script", Script: p.script, Session: sessionID})
	if err != nil {
		return errReply(msgWorkerDied), nil
	}
	descs, _ := parseRegs(r.Regs)
	if r.Error != nil {
		if r.Exec != "" {
			e.dropExecution(r.Exec)
		}
		return errReply(*r.Error), nil
	}
	if len(descs) > 0 {
		msg := e.checkTriggers(descs, old)
		if msg == "" {
			msg = e.checkHooks(descs)
		}
		if msg != "" {
			e.worker.send(&frame{Op: "unregister", Regs: mustJSON(descIDs(descs))})
			return errReply(msg), nil
		}
		// regs is complete before the session is published: other
		// commands read it under e.mu.
		ids := descIDs(descs)
		s := &session{id: sessionID, desc: p.desc, script: p.script, requirements: p.requirements, regs: ids, made: slices.Clone(ids)}
		var oldRegs []string
		e.mu.Lock()
		if old != nil {
			oldRegs = old.regs
			delete(e.sessions, old.id)
		}
		e.sessions[sessionID] = s
		e.mu.Unlock()
		if old != nil {
			e.dropProfile(old.id) // the new session starts unprofiled
		}
		e.removeRegistrations(oldRegs)
		for _, d := range descs {
			e.addRegistration(d, sessionID)
		}
		e.saveState()
		if r.Exec != "" {
			go func() {
				if ex := e.execution(r.Exec); ex != nil {
					<-ex.done
				}
			}()
		}
		return redcon.AppendOK(nil), nil
	}
	if r.Exec == "" {
		return redcon.AppendOK(nil), nil
	}
	ex := e.execution(r.Exec)
	if ex == nil {
		return errReply(msgNoExecution), nil
	}
	if !p.blocking {
		return redcon.AppendBulkString(nil, ex.id), nil
	}
	return nil, ex
}

func errReply(msg string) []byte {
	return redcon.AppendError(nil, strings.NewReplacer("\r", " ", "\n", " ").Replace(msg))
}

// execArg returns the execution named by a one-argument command, or
// writes the arity or notFound error and returns nil.
func (e *Emulator) execArg(conn redcon.Conn, cmd redcon.Command, notFound string) *execution {
	if len(cmd.Args) != 2 {
		wrongArity(conn, cmd)
		return nil
	}
	ex := e.execution(string(cmd.Args[1]))
	if ex == nil {
		conn.WriteError(notFound)
	}
	return ex
}

func (e *Emulator) cmdGetResults(conn redcon.Conn, cmd redcon.Command) {
	ex := e.execArg(conn, cmd, msgNoExecution)
	if ex == nil {
		return
	}
	select {
	case <-ex.done:
		conn.WriteRaw(appendResults(nil, ex))
	default:
		conn.WriteError(msgStillRunning)
	}
}

func (e *Emulator) cmdGetResultsBlocking(conn redcon.Conn, cmd redcon.Command) {
	ex := e.execArg(conn, cmd, msgNoExecution)
	if ex == nil {
		return
	}
	<-ex.done
	conn.WriteRaw(appendResults(nil, ex))
}

func (e *Emulator) cmdDumpExecutions(conn redcon.Conn, cmd redcon.Command) {
	e.mu.Lock()
	var b []byte
	n := 0
	for _, id := range e.execOrder {
		ex := e.execs[id]
		if ex == nil {
			continue
		}
		n++
		b = redcon.AppendArray(b, 6)
		b = redcon.AppendBulkString(b, "executionId")
		b = redcon.AppendBulkString(b, ex.id)
		b = redcon.AppendBulkString(b, "status")
		b = redcon.AppendBulkString(b, ex.status)
		b = redcon.AppendBulkString(b, "registered")
		if ex.reg != nil {
			b = redcon.AppendInt(b, 1)
		} else {
			b = redcon.AppendInt(b, 0)
		}
	}
	e.mu.Unlock()
	conn.WriteRaw(append(redcon.AppendArray(nil, n), b...))
}

func (e *Emulator) cmdGetExecution(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 2 || len(cmd.Args) > 3 {
		wrongArity(conn, cmd)
		return
	}
	if len(cmd.Args) == 3 {
		switch strings.ToUpper(string(cmd.Args[2])) {
		case "SHARD":
		case "CLUSTER":
			conn.WriteError(msgNoClusterUseShard)
			return
		default:
			conn.WriteError(msgUnknownSubcommand)
			return
		}
	}
	ex := e.execution(string(cmd.Args[1]))
	if ex == nil {
		conn.WriteError(msgNoExecution)
		return
	}
	e.mu.Lock()
	status, nRes, errs := ex.status, ex.nResults, ex.errors
	total := time.Since(ex.start)
	if status != "running" {
		total = ex.end.Sub(ex.start)
	} else {
		nRes = -1
	}
	e.mu.Unlock()
	b := redcon.AppendArray(nil, 1)
	b = redcon.AppendArray(b, 4)
	b = redcon.AppendBulkString(b, "shard_id")
	b = redcon.AppendBulkString(b, e.shardID)
	b = redcon.AppendBulkString(b, "execution_plan")
	b = redcon.AppendArray(b, 16)
	b = redcon.AppendBulkString(b, "status")
	b = redcon.AppendBulkString(b, status)
	b = redcon.AppendBulkString(b, "shards_received")
	b = redcon.AppendInt(b, 0)
	b = redcon.AppendBulkString(b, "shards_completed")
	b = redcon.AppendInt(b, 0)
	b = redcon.AppendBulkString(b, "results")
	b = redcon.AppendInt(b, int64(nRes))
	b = redcon.AppendBulkString(b, "errors")
	b = redcon.AppendArray(b, len(errs))
	for _, s := range errs {
		b = redcon.AppendBulkString(b, s)
	}
	b = redcon.AppendBulkString(b, "total_duration")
	b = redcon.AppendInt(b, durationMS(total))
	b = redcon.AppendBulkString(b, "read_duration")
	b = redcon.AppendInt(b, 0)
	b = redcon.AppendBulkString(b, "steps")
	steps := append([][2]string{{"READER", ex.reader}}, ex.steps...)
	b = redcon.AppendArray(b, len(steps))
	for _, s := range steps {
		b = redcon.AppendArray(b, 8)
		b = redcon.AppendBulkString(b, "type")
		b = redcon.AppendBulkString(b, s[0])
		b = redcon.AppendBulkString(b, "duration")
		b = redcon.AppendInt(b, 0)
		b = redcon.AppendBulkString(b, "name")
		b = redcon.AppendBulkString(b, s[1])
		b = redcon.AppendBulkString(b, "arg")
		b = redcon.AppendBulkString(b, "")
	}
	conn.WriteRaw(b)
}

func (e *Emulator) cmdAbortExecution(conn redcon.Conn, cmd redcon.Command) {
	ex := e.execArg(conn, cmd, msgAbortNoExecution)
	if ex == nil {
		return
	}
	e.abort(ex)
	conn.WriteString("OK")
}

// abort stops a running execution: an exception thrown into its Python
// thread, and if that does not end it within two seconds (a C call that
// never returns), a restart of the worker.
func (e *Emulator) abort(ex *execution) {
	select {
	case <-ex.done:
		return
	default:
	}
	e.worker.send(&frame{Op: "abort", Exec: ex.id})
	select {
	case <-ex.done:
	case <-time.After(2 * time.Second):
		e.log.Warn("execution did not stop on abort; restarting the python worker", "id", ex.id)
		e.worker.kill()
		<-ex.done
	}
}

func (e *Emulator) cmdDropExecution(conn redcon.Conn, cmd redcon.Command) {
	ex := e.execArg(conn, cmd, msgNoExecution)
	if ex == nil {
		return
	}
	select {
	case <-ex.done:
	default:
		conn.WriteError(msgDropRunning)
		return
	}
	e.dropExecution(ex.id)
	conn.WriteString("OK")
}

// checkTriggers rejects a trigger name that another session already uses.
func (e *Emulator) checkTriggers(descs []regDesc, replacing *session) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	seen := map[string]bool{}
	for _, r := range e.regs {
		if r.Trigger != nil && (replacing == nil || r.session != replacing.id) {
			seen[*r.Trigger] = true
		}
	}
	for _, d := range descs {
		if d.Trigger != nil {
			if seen[*d.Trigger] {
				return msgTriggerExists
			}
			seen[*d.Trigger] = true
		}
	}
	return ""
}
