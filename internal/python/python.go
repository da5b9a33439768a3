// Package python finds the python3 interpreter that tests and the emulator
// run gear scripts in, and checks scripts against the Python 3.7 grammar
// that RedisGears 1.x embeds.
package python

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// InstallHint tells a developer how to get python3 on Debian.
const InstallHint = "python3 not found on PATH: install it with `apt-get install -y python3` (or run .ci/run, which does); GoGears needs Python 3.8 or newer to check scripts against the 3.7 grammar"

// Path returns the python3 binary, or an error naming the install command.
// It also rejects interpreters too old to parse with feature_version. The
// answer is computed once per process: it costs a python3 start.
func Path() (string, error) { return findPath() }

var findPath = sync.OnceValues(func() (string, error) {
	p, err := exec.LookPath("python3")
	if err != nil {
		return "", fmt.Errorf("%s", InstallHint)
	}
	// Ask for the real interpreter: python3 on PATH may be a shim script
	// (pyenv) that costs a bash start on every call.
	// The executable goes last on its own line: its path may hold spaces.
	out, err := exec.Command(p, "-c", "import sys; print(sys.version_info[0] * 100 + sys.version_info[1]); print(sys.executable)").Output()
	if err != nil {
		return "", fmt.Errorf("python3 at %s does not run: %v; %s", p, err, InstallHint)
	}
	version, exe, _ := strings.Cut(strings.TrimRight(string(out), "\r\n"), "\n")
	v, err := strconv.Atoi(strings.TrimSpace(version))
	if err != nil {
		return "", fmt.Errorf("python3 at %s printed %q for its version; %s", p, out, InstallHint)
	}
	if exe != "" {
		p = exe
	}
	if v < 308 {
		return "", fmt.Errorf("python3 at %s is %d.%d; %s", p, v/100, v%100, InstallHint)
	}
	return p, nil
})

// checkProgram reads a JSON list of sources on stdin and prints a JSON list
// of error strings, "" for each source that parses as Python 3.7.
const checkProgram = `
import ast, json, sys
out = []
for src in json.load(sys.stdin):
    try:
        ast.parse(src, feature_version=(3, 7))
        out.append("")
    except SyntaxError as e:
        out.append("line %s: %s" % (e.lineno, e.msg))
json.dump(out, sys.stdout)
`

// Check37 parses each source under the Python 3.7 grammar in one python3
// process and returns one error per source, nil where it parses.
func Check37(sources []string) ([]error, error) {
	var res []string
	if err := RunJSON(checkProgram, sources, &res); err != nil {
		return nil, err
	}
	if len(res) != len(sources) {
		return nil, fmt.Errorf("python3 checked %d sources, want %d", len(res), len(sources))
	}
	errs := make([]error, len(res))
	for i, r := range res {
		if r != "" {
			errs[i] = fmt.Errorf("%s", r)
		}
	}
	return errs, nil
}

// RunJSON runs program in python3 with in encoded as JSON on stdin and
// decodes its stdout as JSON into out. Batching many cases into one call
// keeps tests fast: starting python3 costs tens of milliseconds.
func RunJSON(program string, in, out any) error {
	p, err := Path()
	if err != nil {
		return err
	}
	data, err := json.Marshal(in)
	if err != nil {
		return err
	}
	cmd := exec.Command(p, "-c", program)
	cmd.Stdin = bytes.NewReader(data)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("python3: %v\n%s", err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		return fmt.Errorf("python3 printed non-JSON output: %v\n%.2000s", err, stdout.String())
	}
	return nil
}
