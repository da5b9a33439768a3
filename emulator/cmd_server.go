package emulator

import (
	"strconv"
	"strings"

	"github.com/tidwall/redcon"
)

// commandsServer is the table of server commands the emulator answers
// itself: MODULE shows RedisGears 1.2.13 as module "rg".
func commandsServer(e *Emulator) map[string]redcon.HandlerFunc {
	return map[string]redcon.HandlerFunc{
		"module": e.cmdModule,
	}
}

// moduleVersion is RedisGears 1.2.13 as MODULE LIST reports it.
const moduleVersion = 10213

func (e *Emulator) cmdModule(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 2 {
		wrongArity(conn, cmd)
		return
	}
	switch strings.ToLower(string(cmd.Args[1])) {
	case "list":
		b := redcon.AppendArray(nil, 1)
		b = redcon.AppendArray(b, 4)
		b = redcon.AppendBulkString(b, "name")
		b = redcon.AppendBulkString(b, "rg")
		b = redcon.AppendBulkString(b, "ver")
		b = redcon.AppendInt(b, moduleVersion)
		conn.WriteRaw(b)
	case "help":
		conn.WriteArray(1)
		conn.WriteString("MODULE LIST -- Return a list of loaded modules.")
	default:
		conn.WriteError("ERR unknown subcommand '" + string(cmd.Args[1]) + "'. Try MODULE HELP.")
	}
}

func parseInt64(s string) (int64, error) { return strconv.ParseInt(s, 10, 64) }
