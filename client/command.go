package client

// This file holds the typed replies of the RG.* commands and their parsers.
// Parsing is lenient: a field the parser does not know, or a known field
// with an unexpected type, is kept in the reply's Extra map, never an error.
// Only a reply whose overall shape is wrong gives ErrBadReply.

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// ModuleVersion is the RedisGears version from `MODULE LIST` (module `rg`,
// `ver` = major*10000 + minor*100 + patch).
type ModuleVersion struct {
	Major, Minor, Patch int
}

// AtLeast reports whether v is major.minor.patch or newer.
func (v ModuleVersion) AtLeast(major, minor, patch int) bool {
	return v.Raw() >= major*10000+minor*100+patch
}

// Raw returns the version as MODULE LIST encodes it, e.g. 10213.
func (v ModuleVersion) Raw() int { return v.Major*10000 + v.Minor*100 + v.Patch }

// String returns the version as "major.minor.patch".
func (v ModuleVersion) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

func versionFromRaw(n int64) ModuleVersion {
	return ModuleVersion{Major: int(n / 10000), Minor: int(n / 100 % 100), Patch: int(n % 100)}
}

// Results are the outcome of an execution's run(): the result records and
// the errors of the records that failed. A record is a string (the default
// convertToStr), an int64, a []any of records, nil, or a ResultError.
type Results struct {
	Values []any
	Errors []*GearError
}

// Strings returns the records that are strings, in order, and reports
// whether every record was one.
func (r *Results) Strings() ([]string, bool) { return stringsOf(r.Values) }

// Err returns a *RecordErrors when some records failed, else nil.
func (r *Results) Err() error {
	if len(r.Errors) == 0 {
		return nil
	}
	return &RecordErrors{Errors: r.Errors}
}

// ResultError is a result record that RedisGears 1.2 sent as an error
// reply: a string record starting with "-" (the "-" is removed on the wire).
type ResultError string

// Error returns the record text without its leading "-".
func (e ResultError) Error() string { return string(e) }

// ExecuteReply is the reply of RG.PYEXECUTE. ID is set for an UNBLOCKING
// run; Results for a blocking run. Both are empty when the script only
// registered gears or did neither (the server replied OK).
type ExecuteReply struct {
	ID      string
	Results *Results
}

// ExecutionStatus is the status of an execution in RG.DUMPEXECUTIONS and
// RG.GETEXECUTION.
type ExecutionStatus string

// Execution statuses of RedisGears 1.x.
const (
	StatusCreated            ExecutionStatus = "created"
	StatusRunning            ExecutionStatus = "running"
	StatusPendingReceive     ExecutionStatus = "pending_receive"
	StatusPendingRun         ExecutionStatus = "pending_run"
	StatusPendingCluster     ExecutionStatus = "pending_cluster"
	StatusPendingTermination ExecutionStatus = "pending_termination"
	StatusDone               ExecutionStatus = "done"
	StatusAborted            ExecutionStatus = "aborted"
)

// Finished reports whether the status is done or aborted.
func (s ExecutionStatus) Finished() bool { return s == StatusDone || s == StatusAborted }

// ExecutionInfo is one entry of RG.DUMPEXECUTIONS.
type ExecutionInfo struct {
	ID         string
	Status     ExecutionStatus
	Registered bool           // created by a registration rather than a run()
	Extra      map[string]any // fields this client does not know; or nil
}

// ExecutionPlan is the plan of one shard from RG.GETEXECUTION.
type ExecutionPlan struct {
	ShardID         string
	Status          ExecutionStatus
	ShardsReceived  int64
	ShardsCompleted int64
	Results         int64 // number of results; -1 while running
	Errors          []string
	TotalDuration   int64 // milliseconds
	ReadDuration    int64 // milliseconds
	Steps           []ExecutionStep
	Extra           map[string]any // fields this client does not know; or nil
}

// ExecutionStep is one step of an ExecutionPlan.
type ExecutionStep struct {
	Type     string
	Duration int64 // milliseconds
	Name     string
	Arg      string
	Extra    map[string]any // fields this client does not know; or nil
}

// Registration is one entry of RG.DUMPREGISTRATIONS.
type Registration struct {
	ID                  string
	Reader              string // "KeysReader", "StreamReader", "CommandReader"
	Desc                string // "" when the registration has none
	Data                RegistrationData
	PD                  string // the raw private data text (session, dependencies)
	Session             string // the session id found in PD; or ""
	ExecutionThreadPool string // RedisGears 1.2+; "" on 1.0
	Extra               map[string]any
}

// Trigger returns the trigger name of a CommandReader registration, or "".
func (r *Registration) Trigger() string {
	s, _ := r.Data.Args["trigger"].(string)
	return s
}

// RegistrationData is the RegistrationData of a registration. Fields that
// RedisGears 1.0 does not report are zero there.
type RegistrationData struct {
	Mode               string
	NumTriggered       int64
	NumSuccess         int64
	NumFailures        int64
	NumAborted         int64
	LastRunDurationMS  int64   // RedisGears 1.2+
	TotalRunDurationMS int64   // RedisGears 1.2+
	AvgRunDurationMS   float64 // RedisGears 1.2+; NaN before the first run
	LastEstimatedLagMS int64   // RedisGears 1.2+, stream registrations
	AvgEstimatedLagMS  float64 // RedisGears 1.2+, stream registrations
	LastError          string
	Args               map[string]any // reader arguments (regex, eventTypes, trigger, stream, status, ...)
	Extra              map[string]any
}

// ClusterInfo is the reply of RG.INFOCLUSTER in a cluster.
type ClusterInfo struct {
	MyID    string
	MyRunID string
	Shards  []ShardInfo
	Extra   map[string]any
}

// ShardInfo is one shard of a ClusterInfo.
type ShardInfo struct {
	ID              string
	IP              string
	Port            int64
	UnixSocket      string
	RunID           string
	MinHslot        int64
	MaxHslot        int64
	PendingMessages int64
	Extra           map[string]any
}

// Addr returns the shard's host:port.
func (s ShardInfo) Addr() string { return s.IP + ":" + strconv.FormatInt(s.Port, 10) }

// PyStats is the reply of RG.PYSTATS: Python allocator figures in bytes.
type PyStats struct {
	TotalAllocated int64
	PeakAllocated  int64
	CurrAllocated  int64
	Extra          map[string]any
}

// Requirement is one entry of RG.PYDUMPREQS.
type Requirement struct {
	GearReqVersion    int64
	Name              string
	IsDownloaded      bool
	IsInstalled       bool
	CompiledOs        string
	Wheels            []string // the wheel files; nil when the server sent a message instead
	WheelsMessage     string   // the server's text when it sent no list
	Path              string   // RedisGears 1.2+
	RefCount          int64    // RedisGears 1.2+
	IsInReqDictionary bool     // RedisGears 1.2+
	Extra             map[string]any
}

// ExportedRequirement is the reply of RG.PYEXPORTREQ: pass Chunks to
// PyImportReq on another server to install the same requirement offline.
type ExportedRequirement struct {
	Metadata any // the server's metadata reply, kept as sent
	Chunks   []string
}

// Session is one entry of RG.PYDUMPSESSIONS.
type Session struct {
	ID                            string
	Description                   string // "" when the session has none
	RefCount                      int64
	Linked                        string // "primary", "temprary" (sic) or "None"
	Dead                          bool
	RequirementInstallationNeeded bool
	Requirements                  []any
	Registrations                 []string       // registration ids (without VERBOSE)
	RegistrationDumps             []Registration // full registrations (with VERBOSE)
	Missing                       bool           // the server reported that the requested session does not exist
	Extra                         map[string]any
}

// ConfigValue is one entry of RG.CONFIGGET. Err is set (and Value nil) for
// an unsupported parameter.
type ConfigValue struct {
	Name  string
	Value any // string or int64
	Err   error
}

// ConfigSetResult is one entry of RG.CONFIGSET.
type ConfigSetResult struct {
	Name  string
	Extra bool // the key is not built in and went to the extra config dictionary
	Err   error
}

// Plugin is one entry of RG.DUMPPLUGINS.
type Plugin struct {
	Name    string
	Version int64
}

// ---------------------------------------------------------------------------
// Generic reply helpers.

// fields reads a flat [key, value, key, value, ...] array (or a RESP3 map).
// Known keys are consumed with the typed getters; the rest ends in extra().
type fields struct {
	vals  map[string]any
	order []string
	used  map[string]bool
}

func newFields(v any) (*fields, bool) {
	f := &fields{vals: map[string]any{}, used: map[string]bool{}}
	switch v := v.(type) {
	case []any:
		if len(v)%2 != 0 {
			return nil, false
		}
		for i := 0; i < len(v); i += 2 {
			k, ok := v[i].(string)
			if !ok {
				return nil, false
			}
			f.add(k, v[i+1])
		}
	case map[any]any:
		for k, val := range v {
			ks, ok := k.(string)
			if !ok {
				return nil, false
			}
			f.add(ks, val)
		}
		sort.Strings(f.order)
	default:
		return nil, false
	}
	return f, true
}

func (f *fields) add(k string, v any) {
	if _, dup := f.vals[k]; !dup {
		f.order = append(f.order, k)
	}
	f.vals[k] = v
}

func (f *fields) has(k string) bool { _, ok := f.vals[k]; return ok }

func (f *fields) str(k string) string {
	v, ok := f.vals[k]
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case string:
		f.used[k] = true
		return v
	case nil:
		f.used[k] = true
		return ""
	case int64:
		f.used[k] = true
		return strconv.FormatInt(v, 10)
	}
	return ""
}

func (f *fields) int(k string) int64 {
	v, ok := f.vals[k]
	if !ok {
		return 0
	}
	if n, ok := toInt(v); ok {
		f.used[k] = true
		return n
	}
	return 0
}

func (f *fields) float(k string) float64 {
	v, ok := f.vals[k]
	if !ok {
		return 0
	}
	if x, ok := toFloat(v); ok {
		f.used[k] = true
		return x
	}
	return 0
}

func (f *fields) bool(k string) bool {
	v, ok := f.vals[k]
	if !ok {
		return false
	}
	switch v := v.(type) {
	case int64:
		f.used[k] = true
		return v != 0
	case bool:
		f.used[k] = true
		return v
	case string:
		switch strings.ToLower(v) {
		case "1", "yes", "true":
			f.used[k] = true
			return true
		case "0", "no", "false", "":
			f.used[k] = true
			return false
		}
	}
	return false
}

func (f *fields) extra() map[string]any {
	var m map[string]any
	for _, k := range f.order {
		if f.used[k] {
			continue
		}
		if m == nil {
			m = map[string]any{}
		}
		m[k] = convertValue(f.vals[k])
	}
	return m
}

// all returns every field as a map, converting nested values.
func (f *fields) all() map[string]any {
	m := make(map[string]any, len(f.order))
	for _, k := range f.order {
		m[k] = convertValue(f.vals[k])
		f.used[k] = true
	}
	return m
}

func toInt(v any) (int64, bool) {
	switch v := v.(type) {
	case int64:
		return v, true
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		return n, err == nil
	case float64:
		return int64(v), v == math.Trunc(v)
	}
	return 0, false
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	case string:
		s := strings.ToLower(strings.TrimSpace(v))
		if strings.HasSuffix(s, "nan") {
			return math.NaN(), true
		}
		x, err := strconv.ParseFloat(s, 64)
		return x, err == nil
	}
	return 0, false
}

// convertValue turns nested error replies into ResultError and RESP3 maps
// into map[string]any, recursively. Arrays are converted in place: replies
// belong to the command that read them.
func convertValue(v any) any {
	switch v := v.(type) {
	case []any:
		for i, e := range v {
			switch e.(type) {
			case string, int64, nil:
			default:
				v[i] = convertValue(e)
			}
		}
		return v
	case redis.Error:
		return ResultError(v.Error())
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = convertValue(e)
		}
		return m
	}
	return v
}

func stringsOf(vals []any) ([]string, bool) {
	out := make([]string, 0, len(vals))
	all := true
	for _, v := range vals {
		if s, ok := v.(string); ok {
			out = append(out, s)
		} else {
			all = false
		}
	}
	return out, all
}

func isOK(v any) bool {
	s, ok := v.(string)
	return ok && strings.EqualFold(s, "OK")
}

// ---------------------------------------------------------------------------
// Parsers, one per reply shape.

// parseModuleList finds module "rg" in a MODULE LIST reply.
func parseModuleList(v any) (ModuleVersion, bool, error) {
	mods, ok := v.([]any)
	if !ok {
		return ModuleVersion{}, false, badReply("MODULE LIST", "reply is %T, want an array", v)
	}
	for _, m := range mods {
		f, ok := newFields(m)
		if !ok {
			continue
		}
		if strings.EqualFold(f.str("name"), "rg") {
			n, ok := toInt(f.vals["ver"])
			if !ok {
				return ModuleVersion{}, false, badReply("MODULE LIST", "module rg has version %v", f.vals["ver"])
			}
			return versionFromRaw(n), true, nil
		}
	}
	return ModuleVersion{}, false, nil
}

// parseResults reads a [results, errors] reply.
func parseResults(command string, v any) (*Results, error) {
	arr, ok := v.([]any)
	if !ok || len(arr) != 2 {
		return nil, badReply(command, "reply is %T of %d elements, want [results, errors]", v, lenOf(v))
	}
	vals, ok1 := arr[0].([]any)
	errs, ok2 := arr[1].([]any)
	if (!ok1 && arr[0] != nil) || (!ok2 && arr[1] != nil) {
		return nil, badReply(command, "results or errors is not an array")
	}
	r := &Results{Values: convertValue(vals).([]any)}
	for _, e := range errs {
		switch e := e.(type) {
		case string:
			r.Errors = append(r.Errors, recordError(command, e))
		case redis.Error:
			r.Errors = append(r.Errors, recordError(command, e.Error()))
		default:
			r.Errors = append(r.Errors, recordError(command, fmt.Sprint(e)))
		}
	}
	return r, nil
}

func lenOf(v any) int {
	if a, ok := v.([]any); ok {
		return len(a)
	}
	return 0
}

// parseValues reads the flat result array of RG.TRIGGER.
func parseValues(command string, v any) ([]any, error) {
	switch v := v.(type) {
	case []any:
		return convertValue(v).([]any), nil
	case nil:
		return nil, nil
	}
	return nil, badReply(command, "reply is %T, want an array", v)
}

func parseExecutions(v any) ([]ExecutionInfo, error) {
	arr, ok := v.([]any)
	if !ok && v != nil {
		return nil, badReply("RG.DUMPEXECUTIONS", "reply is %T, want an array", v)
	}
	out := make([]ExecutionInfo, 0, len(arr))
	for _, e := range arr {
		f, ok := newFields(e)
		if !ok {
			return nil, badReply("RG.DUMPEXECUTIONS", "entry is not a key/value array: %v", e)
		}
		out = append(out, ExecutionInfo{
			ID:         f.str("executionId"),
			Status:     ExecutionStatus(f.str("status")),
			Registered: f.bool("registered"),
			Extra:      f.extra(),
		})
	}
	return out, nil
}

func parseExecutionPlans(v any) ([]ExecutionPlan, error) {
	const cmd = "RG.GETEXECUTION"
	arr, ok := v.([]any)
	if !ok {
		return nil, badReply(cmd, "reply is %T, want an array", v)
	}
	out := make([]ExecutionPlan, 0, len(arr))
	for _, e := range arr {
		f, ok := newFields(e)
		if !ok {
			return nil, badReply(cmd, "shard entry is not a key/value array")
		}
		p, ok := newFields(f.vals["execution_plan"])
		if !ok {
			return nil, badReply(cmd, "execution_plan is not a key/value array")
		}
		f.used["execution_plan"] = true
		plan := ExecutionPlan{
			ShardID:         f.str("shard_id"),
			Status:          ExecutionStatus(p.str("status")),
			ShardsReceived:  p.int("shards_received"),
			ShardsCompleted: p.int("shards_completed"),
			Results:         p.int("results"),
			TotalDuration:   p.int("total_duration"),
			ReadDuration:    p.int("read_duration"),
		}
		if errs, ok := p.vals["errors"].([]any); ok {
			p.used["errors"] = true
			for _, x := range errs {
				plan.Errors = append(plan.Errors, fmt.Sprint(convertValue(x)))
			}
		}
		if steps, ok := p.vals["steps"].([]any); ok {
			p.used["steps"] = true
			for _, s := range steps {
				sf, ok := newFields(s)
				if !ok {
					return nil, badReply(cmd, "step is not a key/value array")
				}
				plan.Steps = append(plan.Steps, ExecutionStep{
					Type: sf.str("type"), Duration: sf.int("duration"),
					Name: sf.str("name"), Arg: sf.str("arg"), Extra: sf.extra(),
				})
			}
		}
		plan.Extra = mergeExtra(p.extra(), f.extra())
		out = append(out, plan)
	}
	return out, nil
}

func mergeExtra(a, b map[string]any) map[string]any {
	if a == nil {
		return b
	}
	for k, v := range b {
		a[k] = v
	}
	return a
}

var sessionRE = regexp.MustCompile(`'session(?:Name|Id)'\s*:\s*'([^']*)'`)

func parseRegistrations(v any) ([]Registration, error) {
	arr, ok := v.([]any)
	if !ok && v != nil {
		return nil, badReply("RG.DUMPREGISTRATIONS", "reply is %T, want an array", v)
	}
	out := make([]Registration, 0, len(arr))
	for _, e := range arr {
		r, err := parseRegistration(e)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func parseRegistration(e any) (Registration, error) {
	const cmd = "RG.DUMPREGISTRATIONS"
	f, ok := newFields(e)
	if !ok {
		return Registration{}, badReply(cmd, "entry is not a key/value array")
	}
	r := Registration{
		ID:                  f.str("id"),
		Reader:              f.str("reader"),
		Desc:                f.str("desc"),
		PD:                  f.str("PD"),
		ExecutionThreadPool: f.str("ExecutionThreadPool"),
	}
	if m := sessionRE.FindStringSubmatch(r.PD); m != nil {
		r.Session = m[1]
	}
	if f.has("RegistrationData") {
		d, ok := newFields(f.vals["RegistrationData"])
		if !ok {
			return Registration{}, badReply(cmd, "RegistrationData is not a key/value array")
		}
		f.used["RegistrationData"] = true
		r.Data = RegistrationData{
			Mode:               d.str("mode"),
			NumTriggered:       d.int("numTriggered"),
			NumSuccess:         d.int("numSuccess"),
			NumFailures:        d.int("numFailures"),
			NumAborted:         d.int("numAborted"),
			LastRunDurationMS:  d.int("lastRunDurationMS"),
			TotalRunDurationMS: d.int("totalRunDurationMS"),
			AvgRunDurationMS:   d.float("avgRunDurationMS"),
			LastEstimatedLagMS: d.int("lastEstimatedLagMS"),
			AvgEstimatedLagMS:  d.float("avgEstimatedLagMS"),
			LastError:          d.str("lastError"),
		}
		if a, ok := newFields(d.vals["args"]); ok {
			d.used["args"] = true
			r.Data.Args = a.all()
		}
		r.Data.Extra = d.extra()
	}
	r.Extra = f.extra()
	return r, nil
}

func parseClusterInfo(v any) (*ClusterInfo, error) {
	const cmd = "RG.INFOCLUSTER"
	switch v := v.(type) {
	case string:
		if strings.Contains(strings.ToLower(v), "no cluster") {
			return nil, nil
		}
		return nil, badReply(cmd, "unexpected text %q", v)
	case []any:
		ci := &ClusterInfo{}
		var kv []any
		for i := 0; i < len(v); i++ {
			if shards, ok := v[i].([]any); ok && i%2 == 0 {
				for _, s := range shards {
					sf, ok := newFields(s)
					if !ok {
						return nil, badReply(cmd, "shard entry is not a key/value array")
					}
					ci.Shards = append(ci.Shards, ShardInfo{
						ID: sf.str("id"), IP: sf.str("ip"), Port: sf.int("port"),
						UnixSocket: sf.str("unixSocket"), RunID: sf.str("runid"),
						MinHslot: sf.int("minHslot"), MaxHslot: sf.int("maxHslot"),
						PendingMessages: sf.int("pendingMessages"), Extra: sf.extra(),
					})
				}
				continue
			}
			if i+1 < len(v) {
				kv = append(kv, v[i], v[i+1])
				i++
			}
		}
		f, ok := newFields(kv)
		if !ok {
			return nil, badReply(cmd, "reply is not a key/value array")
		}
		ci.MyID = f.str("MyId")
		ci.MyRunID = f.str("MyRunId")
		ci.Extra = f.extra()
		return ci, nil
	}
	return nil, badReply(cmd, "reply is %T", v)
}

func parsePyStats(v any) (*PyStats, error) {
	f, ok := newFields(v)
	if !ok {
		return nil, badReply("RG.PYSTATS", "reply is not a key/value array")
	}
	return &PyStats{
		TotalAllocated: f.int("TotalAllocated"),
		PeakAllocated:  f.int("PeakAllocated"),
		CurrAllocated:  f.int("CurrAllocated"),
		Extra:          f.extra(),
	}, nil
}

func parseRequirements(v any) ([]Requirement, error) {
	arr, ok := v.([]any)
	if !ok && v != nil {
		return nil, badReply("RG.PYDUMPREQS", "reply is %T, want an array", v)
	}
	out := make([]Requirement, 0, len(arr))
	for _, e := range arr {
		f, ok := newFields(e)
		if !ok {
			return nil, badReply("RG.PYDUMPREQS", "entry is not a key/value array")
		}
		r := Requirement{
			GearReqVersion:    f.int("GearReqVersion"),
			Name:              f.str("Name"),
			IsDownloaded:      f.bool("IsDownloaded"),
			IsInstalled:       f.bool("IsInstalled"),
			CompiledOs:        f.str("CompiledOs"),
			Path:              f.str("Path"),
			RefCount:          f.int("RefCount"),
			IsInReqDictionary: f.bool("IsInReqDictionary"),
		}
		switch w := f.vals["Wheels"].(type) {
		case []any:
			f.used["Wheels"] = true
			r.Wheels, _ = stringsOf(w)
		case string:
			r.WheelsMessage = f.str("Wheels")
		}
		r.Extra = f.extra()
		out = append(out, r)
	}
	return out, nil
}

func parseExport(v any) (*ExportedRequirement, error) {
	arr, ok := v.([]any)
	if !ok || len(arr) != 2 {
		return nil, badReply("RG.PYEXPORTREQ", "reply is %T of %d elements, want [metadata, chunks]", v, lenOf(v))
	}
	chunks, ok := arr[1].([]any)
	if !ok {
		return nil, badReply("RG.PYEXPORTREQ", "chunks is %T, want an array", arr[1])
	}
	out := &ExportedRequirement{Metadata: convertValue(arr[0])}
	for _, c := range chunks {
		s, ok := c.(string)
		if !ok {
			return nil, badReply("RG.PYEXPORTREQ", "chunk is %T, want a string", c)
		}
		out.Chunks = append(out.Chunks, s)
	}
	return out, nil
}

var missingSessionRE = regexp.MustCompile(`(?i)^session (.*) does not exists?$`)

func parseSessions(v any) ([]Session, error) {
	const cmd = "RG.PYDUMPSESSIONS"
	arr, ok := v.([]any)
	if !ok && v != nil {
		return nil, badReply(cmd, "reply is %T, want an array", v)
	}
	out := make([]Session, 0, len(arr))
	for _, e := range arr {
		if s, ok := e.(string); ok {
			m := missingSessionRE.FindStringSubmatch(strings.TrimSpace(s))
			if m == nil {
				return nil, badReply(cmd, "unexpected entry %q", s)
			}
			out = append(out, Session{ID: m[1], Missing: true})
			continue
		}
		f, ok := newFields(e)
		if !ok {
			return nil, badReply(cmd, "entry is not a key/value array")
		}
		s := Session{
			ID:                            f.str("ID"),
			Description:                   f.str("sessionDescription"),
			RefCount:                      f.int("refCount"),
			Linked:                        f.str("linked"),
			Dead:                          f.bool("dead"),
			RequirementInstallationNeeded: f.bool("requirementInstallationNeeded"),
		}
		if reqs, ok := f.vals["requirements"].([]any); ok {
			f.used["requirements"] = true
			s.Requirements = convertValue(reqs).([]any)
		}
		if regs, ok := f.vals["registrations"].([]any); ok {
			f.used["registrations"] = true
			for _, r := range regs {
				if id, ok := r.(string); ok {
					s.Registrations = append(s.Registrations, id)
					continue
				}
				reg, err := parseRegistration(r)
				if err != nil {
					return nil, err
				}
				s.RegistrationDumps = append(s.RegistrationDumps, reg)
				s.Registrations = append(s.Registrations, reg.ID)
			}
		}
		s.Extra = f.extra()
		out = append(out, s)
	}
	return out, nil
}

func parseConfigGet(names []string, v any) ([]ConfigValue, error) {
	arr, ok := v.([]any)
	if !ok || len(arr) != len(names) {
		return nil, badReply("RG.CONFIGGET", "reply has %d entries for %d names", lenOf(v), len(names))
	}
	out := make([]ConfigValue, len(names))
	for i, x := range arr {
		out[i].Name = names[i]
		if e, ok := x.(redis.Error); ok {
			out[i].Err = serverError("RG.CONFIGGET", e.Error(), e)
			continue
		}
		out[i].Value = convertValue(x)
	}
	return out, nil
}

func parseConfigSet(names []string, v any) ([]ConfigSetResult, error) {
	arr, ok := v.([]any)
	if !ok || len(arr) != len(names) {
		return nil, badReply("RG.CONFIGSET", "reply has %d entries for %d names", lenOf(v), len(names))
	}
	out := make([]ConfigSetResult, len(names))
	for i, x := range arr {
		out[i].Name = names[i]
		switch x := x.(type) {
		case redis.Error:
			out[i].Err = serverError("RG.CONFIGSET", x.Error(), x)
		case string:
			if !strings.HasPrefix(strings.ToUpper(x), "OK") {
				out[i].Err = serverError("RG.CONFIGSET", x, nil)
			}
			out[i].Extra = strings.Contains(x, "extra config")
		default:
			out[i].Err = badReply("RG.CONFIGSET", "entry is %T", x)
		}
	}
	return out, nil
}

func parsePlugins(v any) ([]Plugin, error) {
	arr, ok := v.([]any)
	if !ok && v != nil {
		return nil, badReply("RG.DUMPPLUGINS", "reply is %T, want an array", v)
	}
	out := make([]Plugin, 0, len(arr))
	for _, e := range arr {
		p, ok := e.([]any)
		if !ok || len(p) < 2 {
			return nil, badReply("RG.DUMPPLUGINS", "entry is not a [name, version] pair")
		}
		name, _ := p[0].(string)
		ver, _ := toInt(p[1])
		out = append(out, Plugin{Name: name, Version: ver})
	}
	return out, nil
}
