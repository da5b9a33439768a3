package transpile

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math"
	"math/rand"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/gogears/gogears/internal/python"
	"github.com/gogears/gogears/transpile/internal/difftest/corpus"
	"github.com/google/go-cmp/cmp"
	"go/types"
)

const corpusPath = "github.com/gogears/gogears/transpile/internal/difftest/corpus"

// translateCorpus translates every function of the corpus package into
// one Python module and returns it with the Python name of each function.
func translateCorpus(t *testing.T) (string, map[string]string) {
	t.Helper()
	pkgs, fset, diags, err := load(".", nil, []string{corpusPath})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		diags.finish()
		t.Fatalf("load corpus:\n%s", diags.String())
	}
	tr := newTranslator(fset, pkgs, "github.com/gogears/gogears", diags)
	names := map[string]string{}
	scope := pkgs[0].Types.Scope()
	for _, n := range scope.Names() {
		if fn, ok := scope.Lookup(n).(interface{ Exported() bool }); ok && fn.Exported() {
			if f, ok := scope.Lookup(n).(*types.Func); ok {
				names[n] = tr.funcName(f)
			}
		}
	}
	tr.drain()
	diags.finish()
	if diags.HasErrors() {
		t.Fatalf("translate corpus:\n%s", diags.String())
	}
	src, err := tr.render(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return src, names
}

// diffCase is one call: the Python function name and wire-encoded args.
type diffCase struct {
	Fn   string `json:"fn"`
	Args []any  `json:"args"`
}

// inputs returns the inputs for a parameter type: edge values always,
// then seeded random ones.
func inputs(t reflect.Type, rnd *rand.Rand, depth int) []reflect.Value {
	var out []reflect.Value
	add := func(vs ...any) {
		for _, v := range vs {
			out = append(out, reflect.ValueOf(v).Convert(t))
		}
	}
	switch t.Kind() {
	case reflect.Bool:
		add(false, true)
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		bits := t.Bits()
		mx := int64(1)<<(bits-1) - 1
		mn := -mx - 1
		add(int64(0), int64(1), int64(-1), int64(2), int64(-2), int64(7), int64(-7), mx, mn, mx-1, mn+1, int64(3), int64(10), int64(100)%(mx+1))
		for range 6 {
			add(rnd.Int63n(mx/2+1) - mx/4)
		}
		add(int64(rnd.Intn(20) - 10))
	case reflect.Uint, reflect.Uint64, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		bits := t.Bits()
		mx := uint64(1)<<(bits-1)*2 - 1
		add(uint64(0), uint64(1), uint64(2), uint64(7), mx, mx-1, mx/2, mx/2+1, uint64(3), uint64(100)&mx)
		for range 6 {
			add(rnd.Uint64() & mx)
		}
	case reflect.Float64, reflect.Float32:
		add(0.0, math.Copysign(0, -1), 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 3.0, 1e300, -1e300, math.Inf(1), math.Inf(-1), math.NaN(), 1e-7, 0.1, 100.0)
		for range 4 {
			add(rnd.NormFloat64() * 1000)
		}
	case reflect.String:
		add(anys(diffStrings)...)
		for range 6 {
			add(randString(rnd))
		}
	case reflect.Slice:
		out = append(out, reflect.Zero(t), reflect.MakeSlice(t, 0, 0))
		if depth > 1 {
			break
		}
		elems := inputs(t.Elem(), rnd, depth+1)
		for n := 1; n <= 8; n++ {
			s := reflect.MakeSlice(t, 0, n)
			for range n {
				s = reflect.Append(s, elems[rnd.Intn(len(elems))])
			}
			out = append(out, s)
		}
		s := reflect.MakeSlice(t, 0, len(elems))
		out = append(out, reflect.Append(s, elems...))
	case reflect.Map:
		out = append(out, reflect.Zero(t), reflect.MakeMap(t))
		if depth > 1 {
			break
		}
		ks, vs := inputs(t.Key(), rnd, depth+1), inputs(t.Elem(), rnd, depth+1)
		for n := 1; n <= 6; n++ {
			m := reflect.MakeMap(t)
			for range n {
				m.SetMapIndex(ks[rnd.Intn(len(ks))], vs[rnd.Intn(len(vs))])
			}
			out = append(out, m)
		}
	case reflect.Interface:
		// JSON-shaped values, what interfaces hold in steps.
		for _, v := range []any{nil, true, false, 1.5, -0.0, "s", "é\xff", []any{}, []any{1.0, "x", nil}, map[string]any{}, map[string]any{"a": 1.0, "b": []any{"c"}}} {
			if v == nil {
				out = append(out, reflect.Zero(t))
				continue
			}
			out = append(out, reflect.ValueOf(&v).Elem())
		}
	default:
		panic(fmt.Sprintf("no inputs for %s", t))
	}
	return out
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// randString returns ASCII, multi-byte and invalid UTF-8 mixes.
func randString(rnd *rand.Rand) string {
	pieces := []string{"a", "b", "Z", " ", ",", "é", "ß", "日", "\xff", "\xc3", "0", "9", "-", "_", "\t", "😀", "İ", "ǅ"}
	var b strings.Builder
	for range rnd.Intn(8) {
		b.WriteString(pieces[rnd.Intn(len(pieces))])
	}
	return b.String()
}

// argSets combines per-parameter inputs: every value of each parameter
// appears at least once, then seeded random combinations.
func argSets(ft reflect.Type, rnd *rand.Rand) [][]reflect.Value {
	n := ft.NumIn()
	if n == 0 {
		return [][]reflect.Value{{}}
	}
	per := make([][]reflect.Value, n)
	maxLen := 0
	for i := range n {
		per[i] = inputs(ft.In(i), rnd, 0)
		maxLen = max(maxLen, len(per[i]))
	}
	var sets [][]reflect.Value
	for k := range maxLen {
		set := make([]reflect.Value, n)
		for i := range n {
			set[i] = per[i][(k+i*3)%len(per[i])]
		}
		sets = append(sets, set)
	}
	for range 24 {
		set := make([]reflect.Value, n)
		for i := range n {
			set[i] = per[i][rnd.Intn(len(per[i]))]
		}
		sets = append(sets, set)
	}
	return sets
}

// callGo calls f natively and wire-encodes its results; a panic becomes
// {"panic": true}.
func callGo(f reflect.Value, args []reflect.Value) (res any) {
	defer func() {
		if recover() != nil {
			res = map[string]any{"panic": true}
		}
	}()
	out := f.Call(args)
	switch len(out) {
	case 0:
		return nil
	case 1:
		return wire(out[0].Interface())
	}
	vs := make([]any, len(out))
	for i, o := range out {
		vs[i] = wire(o.Interface())
	}
	return vs
}

const diffProgram = `
import sys, json
_cases = json.load(sys.stdin)
_g = {"__name__": "corpus"}
exec(compile(_cases["src"], "corpus.py", "exec"), _g)
_out = []
for c in _cases["cases"]:
    a = [_w_dec(x) for x in c["args"]]
    try:
        _out.append(_w_enc(_g[c["fn"]](*a)))
    except Exception as e:
        _out.append({"panic": True, "py": type(e).__name__ + ": " + str(e)[:200]})
json.dump(_out, sys.stdout)
`

func TestDifferential(t *testing.T) {
	src, pyNames := translateCorpus(t)
	if errs, err := python.Check37([]string{src}); err != nil {
		t.Fatal(err)
	} else if errs[0] != nil {
		t.Fatalf("corpus does not parse as Python 3.7: %v\n%s", errs[0], src)
	}
	var cases []diffCase
	var wants []any
	var labels []string
	for _, f := range corpus.All {
		fv := reflect.ValueOf(f)
		full := runtime.FuncForPC(fv.Pointer()).Name()
		name := full[strings.LastIndex(full, ".")+1:]
		py, ok := pyNames[name]
		if !ok {
			t.Fatalf("corpus function %s has no Python translation", name)
		}
		// Seeded per function, so adding a function leaves the inputs of
		// the others as they were.
		rnd := rand.New(rand.NewSource(int64(crc32.ChecksumIEEE([]byte(name)))))
		for _, args := range argSets(fv.Type(), rnd) {
			w := make([]any, len(args))
			for i, a := range args {
				w[i] = wire(a.Interface())
			}
			cases = append(cases, diffCase{py, w})
			wants = append(wants, callGo(fv, args))
			labels = append(labels, name)
		}
	}
	var got []any
	in := map[string]any{"src": src, "cases": cases}
	if err := runPython(t, shimWirePrelude()+diffProgram, in, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cases) {
		t.Fatalf("python returned %d results for %d cases", len(got), len(cases))
	}
	fails := map[string]int{}
	for i := range cases {
		var want any
		b, _ := json.Marshal(wants[i])
		json.Unmarshal(b, &want)
		g := got[i]
		if m, ok := g.(map[string]any); ok && m["panic"] == true {
			if wm, ok := want.(map[string]any); ok && wm["panic"] == true {
				continue
			}
		}
		if d := cmp.Diff(want, g); d != "" {
			fails[labels[i]]++
			if fails[labels[i]] <= 2 {
				t.Errorf("%s%v: (-go +python)\n%s", labels[i], cases[i].Args, d)
			}
		}
	}
	var names []string
	for n := range fails {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Errorf("%s: %d differing inputs", n, fails[n])
	}
	t.Logf("%d functions, %d inputs compared", len(corpus.All), len(cases))
}

// shimWirePrelude is the wire codec; the corpus module brings its own
// shims, but the codec needs _GgError even when the module does not.
func shimWirePrelude() string {
	s := shimSet{}
	s.use("_GgError")
	src, _ := s.source()
	return src + wirePy
}
