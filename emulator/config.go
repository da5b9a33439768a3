package emulator

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// This file holds RG.CONFIGGET/RG.CONFIGSET state: the built-in options
// with their RedisGears defaults, and the "extra" dictionary that gear
// scripts read with configGet.

// builtinConfig lists the options RedisGears knows, with defaults, and
// whether RG.CONFIGSET may change them.
var builtinConfig = []struct {
	name, def string
	settable  bool
}{
	{"MaxExecutions", "1000", true},
	{"MaxExecutionsPerRegistration", "100", true},
	{"ProfileExecutions", "0", true},
	{"PythonAttemptTraceback", "1", true},
	{"ExecutionThreads", "3", false},
	{"ExecutionMaxIdleTime", "5000", true},
	{"PythonInstallReqMaxIdleTime", "30000", true},
	{"SendMsgRetries", "3", true},
	{"DownloadDeps", "1", false},
	{"DependenciesUrl", "", false},
	{"DependenciesSha256", "", false},
	{"PythonInstallationDir", "/var/opt/redislabs/modules/rg", false},
	{"CreateVenv", "0", false},
	{"OverridePythonAllocators", "1", false},
}

type config struct {
	mu      sync.Mutex
	builtin map[string]string // lower-case name -> value
	names   map[string]string // lower-case name -> canonical name
	extra   map[string]string
}

func newConfig() *config {
	c := &config{builtin: map[string]string{}, names: map[string]string{}, extra: map[string]string{}}
	for _, b := range builtinConfig {
		c.builtin[strings.ToLower(b.name)] = b.def
		c.names[strings.ToLower(b.name)] = b.name
	}
	return c
}

// get returns a value: built-in first, then extra.
func (c *config) get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.builtin[strings.ToLower(key)]; ok {
		return v, true
	}
	v, ok := c.extra[key]
	return v, ok
}

// getExtra is configGet in gear scripts: extra values only.
func (c *config) getExtra(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.extra[key]
	return v, ok
}

func (c *config) int(key string) int {
	v, _ := c.get(key)
	n, _ := strconv.Atoi(v)
	return n
}

// set applies one RG.CONFIGSET pair and returns its reply line, or an error
// text (starting with "-").
func (c *config) set(key, val string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	lk := strings.ToLower(key)
	if _, ok := c.builtin[lk]; ok {
		for _, b := range builtinConfig {
			if strings.ToLower(b.name) == lk && !b.settable {
				return "-" + fmt.Sprintf(msgUnsupportedConfig, key)
			}
		}
		if _, err := strconv.ParseInt(val, 10, 64); err != nil {
			return "-" + msgConfigNotNumber
		}
		c.builtin[lk] = val
		return "OK"
	}
	c.extra[key] = val
	return msgExtraConfigSaved
}
