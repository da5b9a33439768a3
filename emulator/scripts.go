package emulator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tidwall/redcon"
)

// This file fires the registrations of the writes Lua scripts make (EVAL,
// EVALSHA, FCALL). Their events cannot be derived from the command, so
// while KeysReader registrations exist and the store is a real Redis, the
// emulator turns on the store's keyspace notifications and reads them on
// one pub/sub connection, subscribed to a private marker channel, and to
// the keyspace channels only while a script runs (so nothing piles up
// between scripts). The client's script runs between two PUBLISHes of
// markers; the notifications between them are the script's events. A
// gear's execute() of a script runs the same way on a pooled connection.
// Outside a MULTI the script holds the store lock exclusively, so no
// other command through the emulator runs between the markers; in a
// MULTI the markers are queued around the script, where nothing can
// interleave.

// scriptCommand reports whether a command runs a Lua script that may write.
func scriptCommand(name string) bool {
	return name == "eval" || name == "evalsha" || name == "fcall"
}

// lockFree reports whether a command must not wait for the store lock:
// blocking commands, and the kills of a script that holds it.
func lockFree(name string, args [][]byte) bool {
	if (name == "script" || name == "function") && len(args) > 1 && strings.EqualFold(string(args[1]), "kill") {
		return true
	}
	return blockingCommand(name, args)
}

// scriptWatch is the pub/sub connection that reads the store's keyspace
// notifications of the gears' database, set up on first use.
type scriptWatch struct {
	mu      sync.Mutex // held while reading sc
	sc      *storeConn // or nil: not set up, or dropped after an error
	channel string     // the private marker channel
	seq     uint64     // the last marker id
	prefix  string     // "__keyspace@<db>__:"
	// failedAt: when setting up last failed (the store refuses CONFIG,
	// say); setup is retried a second later, not for every script.
	failedAt time.Time
	// notifyWas and notifySet are the store's notify-keyspace-events
	// before and after the emulator last changed it, as the store reports
	// them; notifySet is "" while the emulator changed nothing. Close puts
	// notifyWas back unless someone has changed notifySet meanwhile.
	notifyWas, notifySet string
}

// errNoNotifications tells that the store cannot notify keyspace events.
var errNoNotifications = errors.New("the embedded store has no keyspace notifications")

// errSetupFailed tells that setting up the watch failed less than a
// second ago.
var errSetupFailed = errors.New("keyspace notifications could not be set up")

// scriptWatcher returns e's watch, set up and connected.
func (e *Emulator) scriptWatcher() (*scriptWatch, error) {
	if e.store.mini != nil {
		return nil, errNoNotifications
	}
	w := &e.scripts
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.sc != nil {
		return w, nil
	}
	if time.Since(w.failedAt) < time.Second {
		return nil, errSetupFailed
	}
	w.failedAt = time.Now()
	if err := e.enableNotifications(); err != nil {
		return nil, err
	}
	if w.channel == "" {
		var b [8]byte
		rand.Read(b[:])
		w.channel = "__gogears_script_marks:" + hex.EncodeToString(b[:])
		w.prefix = fmt.Sprintf("__keyspace@%d__:", e.store.db)
	}
	sc, err := e.store.dial()
	if err != nil {
		return nil, err
	}
	raw, err := sc.do(byteArgs("SUBSCRIBE", w.channel))
	if err == nil && raw[0] == '-' {
		err = fmt.Errorf("subscribe to the marker channel: %s", strings.TrimSpace(string(raw[1:])))
	}
	if err != nil {
		sc.c.Close()
		return nil, err
	}
	w.sc, w.failedAt = sc, time.Time{}
	return w, nil
}

// notifyFlags returns the store's notify-keyspace-events.
func (e *Emulator) notifyFlags() (string, error) {
	v, err := e.store.doStrings("CONFIG", "GET", "notify-keyspace-events")
	if err != nil {
		return "", fmt.Errorf("read notify-keyspace-events: %w", err)
	}
	if arr, ok := v.([]any); ok && len(arr) == 2 {
		return string(asBytes(arr[1])), nil
	}
	return "", nil
}

// enableNotifications adds K and A (every event class) to the store's
// notify-keyspace-events, keeping the flags already set, and notes what
// it changed for restoreNotifications; e.scripts.mu is held.
func (e *Emulator) enableNotifications() error {
	flags, err := e.notifyFlags()
	if err != nil {
		return err
	}
	want := flags
	if !strings.Contains(want, "K") {
		want += "K"
	}
	if !strings.Contains(want, "A") {
		want += "A"
	}
	if want == flags {
		return nil
	}
	if _, err := e.store.doStrings("CONFIG", "SET", "notify-keyspace-events", want); err != nil {
		return fmt.Errorf("enable keyspace notifications: %w", err)
	}
	// Redis reorders the flags (KA reads back as AK): note its spelling,
	// which restoreNotifications compares with.
	set, err := e.notifyFlags()
	if err != nil {
		return err
	}
	e.scripts.notifyWas, e.scripts.notifySet = flags, set
	return nil
}

// restoreNotifications puts back the store's notify-keyspace-events as it
// was before the emulator added K and A, if it did, unless the flags are
// no longer the ones it set (someone changed them since: theirs stay) or
// another emulator is watching scripts on the same store (its marker
// channel is subscribed). A redis-server child needs nothing: it stops
// with the emulator.
func (e *Emulator) restoreNotifications() {
	w := &e.scripts
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.notifySet == "" || e.store.proc != nil {
		return
	}
	cur, err := e.notifyFlags()
	if err != nil {
		e.log.Warn("could not restore the store's notify-keyspace-events", "want", w.notifyWas, "err", err)
		return
	}
	if cur != w.notifySet {
		return // someone changed them since: theirs stay
	}
	if v, err := e.store.doStrings("PUBSUB", "CHANNELS", "__gogears_script_marks:*"); err == nil {
		chans, _ := v.([]any)
		for _, c := range chans {
			if string(asBytes(c)) != w.channel {
				return // another emulator on this store still needs them
			}
		}
	}
	if _, err := e.store.doStrings("CONFIG", "SET", "notify-keyspace-events", w.notifyWas); err != nil {
		e.log.Warn("could not restore the store's notify-keyspace-events", "want", w.notifyWas, "err", err)
		return
	}
	w.notifySet = ""
}

// marks returns n new marker ids.
func (w *scriptWatch) marks(n int) uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	first := w.seq + 1
	w.seq += uint64(n)
	return first
}

// markCmd is the PUBLISH of marker id's begin (b) or end (e).
func (w *scriptWatch) markCmd(kind byte, id uint64) [][]byte {
	return [][]byte{[]byte("PUBLISH"), []byte(w.channel), strconv.AppendUint([]byte{kind}, id, 10)}
}

// watch runs run, which publishes the markers of ids around scripts
// (and reports whether it did), while subscribed to the keyspace
// notifications, and returns for each id the events between its begin
// and end markers, in order. The pattern is subscribed only for the
// window, so notifications never pile up between scripts; those outside
// markers (from other clients of the store) are dropped. After an error
// the connection is dropped, to be set up again on next use, and the
// scripts fire nothing.
func (w *scriptWatch) watch(ids []uint64, run func() bool) map[uint64][]keyEvent {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.sc == nil {
		run()
		return nil
	}
	w.sc.c.SetDeadline(time.Now().Add(30 * time.Second))
	pattern := w.prefix + "*"
	if err := w.until("psubscribe", byteArgs("PSUBSCRIBE", pattern)); err != nil {
		w.drop()
		run()
		return nil
	}
	var out map[uint64][]keyEvent
	var err error
	if run() {
		// The script has ended (it may have run for long, until SCRIPT
		// KILL): its markers are on their way.
		w.sc.c.SetDeadline(time.Now().Add(30 * time.Second))
		out, err = w.collect(ids)
	}
	if err == nil {
		// Its confirmation, and what comes before it, the next window's
		// PSUBSCRIBE reads and drops: one round trip less per script.
		_, err = w.sc.c.Write(appendCommand(nil, byteArgs("PUNSUBSCRIBE", pattern)))
	}
	if err != nil {
		w.drop()
		return nil
	}
	w.sc.c.SetDeadline(time.Time{})
	return out
}

// until sends args and reads messages up to its confirmation, kind,
// dropping what comes before it.
func (w *scriptWatch) until(kind string, args [][]byte) error {
	if _, err := w.sc.c.Write(appendCommand(nil, args)); err != nil {
		return err
	}
	for {
		raw, err := w.sc.read()
		if err != nil {
			return err
		}
		if raw[0] == '-' {
			return fmt.Errorf("%s: %s", kind, strings.TrimSpace(string(raw[1:])))
		}
		v, _, _ := parseReply(raw)
		if msg, _ := v.([]any); len(msg) == 3 && string(asBytes(msg[0])) == kind {
			return nil
		}
	}
}

// collect reads notifications up to the end marker of the last of ids.
func (w *scriptWatch) collect(ids []uint64) (map[uint64][]keyEvent, error) {
	want := map[string]uint64{}
	for _, id := range ids {
		want[strconv.FormatUint(id, 10)] = id
	}
	last := "e" + strconv.FormatUint(ids[len(ids)-1], 10)
	out := map[uint64][]keyEvent{}
	var cur uint64 // the id whose events are being read; or 0
	for {
		raw, err := w.sc.read()
		if err != nil {
			return nil, err
		}
		v, _, err := parseReply(raw)
		msg, _ := v.([]any)
		switch {
		case err != nil:
		case len(msg) == 3 && bytes.Equal(asBytes(msg[0]), []byte("message")):
			p := string(asBytes(msg[2]))
			if p == last {
				return out, nil
			}
			if id, ok := want[p[1:]]; ok && p[0] == 'b' {
				cur = id
				out[id] = []keyEvent{}
			} else {
				cur = 0
			}
		case cur != 0 && len(msg) == 4 && bytes.Equal(asBytes(msg[0]), []byte("pmessage")):
			key := strings.TrimPrefix(string(asBytes(msg[2])), w.prefix)
			out[cur] = append(out[cur], keyEvent{key, string(asBytes(msg[3]))})
		}
	}
}

// drop closes the connection after an error; w.mu is held.
func (w *scriptWatch) drop() {
	w.sc.c.Close()
	w.sc = nil
}

// close drops the connection.
func (w *scriptWatch) close() {
	w.mu.Lock()
	if w.sc != nil {
		w.sc.c.Close()
		w.sc = nil
	}
	w.mu.Unlock()
}

// watchScripts reports whether a client's script command must be run
// between markers: a KeysReader registration exists and the store
// notifies keyspace events.
func (e *Emulator) watchScripts(c *client, name string) bool {
	return scriptCommand(name) && (c.inMulti || !c.otherDB) && e.hasKeysReaders.Load() && e.store.mini == nil
}

// runMarked runs a script on sc between its markers and returns its
// reply and events; the caller holds the store lock exclusively.
func (w *scriptWatch) runMarked(sc *storeConn, args [][]byte) (raw []byte, evs []keyEvent, err error) {
	id := w.marks(1)
	var raws [][]byte
	m := w.watch([]uint64{id}, func() bool {
		raws, err = sc.pipeline([][][]byte{w.markCmd('b', id), args, w.markCmd('e', id)})
		return err == nil
	})
	if err != nil {
		return nil, nil, err
	}
	return raws[1], m[id], nil
}

// proxyScript serves a client's script (outside MULTI) between markers,
// holding the store lock exclusively, and fires the events it caused. If
// the notifications cannot be set up, the script runs unwatched.
func (e *Emulator) proxyScript(conn redcon.Conn, c *client, args [][]byte) (served bool, err error) {
	w, werr := e.scriptWatcher()
	if werr != nil {
		return false, nil
	}
	e.atomicMu.Lock()
	raw, evs, err := w.runMarked(c.store, args)
	e.atomicMu.Unlock()
	if err != nil {
		return true, err
	}
	conn.WriteRaw(e.fireReply(raw, evs, args))
	return true, nil
}

// gearScript runs a gear's script command for execID between markers on
// a pooled connection, holding the store lock exclusively unless execID's
// atomic block already does, and returns its reply and events; ok is
// false when it must run unwatched (see watchScripts).
func (e *Emulator) gearScript(execID string, args [][]byte) (raw []byte, evs []keyEvent, ok bool, err error) {
	if !scriptCommand(commandName(args[0])) || !e.hasKeysReaders.Load() {
		return nil, nil, false, nil
	}
	w, werr := e.scriptWatcher()
	if werr != nil {
		return nil, nil, false, nil
	}
	e.ownMu.Lock()
	own := e.atomicHeld && e.owners[execID]
	e.ownMu.Unlock()
	if !own {
		e.atomicMu.Lock()
		defer e.atomicMu.Unlock()
	}
	sc, err := e.store.get()
	if err != nil {
		return nil, nil, true, err
	}
	raw, evs, err = w.runMarked(sc, args)
	if err != nil {
		sc.c.Close()
		return nil, nil, true, err
	}
	e.store.put(sc)
	return raw, evs, true, nil
}

// execScripts runs a client's EXEC whose transaction queued scripts
// between markers, holding the store lock exclusively, and returns its
// reply and the events of each queued script, by marker id.
func (e *Emulator) execScripts(c *client, args [][]byte, queued []queuedCmd) ([]byte, map[uint64][]keyEvent, error) {
	var ids []uint64
	for _, q := range queued {
		if q.script != 0 {
			ids = append(ids, q.script)
		}
	}
	var raw []byte
	var err error
	e.atomicMu.Lock()
	defer e.atomicMu.Unlock()
	evs := e.scripts.watch(ids, func() bool {
		if raw, err = c.store.do(args); err != nil {
			return false
		}
		raw = append([]byte(nil), raw...)
		// An EXEC that did not run (WATCH, EXECABORT) published nothing.
		return len(raw) > 1 && raw[0] == '*' && raw[1] != '-'
	})
	if err != nil {
		return nil, nil, err
	}
	return raw, evs, nil
}

// queueScript queues, in c's MULTI, a script between its markers.
func (e *Emulator) queueScript(conn redcon.Conn, c *client, args [][]byte) (served bool, err error) {
	w, werr := e.scriptWatcher()
	if werr != nil {
		return false, nil
	}
	id := w.marks(1)
	unlock := e.lockShared("")
	raws, err := c.store.pipeline([][][]byte{w.markCmd('b', id), args, w.markCmd('e', id)})
	unlock()
	if err != nil {
		return true, err
	}
	if string(raws[1]) == "+QUEUED\r\n" {
		c.queued = append(c.queued, queuedCmd{args: cloneArgs(args), pre: 1, post: 1, script: id})
	}
	conn.WriteRaw(raws[1])
	return true, nil
}
