package redistest

import (
	"bufio"
	"net"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStartServesCommands(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		cmd  string
		want []string // the reply's RESP lines
	}{
		{"ping", nil, "PING\r\n", []string{"+PONG"}},
		{"extra args reach the server", []Option{WithArgs("--notify-keyspace-events", "KEA")},
			"CONFIG GET notify-keyspace-events\r\n", []string{"*2", "$22", "notify-keyspace-events", "$3", "AKE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Start(t, tt.opts...)
			conn, err := net.Dial("tcp", s.Addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.Write([]byte(tt.cmd)); err != nil {
				t.Fatal(err)
			}
			r := bufio.NewReader(conn)
			var got []string
			for range tt.want {
				line, err := r.ReadString('\n')
				if err != nil {
					t.Fatalf("%q: reading the reply: %v (got %q so far)", tt.cmd, err, got)
				}
				got = append(got, strings.TrimSpace(line))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q reply (-want +got):\n%s", tt.cmd, diff)
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
