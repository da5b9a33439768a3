// Package embed is a golden and end-to-end test case: gears whose records
// are structs with embedded structs, by value and by pointer, with
// promoted fields and methods and json shadowing.
package embed

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gogears/gogears/dsl"
)

// Meta is embedded by value.
type Meta struct {
	Key  string
	Tags []string `json:"tags,omitempty"`
}

// Tag appends a tag; promoted, it mutates the embedding record's Meta.
func (m *Meta) Tag(t string) { m.Tags = append(m.Tags, t) }

// Label reads the key through a value receiver.
func (m Meta) Label() string { return "item " + m.Key }

// Price is embedded by pointer; its Name is shadowed by Item's.
type Price struct {
	Cents int    `json:"cents"`
	Name  string `json:"name"`
}

// Item is the record type of the Items gear.
type Item struct {
	Meta
	*Price
	Name string `json:"name"`
	Note string `json:"-"`
}

// Tally embeds Item's counting part two levels down.
type Tally struct {
	Counts
	Label string
}

// Counts is embedded in Tally.
type Counts struct {
	N     int
	Cents int `json:"cents"`
}

// Items builds one Item per hash, with promoted writes and method calls.
var Items = dsl.HashKeys("item:*").
	Map(func(r dsl.KeyRecord[map[string]string]) Item {
		it := Item{Meta: Meta{Key: r.Key}, Name: r.Value["name"]}
		if c, err := strconv.Atoi(r.Value["price"]); err == nil {
			it.Price = &Price{Name: "p-" + it.Name}
			it.Cents = c
		}
		it.Tag(strings.ToUpper(it.Name[:1]))
		if it.Label() == "item item:2" {
			it.Tags = nil
		}
		return it
	}).
	Run()

// Totals aggregates into a struct with an embedded struct.
var Totals = dsl.HashKeys("item:*").
	Aggregate(Tally{Label: "all"}, func(t Tally, r dsl.KeyRecord[map[string]string]) Tally {
		c, _ := strconv.Atoi(r.Value["price"])
		t.N++
		t.Cents += c
		return t
	}, func(a, b Tally) Tally {
		a.Counts.N += b.N
		a.Cents += b.Counts.Cents
		return a
	}).
	Run()

// Badge prints through String, promoted to Card from its embedded Badge.
type Badge struct{ Text string }

// String decorates the text.
func (b Badge) String() string { return "[" + b.Text + "]" }

// Card embeds Badge.
type Card struct {
	Badge
	Level int
}

type shelf struct {
	Top   Card
	Cards []Card
	inner Card
}

// Labels prints records whose embedded type has a String method, at the
// top level and nested in a struct and a slice.
var Labels = dsl.HashKeys("item:*").
	Map(func(r dsl.KeyRecord[map[string]string]) string {
		c := Card{Badge{r.Value["name"]}, len(r.Key)}
		return fmt.Sprint(c) + " " + fmt.Sprintf("%+v", shelf{c, []Card{c}, c})
	}).
	Run()
