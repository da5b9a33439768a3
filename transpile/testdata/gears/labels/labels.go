// Package labels is a golden case: labeled break and continue leave inner
// Python loops through flag variables named after the label, tested after
// each loop they cross; a continue runs the labeled loop's post statement.
package labels

import (
	"strings"

	"github.com/gogears/gogears/dsl"
)

// Fields counts, per key, the fields before the first empty one, skipping
// fields that repeat an earlier one.
var Fields = dsl.KeysOnly("csv:*").
	Map(func(k string) int {
		parts := strings.Split(k, ",")
		n := 0
	fields:
		for i := 1; i < len(parts); i++ {
			for _, prev := range parts[:i] {
				if parts[i] == "" {
					break fields
				}
				if prev == parts[i] {
					continue fields
				}
			}
			n++
		}
		return n
	}).
	Run()

// Kinds classifies each key's characters, stopping at the first '!':
// break inside the switch leaves the switch, continue the loop.
var Kinds = dsl.KeysOnly("k:*").
	Map(func(k string) []string {
		var out []string
	chars:
		for _, r := range k {
			switch {
			case r == '!':
				break chars
			case r == ' ':
				continue
			case r >= '0' && r <= '9':
				if r == '0' {
					break
				}
				out = append(out, "digit")
			default:
				out = append(out, "other")
			}
			out = append(out, string(r))
		}
		return out
	}).
	Run()
