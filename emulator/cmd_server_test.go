package emulator

import "testing"

func TestModuleList(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	if got, want := r.do("MODULE", "LIST"), "*1\r\n*4\r\n$4\r\nname\r\n$2\r\nrg\r\n$3\r\nver\r\n:10213\r\n"; got != want {
		t.Errorf("MODULE LIST = %q, want %q", got, want)
	}
	if got := r.do("MODULE"); got != "-ERR wrong number of arguments for 'MODULE' command\r\n" {
		t.Errorf("MODULE = %q", got)
	}
}
