package emulator

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// This file keeps registrations across restarts of the emulator when
// Options.StateFile names a file. RedisGears saves its sessions in the
// RDB and loads them on start; the emulator saves each session (the
// script that made registrations, its options and registration ids) in
// a JSON file, rewritten whenever a session is added, upgraded, replaced
// or loses a registration, and runs the scripts again on start with the
// same ids, as it does when the python worker restarts.

// stateVersion is the format of the state file; a file of another
// version is refused rather than misread.
const stateVersion = 1

// stateFile is the content of Options.StateFile.
type stateFile struct {
	Version  int            `json:"version"`
	Seq      int64          `json:"seq"` // the last id handed out, so new ids do not repeat saved ones
	Sessions []stateSession `json:"sessions"`
}

// stateSession is one saved session.
type stateSession struct {
	ID           string   `json:"id"`
	Description  string   `json:"description,omitempty"`
	Script       string   `json:"script"`
	Requirements []string `json:"requirements,omitempty"`
	// Made are the ids of every registration the script made, in the
	// order it made them; Live are those not unregistered since.
	Made []string `json:"made"`
	Live []string `json:"live"`
}

// stateMu serialises writes of the state file.
var stateMu sync.Mutex

// saveState writes the sessions to Options.StateFile, if set: a new file
// renamed over the old one, so a crash never leaves half a file. A
// failure is logged: the registration it would record already exists.
func (e *Emulator) saveState() {
	if err := e.writeState(); err != nil {
		e.log.Error("save registrations", "file", e.opts.StateFile, "err", err)
	}
}

func (e *Emulator) writeState() error {
	if e.opts.StateFile == "" {
		return nil
	}
	stateMu.Lock()
	defer stateMu.Unlock()
	st := stateFile{Version: stateVersion, Seq: e.seq.Load(), Sessions: []stateSession{}}
	e.mu.Lock()
	for _, s := range e.sessions {
		// Copies: RG.UNREGISTER edits regs in place once e.mu is released.
		st.Sessions = append(st.Sessions, stateSession{ID: s.id, Description: s.desc, Script: s.script,
			Requirements: s.requirements, Made: slices.Clone(s.made), Live: slices.Clone(s.regs)})
	}
	// Sessions load in the order they were made, which their first
	// registration ids (<shard>-<n>) keep.
	slices.SortFunc(st.Sessions, func(a, b stateSession) int { return cmp.Compare(idSeq(a.Made), idSeq(b.Made)) })
	e.mu.Unlock()
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(e.opts.StateFile), filepath.Base(e.opts.StateFile)+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil { // on disk before it replaces the old file
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), e.opts.StateFile); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// idSeq returns the sequence number of the first of ids, <shard>-<n>.
func idSeq(ids []string) int64 {
	if len(ids) == 0 {
		return 0
	}
	_, n, _ := strings.Cut(ids[0], "-")
	seq, _ := strconv.ParseInt(n, 10, 64)
	return seq
}

// ErrBadState is returned by Run when Options.StateFile cannot be read
// back: the file is not one the emulator wrote, or a saved session's
// script fails to run again.
var ErrBadState = errors.New("cannot restore registrations")

// loadState runs again the sessions saved in Options.StateFile, with
// their registration ids, then rewrites the file (which checks early
// that it can be written). A missing file is a fresh start.
func (e *Emulator) loadState() error {
	path := e.opts.StateFile
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return e.firstWrite()
	}
	if err != nil {
		return fmt.Errorf("read the state file: %w", err)
	}
	var st stateFile
	if err := json.Unmarshal(data, &st); err != nil {
		return fmt.Errorf("%w from %s: %v; fix the file or remove it to start without registrations", ErrBadState, path, err)
	}
	if st.Version != stateVersion {
		return fmt.Errorf("%w from %s: version %d, want %d; remove the file to start without registrations", ErrBadState, path, st.Version, stateVersion)
	}
	// New ids must follow every saved one, even if seq was edited.
	seq := st.Seq
	for _, s := range st.Sessions {
		for _, id := range slices.Concat(s.Made, s.Live) {
			seq = max(seq, idSeq([]string{id}))
		}
	}
	if seq > e.seq.Load() {
		e.seq.Store(seq)
	}
	for _, s := range st.Sessions {
		if err := e.restoreSession(s); err != nil {
			return fmt.Errorf("%w from %s: session %s: %v; fix its script in the file or remove the session", ErrBadState, path, s.ID, err)
		}
	}
	return e.firstWrite()
}

// firstWrite writes the state file when Run starts, so that a path the
// emulator cannot write fails Run rather than every later save.
func (e *Emulator) firstWrite() error {
	if err := e.writeState(); err != nil {
		return fmt.Errorf("write the state file: %w; give it a path in a writable directory", err)
	}
	return nil
}

// restoreSession runs a saved session's script with its registration
// ids and installs the registrations still live; those unregistered
// since are dropped from the worker again.
func (e *Emulator) restoreSession(s stateSession) error {
	if len(s.Live) == 0 {
		return nil
	}
	if len(s.Made) == 0 {
		return errors.New("live registrations but no \"made\" ids to give them")
	}
	if len(s.Requirements) > 0 {
		if err := e.installRequirements(s.Requirements, false); err != nil {
			return err
		}
	}
	r, err := e.worker.request(&frame{Op: "script", Script: s.Script, Session: s.ID, Reload: s.Made})
	if err != nil {
		return err
	}
	if r.Error != nil {
		return errors.New(*r.Error)
	}
	descs, err := parseRegs(r.Regs)
	if err != nil {
		return err
	}
	sess := &session{id: s.ID, desc: s.Description, script: s.Script, requirements: s.Requirements, made: s.Made}
	var gone []string
	for _, d := range descs {
		if !slices.Contains(s.Live, d.ID) {
			gone = append(gone, d.ID)
			continue
		}
		sess.regs = append(sess.regs, d.ID)
	}
	if len(sess.regs) != len(s.Live) {
		e.worker.send(&frame{Op: "unregister", Regs: mustJSON(descIDs(descs))})
		return fmt.Errorf("the script made registrations %v, want %v", descIDs(descs), s.Live)
	}
	e.mu.Lock()
	e.sessions[s.ID] = sess
	e.mu.Unlock()
	for _, d := range descs {
		if slices.Contains(s.Live, d.ID) {
			e.addRegistration(d, s.ID)
		}
	}
	if len(gone) > 0 {
		e.worker.send(&frame{Op: "unregister", Regs: mustJSON(gone)})
	}
	return nil
}

// descIDs returns the ids of descs.
func descIDs(descs []regDesc) []string {
	ids := make([]string, len(descs))
	for i, d := range descs {
		ids[i] = d.ID
	}
	return ids
}
