package emulator

import (
	"strings"

	"github.com/tidwall/redcon"
)

// commandsTrigger is the table of CommandReader commands. Command hooks
// (register(hook=...)) are served from here too, before the proxy.
func commandsTrigger(e *Emulator) map[string]redcon.HandlerFunc {
	return map[string]redcon.HandlerFunc{
		"rg.trigger":      e.cmdTrigger,
		"rg.triggeronkey": e.cmdTriggerOnKey,
	}
}

func (e *Emulator) cmdTrigger(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 2 {
		wrongArity(conn, cmd)
		return
	}
	e.runTrigger(conn, cmd.Args[1:])
}

// awaitReinstall waits for a worker restart's reinstall before a client's
// trigger; a gear's (from execute()) goes on, see workerPool.awaitReinstall.
func (e *Emulator) awaitReinstall(conn redcon.Conn) {
	if _, gear := conn.(*gearConn); !gear {
		e.worker.awaitReinstall()
	}
}

func (e *Emulator) cmdTriggerOnKey(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 3 {
		wrongArity(conn, cmd)
		return
	}
	e.runTrigger(conn, cmd.Args[1:])
}

// runTrigger runs the CommandReader registration named args[0] with the
// record args and replies with its results, or its first error.
func (e *Emulator) runTrigger(conn redcon.Conn, args [][]byte) {
	e.awaitReinstall(conn)
	name := string(args[0])
	e.mu.Lock()
	var r *registration
	for _, id := range e.regOrder {
		x := e.regs[id]
		if x.Reader == "CommandReader" && x.Trigger != nil && *x.Trigger == name {
			r = x
			break
		}
	}
	e.mu.Unlock()
	if r == nil {
		conn.WriteError(msgTriggerNotFound)
		return
	}
	if r.InOrder {
		r.inOrder.Lock()
		defer r.inOrder.Unlock()
	}
	ex := e.trigger(r, map[string]any{"args": wireStrings(args)})
	<-ex.done
	if len(ex.errors) > 0 {
		writeError(conn, ex.errors[0])
		return
	}
	b := redcon.AppendArray(nil, ex.nResults)
	conn.WriteRaw(append(b, ex.results...))
}

func stringsOf(args [][]byte) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = string(a)
	}
	return out
}

// checkHooks returns RedisGears' error for a registration among descs
// that hooks a command it may not (a CommandReader hook, or a KeysReader's
// commands), checked in RedisGears' order (CommandHook_VerifyHookInternal):
// a command the store does not know, one Redis does not allow in scripts,
// one with movable keys hooked by key prefix, one without a positive first
// key or key step hooked by key prefix. It reads COMMAND INFO from the
// store, so it follows the store's Redis version; a store that cannot
// answer COMMAND INFO (the embedded one) passes every hook.
func (e *Emulator) checkHooks(descs []regDesc) string {
	for _, d := range descs {
		var names []string
		byPrefix := false
		switch {
		case d.Hook != nil:
			names, byPrefix = []string{*d.Hook}, d.KeyPrefix != nil
		case d.Reader == "KeysReader" && len(d.Commands) > 0:
			names, byPrefix = d.Commands, true
		}
		for _, name := range names {
			info, ok := e.commandInfo(name)
			switch {
			case !ok:
			case !info.known:
				return msgHookNoCommand
			case info.flags["noscript"]:
				return msgHookNoScript
			case byPrefix && info.flags["movablekeys"]:
				return msgHookMovableKeys
			case byPrefix && info.firstKey <= 0:
				return msgHookNoFirstKey
			case byPrefix && info.step <= 0:
				return msgHookNoKeyStep
			}
		}
	}
	return ""
}

// commandInfo is what COMMAND INFO tells of a command.
type commandInfo struct {
	known          bool // the store knows the command
	flags          map[string]bool
	firstKey, step int64
}

// commandInfo returns what COMMAND INFO tells of name; ok is false when
// the store cannot answer it.
func (e *Emulator) commandInfo(name string) (info commandInfo, ok bool) {
	v, err := e.store.doStrings("COMMAND", "INFO", name)
	infos, _ := v.([]any)
	if err != nil || len(infos) != 1 {
		return info, false
	}
	if infos[0] == nil {
		return info, true // an unknown command
	}
	fields, _ := infos[0].([]any)
	if len(fields) < 6 {
		return info, false
	}
	list, _ := fields[2].([]any)
	info.flags = map[string]bool{}
	for _, f := range list {
		info.flags[strings.ToLower(string(asBytes(f)))] = true
	}
	info.firstKey, _ = fields[3].(int64)
	info.step, _ = fields[5].(int64)
	info.known = true
	return info, true
}

// hookFor returns the hook registration for command args[0], if its keyprefix
// (when set) matches one of the command's arguments.
func (e *Emulator) hookFor(args [][]byte) *registration {
	return e.hookBelow(nil, args)
}

// hookBelow returns the newest hook for args[0] registered before above
// (any hook when above is nil). The last registered hook runs first and
// call_next goes down the chain, then to the command itself.
func (e *Emulator) hookBelow(above *registration, args [][]byte) *registration {
	name := string(args[0])
	e.mu.Lock()
	defer e.mu.Unlock()
	start := len(e.regOrder) - 1
	if above != nil {
		start = -1
		for i, id := range e.regOrder {
			if id == above.ID {
				start = i - 1
			}
		}
	}
	for i := start; i >= 0; i-- {
		r := e.regs[e.regOrder[i]]
		if r.Hook == nil || !strings.EqualFold(*r.Hook, name) {
			continue
		}
		if r.KeyPrefix == nil {
			return r
		}
		for _, a := range args[1:] {
			if strings.HasPrefix(string(a), *r.KeyPrefix) {
				return r
			}
		}
	}
	return nil
}

// runHook runs a hook registration in place of the client's command.
func (e *Emulator) runHook(conn redcon.Conn, r *registration, args [][]byte) {
	e.awaitReinstall(conn)
	ex := e.trigger(r, map[string]any{"args": wireStrings(args), "hook": true})
	<-ex.done
	switch {
	case len(ex.errors) > 0:
		writeError(conn, ex.errors[0])
	case ex.nResults != 1:
		conn.WriteError(msgHookOneResult)
	default:
		conn.WriteRaw(ex.results)
	}
}
