package spec_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gogears/gogears/internal/python"
	"github.com/gogears/gogears/runtime/cmd/spec"
)

func TestTable(t *testing.T) {
	if n := len(spec.Commands); n < 100 {
		t.Errorf("len(Commands) = %d, want at least 100", n)
	}
	blocking := []string{"BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH", "BZPOPMIN", "BZPOPMAX", "BLOCK", "WAIT"}
	for _, c := range spec.Commands {
		if _, err := c.Tokens(); err != nil {
			t.Errorf("%s.Tokens() = %v", c.Func, err)
		}
		for _, b := range blocking {
			if strings.Contains(" "+c.Syntax+" ", " "+b+" ") {
				t.Errorf("%s uses blocking %s; gears cannot block", c.Func, b)
			}
		}
		if c.Doc == "" || c.Group == "" || c.Reply.GoType() == "" && c.Reply != spec.None {
			t.Errorf("%s: missing doc, group or reply", c.Func)
		}
	}
}

func TestLookup(t *testing.T) {
	c, ok := spec.Lookup("HGet")
	if !ok || c.Syntax != "HGET key field" || c.Reply != spec.StrNil {
		t.Errorf("Lookup(HGet) = %+v, %v", c, ok)
	}
	if _, ok := spec.Lookup("BLPop"); ok {
		t.Errorf("Lookup(BLPop) found a blocking command")
	}
}

func TestTokens(t *testing.T) {
	c := spec.Command{Func: "X", Syntax: "ZUNIONSTORE dst n:int f:float ~ #keys keys..."}
	got, err := c.Tokens()
	want := []spec.Token{{Literal: "ZUNIONSTORE"}, {Name: "dst", Type: "string"}, {Name: "n", Type: "int64"}, {Name: "f", Type: "float64"},
		{Literal: "~"}, {Name: "keys", Type: "int64", Count: true}, {Name: "keys", Type: "...string"}}
	if err != nil || !cmp.Equal(want, got) {
		t.Errorf("Tokens() = %v, %v; diff:\n%s", got, err, cmp.Diff(want, got))
	}
	for _, bad := range []string{"key GET", "GET a... b", "GET a:bool"} {
		if _, err := (spec.Command{Func: "B", Syntax: bad}).Tokens(); err == nil {
			t.Errorf("Tokens(%q) succeeded, want an error", bad)
		}
	}
}

// TestPythonHelpers runs every reply kind's Python helper under python3 on
// raw replies shaped as RedisGears execute() returns them, and checks the
// result is the JSON of the Go result.
func TestPythonHelpers(t *testing.T) {
	var defs []string
	for _, r := range spec.Replies() {
		defs = append(defs, r.PyDef())
	}
	errs, err := python.Check37(defs)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		if e != nil {
			t.Errorf("%s helper does not parse as Python 3.7: %v", spec.Replies()[i], e)
		}
	}
	type pyCase struct {
		Helper string   `json:"helper"`
		Raw    any      `json:"raw"`
		Names  []string `json:"names"`
	}
	tests := []struct {
		kind  spec.Reply
		raw   any
		names []string
		want  string
	}{
		{spec.None, "OK", nil, `null`},
		{spec.Int, 5, nil, `5`},
		{spec.Bool, 0, nil, `false`},
		{spec.OK, nil, nil, `false`},
		{spec.OK, "OK", nil, `true`},
		{spec.Str, nil, nil, `""`},
		{spec.StrNil, nil, nil, `["",false]`},
		{spec.StrNil, "x", nil, `["x",true]`},
		{spec.IntNil, 3, nil, `[3,true]`},
		{spec.Float, "1.5", nil, `1.5`},
		{spec.FloatNil, nil, nil, `[0.0,false]`},
		{spec.Strs, []any{"a", nil}, nil, `["a",""]`},
		{spec.Bools, []any{1, 0}, nil, `[true,false]`},
		{spec.StrMap, []any{"a", "1", "b", "2"}, nil, `{"a":"1","b":"2"}`},
		{spec.ZipMap, []any{"1", nil}, []string{"a", "b"}, `{"a":"1"}`},
		{spec.ScanPage, []any{"17", []any{"k"}}, nil, `[["k"],17]`},
		{spec.ZScores, []any{"a", "1.5"}, nil, `[{"Member":"a","Score":1.5}]`},
		{spec.XMessages, []any{[]any{"1-1", []any{"f", "v"}}}, nil, `[{"ID":"1-1","Values":{"f":"v"}}]`},
		{spec.XStreams, nil, nil, `[]`},
		{spec.XStreams, []any{[]any{"s", []any{[]any{"1-1", []any{"f", "v"}}}}}, nil, `[{"Messages":[{"ID":"1-1","Values":{"f":"v"}}],"Stream":"s"}]`},
		{spec.GeoPosList, []any{[]any{"1.5", "2.5"}, nil}, nil,
			`[{"Latitude":2.5,"Longitude":1.5,"Valid":true},{"Latitude":0.0,"Longitude":0.0,"Valid":false}]`},
	}
	var in []pyCase
	for _, tt := range tests {
		in = append(in, pyCase{tt.kind.PyHelper(), tt.raw, tt.names})
	}
	prog := strings.Join(defs, "\n") + `
import json, sys
out = []
for c in json.load(sys.stdin):
    f = globals()[c['helper']]
    r = f(c['raw'], c['names']) if c['helper'] == 'gg_zip_map' else f(c['raw'])
    out.append(json.dumps(r, separators=(',', ':'), sort_keys=True))
json.dump(out, sys.stdout)
`
	var got []string
	if err := python.RunJSON(prog, in, &got); err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		if got[i] != tt.want {
			t.Errorf("%s(%v) = %s, want %s", tt.kind.PyHelper(), tt.raw, got[i], tt.want)
		}
		var v any
		if err := json.Unmarshal([]byte(got[i]), &v); err != nil {
			t.Errorf("%s output is not JSON: %v", tt.kind, err)
		}
	}
}
