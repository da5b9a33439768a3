// Package corpus holds the functions of the differential test: each runs
// natively in Go and, transpiled, in CPython on the same inputs, and the
// results must match. Every row of docs/subset.md marked "translated" has
// functions here; the file names say which rows.
package corpus

// All lists every corpus function; the test calls them through reflection
// and finds the Python counterpart by name.
var All []any

func reg(fs ...any) bool {
	All = append(All, fs...)
	return true
}
