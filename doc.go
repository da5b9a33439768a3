// Package gogears is the root of the GoGears module: typed RedisGears 1.x
// gears written in Go and transpiled to Python gear scripts.
//
// The root package holds no code. Its tests enforce the import policy
// between the packages below it; see the README for the architecture.
package gogears
