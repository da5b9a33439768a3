package emulator

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tidwall/redcon"
)

// commandsStats is the table of Python runtime and introspection commands.
func commandsStats(e *Emulator) map[string]redcon.HandlerFunc {
	return map[string]redcon.HandlerFunc{
		"rg.pystats":        e.cmdPyStats,
		"rg.pydumpreqs":     e.cmdPyDumpReqs,
		"rg.pydumpsessions": e.cmdPyDumpSessions,
		"rg.dumpplugins":    e.cmdDumpPlugins,
		"rg.pyprofile":      e.cmdPyProfile,
		"rg.pyexportreq":    e.cmdPyExportReq,
		"rg.pyimportreq":    e.cmdPyImportReq,
	}
}

// cmdPyStats reports the python worker's memory, in RedisGears' reply
// shape; see memory_stats in python/worker.py for what the figures are.
func (e *Emulator) cmdPyStats(conn redcon.Conn, cmd redcon.Command) {
	r, err := e.worker.request(&frame{Op: "pystats"})
	if err != nil {
		conn.WriteError(msgWorkerDied)
		return
	}
	figures, _ := r.Value.([]any)
	b := redcon.AppendArray(nil, 6)
	for i, k := range []string{"TotalAllocated", "PeakAllocated", "CurrAllocated"} {
		var n float64 // JSON numbers decode as float64
		if i < len(figures) {
			n, _ = figures[i].(float64)
		}
		b = redcon.AppendBulkString(b, k)
		b = redcon.AppendInt(b, int64(n))
	}
	conn.WriteRaw(b)
}

func (e *Emulator) cmdPyDumpReqs(conn redcon.Conn, cmd redcon.Command) {
	e.mu.Lock()
	names := make([]string, 0, len(e.reqs))
	for r := range e.reqs {
		names = append(names, r)
	}
	e.mu.Unlock()
	sort.Strings(names)
	b := redcon.AppendArray(nil, len(names))
	for _, n := range names {
		b = redcon.AppendArray(b, 18)
		b = redcon.AppendBulkString(b, "GearReqVersion")
		b = redcon.AppendInt(b, 1)
		b = redcon.AppendBulkString(b, "Name")
		b = redcon.AppendBulkString(b, n)
		b = redcon.AppendBulkString(b, "IsDownloaded")
		b = redcon.AppendBulkString(b, "yes")
		b = redcon.AppendBulkString(b, "IsInstalled")
		b = redcon.AppendBulkString(b, "yes")
		b = redcon.AppendBulkString(b, "CompiledOs")
		b = redcon.AppendBulkString(b, "linux")
		b = redcon.AppendBulkString(b, "Wheels")
		b = redcon.AppendArray(b, 0)
		b = redcon.AppendBulkString(b, "Path")
		b = redcon.AppendBulkString(b, "site")
		b = redcon.AppendBulkString(b, "RefCount")
		b = redcon.AppendInt(b, 1)
		b = redcon.AppendBulkString(b, "IsInReqDictionary")
		b = redcon.AppendBulkString(b, "yes")
	}
	conn.WriteRaw(b)
}

func (e *Emulator) cmdPyDumpSessions(conn redcon.Conn, cmd redcon.Command) {
	verbose := false
	var names []string
	for i := 1; i < len(cmd.Args); i++ {
		switch strings.ToUpper(string(cmd.Args[i])) {
		case "VERBOSE":
			verbose = true
		case "DEAD":
		case "SESSIONS":
			names = stringsOf(cmd.Args[i+1:])
			if len(names) == 0 {
				names = []string{}
			}
			i = len(cmd.Args)
		default:
			writeError(conn, fmt.Sprintf(msgUnknownArgs, cmd.Args[i]))
			return
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if names == nil {
		for id := range e.sessions {
			names = append(names, id)
		}
		sort.Strings(names)
	}
	b := redcon.AppendArray(nil, len(names))
	for _, id := range names {
		s := e.sessions[id]
		if s == nil {
			b = redcon.AppendBulkString(b, fmt.Sprintf(msgSessionNotExists, id))
			continue
		}
		b = redcon.AppendArray(b, 16)
		b = redcon.AppendBulkString(b, "ID")
		b = redcon.AppendBulkString(b, s.id)
		b = redcon.AppendBulkString(b, "sessionDescription")
		if s.desc == "" {
			b = redcon.AppendNull(b)
		} else {
			b = redcon.AppendBulkString(b, s.desc)
		}
		b = redcon.AppendBulkString(b, "refCount")
		b = redcon.AppendInt(b, int64(len(s.regs)+1))
		b = redcon.AppendBulkString(b, "linked")
		b = redcon.AppendBulkString(b, "primary")
		b = redcon.AppendBulkString(b, "dead")
		b = redcon.AppendBulkString(b, "false")
		b = redcon.AppendBulkString(b, "requirementInstallationNeeded")
		b = redcon.AppendInt(b, 0)
		b = redcon.AppendBulkString(b, "requirements")
		b = appendStrings(b, append([]string{}, s.requirements...))
		b = redcon.AppendBulkString(b, "registrations")
		b = redcon.AppendArray(b, len(s.regs))
		for _, rid := range s.regs {
			if r := e.regs[rid]; verbose && r != nil {
				b = e.appendRegistration(b, r, false)
			} else {
				b = redcon.AppendBulkString(b, rid)
			}
		}
	}
	conn.WriteRaw(b)
}

func (e *Emulator) cmdDumpPlugins(conn redcon.Conn, cmd redcon.Command) {
	b := redcon.AppendArray(nil, 1)
	b = redcon.AppendArray(b, 2)
	b = redcon.AppendBulkString(b, "GearsPythonPlugin")
	b = redcon.AppendInt(b, 10213)
	conn.WriteRaw(b)
}

func (e *Emulator) cmdPyProfile(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 3 {
		wrongArity(conn, cmd)
		return
	}
	e.mu.Lock()
	s := e.sessions[string(cmd.Args[2])]
	e.mu.Unlock()
	switch sub := strings.ToUpper(string(cmd.Args[1])); sub {
	case "STATS", "RESET":
		// STATS <id> [order], RESET <id>
		if len(cmd.Args) > 4 || (sub == "RESET" && len(cmd.Args) > 3) {
			wrongArity(conn, cmd)
			return
		}
		if s == nil {
			conn.WriteError(msgSessionDoesNotExist)
			return
		}
		op := "profile"
		if sub == "RESET" {
			op = "profile_reset"
		}
		r, err := e.worker.request(&frame{Op: op, Session: s.id})
		switch {
		case err != nil:
			conn.WriteError(msgWorkerDied)
		case r.Error != nil:
			writeError(conn, *r.Error)
		case sub == "RESET":
			conn.WriteString("OK")
		default:
			v, _ := r.Value.(string)
			conn.WriteBulkString(v)
		}
	default:
		conn.WriteError(msgProfileSubcommand)
	}
}

// dropProfile frees the profile statistics of a session that is gone.
func (e *Emulator) dropProfile(session string) {
	e.worker.send(&frame{Op: "profile_reset", Session: session})
}

func (e *Emulator) cmdPyExportReq(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) != 2 {
		wrongArity(conn, cmd)
		return
	}
	conn.WriteError(msgRequirementNotExists)
}

// cmdPyImportReq: the emulator has no serialized requirement format; pass
// REQUIREMENTS to RG.PYEXECUTE instead.
func (e *Emulator) cmdPyImportReq(conn redcon.Conn, cmd redcon.Command) {
	if len(cmd.Args) < 2 {
		wrongArity(conn, cmd)
		return
	}
	conn.WriteError(msgBadRequirement)
}
