// Package spec is the command table behind package cmd: for each typed
// Redis command, its Go name, its Redis syntax, its reply kind and a doc
// line. The cmd package is generated from it (go generate in runtime/cmd),
// and the transpiler reads it to turn a cmd call into
// execute('CMD', args...) plus the reply kind's Python conversion.
package spec

import (
	"fmt"
	"strings"
)

// Command is one typed Redis command.
type Command struct {
	// Func is the Go function name in package cmd, such as "HGet".
	Func string
	// Syntax is the Redis command line template. Upper-case tokens (and
	// "~") are literal words; the first is the command name (two words for
	// container commands such as "XGROUP CREATE"). Other tokens are Go
	// parameters, in order: "name" is a string, "name:int" an int64,
	// "name:float" a float64, a final "name..." a variadic ...string, and
	// "#name" inserts len(name) of the variadic parameter.
	Syntax string
	// Reply is the reply kind: the Go result type and its conversion.
	Reply Reply
	// Group is the Redis command group, such as "hash".
	Group string
	// Doc is the doc sentence after "<Func> ", such as "returns the value
	// of field in the hash at key".
	Doc string
}

// Lookup returns the command whose Go function name is name.
func Lookup(name string) (Command, bool) {
	for _, c := range Commands {
		if c.Func == name {
			return c, true
		}
	}
	return Command{}, false
}

// Token is one parsed Syntax token.
type Token struct {
	// Literal is the literal word, or "" for a parameter.
	Literal string
	// Name is the parameter name.
	Name string
	// Type is the Go type: "string", "int64", "float64", or "...string".
	Type string
	// Count reports whether the token inserts len(Name) of the variadic.
	Count bool
}

// Tokens parses the Syntax.
func (c Command) Tokens() ([]Token, error) {
	var out []Token
	fields := strings.Fields(c.Syntax)
	for i, f := range fields {
		switch {
		case f == "~" || f == strings.ToUpper(f) && !strings.ContainsAny(f, ":.#"):
			out = append(out, Token{Literal: f})
		case strings.HasPrefix(f, "#"):
			out = append(out, Token{Name: f[1:], Type: "int64", Count: true})
		case strings.HasSuffix(f, "..."):
			if i != len(fields)-1 {
				return nil, fmt.Errorf("%s: variadic %s must be last", c.Func, f)
			}
			out = append(out, Token{Name: strings.TrimSuffix(f, "..."), Type: "...string"})
		default:
			name, typ, _ := strings.Cut(f, ":")
			switch typ {
			case "":
				typ = "string"
			case "int":
				typ = "int64"
			case "float":
				typ = "float64"
			default:
				return nil, fmt.Errorf("%s: unknown type in %s", c.Func, f)
			}
			out = append(out, Token{Name: name, Type: typ})
		}
	}
	if len(out) == 0 || out[0].Literal == "" {
		return nil, fmt.Errorf("%s: syntax must start with the command name", c.Func)
	}
	return out, nil
}

// Reply is a reply kind: how a raw reply (as RedisGears execute returns it)
// becomes the Go result.
type Reply int

// The reply kinds. GoType gives each one's Go result, PyHelper the name of
// the Python function converting the raw reply, and PyDef its definition.
const (
	None       Reply = iota + 1 // no result; the reply (OK) is dropped
	Int                         // int64
	Bool                        // bool: integer reply != 0
	OK                          // bool: "OK" reply true, nil reply false
	Str                         // string; nil reads as ""
	StrNil                      // (string, bool): false for a nil reply
	IntNil                      // (int64, bool): false for a nil reply
	Float                       // float64 parsed from a bulk string
	FloatNil                    // (float64, bool): false for a nil reply
	Strs                        // []string; nil elements read as ""
	Bools                       // []bool from an array of integers
	StrMap                      // map[string]string from a flat field/value array
	ZipMap                      // map[string]string zipping the variadic argument with the reply, nil replies dropped
	ScanPage                    // ([]string, int64): the page's elements and the next cursor
	ZScores                     // []cmd.Z from a member/score array
	XMessages                   // []cmd.XMessage from an XRANGE reply
	XStreams                    // []cmd.XStream from an XREAD/XREADGROUP reply; nil reads as empty
	GeoPosList                  // []cmd.GeoPos from a GEOPOS reply
)

var replyInfo = map[Reply]struct {
	name, goType, pyHelper, pyDef string
}{
	None:   {"None", "", "gg_none", "def gg_none(r):\n    return None\n"},
	Int:    {"Int", "int64", "gg_int", "def gg_int(r):\n    return r\n"},
	Bool:   {"Bool", "bool", "gg_bool", "def gg_bool(r):\n    return r != 0\n"},
	OK:     {"OK", "bool", "gg_ok", "def gg_ok(r):\n    return r is not None\n"},
	Str:    {"Str", "string", "gg_str", "def gg_str(r):\n    return '' if r is None else str(r)\n"},
	StrNil: {"StrNil", "(string, bool)", "gg_str_nil", "def gg_str_nil(r):\n    return ('', False) if r is None else (str(r), True)\n"},
	IntNil: {"IntNil", "(int64, bool)", "gg_int_nil", "def gg_int_nil(r):\n    return (0, False) if r is None else (r, True)\n"},
	Float:  {"Float", "float64", "gg_float", "def gg_float(r):\n    return float(r)\n"},
	FloatNil: {"FloatNil", "(float64, bool)", "gg_float_nil",
		"def gg_float_nil(r):\n    return (0.0, False) if r is None else (float(r), True)\n"},
	Strs:   {"Strs", "[]string", "gg_strs", "def gg_strs(r):\n    return ['' if x is None else str(x) for x in (r or [])]\n"},
	Bools:  {"Bools", "[]bool", "gg_bools", "def gg_bools(r):\n    return [x != 0 for x in (r or [])]\n"},
	StrMap: {"StrMap", "map[string]string", "gg_str_map", "def gg_str_map(r):\n    r = r or []\n    return {r[i]: r[i + 1] for i in range(0, len(r) - 1, 2)}\n"},
	ZipMap: {"ZipMap", "map[string]string", "gg_zip_map",
		"def gg_zip_map(r, names):\n    return {n: v for n, v in zip(names, r or []) if v is not None}\n"},
	ScanPage: {"ScanPage", "([]string, int64)", "gg_scan_page",
		"def gg_scan_page(r):\n    return (list(r[1]), int(r[0]))\n"},
	ZScores: {"ZScores", "[]Z", "gg_zscores",
		"def gg_zscores(r):\n    r = r or []\n    return [{'Member': r[i], 'Score': float(r[i + 1])} for i in range(0, len(r) - 1, 2)]\n"},
	XMessages: {"XMessages", "[]XMessage", "gg_xmessages",
		"def gg_xmessages(r):\n    return [{'ID': m[0], 'Values': gg_str_map(m[1])} for m in (r or [])]\n"},
	XStreams: {"XStreams", "[]XStream", "gg_xstreams",
		"def gg_xstreams(r):\n    return [{'Stream': s[0], 'Messages': gg_xmessages(s[1])} for s in (r or [])]\n"},
	GeoPosList: {"GeoPosList", "[]GeoPos", "gg_geo_pos",
		"def gg_geo_pos(r):\n    return [{'Longitude': 0.0, 'Latitude': 0.0, 'Valid': False} if p is None else {'Longitude': float(p[0]), 'Latitude': float(p[1]), 'Valid': True} for p in (r or [])]\n"},
}

// String returns the kind's name, such as "StrNil".
func (r Reply) String() string { return replyInfo[r].name }

// GoType returns the Go result list, such as "(string, bool)"; "" for None.
func (r Reply) GoType() string { return replyInfo[r].goType }

// PyHelper returns the name of the Python function that converts a raw
// reply of this kind. ZipMap's helper also takes the variadic argument
// list as its second parameter. Struct results (Z, XMessage, XStream,
// GeoPos) are dicts keyed by Go field name, as contract 1 encodes structs.
func (r Reply) PyHelper() string { return replyInfo[r].pyHelper }

// PyDef returns the Python 3.7 definition of PyHelper. XMessages and
// XStreams call gg_str_map and gg_xmessages, so emit those too.
func (r Reply) PyDef() string { return replyInfo[r].pyDef }

// Replies returns every reply kind, in order.
func Replies() []Reply {
	var rs []Reply
	for r := None; r <= GeoPosList; r++ {
		rs = append(rs, r)
	}
	return rs
}
