package pyast

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/gogears/gogears/internal/python"
)

var quoteTests = []struct {
	name string
	s    string
	want string
}{
	{"empty", "", `''`},
	{"plain", "abc", `'abc'`},
	{"single quote picks double", "it's", `"it's"`},
	{"both quotes", `'"`, `'\'"'`},
	{"backslash", `a\b`, `'a\\b'`},
	{"controls", "\x00\a\b\t\n\v\f\r\x1b\x7f", `'\x00\x07\x08\t\n\x0b\x0c\r\x1b\x7f'`},
	{"C1 and nbsp", "\u0085\u00a0", `'\x85\xa0'`},
	{"line separators", "\u2028\u2029", `'\u2028\u2029'`},
	{"format characters", "\u200b\u202e\ufeff", `'\u200b\u202e\ufeff'`},
	{"printable non-ASCII", "café ☕ 😀 日本", `'café ☕ 😀 日本'`},
	{"private use", "\U000f0000", `'\U000f0000'`},
	{"braces", "{x}", `'{x}'`},
}

func TestQuote(t *testing.T) {
	t.Parallel()
	var in []string
	for _, tt := range quoteTests {
		got, err := Quote(tt.s)
		if err != nil || got != tt.want {
			t.Errorf("%s: Quote(%q) = %s, %v; want %s", tt.name, tt.s, got, err, tt.want)
		}
		in = append(in, tt.s)
	}
	// Quote renders like repr, so Dump matches ast.dump for these.
	var reprs []string
	if err := python.RunJSON("import json, sys\njson.dump([repr(s) for s in json.load(sys.stdin)], sys.stdout)", in, &reprs); err != nil {
		t.Fatal(err)
	}
	for k, r := range reprs {
		if got, _ := Quote(in[k]); got != r {
			t.Errorf("%s: Quote(%q) = %s, want repr %s", quoteTests[k].name, in[k], got, r)
		}
	}
}

func TestQuoteInvalidUTF8(t *testing.T) {
	for _, s := range []string{"\xff", "ok\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80"} {
		got, err := Quote(s)
		if !errors.Is(err, ErrInvalidUTF8) || got != "" {
			t.Errorf("Quote(%q) = %q, %v; want error wrapping ErrInvalidUTF8", s, got, err)
		}
		if err != nil && !strings.Contains(err.Error(), "Bytes") {
			t.Errorf("Quote(%q) error %q does not name the fix", s, err)
		}
	}
}

func TestQuoteBytes(t *testing.T) {
	tests := []struct {
		b    string
		want string
	}{
		{"", `b''`},
		{"a'b", `b"a'b"`},
		{"\x00\xff\\\t", `b'\x00\xff\\\t'`},
		{"é", `b'\xc3\xa9'`},
	}
	for _, tt := range tests {
		if got := QuoteBytes([]byte(tt.b)); got != tt.want {
			t.Errorf("QuoteBytes(%q) = %s, want %s", tt.b, got, tt.want)
		}
	}
}

// literalProgram reads one JSON string per line, a literal, and answers
// one JSON object per line: the type and base64 bytes of its value (a str
// as UTF-8), or the error CPython raised. It checks the 3.7 grammar and
// that the literal is one constant, so nothing broke out of it.
const literalProgram = `
import ast, base64, json, sys
for line in sys.stdin:
    lit = json.loads(line)
    try:
        ast.parse(lit, mode="eval", feature_version=(3, 7))
        v = ast.literal_eval(lit)
        if isinstance(v, str):
            r = {"type": "str", "b64": base64.b64encode(v.encode("utf-8", "surrogatepass")).decode()}
        elif isinstance(v, bytes):
            r = {"type": "bytes", "b64": base64.b64encode(v).decode()}
        else:
            r = {"error": "the literal evaluates to a " + type(v).__name__}
    except Exception as e:
        r = {"error": "%s: %s" % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(r) + "\n")
    sys.stdout.flush()
`

// A literalEvaluator is one long-lived python3 running literalProgram, so
// a fuzz exec costs a pipe round trip, not a process start.
type literalEvaluator struct {
	mu  sync.Mutex
	in  io.WriteCloser
	out *bufio.Reader
}

var evaluator = sync.OnceValues(func() (*literalEvaluator, error) {
	p, err := python.Path()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(p, "-c", literalProgram)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	// The process ends when the test binary exits and closes its stdin.
	return &literalEvaluator{in: in, out: bufio.NewReader(out)}, nil
})

// eval returns the type ("str" or "bytes") and value of literal lit.
func (e *literalEvaluator) eval(lit string) (string, []byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	line, err := json.Marshal(lit)
	if err != nil {
		return "", nil, err
	}
	if _, err := e.in.Write(append(line, '\n')); err != nil {
		return "", nil, fmt.Errorf("python3 literal evaluator: %w", err)
	}
	reply, err := e.out.ReadBytes('\n')
	if err != nil {
		return "", nil, fmt.Errorf("python3 literal evaluator: %w", err)
	}
	var r struct{ Type, B64, Error string }
	if err := json.Unmarshal(reply, &r); err != nil {
		return "", nil, fmt.Errorf("python3 literal evaluator: %w: %s", err, reply)
	}
	if r.Error != "" {
		return "", nil, errors.New(r.Error)
	}
	v, err := base64.StdEncoding.DecodeString(r.B64)
	return r.Type, v, err
}

// lineBreakers are characters that end a line for Python or for editors;
// a literal holding one raw could break out of it.
const lineBreakers = "\n\r\x00\v\f\u0085\u2028\u2029"

// checkLiteral asserts that lit is one line and evaluates to a value of
// type typ holding want.
func checkLiteral(t *testing.T, ev *literalEvaluator, lit, typ string, want []byte) {
	t.Helper()
	if strings.ContainsAny(lit, lineBreakers) {
		t.Fatalf("literal %q holds a raw line break", lit)
	}
	gotType, got, err := ev.eval(lit)
	if err != nil {
		t.Fatalf("ast.literal_eval(%s) failed: %v", lit, err)
	}
	if gotType != typ || !bytes.Equal(got, want) {
		t.Fatalf("ast.literal_eval(%s) = %s %q, want %s %q", lit, gotType, got, typ, want)
	}
}

// FuzzQuote checks that every string round-trips through its Python
// literal: valid UTF-8 as a str from Quote, any bytes as bytes from
// QuoteBytes; Quote refuses invalid UTF-8. The seeds run under plain go
// test too.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{
		"", "plain", "'", `"`, `'"`, `\`, `\'`, "\\\n", "a\x00b", "\r\n", "\r", "\u2028\u2029", "\u0085",
		"😀", "👩‍👩‍👧", "é", "e\u0301", "\ufeff", "\u202e", "\U0010ffff", "\x7f", "{x}", `\N{DASH}`, `\x41`,
		"\xff", "ok\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf", "a\xffb'\"\\",
	} {
		f.Add(s)
	}
	ev, err := evaluator()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lit, err := Quote(s)
		if utf8.ValidString(s) {
			if err != nil {
				t.Fatalf("Quote(%q) = %v", s, err)
			}
			checkLiteral(t, ev, lit, "str", []byte(s))
		} else if !errors.Is(err, ErrInvalidUTF8) {
			t.Fatalf("Quote(%q) = %q, %v; want ErrInvalidUTF8", s, lit, err)
		}
		checkLiteral(t, ev, QuoteBytes([]byte(s)), "bytes", []byte(s))
	})
}
