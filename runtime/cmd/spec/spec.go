// Package spec is the command table behind package cmd: for each typed
// Redis command, its Go name, its Redis syntax, its reply kind and a doc
// line. The cmd package is generated from it (go generate in runtime/cmd),
// and the transpiler reads it to turn a cmd call into
// execute('CMD', args...) plus its own Python conversion of the reply kind.
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

// The reply kinds. GoType gives each one's Go result; the transpiler
// writes the Python conversion of each.
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

var replyInfo = map[Reply]struct{ name, goType string }{
	None:       {"None", ""},
	Int:        {"Int", "int64"},
	Bool:       {"Bool", "bool"},
	OK:         {"OK", "bool"},
	Str:        {"Str", "string"},
	StrNil:     {"StrNil", "(string, bool)"},
	IntNil:     {"IntNil", "(int64, bool)"},
	Float:      {"Float", "float64"},
	FloatNil:   {"FloatNil", "(float64, bool)"},
	Strs:       {"Strs", "[]string"},
	Bools:      {"Bools", "[]bool"},
	StrMap:     {"StrMap", "map[string]string"},
	ZipMap:     {"ZipMap", "map[string]string"},
	ScanPage:   {"ScanPage", "([]string, int64)"},
	ZScores:    {"ZScores", "[]Z"},
	XMessages:  {"XMessages", "[]XMessage"},
	XStreams:   {"XStreams", "[]XStream"},
	GeoPosList: {"GeoPosList", "[]GeoPos"},
}

// String returns the kind's name, such as "StrNil".
func (r Reply) String() string { return replyInfo[r].name }

// GoType returns the Go result list, such as "(string, bool)"; "" for None.
func (r Reply) GoType() string { return replyInfo[r].goType }

// Replies returns every reply kind, in order.
func Replies() []Reply {
	var rs []Reply
	for r := None; r <= GeoPosList; r++ {
		rs = append(rs, r)
	}
	return rs
}
