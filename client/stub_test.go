package client

// This file holds gearStub, the stand-in for RedisGears that the cluster,
// timeout and benchmark tests use until they can run against the emulator.
// It is a redcon server that answers the RG.* commands a test installs and
// forwards every other command, byte for byte, to a real redis-server. It
// stubs RedisGears only: Redis itself (cluster topology, MOVED, slots) is
// always the real server behind it.

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/tidwall/redcon"
)

// rgHandler answers one RG.* command. args[0] is the upper-cased command
// name. The reply is written with redcon.AppendAny: use redcon.SimpleString
// for a status, redcon.SimpleInt for an integer, redcon.SimpleError for an
// error reply, string for a bulk string and []any for an array. A handler
// may also take the connection over (close it, delay) through conn.
type rgHandler func(conn redcon.Conn, args []string) any

type gearStub struct {
	Addr     string
	ln       net.Listener
	mu       sync.Mutex
	upstream string // real redis-server for non-RG commands; "" answers them with an error
	handlers map[string]rgHandler
	calls    map[string]int
	done     chan struct{}
}

// startStub starts a stub on a free loopback port in front of upstream.
func startStub(t testing.TB, upstream string) *gearStub {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &gearStub{Addr: ln.Addr().String(), upstream: upstream, ln: ln,
		handlers: map[string]rgHandler{}, calls: map[string]int{}, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		redcon.Serve(ln, s.serve, func(redcon.Conn) bool { return true }, s.closed)
	}()
	t.Cleanup(s.Close)
	return s
}

// Close stops the stub and closes its connections.
func (s *gearStub) Close() {
	s.ln.Close()
	<-s.done
}

// handle installs h for an RG command (upper case).
func (s *gearStub) handle(name string, h rgHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[name] = h
}

// setUpstream sets the real redis-server non-RG commands go to.
func (s *gearStub) setUpstream(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.upstream = addr
}

// handler returns the handler installed for name, or nil.
func (s *gearStub) handler(name string) rgHandler {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.handlers[name]
}

// count returns how many times name was received.
func (s *gearStub) count(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[name]
}

func (s *gearStub) serve(conn redcon.Conn, cmd redcon.Command) {
	args := make([]string, len(cmd.Args))
	for i, a := range cmd.Args {
		args[i] = string(a)
	}
	name := strings.ToUpper(args[0])
	args[0] = name
	s.mu.Lock()
	s.calls[name]++
	h := s.handlers[name]
	upstream := s.upstream
	s.mu.Unlock()
	switch {
	case h != nil:
		if v := h(conn, args); v != nil {
			conn.WriteAny(v)
		}
	case name == "HELLO":
		// Keep go-redis on RESP2, so forwarded replies need no RESP3 reader.
		conn.WriteError("ERR unknown command 'HELLO'")
	case strings.HasPrefix(name, "RG."):
		conn.WriteError("ERR unknown command '" + args[0] + "'")
	case upstream == "":
		conn.WriteError("ERR stub has no upstream for " + name)
	default:
		s.forward(conn, cmd, upstream)
	}
}

// upstreamConn is the per-client connection to the real server.
type upstreamConn struct {
	nc net.Conn
	rd *bufio.Reader
}

func (s *gearStub) forward(conn redcon.Conn, cmd redcon.Command, upstream string) {
	up, _ := conn.Context().(*upstreamConn)
	if up == nil {
		nc, err := net.Dial("tcp", upstream)
		if err != nil {
			conn.WriteError("ERR stub: " + err.Error())
			return
		}
		up = &upstreamConn{nc: nc, rd: bufio.NewReader(nc)}
		conn.SetContext(up)
	}
	if _, err := up.nc.Write(cmd.Raw); err != nil {
		conn.WriteError("ERR stub: " + err.Error())
		return
	}
	raw, err := readRawReply(up.rd, nil)
	if err != nil {
		conn.WriteError("ERR stub: " + err.Error())
		return
	}
	conn.WriteRaw(raw)
}

func (s *gearStub) closed(conn redcon.Conn, _ error) {
	if up, _ := conn.Context().(*upstreamConn); up != nil {
		up.nc.Close()
	}
}

// readRawReply appends one RESP2 reply, unparsed, to buf.
func readRawReply(rd *bufio.Reader, buf []byte) ([]byte, error) {
	line, err := rd.ReadBytes('\n')
	if err != nil {
		return nil, err
	}
	buf = append(buf, line...)
	if len(line) < 3 {
		return nil, fmt.Errorf("short reply line %q", line)
	}
	switch line[0] {
	case '+', '-', ':':
		return buf, nil
	case '$':
		n, err := strconv.Atoi(string(line[1 : len(line)-2]))
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return buf, nil
		}
		body := make([]byte, n+2)
		if _, err := io.ReadFull(rd, body); err != nil {
			return nil, err
		}
		return append(buf, body...), nil
	case '*':
		n, err := strconv.Atoi(string(line[1 : len(line)-2]))
		if err != nil {
			return nil, err
		}
		for i := 0; i < n; i++ {
			if buf, err = readRawReply(rd, buf); err != nil {
				return nil, err
			}
		}
		return buf, nil
	}
	return nil, fmt.Errorf("unsupported reply type %q", line[0])
}

// moduleListReply is the MODULE LIST handler of a RedisGears 1.2.13 stub.
func moduleListReply(redcon.Conn, []string) any {
	return []any{[]any{"name", "rg", "ver", redcon.SimpleInt(10213), "path", "/stub", "args", []any{}}}
}

// resultsReply is a [results, errors] reply.
func resultsReply(vals ...string) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return []any{out, []any{}}
}
