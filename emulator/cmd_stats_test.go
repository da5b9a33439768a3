package emulator

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStatsCommands(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB('CommandReader').register(trigger='t')", "ID", "s", "DESCRIPTION", "d")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"RG.PYDUMPREQS"}, "*0\r\n"},
		{[]string{"RG.DUMPPLUGINS"}, "*1\r\n*2\r\n$17\r\nGearsPythonPlugin\r\n:10213\r\n"},
		{[]string{"RG.PYDUMPSESSIONS"}, "*1\r\n*16\r\n$2\r\nID\r\n$1\r\ns\r\n$18\r\nsessionDescription\r\n$1\r\nd\r\n$8\r\nrefCount\r\n:2\r\n$6\r\nlinked\r\n$7\r\nprimary\r\n$4\r\ndead\r\n$5\r\nfalse\r\n$29\r\nrequirementInstallationNeeded\r\n:0\r\n$12\r\nrequirements\r\n*0\r\n$13\r\nregistrations\r\n*1\r\n$42\r\n" + strings.Repeat("0", 40) + "-1\r\n"},
		{[]string{"RG.PYPROFILE", "STATS", "nope"}, "-session does not exists\r\n"},
		{[]string{"RG.PYPROFILE", "RESET", "s"}, "+OK\r\n"},
		{[]string{"RG.PYPROFILE", "BAD", "s"}, "-Wrong subcommand given to RG.PYPROFILE\r\n"},
		{[]string{"RG.PYEXPORTREQ", "numpy"}, "-requirement does not exists\r\n"},
		{[]string{"RG.PYIMPORTREQ", "junk"}, "-Failed deserialize requirement\r\n"},
	}
	for _, tt := range tests {
		if got := r.do(tt.args...); got != tt.want {
			t.Errorf("%q = %q, want %q", tt.args, got, tt.want)
		}
	}
	if got := r.do("RG.PYDUMPSESSIONS", "VERBOSE"); !strings.Contains(got, "RegistrationData") {
		t.Errorf("RG.PYDUMPSESSIONS VERBOSE = %q, want full registration dumps", got)
	}
}

// TestPyStats checks RG.PYSTATS: RedisGears' reply shape, with the
// worker's resident memory, or with tracemalloc tracing the bytes Python
// holds now and at peak.
func TestPyStats(t *testing.T) {
	_, c := runOverRedis(t)
	const mb = 1 << 20
	stats := func() (total, peak, cur int64) {
		t.Helper()
		got, ok := mustDo(t, c, "RG.PYSTATS").([]any)
		if !ok || len(got) != 6 {
			t.Fatalf("RG.PYSTATS = %v, want 6 elements", got)
		}
		var n [3]int64
		for i, k := range []string{"TotalAllocated", "PeakAllocated", "CurrAllocated"} {
			if got[2*i] != k {
				t.Errorf("RG.PYSTATS[%d] = %v, want %s", 2*i, got[2*i], k)
			}
			n[i], _ = got[2*i+1].(int64)
		}
		return n[0], n[1], n[2]
	}
	// The worker's resident set: a python3 process holds a few MB at least.
	if total, peak, cur := stats(); total != 0 || cur < mb || peak < cur {
		t.Errorf("RG.PYSTATS untraced = %d, %d, %d; want 0, peak >= current >= 1 MB", total, peak, cur)
	}
	mustDo(t, c, "RG.PYEXECUTE", "import sys, tracemalloc\ntracemalloc.start()\nsys._gg_keep = bytearray(20 << 20)")
	if total, peak, cur := stats(); total != 0 || cur < 20*mb || peak < cur {
		t.Errorf("RG.PYSTATS tracing, holding 20 MB = %d, %d, %d; want 0, peak >= current >= 20 MB", total, peak, cur)
	}
	mustDo(t, c, "RG.PYEXECUTE", "import sys\ndel sys._gg_keep")
	if total, peak, cur := stats(); total != 0 || cur >= 20*mb || peak < 20*mb {
		t.Errorf("RG.PYSTATS tracing, 20 MB freed = %d, %d, %d; want 0, peak >= 20 MB > current", total, peak, cur)
	}
	mustDo(t, c, "RG.PYEXECUTE", "import tracemalloc\ntracemalloc.stop()")
}

// TestRequirementsOffline checks that a requirement pip cannot install fails
// with the RedisGears error text.
func TestRequirementsOffline(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	got := r.do("RG.PYEXECUTE", "x = 1", "REQUIREMENTS", "/nonexistent/gogears-missing-wheel.whl")
	if got != "-Could not satisfy requirements, look at the log file for more information.\r\n" {
		t.Errorf("RG.PYEXECUTE with an impossible requirement = %q", got)
	}
}

// TestRequirementsLocalWheel installs a requirement from a local wheel
// (no network needed) and imports it from a gear.
func TestRequirementsLocalWheel(t *testing.T) {
	whl := writeWheel(t, "gogearsdemo", "VALUE = 'from wheel'\n")
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	got := r.do("RG.PYEXECUTE", "import gogearsdemo\nGB('ShardsIDReader').map(lambda x: gogearsdemo.VALUE).run()", "REQUIREMENTS", whl)
	if want := "*2\r\n*1\r\n$10\r\nfrom wheel\r\n*0\r\n"; got != want {
		t.Fatalf("RG.PYEXECUTE with a wheel requirement = %q, want %q", got, want)
	}
	if got := r.do("RG.PYDUMPREQS"); !strings.Contains(got, "gogearsdemo") {
		t.Errorf("RG.PYDUMPREQS = %q, want the requirement listed", got)
	}
}

// writeWheel builds a minimal pure-Python wheel holding module name.
func writeWheel(t *testing.T, name, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+"-1.0-py3-none-any.whl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z := zip.NewWriter(f)
	info := name + "-1.0.dist-info/"
	files := []struct{ name, body string }{
		{name + "/__init__.py", src},
		{info + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n"},
		{info + "WHEEL", "Wheel-Version: 1.0\nGenerator: gogears-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"},
	}
	var record strings.Builder
	for _, fl := range files {
		w, _ := z.Create(fl.name)
		w.Write([]byte(fl.body))
		record.WriteString(fl.name + ",,\n")
	}
	record.WriteString(info + "RECORD,,\n")
	w, _ := z.Create(info + "RECORD")
	w.Write([]byte(record.String()))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPyProfile profiles a session's callbacks with ProfileExecutions on:
// RG.PYPROFILE STATS prints cProfile statistics naming the gear's
// functions; with nothing profiled (before, or after RESET) pstats fails,
// as on RedisGears.
func TestPyProfile(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	script := "def gogears_step(a):\n    return sum(range(1000))\nGB('CommandReader').map(gogears_step).register(trigger='p')"
	r.do("RG.PYEXECUTE", script, "ID", "prof")
	if got := r.do("RG.PYPROFILE", "STATS", "prof"); !strings.Contains(got, "Cannot create or construct") {
		t.Errorf("RG.PYPROFILE STATS before profiling = %q, want the pstats error", got)
	}
	r.do("RG.CONFIGSET", "ProfileExecutions", "1")
	r.do("RG.TRIGGER", "p")
	r.do("RG.TRIGGER", "p")
	got := r.do("RG.PYPROFILE", "STATS", "prof")
	for _, want := range []string{"function calls", "Ordered by: internal time", "gogears_step", "was called by..."} {
		if !strings.Contains(got, want) {
			t.Errorf("RG.PYPROFILE STATS = %q, want it to contain %q", got, want)
		}
	}
	if got := r.do("RG.PYPROFILE", "RESET", "prof"); got != "+OK\r\n" {
		t.Errorf("RG.PYPROFILE RESET = %q, want OK", got)
	}
	if got := r.do("RG.PYPROFILE", "STATS", "prof"); !strings.Contains(got, "Cannot create or construct") {
		t.Errorf("RG.PYPROFILE STATS after RESET = %q, want the pstats error", got)
	}
	if got := r.do("RG.PYPROFILE", "RESET", "prof", "x"); !strings.HasPrefix(got, "-ERR wrong number of arguments") {
		t.Errorf("RG.PYPROFILE RESET with two ids = %q, want an arity error", got)
	}
	// A session that is upgraded, or loses its last registration, starts
	// over: the old one's statistics are freed.
	for _, end := range [][]string{{"RG.PYEXECUTE", script, "ID", "prof", "UPGRADE"}, {"RG.UNREGISTER", "<reg>"}} {
		r.do("RG.TRIGGER", "p")
		if end[0] == "RG.UNREGISTER" {
			v, _, _ := parseReply([]byte(r.do("RG.DUMPREGISTRATIONS")))
			end[1] = registrationID(t, v)
		}
		if got := r.do(end...); got != "+OK\r\n" {
			t.Fatalf("%q = %q, want OK", end, got)
		}
		r.do("RG.PYEXECUTE", script, "ID", "prof", "UPGRADE")
		if got := r.do("RG.PYPROFILE", "STATS", "prof"); !strings.Contains(got, "Cannot create or construct") {
			t.Errorf("RG.PYPROFILE STATS after %s = %q, want the pstats error", end[0], got)
		}
	}
}

// registrationID returns the id of the only registration in the reply v
// of RG.DUMPREGISTRATIONS.
func registrationID(t *testing.T, v any) string {
	t.Helper()
	regs, _ := v.([]any)
	if len(regs) != 1 {
		t.Fatalf("RG.DUMPREGISTRATIONS = %v, want one registration", v)
	}
	fields, _ := regs[0].([]any)
	for i := 0; i+1 < len(fields); i += 2 {
		if string(asBytes(fields[i])) == "id" {
			return string(asBytes(fields[i+1]))
		}
	}
	t.Fatalf("RG.DUMPREGISTRATIONS = %v, want an id field", v)
	return ""
}

// python312 returns a python3 of version 3.12 or later, where cProfile
// allows one profiler per process: $GOGEARS_TEST_PYTHON312, or the first
// pyenv install of 3.12+; or "".
func python312() string {
	if p := os.Getenv("GOGEARS_TEST_PYTHON312"); p != "" {
		return p
	}
	root := os.Getenv("PYENV_ROOT")
	if root == "" {
		home, _ := os.UserHomeDir()
		root = filepath.Join(home, ".pyenv")
	}
	for _, pattern := range []string{"3.1[2-9]*", "3.[2-9][0-9]*"} {
		if ms, _ := filepath.Glob(filepath.Join(root, "versions", pattern, "bin", "python3")); len(ms) > 0 {
			return ms[0]
		}
	}
	return ""
}

// TestPyProfileConcurrent profiles executions that run at the same time:
// on Python 3.12+ only one profiler may be on, and the others must run
// their callbacks unprofiled rather than fail with "Another profiling tool
// is already active". The default python3 runs the same test.
func TestPyProfileConcurrent(t *testing.T) {
	for _, tt := range []struct{ name, py string }{{"python3", ""}, {"python3.12+", python312()}} {
		t.Run(tt.name, func(t *testing.T) {
			py := tt.py
			if tt.name != "python3" && py == "" {
				t.Skip("no Python 3.12+ found: set GOGEARS_TEST_PYTHON312 to one (pyenv install 3.12)")
			}
			e, c := runWithClient(t, Options{Python: py})
			mustDo(t, c, "RG.CONFIGSET", "ProfileExecutions", "1")
			script := "import time\ndef slow(a):\n    time.sleep(0.3)\n    return a[1]\nGB('CommandReader').map(slow).register(trigger='pp', mode='async_local')"
			mustDo(t, c, "RG.PYEXECUTE", script, "ID", "s1")
			var wg sync.WaitGroup
			for i := range 3 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					arg := fmt.Sprint(i)
					got, err := c.Do(t.Context(), "RG.TRIGGER", "pp", arg).Result()
					if diff := cmp.Diff([]any{arg}, got); err != nil || diff != "" {
						t.Errorf("RG.TRIGGER pp %s = %v, %v; want [%s]", arg, got, err, arg)
					}
				}()
			}
			wg.Wait()
			if got := dialRaw(t, e.Addr()).do("RG.PYPROFILE", "STATS", "s1"); !strings.Contains(got, "slow") {
				t.Errorf("RG.PYPROFILE STATS s1 = %q, want it to name slow", got)
			}
		})
	}
}
