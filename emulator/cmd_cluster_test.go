package emulator

import "testing"

func TestClusterCommands(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	if got := r.do("RG.INFOCLUSTER"); got != "$15\r\nno cluster mode\r\n" {
		t.Errorf("RG.INFOCLUSTER = %q", got)
	}
	if got := r.do("RG.REFRESHCLUSTER"); got != "+OK\r\n" {
		t.Errorf("RG.REFRESHCLUSTER = %q", got)
	}
}
