package emulator

import (
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
	"decr": {"decrby", keyFirst, condOK, false}, "incrby": {"incrby", keyFirst, condOK, false},
	"decrby": {"decrby", keyFirst, condOK, false}, "incrbyfloat": {"incrbyfloat", keyFirst, condOK, false},
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
	"sinterstore": {"sinterstore", keyFirst, condOK, false}, "sunionstore": {"sunionstore", keyFirst, condOK, false},
	"sdiffstore": {"sdiffstore", keyFirst, condOK, false},
	"zadd":       {"zadd", keyFirst, condOK, false}, "zincrby": {"zincr", keyFirst, condOK, false},
	"zrem": {"zrem", keyFirst, condPositive, false}, "zremrangebyscore": {"zrembyscore", keyFirst, condPositive, false},
	"zremrangebyrank": {"zrembyrank", keyFirst, condPositive, false}, "zremrangebylex": {"zrembylex", keyFirst, condPositive, false},
	"zpopmin": {"zpopmin", keyFirst, condNotNil, false}, "zpopmax": {"zpopmax", keyFirst, condNotNil, false},
	"zunionstore": {"zunionstore", keyFirst, condOK, false}, "zinterstore": {"zinterstore", keyFirst, condOK, false},
	"xadd": {"xadd", keyFirst, condNotNil, false}, "xtrim": {"xtrim", keyFirst, condPositive, false},
	"xdel":    {"xdel", keyFirst, condPositive, false},
	"restore": {"restore", keyFirst, condOK, true}, "copy": {"copy_to", keyFirst, condPositive, false},
	"rename": {"rename", keyFirstTwo, condOK, false}, "renamenx": {"rename", keyFirstTwo, condPositive, false},
	"rpoplpush": {"rpoplpush", keyFirstTwo, condNotNil, false}, "lmove": {"lmove", keyFirstTwo, condNotNil, false},
	"smove":  {"smove", keyFirstTwo, condPositive, false},
	"get":    {"keymiss", keyFirst, condNotNil, false},
	"setbit": {"setbit", keyFirst, condOK, false}, "pfadd": {"pfadd", keyFirst, condPositive, false},
	"geoadd":     {"zadd", keyFirst, condPositive, false},
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
			return []keyEvent{{string(args[1]), "expire"}}
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
			evs = append(evs, keyEvent{src, "rpop"}, keyEvent{dst, "lpush"})
		case "lmove":
			from, to := "lpop", "lpush"
			if len(args) > 3 && strings.EqualFold(string(args[3]), "right") {
				from = "rpop"
			}
			if len(args) > 4 && strings.EqualFold(string(args[4]), "right") {
				to = "rpush"
			}
			evs = append(evs, keyEvent{src, from}, keyEvent{dst, to})
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
		w.mu.Lock()
		for _, k := range gone {
			delete(w.keys, k)
		}
		w.mu.Unlock()
		evs := make([]keyEvent, len(gone))
		for i, k := range gone {
			evs[i] = keyEvent{k, "expired"}
		}
		w.e.fire(evs, nil, "")
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
