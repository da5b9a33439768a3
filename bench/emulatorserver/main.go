// Command emulatorserver runs the GoGears emulator for bench/emulator.sh,
// until SIGINT or SIGTERM. Users run `gogears emulator` instead.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/gogears/gogears/emulator"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	redisURL := flag.String("redis", "", "redis://host:port of the store; empty for the embedded store")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ready := make(chan struct{})
	e, err := emulator.Run(emulator.Options{
		Addr:     *addr,
		RedisURL: *redisURL,
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, nil)),
		Ready:    ready,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	<-ready
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e.Wait(ctx)
	e.Close()
}
