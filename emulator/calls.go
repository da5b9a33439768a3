package emulator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/tidwall/redcon"
)

// This file answers the worker's calls: the Redis commands gears send with
// execute() (which fire registrations like client writes), id allocation,
// configGet, call_next and log().

func (e *Emulator) handleCall(f *frame) *frame {
	switch f.Kind {
	case "execute":
		args := argsFromWire(f.Args)
		if f.Restore && len(args) > 0 {
			// RedisGears restores registrations without running the
			// script again: its top-level writes are not repeated.
			if info, ok := e.commandInfo(string(args[0])); ok && info.flags["write"] {
				e.log.Info("not repeating a restored script's top-level write", "command", string(args[0]))
				return &frame{}
			}
		}
		return e.gearCommand(args, f.Exec)
	case "batch":
		cmds := make([][][]byte, len(f.Cmds))
		for i, c := range f.Cmds {
			cmds[i] = argsFromWire(c)
		}
		return e.gearBatch(cmds, f.Exec)
	case "newid":
		return &frame{Value: e.nextID()}
	case "newexec":
		return &frame{Value: e.newExecution(nil, f.Reader, f.Steps).id}
	case "register":
		var d regDesc
		if err := jsonUnmarshal(f.Reg, &d); err != nil {
			return &frame{Fatal: err.Error()}
		}
		e.addRegistration(d, "")
		return &frame{}
	case "te_claim":
		// RedisGears stores a time event in a new key without notifying.
		unlock := e.lockShared(f.Exec)
		v, err := e.store.doStrings("SET", f.Key, f.Token, "NX")
		unlock()
		if err != nil {
			return &frame{Fatal: err.Error()}
		}
		return &frame{Value: v != nil}
	case "te_alive":
		// Deleting or overwriting its key stops a time event. No keymiss.
		unlock := e.lockShared(f.Exec)
		v, err := e.store.doStrings("GET", f.Key)
		unlock()
		// An error (the key now holds a list...) means it was overwritten.
		return &frame{Value: err == nil && string(asBytes(v)) == f.Token}
	case "configget":
		if v, ok := e.config.getExtra(f.Key); ok {
			return &frame{Value: v}
		}
		return &frame{}
	case "call_next":
		// call_next gets the arguments; the command is the hooked one.
		ex := e.execution(f.Exec)
		if ex == nil || ex.reg == nil || ex.reg.Hook == nil {
			return &frame{Fatal: "Can not get CommandHook ctx"}
		}
		args := append([][]byte{[]byte(*ex.reg.Hook)}, argsFromWire(f.Args)...)
		if next := e.hookBelow(ex.reg, args); next != nil {
			return e.callHook(next, args)
		}
		return e.gearCommand(args, f.Exec)
	case "atomic":
		if f.On {
			e.atomicBegin(f.Exec)
		} else {
			e.atomicEnd(f.Exec)
		}
		return &frame{}
	}
	return &frame{Fatal: "unknown call " + f.Kind}
}

// gearRefusals maps the commands a gear's execute() may not run to the
// reply refusing them. The transaction commands RM_Call refuses; the
// others would leave the pooled store connection the gear borrowed in a
// state (another database, subscribed, replies off, closed...) that
// breaks it for whichever gear gets it next.
var gearRefusals = map[string]string{
	"multi":      msgGearTransaction,
	"exec":       msgGearTransaction,
	"discard":    msgGearTransaction,
	"watch":      msgGearTransaction,
	"unwatch":    msgGearTransaction,
	"select":     msgGearSelect,
	"subscribe":  msgGearSubscribe,
	"psubscribe": msgGearSubscribe,
	"ssubscribe": msgGearSubscribe,
	"monitor":    msgGearSubscribe,
	"reset":      msgGearConnState,
	"quit":       msgGearConnState,
	"hello":      msgGearConnState,
	"auth":       msgGearConnState,
	"sync":       msgGearConnState,
	"psync":      msgGearConnState,
	// CLIENT subcommands are keyed "client <subcommand>".
	"client reply":    msgGearConnState,
	"client tracking": msgGearConnState,
	"client caching":  msgGearConnState,
	"client no-evict": msgGearConnState,
	"client no-touch": msgGearConnState,
	"client setname":  msgGearConnState,
}

// gearRefusal returns the error reply refusing a gear's command, or nil
// if execute() may run it.
func gearRefusal(args [][]byte) []byte {
	n := 1 // the words naming the command
	name := commandName(args[0])
	if name == "client" && len(args) > 1 {
		name += " " + strings.ToLower(string(args[1]))
		n = 2
	}
	msg, ok := gearRefusals[name]
	if !ok {
		return nil
	}
	return redcon.AppendError(nil, fmt.Sprintf(msg, strings.ToUpper(string(bytes.Join(args[:n], []byte(" "))))))
}

// gearCommand runs one command for execution execID, fires the events it
// causes and returns the reply frame.
func (e *Emulator) gearCommand(args [][]byte, execID string) *frame {
	if len(args) == 0 {
		return &frame{Value: []any{}}
	}
	raw := e.gearRGCommand(args)
	if raw == nil {
		raw = gearRefusal(args)
	}
	if raw == nil {
		var evs []keyEvent
		var ok bool
		var err error
		if raw, evs, ok, err = e.gearScript(execID, args); err != nil {
			return &frame{Fatal: err.Error()}
		}
		if ok && len(evs) > 0 {
			e.fire(evs, args, execID)
		}
	}
	if raw == nil {
		probe := probeNone
		if e.hasKeysReaders.Load() {
			probe = e.probe(commandName(args[0]), args)
		}
		unlock := e.lockShared(execID)
		var evs []keyEvent
		var err error
		raw, evs, err = e.store.doEvents(args, probe)
		unlock()
		if err != nil {
			return &frame{Fatal: err.Error()}
		}
		e.watch.flushed(commandName(args[0]), raw)
		if len(evs) > 0 {
			e.fire(evs, args, execID)
		}
	}
	return replyFrame(raw)
}

// replyFrame returns the frame answering a call with the raw reply.
func replyFrame(raw []byte) *frame {
	v, _, err := parseReply(raw)
	if err != nil {
		return &frame{Fatal: err.Error()}
	}
	w, tagged := toWire(v)
	return &frame{Value: w, Tagged: tagged}
}

// gearBatch runs commands in one pipeline (the readers' bulk reads) and
// returns the frame with their replies.
func (e *Emulator) gearBatch(cmds [][][]byte, execID string) *frame {
	c, err := e.store.get()
	if err != nil {
		return &frame{Fatal: err.Error()}
	}
	unlock := e.lockShared(execID)
	raws, err := c.pipeline(cmds)
	unlock()
	if err != nil {
		c.c.Close()
		return &frame{Fatal: err.Error()}
	}
	e.store.put(c)
	out := make([]any, len(raws))
	tagged := false
	for i, raw := range raws {
		// The readers' own reads of vanished keys are no keymiss events,
		// as RedisGears avoids events while reading a key.
		if evs := eventsFor(cmds[i], raw); len(evs) > 0 && evs[0].event != "keymiss" {
			e.fire(evs, cmds[i], execID)
		}
		v, _, err := parseReply(raw)
		if err != nil {
			return &frame{Fatal: err.Error()}
		}
		var t bool
		out[i], t = toWire(v)
		tagged = tagged || t
	}
	return &frame{Value: out, Tagged: tagged}
}

// gearLog writes a gear's log() line, "GEARS: msg", at its level.
func (e *Emulator) gearLog(level, msg string) {
	switch level {
	case "warning":
		e.log.Warn("GEARS: " + msg)
	case "debug", "verbose":
		e.log.Debug("GEARS: " + msg)
	default:
		e.log.Info("GEARS: " + msg)
	}
}

// sendConfig pushes the settings the worker needs.
func (e *Emulator) sendConfig() {
	tb := e.config.int("PythonAttemptTraceback") != 0
	e.worker.send(&frame{Op: "config", Traceback: &tb, Profile: e.config.int("ProfileExecutions") != 0})
}

func randomHex(n int) string {
	b := make([]byte, (n+1)/2)
	rand.Read(b)
	return strings.ToLower(hex.EncodeToString(b))[:n]
}

// callHook runs a lower hook for call_next and returns its single result.
func (e *Emulator) callHook(r *registration, args [][]byte) *frame {
	ex := e.trigger(r, map[string]any{"args": wireStrings(args), "hook": true})
	<-ex.done
	switch {
	case len(ex.errors) > 0:
		return &frame{Fatal: ex.errors[0]}
	case ex.nResults != 1:
		return &frame{Fatal: msgHookOneResult}
	}
	if len(ex.results) > 0 && ex.results[0] == '-' {
		v, _, _ := parseReply(ex.results)
		if re, ok := v.(replyError); ok {
			return &frame{Fatal: string(re)}
		}
	}
	return replyFrame(ex.results)
}
