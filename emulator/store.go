package emulator

import (
	"bufio"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alicebob/miniredis/v2"
)

// This file owns the store: where the data lives. It is a Redis reached over
// TCP: the user's (Options.RedisURL), an in-process miniredis (the default),
// or a redis-server child process (Options.Store = StoreRedisServer).

// StoreKind selects the store used when Options.RedisURL is empty.
type StoreKind int

const (
	// StoreEmbedded runs miniredis in-process: nothing to install. It lacks
	// some Redis commands and keyspace notifications; see the package doc.
	StoreEmbedded StoreKind = iota
	// StoreRedisServer starts redis-server from PATH and stops it on Close.
	StoreRedisServer
)

// store is the backing Redis and a pool of connections to it.
type store struct {
	addr     string
	password string
	username string
	db       int
	mini     *miniredis.Miniredis // embedded store; or nil
	proc     *exec.Cmd            // redis-server child; or nil
	procDir  string

	mu   sync.Mutex
	idle []*storeConn

	zmscore atomic.Int32 // whether a MULTI takes ZMSCORE: 0 not known yet, 1 yes, 2 no
}

// storeConn is one connection to the store, speaking raw RESP.
type storeConn struct {
	c   net.Conn
	r   *bufio.Reader
	w   *bufio.Writer
	buf []byte
}

func openStore(o *Options) (*store, error) {
	if o.RedisURL != "" {
		u, err := url.Parse(o.RedisURL)
		if err != nil || (u.Scheme != "redis" && u.Scheme != "") || u.Host == "" {
			return nil, fmt.Errorf("bad redis URL %q: want redis://[user:password@]host:port[/db]", o.RedisURL)
		}
		s := &store{addr: u.Host}
		if u.User != nil {
			s.username = u.User.Username()
			s.password, _ = u.User.Password()
			if s.password == "" && s.username != "" {
				s.password, s.username = s.username, ""
			}
		}
		if p := strings.Trim(u.Path, "/"); p != "" {
			if s.db, err = strconv.Atoi(p); err != nil {
				return nil, fmt.Errorf("bad redis URL %q: database %q is not a number", o.RedisURL, p)
			}
		}
		c, err := s.dial()
		if err != nil {
			return nil, fmt.Errorf("connect to redis at %s: %w", u.Host, err)
		}
		s.put(c)
		return s, nil
	}
	if o.Store == StoreRedisServer {
		return startRedisServer()
	}
	m := miniredis.NewMiniRedis()
	if err := m.StartAddr("127.0.0.1:0"); err != nil {
		return nil, fmt.Errorf("start embedded store: %w", err)
	}
	// miniredis TTLs only move when told to: ttlWatch fast-forwards it
	// while keys with a TTL exist. (Its ClockTTL mode sorts the whole
	// keyspace on every command, which makes big keyspaces crawl.)
	return &store{addr: m.Addr(), mini: m}, nil
}

func startRedisServer() (*store, error) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, fmt.Errorf("redis-server not found on PATH: install it (apt-get install -y redis-server) or use the embedded store")
	}
	dir, err := os.MkdirTemp("", "gogears-store-")
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
		"--dir", dir, "--logfile", filepath.Join(dir, "redis.log"))
	// Like the worker: it dies with us even when we are killed.
	setProcessGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start redis-server: %w", err)
	}
	s := &store{addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), proc: cmd, procDir: dir}
	for i := 0; i < 500; i++ {
		if c, err := s.dial(); err == nil {
			s.put(c)
			return s, nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.close()
	return nil, fmt.Errorf("redis-server on port %d did not start; see %s", port, filepath.Join(dir, "redis.log"))
}

func (s *store) close() {
	s.mu.Lock()
	for _, c := range s.idle {
		c.c.Close()
	}
	s.idle = nil
	s.mu.Unlock()
	if s.mini != nil {
		s.mini.Close()
	}
	if s.proc != nil {
		killProcess(s.proc)
		s.proc.Wait()
		os.RemoveAll(s.procDir)
	}
}

// dial opens a new connection, authenticated and on the right database.
func (s *store) dial() (*storeConn, error) {
	nc, err := net.DialTimeout("tcp", s.addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	c := &storeConn{c: nc, r: bufio.NewReaderSize(nc, 64<<10), w: bufio.NewWriterSize(nc, 64<<10)}
	var setup [][][]byte
	if s.password != "" {
		if s.username != "" {
			setup = append(setup, [][]byte{[]byte("AUTH"), []byte(s.username), []byte(s.password)})
		} else {
			setup = append(setup, [][]byte{[]byte("AUTH"), []byte(s.password)})
		}
	}
	if s.db != 0 {
		setup = append(setup, [][]byte{[]byte("SELECT"), []byte(strconv.Itoa(s.db))})
	}
	for _, args := range setup {
		raw, err := c.do(args)
		if err != nil {
			nc.Close()
			return nil, err
		}
		if raw[0] == '-' {
			nc.Close()
			return nil, fmt.Errorf("%s: %s", strings.ToLower(string(args[0])), strings.TrimSpace(string(raw[1:])))
		}
	}
	return c, nil
}

// get returns a pooled connection or dials one.
func (s *store) get() (*storeConn, error) {
	s.mu.Lock()
	if n := len(s.idle); n > 0 {
		c := s.idle[n-1]
		s.idle = s.idle[:n-1]
		s.mu.Unlock()
		return c, nil
	}
	s.mu.Unlock()
	return s.dial()
}

// put returns a healthy connection to the pool.
func (s *store) put(c *storeConn) {
	s.mu.Lock()
	if len(s.idle) < 64 {
		s.idle = append(s.idle, c)
		c = nil
	}
	s.mu.Unlock()
	if c != nil {
		c.c.Close()
	}
}

// hasZMScore reports whether the store queues ZMSCORE in a MULTI (Redis
// 6.2+, miniredis), asking it once: MULTI, ZMSCORE, DISCARD runs nothing.
// Until it could ask, it reports false.
func (s *store) hasZMScore() bool {
	switch s.zmscore.Load() {
	case 1:
		return true
	case 2:
		return false
	}
	if s.mini != nil {
		s.zmscore.Store(1)
		return true
	}
	c, err := s.get()
	if err != nil {
		return false
	}
	raws, err := c.pipeline([][][]byte{{[]byte("MULTI")}, {[]byte("ZMSCORE"), []byte("k"), []byte("m")}, {[]byte("DISCARD")}})
	if err != nil {
		c.c.Close()
		return false
	}
	s.put(c)
	if string(raws[1]) == "+QUEUED\r\n" {
		s.zmscore.Store(1)
		return true
	}
	s.zmscore.Store(2)
	return false
}

// do runs one command on a pooled connection and returns the raw reply.
func (s *store) do(args [][]byte) ([]byte, error) {
	c, err := s.get()
	if err != nil {
		return nil, err
	}
	raw, err := c.do(args)
	if err != nil {
		c.c.Close()
		return nil, err
	}
	out := append([]byte(nil), raw...)
	s.put(c)
	return out, nil
}

// doStrings is do with string arguments, decoding the reply.
func (s *store) doStrings(args ...string) (any, error) {
	raw, err := s.do(byteArgs(args...))
	if err != nil {
		return nil, err
	}
	v, _, err := parseReply(raw)
	if err != nil {
		return nil, err
	}
	if e, ok := v.(replyError); ok {
		return nil, e
	}
	return v, nil
}

// byteArgs returns a command's arguments as the store takes them.
func byteArgs(args ...string) [][]byte {
	out := make([][]byte, len(args))
	for i, a := range args {
		out[i] = []byte(a)
	}
	return out
}

// do sends one command and reads its reply into the connection's buffer;
// the result is valid until the next call.
func (c *storeConn) do(args [][]byte) ([]byte, error) {
	c.buf = appendCommand(c.buf[:0], args)
	if _, err := c.c.Write(c.buf); err != nil {
		return nil, err
	}
	return c.read()
}

// read reads one reply.
func (c *storeConn) read() ([]byte, error) {
	var err error
	c.buf, err = readRaw(c.r, c.buf[:0])
	if err != nil {
		return nil, err
	}
	return c.buf, nil
}

// pipeline sends all commands, then reads one reply per command.
func (c *storeConn) pipeline(cmds [][][]byte) ([][]byte, error) {
	c.buf = c.buf[:0]
	for _, args := range cmds {
		c.buf = appendCommand(c.buf, args)
	}
	if _, err := c.w.Write(c.buf); err != nil {
		return nil, err
	}
	if err := c.w.Flush(); err != nil {
		return nil, err
	}
	out := make([][]byte, len(cmds))
	for i := range cmds {
		raw, err := readRaw(c.r, nil)
		if err != nil {
			return nil, err
		}
		out[i] = raw
	}
	return out, nil
}
