package emulator

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/redcon"
)

// This file is the RESP front end: a redcon ServeMux for the RG.* commands
// and MODULE, and a proxy that sends every other command to the store on
// the client's own store connection, passing Redis's reply through as raw
// RESP. The proxy path never waits on Python unless a sync registration or
// a command hook asks for it.

// client is the per-connection state.
type client struct {
	store   *storeConn // this client's own store connection; or nil
	authed  bool
	inMulti bool
	queued  []queuedCmd // the commands queued in MULTI, in order
	otherDB bool        // SELECTed a database other than the gears' one
	watch   bool        // WATCHes keys: its commands must not run in a MULTI of ours
}

func (e *Emulator) accept(conn redcon.Conn) bool {
	conn.SetContext(&client{authed: e.opts.RequirePass == ""})
	return true
}

func (e *Emulator) onClose(conn redcon.Conn, err error) {
	if c, ok := conn.Context().(*client); ok && c.store != nil {
		e.dropClientStore(c.store)
		c.store = nil
	}
}

// errClosed fails a client's first store command racing Close.
var errClosed = errors.New("the emulator is closed")

// dialClientStore opens a store connection for a client and records it, so
// that Close can end it. After Close it fails.
func (e *Emulator) dialClientStore() (*storeConn, error) {
	sc, err := e.store.dial()
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.clientSCs == nil {
		sc.c.Close()
		return nil, errClosed
	}
	e.clientSCs[sc] = true
	return sc, nil
}

// dropClientStore closes a client's store connection and forgets it.
func (e *Emulator) dropClientStore(sc *storeConn) {
	sc.c.Close()
	e.mu.Lock()
	delete(e.clientSCs, sc)
	e.mu.Unlock()
}

// buildMux registers every command group's table.
func (e *Emulator) buildMux() *redcon.ServeMux {
	mux := redcon.NewServeMux()
	e.rgCmds = map[string]bool{}
	for _, group := range []map[string]redcon.HandlerFunc{
		commandsExecution(e), commandsRegistration(e), commandsTrigger(e),
		commandsConfig(e), commandsStats(e), commandsCluster(e), commandsServer(e),
	} {
		for name, h := range group {
			mux.HandleFunc(name, h)
			e.rgCmds[name] = true
		}
	}
	return mux
}

// serve handles one client command.
func (e *Emulator) serve(conn redcon.Conn, cmd redcon.Command) {
	c := conn.Context().(*client)
	name := commandName(cmd.Args[0])
	if !c.authed {
		switch name {
		case "auth", "hello", "quit", "reset":
		default:
			conn.WriteError(msgNoAuth)
			return
		}
	}
	switch name {
	case "auth":
		e.auth(conn, c, cmd.Args)
		return
	case "hello":
		if !e.helloAuth(conn, c, cmd) {
			return
		}
	case "quit":
		conn.WriteString("OK")
		conn.Close()
		return
	case "reset":
		e.reset(conn, c)
		return
	}
	if e.rgCmds[name] {
		if c.inMulti {
			e.queueRG(conn, c, cmd.Args)
			return
		}
		e.mux.ServeRESP(conn, cmd)
		return
	}
	if name == "command" && e.store.mini != nil && len(cmd.Args) > 1 && commandName(cmd.Args[1]) == "docs" {
		// miniredis answers COMMAND DOCS with its COMMAND table, which
		// makes an interactive redis-cli 7 abort; Redis before 7 has no
		// DOCS and refuses it, so redis-cli uses its own help.
		conn.WriteError("ERR unknown subcommand 'DOCS'. Try COMMAND HELP.")
		return
	}
	if e.hasHooks.Load() && !c.inMulti {
		if r := e.hookFor(cmd.Args); r != nil {
			e.runHook(conn, r, cmd.Args)
			return
		}
	}
	e.proxy(conn, c, name, cmd.Args)
}

// proxy sends args to the store on the client's connection and writes the
// store's reply back unchanged, after firing the registrations it caused.
func (e *Emulator) proxy(conn redcon.Conn, c *client, name string, args [][]byte) {
	if !e.clientStore(conn, c) {
		return
	}
	if (c.inMulti || !c.otherDB) && e.hasKeysReaders.Load() {
		if probe := e.probe(name, args); probe != probeNone {
			switch {
			case c.inMulti:
				e.queueProbed(conn, c, name, args, probe)
				return
			case !blockingCommand(name, args):
				e.proxyProbed(conn, c, args, probe)
				return
			case !c.watch && e.proxyProbed(conn, c, args, probe):
				// A blocking pop that found its value at once.
				return
			default:
				e.proxyBlockingPop(conn, c, args, probe)
				return
			}
		}
	}
	if e.watchScripts(c, name) {
		serve := e.proxyScript
		if c.inMulti {
			serve = e.queueScript
		}
		if served, err := serve(conn, c, args); served {
			if err != nil {
				e.storeFailed(conn, c, err)
			}
			return
		}
	}
	var raw []byte
	var err error
	var scriptEvs map[uint64][]keyEvent
	if name == "exec" && c.inMulti && queuesScript(c.queued) {
		raw, scriptEvs, err = e.execScripts(c, args, c.queued)
	} else if lockFree(name, args) {
		raw, err = c.store.do(args)
	} else {
		unlock := e.lockShared("")
		raw, err = c.store.do(args)
		unlock()
	}
	if err != nil {
		e.storeFailed(conn, c, err)
		return
	}
	switch name {
	case "subscribe", "psubscribe", "ssubscribe", "monitor":
		if raw[0] != '-' {
			conn.WriteRaw(raw)
			e.pump(conn, c)
			return
		}
	case "multi":
		if raw[0] == '+' {
			c.inMulti, c.queued = true, nil
		}
	case "discard":
		// Outside MULTI it fails, and Redis keeps the client's watch.
		if c.inMulti {
			c.inMulti, c.queued, c.watch = false, nil, false
		}
	case "watch":
		c.watch = c.watch || raw[0] == '+'
	case "unwatch":
		c.watch = false
	case "select":
		if !c.inMulti && raw[0] == '+' && len(args) == 2 {
			c.otherDB = string(args[1]) != strconv.Itoa(e.store.db)
		}
	case "exec":
		if !c.inMulti {
			break // EXEC without MULTI: the watch stays
		}
		queued := c.queued
		c.inMulti, c.queued, c.watch = false, nil, false
		if raw[0] == '*' && len(queued) > 0 {
			raw = e.execQueued(c, queued, raw, scriptEvs)
		}
		conn.WriteRaw(raw)
		return
	}
	if c.inMulti {
		if string(raw) == "+QUEUED\r\n" {
			q := queuedCmd{}
			if _, ok := evRules[name]; ok || name == "select" || name == "flushall" || name == "flushdb" {
				q.args = cloneArgs(args)
			}
			c.queued = append(c.queued, q)
		}
		conn.WriteRaw(raw)
		return
	}
	if name == "flushall" || (name == "flushdb" && !c.otherDB) {
		e.watch.flushed(name, raw)
	}
	// Registrations watch the gears' database only. Without KeysReader or
	// StreamReader registrations only commands giving a TTL matter (to the
	// expiry watch), which keeps the plain proxy path cheap.
	if rule, ok := evRules[name]; ok && !c.otherDB && (e.hasKeyRegs.Load() || givesTTL(name, rule, args)) {
		raw = e.fireReply(raw, eventsFor(args, raw), args)
	}
	conn.WriteRaw(raw)
}

// reset serves RESET: the client's state goes back to that of a new
// connection (database, MULTI, authentication). A fresh store connection,
// dialed on first use, does the same on the store side, where forwarding
// RESET would also drop the emulator's own AUTH.
func (e *Emulator) reset(conn redcon.Conn, c *client) {
	if c.store != nil {
		e.dropClientStore(c.store)
	}
	*c = client{authed: e.opts.RequirePass == ""}
	conn.WriteString("RESET")
}

// storeFailed drops c's broken store connection (the next command dials
// a new one) and answers the client with err.
func (e *Emulator) storeFailed(conn redcon.Conn, c *client, err error) {
	e.dropClientStore(c.store)
	c.store = nil
	conn.WriteError(fmt.Sprintf(msgStoreDown, err))
}

// clientStore makes sure c has a store connection; if it cannot, it
// answers the client with the error and returns false.
func (e *Emulator) clientStore(conn redcon.Conn, c *client) bool {
	if c.store != nil {
		return true
	}
	sc, err := e.dialClientStore()
	if err != nil {
		conn.WriteError(fmt.Sprintf(msgStoreDown, err))
		return false
	}
	c.store = sc
	return true
}

// proxyProbed serves a command whose events depend on which keys exist
// (see probeKind) while key registrations exist. A blocking command runs
// in the MULTI without blocking: if it had to wait, nothing was served
// and proxyProbed returns false, for the caller to send it as is.
func (e *Emulator) proxyProbed(conn redcon.Conn, c *client, args [][]byte, probe probeKind) bool {
	unlock := e.lockShared("")
	raw, evs, err := c.store.doProbed(args, probe, !c.watch)
	unlock()
	if errors.Is(err, errProbeAborted) {
		writeError(conn, "ERR "+err.Error())
		return true
	}
	if err != nil {
		e.storeFailed(conn, c, err)
		return true
	}
	if _, isNil, _, _ := replyKind(raw); isNil && blockingCommand(strings.ToLower(string(args[0])), args) {
		// Nothing was served. Redis 7.0 creates an XREADGROUP's
		// consumer only once it serves it (a probe after the wait
		// sees that); a consumer the probes saw created anyway fires
		// now, since the wait's probes will find it there.
		e.fireReply(raw, evs, args)
		return false
	}
	conn.WriteRaw(e.fireReply(raw, evs, args))
	return true
}

// fireReply fires a client command's events and returns the reply to
// send: raw, or the override a linked registration set.
func (e *Emulator) fireReply(raw []byte, evs []keyEvent, args [][]byte) []byte {
	if len(evs) == 0 {
		return raw
	}
	raw = append([]byte(nil), raw...)
	if override := e.fire(evs, args, ""); override != nil {
		return override
	}
	return raw
}

// proxyBlockingPop serves a blocking pop that may wait, holding no lock,
// with its key checks pipelined after it: Redis runs them once the pop is
// served, though maybe after other clients' commands.
func (e *Emulator) proxyBlockingPop(conn redcon.Conn, c *client, args [][]byte, probe probeKind) {
	raw, evs, err := c.store.doProbed(args, probe, false)
	if err != nil {
		e.storeFailed(conn, c, err)
		return
	}
	conn.WriteRaw(e.fireReply(raw, evs, args))
}

// A queuedCmd is a command queued in MULTI: RedisGears queues RG commands
// like any other and runs them at EXEC.
type queuedCmd struct {
	args      [][]byte // the command, if it can cause events or is rg; or nil
	rg        bool     // an RG command, whose place in EXEC the store fills with PING
	probe     probeKind
	pre, post int    // the probe commands queued around it (see probeCmds)
	script    uint64 // a script's marker id (see scripts.go); or 0
}

// queuesScript reports whether a transaction queued a script between
// markers.
func queuesScript(queued []queuedCmd) bool {
	for _, q := range queued {
		if q.script != 0 {
			return true
		}
	}
	return false
}

// queueProbed queues, in c's MULTI, a command whose events depend on
// which keys exist, between its probe commands.
func (e *Emulator) queueProbed(conn redcon.Conn, c *client, name string, args [][]byte, probe probeKind) {
	pre, post := probeCmds(probe, name, args)
	cmds := append(append(append(make([][][]byte, 0, len(pre)+len(post)+1), pre...), args), post...)
	unlock := e.lockShared("")
	raws, err := c.store.pipeline(cmds)
	unlock()
	if err != nil {
		e.storeFailed(conn, c, err)
		return
	}
	raw := raws[len(pre)]
	if string(raw) == "+QUEUED\r\n" {
		c.queued = append(c.queued, queuedCmd{args: cloneArgs(args), probe: probe, pre: len(pre), post: len(post)})
	}
	conn.WriteRaw(raw)
}

// queueRG queues an RG command in MULTI. The store queues a PING in its
// place, so that EXEC's reply has a slot for it and a failed transaction
// fails it too.
func (e *Emulator) queueRG(conn redcon.Conn, c *client, args [][]byte) {
	n := len(c.queued)
	e.proxy(conn, c, "ping", [][]byte{[]byte("PING")})
	if len(c.queued) == n+1 {
		c.queued[n] = queuedCmd{args: cloneArgs(args), rg: true}
	}
}

// execQueued completes the reply raw of an EXEC that ran queued for c: in
// order, each RG command runs and its reply replaces its PING's, each
// SELECT moves c, and each write in the gears' database fires the
// registrations it caused.
func (e *Emulator) execQueued(c *client, queued []queuedCmd, raw []byte, scriptEvs map[uint64][]keyEvent) []byte {
	all, ok := splitArray(raw)
	n, rewrite := 0, false
	for _, q := range queued {
		n += 1 + q.pre + q.post
		rewrite = rewrite || q.rg || q.pre+q.post > 0
	}
	if !ok || len(all) != n {
		return raw
	}
	elems := make([][]byte, len(queued))
	j := 0
	for i, q := range queued {
		elems[i] = all[j+q.pre]
		pre, post := all[j:j+q.pre], all[j+q.pre+1:j+q.pre+1+q.post]
		j += 1 + q.pre + q.post
		name := ""
		if q.args != nil {
			name = strings.ToLower(string(q.args[0]))
		}
		switch {
		case q.rg:
			elems[i] = e.gearRGCommand(q.args)
		case q.args == nil:
		case name == "select":
			if len(q.args) == 2 && elems[i][0] == '+' {
				c.otherDB = string(q.args[1]) != strconv.Itoa(e.store.db)
			}
		case name == "flushall" || (name == "flushdb" && !c.otherDB):
			e.watch.flushed(name, elems[i])
		case q.script != 0:
			// Scripts watch the gears' database: their markers were
			// queued only there.
			if evs := scriptEvs[q.script]; len(evs) > 0 {
				e.fire(evs, q.args, "")
			}
		case c.otherDB:
		case q.probe != probeNone:
			if evs := probedEvents(name, q.args, elems[i], q.probe, pre, post); len(evs) > 0 {
				e.fire(evs, q.args, "")
			}
		default:
			if evs := eventsFor(q.args, elems[i]); len(evs) > 0 {
				e.fire(evs, q.args, "")
			}
		}
	}
	if !rewrite {
		return raw
	}
	out := redcon.AppendArray(nil, len(elems))
	for _, el := range elems {
		out = append(out, el...)
	}
	return out
}

func cloneArgs(args [][]byte) [][]byte {
	out := make([][]byte, len(args))
	for i, a := range args {
		out[i] = append([]byte(nil), a...)
	}
	return out
}

// pump switches a subscribed client to streaming: store replies are copied
// to the client as they arrive, and client commands go to the store.
func (e *Emulator) pump(conn redcon.Conn, c *client) {
	dc := conn.Detach()
	sc := c.store // stays in e.clientSCs until the reader below ends
	c.store = nil
	// The writer goroutine alone touches dc's output and closes it; the
	// reader closes the store connection, which ends the writer.
	go func() {
		defer dc.Close()
		defer sc.c.Close()
		if err := dc.Flush(); err != nil {
			return
		}
		for {
			raw, err := readRaw(sc.r, nil)
			if err != nil {
				return
			}
			dc.WriteRaw(raw)
			if sc.r.Buffered() == 0 {
				if dc.Flush() != nil {
					return
				}
			}
		}
	}()
	go func() {
		defer e.dropClientStore(sc)
		for {
			cmd, err := dc.ReadCommand()
			if err != nil {
				return
			}
			if _, err := sc.c.Write(appendCommand(nil, cmd.Args)); err != nil {
				return
			}
		}
	}()
}

func (e *Emulator) auth(conn redcon.Conn, c *client, args [][]byte) {
	if len(args) < 2 || len(args) > 3 {
		conn.WriteError(fmt.Sprintf(msgWrongArity, strings.ToLower(string(args[0]))))
		return
	}
	if e.opts.RequirePass == "" {
		conn.WriteError(msgAuthNotConfigured)
		return
	}
	pass := string(args[len(args)-1])
	user := "default"
	if len(args) == 3 {
		user = string(args[1])
	}
	if user != "default" || pass != e.opts.RequirePass {
		conn.WriteError(msgWrongPass)
		return
	}
	c.authed = true
	conn.WriteString("OK")
}

// helloAuth handles HELLO's AUTH option; it reports whether HELLO should go
// on to the store (stripped of AUTH, which the store does not need).
func (e *Emulator) helloAuth(conn redcon.Conn, c *client, cmd redcon.Command) bool {
	args := cmd.Args
	for i := 1; i < len(args); i++ {
		if strings.EqualFold(string(args[i]), "AUTH") && i+2 < len(args) {
			if e.opts.RequirePass == "" || string(args[i+1]) != "default" || string(args[i+2]) != e.opts.RequirePass {
				if e.opts.RequirePass == "" {
					conn.WriteError(msgAuthNotConfigured)
				} else {
					conn.WriteError(msgWrongPass)
				}
				return false
			}
			c.authed = true
			cmd.Args = append(args[:i:i], args[i+3:]...)
			break
		}
	}
	if !c.authed {
		conn.WriteError(msgNoAuth)
		return false
	}
	e.proxy(conn, c, "hello", cmd.Args)
	return false
}

func wrongArity(conn redcon.Conn, cmd redcon.Command) {
	conn.WriteError(fmt.Sprintf(msgWrongArity, string(cmd.Args[0])))
}

// writeError writes an error reply; newlines would break RESP, so they
// become spaces as in Redis.
func writeError(conn redcon.Conn, msg string) {
	conn.WriteError(strings.NewReplacer("\r", " ", "\n", " ").Replace(msg))
}

// commandName lower-cases a command name without allocating for the
// commands the proxy sees most.
func commandName(b []byte) string {
	var buf [24]byte
	if len(b) > len(buf) {
		return strings.ToLower(string(b))
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if n, ok := knownNames[string(buf[:len(b)])]; ok {
		return n
	}
	return string(buf[:len(b)])
}

// knownNames interns frequent command names.
var knownNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"get", "set", "mget", "mset", "incr", "del", "hget", "hset", "hgetall",
		"lpush", "rpush", "lpop", "rpop", "lrange", "sadd", "smembers", "zadd", "zrange", "xadd",
		"exists", "expire", "ttl", "ping", "multi", "exec", "discard", "select", "scan", "type", "hello",
		"auth", "quit", "subscribe", "psubscribe", "ssubscribe", "monitor", "publish", "config"} {
		m[n] = n
	}
	return m
}()
