package emulator

import "strings"

// This file emulates atomic(): every store command, from a client or a
// gear, holds the store lock shared; a gear's `with atomic():` block holds
// it exclusively, so no other client or gear command runs inside the
// block. Commands from the block's own execution, and from sync
// executions it triggers, pass through. Blocking commands (BLPOP, XREAD
// BLOCK...) never take the lock, so they cannot stall an atomic block.

// lockShared takes the store lock shared for one command of execID (""
// for a client) and returns its release.
func (e *Emulator) lockShared(execID string) func() {
	if execID != "" {
		e.ownMu.Lock()
		own := e.owners[execID]
		e.ownMu.Unlock()
		if own {
			return func() {}
		}
	}
	e.atomicMu.RLock()
	return e.atomicMu.RUnlock
}

// atomicBegin starts execID's atomic block.
func (e *Emulator) atomicBegin(execID string) {
	e.atomicMu.Lock()
	e.ownMu.Lock()
	e.owners = map[string]bool{execID: true}
	e.atomicHeld = true
	e.ownMu.Unlock()
}

// atomicEnd ends execID's atomic block, if it holds one.
func (e *Emulator) atomicEnd(execID string) {
	e.ownMu.Lock()
	held := e.atomicHeld && e.owners[execID]
	if held {
		e.owners, e.atomicHeld = nil, false
	}
	e.ownMu.Unlock()
	if held {
		e.atomicMu.Unlock()
	}
}

// atomicReset releases a block whose owner vanished (the worker died).
func (e *Emulator) atomicReset() {
	e.ownMu.Lock()
	held := e.atomicHeld
	e.owners, e.atomicHeld = nil, false
	e.ownMu.Unlock()
	if held {
		e.atomicMu.Unlock()
	}
}

// inheritOwner lets a sync execution started by an atomic block's
// commands run inside that block.
func (e *Emulator) inheritOwner(origin, child string) {
	if origin == "" {
		return
	}
	e.ownMu.Lock()
	if e.atomicHeld && e.owners[origin] {
		e.owners[child] = true
	}
	e.ownMu.Unlock()
}

// blockingCommand reports whether a command may block in the store.
func blockingCommand(name string, args [][]byte) bool {
	switch name {
	case "blpop", "brpop", "brpoplpush", "blmove", "blmpop", "bzpopmin", "bzpopmax", "bzmpop", "wait", "waitaof":
		return true
	case "xread", "xreadgroup":
		for _, a := range args {
			if strings.EqualFold(string(a), "BLOCK") {
				return true
			}
		}
	}
	return false
}
