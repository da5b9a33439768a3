package cmd_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

// pair packs a two-result call for comparison.
type pair[A, B any] struct {
	V  A
	OK B
}

func p[A, B any](a A, b B) pair[A, B] { return pair[A, B]{a, b} }

// ttl100 reports whether a TTL read just after setting 100s is 100s, give
// or take the rounding: Redis rounds the remaining milliseconds, so on a
// loaded machine it may already read 99.
func ttl100(ttl int64) bool { return ttl > 90 && ttl <= 100 }

// TestCommands runs every typed command against a real redis-server, in
// order: later cases read what earlier ones wrote.
func TestCommands(t *testing.T) {
	s := redistest.Start(t)
	c := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer c.Close()
	ex := engine.NewRedisExecutor(c) // c speaks RESP3: the executor opens a RESP2 pool
	defer ex.Close()
	e := engine.New(ex)
	tests := []struct {
		name string
		call func() any
		want any
	}{
		// strings
		{"Set", func() any { cmd.Set("s", "v"); return nil }, nil},
		{"Get", func() any { return p(cmd.Get("s")) }, p("v", true)},
		{"Get missing", func() any { return p(cmd.Get("nope")) }, p("", false)},
		{"SetEX", func() any { cmd.SetEX("sx", 100, "v"); return ttl100(cmd.TTL("sx")) }, true},
		{"PSetEX", func() any { cmd.PSetEX("psx", 100000, "v"); return cmd.PTTL("psx") > 90000 }, true},
		{"SetNX", func() any { return []bool{cmd.SetNX("nx", "1"), cmd.SetNX("nx", "2")} }, []bool{true, false}},
		{"SetXX", func() any { return []bool{cmd.SetXX("nx", "3"), cmd.SetXX("nope", "3")} }, []bool{true, false}},
		{"SetKeepTTL", func() any { cmd.SetKeepTTL("sx", "w"); return cmd.TTL("sx") > 0 }, true},
		{"GetSet", func() any { return p(cmd.GetSet("s", "v2")) }, p("v", true)},
		{"GetEX", func() any { return p(cmd.GetEX("s", 50)) }, p("v2", true)},
		{"GetDel", func() any { return []any{p(cmd.GetDel("s")), cmd.Exists("s")} }, []any{p("v2", true), int64(0)}},
		{"Append StrLen", func() any { return []int64{cmd.Append("a", "xy"), cmd.Append("a", "z"), cmd.StrLen("a")} }, []int64{2, 3, 3}},
		{"Incr family", func() any {
			return []int64{cmd.Incr("n"), cmd.IncrBy("n", 10), cmd.Decr("n"), cmd.DecrBy("n", 5)}
		}, []int64{1, 11, 10, 5}},
		{"IncrByFloat", func() any { return cmd.IncrByFloat("f", 1.5) }, 1.5},
		{"GetRange SetRange", func() any { return []any{cmd.SetRange("a", 1, "Q"), cmd.GetRange("a", 0, -1)} }, []any{int64(3), "xQz"}},
		{"MSet MGet", func() any { cmd.MSet("m1", "1", "m2", "2"); return cmd.MGet("m1", "missing", "m2") }, map[string]string{"m1": "1", "m2": "2"}},
		{"MSetNX", func() any { return []bool{cmd.MSetNX("m1", "x"), cmd.MSetNX("m3", "3")} }, []bool{false, true}},

		// keys
		{"Exists Touch", func() any { return []int64{cmd.Exists("m1", "m1", "nope"), cmd.Touch("m1", "nope")} }, []int64{2, 1}},
		{"Type", func() any { return cmd.Type("m1") }, "string"},
		{"Expire TTL Persist", func() any {
			return []any{cmd.Expire("m1", 100), ttl100(cmd.TTL("m1")), cmd.Persist("m1"), cmd.TTL("m1"), cmd.Expire("nope", 1), cmd.TTL("nope")}
		}, []any{true, true, true, int64(-1), false, int64(-2)}},
		{"PExpire ExpireAt PExpireAt", func() any {
			return []bool{cmd.PExpire("m1", 100000), cmd.ExpireAt("m2", 4102444800), cmd.PExpireAt("m3", 4102444800000)}
		}, []bool{true, true, true}},
		{"Rename RenameNX Copy", func() any {
			cmd.Rename("m1", "r1")
			return []bool{cmd.RenameNX("r1", "m2"), cmd.RenameNX("r1", "r2"), cmd.Copy("r2", "r3"), cmd.Copy("r2", "r3")}
		}, []bool{false, true, true, false}},
		{"Keys", func() any { return len(cmd.Keys("r*")) }, 2},
		{"Scan", func() any {
			var all []string
			cur := int64(0)
			for {
				ks, next := cmd.Scan(cur, "r*", 1)
				all = append(all, ks...)
				if cur = next; cur == 0 {
					return len(all)
				}
			}
		}, 2},
		{"Del Unlink", func() any { return []int64{cmd.Del("r2", "nope"), cmd.Unlink("r3")} }, []int64{1, 1}},
		{"RandomKey", func() any { _, ok := cmd.RandomKey(); return ok }, true},
		{"ObjectEncoding", func() any { return p(cmd.ObjectEncoding("n")) }, p("int", true)},
		{"DBSize Ping Echo", func() any { return []any{cmd.DBSize() > 0, cmd.Ping(), cmd.Echo("hi")} }, []any{true, "PONG", "hi"}},

		// hashes
		{"HSet HGet", func() any {
			return []any{cmd.HSet("h", "a", "1", "b", "2"), p(cmd.HGet("h", "a")), p(cmd.HGet("h", "z"))}
		},
			[]any{int64(2), p("1", true), p("", false)}},
		{"HSetNX HExists", func() any { return []bool{cmd.HSetNX("h", "a", "x"), cmd.HSetNX("h", "c", "3"), cmd.HExists("h", "c")} }, []bool{false, true, true}},
		{"HGetAll", func() any { return cmd.HGetAll("h") }, map[string]string{"a": "1", "b": "2", "c": "3"}},
		{"HGetAll missing", func() any { return cmd.HGetAll("nope") }, map[string]string{}},
		{"HIncrBy HIncrByFloat", func() any { return []any{cmd.HIncrBy("h", "a", 5), cmd.HIncrByFloat("h", "b", 0.5)} }, []any{int64(6), 2.5}},
		{"HKeys HVals HLen HStrLen", func() any {
			return []any{len(cmd.HKeys("h")), len(cmd.HVals("h")), cmd.HLen("h"), cmd.HStrLen("h", "b")}
		}, []any{3, 3, int64(3), int64(3)}},
		{"HMGet", func() any { return cmd.HMGet("h", "a", "zz") }, map[string]string{"a": "6"}},
		{"HRandField", func() any { return []bool{second(cmd.HRandField("h")), second(cmd.HRandField("nope"))} }, []bool{true, false}},
		{"HScan", func() any { fv, next := cmd.HScan("h", 0, "*", 100); return []any{len(fv), next} }, []any{6, int64(0)}},
		{"HDel", func() any { return cmd.HDel("h", "a", "zz") }, int64(1)},

		// lists
		{"pushes", func() any {
			return []int64{cmd.RPush("l", "b", "c"), cmd.LPush("l", "a"), cmd.LPushX("l", "0"), cmd.RPushX("l", "d"), cmd.LPushX("nope", "x"), cmd.RPushX("nope", "x")}
		}, []int64{2, 3, 4, 5, 0, 0}},
		{"LRange LLen", func() any { return []any{cmd.LRange("l", 0, -1), cmd.LLen("l")} }, []any{[]string{"0", "a", "b", "c", "d"}, int64(5)}},
		{"LPop RPop", func() any { return []any{p(cmd.LPop("l")), p(cmd.RPop("l")), p(cmd.LPop("nope"))} },
			[]any{p("0", true), p("d", true), p("", false)}},
		{"LIndex LSet", func() any { cmd.LSet("l", 0, "A"); return []any{p(cmd.LIndex("l", 0)), p(cmd.LIndex("l", 9))} },
			[]any{p("A", true), p("", false)}},
		{"LInsert", func() any {
			return []int64{cmd.LInsertBefore("l", "b", "x"), cmd.LInsertAfter("l", "b", "x"), cmd.LInsertAfter("l", "q", "x")}
		},
			[]int64{4, 5, -1}},
		{"LRem LPos", func() any { return []any{cmd.LRem("l", 0, "x"), p(cmd.LPos("l", "c")), p(cmd.LPos("l", "zz"))} },
			[]any{int64(2), p(int64(2), true), p(int64(0), false)}},
		{"LTrim", func() any { cmd.LTrim("l", 0, 1); return cmd.LRange("l", 0, -1) }, []string{"A", "b"}},
		{"LMove RPopLPush", func() any {
			return []any{p(cmd.LMove("l", "l2", "LEFT", "RIGHT")), p(cmd.RPopLPush("l", "l2")), cmd.LRange("l2", 0, -1)}
		},
			[]any{p("A", true), p("b", true), []string{"b", "A"}}},
		{"LPopCount RPopCount", func() any {
			cmd.RPush("l3", "1", "2", "3", "4")
			return [][]string{cmd.LPopCount("l3", 2), cmd.RPopCount("l3", 1)}
		},
			[][]string{{"1", "2"}, {"4"}}},

		// sets
		{"SAdd SCard SIsMember", func() any {
			return []any{cmd.SAdd("st", "a", "b", "c"), cmd.SCard("st"), cmd.SIsMember("st", "a"), cmd.SMIsMember("st", "a", "z")}
		}, []any{int64(3), int64(3), true, []bool{true, false}}},
		{"SMembers", func() any { return len(cmd.SMembers("st")) }, 3},
		{"SRem", func() any { return cmd.SRem("st", "c", "z") }, int64(1)},
		{"set algebra", func() any {
			cmd.SAdd("st2", "b", "x")
			return []any{cmd.SInter("st", "st2"), len(cmd.SUnion("st", "st2")), cmd.SDiff("st", "st2"),
				cmd.SInterStore("d1", "st", "st2"), cmd.SUnionStore("d2", "st", "st2"), cmd.SDiffStore("d3", "st", "st2")}
		}, []any{[]string{"b"}, 3, []string{"a"}, int64(1), int64(3), int64(1)}},
		{"SMove", func() any { return []bool{cmd.SMove("st", "st2", "a"), cmd.SMove("st", "st2", "zz")} }, []bool{true, false}},
		{"SRandMember SPop", func() any {
			_, ok := cmd.SRandMember("st2")
			return []any{ok, len(cmd.SRandMemberCount("st2", 2)), second(cmd.SPop("d1")), second(cmd.SPop("d1")), len(cmd.SPopCount("d2", 2))}
		}, []any{true, 2, true, false, 2}},
		{"SScan", func() any { ms, _ := cmd.SScan("st2", 0, "*", 100); return len(ms) }, 3},

		// sorted sets
		{"ZAdd ZAddNX", func() any {
			return []int64{cmd.ZAdd("z", 1, "a"), cmd.ZAdd("z", 2, "b"), cmd.ZAdd("z", 3, "c"), cmd.ZAdd("z", 1.5, "a"), cmd.ZAddNX("z", 9, "a")}
		}, []int64{1, 1, 1, 0, 0}},
		{"ZScore ZIncrBy", func() any { return []any{p(cmd.ZScore("z", "a")), cmd.ZIncrBy("z", 0.5, "a"), p(cmd.ZScore("z", "q"))} },
			[]any{p(1.5, true), 2.0, p(0.0, false)}},
		{"ZRank ZRevRank ZCard", func() any {
			return []any{p(cmd.ZRank("z", "c")), p(cmd.ZRevRank("z", "c")), p(cmd.ZRank("z", "q")), cmd.ZCard("z")}
		},
			[]any{p(int64(2), true), p(int64(0), true), p(int64(0), false), int64(3)}},
		{"ZCount ZLexCount", func() any { return []int64{cmd.ZCount("z", "(2", "+inf"), cmd.ZLexCount("z", "-", "+")} }, []int64{1, 3}},
		{"ZRange family", func() any {
			return []any{cmd.ZRange("z", 0, -1), cmd.ZRevRange("z", 0, 0), cmd.ZRangeByScore("z", "2", "3"), cmd.ZRevRangeByScore("z", "+inf", "3"), cmd.ZRangeByLex("z", "[a", "[b")}
		}, []any{[]string{"a", "b", "c"}, []string{"c"}, []string{"a", "b", "c"}, []string{"c"}, []string{"a", "b"}}},
		{"ZRange with scores", func() any {
			return [][]cmd.Z{cmd.ZRangeWithScores("z", 0, 0), cmd.ZRevRangeWithScores("z", 0, 0), cmd.ZRangeByScoreWithScores("z", "3", "3")}
		}, [][]cmd.Z{{{Member: "a", Score: 2}}, {{Member: "c", Score: 3}}, {{Member: "c", Score: 3}}}},
		{"ZUnionStore ZInterStore", func() any {
			cmd.ZAdd("z2", 10, "c")
			return []int64{cmd.ZUnionStore("zu", "z", "z2"), cmd.ZInterStore("zi", "z", "z2")}
		}, []int64{3, 1}},
		{"ZPopMin ZPopMax", func() any { return [][]cmd.Z{cmd.ZPopMin("zu", 1), cmd.ZPopMax("zu", 1)} },
			[][]cmd.Z{{{Member: "a", Score: 2}}, {{Member: "c", Score: 13}}}},
		{"ZRem ZRemRange", func() any {
			return []int64{cmd.ZRem("z", "a", "q"), cmd.ZRemRangeByRank("z", 0, 0), cmd.ZRemRangeByScore("z", "-inf", "+inf")}
		}, []int64{1, 1, 1}},

		// streams
		{"XAdd XLen", func() any {
			return []any{cmd.XAdd("x", "1-1", "a", "1"), cmd.XAdd("x", "1-2", "a", "2"), cmd.XAddMaxLen("x", 10, "1-3", "a", "3"), cmd.XLen("x")}
		}, []any{"1-1", "1-2", "1-3", int64(3)}},
		{"XRange family", func() any {
			return [][]cmd.XMessage{cmd.XRange("x", "1-2", "+"), cmd.XRangeN("x", "-", "+", 1), cmd.XRevRange("x", "+", "1-3"), cmd.XRevRangeN("x", "+", "-", 1)}
		}, [][]cmd.XMessage{
			{{ID: "1-2", Values: map[string]string{"a": "2"}}, {ID: "1-3", Values: map[string]string{"a": "3"}}},
			{{ID: "1-1", Values: map[string]string{"a": "1"}}},
			{{ID: "1-3", Values: map[string]string{"a": "3"}}},
			{{ID: "1-3", Values: map[string]string{"a": "3"}}},
		}},
		{"XRead", func() any { return cmd.XRead(1, "x", "1-1") }, []cmd.XStream{{Stream: "x", Messages: []cmd.XMessage{{ID: "1-2", Values: map[string]string{"a": "2"}}}}}},
		{"XRead nothing new", func() any { return cmd.XRead(1, "x", "9-9") }, []cmd.XStream{}},
		{"consumer groups", func() any {
			cmd.XGroupCreate("x", "g", "0")
			cmd.XGroupCreateMkStream("x2", "g", "$")
			created := cmd.XGroupCreateConsumer("x", "g", "c2")
			read := cmd.XReadGroup("g", "c1", 2, "x", ">")
			acked := cmd.XAck("x", "g", read[0].Messages[0].ID, "9-9")
			cmd.XGroupSetID("x", "g", "0")
			return []any{created, len(read[0].Messages), acked, cmd.XGroupDelConsumer("x", "g", "c1"), cmd.XGroupDestroy("x2", "g")}
		}, []any{int64(1), 2, int64(1), int64(1), int64(1)}},
		{"XDel XTrim", func() any {
			cmd.XAdd("x", "2-1", "a", "4")
			return []int64{cmd.XDel("x", "1-1", "7-7"), cmd.XTrim("x", 2), cmd.XTrimApprox("x", 100), cmd.XTrimMinID("x", "2-0")}
		}, []int64{1, 1, 0, 1}},

		// HyperLogLog
		{"PF", func() any {
			cmd.PFAdd("hl2", "z")
			a, b := cmd.PFAdd("hl", "a", "b"), cmd.PFAdd("hl", "a")
			cmd.PFMerge("hl3", "hl", "hl2")
			return []any{a, b, cmd.PFCount("hl"), cmd.PFCount("hl3")}
		}, []any{true, false, int64(2), int64(3)}},

		// bitmaps
		{"bits", func() any {
			return []int64{cmd.SetBit("b1", 1, 1), cmd.GetBit("b1", 1), cmd.BitCount("b1"), cmd.BitCountRange("b1", 0, 0), cmd.BitPos("b1", 1),
				cmd.BitOpAnd("b2", "b1", "b1"), cmd.BitOpOr("b3", "b1"), cmd.BitOpXor("b4", "b1", "b2"), cmd.BitOpNot("b5", "b1")}
		}, []int64{0, 1, 1, 1, 1, 1, 1, 1, 1}},

		// geo
		{"geo", func() any {
			added := cmd.GeoAdd("g", 13.361389, 38.115556, "Palermo") + cmd.GeoAdd("g", 15.087269, 37.502669, "Catania")
			pos := cmd.GeoPositions("g", "Palermo", "Nowhere")
			d, ok := cmd.GeoDist("g", "Palermo", "Catania", "km")
			_, okMissing := cmd.GeoDist("g", "Palermo", "Nowhere", "km")
			return []any{added, pos[0].Valid && pos[0].Longitude > 13.36 && pos[0].Longitude < 13.37, pos[1], int(d), ok, okMissing,
				cmd.GeoHash("g", "Palermo", "Nowhere"), cmd.GeoSearchRadius("g", 15, 37, 200, "km"),
				cmd.GeoSearchMember("g", "Palermo", 100, "km"), cmd.GeoSearchBox("g", 15, 37, 400, 400, "km")}
		}, []any{int64(2), true, cmd.GeoPos{}, 166, true, false, []string{"sqc8b49rny0", ""}, []string{"Catania", "Palermo"},
			[]string{"Palermo"}, []string{"Catania", "Palermo"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got any
			if err := e.Exec(context.Background(), func() { got = tt.call() }); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func second[A, B any](_ A, b B) B { return b }

// A Redis error reply panics with a *runtime.Error, which the engine turns
// into a record error.
func TestErrorReply(t *testing.T) {
	s := redistest.Start(t)
	c := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer c.Close()
	e := engine.New(engine.NewRedisExecutor(c))
	err := e.Exec(context.Background(), func() {
		cmd.Set("s", "x")
		cmd.Incr("s")
	})
	var re *runtime.Error
	if !errors.As(err, &re) || re.Msg != "ERR value is not an integer or out of range" {
		t.Errorf("INCR on a non-number = %v, want ERR value is not an integer or out of range", err)
	}
}
