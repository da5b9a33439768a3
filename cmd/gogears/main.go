// Command gogears generates, runs and deploys RedisGears gears written in Go.
//
// Usage:
//
//	gogears <command> [flags] [arguments]
//
// Run `gogears help` for the list of commands and `gogears help <command>`
// for one command's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/redis/go-redis/v9"
)

// A command is one gogears subcommand. Each lives in its own file.
type command struct {
	name  string
	usage string // argument synopsis after the name
	short string // one line for the command list
	long  string // paragraph for `gogears help <name>`
	// setup declares the command's flags on fs and returns the function
	// that runs it, so flag values live in the closure, not in globals.
	setup func(fs *flag.FlagSet) runFunc
}

// A runFunc runs a command with its parsed flags and positional arguments.
type runFunc func(ctx context.Context, e *env, args []string) error

// env carries what a command writes to and reads from, so tests and main
// share one path.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
}

// errUsage makes main print the command's usage and exit 2.
var errUsage = errors.New("usage")

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// quietLogger drops go-redis's internal log lines.
type quietLogger struct{}

func (quietLogger) Printf(context.Context, string, ...any) {}

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	// go-redis logs every failed dial; the commands report the failure
	// once, with the fix.
	redis.SetLogger(quietLogger{})
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		printCommands(stderr)
		return 2
	}
	if args[0] == "help" {
		return help(args[1:], stdout, stderr)
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gogears: unknown command %q; run 'gogears help' for the list\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { printUsage(stderr, c, fs) }
	runCmd := c.setup(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	e := &env{stdout: stdout, stderr: stderr, getenv: getenv}
	err := runCmd(ctx, e, fs.Args())
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		printUsage(stderr, c, fs)
		return 2
	default:
		fmt.Fprintf(stderr, "gogears %s: %v\n", c.name, err)
		return 1
	}
}

func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printCommands(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gogears help: unknown command %q\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.setup(fs)
	printUsage(stdout, c, fs)
	return 0
}

func printCommands(w io.Writer) {
	fmt.Fprintln(w, "gogears writes RedisGears gears in Go.\n\nUsage:\n\n\tgogears <command> [flags] [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "\t%-14s %s\n", n, commands[n].short)
	}
	fmt.Fprintln(w, "\nRun 'gogears help <command>' for details.")
}

func printUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: gogears %s %s\n\n%s\n", c.name, c.usage, strings.TrimSpace(c.long))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}
