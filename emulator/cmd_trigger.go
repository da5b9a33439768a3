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
// commands): one Redis does not allow in scripts, or one with movable keys
// when hooked by key prefix. It reads the command's flags from the store,
// so it follows the store's Redis version; a store that cannot tell (the
// embedded one, an unknown command) passes the hook.
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
			flags := e.commandFlags(name)
			if byPrefix && flags["movablekeys"] {
				return msgHookMovableKeys
			}
			if flags["noscript"] {
				return msgHookNoScript
			}
		}
	}
	return ""
}

// commandFlags returns the flags COMMAND INFO gives name; or none when
// the store cannot tell.
func (e *Emulator) commandFlags(name string) map[string]bool {
	v, err := e.store.doStrings("COMMAND", "INFO", name)
	infos, _ := v.([]any)
	if err != nil || len(infos) != 1 {
		return nil
	}
	info, _ := infos[0].([]any)
	if len(info) < 3 {
		return nil
	}
	list, _ := info[2].([]any)
	flags := map[string]bool{}
	for _, f := range list {
		flags[strings.ToLower(string(asBytes(f)))] = true
	}
	return flags
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
