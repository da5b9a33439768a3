package gearstest

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/emulator"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
)

// T is the part of *testing.T the kit needs; *testing.T and *testing.B
// satisfy it.
type T interface {
	Helper()
	Cleanup(func())
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// An Option adjusts a Pair or one comparison.
type Option func(*config)

type config struct {
	seeds   []func(context.Context, redis.UniversalClient) error
	params  []dsl.ParamValue
	ordered bool
	gears   map[string]string
	timeout time.Duration
}

func newConfig(opts []Option) *config {
	c := &config{timeout: 10 * time.Second}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Seed writes the same initial data into both stores, before anything runs.
// f is called once per side with a client of that side's Redis; it must be
// deterministic.
func Seed(f func(ctx context.Context, rdb redis.UniversalClient) error) Option {
	return func(c *config) { c.seeds = append(c.seeds, f) }
}

// Params binds gear parameters for Compare and Run.
func Params(ps ...dsl.ParamValue) Option {
	return func(c *config) { c.params = append(c.params, ps...) }
}

// Ordered compares result records in order instead of as multisets.
func Ordered() Option {
	return func(c *config) { c.ordered = true }
}

// GearsConfig sets RedisGears user configuration on both sides (engine
// WithConfig, RG.CONFIGSET on the emulator), read by runtime.ConfigGet.
func GearsConfig(kv map[string]string) Option {
	return func(c *config) { c.gears = kv }
}

// Timeout bounds how long Do and Register wait for the emulator's
// registrations to finish; the default is 10s.
func Timeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// A Pair is the two sides of a comparison: an engine over one redis-server
// and an emulator over another. Create it with New; it is closed at the end
// of the test.
type Pair struct {
	t   T
	ctx context.Context
	cfg *config

	// Native is a client of the engine's Redis.
	Native *redis.Client
	// Emulated is a client of the emulator (commands go through it, so
	// its registrations fire).
	Emulated *redis.Client

	ex      *engine.RedisExecutor
	eng     *engine.Engine
	cl      *client.Client
	events  *redis.PubSub
	fence   int
	handles []*engine.Handle
	failed  map[string]int64 // emulator registration id -> failures seen
}

// New starts both sides and applies the Seed options to them. It fails the
// test when redis-server or python3 is missing.
func New(t T, opts ...Option) *Pair {
	t.Helper()
	cfg := newConfig(opts)
	ctx := context.Background()
	native, err := redistest.StartServer()
	if err != nil {
		t.Fatalf("gearstest: native redis: %v", err)
	}
	t.Cleanup(native.Stop)
	behind, err := redistest.StartServer()
	if err != nil {
		t.Fatalf("gearstest: emulator's redis: %v", err)
	}
	t.Cleanup(behind.Stop)
	em, err := emulator.Run(emulator.Options{RedisURL: "redis://" + behind.Addr})
	if err != nil {
		t.Fatalf("gearstest: emulator: %v", err)
	}
	t.Cleanup(func() { em.Close() })

	p := &Pair{t: t, ctx: ctx, cfg: cfg, failed: map[string]int64{}}
	p.Native = redis.NewClient(&redis.Options{Addr: native.Addr, Protocol: 2})
	p.Emulated = redis.NewClient(&redis.Options{Addr: em.Addr(), Protocol: 2})
	t.Cleanup(func() { p.Native.Close(); p.Emulated.Close() })
	p.ex = engine.NewRedisExecutor(p.Native)
	t.Cleanup(func() { p.ex.Close() })
	var eopts []engine.Option
	if cfg.gears != nil {
		eopts = append(eopts, engine.WithConfig(cfg.gears))
	}
	p.eng = engine.New(p.ex, eopts...)
	p.cl = client.New(p.Emulated)
	if cfg.gears != nil {
		if _, err := p.cl.ConfigSet(ctx, cfg.gears); err != nil {
			t.Fatalf("gearstest: RG.CONFIGSET on the emulator: %v", err)
		}
	}
	for _, seed := range cfg.seeds {
		if err := seed(ctx, p.Native); err != nil {
			t.Fatalf("gearstest: seeding the native store: %v", err)
		}
		if err := seed(ctx, p.Emulated); err != nil {
			t.Fatalf("gearstest: seeding the emulator: %v", err)
		}
	}
	return p
}

// Compare runs job on a new Pair seeded by the Seed options, fails the test
// on any record error or difference, and returns the records.
//
//	counts := gearstest.Compare(t, words.Count, gearstest.Seed(seed))
func Compare[R any](t T, job dsl.Job[R], opts ...Option) []R {
	t.Helper()
	return Run(New(t, opts...), job, opts...)
}

// Run runs job on both sides of p (the engine natively, the emulator through
// its generated script), fails the test on any error or difference, and
// returns the records. opts may add Params and Ordered.
func Run[R any](p *Pair, job dsl.Job[R], opts ...Option) []R {
	p.t.Helper()
	cfg := p.merge(opts)
	res, err := engine.RunOn(p.ctx, p.eng, job, cfg.params...)
	if err != nil {
		p.t.Fatalf("gearstest: native run: %v", err)
	}
	for _, e := range res.Errors {
		p.t.Errorf("gearstest: native record error: %v", e)
	}
	got, err := client.Run(p.ctx, p.cl, job, cfg.params...)
	if err != nil {
		p.t.Fatalf("gearstest: emulator run: %v", err)
	}
	diffRecords(p.t, "Run", res.Records, got, cfg.ordered)
	return res.Records
}

// merge is p's config with opts applied on top, for one call.
func (p *Pair) merge(opts []Option) *config {
	c := *p.cfg
	c.params = slices.Clone(c.params)
	for _, o := range opts {
		o(&c)
	}
	return &c
}

// diffRecords fails t when the native records and the emulator's differ.
// The native ones first go through JSON, as the wire does: the client
// decodes what the script json.dumps-ed, so both sides are compared as a
// client sees them.
func diffRecords[R any](t T, what string, native []R, emulated []R, ordered bool) {
	t.Helper()
	want, err := viaJSON(native)
	if err != nil {
		t.Fatalf("gearstest: %s: native records do not encode as JSON: %v", what, err)
	}
	opts := []cmp.Option{
		cmpopts.EquateApprox(1e-9, 0),
		cmpopts.EquateNaNs(),
		cmp.Exporter(func(reflect.Type) bool { return true }),
	}
	if !ordered {
		want = sortedByJSON(want)
		emulated = sortedByJSON(emulated)
	}
	// No records is no records, however each side builds the empty list;
	// inside records nil and empty differ on the wire (null, []) and count.
	if len(want) == 0 && len(emulated) == 0 {
		return
	}
	if d := cmp.Diff(want, emulated, opts...); d != "" {
		t.Errorf("gearstest: %s: results differ (-native +python):\n%s", what, d)
	}
}

// viaJSON re-decodes rs from their JSON encoding into new values of R.
func viaJSON[R any](rs []R) ([]R, error) {
	out := make([]R, len(rs))
	for i, r := range rs {
		b, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sortedByJSON returns rs sorted by their JSON text, a total order that
// makes multisets comparable.
func sortedByJSON[R any](rs []R) []R {
	type keyed struct {
		k string
		r R
	}
	ks := make([]keyed, len(rs))
	for i, r := range rs {
		b, _ := json.Marshal(r)
		ks[i] = keyed{string(b), r}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		}
		return 0
	})
	out := make([]R, len(rs))
	for i, k := range ks {
		out[i] = k.r
	}
	return out
}
