package emulator

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// This file reads Redis replies off a store connection. The proxy path keeps
// a reply's raw bytes so clients see Redis's own reply types; the gear path
// (execute from Python) also decodes it into a value tree.

// errBadReply reports a store reply we cannot frame; the connection is then
// unusable and is dropped.
var errBadReply = errors.New("malformed reply from the store")

// readRaw appends one complete reply (RESP2 or RESP3) from r to buf.
func readRaw(r *bufio.Reader, buf []byte) ([]byte, error) {
	line, err := r.ReadSlice('\n')
	if err != nil {
		if err == bufio.ErrBufferFull {
			return buf, errBadReply
		}
		return buf, err
	}
	if len(line) < 3 || line[len(line)-2] != '\r' {
		return buf, errBadReply
	}
	buf = append(buf, line...)
	head := line[0]
	body := line[1 : len(line)-2]
	switch head {
	case '+', '-', ':', '_', ',', '#', '(':
		return buf, nil
	case '$', '=', '!':
		n, err := strconv.Atoi(string(body))
		if err != nil {
			return buf, errBadReply
		}
		if n < 0 {
			return buf, nil
		}
		start := len(buf)
		buf = append(buf, make([]byte, n+2)...)
		if _, err := io.ReadFull(r, buf[start:]); err != nil {
			return buf, err
		}
		return buf, nil
	case '*', '~', '>', '%', '|':
		n, err := strconv.Atoi(string(body))
		if err != nil {
			return buf, errBadReply
		}
		if head == '%' || head == '|' {
			n *= 2
		}
		for i := 0; i < n; i++ {
			if buf, err = readRaw(r, buf); err != nil {
				return buf, err
			}
		}
		return buf, nil
	}
	return buf, errBadReply
}

// splitArray returns the raw elements of the raw array reply raw; ok is
// false if raw is not a non-nil array.
func splitArray(raw []byte) (elems [][]byte, ok bool) {
	r := bufio.NewReader(bytes.NewReader(raw))
	line, err := r.ReadSlice('\n')
	if err != nil || len(line) < 4 || line[0] != '*' {
		return nil, false
	}
	n, err := strconv.Atoi(string(line[1 : len(line)-2]))
	if err != nil || n < 0 {
		return nil, false
	}
	elems = make([][]byte, n)
	for i := range elems {
		if elems[i], err = readRaw(r, nil); err != nil {
			return nil, false
		}
	}
	return elems, true
}

// replyError is a Redis error reply decoded from the store.
type replyError string

func (e replyError) Error() string { return string(e) }

// parseReply decodes one raw RESP2 reply into Go values: []byte for
// bulk and status strings, int64, nil, []any, or replyError.
func parseReply(raw []byte) (any, []byte, error) {
	i := bytes.IndexByte(raw, '\n')
	if i < 2 {
		return nil, raw, errBadReply
	}
	head, body, rest := raw[0], raw[1:i-1], raw[i+1:]
	switch head {
	case '+':
		return body, rest, nil
	case '-':
		return replyError(body), rest, nil
	case ':':
		n, err := strconv.ParseInt(string(body), 10, 64)
		return n, rest, err
	case '$':
		n, err := strconv.Atoi(string(body))
		if err != nil {
			return nil, rest, errBadReply
		}
		if n < 0 {
			return nil, rest, nil
		}
		if len(rest) < n+2 {
			return nil, rest, errBadReply
		}
		return rest[:n], rest[n+2:], nil
	case '*':
		n, err := strconv.Atoi(string(body))
		if err != nil {
			return nil, rest, errBadReply
		}
		if n < 0 {
			return nil, rest, nil
		}
		arr := make([]any, n)
		for k := 0; k < n; k++ {
			if arr[k], rest, err = parseReply(rest); err != nil {
				return nil, rest, err
			}
		}
		return arr, rest, nil
	}
	return nil, rest, fmt.Errorf("%w: type %q", errBadReply, head)
}

// appendCommand appends args as a RESP array of bulk strings.
func appendCommand(buf []byte, args [][]byte) []byte {
	buf = append(buf, '*')
	buf = strconv.AppendInt(buf, int64(len(args)), 10)
	buf = append(buf, '\r', '\n')
	for _, a := range args {
		buf = append(buf, '$')
		buf = strconv.AppendInt(buf, int64(len(a)), 10)
		buf = append(buf, '\r', '\n')
		buf = append(buf, a...)
		buf = append(buf, '\r', '\n')
	}
	return buf
}

// replyKind summarises a raw reply for event detection: whether it is an
// error, a nil, or an integer (and its value).
func replyKind(raw []byte) (isErr, isNil bool, num int64, isNum bool) {
	if len(raw) == 0 {
		return true, false, 0, false
	}
	switch raw[0] {
	case '-', '!':
		return true, false, 0, false
	case '_':
		return false, true, 0, false
	case '$', '*':
		return false, bytes.HasPrefix(raw[1:], []byte("-1\r")), 0, false
	case ':':
		i := bytes.IndexByte(raw, '\r')
		n, err := strconv.ParseInt(string(raw[1:i]), 10, 64)
		return false, false, n, err == nil
	}
	return false, false, 0, false
}
