// Package profiles cleans up user profile hashes "user:<id>" (name, age,
// balance, score, tags) and reports on them: the kind of text and number
// handling where Go and Python differ unless the translation is careful
// (case mapping, whitespace, integer division, number parsing, formatting).
package profiles

//go:generate go tool gogears gen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gogears/gogears/dsl"
)

// Profile is a cleaned-up user profile.
type Profile struct {
	Key     string
	Name    string // upper-cased, inner whitespace collapsed
	Age     int    // -1 when unparsable
	Bucket  int    // balance in hundreds, rounded toward zero
	Rem     int    // balance modulo 100, with the sign of the balance
	Score   float64
	Tags    []string
	Initial string
	Label   string
}

func clean(r dsl.KeyRecord[map[string]string]) Profile {
	v := r.Value
	age, err := strconv.Atoi(strings.TrimSpace(v["age"]))
	if err != nil {
		age = -1
	}
	bal, err := strconv.Atoi(v["balance"])
	if err != nil {
		bal = 0
	}
	score, err := strconv.ParseFloat(v["score"], 64)
	if err != nil {
		score = 0
	}
	name := strings.Join(strings.Fields(v["name"]), " ")
	initial := ""
	for _, c := range name {
		initial = string(c)
		break
	}
	return Profile{
		Key:     r.Key,
		Name:    strings.ToUpper(name),
		Age:     age,
		Bucket:  bal / 100,
		Rem:     bal % 100,
		Score:   score,
		Tags:    strings.Split(v["tags"], ","),
		Initial: initial,
		Label:   fmt.Sprintf("%s (%d) %.2f %q", strings.ToLower(name), age, score, initial),
	}
}

// Clean returns every profile cleaned up.
var Clean = dsl.HashKeys("user:*").Map(clean).Run()

// NameLengths is each name's length in bytes and in runes.
var NameLengths = dsl.HashKeys("user:*").
	Map(func(r dsl.KeyRecord[map[string]string]) []int {
		n := r.Value["name"]
		return []int{len(n), len([]rune(n))}
	}).
	Run()

// Buckets counts users per balance bucket.
var Buckets = dsl.HashKeys("user:*").
	Map(clean).
	CountBy(func(p Profile) string { return strconv.Itoa(p.Bucket) }).
	Run()

// TopScores is the scores, highest first.
var TopScores = dsl.HashKeys("user:*").
	Map(func(r dsl.KeyRecord[map[string]string]) float64 { return clean(r).Score }).
	Sort(dsl.Descending).
	Run()

// Product multiplies the valid ages. (Ages of 0 are left out: with them
// the result would depend on the unspecified record order, since the
// aggregate's falsy-accumulator quirk resets a 0 product to the zero value.)
var Product = dsl.HashKeys("user:*").
	Map(clean).
	Filter(func(p Profile) bool { return p.Age > 0 }).
	Aggregate(1,
		func(acc int, p Profile) int { return acc * p.Age },
		func(acc, part int) int { return acc * part }).
	Run()

// AllTags is every tag of every user, upper-cased.
var AllTags = dsl.HashKeys("user:*").
	FlatMap(func(r dsl.KeyRecord[map[string]string]) []string {
		var out []string
		for _, t := range clean(r).Tags {
			out = append(out, strings.ToUpper(strings.TrimSpace(t)))
		}
		return out
	}).
	Run()
