package emulator

import "github.com/tidwall/redcon"

// commandsCluster is the table of cluster commands; the emulator is one
// shard, not a cluster.
func commandsCluster(e *Emulator) map[string]redcon.HandlerFunc {
	return map[string]redcon.HandlerFunc{
		"rg.infocluster":    e.cmdInfoCluster,
		"rg.refreshcluster": e.cmdRefreshCluster,
	}
}

func (e *Emulator) cmdInfoCluster(conn redcon.Conn, cmd redcon.Command) {
	conn.WriteBulkString(msgNoClusterMode)
}

func (e *Emulator) cmdRefreshCluster(conn redcon.Conn, cmd redcon.Command) {
	conn.WriteString("OK")
}
