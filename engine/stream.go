package engine

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
)

// This file holds the StreamReader registration: consumer group, batch,
// duration, failure policy and trimming, as RedisGears runs them.

// scanStreams attaches a new stream registration to the streams that
// already match its prefix and processes their entries, as RedisGears
// does at registration.
func (e *Engine) scanStreams(ctx context.Context, r *registration) error {
	var keys []string
	if p, ok := strings.CutSuffix(r.cfg.Prefix, "*"); ok {
		err := e.scan(ctx, p+"*", scanBatch, "stream", func(ks []string) error {
			keys = append(keys, ks...)
			return nil
		})
		if err != nil {
			return err
		}
	} else {
		v, err := e.ex.Do(ctx, "TYPE", r.cfg.Prefix)
		if err != nil {
			return fmt.Errorf("engine: %w", err)
		}
		if v == "stream" {
			keys = append(keys, r.cfg.Prefix)
		}
	}
	for _, k := range keys {
		if err := e.ensureGroup(ctx, k); err != nil {
			return err
		}
		if err := e.processStream(ctx, r, k); err != nil {
			return err
		}
	}
	return nil
}

// ensureGroup creates the gears consumer group at ID 0, so entries already
// in the stream are read.
func (e *Engine) ensureGroup(ctx context.Context, key string) error {
	_, err := e.ex.Do(ctx, "XGROUP", "CREATE", key, consumerGroup, "0", "MKSTREAM")
	var re *runtime.Error
	if err != nil && !(errors.As(err, &re) && strings.HasPrefix(re.Msg, "BUSYGROUP")) {
		return fmt.Errorf("engine: creating consumer group on %q: %w", key, err)
	}
	return nil
}

// streamAdded counts one new entry and runs the registration once the
// batch is full, or arms the Duration timer.
func (e *Engine) streamAdded(ctx context.Context, r *registration, key string) error {
	if err := e.ensureGroup(ctx, key); err != nil {
		return err
	}
	r.mu.Lock()
	if r.stats.Status == "aborted" || r.removed {
		r.mu.Unlock()
		return nil
	}
	s := r.stream(key)
	if r.stats.Status == "paused" {
		r.mu.Unlock()
		return nil // read on Unpause
	}
	s.pending++
	full := s.pending >= r.cfg.Batch
	if !full && r.cfg.Duration > 0 && s.timer == nil {
		s.timer = time.AfterFunc(r.cfg.Duration, func() { e.timerFired(r, key) })
	}
	r.mu.Unlock()
	if full {
		return e.processStream(ctx, r, key)
	}
	return nil
}

// stream returns the state of the registration's stream key, creating it
// on first use; r.mu must be held.
func (r *registration) stream(key string) *streamState {
	s := r.streams[key]
	if s == nil {
		s = &streamState{}
		r.streams[key] = s
	}
	return s
}

// timerFired runs a stream registration from its Duration or retry timer.
func (e *Engine) timerFired(r *registration, key string) {
	r.mu.Lock()
	if s := r.streams[key]; s != nil {
		s.timer = nil
	}
	r.mu.Unlock()
	if err := e.processStream(context.Background(), r, key); err != nil {
		e.logf(runtime.Warning, fmt.Sprintf("engine: stream %q: %v", key, err))
	}
}

// processStream reads the stream's new entries (and, when retrying, the
// unacknowledged ones) for the gears consumer group, runs the steps, and
// acknowledges and trims per the failure policy.
func (e *Engine) processStream(ctx context.Context, r *registration, key string) error {
	r.mu.Lock()
	s := r.stream(key)
	r.mu.Unlock()
	s.busy.Lock()
	defer s.busy.Unlock()

	r.mu.Lock()
	if r.stats.Status != "running" || r.removed {
		r.mu.Unlock()
		return nil
	}
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	retry := s.retry
	s.pending = 0
	r.mu.Unlock()

	var recs []any
	if retry {
		v, err := e.ex.Do(ctx, "XREADGROUP", "GROUP", consumerGroup, consumerName, "STREAMS", key, "0")
		if err != nil {
			return fmt.Errorf("engine: re-reading %q: %w", key, err)
		}
		recs = streamRecords(v)
	}
	v, err := e.ex.Do(ctx, "XREADGROUP", "GROUP", consumerGroup, consumerName, "STREAMS", key, ">")
	if err != nil {
		return fmt.Errorf("engine: reading %q: %w", key, err)
	}
	recs = append(recs, streamRecords(v)...)
	if len(recs) == 0 {
		return nil
	}
	x := &execution{e: e, ctx: ctx, params: r.params}
	var errs []error
	x.run(func() { _, errs = runSteps(r.plan.Steps, recs) })
	failed := r.record(errs) != nil
	if pausing(errs) {
		// flat_error('PAUSE...') pauses the registration; its entries stay
		// unacknowledged and are read again on Unpause.
		r.mu.Lock()
		r.stats.Status = "paused"
		s.retry = true
		r.mu.Unlock()
		return nil
	}
	if failed {
		switch r.cfg.OnFailed {
		case dsl.Abort:
			r.mu.Lock()
			r.stats.Status = "aborted"
			r.mu.Unlock()
			return nil
		case dsl.Retry:
			r.mu.Lock()
			s.retry = true
			if !r.removed {
				s.timer = time.AfterFunc(r.cfg.RetryInterval, func() { e.timerFired(r, key) })
			}
			r.mu.Unlock()
			return nil
		}
	}
	r.mu.Lock()
	s.retry = false
	r.mu.Unlock()
	return e.ackAndTrim(ctx, r, key, recs)
}

// pausing reports whether a step raised runtime.FlatError("PAUSE...").
func pausing(errs []error) bool {
	for _, err := range errs {
		var re *runtime.Error
		if errors.As(err, &re) && re.Flat && strings.HasPrefix(re.Msg, "PAUSE") {
			return true
		}
	}
	return false
}

// Unpause resumes a stream registration paused by runtime.FlatError
// ("PAUSE...") (RG.UNPAUSEREGISTRATIONS on a server) and processes its
// unacknowledged and new entries.
func (h *Handle) Unpause(ctx context.Context) error {
	r := h.r
	r.mu.Lock()
	if r.stats.Status != "paused" {
		r.mu.Unlock()
		return nil
	}
	r.stats.Status = "running"
	keys := make([]string, 0, len(r.streams))
	for k := range r.streams {
		keys = append(keys, k)
	}
	r.mu.Unlock()
	var errs []error
	for _, k := range keys {
		errs = append(errs, h.e.processStream(ctx, r, k))
	}
	return errors.Join(errs...)
}

// ackAndTrim acknowledges the processed entries and, with TrimStream,
// removes them from the stream.
func (e *Engine) ackAndTrim(ctx context.Context, r *registration, key string, recs []any) error {
	ack := []string{"XACK", key, consumerGroup}
	last := ""
	for _, rec := range recs {
		id := rec.(dsl.StreamRecord).ID
		ack = append(ack, id)
		if streamIDLess(last, id) {
			last = id
		}
	}
	if _, err := e.ex.Do(ctx, ack...); err != nil {
		return fmt.Errorf("engine: acknowledging %q: %w", key, err)
	}
	if !r.cfg.TrimStream {
		return nil
	}
	if _, err := e.ex.Do(ctx, "XTRIM", key, "MINID", nextStreamID(last)); err != nil {
		return fmt.Errorf("engine: trimming %q: %w", key, err)
	}
	return nil
}

func parseStreamID(id string) (ms, seq uint64) {
	a, b, _ := strings.Cut(id, "-")
	ms, _ = strconv.ParseUint(a, 10, 64)
	seq, _ = strconv.ParseUint(b, 10, 64)
	return ms, seq
}

// streamIDLess reports whether a < b; "" is less than every ID.
func streamIDLess(a, b string) bool {
	if a == "" {
		return true
	}
	am, as := parseStreamID(a)
	bm, bs := parseStreamID(b)
	return am < bm || am == bm && as < bs
}

// nextStreamID returns the smallest ID after id.
func nextStreamID(id string) string {
	ms, seq := parseStreamID(id)
	if seq == ^uint64(0) {
		return strconv.FormatUint(ms+1, 10) + "-0"
	}
	return strconv.FormatUint(ms, 10) + "-" + strconv.FormatUint(seq+1, 10)
}
