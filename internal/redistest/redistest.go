// Package redistest starts throwaway redis-server processes for tests.
//
// Every test that needs Redis gets a real server from the Debian package,
// on a free loopback port, with persistence off; it is killed when the test
// ends. There is no mock: a missing redis-server fails the test with the
// command that installs it.
package redistest

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// InstallHint tells a developer how to get redis-server on Debian.
const InstallHint = "redis-server not found on PATH: install it with `apt-get install -y redis-server redis-tools` (or run .ci/run, which does)"

// Server is a running redis-server.
type Server struct {
	Addr string // host:port on loopback
	Port int
	Dir  string // working directory holding its log

	cmd  *exec.Cmd
	done chan struct{}
}

// Option adjusts how a server is started.
type Option func(*config)

type config struct {
	args []string
}

// WithArgs passes extra arguments to redis-server, such as
// "--notify-keyspace-events", "KEA".
func WithArgs(args ...string) Option {
	return func(c *config) { c.args = append(c.args, args...) }
}

// Path returns the redis-server binary, or an error naming the install command.
func Path() (string, error) {
	p, err := exec.LookPath("redis-server")
	if err != nil {
		return "", fmt.Errorf("%s", InstallHint)
	}
	return p, nil
}

// Start starts a redis-server for t and stops it in t.Cleanup. It fails t,
// never skips it, when redis-server is missing.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := StartServer(opts...)
	if err != nil {
		t.Fatalf("redistest: %v", err)
	}
	t.Cleanup(func() { s.Stop() })
	return s
}

// StartServer starts a redis-server outside a test, for benchmarks and
// tools. The caller must call Stop.
func StartServer(opts ...Option) (*Server, error) {
	bin, err := Path()
	if err != nil {
		return nil, err
	}
	var c config
	for _, o := range opts {
		o(&c)
	}
	dir, err := os.MkdirTemp("", "redistest-")
	if err != nil {
		return nil, err
	}
	// A port picked by the kernel can be taken by someone else before
	// redis binds it, so retry a few times.
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		port, err := freePort()
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s, err := launch(bin, dir, port, c.args)
		if err == nil {
			return s, nil
		}
		lastErr = err
	}
	os.RemoveAll(dir)
	return nil, lastErr
}

func launch(bin, dir string, port int, extra []string) (*Server, error) {
	logPath := filepath.Join(dir, "redis.log")
	args := []string{
		"--port", strconv.Itoa(port),
		"--bind", "127.0.0.1",
		"--save", "",
		"--appendonly", "no",
		"--dir", dir,
		"--logfile", logPath,
		"--daemonize", "no",
	}
	args = append(args, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start redis-server: %w", err)
	}
	s := &Server{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Port: port, Dir: dir, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		if ping(s.Addr) == nil {
			return s, nil
		}
		select {
		case <-s.done:
			log, _ := os.ReadFile(logPath)
			return nil, fmt.Errorf("redis-server exited at start: %s", lastLines(string(log), 5))
		case <-ctx.Done():
			s.kill()
			return nil, fmt.Errorf("redis-server did not answer PING on %s within 10s", s.Addr)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// Stop kills the server and removes its directory.
func (s *Server) Stop() {
	s.kill()
	os.RemoveAll(s.Dir)
}

func (s *Server) kill() {
	if s.cmd.Process != nil {
		s.cmd.Process.Kill()
	}
	<-s.done
}

// Log returns the server's log, for failure messages.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.Dir, "redis.log"))
	return string(b)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func ping(addr string) error {
	conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(time.Second))
	if _, err := conn.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, "+PONG") {
		return fmt.Errorf("unexpected PING reply %q", line)
	}
	return nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
