package client

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The replies below follow the shapes of the RedisGears reference
// (../shared/reference/redisgears-1x.md §9), as go-redis decodes them.

const shard0 = "0000000000000000000000000000000000000000"

var cmpOpts = []cmp.Option{cmpopts.EquateNaNs(), cmpopts.EquateEmpty()}

func TestParseModuleList(t *testing.T) {
	tests := []struct {
		name  string
		reply any
		want  ModuleVersion
		found bool
	}{
		{"1.2.13 RESP2", moduleList(10213), ModuleVersion{1, 2, 13}, true},
		{"1.0.9 RESP2", moduleList(10009), ModuleVersion{1, 0, 9}, true},
		{"RESP3 map", []any{map[any]any{"name": "rg", "ver": int64(10205), "path": "x", "args": []any{}}}, ModuleVersion{1, 2, 5}, true},
		{"no rg", []any{[]any{"name", "ReJSON", "ver", int64(20000)}}, ModuleVersion{}, false},
		{"none", []any{}, ModuleVersion{}, false},
	}
	for _, tt := range tests {
		got, found, err := parseModuleList(tt.reply)
		if err != nil || found != tt.found || got != tt.want {
			t.Errorf("parseModuleList(%s) = %v, %v, %v; want %v, %v", tt.name, got, found, err, tt.want, tt.found)
		}
	}
	if v := (ModuleVersion{1, 2, 4}); !v.AtLeast(1, 2, 4) || v.AtLeast(1, 2, 5) || v.String() != "1.2.4" {
		t.Errorf("ModuleVersion{1,2,4}: AtLeast/String wrong")
	}
}

func TestParseResults(t *testing.T) {
	tb := `['Traceback (most recent call last):\n', '  File "<string>", line 1, in <lambda>\n', "ValueError: can't\n"]`
	tests := []struct {
		name   string
		reply  any
		values []any
		errs   []string // Type: Message of each record error
	}{
		{"1.0 strings", []any{[]any{"a", "{'key': 'x'}"}, []any{}}, []any{"a", "{'key': 'x'}"}, nil},
		{"1.2 convertToStr=False mixed", []any{[]any{int64(3), "2.500000", []any{"x", int64(1)}, replyErr("5")}, []any{}},
			[]any{int64(3), "2.500000", []any{"x", int64(1)}, ResultError("5")}, nil},
		{"with record errors", []any{[]any{"ok"}, []any{tb, "Error type: <class 'KeyError'>, Value: 'k'", "flat message"}},
			[]any{"ok"}, []string{"ValueError: can't", "KeyError: 'k'", ": flat message"}},
		{"empty", []any{[]any{}, []any{}}, []any{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseResults("RG.GETRESULTS", tt.reply)
			if err != nil {
				t.Fatalf("parseResults: %v", err)
			}
			if diff := cmp.Diff(tt.values, got.Values, cmpOpts...); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
			var errs []string
			for _, e := range got.Errors {
				errs = append(errs, e.Type+": "+e.Message)
				if e.Script {
					t.Errorf("record error %v marked as script error", e)
				}
			}
			if diff := cmp.Diff(tt.errs, errs, cmpOpts...); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if (got.Err() != nil) != (len(tt.errs) > 0) {
				t.Errorf("Err() = %v with %d errors", got.Err(), len(tt.errs))
			}
		})
	}
	for _, bad := range []any{"OK", []any{"a"}, []any{"a", "b"}} {
		if _, err := parseResults("RG.GETRESULTS", bad); !errors.Is(err, ErrBadReply) {
			t.Errorf("parseResults(%v) = %v, want ErrBadReply", bad, err)
		}
	}
}

func TestParseExecuteReply(t *testing.T) {
	tests := []struct {
		name  string
		reply any
		want  *ExecuteReply
	}{
		{"register only", "OK", &ExecuteReply{}},
		{"unblocking", shard0 + "-7", &ExecuteReply{ID: shard0 + "-7"}},
		{"blocking run", []any{[]any{"1"}, []any{}}, &ExecuteReply{Results: &Results{Values: []any{"1"}}}},
	}
	for _, tt := range tests {
		got, err := parseExecuteReply(tt.reply)
		if err != nil {
			t.Fatalf("parseExecuteReply(%s): %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, got, cmpOpts...); diff != "" {
			t.Errorf("parseExecuteReply(%s) (-want +got):\n%s", tt.name, diff)
		}
	}
	// 1.2: a registration that failed on some shards.
	_, err := parseExecuteReply([]any{replyErr("trigger already registered"), replyErr("trigger already registered")})
	if err == nil || errors.Is(err, ErrBadReply) {
		t.Errorf("parseExecuteReply(shard errors) = %v, want the shards' errors", err)
	}
}

func TestParseExecutions(t *testing.T) {
	reply := []any{
		[]any{"executionId", shard0 + "-1", "status", "done", "registered", int64(0)},
		[]any{"executionId", shard0 + "-2", "status", "running", "registered", int64(1), "futureField", "x"},
	}
	want := []ExecutionInfo{
		{ID: shard0 + "-1", Status: StatusDone},
		{ID: shard0 + "-2", Status: StatusRunning, Registered: true, Extra: map[string]any{"futureField": "x"}},
	}
	got, err := parseExecutions(reply)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("parseExecutions (-want +got):\n%s", diff)
	}
	if !StatusDone.Finished() || StatusRunning.Finished() {
		t.Errorf("Finished wrong")
	}
}

func TestParseExecutionPlans(t *testing.T) {
	reply := []any{[]any{"shard_id", shard0, "execution_plan", []any{
		"status", "done", "shards_received", int64(0), "shards_completed", int64(0), "results", int64(2),
		"errors", []any{"boom"}, "total_duration", int64(5), "read_duration", int64(1),
		"steps", []any{
			[]any{"type", "MapStep", "duration", int64(2), "name", "<lambda>", "arg", "<function <lambda> at 0x7f>"},
			[]any{"type", "CollectStep", "duration", int64(0), "name", "", "arg", "", "newStepField", int64(9)},
		},
		"planField", "kept",
	}}}
	want := []ExecutionPlan{{
		ShardID: shard0, Status: StatusDone, Results: 2, Errors: []string{"boom"}, TotalDuration: 5, ReadDuration: 1,
		Steps: []ExecutionStep{
			{Type: "MapStep", Duration: 2, Name: "<lambda>", Arg: "<function <lambda> at 0x7f>"},
			{Type: "CollectStep", Extra: map[string]any{"newStepField": int64(9)}},
		},
		Extra: map[string]any{"planField": "kept"},
	}}
	got, err := parseExecutionPlans(reply)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("parseExecutionPlans (-want +got):\n%s", diff)
	}
}

func TestParseRegistrations(t *testing.T) {
	// RedisGears 1.0: 10 elements, no duration stats, PD with sessionId.
	reg10 := []any{"id", shard0 + "-1", "reader", "KeysReader", "desc", nil,
		"RegistrationData", []any{"mode", "async", "numTriggered", int64(4), "numSuccess", int64(3), "numFailures", int64(1),
			"numAborted", int64(0), "lastError", "KeyError: 'x'",
			"args", []any{"regex", "user:*", "eventTypes", nil, "keyTypes", nil}},
		"PD", "{'sessionId':'" + shard0 + "-0', 'depsList':[]}"}
	// RedisGears 1.2: ExecutionThreadPool, durations (avg as "-nan"), hookCommands.
	reg12 := []any{"id", shard0 + "-3", "reader", "CommandReader", "desc", "counts orders",
		"RegistrationData", []any{"mode", "async_local", "numTriggered", int64(0), "numSuccess", int64(0), "numFailures", int64(0),
			"numAborted", int64(0), "lastRunDurationMS", int64(0), "totalRunDurationMS", int64(0), "avgRunDurationMS", "-nan",
			"lastError", nil, "args", []any{"trigger", "CountOrders", "inorder", int64(0)}},
		"PD", "{'sessionName':'orders', 'sessionDescription':'gogears', 'refCount': 1, 'linkedTo': primary, 'dead': false, 'isInstallationNeeded':0, 'registrationsList':['x'], 'depsList':[]}",
		"ExecutionThreadPool", "DefaultPool"}
	// A stream registration of 1.2 with lag stats, status and an unknown field.
	reg12s := []any{"id", shard0 + "-4", "reader", "StreamReader", "desc", nil,
		"RegistrationData", []any{"mode", "async", "numTriggered", int64(2), "numSuccess", int64(2), "numFailures", int64(0),
			"numAborted", int64(0), "lastRunDurationMS", int64(3), "totalRunDurationMS", int64(6), "avgRunDurationMS", "3.000000",
			"lastEstimatedLagMS", int64(7), "avgEstimatedLagMS", "6.5",
			"lastError", nil, "args", []any{"batchSize", int64(1), "durationMS", int64(0), "stream", "s*", "trimStream", int64(1),
				"onFailedPolicy", "continue", "retryInterval", int64(1), "status", "OK"},
			"someNewStat", int64(11)},
		"PD", "{}", "ExecutionThreadPool", "DefaultPool", "newTopField", "v"}
	want := []Registration{
		{ID: shard0 + "-1", Reader: "KeysReader", PD: "{'sessionId':'" + shard0 + "-0', 'depsList':[]}", Session: shard0 + "-0",
			Data: RegistrationData{Mode: "async", NumTriggered: 4, NumSuccess: 3, NumFailures: 1, LastError: "KeyError: 'x'",
				Args: map[string]any{"regex": "user:*", "eventTypes": nil, "keyTypes": nil}}},
		{ID: shard0 + "-3", Reader: "CommandReader", Desc: "counts orders", PD: reg12[9].(string), Session: "orders",
			ExecutionThreadPool: "DefaultPool",
			Data: RegistrationData{Mode: "async_local", AvgRunDurationMS: math.NaN(),
				Args: map[string]any{"trigger": "CountOrders", "inorder": int64(0)}}},
		{ID: shard0 + "-4", Reader: "StreamReader", PD: "{}", ExecutionThreadPool: "DefaultPool",
			Data: RegistrationData{Mode: "async", NumTriggered: 2, NumSuccess: 2, LastRunDurationMS: 3, TotalRunDurationMS: 6,
				AvgRunDurationMS: 3, LastEstimatedLagMS: 7, AvgEstimatedLagMS: 6.5,
				Args: map[string]any{"batchSize": int64(1), "durationMS": int64(0), "stream": "s*", "trimStream": int64(1),
					"onFailedPolicy": "continue", "retryInterval": int64(1), "status": "OK"},
				Extra: map[string]any{"someNewStat": int64(11)}},
			Extra: map[string]any{"newTopField": "v"}},
	}
	got, err := parseRegistrations([]any{reg10, reg12, reg12s})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("parseRegistrations (-want +got):\n%s", diff)
	}
	if got[1].Trigger() != "CountOrders" || got[0].Trigger() != "" {
		t.Errorf("Trigger() = %q, %q", got[1].Trigger(), got[0].Trigger())
	}
}

func TestParseClusterInfo(t *testing.T) {
	got, err := parseClusterInfo("no cluster mode")
	if err != nil || got != nil {
		t.Errorf("parseClusterInfo(standalone) = %v, %v; want nil, nil", got, err)
	}
	reply := []any{"MyId", "aaa", "MyRunId", "run1", []any{
		[]any{"id", "aaa", "ip", "127.0.0.1", "port", int64(30001), "unixSocket", "None", "runid", "run1",
			"minHslot", int64(0), "maxHslot", int64(5460), "pendingMessages", int64(0)},
		[]any{"id", "bbb", "ip", "127.0.0.1", "port", int64(30002), "unixSocket", "None", "runid", "run2",
			"minHslot", int64(5461), "maxHslot", int64(10922), "pendingMessages", int64(2), "extraShardField", "x"},
	}}
	want := &ClusterInfo{MyID: "aaa", MyRunID: "run1", Shards: []ShardInfo{
		{ID: "aaa", IP: "127.0.0.1", Port: 30001, UnixSocket: "None", RunID: "run1", MaxHslot: 5460},
		{ID: "bbb", IP: "127.0.0.1", Port: 30002, UnixSocket: "None", RunID: "run2", MinHslot: 5461, MaxHslot: 10922,
			PendingMessages: 2, Extra: map[string]any{"extraShardField": "x"}},
	}}
	got, err = parseClusterInfo(reply)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("parseClusterInfo (-want +got):\n%s", diff)
	}
	if a := got.Shards[1].Addr(); a != "127.0.0.1:30002" {
		t.Errorf("Addr() = %q", a)
	}
}

func TestParsePyStats(t *testing.T) {
	got, err := parsePyStats([]any{"TotalAllocated", int64(10), "PeakAllocated", int64(8), "CurrAllocated", int64(4)})
	want := &PyStats{TotalAllocated: 10, PeakAllocated: 8, CurrAllocated: 4}
	if err != nil || !cmp.Equal(want, got, cmpOpts...) {
		t.Errorf("parsePyStats = %+v, %v; want %+v", got, err, want)
	}
}

func TestParseRequirements(t *testing.T) {
	reply := []any{
		// 1.0: fewer fields.
		[]any{"GearReqVersion", int64(1), "Name", "numpy", "IsDownloaded", "yes", "IsInstalled", "yes", "CompiledOs", "linux-buster-x64",
			"Wheels", []any{"numpy-1.0-cp37.whl"}},
		// 1.2: all fields; wheels as a message.
		[]any{"GearReqVersion", int64(1), "Name", "rq", "IsDownloaded", "no", "IsInstalled", "no", "CompiledOs", "linux-jammy-x64",
			"Wheels", "no wheels", "Path", "/var/opt/rq", "RefCount", int64(2), "IsInReqDictionary", "yes"},
	}
	want := []Requirement{
		{GearReqVersion: 1, Name: "numpy", IsDownloaded: true, IsInstalled: true, CompiledOs: "linux-buster-x64", Wheels: []string{"numpy-1.0-cp37.whl"}},
		{GearReqVersion: 1, Name: "rq", CompiledOs: "linux-jammy-x64", WheelsMessage: "no wheels", Path: "/var/opt/rq", RefCount: 2, IsInReqDictionary: true},
	}
	got, err := parseRequirements(reply)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("parseRequirements (-want +got):\n%s", diff)
	}
	exp, err := parseExport([]any{[]any{"Name", "rq"}, []any{"chunk1", "chunk2"}})
	if err != nil || !cmp.Equal(exp.Chunks, []string{"chunk1", "chunk2"}) {
		t.Errorf("parseExport = %+v, %v", exp, err)
	}
}

func TestParseSessions(t *testing.T) {
	reply := []any{
		[]any{"ID", "orders", "sessionDescription", "gogears sha256=abc", "refCount", int64(1), "linked", "primary", "dead", "false",
			"requirementInstallationNeeded", int64(0), "requirements", []any{}, "registrations", []any{shard0 + "-5"}},
		[]any{"ID", "verbose", "sessionDescription", nil, "refCount", int64(2), "linked", "None", "dead", "true",
			"requirementInstallationNeeded", int64(1), "requirements", []any{"rq"},
			"registrations", []any{[]any{"id", shard0 + "-6", "reader", "KeysReader", "desc", nil, "RegistrationData", []any{"mode", "async"}, "PD", "{}"}}},
		"Session nope does not exists",
	}
	want := []Session{
		{ID: "orders", Description: "gogears sha256=abc", RefCount: 1, Linked: "primary", Registrations: []string{shard0 + "-5"}},
		{ID: "verbose", RefCount: 2, Linked: "None", Dead: true, RequirementInstallationNeeded: true, Requirements: []any{"rq"},
			Registrations:     []string{shard0 + "-6"},
			RegistrationDumps: []Registration{{ID: shard0 + "-6", Reader: "KeysReader", PD: "{}", Data: RegistrationData{Mode: "async"}}}},
		{ID: "nope", Missing: true},
	}
	got, err := parseSessions(reply)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("parseSessions (-want +got):\n%s", diff)
	}
}

func TestParseConfig(t *testing.T) {
	got, err := parseConfigGet([]string{"MaxExecutions", "Nope"}, []any{int64(1000), replyErr("Unsupported config parameter: Nope")})
	if err != nil || got[0].Value != int64(1000) || got[1].Err == nil || got[1].Value != nil {
		t.Errorf("parseConfigGet = %+v, %v", got, err)
	}
	set, err := parseConfigSet([]string{"MaxExecutions", "custom", "ExecutionThreads"},
		[]any{"OK", "OK - value was saved in extra config dictionary", replyErr("Can not set ExecutionThreads at runtime")})
	if err != nil || set[0].Err != nil || set[0].Extra || !set[1].Extra || set[2].Err == nil {
		t.Errorf("parseConfigSet = %+v, %v", set, err)
	}
	c, _ := newCaptured(t, 10213, func([]any) (any, error) { return []any{"OK", replyErr("bad")}, nil })
	res, err := c.ConfigSet(context.Background(), map[string]string{"a": "1", "b": "2"})
	if err == nil || len(res) != 2 {
		t.Errorf("ConfigSet with a failed entry = %v, %v; want both results and an error", res, err)
	}
}

func TestParsePlugins(t *testing.T) {
	got, err := parsePlugins([]any{[]any{"GearsPythonPlugin", int64(10213)}, []any{"GearsJVMPlugin", int64(10213)}})
	want := []Plugin{{"GearsPythonPlugin", 10213}, {"GearsJVMPlugin", 10213}}
	if err != nil || !cmp.Equal(want, got) {
		t.Errorf("parsePlugins = %v, %v; want %v", got, err, want)
	}
}

func TestParseValues(t *testing.T) {
	got, err := parseValues("RG.TRIGGER", []any{"a", int64(1), replyErr("3")})
	want := []any{"a", int64(1), ResultError("3")}
	if err != nil || !cmp.Equal(want, got) {
		t.Errorf("parseValues = %v, %v; want %v", got, err, want)
	}
}
