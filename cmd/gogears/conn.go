package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/client"
)

// connFlags are the flags of every command that talks to a server.
type connFlags struct {
	addr     string
	password string
	timeout  time.Duration
}

func (c *connFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.addr, "addr", "", "server `address` host:port or redis:// URL (default $GOGEARS_ADDR, else 127.0.0.1:6379)")
	fs.StringVar(&c.password, "password", "", "server password (default: the -addr URL's, else $GOGEARS_PASSWORD)")
	fs.DurationVar(&c.timeout, "timeout", 0, "give up after this long; 0 means no limit")
}

// dial connects to the server the flags name and checks that it answers.
func (c *connFlags) dial(ctx context.Context, e *env) (*client.Client, func(), error) {
	opts, err := c.options(e)
	if err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(opts)
	if err := rdb.Ping(ctx).Err(); err != nil {
		rdb.Close()
		return nil, nil, fmt.Errorf("cannot reach %s: %v; start a server (for example `gogears emulator`) or pass -addr", opts.Addr, err)
	}
	return client.New(rdb), func() { rdb.Close() }, nil
}

// options resolves the server address and password: flags first, then a
// password in the -addr URL, then the environment.
func (c *connFlags) options(e *env) (*redis.Options, error) {
	addr := c.addr
	if addr == "" {
		addr = e.getenv("GOGEARS_ADDR")
	}
	if addr == "" {
		addr = "127.0.0.1:6379"
	}
	opts := &redis.Options{Addr: addr}
	if strings.Contains(addr, "://") {
		var err error
		if opts, err = redis.ParseURL(addr); err != nil {
			return nil, fmt.Errorf("bad -addr %q: %v; use host:port or redis://[:password@]host:port[/db]", addr, err)
		}
	}
	switch {
	case c.password != "":
		opts.Password = c.password
	case opts.Password == "":
		opts.Password = e.getenv("GOGEARS_PASSWORD")
	}
	return opts, nil
}

// with connects, calls f within the -timeout bound, and disconnects.
func (c *connFlags) with(ctx context.Context, e *env, f func(ctx context.Context, c *client.Client) error) error {
	var cancel context.CancelFunc
	if c.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
	} else {
		ctx, cancel = context.WithCancel(ctx)
	}
	defer cancel()
	gc, closeConn, err := c.dial(ctx, e)
	if err != nil {
		return err
	}
	defer closeConn()
	return f(ctx, gc)
}
