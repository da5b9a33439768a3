package emulator

import (
	"fmt"
	"testing"
)

func TestSmoke(t *testing.T) {
	_, c := runWithClient(t)
	mustDo(t, c, "SET", "a", "1")
	mustDo(t, c, "SET", "b", "2")
	fmt.Println(mustDo(t, c, "GET", "a"))
	fmt.Println(mustDo(t, c, "RG.PYEXECUTE", "GB().map(lambda r: r['key']).run()"))
	fmt.Println(mustDo(t, c, "RG.PYEXECUTE", "GB().countby(lambda r: r['value']).run()"))
	fmt.Println(mustDo(t, c, "RG.PYEXECUTE", "GB('CommandReader').map(lambda x: len(x)).register(trigger='t')"))
	fmt.Println(mustDo(t, c, "RG.TRIGGER", "t", "x", "y"))
	fmt.Println(mustDo(t, c, "RG.DUMPREGISTRATIONS"))
	fmt.Println(mustDo(t, c, "RG.PYEXECUTE", "GB().foreach(lambda r: execute('INCR', 'cnt')).register(prefix='k*', mode='sync')"))
	mustDo(t, c, "SET", "k1", "x")
	fmt.Println(mustDo(t, c, "GET", "cnt"))
	fmt.Println(mustDo(t, c, "RG.DUMPEXECUTIONS"))
	fmt.Println(doErr(t, c, "RG.PYEXECUTE", "1/0"))
	fmt.Println(doErr(t, c, "RG.PYEXECUTE", "if (x:=1): pass"))
	id := mustDo(t, c, "RG.PYEXECUTE", "GB('PythonReader').run(lambda: (yield 1))", "UNBLOCKING")
	fmt.Println(id, mustDo(t, c, "RG.GETRESULTSBLOCKING", id))
}
