package emulator

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// This file keeps sessions (RG.PYEXECUTE ID ...) and installs REQUIREMENTS
// with pip into the worker's private site directory.

// session is one script that made registrations.
type session struct {
	id, desc     string
	script       string
	requirements []string
	regs         []string // registration ids, in creation order
	made         []string // the ids of every registration the script made, unregistered or not
}

var reqMu sync.Mutex

// installRequirements pip-installs reqs into the worker's site directory.
// Without network access pip fails and so does the script, as on
// RedisGears.
func (e *Emulator) installRequirements(reqs []string, force bool) error {
	reqMu.Lock()
	defer reqMu.Unlock()
	site := filepath.Join(e.worker.dir, "site")
	args := []string{"-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "--target", site}
	if force {
		args = append(args, "--upgrade", "--force-reinstall")
	}
	args = append(args, reqs...)
	cmd := exec.Command(e.worker.python, args...)
	done := make(chan error, 1)
	var out []byte
	go func() {
		var err error
		out, err = cmd.CombinedOutput()
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("pip install %s: %v: %s", strings.Join(reqs, " "), err, out)
		}
	case <-time.After(120 * time.Second):
		killProcess(cmd)
		return fmt.Errorf("pip install %s: timed out", strings.Join(reqs, " "))
	}
	e.mu.Lock()
	for _, r := range reqs {
		e.reqs[r] = true
	}
	e.mu.Unlock()
	return nil
}

func jsonUnmarshal(raw json.RawMessage, v any) error { return json.Unmarshal(raw, v) }
