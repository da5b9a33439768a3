// Package hook is a golden case: a hook's result is the hooked command's
// reply, so the script sends it as is instead of as JSON text.
package hook

import (
	"strings"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
)

// Upper stores SET values under "up:" upper-cased.
var Upper = dsl.Command().
	Map(func(args []string) any {
		rest := append([]string{}, args[1:]...)
		if len(rest) >= 2 {
			rest[1] = strings.ToUpper(rest[1])
		}
		return runtime.CallNext(rest...)
	}).
	Register(dsl.Hook("set"), dsl.KeyPrefix("up:"), dsl.Mode(dsl.Sync))
