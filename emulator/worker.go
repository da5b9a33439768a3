package emulator

import (
	"bufio"
	"embed"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// This file runs the python3 worker (python/worker.py) and speaks its
// protocol: 4-byte big-endian length, then a JSON object. Go sends scripts,
// triggers and aborts; Python sends back calls (execute, new ids, config),
// replies and finished executions.

//go:embed python/gears_runtime.py python/worker.py
var pythonFiles embed.FS

// frame is one protocol message, in either direction.
type frame struct {
	Op        string              `json:"op"`
	ID        int64               `json:"id,omitempty"`
	Kind      string              `json:"kind,omitempty"`
	Script    string              `json:"script,omitempty"`
	Session   string              `json:"session,omitempty"`
	Reload    []string            `json:"reload,omitempty"`
	Restore   bool                `json:"restore,omitempty"` // an execute() of a script run again to restore it
	Reg       json.RawMessage     `json:"reg,omitempty"`
	Exec      string              `json:"exec,omitempty"`
	Input     map[string]any      `json:"input,omitempty"`
	Regs      json.RawMessage     `json:"regs,omitempty"`
	Args      []json.RawMessage   `json:"args,omitempty"`
	Cmds      [][]json.RawMessage `json:"cmds,omitempty"`
	Value     any                 `json:"value,omitempty"`
	Tagged    bool                `json:"tagged,omitempty"` // Value holds markers (see toWire)
	Fatal     string              `json:"fatal,omitempty"`
	Error     *string             `json:"error,omitempty"`
	Key       string              `json:"key,omitempty"`
	Token     string              `json:"token,omitempty"`
	Level     string              `json:"level,omitempty"`
	Msg       string              `json:"msg,omitempty"`
	Reader    string              `json:"reader,omitempty"`
	Steps     [][2]string         `json:"steps,omitempty"`
	On        bool                `json:"on,omitempty"`
	N         int                 `json:"n,omitempty"`
	Results   string              `json:"results,omitempty"`
	Errors    []string            `json:"errors,omitempty"`
	Aborted   bool                `json:"aborted,omitempty"`
	Override  *string             `json:"override,omitempty"`
	StreamIDs []string            `json:"stream_ids,omitempty"`
	Traceback *bool               `json:"traceback,omitempty"`
	Profile   bool                `json:"profile,omitempty"`
	Pid       int                 `json:"pid,omitempty"`
}

// errWorkerDied fails scripts and executions in flight when python3 exits.
var errWorkerDied = errors.New("the python worker exited; it was restarted")

// workerPool owns the python3 worker process and restarts it when it dies.
type workerPool struct {
	e      *Emulator
	python string
	dir    string

	mu      sync.Mutex
	proc    *workerProc
	closing bool
	nextReq int64
	waiting map[int64]chan *frame
	// reinstalling is open while a restarted worker gets its
	// registrations back (see died); nil or closed otherwise.
	reinstalling chan struct{}
}

// workerProc is one python3 process.
type workerProc struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	wmu   sync.Mutex
	dead  chan struct{}
	ready chan struct{}
}

func startWorkerPool(e *Emulator) (*workerPool, error) {
	py := e.opts.Python
	if py == "" {
		p, err := exec.LookPath("python3")
		if err != nil {
			return nil, fmt.Errorf("python3 not found on PATH: install Python 3.8 or newer (apt-get install -y python3)")
		}
		py = p
	}
	dir, err := os.MkdirTemp("", "gogears-worker-")
	if err != nil {
		return nil, err
	}
	ents, _ := pythonFiles.ReadDir("python")
	for _, ent := range ents {
		data, _ := pythonFiles.ReadFile("python/" + ent.Name())
		if err := os.WriteFile(filepath.Join(dir, ent.Name()), data, 0o644); err != nil {
			return nil, err
		}
	}
	// pip installs REQUIREMENTS here; it must exist before python3 starts
	// for the directory to be searched.
	if err := os.MkdirAll(filepath.Join(dir, "site"), 0o755); err != nil {
		return nil, err
	}
	w := &workerPool{e: e, python: py, dir: dir, waiting: map[int64]chan *frame{}}
	if err := w.spawn(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return w, nil
}

// spawn starts a python3 process and waits for its ready frame.
func (w *workerPool) spawn() error {
	cmd := exec.Command(w.python, "-u", filepath.Join(w.dir, "worker.py"))
	cmd.Dir = w.dir
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "PYTHONPATH="+filepath.Join(w.dir, "site"))
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = &logWriter{e: w.e}
	setProcessGroup(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start python3 worker: %w", err)
	}
	p := &workerProc{cmd: cmd, in: in, dead: make(chan struct{}), ready: make(chan struct{})}
	go w.readLoop(p, bufio.NewReaderSize(out, 256<<10))
	select {
	case <-p.ready:
		w.mu.Lock()
		closing := w.closing
		if !closing {
			w.proc = p
		}
		w.mu.Unlock()
		if closing {
			p.in.Close()
			killProcess(cmd)
			return errWorkerDied
		}
		return nil
	case <-p.dead:
		return fmt.Errorf("python3 worker exited at start (is %s Python 3.8+?)", w.python)
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		return fmt.Errorf("python3 worker did not start within 20s")
	}
}

func (w *workerPool) close() {
	w.mu.Lock()
	w.closing = true
	p := w.proc
	w.mu.Unlock()
	if p != nil {
		p.in.Close()
		select {
		case <-p.dead:
		case <-time.After(2 * time.Second):
			killProcess(p.cmd)
			<-p.dead
		}
	}
	os.RemoveAll(w.dir)
}

// kill ends the current process; readLoop then restarts it.
func (w *workerPool) kill() {
	w.mu.Lock()
	p := w.proc
	w.mu.Unlock()
	if p != nil {
		killProcess(p.cmd)
	}
}

// send writes f to the worker, waiting up to 20s for a restart in progress.
func (w *workerPool) send(f *frame) error {
	deadline := time.Now().Add(20 * time.Second)
	for {
		w.mu.Lock()
		p, closing := w.proc, w.closing
		w.mu.Unlock()
		if p != nil {
			return p.send(f)
		}
		if closing || time.Now().After(deadline) {
			return errWorkerDied
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (p *workerProc) send(f *frame) error {
	data, err := json.Marshal(f)
	if err != nil {
		return err
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(data)))
	p.wmu.Lock()
	defer p.wmu.Unlock()
	if _, err := p.in.Write(append(hdr[:], data...)); err != nil {
		return errWorkerDied
	}
	return nil
}

// request sends f and waits for Python's reply frame.
func (w *workerPool) request(f *frame) (*frame, error) {
	ch := make(chan *frame, 1)
	w.mu.Lock()
	w.nextReq++
	f.ID = w.nextReq
	w.waiting[f.ID] = ch
	w.mu.Unlock()
	if err := w.send(f); err != nil {
		w.mu.Lock()
		delete(w.waiting, f.ID)
		w.mu.Unlock()
		return nil, err
	}
	r := <-ch
	if r == nil {
		return nil, errWorkerDied
	}
	return r, nil
}

func (w *workerPool) readLoop(p *workerProc, r *bufio.Reader) {
	defer w.died(p)
	var hdr [4]byte
	for {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return
		}
		buf := make([]byte, binary.BigEndian.Uint32(hdr[:]))
		if _, err := io.ReadFull(r, buf); err != nil {
			return
		}
		f := new(frame)
		if err := json.Unmarshal(buf, f); err != nil {
			w.e.log.Error("bad frame from python worker", "err", err)
			continue
		}
		switch f.Op {
		case "ready":
			close(p.ready)
		case "reply":
			w.mu.Lock()
			ch := w.waiting[f.ID]
			delete(w.waiting, f.ID)
			w.mu.Unlock()
			if ch != nil {
				ch <- f
			}
		case "call":
			go func() {
				reply := w.e.handleCall(f)
				reply.Op, reply.ID = "reply", f.ID
				p.send(reply)
			}()
		case "exec_done":
			w.e.execDone(f)
		case "log":
			w.e.gearLog(f.Level, f.Msg)
		}
	}
}

// died fails everything in flight and restarts the worker.
func (w *workerPool) died(p *workerProc) {
	p.cmd.Wait()
	close(p.dead)
	w.mu.Lock()
	waiting := w.waiting
	w.waiting = map[int64]chan *frame{}
	closing := w.closing
	if w.proc == p {
		w.proc = nil
	}
	w.mu.Unlock()
	for _, ch := range waiting {
		ch <- nil
	}
	w.e.atomicReset()
	w.e.failRunning(errWorkerDied.Error())
	if closing {
		return
	}
	w.e.log.Warn("python worker exited; restarting it")
	done := make(chan struct{})
	w.mu.Lock()
	w.reinstalling = done
	w.mu.Unlock()
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			w.mu.Lock()
			closing := w.closing
			w.mu.Unlock()
			if closing {
				return
			}
			if err := w.spawn(); err != nil {
				w.e.log.Error("restart python worker", "err", err)
				time.Sleep(time.Duration(min(i+1, 10)) * 100 * time.Millisecond)
				continue
			}
			w.e.reinstall()
			return
		}
	}()
}

// awaitReinstall waits, up to 20s, while a restarted worker gets its
// registrations back, so that a client's write or RG.TRIGGER does not
// find them missing. Only clients wait: a gear's command may be part of
// the reinstall, which would then wait for itself.
func (w *workerPool) awaitReinstall() {
	w.mu.Lock()
	ch := w.reinstalling
	w.mu.Unlock()
	if ch == nil {
		return
	}
	select {
	case <-ch:
	case <-time.After(20 * time.Second):
	}
}

// logWriter forwards the worker's stderr to the logger.
type logWriter struct{ e *Emulator }

func (l *logWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		l.e.log.Warn("python worker", "stderr", line)
	}
	return len(p), nil
}

// toWire converts a decoded store reply into the JSON value of a frame's
// "value": strings, integers, null and lists, plus marker objects,
// {"b": base64} for non-UTF-8 bytes and {"e": msg} for error replies.
// tagged reports whether it made a marker; the frame says so in "tagged"
// and only then does the worker look for markers, in "value" alone, where
// no other object can appear. So no dict elsewhere in a frame is taken
// for a marker, and frames without markers are decoded at C speed.
func toWire(v any) (w any, tagged bool) {
	switch v := v.(type) {
	case []byte:
		w := wireString(string(v))
		_, tagged := w.(map[string]string)
		return w, tagged
	case replyError:
		return map[string]string{"e": string(v)}, true
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			var t bool
			out[i], t = toWire(x)
			tagged = tagged || t
		}
		return out, tagged
	}
	return v, false
}

// wireString encodes s for a frame position the worker decodes with
// _unwire: s itself, or {"b": base64} if it is not UTF-8 (JSON would
// replace its bad bytes), which the gear sees as a bytearray, as
// RedisGears gives a key name or argument that does not decode.
func wireString(s string) any {
	if utf8.ValidString(s) {
		return s
	}
	return map[string]string{"b": base64.StdEncoding.EncodeToString([]byte(s))}
}

// wireStrings is wireString for each of args.
func wireStrings(args [][]byte) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = wireString(string(a))
	}
	return out
}

// fromWire decodes one command argument sent by the worker.
func fromWire(raw json.RawMessage) []byte {
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		json.Unmarshal(raw, &s)
		return []byte(s)
	}
	var b struct{ B string }
	json.Unmarshal(raw, &b)
	out, _ := base64.StdEncoding.DecodeString(b.B)
	return out
}

func argsFromWire(raws []json.RawMessage) [][]byte {
	out := make([][]byte, len(raws))
	for i, r := range raws {
		out[i] = fromWire(r)
	}
	return out
}
