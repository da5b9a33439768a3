package emulator

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/tidwall/redcon"
)

// Options configures an emulator. The zero value listens on a free loopback
// port with an embedded store.
type Options struct {
	// Addr is the host:port to listen on; "" means 127.0.0.1:0 (a free port).
	Addr string
	// RedisURL, redis://[user:password@]host:port[/db], is where the data
	// lives; "" means the store chosen by Store.
	RedisURL string
	// Store picks the store when RedisURL is empty: embedded miniredis
	// (default) or a redis-server child process.
	Store StoreKind
	// RequirePass makes clients AUTH with this password first; "" means no
	// password.
	RequirePass string
	// Python is the python3 binary; "" means python3 from PATH.
	Python string
	// Logger receives the ready line, gear log() output and faults; or nil
	// to discard them.
	Logger *slog.Logger
	// Ready, if not nil, is closed once the emulator accepts connections.
	Ready chan<- struct{}
	// StateFile, if not "", is a JSON file where the emulator keeps the
	// sessions that made registrations (scripts, options, registration
	// ids), rewritten on every change. Run runs them again, so the
	// registrations survive a restart with their ids, as RedisGears'
	// survive in its RDB; a missing file is a fresh start. "" keeps them
	// in memory only.
	StateFile string
}

// Emulator is a running RedisGears 1.2 emulator: a RESP server in front of a
// store, with a python3 worker running gear scripts.
type Emulator struct {
	opts   Options
	log    *slog.Logger
	ln     net.Listener
	srv    *redcon.Server
	mux    *redcon.ServeMux
	rgCmds map[string]bool
	store  *store
	worker *workerPool

	shardID string
	seq     atomic.Int64

	mu        sync.Mutex
	execs     map[string]*execution
	execOrder []string
	regs      map[string]*registration
	regOrder  []string
	sessions  map[string]*session
	reqs      map[string]bool     // installed pip specs
	clientSCs map[*storeConn]bool // store connections clients hold, closed by Close
	config    *config

	atomicMu   sync.RWMutex    // the store lock atomic() blocks hold; see atomic.go
	ownMu      sync.Mutex      // guards owners and atomicHeld
	owners     map[string]bool // executions inside the current atomic block
	atomicHeld bool

	hasKeyRegs atomic.Bool
	// hasKeysReaders: KeysReader registrations exist, so events that need
	// probes (see probeKind) matter; StreamReader ones want xadd only.
	hasKeysReaders atomic.Bool
	// keysPrefixes: the KeysReader registrations' prefixes; a command
	// none of whose checked keys they match needs no probe.
	keysPrefixes atomic.Pointer[[]string]
	hasHooks     atomic.Bool
	watch        *ttlWatch
	scripts      scriptWatch // notifications of scripts' writes; see scripts.go

	closeOnce sync.Once
	closed    chan struct{}
	served    chan struct{}
	wg        sync.WaitGroup
}

// Run starts an emulator and returns once it accepts connections. Close
// stops it.
func Run(opts Options) (*Emulator, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	lg := opts.Logger
	if lg == nil {
		lg = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	e := &Emulator{
		opts:      opts,
		log:       lg,
		shardID:   "0000000000000000000000000000000000000000",
		execs:     map[string]*execution{},
		regs:      map[string]*registration{},
		sessions:  map[string]*session{},
		reqs:      map[string]bool{},
		clientSCs: map[*storeConn]bool{},
		config:    newConfig(),
		closed:    make(chan struct{}),
		served:    make(chan struct{}),
	}
	st, err := openStore(&opts)
	if err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	e.store = st
	e.watch = newTTLWatch(e)
	w, err := startWorkerPool(e)
	if err != nil {
		st.close()
		return nil, fmt.Errorf("emulator: %w", err)
	}
	e.worker = w
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		w.close()
		st.close()
		return nil, fmt.Errorf("emulator: listen on %s: %w", opts.Addr, err)
	}
	e.ln = ln
	e.mux = e.buildMux()
	// Clients that connect meanwhile wait for Serve, and then find the
	// registrations in place.
	if err := e.loadState(); err != nil {
		ln.Close()
		w.close()
		st.close()
		return nil, fmt.Errorf("emulator: %w", err)
	}
	e.srv = redcon.NewServerNetwork("tcp", ln.Addr().String(), e.serve, e.accept, e.onClose)
	go func() {
		defer close(e.served)
		e.srv.Serve(ln)
	}()
	e.wg.Add(1)
	go e.watch.loop()
	storeDesc := "embedded store (miniredis)"
	if opts.RedisURL != "" {
		storeDesc = "redis at " + st.addr
	} else if opts.Store == StoreRedisServer {
		storeDesc = "redis-server at " + st.addr
	}
	lg.Info("ready", "addr", e.Addr(), "store", storeDesc, "python", w.python)
	if opts.Ready != nil {
		close(opts.Ready)
	}
	return e, nil
}

// RunT starts an emulator for a test and closes it in t.Cleanup. It fails
// the test, never skips it, when python3 or the store is missing.
func RunT(t testing.TB, opts ...Options) *Emulator {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	e, err := Run(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// Addr returns the host:port the emulator listens on.
func (e *Emulator) Addr() string { return e.ln.Addr().String() }

// StoreAddr returns the host:port of the store behind the emulator.
func (e *Emulator) StoreAddr() string { return e.store.addr }

// Close stops accepting clients, stops the python worker and the store (when
// the emulator started it) and waits for its goroutines. On a store it did
// not start, it puts back the notify-keyspace-events it changed (see the
// package doc). It is safe to call more than once.
func (e *Emulator) Close() error {
	e.closeOnce.Do(func() {
		close(e.closed)
		// Serve may not have started yet, when srv.Close does nothing;
		// closing the listener ends it either way.
		e.srv.Close()
		e.ln.Close()
		<-e.served
		// Closing the client connections does not end a handler blocked
		// on the store (BLPOP 0) nor a subscribed client, which is
		// detached from the server: closing their store connections does,
		// and frees the clients they hold on a user's Redis.
		e.mu.Lock()
		for sc := range e.clientSCs {
			sc.c.Close()
		}
		e.clientSCs = nil
		e.mu.Unlock()
		e.worker.close()
		e.wg.Wait()
		e.scripts.close()
		e.restoreNotifications()
		e.store.close()
	})
	return nil
}

// Wait blocks until ctx is done or the emulator is closed.
func (e *Emulator) Wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-e.closed:
		return nil
	}
}

// nextID returns a new execution or registration id, <shard id>-<n>.
func (e *Emulator) nextID() string {
	return fmt.Sprintf("%s-%d", e.shardID, e.seq.Add(1))
}
