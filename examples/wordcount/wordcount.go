// Package wordcount counts the words of text held in string keys
// "doc:<name>", the classic RedisGears first example, plus a few
// summaries of the same words.
package wordcount

//go:generate go tool gogears gen

import (
	"strings"
	"unicode"

	"github.com/gogears/gogears/dsl"
)

// words splits a document into lower-case words; punctuation separates.
func words(r dsl.KeyRecord[string]) []string {
	return strings.FieldsFunc(strings.ToLower(r.Value), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	})
}

// identity is the grouping key of a word: the word itself.
func identity(w string) string { return w }

// Counts is the number of occurrences of each word.
var Counts = dsl.StringKeys("doc:*").FlatMap(words).CountBy(identity).Run()

// Vocabulary is the distinct words, sorted.
var Vocabulary = dsl.StringKeys("doc:*").FlatMap(words).Distinct().Sort().Run()

// Total is the number of words in all documents.
var Total = dsl.StringKeys("doc:*").FlatMap(words).Count().Run()

// MeanLength is the average word length in runes.
var MeanLength = dsl.StringKeys("doc:*").
	FlatMap(words).
	Avg(func(w string) float64 { return float64(len([]rune(w))) }).
	Run()

// Longest is the longest word of each document.
var Longest = dsl.StringKeys("doc:*").
	Map(func(r dsl.KeyRecord[string]) dsl.Group[string, string] {
		best := ""
		for _, w := range words(r) {
			if len([]rune(w)) > len([]rune(best)) {
				best = w
			}
		}
		return dsl.Group[string, string]{Key: r.Key, Value: best}
	}).
	Run()
