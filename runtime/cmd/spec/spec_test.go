package spec_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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

// TestReplies checks that every reply kind has a name and, except None, a
// Go result type: cmdgen writes both into package cmd.
func TestReplies(t *testing.T) {
	rs := spec.Replies()
	if len(rs) == 0 || rs[0] != spec.None || rs[len(rs)-1] != spec.GeoPosList {
		t.Fatalf("Replies() = %v, want None through GeoPosList", rs)
	}
	for _, r := range rs {
		if r.String() == "" || (r.GoType() == "") != (r == spec.None) {
			t.Errorf("Reply(%d): String() = %q, GoType() = %q; want a name, and a Go type unless None", int(r), r.String(), r.GoType())
		}
	}
}
