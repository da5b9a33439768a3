package emulator

import "testing"

func TestConfig(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"RG.CONFIGGET", "MaxExecutions", "nope"}, "*2\r\n:1000\r\n-Unsupported config parameter: nope\r\n"},
		{[]string{"RG.CONFIGSET", "MaxExecutions", "10", "myKey", "myVal"}, "*2\r\n+OK\r\n+OK - value was saved in extra config dictionary\r\n"},
		{[]string{"RG.CONFIGSET", "ExecutionThreads", "5"}, "*1\r\n-Unsupported config parameter: ExecutionThreads\r\n"},
		{[]string{"RG.CONFIGSET", "MaxExecutions", "many"}, "*1\r\n-Failed setting configuration value\r\n"},
		{[]string{"RG.CONFIGGET", "MaxExecutions", "myKey"}, "*2\r\n:10\r\n$5\r\nmyVal\r\n"},
		{[]string{"RG.CONFIGSET", "MaxExecutions"}, "-ERR wrong number of arguments for 'RG.CONFIGSET' command\r\n"},
		{[]string{"RG.CONFIGGET"}, "-ERR wrong number of arguments for 'RG.CONFIGGET' command\r\n"},
		{[]string{"RG.PYEXECUTE", "GB('ShardsIDReader').map(lambda x: [configGet('myKey'), configGet('MaxExecutions'), gearsConfigGet('x', 'dflt')]).run(convertToStr=False)"},
			"*2\r\n*1\r\n*3\r\n$5\r\nmyVal\r\n$9\r\nPY RECORD\r\n$4\r\ndflt\r\n*0\r\n"},
	}
	for _, tt := range tests {
		if got := r.do(tt.args...); got != tt.want {
			t.Errorf("%q = %q, want %q", tt.args, got, tt.want)
		}
	}
	// MaxExecutions caps the executions list.
	for i := 0; i < 12; i++ {
		r.do("RG.PYEXECUTE", "GB('ShardsIDReader').run()", "UNBLOCKING")
	}
	eventually(t, "executions capped at 10", func() bool {
		v, _, _ := parseReply([]byte(r.do("RG.DUMPEXECUTIONS")))
		return len(v.([]any)) == 10
	})
}

func TestPythonAttemptTraceback(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.CONFIGSET", "PythonAttemptTraceback", "0")
	want := "-Error type: <class 'ZeroDivisionError'>, Value: division by zero\r\n"
	if got := r.do("RG.PYEXECUTE", "1/0"); got != want {
		t.Errorf("RG.PYEXECUTE 1/0 without traceback = %q, want %q", got, want)
	}
}
