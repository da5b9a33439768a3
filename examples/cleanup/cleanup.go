// Package cleanup deletes keys by prefix, the prefix chosen when the job
// is run (a gear parameter).
package cleanup

//go:generate go tool gogears gen

import (
	"strings"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime/cmd"
)

// Prefix is the key prefix to delete; the default deletes nothing
// outside "tmp:".
var Prefix = dsl.Param("prefix", "tmp:")

// DryRun lists what DeleteByPrefix would delete, without deleting.
var DryRun = dsl.Param("dry_run", false)

// DeleteByPrefix deletes every key starting with Prefix and returns how
// many it deleted (no record when none).
var DeleteByPrefix = dsl.KeysOnly("*").
	Filter(func(k string) bool { return strings.HasPrefix(k, Prefix.Get()) }).
	ForEach(func(k string) {
		if !DryRun.Get() {
			cmd.Del(k)
		}
	}).
	Count().
	Run()
