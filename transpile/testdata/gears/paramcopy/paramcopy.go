// Package paramcopy is a golden case: ForEach and Filter steps and
// extractors get a copy of a struct record in Go, so one that writes its
// parameter must not change the record passed on; one that only reads it
// needs no copy.
package paramcopy

import "github.com/gogears/gogears/dsl"

// Item is a record.
type Item struct {
	Name string
	N    int
}

func item(k string) Item { return Item{Name: k, N: len(k)} }

// bump writes its parameter.
func bump(it Item) bool {
	it.N++
	return it.N > 1
}

// Writes copies the record for the ForEach and the named Filter.
var Writes = dsl.KeysOnly("k:*").
	Map(item).
	ForEach(func(it Item) { it.Name += "!" }).
	Filter(bump).
	Run()

// Reads needs no copy.
var Reads = dsl.KeysOnly("k:*").
	Map(item).
	ForEach(func(it Item) { _ = it.Name + "?" }).
	Filter(func(it Item) bool { return it.N > 0 }).
	Run()

// Moved copies the record for the extractor, which writes its parameter.
var Moved = dsl.KeysOnly("k:*").
	Map(item).
	Repartition(func(it Item) string {
		it.Name += "/x"
		return it.Name
	}).
	Run()
