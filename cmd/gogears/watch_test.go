package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/emulator"
)

// syncBuffer is a bytes.Buffer safe for the watcher and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

const echoGear = `package gears

import "github.com/gogears/gogears/dsl"

// Echo answers RG.TRIGGER echo with its arguments.
var Echo = dsl.Command().
	Map(func(args []string) string { return PREFIX + args[1] }).
	Register(dsl.Trigger("echo"))
`

func TestWatchRedeploysOnChange(t *testing.T) {
	dir := gearModule(t)
	gearFile := filepath.Join(dir, "echo.go")
	writeFile(t, gearFile, strings.Replace(echoGear, "PREFIX", `"v1 "`, 1))

	c := emulatorClient(t)
	stdout, stderr := startWatch(t, c, dir, nil)

	waitOutput(t, stdout, stderr, "Echo: installed")
	checkTrigger(t, c, "v1 x")

	writeFile(t, gearFile, strings.Replace(echoGear, "PREFIX", `"v2 "`, 1))
	waitOutput(t, stdout, stderr, "Echo: upgraded")
	checkTrigger(t, c, "v2 x")

	// Code that does not translate is reported; the deployed gear stays.
	writeFile(t, gearFile, strings.Replace(echoGear, "PREFIX", `func() string { go func() {}(); return "" }() + `, 1))
	waitOutput(t, stdout, stderr, "not deployed")
	checkTrigger(t, c, "v2 x")
}

// TestWatchFollowsImportedPackages checks that an edit to a module
// package the gear calls into redeploys the gear.
func TestWatchFollowsImportedPackages(t *testing.T) {
	dir := gearModule(t)
	helper := filepath.Join(dir, "words", "words.go")
	if err := os.MkdirAll(filepath.Dir(helper), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, helper, "package words\n\n// Prefix starts every answer.\nfunc Prefix() string { return \"h1 \" }\n")
	writeFile(t, filepath.Join(dir, "echo.go"), strings.Replace(strings.Replace(echoGear, "PREFIX", "words.Prefix()", 1),
		`import "github.com/gogears/gogears/dsl"`, "import (\n\t\"example.com/shop/words\"\n\n\t\"github.com/gogears/gogears/dsl\"\n)", 1))

	c := emulatorClient(t)
	stdout, stderr := startWatch(t, c, dir, nil)
	waitOutput(t, stdout, stderr, "Echo: installed")
	checkTrigger(t, c, "h1 x")

	writeFile(t, helper, "package words\n\n// Prefix starts every answer.\nfunc Prefix() string { return \"h2 \" }\n")
	waitOutput(t, stdout, stderr, "Echo: upgraded")
	checkTrigger(t, c, "h2 x")
}

// TestWatchRestoresOnFailedRename renames a gear to one that cannot
// deploy (its trigger belongs to another session): the old gear, removed
// first, must be deployed again.
func TestWatchRestoresOnFailedRename(t *testing.T) {
	dir := gearModule(t)
	gearFile := filepath.Join(dir, "echo.go")
	echo := strings.Replace(echoGear, "PREFIX", `"v1 "`, 1)
	writeFile(t, gearFile, echo)
	c := emulatorClient(t)
	if _, err := c.DeployScript(context.Background(), client.Script{ID: "foreign", Source: "GB('CommandReader').register(trigger='taken')"}); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := startWatch(t, c, dir, nil)
	waitOutput(t, stdout, stderr, "Echo: installed")
	outMark, errMark := len(stdout.String()), len(stderr.String())

	writeFile(t, gearFile, strings.NewReplacer("var Echo", "var Broken", `dsl.Trigger("echo")`, `dsl.Trigger("taken")`).Replace(echo))
	waitLines(t, stdout, stderr, outMark, errMark, []string{"Echo: removed", "Echo: restored"})
	if got := stderr.String()[errMark:]; !strings.HasPrefix(got, "Broken: ") {
		t.Errorf("stderr = %q, want the failed deploy of Broken", got)
	}
	checkTrigger(t, c, "v1 x")
}

// TestWatchRestoresOnFailedRenameBack renames a gear, then renames it
// back to a name whose deploy fails: the watch deployed the old name
// before, but it is not running, so the gear removed by this change must
// come back.
func TestWatchRestoresOnFailedRenameBack(t *testing.T) {
	dir := gearModule(t)
	gearFile := filepath.Join(dir, "echo.go")
	echo := strings.Replace(echoGear, "PREFIX", `"v1 "`, 1)
	writeFile(t, gearFile, echo)
	c := emulatorClient(t)
	if _, err := c.DeployScript(context.Background(), client.Script{ID: "foreign", Source: "GB('CommandReader').register(trigger='taken')"}); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := startWatch(t, c, dir, nil)
	waitOutput(t, stdout, stderr, "Echo: installed")
	outMark, errMark := len(stdout.String()), len(stderr.String())
	writeFile(t, gearFile, strings.Replace(echo, "var Echo", "var Echo2", 1))
	waitLines(t, stdout, stderr, outMark, errMark, []string{"Echo: removed", "Echo2: installed"})
	outMark, errMark = len(stdout.String()), len(stderr.String())
	writeFile(t, gearFile, strings.Replace(echo, `dsl.Trigger("echo")`, `dsl.Trigger("taken")`, 1))
	waitLines(t, stdout, stderr, outMark, errMark, []string{"Echo2: removed", "Echo2: restored"})
	checkTrigger(t, c, "v1 x")
}

// TestWatchKeepsDeletionOnFailedUpgrade deletes one gear and breaks the
// upgrade of another in the same change: no rename is involved, so the
// deleted gear stays deleted and the other keeps its last version.
func TestWatchKeepsDeletionOnFailedUpgrade(t *testing.T) {
	dir := gearModule(t)
	echoFile := filepath.Join(dir, "echo.go")
	otherFile := filepath.Join(dir, "other.go")
	echo := strings.Replace(echoGear, "PREFIX", `"v1 "`, 1)
	writeFile(t, echoFile, echo)
	writeFile(t, otherFile, strings.Replace(otherGear, "package shop", "package gears", 1))
	c := emulatorClient(t)
	if _, err := c.DeployScript(context.Background(), client.Script{ID: "foreign", Source: "GB('CommandReader').register(trigger='taken')"}); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := startWatch(t, c, dir, nil)
	waitLines(t, stdout, stderr, 0, 0, []string{"Echo: installed", "Other: installed"})
	outMark, errMark := len(stdout.String()), len(stderr.String())

	if err := os.Remove(otherFile); err != nil {
		t.Fatal(err)
	}
	writeFile(t, echoFile, strings.Replace(echo, `dsl.Trigger("echo")`, `dsl.Trigger("taken")`, 1))
	waitLines(t, stdout, stderr, outMark, errMark, []string{"Other: removed", "Echo: "})
	if got := stderr.String()[errMark:]; !strings.HasPrefix(got, "Echo: ") {
		t.Errorf("stderr = %q, want the failed upgrade of Echo", got)
	}
	checkTrigger(t, c, "v1 x")
	// One more change, so that the one above has printed all it would.
	writeFile(t, echoFile, strings.Replace(echo, `"v1 "`, `"v2 "`, 1))
	waitLines(t, stdout, stderr, outMark, errMark, []string{"Echo: upgraded"})
	if got := stdout.String()[outMark:]; strings.Contains(got, "restored") {
		t.Errorf("stdout = %q, want Other to stay removed", got)
	}
	checkTrigger(t, c, "v2 x")
}

// wordGear reads a parameter that otherGear does not declare.
const wordGear = `package shop

import "github.com/gogears/gogears/dsl"

// Word is what the echo trigger answers with.
var Word = dsl.Param("word", "none")

// VAR answers RG.TRIGGER echo with Word and its first argument.
var VAR = dsl.Command().
	Map(func(args []string) string { return PREFIX + Word.Get() + " " + args[1] }).
	Register(dsl.Trigger("echo"))
`

const otherGear = `package shop

import "github.com/gogears/gogears/dsl"

// Other answers RG.TRIGGER other.
var Other = dsl.Command().
	Map(func(args []string) string { return "other " + args[1] }).
	Register(dsl.Trigger("other"))
`

func wordSource(name, prefix string) string {
	return strings.NewReplacer("VAR", name, "PREFIX", strconv.Quote(prefix)).Replace(wordGear)
}

// otherJob is otherGear turned into a run job, which watch never deploys.
const otherJob = `package shop

import "github.com/gogears/gogears/dsl"

// Other lists key names.
var Other = dsl.KeysOnly("*").Run()
`

// TestWatchParamsAndRemovals edits one watched package step by step: the
// -param value must survive redeploys, and gears deleted or renamed in the
// source must leave the server while the others stay.
func TestWatchParamsAndRemovals(t *testing.T) {
	dir := gearModule(t)
	c := emulatorClient(t)
	session := func(name string) string { return client.SessionID("example.com/shop." + name) }
	steps := []struct {
		name     string
		files    map[string]string // file name -> content
		want     []string          // what the step prints, in order
		stderr   string            // what it prints on stderr, a substring; "" for nothing
		triggers map[string]string // trigger -> its record; "" when it must not exist
		sessions []string          // gear variables deployed after the step
	}{
		{
			name:     "first deploy binds the parameter where it is declared",
			files:    map[string]string{"echo.go": wordSource("Echo", "v1 "), "other.go": otherGear},
			want:     []string{"Echo: installed", "Other: installed", "watching"},
			triggers: map[string]string{"echo": "v1 hi x", "other": "other x"},
			sessions: []string{"Echo", "Other"},
		},
		{
			name:     "an edit redeploys with the same value",
			files:    map[string]string{"echo.go": wordSource("Echo", "v2 ")},
			want:     []string{"Echo: upgraded", "Other: unchanged"},
			triggers: map[string]string{"echo": "v2 hi x", "other": "other x"},
			sessions: []string{"Echo", "Other"},
		},
		{
			name:     "a deleted gear variable is removed, the others stay",
			files:    map[string]string{"other.go": "package shop\n"},
			want:     []string{"Other: removed", "Echo: unchanged"},
			triggers: map[string]string{"echo": "v2 hi x", "other": ""},
			sessions: []string{"Echo"},
		},
		{
			name:     "a renamed gear replaces the old session, same trigger",
			files:    map[string]string{"echo.go": wordSource("Renamed", "v2 ")},
			want:     []string{"Echo: removed", "Renamed: installed"},
			triggers: map[string]string{"echo": "v2 hi x", "other": ""},
			sessions: []string{"Renamed"},
		},
		{
			name:     "an edit that drops the parameter is not deployed",
			files:    map[string]string{"echo.go": strings.Replace(wordSource("Renamed", "v3 "), "Word.Get()", `"no word"`, 1)},
			want:     []string{"not deployed: declare the parameter again"},
			stderr:   ": -param word: the registrations declare no parameters",
			triggers: map[string]string{"echo": "v2 hi x"},
			sessions: []string{"Renamed"},
		},
		{
			name:     "reading it again deploys with the value",
			files:    map[string]string{"echo.go": wordSource("Renamed", "v3 ")},
			want:     []string{"Renamed: upgraded"},
			triggers: map[string]string{"echo": "v3 hi x"},
			sessions: []string{"Renamed"},
		},
		{
			name:     "a removed gear can come back",
			files:    map[string]string{"other.go": otherGear},
			want:     []string{"Renamed: unchanged", "Other: installed"},
			triggers: map[string]string{"echo": "v3 hi x", "other": "other x"},
			sessions: []string{"Other", "Renamed"},
		},
		{
			name:     "a registration that becomes a run job is removed",
			files:    map[string]string{"other.go": otherJob},
			want:     []string{"Other: removed", "Renamed: unchanged"},
			triggers: map[string]string{"echo": "v3 hi x", "other": ""},
			sessions: []string{"Renamed"},
		},
	}
	var stdout, stderr *syncBuffer
	for i, st := range steps {
		var outMark, errMark int
		if i > 0 {
			outMark, errMark = len(stdout.String()), len(stderr.String())
		}
		for name, content := range st.files {
			writeFile(t, filepath.Join(dir, name), content)
		}
		if i == 0 {
			stdout, stderr = startWatch(t, c, dir, paramFlags{{Name: "word", Value: "hi"}})
		}
		waitLines(t, stdout, stderr, outMark, errMark, st.want)
		if got := stderr.String()[errMark:]; !strings.Contains(got, st.stderr) || (st.stderr == "") != (got == "") {
			t.Errorf("%s: stderr = %q, want %q", st.name, got, st.stderr)
		}
		for trigger, want := range st.triggers {
			res, err := c.Trigger(context.Background(), trigger, "x")
			switch {
			case want == "" && !errors.Is(err, client.ErrTriggerNotFound):
				t.Errorf("%s: trigger %s = %v, %v; want ErrTriggerNotFound", st.name, trigger, res, err)
			case want != "" && (err != nil || len(res) != 1 || !strings.Contains(fmt.Sprint(res[0]), want)):
				t.Errorf("%s: trigger %s = %v, %v; want one record containing %q", st.name, trigger, res, err, want)
			}
		}
		var want []string
		for _, name := range st.sessions {
			want = append(want, session(name))
		}
		slices.Sort(want)
		if diff := cmp.Diff(want, sessionIDs(t, c)); diff != "" {
			t.Errorf("%s: sessions (-want +got):\n%s", st.name, diff)
		}
	}
}

// TestWatchRejectsUnknownParam checks that a -param no registration
// declares ends the watch before anything is deployed.
func TestWatchRejectsUnknownParam(t *testing.T) {
	dir := gearModule(t)
	writeFile(t, filepath.Join(dir, "echo.go"), wordSource("Echo", ""))
	writeFile(t, filepath.Join(dir, "other.go"), otherGear)
	c := emulatorClient(t)
	var stdout, stderr syncBuffer
	err := watch(context.Background(), &env{stdout: &stdout, stderr: &stderr, getenv: os.Getenv}, c, dir, time.Millisecond,
		paramFlags{{Name: "word", Value: "hi"}, {Name: "wrod", Value: "hi"}})
	want := dir + ": -param wrod: unknown parameter; the registrations declare word (Echo)"
	if err == nil || err.Error() != want {
		t.Errorf("watch -param wrod=hi = %v, want %s", err, want)
	}
	if out := stdout.String(); out != "" {
		t.Errorf("watch -param wrod=hi printed %q, want nothing", out)
	}
	if ids := sessionIDs(t, c); len(ids) != 0 {
		t.Errorf("sessions after a rejected -param = %v, want none", ids)
	}
}

func TestBindEach(t *testing.T) {
	header := func(params string) string {
		s := "# Code generated by gogears; DO NOT EDIT.\n# gogears:gear example.com/p.G\n"
		if params != "" {
			s += "# gogears:params " + params + "\n"
		}
		return s + "import json\nGG_PARAMS = {}\n"
	}
	names := []string{"Top", "Echo", "Plain"}
	scripts := []client.Script{{Source: header("limit,word")}, {Source: header("word")}, {Source: header("")}}
	bound := func(src, js string) string {
		return strings.Replace(src, "GG_PARAMS = {}", "GG_PARAMS = json.loads('"+js+"')", 1)
	}
	tests := []struct {
		name    string
		params  paramFlags
		use     []int    // the scripts bound, indexes in names and scripts
		want    []string // sources; nil when an error is wanted
		wantErr string
	}{
		{
			name: "no params", use: []int{0, 1, 2},
			want: []string{scripts[0].Source, scripts[1].Source, scripts[2].Source},
		},
		{
			name: "bound where declared", use: []int{0, 1, 2},
			params: paramFlags{{Name: "word", Value: "hi"}, {Name: "limit", Value: json.RawMessage("3")}},
			want:   []string{bound(scripts[0].Source, `{"limit":3,"word":"hi"}`), bound(scripts[1].Source, `{"word":"hi"}`), scripts[2].Source},
		},
		{
			name: "unknown name lists every declared one", use: []int{0, 1, 2},
			params:  paramFlags{{Name: "word", Value: "hi"}, {Name: "limt", Value: "3"}},
			wantErr: "gears: -param limt: unknown parameter; the registrations declare limit (Top), word (Top, Echo)",
		},
		{
			name: "nothing declared", use: []int{2},
			params:  paramFlags{{Name: "word", Value: "hi"}},
			wantErr: "gears: -param word: the registrations declare no parameters; only scripts generated from gears with dsl.Param take -param",
		},
		{
			name: "bound twice", use: []int{1},
			params:  paramFlags{{Name: "word", Value: "a"}, {Name: "word", Value: "b"}},
			wantErr: `Echo: client: dsl: parameter "word" bound twice (invalid argument)`,
		},
	}
	for _, tt := range tests {
		var ns []string
		var ss []client.Script
		for _, i := range tt.use {
			ns, ss = append(ns, names[i]), append(ss, scripts[i])
		}
		got, err := tt.params.bindEach("gears", ns, ss)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s: bindEach = %v, want error %s", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: bindEach: %v", tt.name, err)
			continue
		}
		var srcs []string
		for _, s := range got {
			srcs = append(srcs, s.Source)
		}
		if diff := cmp.Diff(tt.want, srcs); diff != "" {
			t.Errorf("%s: bindEach sources (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestRemoveGone checks removal on its own, with sessions deployed
// directly: what is printed, and what the watch still owns afterwards.
func TestRemoveGone(t *testing.T) {
	const twoRegs = "GB('CommandReader').register(trigger='t1')\nGB('CommandReader').register(trigger='t2')\n"
	tests := []struct {
		name       string
		deploy     []string // session ids on the server before
		owned      map[string]string
		live       []string // session ids still in the source
		down       bool     // the server is gone
		wantOut    string
		wantErr    string // substring of stderr
		wantOwned  []string
		wantServer []string
	}{
		{
			name: "gone gear", deploy: []string{"a", "b", "c"},
			owned: map[string]string{"a": "A", "b": "B"}, live: []string{"a"},
			wantOut: "B: removed\n", wantOwned: []string{"a"}, wantServer: []string{"a", "c"},
		},
		{
			name: "already gone from the server", deploy: []string{"a"},
			owned: map[string]string{"a": "A", "b": "B"}, live: []string{"a"},
			wantOut: "B: already removed\n", wantOwned: []string{"a"}, wantServer: []string{"a"},
		},
		{
			name: "server down", owned: map[string]string{"b": "B"}, down: true,
			wantErr: "B: not removed: ", wantOwned: []string{"b"},
		},
	}
	for _, tt := range tests {
		em := emulator.RunT(t)
		rdb := redis.NewClient(&redis.Options{Addr: em.Addr(), MaxRetries: -1})
		c := client.New(rdb)
		for _, id := range tt.deploy {
			if _, err := c.DeployScript(context.Background(), client.Script{ID: id, Source: strings.ReplaceAll(twoRegs, "trigger='t", "trigger='"+id)}); err != nil {
				t.Fatalf("%s: deploy %s: %v", tt.name, id, err)
			}
		}
		if tt.down {
			em.Close()
		}
		var stdout, stderr syncBuffer
		w := &watcher{e: &env{stdout: &stdout, stderr: &stderr, getenv: os.Getenv}, c: c, deployed: tt.owned}
		var live []client.Script
		for _, id := range tt.live {
			live = append(live, client.Script{ID: id})
		}
		w.removeGone(context.Background(), live)
		if got := stdout.String(); got != tt.wantOut {
			t.Errorf("%s: removeGone printed %q, want %q", tt.name, got, tt.wantOut)
		}
		if got := stderr.String(); (tt.wantErr == "") != (got == "") || !strings.Contains(got, tt.wantErr) {
			t.Errorf("%s: removeGone stderr = %q, want %q", tt.name, got, tt.wantErr)
		}
		if diff := cmp.Diff(tt.wantOwned, slices.Sorted(maps.Keys(w.deployed))); diff != "" {
			t.Errorf("%s: sessions still owned (-want +got):\n%s", tt.name, diff)
		}
		if !tt.down {
			if diff := cmp.Diff(tt.wantServer, sessionIDs(t, c)); diff != "" {
				t.Errorf("%s: sessions on the server (-want +got):\n%s", tt.name, diff)
			}
		}
		rdb.Close()
	}
}

// gearModule returns a fresh module example.com/shop, built against this
// checkout, for gear sources in its root.
func gearModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/shop\n\ngo 1.27\n\nrequire github.com/gogears/gogears v0.0.0\n")
	if out, err := exec.Command("go", "-C", dir, "mod", "edit", "-replace=github.com/gogears/gogears="+root).CombinedOutput(); err != nil {
		t.Fatalf("go mod edit: %v\n%s", err, out)
	}
	return dir
}

// emulatorClient starts an emulator for the test and returns a client of it.
func emulatorClient(t *testing.T) *client.Client {
	t.Helper()
	em := emulator.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: em.Addr()})
	t.Cleanup(func() { rdb.Close() })
	return client.New(rdb)
}

// startWatch runs watch on dir until the test ends, which must find it
// still running.
func startWatch(t *testing.T, c *client.Client, dir string, params paramFlags) (stdout, stderr *syncBuffer) {
	t.Helper()
	stdout, stderr = new(syncBuffer), new(syncBuffer)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- watch(ctx, &env{stdout: stdout, stderr: stderr, getenv: os.Getenv}, c, dir, 20*time.Millisecond, params)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("watch returned %v", err)
		}
	})
	return stdout, stderr
}

// sessionIDs returns the ids of the sessions on the server, sorted.
func sessionIDs(t *testing.T, c *client.Client) []string {
	t.Helper()
	sessions, err := c.PyDumpSessions(context.Background(), nil)
	if err != nil {
		t.Fatalf("RG.PYDUMPSESSIONS: %v", err)
	}
	var ids []string
	for _, s := range sessions {
		ids = append(ids, s.ID)
	}
	slices.Sort(ids)
	return ids
}

// writeFile replaces path by renaming a complete file over it, so that a
// watcher never reads it half written.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// waitOutput polls until the watcher printed want. Each step loads and
// type-checks a module with go/packages, which takes many seconds on a
// loaded 2-core machine: the deadline only bounds a hang.
func waitOutput(t *testing.T, stdout, stderr *syncBuffer, want string) {
	t.Helper()
	waitLines(t, stdout, stderr, 0, 0, []string{want})
}

// waitLines polls, as waitOutput does, until the watcher printed the want
// lines in order, on stdout from outMark or on stderr from errMark.
func waitLines(t *testing.T, stdout, stderr *syncBuffer, outMark, errMark int, want []string) {
	t.Helper()
	printed := func() string { return stdout.String()[outMark:] + stderr.String()[errMark:] }
	deadline := time.Now().Add(2 * time.Minute)
	for !containsInOrder(printed(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("watch never printed %q\nstdout:\n%s\nstderr:\n%s", want, stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// containsInOrder reports whether s has the lines that start with each of
// prefixes, in that order.
func containsInOrder(s string, prefixes []string) bool {
	lines := strings.Split(s, "\n")
	for _, p := range prefixes {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, p) })
		if i < 0 {
			return false
		}
		lines = lines[i+1:]
	}
	return true
}

func checkTrigger(t *testing.T, c *client.Client, want string) {
	t.Helper()
	res, err := c.Trigger(context.Background(), "echo", "x")
	if err != nil {
		t.Fatalf("trigger echo: %v", err)
	}
	if len(res) != 1 || !strings.Contains(res[0].(string), want) {
		t.Errorf("trigger echo = %v, want one record containing %q", res, want)
	}
}
