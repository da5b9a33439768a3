// Package sharding assigns keys to buckets with a 32-bit FNV-1a hash, the
// kind of code that relies on Go's wrapping unsigned arithmetic, and
// summarises what each bucket holds.
package sharding

//go:generate go tool gogears gen

import (
	"math"

	"github.com/gogears/gogears/dsl"
)

// Buckets is the number of buckets.
var Buckets = dsl.Param("buckets", 8)

// fnv32a is the FNV-1a hash of s.
func fnv32a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Placement is where a key goes.
type Placement struct {
	Key    string
	Hash   uint32
	Bucket int
	Mix    int64 // a signed mix of the hash that overflows int64
	Notes  []string
	Attrs  map[string]int
}

func place(k string) Placement {
	h := fnv32a(k)
	mix := int64(h) * int64(h) * 31
	p := Placement{Key: k, Hash: h, Bucket: int(h % uint32(Buckets.Get())), Mix: mix}
	if len(k) > 8 {
		p.Notes = append(p.Notes, "long")
		p.Attrs = map[string]int{"len": len(k)}
	}
	return p
}

// Place reports the placement of every item key.
var Place = dsl.KeysOnly("item:*").Map(place).Run()

// Spread counts keys per bucket.
var Spread = dsl.KeysOnly("item:*").
	Map(place).
	CountBy(func(p Placement) string { return string(rune('A' + p.Bucket)) }).
	Run()

// Keys collects the keys of each bucket (the accumulator starts nil).
var Keys = dsl.KeysOnly("item:*").
	Map(place).
	LocalGroupBy(func(p Placement) string { return string(rune('A' + p.Bucket)) },
		func(_ string, keys []string, p Placement) []string { return append(keys, p.Key) }).
	Map(func(g dsl.Group[string, []string]) int { return len(g.Value) }).
	Run()

// Stats derives a few numbers from each key's hash with package math:
// rounding halves, floor and truncation of negatives, remainders.
var Stats = dsl.KeysOnly("item:*").
	Map(func(k string) []float64 {
		h := float64(fnv32a(k)%1000) - 500.5
		return []float64{
			math.Round(h / 10), math.Floor(h / 7), math.Trunc(h / 7), math.Mod(h, 7),
			math.Abs(h), math.Max(h, -3), math.Sqrt(math.Abs(h)), math.Pow(2, h/100),
			float64(int(h) / 7), float64(int(h) % 7), math.Hypot(h, 3), math.Log(1 + math.Abs(h)),
		}
	}).
	Run()
