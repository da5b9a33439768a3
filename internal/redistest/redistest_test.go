package redistest

import (
	"bufio"
	"net"
	"strings"
	"testing"
)

func TestStartServesCommands(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		cmd  string
		want string
	}{
		{"ping", nil, "PING\r\n", "+PONG"},
		{"extra args reach the server", []Option{WithArgs("--notify-keyspace-events", "KEA")}, "CONFIG GET notify-keyspace-events\r\n", "*2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Start(t, tt.opts...)
			conn, err := net.Dial("tcp", s.Addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.Write([]byte(tt.cmd))
			line, err := bufio.NewReader(conn).ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(line); got != tt.want {
				t.Errorf("%q replied %q, want %q", tt.cmd, got, tt.want)
			}
		})
	}
}

func TestStopKillsServer(t *testing.T) {
	s, err := StartServer()
	if err != nil {
		t.Fatal(err)
	}
	s.Stop()
	if ping(s.Addr) == nil {
		t.Errorf("server at %s still answers after Stop", s.Addr)
	}
}
