package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/gogears/gogears/client"
)

// adminCommand is a command that sends one request and prints its reply.
type adminCommand struct {
	name, usage, short, long string
	nargs                    int // exact positional count; -1 for any
	do                       func(ctx context.Context, c *client.Client, w io.Writer, args []string) error
}

func init() {
	for _, a := range adminCommands {
		register(a.command())
	}
}

func (a adminCommand) command() *command {
	return &command{
		name: a.name, usage: "[-addr host:port] " + a.usage, short: a.short, long: a.long,
		setup: func(fs *flag.FlagSet) runFunc {
			var conn connFlags
			conn.register(fs)
			return func(ctx context.Context, e *env, args []string) error {
				if a.nargs >= 0 && len(args) != a.nargs {
					return errUsage
				}
				return conn.with(ctx, e, func(ctx context.Context, c *client.Client) error {
					return a.do(ctx, c, e.stdout, args)
				})
			}
		},
	}
}

var adminCommands = []adminCommand{
	{
		name: "executions", short: "list executions (RG.DUMPEXECUTIONS)", nargs: 0,
		long: "Executions lists every execution the server keeps, with its status.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, _ []string) error {
			execs, err := c.DumpExecutions(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSTATUS\tREGISTERED")
			for _, x := range execs {
				fmt.Fprintf(tw, "%s\t%s\t%v\n", x.ID, x.Status, x.Registered)
			}
			return tw.Flush()
		},
	},
	{
		name: "registrations", short: "list registrations with their counters (RG.DUMPREGISTRATIONS)", nargs: 0,
		long: "Registrations lists every registration with its reader, mode, counters and last error.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, _ []string) error {
			regs, err := c.DumpRegistrations(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tREADER\tMODE\tTRIGGERED\tSUCCESS\tFAILURES\tSESSION\tDESC\tLAST ERROR")
			for _, r := range regs {
				d := r.Data
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\n", r.ID, r.Reader, d.Mode,
					d.NumTriggered, d.NumSuccess, d.NumFailures, r.Session, oneLine(r.Desc), oneLine(d.LastError))
			}
			return tw.Flush()
		},
	},
	{
		name: "results", usage: "<execution-id>", short: "print an execution's results and errors (RG.GETRESULTS)", nargs: 1,
		long: "Results prints the records of a finished execution, one per line, then its errors.\nIt fails while the execution is still running.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, args []string) error {
			res, err := c.GetResults(ctx, args[0])
			if err != nil {
				return err
			}
			return printResults(w, res.Values, res.Err())
		},
	},
	{
		name: "abort", usage: "<execution-id>", short: "abort a running execution (RG.ABORTEXECUTION)", nargs: 1,
		long: "Abort stops a running execution. Aborting a finished one is not an error.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, args []string) error {
			return c.AbortExecution(ctx, args[0])
		},
	},
	{
		name: "drop", usage: "<execution-id>", short: "drop a finished execution (RG.DROPEXECUTION)", nargs: 1,
		long: "Drop removes a finished execution and its results from the server.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, args []string) error {
			return c.DropExecution(ctx, args[0])
		},
	},
	{
		name: "unregister", usage: "<registration-id>...", short: "remove registrations (RG.UNREGISTER)", nargs: -1,
		long: "Unregister removes each named registration. Prefer redeploying a session:\nunregistering loses the events that arrive before the next registration.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, args []string) error {
			if len(args) == 0 {
				return errUsage
			}
			for _, id := range args {
				if err := c.Unregister(ctx, id, nil); err != nil {
					return fmt.Errorf("%s: %w", id, err)
				}
			}
			return nil
		},
	},
	{
		name: "sessions", short: "list sessions and their registrations (RG.PYDUMPSESSIONS)", nargs: 0,
		long: "Sessions lists the sessions that scripts created, with their registrations.\nRedisGears 1.2+.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, _ []string) error {
			sessions, err := c.PyDumpSessions(ctx, nil)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tREGISTRATIONS\tDESCRIPTION")
			for _, s := range sessions {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", s.ID, strings.Join(s.Registrations, ","), oneLine(s.Description))
			}
			return tw.Flush()
		},
	},
	{
		name: "config", usage: "get <name>... | set <name> <value> [<name> <value>]...", nargs: -1,
		short: "read or change RedisGears configuration (RG.CONFIGGET, RG.CONFIGSET)",
		long:  "Config reads or sets RedisGears options. Unknown names are kept as extra\nconfiguration that gears read with configGet.",
		do:    configCommand,
	},
	{
		name: "info", short: "print the RedisGears version and plugins", nargs: 0,
		long: "Info prints the RedisGears version from MODULE LIST and, on 1.2+, its plugins.",
		do: func(ctx context.Context, c *client.Client, w io.Writer, _ []string) error {
			v, err := c.Version(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "RedisGears %s\n", v)
			if !v.AtLeast(1, 2, 0) {
				return nil
			}
			plugins, err := c.DumpPlugins(ctx)
			if err != nil {
				return err
			}
			for _, p := range plugins {
				fmt.Fprintf(w, "plugin %s %v\n", p.Name, p.Version)
			}
			return nil
		},
	},
}

func configCommand(ctx context.Context, c *client.Client, w io.Writer, args []string) error {
	if len(args) < 2 {
		return errUsage
	}
	switch args[0] {
	case "get":
		vals, err := c.ConfigGet(ctx, args[1:]...)
		if err != nil {
			return err
		}
		for _, v := range vals {
			if v.Err != nil {
				fmt.Fprintf(w, "%s: error: %v\n", v.Name, v.Err)
				continue
			}
			fmt.Fprintf(w, "%s = %v\n", v.Name, v.Value)
		}
		return nil
	case "set":
		if len(args)%2 != 1 {
			return fmt.Errorf("config set takes name value pairs; got %d words", len(args)-1)
		}
		values := map[string]string{}
		for i := 1; i < len(args); i += 2 {
			values[args[i]] = args[i+1]
		}
		res, err := c.ConfigSet(ctx, values)
		if err != nil {
			return err
		}
		sort.Slice(res, func(i, j int) bool { return res[i].Name < res[j].Name })
		var failed bool
		for _, r := range res {
			switch {
			case r.Err != nil:
				failed = true
				fmt.Fprintf(w, "%s: error: %v\n", r.Name, r.Err)
			case r.Extra:
				fmt.Fprintf(w, "%s: saved as extra configuration\n", r.Name)
			default:
				fmt.Fprintf(w, "%s: OK\n", r.Name)
			}
		}
		if failed {
			return fmt.Errorf("some values were not set")
		}
		return nil
	default:
		return errUsage
	}
}

// printResults writes one record per line: strings as they are, anything
// else as JSON. It returns err, so record errors set the exit status.
func printResults(w io.Writer, values []any, err error) error {
	for _, v := range values {
		if s, ok := v.(string); ok {
			fmt.Fprintln(w, s)
			continue
		}
		b, jerr := json.Marshal(v)
		if jerr != nil {
			fmt.Fprintf(w, "%v\n", v)
			continue
		}
		fmt.Fprintln(w, string(b))
	}
	return err
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return s
}
