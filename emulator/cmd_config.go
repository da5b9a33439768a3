package emulator

import (
	"fmt"
	"strings"

	"github.com/tidwall/redcon"
)

// commandsConfig is the table of configuration commands.
func commandsConfig(e *Emulator) map[string]redcon.HandlerFunc {
	return map[string]redcon.HandlerFunc{
		"rg.configget": e.cmdConfigGet,
		"rg.configset": e.cmdConfigSet,
	}
}

func (e *Emulator) cmdConfigGet(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 2 {
		wrongArity(conn, cmd)
		return
	}
	b := redcon.AppendArray(nil, len(cmd.Args)-1)
	for _, k := range cmd.Args[1:] {
		v, ok := e.config.get(string(k))
		if !ok {
			b = redcon.AppendError(b, fmt.Sprintf(msgUnsupportedConfig, k))
			continue
		}
		if n, err := parseInt64(v); err == nil {
			b = redcon.AppendInt(b, n)
		} else {
			b = redcon.AppendBulkString(b, v)
		}
	}
	conn.WriteRaw(b)
}

func (e *Emulator) cmdConfigSet(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 3 || len(cmd.Args)%2 == 0 {
		wrongArity(conn, cmd)
		return
	}
	n := (len(cmd.Args) - 1) / 2
	b := redcon.AppendArray(nil, n)
	for i := 1; i+1 < len(cmd.Args); i += 2 {
		res := e.config.set(string(cmd.Args[i]), string(cmd.Args[i+1]))
		if strings.HasPrefix(res, "-") {
			b = redcon.AppendError(b, res[1:])
		} else {
			b = redcon.AppendString(b, res)
		}
	}
	e.sendConfig()
	conn.WriteRaw(b)
}
