package pyast

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrInvalidTree is returned for a tree the printer cannot print
// faithfully: a missing required field, an operator in the wrong node, a
// node where the grammar forbids it. The error text names the node and
// the output line it was reached on.
var ErrInvalidTree = errors.New("invalid tree")

// ErrInvalidIdentifier is returned when a name, attribute, parameter or
// keyword argument is not an ASCII identifier or is a keyword; pick names
// with [SafeName].
var ErrInvalidIdentifier = errors.New("invalid identifier (use SafeName to derive one)")

// ErrShadowsBuiltin is returned when a def, parameter, assignment target,
// except clause or import would bind the name of a Python builtin, such as
// len or list, which breaks every later use of the builtin; rename with
// [SafeName].
var ErrShadowsBuiltin = errors.New("name shadows a Python builtin (use SafeName to derive another)")

// ErrInvalidComment is returned for comment text that spans lines or holds
// NUL or invalid UTF-8, any of which would break out of the comment or the
// file; split text with [CommentLines].
var ErrInvalidComment = errors.New("comment text must be one line of valid UTF-8 without NUL (split it with CommentLines)")

// indentUnit is one level of indentation.
const indentUnit = "    "

// A Config controls printing. The zero Config prints plain source.
type Config struct {
	// Lines, if not nil, is called with every statement and the 1-based
	// line its text starts on (for a def, the def line, below its
	// comments). It lets a caller map output lines back to tree nodes.
	Lines func(s Stmt, line int)
}

// Fprint prints m as Python 3.7 source to w. On an invalid tree it writes
// nothing and returns an error wrapping [ErrInvalidTree],
// [ErrInvalidIdentifier], [ErrShadowsBuiltin], [ErrInvalidComment] or
// [ErrInvalidUTF8].
func (c *Config) Fprint(w io.Writer, m *Module) (err error) {
	p := &printer{cfg: c, line: 1, bol: true}
	defer p.recoverNil(&err)
	p.module(m)
	if p.err != nil {
		return p.err
	}
	_, err = w.Write(p.buf.Bytes())
	return err
}

// Fprint prints m as Python 3.7 source to w with the zero [Config].
func Fprint(w io.Writer, m *Module) error {
	return (&Config{}).Fprint(w, m)
}

// Print returns m as Python 3.7 source; see [Fprint].
func Print(m *Module) ([]byte, error) {
	var buf bytes.Buffer
	if err := Fprint(&buf, m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExprString returns e as Python source, as it would print where any
// expression is allowed (a bare tuple is parenthesized).
func ExprString(e Expr) (s string, err error) {
	p := &printer{cfg: &Config{}, line: 1, bol: true}
	defer p.recoverNil(&err)
	p.expr(e, PrecLambda)
	if p.err != nil {
		return "", p.err
	}
	return p.buf.String(), nil
}

// A printer holds the state of one Fprint call. nodes.go writes through
// print alone; this file owns indentation, line breaks and blank lines.
type printer struct {
	cfg    *Config
	buf    bytes.Buffer
	indent int   // current indentation level
	line   int   // 1-based line the next byte goes on
	bol    bool  // at the beginning of a line: indentation pending
	err    error // first error

	// parens, when not nil, collects the offsets of each pair of
	// parentheses that precedence added, so tests can prove every pair
	// necessary.
	parens *[][2]int
}

// recoverNil turns the panic of a typed nil node (a (*Name)(nil) in a
// tree) into an error wrapping ErrInvalidTree; such a node cannot be told
// apart from a valid one without touching it.
func (p *printer) recoverNil(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("pyast: line %d: nil node or internal error (%v): %w", p.line, r, ErrInvalidTree)
	}
}

// whiteSpace values are layout instructions for print.
type whiteSpace int

const (
	newline  whiteSpace = iota // end the current line
	indent                     // indent the lines that follow one more level
	unindent                   // undo one indent
)

// print writes its arguments in order: strings as text (indented if they
// start a line) and whiteSpace values as layout. It is the only way
// nodes.go produces output.
func (p *printer) print(args ...any) {
	for _, a := range args {
		switch a := a.(type) {
		case string:
			if a == "" {
				continue
			}
			if p.bol {
				p.buf.WriteString(strings.Repeat(indentUnit, p.indent))
				p.bol = false
			}
			p.buf.WriteString(a)
		case whiteSpace:
			switch a {
			case newline:
				p.buf.WriteByte('\n')
				p.line++
				p.bol = true
			case indent:
				p.indent++
			case unindent:
				p.indent--
			}
		default:
			panic(fmt.Sprintf("pyast: print of %T", a)) // a bug in nodes.go
		}
	}
}

// errorf records the first error, wrapping err with the output line the
// printer had reached and a description of the node.
func (p *printer) errorf(err error, format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("pyast: line %d: %s: %w", p.line, fmt.Sprintf(format, args...), err)
	}
}

// blankLines emits n empty lines.
func (p *printer) blankLines(n int) {
	for range n {
		p.print(newline)
	}
}

// module prints a whole file: header comments, a blank line, the body.
func (p *printer) module(m *Module) {
	if m == nil {
		p.errorf(ErrInvalidTree, "nil module")
		return
	}
	for _, c := range m.Comments {
		p.commentLine(c)
	}
	if len(m.Comments) > 0 && len(m.Body) > 0 {
		n := 1
		if startsDef(m.Body, 0) {
			n = 2
		}
		p.blankLines(n)
	}
	p.stmts(m.Body, true)
}

// block prints an indented suite: the body of a compound statement. An
// empty body, or one of comments only, gets a pass.
func (p *printer) block(body []Stmt) {
	p.print(":", newline, indent)
	p.stmts(body, false)
	if !hasCode(body) {
		p.print("pass", newline)
	}
	p.print(unindent)
}

// stmts prints a statement list with PEP 8 blank lines: two around
// top-level defs, one around nested ones, none elsewhere. Comments right
// above a def stay attached to it.
func (p *printer) stmts(body []Stmt, top bool) {
	gap := 1
	if top {
		gap = 2
	}
	for i, s := range body {
		if s == nil {
			p.errorf(ErrInvalidTree, "nil statement")
			continue
		}
		if i > 0 {
			_, prevDef := body[i-1].(*FunctionDef)
			_, prevComment := body[i-1].(*Comment)
			if prevDef || startsDef(body, i) && !(prevComment && startsDef(body, i-1)) {
				p.blankLines(gap)
			}
		}
		if _, ok := s.(*FunctionDef); !ok && p.cfg.Lines != nil {
			p.cfg.Lines(s, p.line)
		}
		p.stmt(s)
	}
}

// startsDef reports whether body[i] is a def, or a comment in the run of
// comments directly above one.
func startsDef(body []Stmt, i int) bool {
	for ; i < len(body); i++ {
		switch body[i].(type) {
		case *FunctionDef:
			return true
		case *Comment:
		default:
			return false
		}
	}
	return false
}

// hasCode reports whether body holds a statement other than a comment.
func hasCode(body []Stmt) bool {
	for _, s := range body {
		if _, ok := s.(*Comment); !ok {
			return true
		}
	}
	return false
}

// commentLine prints "# text" on a line of its own.
func (p *printer) commentLine(text string) {
	if err := checkComment(text); err != nil {
		p.errorf(err, "comment %.40q", text)
		return
	}
	text = strings.TrimRight(text, " \t\f")
	if text == "" {
		p.print("#", newline)
		return
	}
	p.print("# ", text, newline)
}
