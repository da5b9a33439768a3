package client

import (
	"context"
	"errors"
	"sort"
	"strings"
)

// ConfigCmdable is the RedisGears configuration and version commands.
type ConfigCmdable interface {
	// ConfigGet reads RedisGears settings: `RG.CONFIGGET name ...`.
	ConfigGet(ctx context.Context, names ...string) ([]ConfigValue, error)
	// ConfigSet changes RedisGears settings: `RG.CONFIGSET name value ...`.
	ConfigSet(ctx context.Context, values map[string]string) ([]ConfigSetResult, error)
	// DumpPlugins lists the loaded plugins: `RG.DUMPPLUGINS` (RedisGears 1.2+).
	DumpPlugins(ctx context.Context) ([]Plugin, error)
	// Version returns the RedisGears version from `MODULE LIST`.
	Version(ctx context.Context) (ModuleVersion, error)
}

// ConfigGet reads RedisGears settings with `RG.CONFIGGET name ...`, one
// ConfigValue per name in order. An unknown name gives that entry an Err
// (`Unsupported config parameter`), not a call error. Values are strings or
// int64 as the server sends them. No names gives an empty result.
//
//	vals, err := c.ConfigGet(ctx, "MaxExecutions", "PythonAttemptTraceback")
//	fmt.Println(vals[0].Value) // 1000
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgconfigget
func (c *Client) ConfigGet(ctx context.Context, names ...string) ([]ConfigValue, error) {
	if len(names) == 0 {
		return nil, nil
	}
	v, err := c.call(ctx, appendStrings([]any{"RG.CONFIGGET"}, names)...)
	if err != nil {
		return nil, err
	}
	return parseConfigGet(names, v)
}

// ConfigSet changes RedisGears settings with `RG.CONFIGSET name value ...`
// (names sent in sorted order) and returns one ConfigSetResult per name. A
// name that is not built in is stored in the extra config dictionary
// (Extra true), readable by gears with configGet. The error joins the
// entries that failed (for example a setting only allowed at load time).
// An empty map sends nothing. On a cluster it goes to every master, since
// each shard keeps its own settings; the results are the first master's
// (by address) and the error names any node that failed.
//
//	_, err := c.ConfigSet(ctx, map[string]string{"MaxExecutions": "2000"})
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgconfigset
func (c *Client) ConfigSet(ctx context.Context, values map[string]string) ([]ConfigSetResult, error) {
	if len(values) == 0 {
		return nil, nil
	}
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	sort.Strings(names)
	args := make([]any, 0, 2*len(names)+1)
	args = append(args, "RG.CONFIGSET")
	for _, n := range names {
		args = append(args, n, values[n])
	}
	replies, err := c.eachMaster(ctx, args...)
	if err != nil {
		return nil, err
	}
	var first []ConfigSetResult
	var errs []error
	for i, nr := range replies {
		res, err := parseConfigSet(names, nr.reply)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			first = res
		}
		for _, r := range res {
			if r.Err != nil {
				if len(replies) > 1 {
					errs = append(errs, nodeError(nr.addr, r.Err))
				} else {
					errs = append(errs, r.Err)
				}
			}
		}
	}
	return first, errors.Join(errs...)
}

// DumpPlugins lists the loaded RedisGears plugins (the Python plugin is
// "GearsPythonPlugin") with `RG.DUMPPLUGINS`. RedisGears 1.2+; an empty
// slice means no plugin is loaded.
//
//	plugins, err := c.DumpPlugins(ctx)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgdumpplugins
func (c *Client) DumpPlugins(ctx context.Context) ([]Plugin, error) {
	if err := c.require(ctx, "RG.DUMPPLUGINS", "RG.DUMPPLUGINS", 1, 2, 0); err != nil {
		return nil, err
	}
	v, err := c.call(ctx, "RG.DUMPPLUGINS")
	if err != nil {
		return nil, err
	}
	return parsePlugins(v)
}

// Version returns the RedisGears version, read from `MODULE LIST` (module
// `rg`) on first use and cached for the life of c. It fails with ErrNoGears
// when the module is not loaded; failures are not cached.
//
//	v, err := c.Version(ctx)
//	if v.AtLeast(1, 2, 0) { /* sessions and upgrades are available */ }
//
// See https://redis.io/docs/latest/commands/module-list/
func (c *Client) Version(ctx context.Context) (ModuleVersion, error) {
	c.mu.Lock()
	if c.version != nil {
		v := *c.version
		c.mu.Unlock()
		return v, nil
	}
	c.mu.Unlock()
	reply, err := c.call(ctx, "MODULE", "LIST")
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Command = "MODULE LIST"
			if e.Kind == ErrNoGears { // MODULE itself unknown: not Redis
				e.Kind = nil
			}
		}
		return ModuleVersion{}, err
	}
	v, found, err := parseModuleList(reply)
	if err != nil {
		return ModuleVersion{}, err
	}
	if !found {
		return ModuleVersion{}, &Error{Command: "MODULE LIST", Kind: ErrNoGears,
			Msg: "module rg is not loaded; start redis-server with --loadmodule redisgears.so (1.2: add Plugin gears_python.so)"}
	}
	c.mu.Lock()
	c.version = &v
	c.mu.Unlock()
	return v, nil
}

// isOKText reports whether s is an OK status, as sent by RG.PYIMPORTREQ.
func isOKText(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "OK") }
