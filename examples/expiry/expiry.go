// Package expiry gives keys an automatic time to live: every string written
// under "session:" expires after a TTL chosen at deploy time.
package expiry

//go:generate go tool gogears gen

import (
	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime/cmd"
)

// TTL is the lifetime of a session key, in seconds.
var TTL = dsl.Param("ttl", 3600)

// SetTTL expires session keys TTL seconds after each write.
var SetTTL = dsl.Keys("session:*").
	ForEach(func(r dsl.KeyRecord[any]) { cmd.Expire(r.Key, int64(TTL.Get())) }).
	Register(dsl.OnEvents("set"), dsl.Mode(dsl.Sync))
