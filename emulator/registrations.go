package emulator

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"
)

// This file keeps the registrations table and fires registrations: KeysReader
// on key events, StreamReader on stream additions (batch, duration,
// onFailedPolicy), CommandReader on RG.TRIGGER and command hooks.

// regDesc is what the worker reports for each register() call.
type regDesc struct {
	ID            string      `json:"id"`
	Reader        string      `json:"reader"`
	Desc          *string     `json:"desc"`
	Mode          string      `json:"mode"`
	Prefix        string      `json:"prefix"`
	EventTypes    []string    `json:"eventTypes"`
	KeyTypes      []string    `json:"keyTypes"`
	ReadValue     *bool       `json:"readValue"`
	Commands      []string    `json:"commands"`
	Batch         int         `json:"batch"`
	Duration      int         `json:"duration"`
	OnFailed      string      `json:"onFailedPolicy"`
	RetryInterval int         `json:"onFailedRetryInterval"`
	TrimStream    bool        `json:"trimStream"`
	Trigger       *string     `json:"trigger"`
	Hook          *string     `json:"hook"`
	KeyPrefix     *string     `json:"keyprefix"`
	InOrder       bool        `json:"inorder"`
	Steps         [][2]string `json:"steps"`
}

// registration is one register() call; its counters are guarded by e.mu.
type registration struct {
	regDesc
	session string

	numTriggered, numSuccess, numFailures, numAborted int64
	lastRun, totalRun                                 time.Duration
	lastLag, totalLag                                 time.Duration
	lastError                                         *string
	status                                            string // stream: OK, WAITING_FOR_RETRY_ON_FAILURE, ABORTED, PAUSED
	streams                                           map[string]*streamState
	unregistered                                      bool
	inOrder                                           sync.Mutex // serialises inorder CommandReader runs
}

// streamState tracks one stream for one StreamReader registration.
type streamState struct {
	pending  int
	backlog  int // entries already there at registration, run without waiting for a full batch
	running  bool
	timer    *time.Timer
	firstAdd time.Time
}

func parseRegs(raw json.RawMessage) ([]regDesc, error) {
	var ds []regDesc
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	err := json.Unmarshal(raw, &ds)
	return ds, err
}

// addRegistration installs d for session and starts a stream registration
// on the streams that already exist.
func (e *Emulator) addRegistration(d regDesc, session string) *registration {
	r := &registration{regDesc: d, session: session, status: "OK", streams: map[string]*streamState{}}
	e.mu.Lock()
	e.regs[d.ID] = r
	e.regOrder = append(e.regOrder, d.ID)
	e.refreshFlagsLocked()
	e.mu.Unlock()
	if d.Reader == "StreamReader" {
		e.scanStreams(r)
	}
	return r
}

func (e *Emulator) refreshFlagsLocked() {
	keys, keysReaders, hooks := false, false, false
	var prefixes []string
	for _, r := range e.regs {
		switch {
		case r.Reader == "KeysReader" || r.Reader == "StreamReader":
			keys = true
			if r.Reader == "KeysReader" {
				keysReaders = true
				if !slices.Contains(prefixes, r.Prefix) {
					prefixes = append(prefixes, r.Prefix)
				}
			}
		case r.Hook != nil:
			hooks = true
		}
	}
	e.hasKeyRegs.Store(keys)
	e.hasKeysReaders.Store(keysReaders)
	e.keysPrefixes.Store(&prefixes)
	e.hasHooks.Store(hooks)
}

// removeRegistrations unregisters ids here and in the worker.
func (e *Emulator) removeRegistrations(ids []string) {
	if len(ids) == 0 {
		return
	}
	e.mu.Lock()
	for _, id := range ids {
		if r := e.regs[id]; r != nil {
			r.unregistered = true
			for _, s := range r.streams {
				if s.timer != nil {
					s.timer.Stop()
				}
			}
			delete(e.regs, id)
		}
	}
	order := e.regOrder[:0]
	for _, id := range e.regOrder {
		if e.regs[id] != nil {
			order = append(order, id)
		}
	}
	e.regOrder = order
	e.refreshFlagsLocked()
	e.mu.Unlock()
	e.worker.send(&frame{Op: "unregister", Regs: mustJSON(ids)})
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

// recordRun updates the counters after one of r's executions; e.mu held.
func (r *registration) recordRun(ex *execution) {
	d := ex.end.Sub(ex.start)
	r.lastRun = d
	r.totalRun += d
	switch {
	case ex.status == "aborted":
		r.numAborted++
		if len(ex.errors) > 0 {
			r.lastError = &ex.errors[0]
		}
	case len(ex.errors) > 0:
		r.numFailures++
		r.lastError = &ex.errors[0]
	default:
		r.numSuccess++
	}
}

// prefixMatch is RedisGears' registration matching: a trailing '*' means a
// prefix, anything else an exact key name.
func prefixMatch(prefix, key string) bool {
	if strings.HasSuffix(prefix, "*") {
		return strings.HasPrefix(key, prefix[:len(prefix)-1])
	}
	return prefix == key
}

// keyEvent is one keyspace event caused by a command.
type keyEvent struct {
	key, event string
}

// fire runs the registrations that match evs, caused by command cmd (nil
// for expirations) of execution origin ("" for clients). It waits for sync registrations and for registrations
// linked to cmd with commands=, and returns an override reply if one of
// them called override_reply.
func (e *Emulator) fire(evs []keyEvent, cmd [][]byte, origin string) []byte {
	e.watch.observe(evs)
	if !e.hasKeyRegs.Load() || len(evs) == 0 {
		return nil
	}
	if origin == "" {
		e.worker.awaitReinstall()
	}
	var cmdName string
	var cmdStrs []any
	if cmd != nil {
		cmdName = strings.ToLower(string(cmd[0]))
		cmdStrs = wireStrings(cmd)
	}
	var wait []*execution
	for _, ev := range evs {
		var keyRegs, streamRegs []*registration
		e.mu.Lock()
		for _, id := range e.regOrder {
			r := e.regs[id]
			if !prefixMatch(r.Prefix, ev.key) {
				continue
			}
			switch r.Reader {
			case "KeysReader":
				if r.wantsEvent(ev.event, cmdName) {
					keyRegs = append(keyRegs, r)
				}
			case "StreamReader":
				if ev.event == "xadd" {
					streamRegs = append(streamRegs, r)
				}
			}
		}
		e.mu.Unlock()
		var keyType string
		for _, r := range keyRegs {
			if r.KeyTypes != nil {
				if keyType == "" {
					keyType = e.keyType(ev.key)
				}
				if !contains(r.KeyTypes, keyType) {
					continue
				}
			}
			in := map[string]any{"key": wireString(ev.key), "event": ev.event}
			linked := r.Commands != nil
			if linked {
				in["command"] = cmdStrs
			}
			var ex *execution
			if r.Mode == "sync" {
				ex = e.triggerFrom(r, in, origin)
			} else {
				ex = e.trigger(r, in)
			}
			if r.Mode == "sync" {
				// Sync registrations run one at a time, in event order.
				<-ex.done
			}
			if r.Mode == "sync" || linked {
				wait = append(wait, ex)
			}
		}
		for _, r := range streamRegs {
			e.streamAddedN(r, ev.key, 1, origin)
		}
	}
	var override []byte
	for _, ex := range wait {
		<-ex.done
		if ex.override != nil {
			override = ex.override
		}
	}
	return override
}

func (r *registration) wantsEvent(event, cmdName string) bool {
	if r.EventTypes != nil && !containsFold(r.EventTypes, event) {
		return false
	}
	if r.Commands != nil && (cmdName == "" || !containsFold(r.Commands, cmdName)) {
		return false
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// keyType returns the KeysReader type name of key.
func (e *Emulator) keyType(key string) string {
	v, err := e.store.doStrings("TYPE", key)
	if err != nil {
		return "empty"
	}
	switch t := string(asBytes(v)); t {
	case "none":
		return "empty"
	case "string", "list", "hash", "set", "zset", "stream":
		return t
	default:
		return "module"
	}
}

func asBytes(v any) []byte {
	b, _ := v.([]byte)
	return b
}

// trigger starts one execution of r on input in.
func (e *Emulator) trigger(r *registration, in map[string]any) *execution {
	return e.triggerFrom(r, in, "")
}

// triggerFrom is trigger for an execution started synchronously by a
// command of execution origin, which it joins inside an atomic block.
func (e *Emulator) triggerFrom(r *registration, in map[string]any, origin string) *execution {
	ex := e.newExecution(r, r.Reader, r.Steps)
	e.inheritOwner(origin, ex.id)
	e.mu.Lock()
	r.numTriggered++
	e.mu.Unlock()
	if err := e.worker.send(&frame{Op: "trigger", Reg: mustJSON(r.ID), Exec: ex.id, Input: in}); err != nil {
		e.finish(ex.id, "aborted", nil, 0, []string{msgWorkerDied}, nil, nil)
	}
	return ex
}

// scanStreams processes entries already in streams matching r.
func (e *Emulator) scanStreams(r *registration) {
	cursor := "0"
	for {
		v, err := e.store.doStrings("SCAN", cursor, "MATCH", globEscapePrefix(r.Prefix), "COUNT", "1000")
		if err != nil {
			return
		}
		arr, _ := v.([]any)
		if len(arr) != 2 {
			return
		}
		cursor = string(asBytes(arr[0]))
		keys, _ := arr[1].([]any)
		for _, k := range keys {
			key := string(asBytes(k))
			if !prefixMatch(r.Prefix, key) || e.keyType(key) != "stream" {
				continue
			}
			n, err := e.store.doStrings("XLEN", key)
			if err != nil {
				continue
			}
			if cnt, _ := n.(int64); cnt > 0 {
				// RedisGears runs on entries that were there before the
				// registration at once, batch full or not.
				e.mu.Lock()
				if s := r.streams[key]; s != nil {
					s.backlog += int(cnt)
				} else {
					r.streams[key] = &streamState{backlog: int(cnt)}
				}
				e.mu.Unlock()
				e.streamAddedN(r, key, int(cnt), "")
			}
		}
		if cursor == "0" {
			return
		}
	}
}

// globEscapePrefix turns a registration prefix into a SCAN pattern.
func globEscapePrefix(prefix string) string {
	var b strings.Builder
	trail := strings.HasSuffix(prefix, "*")
	if trail {
		prefix = prefix[:len(prefix)-1]
	}
	for _, c := range prefix {
		if strings.ContainsRune(`*?[]\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	if trail {
		b.WriteByte('*')
	}
	return b.String()
}

// streamAddedN notes n new entries on key and runs a batch when due;
// origin is the execution that added them ("" if none).
func (e *Emulator) streamAddedN(r *registration, key string, n int, origin string) {
	e.mu.Lock()
	s := r.streams[key]
	if s == nil {
		s = &streamState{}
		r.streams[key] = s
	}
	if s.pending == 0 {
		s.firstAdd = time.Now()
	}
	s.pending += n
	e.mu.Unlock()
	e.streamKick(r, key, false, origin)
}

// streamKick starts a batch on key if one is due and none is running.
func (e *Emulator) streamKick(r *registration, key string, timerFired bool, origin string) {
	e.mu.Lock()
	s := r.streams[key]
	if s == nil || s.running || r.unregistered || r.status == "PAUSED" || r.status == "ABORTED" || r.status == "WAITING_FOR_RETRY_ON_FAILURE" {
		e.mu.Unlock()
		return
	}
	batch := max(r.Batch, 1)
	due := s.pending >= batch || ((timerFired || s.backlog > 0) && s.pending > 0)
	if !due {
		if r.Duration > 0 && s.pending > 0 && s.timer == nil {
			s.timer = time.AfterFunc(time.Duration(r.Duration)*time.Millisecond, func() {
				e.mu.Lock()
				s.timer = nil
				e.mu.Unlock()
				e.streamKick(r, key, true, "")
			})
		}
		e.mu.Unlock()
		return
	}
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	s.running = true
	lag := time.Since(s.firstAdd)
	r.lastLag = lag
	r.totalLag += lag
	e.mu.Unlock()
	e.runStreamBatch(r, key, batch, false, origin)
}

func (e *Emulator) runStreamBatch(r *registration, key string, batch int, retry bool, origin string) {
	ex := e.newExecution(r, r.Reader, r.Steps)
	if r.Mode == "sync" {
		e.inheritOwner(origin, ex.id)
	}
	ex.streamKey = key
	ex.onDone = func(ex *execution) { e.streamBatchDone(r, key, batch, ex) }
	e.mu.Lock()
	r.numTriggered++
	e.mu.Unlock()
	in := map[string]any{"stream": key, "batch": batch, "retry": retry}
	if err := e.worker.send(&frame{Op: "trigger", Reg: mustJSON(r.ID), Exec: ex.id, Input: in}); err != nil {
		e.finish(ex.id, "aborted", nil, 0, []string{msgWorkerDied}, nil, nil)
	}
	if r.Mode == "sync" {
		<-ex.done
	}
}

// streamBatchDone acknowledges (and trims) a batch, or applies the
// onFailedPolicy, then starts the next batch if one is due.
func (e *Emulator) streamBatchDone(r *registration, key string, batch int, ex *execution) {
	failed := len(ex.errors) > 0
	if !failed || r.OnFailed == "continue" {
		if len(ex.streamIDs) > 0 {
			args := append([]string{"XACK", key, "__gears_consumer_group__"}, ex.streamIDs...)
			e.store.doStrings(args...)
			if r.TrimStream {
				e.store.doStrings(append([]string{"XDEL", key}, ex.streamIDs...)...)
			}
		}
	}
	e.mu.Lock()
	s := r.streams[key]
	s.running = false
	if failed && r.OnFailed == "abort" {
		r.status = "ABORTED"
		e.mu.Unlock()
		return
	}
	if failed && r.OnFailed == "retry" {
		r.status = "WAITING_FOR_RETRY_ON_FAILURE"
		interval := time.Duration(max(r.RetryInterval, 0)) * time.Second
		e.mu.Unlock()
		time.AfterFunc(interval, func() {
			e.mu.Lock()
			if r.status != "WAITING_FOR_RETRY_ON_FAILURE" || r.unregistered {
				e.mu.Unlock()
				return
			}
			r.status = "OK"
			s.running = true
			e.mu.Unlock()
			e.runStreamBatch(r, key, batch, true, "")
		})
		return
	}
	s.pending -= len(ex.streamIDs)
	if s.pending < 0 || len(ex.streamIDs) == 0 {
		s.pending = 0
	}
	s.backlog = max(s.backlog-len(ex.streamIDs), 0)
	if len(ex.streamIDs) == 0 {
		s.backlog = 0
	}
	if s.pending > 0 {
		s.firstAdd = time.Now()
	}
	e.mu.Unlock()
	go e.streamKick(r, key, false, "")
}

// reinstall re-creates every registration in a restarted worker by running
// its session's script again with the same registration ids. The script
// makes all the registrations it made first, so those unregistered since
// get their old ids, and are dropped again, rather than shift the ids.
func (e *Emulator) reinstall() {
	type job struct {
		script, session string
		made, gone      []string
	}
	e.mu.Lock()
	var jobs []job
	for _, s := range e.sessions {
		if len(s.regs) == 0 {
			continue
		}
		j := job{script: s.script, session: s.id, made: slices.Clone(s.made)}
		for _, id := range s.made {
			if !slices.Contains(s.regs, id) {
				j.gone = append(j.gone, id)
			}
		}
		jobs = append(jobs, j)
	}
	e.mu.Unlock()
	for _, j := range jobs {
		if _, err := e.worker.request(&frame{Op: "script", Script: j.script, Session: j.session, Reload: j.made}); err != nil {
			e.log.Error("reinstall registrations", "ids", j.made, "err", err)
		}
		if len(j.gone) > 0 {
			e.worker.send(&frame{Op: "unregister", Regs: mustJSON(j.gone)})
		}
	}
	e.sendConfig()
}
