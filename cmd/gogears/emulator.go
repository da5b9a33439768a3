package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"syscall"

	"github.com/gogears/gogears/emulator"
)

func init() {
	register(&command{
		name:  "emulator",
		usage: "[-addr host:port] [-redis URL | -redis-server] [-requirepass PASS] [-state FILE]",
		short: "serve a RedisGears 1.2 compatible server for development and tests",
		long: `Emulator serves RESP on a loopback address and behaves like RedisGears 1.2
on one shard: RG.* commands run gear scripts in python3, every other command
goes to the data store. The store is an embedded one by default, so only
python3 is needed; -redis uses an existing Redis and -redis-server starts
redis-server from PATH. -state keeps the registrations in a file, so that
they come back, with their ids, when the emulator starts again (as
RedisGears keeps them in its RDB); keep the data too with -redis. It logs
one line when ready and stops on Ctrl-C or SIGTERM.`,
		setup: setupEmulator,
	})
}

func setupEmulator(fs *flag.FlagSet) runFunc {
	var opts emulator.Options
	fs.StringVar(&opts.Addr, "addr", "127.0.0.1:6379", "`host:port` to listen on")
	fs.StringVar(&opts.RedisURL, "redis", "", "keep data in the Redis at this `URL` (redis://host:port)")
	redisServer := fs.Bool("redis-server", false, "start redis-server from PATH as the store")
	fs.StringVar(&opts.RequirePass, "requirepass", "", "require clients to AUTH with this `password`")
	fs.StringVar(&opts.StateFile, "state", "", "keep registrations across restarts in this JSON `file`")
	return func(ctx context.Context, e *env, args []string) error {
		if len(args) != 0 {
			return errUsage
		}
		if *redisServer {
			if opts.RedisURL != "" {
				return fmt.Errorf("-redis and -redis-server name two stores; pass one")
			}
			opts.Store = emulator.StoreRedisServer
		}
		opts.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))
		em, err := emulator.Run(opts)
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%w; stop the server using %s or pass -addr with a free port", err, opts.Addr)
		}
		if err != nil {
			return err
		}
		err = em.Wait(ctx)
		em.Close()
		// Ctrl-C and SIGTERM cancel ctx: that is the normal way to stop.
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		opts.Logger.Info("stopped")
		return nil
	}
}
