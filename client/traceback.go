package client

// This file turns the Python error texts RedisGears sends into GearError
// values, and maps traceback frames back to the Go code a gear was
// generated from (contract 2: "# go: ..." origin comments).

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// GearError is a Python exception raised on the server by a gear: either by
// the script itself while RG.PYEXECUTE ran it (Script is true; the command
// failed and no execution exists) or by a step callback for one record
// (Script is false; it arrives in the errors of an execution, next to the
// records that succeeded). It matches ErrGear through errors.Is.
type GearError struct {
	Command   string   // the command that reported it, e.g. "RG.PYEXECUTE"
	Script    bool     // true for a script error, false for a record error
	Type      string   // the Python exception class, e.g. "ValueError"; or "" if the text names none
	Message   string   // the exception message
	Traceback []string // the Python traceback lines; or nil when the server sent none
	Frames    []Frame  // the traceback's frames, innermost last; Origin set when mapped to Go
	Raw       string   // the error text exactly as the server sent it
}

// Frame is one "File ..., line N, in NAME" entry of a Python traceback.
type Frame struct {
	File   string // "<string>" for code of a gear script
	Line   int    // 1-based line in the script
	Func   string // the Python function name
	Origin string // the Go origin of that function, e.g. "example.com/shop/gears.CountByStatus step 1 (gears.go)"; or ""
}

// Error returns the exception and, when known, the Go origin of the
// failing Python.
func (e *GearError) Error() string {
	var b strings.Builder
	b.WriteString("client: ")
	if e.Script {
		b.WriteString("gear script failed: ")
	} else {
		b.WriteString("gear step failed: ")
	}
	if e.Type != "" {
		b.WriteString(e.Type)
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	if o := e.Origin(); o != "" {
		b.WriteString(" (in ")
		b.WriteString(o)
		b.WriteString(")")
	}
	return b.String()
}

// Is reports whether target is ErrGear.
func (e *GearError) Is(target error) bool { return target == ErrGear }

// Origin returns the Go origin of the innermost frame that has one, or "".
func (e *GearError) Origin() string {
	for i := len(e.Frames) - 1; i >= 0; i-- {
		if e.Frames[i].Origin != "" {
			return e.Frames[i].Origin
		}
	}
	return ""
}

// RecordErrors is the error of an execution that finished with failed
// records: Errors holds one *GearError per failed record, and the records
// that succeeded are still returned by the call. It matches ErrRecords.
type RecordErrors struct {
	Errors []*GearError
}

// Error returns the first record error and how many more there are.
func (e *RecordErrors) Error() string {
	if len(e.Errors) == 1 {
		return e.Errors[0].Error()
	}
	return fmt.Sprintf("%v (and %d more failed records)", e.Errors[0], len(e.Errors)-1)
}

// Is reports whether target is ErrRecords or ErrGear.
func (e *RecordErrors) Is(target error) bool { return target == ErrRecords || target == ErrGear }

// Unwrap returns the record errors.
func (e *RecordErrors) Unwrap() []error {
	errs := make([]error, len(e.Errors))
	for i, g := range e.Errors {
		errs[i] = g
	}
	return errs
}

var (
	frameRE     = regexp.MustCompile(`^\s*File "([^"]*)", line (\d+), in (.+)$`)
	errorTypeRE = regexp.MustCompile(`^Error type: <class '([^']*)'>, Value: (?s)(.*)$`)
	excLineRE   = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.]*): ?(?s)(.*)$`)
)

const tracebackHead = "Traceback (most recent call last):"

// parseGearError recognises the three Python error shapes of RedisGears:
// the repr of a traceback.format_exception list (PythonAttemptTraceback 1,
// the default), a plain traceback text, and "Error type: <class 'X'>,
// Value: msg". It returns nil for any other text.
func parseGearError(msg string) *GearError {
	raw := msg
	msg = strings.TrimSpace(msg)
	if strings.HasPrefix(msg, "[") {
		if parts, err := parsePyStrList(msg); err == nil && len(parts) > 0 {
			msg = strings.Join(parts, "")
		}
	}
	if i := strings.Index(msg, tracebackHead); i >= 0 {
		ge := &GearError{Raw: raw}
		lines := strings.Split(strings.TrimRight(msg[i:], "\n"), "\n")
		ge.Traceback = lines
		last := 0
		for j, l := range lines {
			if m := frameRE.FindStringSubmatch(l); m != nil {
				n, _ := strconv.Atoi(m[2])
				ge.Frames = append(ge.Frames, Frame{File: m[1], Line: n, Func: m[3]})
				last = j
			}
		}
		// The exception line is the first unindented line after the frames
		// (the frames' source lines are indented).
		var exc []string
		for _, l := range lines[last+1:] {
			if len(exc) == 0 && (strings.HasPrefix(l, " ") || l == "") {
				continue
			}
			exc = append(exc, l)
		}
		ge.Type, ge.Message = splitException(strings.Join(exc, "\n"))
		return ge
	}
	if m := errorTypeRE.FindStringSubmatch(msg); m != nil {
		return &GearError{Type: m[1], Message: m[2], Raw: raw}
	}
	return nil
}

// recordError builds the GearError of one entry of an execution's errors
// list; any text is accepted. A text in none of the Python shapes is
// flat_error's message (or a server message), recorded as is: it is the
// whole Message, even when it looks like "word: rest".
func recordError(command, text string) *GearError {
	ge := parseGearError(text)
	if ge == nil {
		ge = &GearError{Raw: text, Message: strings.TrimSpace(text)}
	}
	ge.Command = command
	return ge
}

func splitException(s string) (typ, msg string) {
	if m := excLineRE.FindStringSubmatch(s); m != nil && !strings.Contains(m[1], " ") {
		return m[1], strings.TrimSpace(m[2])
	}
	return "", s
}

// parsePyStrList parses the repr of a Python list of str, such as
// ['Traceback ...\n', "ValueError: it's\n"].
func parsePyStrList(s string) ([]string, error) {
	p := pyLexer{s: s}
	p.skipSpace()
	if !p.eat('[') {
		return nil, errors.New("not a list")
	}
	var out []string
	for {
		p.skipSpace()
		if p.eat(']') {
			return out, nil
		}
		str, err := p.str()
		if err != nil {
			return nil, err
		}
		out = append(out, str)
		p.skipSpace()
		if p.eat(',') {
			continue
		}
		if p.eat(']') {
			return out, nil
		}
		return nil, fmt.Errorf("expected , or ] at offset %d", p.i)
	}
}

type pyLexer struct {
	s string
	i int
}

func (p *pyLexer) skipSpace() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *pyLexer) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads one Python str literal ('...' or "..."), decoding escapes.
func (p *pyLexer) str() (string, error) {
	if p.i >= len(p.s) || (p.s[p.i] != '\'' && p.s[p.i] != '"') {
		return "", fmt.Errorf("expected a string at offset %d", p.i)
	}
	q := p.s[p.i]
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return b.String(), nil
		case c == '\\' && p.i+1 < len(p.s):
			p.i++
			e := p.s[p.i]
			p.i++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '\\', '\'', '"':
				b.WriteByte(e)
			case 'x', 'u', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if p.i+n > len(p.s) {
					return "", fmt.Errorf("short \\%c escape", e)
				}
				v, err := strconv.ParseUint(p.s[p.i:p.i+n], 16, 32)
				if err != nil {
					return "", fmt.Errorf("bad \\%c escape: %w", e, err)
				}
				p.i += n
				b.WriteRune(rune(v))
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		default:
			_, size := utf8.DecodeRuneInString(p.s[p.i:])
			b.WriteString(p.s[p.i : p.i+size])
			p.i += size
		}
	}
	return "", errors.New("unterminated string")
}

var (
	defRE    = regexp.MustCompile(`^(\s*)(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
	originRE = regexp.MustCompile(`^\s*# go: (.+)$`)
)

// mapOrigins sets Frame.Origin for each frame of e that points into source:
// the frame's line lies in a function whose def line has an origin comment
// directly above it. Frames of other files are left alone.
func mapOrigins(e *GearError, source string) {
	if e == nil || source == "" {
		return
	}
	lines := strings.Split(source, "\n")
	for i := range e.Frames {
		f := &e.Frames[i]
		if f.File != "<string>" || f.Line < 1 || f.Line > len(lines) {
			continue
		}
		f.Origin = originOf(lines, f.Line-1)
	}
}

// originOf walks up from line idx to the nearest def that encloses it and
// returns that def's origin comment, or "" when it has none.
func originOf(lines []string, idx int) string {
	indent := len(lines[idx]) - len(strings.TrimLeft(lines[idx], " \t"))
	for j := idx; j >= 0; j-- {
		m := defRE.FindStringSubmatch(lines[j])
		if m == nil || (j != idx && len(m[1]) >= indent) {
			continue
		}
		if j > 0 {
			if o := originRE.FindStringSubmatch(lines[j-1]); o != nil {
				return strings.TrimSpace(o[1])
			}
		}
		// A def without an origin (a nested helper): its parent may have one.
		indent = len(m[1])
	}
	return ""
}
