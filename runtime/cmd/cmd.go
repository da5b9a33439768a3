// Package cmd has typed Redis commands for gear steps, like redgrease.cmd:
// go-redis-like signatures without the context and Cmd wrappers, for
// example
//
//	v, ok := cmd.HGet(r.Key, "status") // ok is false for a nil reply
//	cmd.HSet(r.Key, "status", "pending")
//	cmd.XAdd("to_be_processed", "*", "record", r.Key)
//
// Every function sends one command through runtime.Execute to the local
// shard, so in a generated script it is execute('CMD', ...) plus a reply
// conversion, and natively it goes to the engine's Redis. A Redis error
// reply panics with a *runtime.Error, failing the current record as the
// Python builtin raises. Where Redis distinguishes a nil reply (HGET of a
// missing field, GET of a missing key), the function returns an extra
// bool. Blocking commands are absent: they cannot run inside a gear.
//
// The functions are generated from the table in package spec; edit the
// table and run `go generate` here.
package cmd

//go:generate go run ./internal/cmdgen -o commands_generated.go

import (
	"fmt"
	"strconv"

	"github.com/gogears/gogears/runtime"
)

// Z is a sorted-set member with its score.
type Z struct {
	Member string
	Score  float64
}

// XMessage is a stream entry.
type XMessage struct {
	ID     string
	Values map[string]string
}

// XStream is the entries read from one stream.
type XStream struct {
	Stream   string
	Messages []XMessage
}

// GeoPos is a member's position; Valid is false for an absent member.
type GeoPos struct {
	Longitude float64
	Latitude  float64
	Valid     bool
}

// formatFloat formats a float argument the shortest way Redis parses back
// to the same value.
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// badReply fails the record when a reply has an unexpected shape, which
// means the command table is wrong for this Redis version.
func badReply(kind string, r any) *runtime.Error {
	return &runtime.Error{Msg: fmt.Sprintf("cmd: unexpected reply %#v for a %s result", r, kind)}
}

func replyInt(r any) int64 {
	switch v := r.(type) {
	case int64:
		return v
	case string:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n
		}
	}
	panic(badReply("Int", r))
}

func replyBool(r any) bool { return replyInt(r) != 0 }

func replyOK(r any) bool { return r != nil }

func replyStr(r any) string {
	s, _ := replyStrNil(r)
	return s
}

func replyStrNil(r any) (string, bool) {
	switch v := r.(type) {
	case nil:
		return "", false
	case string:
		return v, true
	case int64:
		return strconv.FormatInt(v, 10), true
	}
	panic(badReply("Str", r))
}

func replyIntNil(r any) (int64, bool) {
	if r == nil {
		return 0, false
	}
	return replyInt(r), true
}

func replyFloat(r any) float64 {
	f, ok := replyFloatNil(r)
	if !ok {
		panic(badReply("Float", r))
	}
	return f
}

func replyFloatNil(r any) (float64, bool) {
	switch v := r.(type) {
	case nil:
		return 0, false
	case int64:
		return float64(v), true
	case string:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f, true
		}
	}
	panic(badReply("Float", r))
}

func replyList(kind string, r any) []any {
	switch v := r.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	panic(badReply(kind, r))
}

func replyStrs(r any) []string {
	l := replyList("Strs", r)
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = replyStr(x)
	}
	return out
}

func replyBools(r any) []bool {
	l := replyList("Bools", r)
	out := make([]bool, len(l))
	for i, x := range l {
		out[i] = replyBool(x)
	}
	return out
}

func replyStrMap(r any) map[string]string {
	l := replyList("StrMap", r)
	m := make(map[string]string, len(l)/2)
	for i := 0; i+1 < len(l); i += 2 {
		m[replyStr(l[i])] = replyStr(l[i+1])
	}
	return m
}

func replyZipMap(r any, names []string) map[string]string {
	l := replyList("ZipMap", r)
	m := make(map[string]string, len(l))
	for i, x := range l {
		if x != nil && i < len(names) {
			m[names[i]] = replyStr(x)
		}
	}
	return m
}

func replyScanPage(r any) ([]string, int64) {
	l := replyList("ScanPage", r)
	if len(l) != 2 {
		panic(badReply("ScanPage", r))
	}
	return replyStrs(l[1]), replyInt(l[0])
}

func replyZScores(r any) []Z {
	l := replyList("ZScores", r)
	out := make([]Z, 0, len(l)/2)
	for i := 0; i+1 < len(l); i += 2 {
		out = append(out, Z{Member: replyStr(l[i]), Score: replyFloat(l[i+1])})
	}
	return out
}

func replyXMessages(r any) []XMessage {
	l := replyList("XMessages", r)
	out := make([]XMessage, 0, len(l))
	for _, e := range l {
		m := replyList("XMessages", e)
		if len(m) != 2 {
			panic(badReply("XMessages", r))
		}
		out = append(out, XMessage{ID: replyStr(m[0]), Values: replyStrMap(m[1])})
	}
	return out
}

func replyXStreams(r any) []XStream {
	l := replyList("XStreams", r)
	out := make([]XStream, 0, len(l))
	for _, e := range l {
		s := replyList("XStreams", e)
		if len(s) != 2 {
			panic(badReply("XStreams", r))
		}
		out = append(out, XStream{Stream: replyStr(s[0]), Messages: replyXMessages(s[1])})
	}
	return out
}

func replyGeoPosList(r any) []GeoPos {
	l := replyList("GeoPosList", r)
	out := make([]GeoPos, len(l))
	for i, e := range l {
		if e == nil {
			continue
		}
		p := replyList("GeoPosList", e)
		if len(p) != 2 {
			panic(badReply("GeoPosList", r))
		}
		out[i] = GeoPos{Longitude: replyFloat(p[0]), Latitude: replyFloat(p[1]), Valid: true}
	}
	return out
}
