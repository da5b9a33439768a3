package emulator

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
)

// This file derives keyspace events from the commands that pass through the
// emulator (clients' and gears'), the way Redis names them in keyspace
// notifications, and watches keys with a TTL to report "expired" events.
// Deriving events here, instead of subscribing to the store's notifications,
// works with every store (miniredis has no notifications) and lets sync
// registrations run before the client's reply, as on RedisGears.

// evRule says which events a write command causes.
type evRule struct {
	event string
	keys  keySpec
	cond  evCond
	ttl   bool // the command may set a TTL on its key
}

type keySpec int

const (
	keyFirst    keySpec = iota // args[1]
	keysAll                    // args[1:]
	keysPairs                  // args[1], args[3], ...
	keyFirstTwo                // args[1] and args[2], one event each
	keySecond                  // args[2]
	keyInReply                 // the key the reply names first (BLPOP)
)

type evCond int

const (
	condOK       evCond = iota // any non-error reply
	condPositive               // integer reply > 0
	condNotNil                 // non-nil reply
)

var evRules = map[string]evRule{
	"set": {"set", keyFirst, condNotNil, true}, "setnx": {"set", keyFirst, condPositive, false},
	"setex": {"set", keyFirst, condOK, true}, "psetex": {"set", keyFirst, condOK, true},
	"getset": {"set", keyFirst, condOK, false}, "mset": {"set", keysPairs, condOK, false},
	"msetnx": {"set", keysPairs, condPositive, false}, "append": {"append", keyFirst, condOK, false},
	"setrange": {"setrange", keyFirst, condOK, false}, "incr": {"incrby", keyFirst, condOK, false},
	"decr": {"incrby", keyFirst, condOK, false}, "incrby": {"incrby", keyFirst, condOK, false},
	"decrby": {"incrby", keyFirst, condOK, false}, "incrbyfloat": {"incrbyfloat", keyFirst, condOK, false},
	"getdel": {"del", keyFirst, condNotNil, false}, "getex": {"expire", keyFirst, condNotNil, false},
	"del": {"del", keysAll, condPositive, false}, "unlink": {"del", keysAll, condPositive, false},
	"expire": {"expire", keyFirst, condPositive, true}, "pexpire": {"expire", keyFirst, condPositive, true},
	"expireat": {"expire", keyFirst, condPositive, true}, "pexpireat": {"expire", keyFirst, condPositive, true},
	"persist": {"persist", keyFirst, condPositive, false},
	"lpush":   {"lpush", keyFirst, condPositive, false}, "rpush": {"rpush", keyFirst, condPositive, false},
	"lpushx": {"lpush", keyFirst, condPositive, false}, "rpushx": {"rpush", keyFirst, condPositive, false},
	"lpop": {"lpop", keyFirst, condNotNil, false}, "rpop": {"rpop", keyFirst, condNotNil, false},
	"linsert": {"linsert", keyFirst, condPositive, false}, "lset": {"lset", keyFirst, condOK, false},
	"lrem": {"lrem", keyFirst, condPositive, false}, "ltrim": {"ltrim", keyFirst, condOK, false},
	"hset": {"hset", keyFirst, condOK, false}, "hmset": {"hset", keyFirst, condOK, false},
	"hsetnx": {"hset", keyFirst, condPositive, false}, "hdel": {"hdel", keyFirst, condPositive, false},
	"hincrby": {"hincrby", keyFirst, condOK, false}, "hincrbyfloat": {"hincrbyfloat", keyFirst, condOK, false},
	"sadd": {"sadd", keyFirst, condPositive, false}, "srem": {"srem", keyFirst, condPositive, false},
	"spop":        {"spop", keyFirst, condNotNil, false},
	"sinterstore": {"sinterstore", keyFirst, condPositive, false}, "sunionstore": {"sunionstore", keyFirst, condPositive, false},
	"sdiffstore": {"sdiffstore", keyFirst, condPositive, false},
	"zadd":       {"zadd", keyFirst, condOK, false}, "zincrby": {"zincr", keyFirst, condOK, false},
	"zrem": {"zrem", keyFirst, condPositive, false}, "zremrangebyscore": {"zremrangebyscore", keyFirst, condPositive, false},
	"zremrangebyrank": {"zremrangebyrank", keyFirst, condPositive, false}, "zremrangebylex": {"zremrangebylex", keyFirst, condPositive, false},
	"zpopmin": {"zpopmin", keyFirst, condNotNil, false}, "zpopmax": {"zpopmax", keyFirst, condNotNil, false},
	"zunionstore": {"zunionstore", keyFirst, condPositive, false}, "zinterstore": {"zinterstore", keyFirst, condPositive, false},
	"xadd": {"xadd", keyFirst, condNotNil, false}, "xtrim": {"xtrim", keyFirst, condPositive, false},
	"xdel":    {"xdel", keyFirst, condPositive, false},
	"restore": {"restore", keyFirst, condOK, true}, "copy": {"copy_to", keySecond, condPositive, false},
	"rename": {"rename", keyFirstTwo, condOK, false}, "renamenx": {"rename", keyFirstTwo, condPositive, false},
	"rpoplpush": {"rpoplpush", keyFirstTwo, condNotNil, false}, "lmove": {"lmove", keyFirstTwo, condNotNil, false},
	"smove":  {"smove", keyFirstTwo, condPositive, false},
	"get":    {"keymiss", keyFirst, condNotNil, false},
	"setbit": {"setbit", keyFirst, condOK, false}, "pfadd": {"pfadd", keyFirst, condPositive, false},
	"geoadd": {"zadd", keyFirst, condPositive, false},
	"bitop":  {"set", keySecond, condPositive, false}, "bitfield": {"setbit", keyFirst, condOK, false},
	"pfmerge": {"pfadd", keyFirst, condOK, false}, "move": {"move_from", keyFirst, condPositive, false},
	"zrangestore": {"zrangestore", keyFirst, condPositive, false}, "zdiffstore": {"zdiffstore", keyFirst, condPositive, false},
	"xgroup":            {"xgroup", keyFirst, condOK, false}, // named by its subcommand, see eventsFor
	"xsetid":            {"xsetid", keyFirst, condOK, false},
	"geosearchstore":    {"geosearchstore", keyFirst, condPositive, false},
	"georadius":         {"georadiusstore", keyFirst, condPositive, false}, // with STORE; see eventsFor
	"georadiusbymember": {"georadiusstore", keyFirst, condPositive, false},
	"lmpop":             {"lpop", keyInReply, condNotNil, false}, "zmpop": {"zpopmin", keyInReply, condNotNil, false}, // see mpopEvent
	"blmpop": {"lpop", keyInReply, condNotNil, false}, "bzmpop": {"zpopmin", keyInReply, condNotNil, false},
	"brpoplpush": {"rpoplpush", keyFirstTwo, condNotNil, false}, "blmove": {"lmove", keyFirstTwo, condNotNil, false},
	"blpop": {"lpop", keyInReply, condNotNil, false}, "brpop": {"rpop", keyInReply, condNotNil, false},
	"bzpopmin": {"zpopmin", keyInReply, condNotNil, false}, "bzpopmax": {"zpopmax", keyInReply, condNotNil, false},
}

// eventsFor returns the events command args caused, given its raw reply.
func eventsFor(args [][]byte, raw []byte) []keyEvent {
	if len(args) < 2 {
		return nil
	}
	name := strings.ToLower(string(args[0]))
	rule, ok := evRules[name]
	if !ok {
		return nil
	}
	isErr, isNil, num, isNum := replyKind(raw)
	if isErr {
		return nil
	}
	if name == "getex" {
		if isNil {
			return nil
		}
		if hasTTLOption(name, args) {
			return []keyEvent{{string(args[1]), expireEvent(name, args)}}
		}
		for _, a := range args[2:] {
			if strings.EqualFold(string(a), "PERSIST") {
				return []keyEvent{{string(args[1]), "persist"}}
			}
		}
		return nil
	}
	if name == "get" {
		if isNil {
			return []keyEvent{{string(args[1]), "keymiss"}}
		}
		return nil
	}
	switch name {
	case "set":
		if !setDone(args, isNil) {
			return nil
		}
		evs := []keyEvent{{string(args[1]), "set"}}
		if hasTTLOption(name, args) {
			evs = append(evs, keyEvent{string(args[1]), "expire"})
		}
		return evs
	case "setrange":
		// An empty value changes nothing, even on a missing key.
		if len(args) > 3 && len(args[3]) == 0 {
			return nil
		}
	case "rename", "renamenx", "smove":
		if len(args) > 2 && bytes.Equal(args[1], args[2]) {
			return nil
		}
	case "setbit":
		// The reply is the bit's old value: no event if it stays (and
		// the string did not grow, which probeBits checks).
		if len(args) > 3 && isNum && strconv.FormatInt(num, 10) == string(args[3]) {
			return nil
		}
	case "expire", "pexpire", "expireat", "pexpireat":
		if isNum && num > 0 {
			return []keyEvent{{string(args[1]), expireEvent(name, args)}}
		}
	case "bitfield":
		// Only SET and INCRBY write; INCRBY with OVERFLOW FAIL may not.
		if !hasWord(args[2:], "SET") && (!hasWord(args[2:], "INCRBY") || !anyNotNil(raw)) {
			return nil
		}
	case "xgroup":
		return xgroupEvents(args, isNum, num)
	case "georadius", "georadiusbymember":
		dst := storeKey(name, args)
		if dst == nil || !isNum || num <= 0 {
			return nil
		}
		return []keyEvent{{string(dst), rule.event}}
	case "lmpop", "zmpop", "blmpop", "bzmpop":
		rule.event = mpopEvent(name, args)
	case "zadd":
		// With INCR the reply is the new score, or nil if NX/XX/GT/LT
		// refused the update.
		if hasWord(args[2:], "INCR") {
			if isNil {
				return nil
			}
			return []keyEvent{{string(args[1]), "zincr"}}
		}
	}
	switch rule.cond {
	case condPositive:
		if !isNum || num <= 0 {
			return nil
		}
	case condNotNil:
		if isNil || (len(raw) > 1 && raw[0] == '*' && raw[1] == '0') {
			return nil
		}
	}
	var evs []keyEvent
	switch rule.keys {
	case keyFirst:
		evs = append(evs, keyEvent{string(args[1]), rule.event})
		if rule.ttl && hasTTLOption(name, args) {
			evs = append(evs, keyEvent{string(args[1]), "expire"})
		}
	case keySecond:
		if len(args) < 3 {
			return nil
		}
		evs = append(evs, keyEvent{string(args[2]), rule.event})
	case keysAll:
		for _, k := range args[1:] {
			evs = append(evs, keyEvent{string(k), rule.event})
		}
	case keysPairs:
		for i := 1; i < len(args); i += 2 {
			evs = append(evs, keyEvent{string(args[i]), rule.event})
		}
	case keyFirstTwo:
		if len(args) < 3 {
			return nil
		}
		src, dst := string(args[1]), string(args[2])
		switch strings.TrimPrefix(name, "b") {
		case "rename", "renamenx":
			evs = append(evs, keyEvent{src, "rename_from"}, keyEvent{dst, "rename_to"})
		case "smove":
			evs = append(evs, keyEvent{src, "srem"}, keyEvent{dst, "sadd"})
		case "rpoplpush":
			// Redis pushes, then notifies the pop.
			evs = append(evs, keyEvent{dst, "lpush"}, keyEvent{src, "rpop"})
		case "lmove":
			from, to := "lpop", "lpush"
			if len(args) > 3 && strings.EqualFold(string(args[3]), "right") {
				from = "rpop"
			}
			if len(args) > 4 && strings.EqualFold(string(args[4]), "right") {
				to = "rpush"
			}
			evs = append(evs, keyEvent{dst, to}, keyEvent{src, from})
		}
	case keyInReply:
		v, _, err := parseReply(raw)
		if arr, ok := v.([]any); ok && err == nil && len(arr) > 0 {
			if k, ok := arr[0].([]byte); ok {
				evs = append(evs, keyEvent{string(k), rule.event})
			}
		}
	}
	return evs
}

// mpopEvent names the event of LMPOP, ZMPOP and their blocking forms,
// which pop from the end named by the word after their keys.
func mpopEvent(name string, args [][]byte) string {
	_, end := mpopArgs(name, args)
	if end < 0 {
		return ""
	}
	switch strings.ToUpper(string(args[end])) {
	case "LEFT":
		return "lpop"
	case "RIGHT":
		return "rpop"
	case "MIN":
		return "zpopmin"
	case "MAX":
		return "zpopmax"
	}
	return ""
}

// mpopArgs returns the keys of LMPOP, ZMPOP, BLMPOP or BZMPOP and the
// index of the word after them, naming the end to pop from; or nil, -1
// when the arguments are malformed (Redis refuses them).
func mpopArgs(name string, args [][]byte) (keys [][]byte, end int) {
	i := 1 // numkeys
	if name[0] == 'b' {
		i = 2 // after the timeout
	}
	if i >= len(args) {
		return nil, -1
	}
	n, err := strconv.Atoi(string(args[i]))
	if err != nil || n < 0 || i+1+n >= len(args) {
		return nil, -1
	}
	return args[i+1 : i+1+n], i + 1 + n
}

// anyNotNil reports whether the array reply raw holds a non-nil element.
func anyNotNil(raw []byte) bool {
	v, _, err := parseReply(raw)
	arr, _ := v.([]any)
	for _, x := range arr {
		if x != nil {
			return err == nil
		}
	}
	return false
}

// xgroupEvents returns the events of XGROUP (not an error), named by its
// subcommand. DELCONSUMER notifies only for a consumer that existed,
// which its reply does not tell: it fires nothing here, and its
// probeConsumer tells.
func xgroupEvents(args [][]byte, isNum bool, num int64) []keyEvent {
	if len(args) < 3 {
		return nil
	}
	sub := strings.ToLower(string(args[1]))
	switch sub {
	case "create", "setid":
	case "destroy", "createconsumer":
		if !isNum || num <= 0 {
			return nil
		}
	default:
		return nil
	}
	return []keyEvent{{string(args[2]), "xgroup-" + sub}}
}

// setDone reports whether a SET that did not fail set its key. Its reply
// says so, except with GET, where it is the old value.
func setDone(args [][]byte, isNil bool) bool {
	get, nx, xx := false, false, false
	for _, a := range args[3:] {
		switch strings.ToUpper(string(a)) {
		case "GET":
			get = true
		case "NX":
			nx = true
		case "XX":
			xx = true
		}
	}
	switch {
	case !get:
		return !isNil
	case nx:
		return isNil
	case xx:
		return !isNil
	}
	return true
}

// expireEvent names the event of a command that set a TTL: "del" when
// the time is already past, since Redis then deletes the key at once.
func expireEvent(name string, args [][]byte) string {
	at := int64(math.MaxInt64) // the expiry in unix milliseconds
	now := time.Now().UnixMilli()
	num := func(i int) int64 {
		if i >= len(args) {
			return math.MaxInt64 / 1000
		}
		n, _ := strconv.ParseInt(string(args[i]), 10, 64)
		return n
	}
	switch name {
	case "expire", "pexpire":
		if num(2) <= 0 {
			return "del"
		}
	case "expireat":
		at = num(2) * 1000
	case "pexpireat":
		at = num(2)
	case "getex":
		for i := 2; i < len(args); i++ {
			switch strings.ToUpper(string(args[i])) {
			case "EXAT":
				at = num(i+1) * 1000
			case "PXAT":
				at = num(i + 1)
			}
		}
	}
	if at <= now {
		return "del"
	}
	return "expire"
}

// givesTTL reports whether a command may put a TTL on a key.
func givesTTL(name string, rule evRule, args [][]byte) bool {
	return rule.event == "expire" || (rule.ttl && hasTTLOption(name, args))
}

// hasTTLOption reports whether a SET/GETEX/RESTORE carries an expiry.
func hasTTLOption(name string, args [][]byte) bool {
	switch name {
	case "setex", "psetex":
		return true
	case "set", "getex":
		for _, a := range args[2:] {
			switch strings.ToUpper(string(a)) {
			case "EX", "PX", "EXAT", "PXAT":
				return true
			}
		}
	case "restore":
		return len(args) > 2 && string(args[2]) != "0"
	}
	return false
}

// ttlWatch polls keys that were given a TTL and reports "expired" events
// when they disappear.
type ttlWatch struct {
	e           *Emulator
	mu          sync.Mutex
	keys        map[string]bool
	lastForward time.Time // embedded store: when its clock was last advanced
}

func newTTLWatch(e *Emulator) *ttlWatch { return &ttlWatch{e: e, keys: map[string]bool{}} }

// observe updates the watch set from events passing by.
func (w *ttlWatch) observe(evs []keyEvent) {
	for _, ev := range evs {
		switch ev.event {
		case "expire":
			w.mu.Lock()
			if len(w.keys) == 0 {
				w.lastForward = time.Now()
			}
			w.keys[ev.key] = true
			w.mu.Unlock()
		case "del", "persist", "rename_from", "set", "expired":
			w.mu.Lock()
			delete(w.keys, ev.key)
			w.mu.Unlock()
		}
	}
}

// flushed forgets every watched key after a FLUSHALL or FLUSHDB (raw is
// its reply): flushed keys did not expire, and Redis notifies nothing.
func (w *ttlWatch) flushed(name string, raw []byte) {
	if (name != "flushall" && name != "flushdb") || len(raw) == 0 || raw[0] != '+' {
		return
	}
	w.mu.Lock()
	clear(w.keys)
	w.mu.Unlock()
}

func (w *ttlWatch) loop() {
	defer w.e.wg.Done()
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-w.e.closed:
			return
		case <-t.C:
		}
		w.mu.Lock()
		keys := make([]string, 0, len(w.keys))
		for k := range w.keys {
			keys = append(keys, k)
		}
		now := time.Now()
		elapsed := now.Sub(w.lastForward)
		w.lastForward = now
		w.mu.Unlock()
		if len(keys) == 0 {
			continue
		}
		if m := w.e.store.mini; m != nil {
			m.FastForward(elapsed)
		}
		gone := w.check(keys)
		if len(gone) == 0 {
			continue
		}
		// Only keys still watched expire here: an event that passed by
		// meanwhile (a DEL, or the "expired" Redis notified inside a
		// script) already dropped the key.
		var evs []keyEvent
		w.mu.Lock()
		for _, k := range gone {
			if w.keys[k] {
				delete(w.keys, k)
				evs = append(evs, keyEvent{k, "expired"})
			}
		}
		w.mu.Unlock()
		if len(evs) > 0 {
			w.e.fire(evs, nil, "")
		}
	}
}

// check returns the keys among keys that no longer exist (or lost their TTL
// are dropped from the watch).
func (w *ttlWatch) check(keys []string) []string {
	c, err := w.e.store.get()
	if err != nil {
		return nil
	}
	cmds := make([][][]byte, len(keys))
	for i, k := range keys {
		cmds[i] = [][]byte{[]byte("PTTL"), []byte(k)}
	}
	raws, err := c.pipeline(cmds)
	if err != nil {
		c.c.Close()
		return nil
	}
	w.e.store.put(c)
	var gone []string
	for i, raw := range raws {
		_, _, n, ok := replyKind(raw)
		if !ok {
			continue
		}
		switch n {
		case -2:
			gone = append(gone, keys[i])
		case -1:
			w.mu.Lock()
			delete(w.keys, keys[i])
			w.mu.Unlock()
		}
	}
	return gone
}

// A probeKind says what a command's events depend on beyond its reply:
// the state of its keys just before and after it ran.
type probeKind int

const (
	probeNone     probeKind = iota
	probeDel                // DEL/UNLINK of several keys: "del" for each key that existed
	probeEmptied            // may remove args[1]'s last element; Redis then deletes the key and fires "del"
	probeTrim               // LTRIM: nothing on a missing key; may empty it
	probeStore              // *STORE: an empty result deletes the destination, firing "del" if it existed
	probeScores             // ZADD/GEOADD: "zadd" only if a member was added or its score changed
	probePersist            // GETEX PERSIST: "persist" only if the key had a TTL
	probeBlockPop           // blocking pops: may empty the key they popped from (checked after only, as they may wait)
	probeBits               // SETBIT: "setbit" if the bit changed or the string was created or grew (Redis 7)
	probeConsumer           // XREADGROUP, XCLAIM, XAUTOCLAIM, XGROUP DELCONSUMER: may create or delete a stream consumer
)

var probes = map[string]probeKind{
	"lpop": probeEmptied, "rpop": probeEmptied, "lrem": probeEmptied, "rpoplpush": probeEmptied,
	"lmove": probeEmptied, "srem": probeEmptied, "spop": probeEmptied, "smove": probeEmptied,
	"hdel": probeEmptied, "zrem": probeEmptied, "zremrangebyscore": probeEmptied,
	"zremrangebyrank": probeEmptied, "zremrangebylex": probeEmptied, "zpopmin": probeEmptied,
	"zpopmax": probeEmptied, "ltrim": probeTrim,
	"sinterstore": probeStore, "sunionstore": probeStore, "sdiffstore": probeStore,
	"zunionstore": probeStore, "zinterstore": probeStore, "sort": probeStore,
	"zrangestore": probeStore, "zdiffstore": probeStore, "bitop": probeStore,
	"zadd": probeScores, "geoadd": probeScores, "getex": probePersist,
	"blpop": probeBlockPop, "brpop": probeBlockPop, "bzpopmin": probeBlockPop, "bzpopmax": probeBlockPop,
	"lmpop": probeBlockPop, "zmpop": probeBlockPop, "blmpop": probeBlockPop, "bzmpop": probeBlockPop,
	"geosearchstore": probeStore, "georadius": probeStore, "georadiusbymember": probeStore,
	"brpoplpush": probeBlockPop, "blmove": probeBlockPop, "setbit": probeBits,
	// probeFor picks probeConsumer.
}

// probe returns the probe a command needs for exact events that the store
// can run: never one Redis could refuse when queued, which would abort
// the MULTI around it (the client's own, too). ZADD/GEOADD go without
// one on a store lacking ZMSCORE (Redis before 6.2).
// It needs none either when no KeysReader registration could match the
// keys it checks: the events it makes exact are no registration's.
func (e *Emulator) probe(name string, args [][]byte) probeKind {
	kind := probeFor(name, args)
	if kind == probeNone || !e.keysWatched(probedKeys(kind, name, args)) {
		return probeNone
	}
	if kind == probeScores && !e.store.hasZMScore() {
		return probeNone
	}
	return kind
}

// keysWatched reports whether a KeysReader registration's prefix matches
// one of keys.
func (e *Emulator) keysWatched(keys [][]byte) bool {
	p := e.keysPrefixes.Load()
	if p == nil {
		return false
	}
	for _, prefix := range *p {
		for _, k := range keys {
			if prefixMatch(prefix, string(k)) {
				return true
			}
		}
	}
	return false
}

// probedKeys returns the keys the probe of kind checks (see probeCmds).
func probedKeys(kind probeKind, name string, args [][]byte) [][]byte {
	switch kind {
	case probeDel:
		return args[1:]
	case probeStore:
		return [][]byte{storeKey(name, args)}
	case probeBlockPop:
		return popKeys(name, args)
	case probeConsumer:
		keys, _, _ := consumerArgs(name, args)
		return keys
	}
	return args[1:2]
}

// probeFor returns the probe a command needs for exact events.
func probeFor(name string, args [][]byte) probeKind {
	if len(args) < 2 {
		return probeNone
	}
	switch name {
	case "del", "unlink":
		if len(args) > 2 {
			return probeDel
		}
		return probeNone
	case "sort", "bitop", "georadius", "georadiusbymember":
		if storeKey(name, args) == nil {
			return probeNone
		}
	case "zadd", "geoadd":
		// ZMSCORE needs a member: without one (a syntax error ZADD
		// reports when it runs) it would be refused when queued and
		// abort the transaction.
		if hasWord(args[2:], "INCR") || len(scoredMembers(name, args)) == 0 {
			return probeNone
		}
	case "getex":
		if !hasWord(args[2:], "PERSIST") {
			return probeNone
		}
	case "xgroup", "xreadgroup", "xclaim", "xautoclaim":
		// XINFO CONSUMERS needs the group: without one (a syntax error
		// the command reports when it runs) there is nothing to probe.
		if keys, _, _ := consumerArgs(name, args); len(keys) == 0 {
			return probeNone
		}
		return probeConsumer
	}
	return probes[name]
}

// consumerArgs returns the stream keys, group and consumer of a command
// that may create or delete a stream consumer (XREADGROUP, XCLAIM,
// XAUTOCLAIM, XGROUP DELCONSUMER); or no keys when it is another command
// or malformed (Redis refuses it).
func consumerArgs(name string, args [][]byte) (keys [][]byte, group, consumer []byte) {
	switch name {
	case "xclaim", "xautoclaim":
		if len(args) < 4 {
			return nil, nil, nil
		}
		return args[1:2], args[2], args[3]
	case "xgroup":
		if len(args) != 5 || !strings.EqualFold(string(args[1]), "DELCONSUMER") {
			return nil, nil, nil
		}
		return args[2:3], args[3], args[4]
	case "xreadgroup":
		// XREADGROUP GROUP g c [COUNT n] [BLOCK ms] [NOACK] STREAMS k... id...
		if len(args) < 4 || !strings.EqualFold(string(args[1]), "GROUP") {
			return nil, nil, nil
		}
		for i := 4; i < len(args); i++ {
			switch strings.ToUpper(string(args[i])) {
			case "COUNT", "BLOCK":
				i++
			case "NOACK":
			case "STREAMS":
				rest := args[i+1:]
				if len(rest) == 0 || len(rest)%2 != 0 {
					return nil, nil, nil
				}
				return rest[:len(rest)/2], args[2], args[3]
			default:
				return nil, nil, nil
			}
		}
	}
	return nil, nil, nil
}

// hasConsumer reports whether the XINFO CONSUMERS reply raw names
// consumer (an error reply, for a missing key or group, names none).
func hasConsumer(raw, consumer []byte) bool {
	v, _, err := parseReply(raw)
	list, _ := v.([]any)
	if err != nil {
		return false
	}
	for _, c := range list {
		fields, _ := c.([]any)
		for i := 0; i+1 < len(fields); i += 2 {
			if string(asBytes(fields[i])) == "name" && bytes.Equal(asBytes(fields[i+1]), consumer) {
				return true
			}
		}
	}
	return false
}

func hasWord(args [][]byte, word string) bool {
	for _, a := range args {
		if strings.EqualFold(string(a), word) {
			return true
		}
	}
	return false
}

// storeKey returns the key a *STORE command (or BITOP) writes; or nil.
func storeKey(name string, args [][]byte) []byte {
	switch name {
	case "bitop":
		if len(args) < 3 {
			return nil
		}
		return args[2]
	case "sort", "georadius", "georadiusbymember":
	default:
		return args[1]
	}
	for i := 2; i+1 < len(args); i++ {
		switch strings.ToUpper(string(args[i])) {
		case "STORE", "STOREDIST":
			return args[i+1]
		}
	}
	return nil
}

// popKeys returns the keys a (blocking) pop may pop from.
func popKeys(name string, args [][]byte) [][]byte {
	switch name {
	case "brpoplpush", "blmove":
		return args[1:2]
	case "lmpop", "zmpop", "blmpop", "bzmpop":
		keys, _ := mpopArgs(name, args)
		return keys
	}
	return args[1 : len(args)-1] // the last is the timeout
}

// scoredMembers returns the members a ZADD or GEOADD names.
func scoredMembers(name string, args [][]byte) [][]byte {
	i := 2
	for i < len(args) {
		switch strings.ToUpper(string(args[i])) {
		case "NX", "XX", "GT", "LT", "CH":
			i++
			continue
		}
		break
	}
	step := 2 // score member
	if name == "geoadd" {
		step = 3 // longitude latitude member
	}
	var ms [][]byte
	for i += step - 1; i < len(args); i += step {
		ms = append(ms, args[i])
	}
	return ms
}

// probeCmds returns the commands that run just before and just after
// args to tell its events.
func probeCmds(kind probeKind, name string, args [][]byte) (pre, post [][][]byte) {
	exists := func(k []byte) [][]byte { return [][]byte{[]byte("EXISTS"), k} }
	switch kind {
	case probeDel:
		for _, k := range args[1:] {
			pre = append(pre, exists(k))
		}
	case probeEmptied, probeTrim:
		pre, post = [][][]byte{exists(args[1])}, [][][]byte{exists(args[1])}
	case probeStore:
		pre = [][][]byte{exists(storeKey(name, args))}
	case probeScores:
		// GEOADD stores its members in a sorted set too.
		zm := append([][]byte{[]byte("ZMSCORE"), args[1]}, scoredMembers(name, args)...)
		pre, post = [][][]byte{zm}, [][][]byte{zm}
	case probePersist:
		pre = [][][]byte{{[]byte("PTTL"), args[1]}}
	case probeBits:
		strlen := [][]byte{[]byte("STRLEN"), args[1]}
		pre, post = [][][]byte{strlen}, [][][]byte{strlen}
	case probeBlockPop:
		for _, k := range popKeys(name, args) {
			post = append(post, exists(k))
		}
	case probeConsumer:
		keys, group, _ := consumerArgs(name, args)
		for _, k := range keys {
			pre = append(pre, [][]byte{[]byte("XINFO"), []byte("CONSUMERS"), k, group})
		}
		post = pre
	}
	return pre, post
}

// errProbeAborted says that a WATCH the emulator did not know of aborted
// the MULTI it ran a command in: the command did not run.
var errProbeAborted = errors.New("a watched key changed and aborted the transaction the emulator ran the command in: it did not run")

// doProbed runs args on c between the probe commands, in one round trip,
// and returns its reply as Redis gave it and the events it caused. With
// multi the lot runs in a MULTI, atomically. A client that WATCHes keys
// cannot have that (EXEC would end its watch): its pipeline runs as is,
// which Redis serves in one go unless it arrives in pieces.
func (c *storeConn) doProbed(args [][]byte, kind probeKind, multi bool) ([]byte, []keyEvent, error) {
	name := strings.ToLower(string(args[0]))
	pre, post := probeCmds(kind, name, args)
	cmds := make([][][]byte, 0, len(pre)+len(post)+3)
	if multi {
		cmds = append(cmds, [][]byte{[]byte("MULTI")})
	}
	cmds = append(append(append(cmds, pre...), args), post...)
	if multi {
		cmds = append(cmds, [][]byte{[]byte("EXEC")})
	}
	raws, err := c.pipeline(cmds)
	if err != nil {
		return nil, nil, err
	}
	n := len(pre)
	replies := raws
	if multi {
		if raws[1+n][0] == '-' {
			// Refused when queued (arity, unknown command): the reply
			// Redis gives the command alone.
			return raws[1+n], nil, nil
		}
		replies = raws[1 : len(raws)-1]
		if _, isNil, _, _ := replyKind(raws[len(raws)-1]); isNil {
			return nil, nil, errProbeAborted
		}
		if raws[0][0] == '+' {
			elems, ok := splitArray(raws[len(raws)-1])
			if !ok || len(elems) != len(replies) {
				return raws[len(raws)-1], nil, nil
			}
			replies = elems
		}
	}
	raw := replies[n]
	return raw, probedEvents(name, args, raw, kind, replies[:n], replies[n+1:]), nil
}

// probedEvents is eventsFor, knowing the replies of the probe commands
// run just before (pre) and after (post) the command.
func probedEvents(name string, args [][]byte, raw []byte, kind probeKind, pre, post [][]byte) []keyEvent {
	if isErr, _, _, _ := replyKind(raw); isErr {
		return nil
	}
	one := func(r []byte) bool { return string(r) == ":1\r\n" }
	key := string(args[1])
	switch kind {
	case probeNone:
		return eventsFor(args, raw)
	case probeDel:
		var evs []keyEvent
		seen := map[string]bool{}
		for i, k := range args[1:] {
			if one(pre[i]) && !seen[string(k)] {
				seen[string(k)] = true
				evs = append(evs, keyEvent{string(k), "del"})
			}
		}
		return evs
	case probeStore:
		dst := string(storeKey(name, args))
		if _, _, n, isNum := replyKind(raw); isNum && n > 0 {
			switch name {
			case "sort":
				return []keyEvent{{dst, "sortstore"}}
			case "georadius", "georadiusbymember":
				return []keyEvent{{dst, "georadiusstore"}}
			}
			return eventsFor(args, raw)
		}
		if one(pre[0]) {
			return []keyEvent{{dst, "del"}}
		}
		return nil
	case probeScores:
		if pre[0][0] == '-' {
			// No ZMSCORE (Redis before 6.2): as without a probe.
			return eventsFor(args, raw)
		}
		if !bytes.Equal(pre[0], post[0]) {
			return []keyEvent{{key, "zadd"}}
		}
		return nil
	case probeBits:
		_, _, before, ok1 := replyKind(pre[0])
		_, _, after, ok2 := replyKind(post[0])
		if ok1 && ok2 && after > before {
			return []keyEvent{{key, "setbit"}}
		}
		return eventsFor(args, raw)
	case probePersist:
		if _, isNil, n, _ := replyKind(pre[0]); isNil || n < 0 {
			return nil
		}
		return eventsFor(args, raw)
	case probeTrim:
		if !one(pre[0]) {
			return nil
		}
	case probeBlockPop:
		evs := eventsFor(args, raw)
		for i, k := range popKeys(name, args) {
			for j, ev := range evs {
				if ev.key == string(k) && strings.Contains(ev.event, "pop") && !one(post[i]) {
					return append(evs[:j+1:j+1], append([]keyEvent{{ev.key, "del"}}, evs[j+1:]...)...)
				}
			}
		}
		return evs
	case probeConsumer:
		// Redis notifies a consumer's creation (by XREADGROUP, or an
		// XCLAIM that claimed something) and a DELCONSUMER that found
		// it; no other event of these commands is a keyspace one.
		keys, _, consumer := consumerArgs(name, args)
		var evs []keyEvent
		for i, k := range keys {
			before, after := hasConsumer(pre[i], consumer), hasConsumer(post[i], consumer)
			switch {
			case !before && after:
				evs = append(evs, keyEvent{string(k), "xgroup-createconsumer"})
			case before && !after:
				evs = append(evs, keyEvent{string(k), "xgroup-delconsumer"})
			}
		}
		return evs
	}
	evs := eventsFor(args, raw)
	if one(pre[0]) && !one(post[0]) {
		for i, ev := range evs {
			if ev.key == key && ev.event != "del" {
				// Redis deletes the emptied key right after notifying the removal.
				return append(evs[:i+1:i+1], append([]keyEvent{{key, "del"}}, evs[i+1:]...)...)
			}
		}
	}
	return evs
}

// doEvents runs a gear's command on a pooled connection and returns its
// reply and the events it caused, probing the keys when probe asks. A
// blocking command (BLPOP...) runs in a MULTI, where it does not block: a
// module's RM_Call may not block either, and returns what a timeout does.
func (s *store) doEvents(args [][]byte, probe probeKind) ([]byte, []keyEvent, error) {
	blocking := blockingCommand(strings.ToLower(string(args[0])), args)
	if probe == probeNone && !blocking {
		raw, err := s.do(args)
		if err != nil {
			return nil, nil, err
		}
		return raw, eventsFor(args, raw), nil
	}
	c, err := s.get()
	if err != nil {
		return nil, nil, err
	}
	raw, evs, err := c.doProbed(args, probe, true)
	if errors.Is(err, errProbeAborted) {
		s.put(c) // EXEC ended the transaction
		return nil, nil, err
	}
	if err != nil {
		c.c.Close()
		return nil, nil, err
	}
	raw = append([]byte(nil), raw...)
	s.put(c)
	return raw, evs, nil
}
