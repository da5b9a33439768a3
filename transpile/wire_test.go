package transpile

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"fmt"
	"github.com/gogears/gogears/internal/python"
	"math"
	"reflect"
	"sort"
	"strconv"
)

// The differential tests move Go values to Python and back as JSON. JSON
// cannot carry arbitrary bytes, NaN or -0, so values travel tagged:
// strings as {"s": hex}, floats as {"f": bits} ("nan" for any NaN),
// errors as {"e": message} (nil error as null), maps as {"m": [[k, v]...]}
// sorted by key, structs as {"t": [fields...]}; ints, bools, nil and lists
// as themselves. wirePy is the Python side of the same encoding.

// wire encodes a Go value in the tagged form.
func wire(v any) any {
	if v == nil {
		return nil
	}
	if e, ok := v.(error); ok {
		return map[string]any{"e": hex.EncodeToString([]byte(e.Error()))}
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return map[string]any{"s": hex.EncodeToString([]byte(rv.String()))}
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json64(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10) + "i"
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if math.IsNaN(f) {
			return map[string]any{"f": "nan"}
		}
		return map[string]any{"f": strconv.FormatUint(math.Float64bits(f), 10)}
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return nil
		}
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = wire(rv.Index(i).Interface())
		}
		return out
	case reflect.Map:
		if rv.IsNil() {
			return nil
		}
		type kv struct {
			k string
			p []any
		}
		var kvs []kv
		for _, k := range rv.MapKeys() {
			wk := wire(k.Interface())
			kvs = append(kvs, kv{wireKey(wk), []any{wk, wire(rv.MapIndex(k).Interface())}})
		}
		sort.Slice(kvs, func(i, j int) bool { return kvs[i].k < kvs[j].k })
		ps := make([]any, len(kvs))
		for i, p := range kvs {
			ps[i] = p.p
		}
		return map[string]any{"m": ps}
	case reflect.Pointer:
		if rv.IsNil() {
			return nil
		}
		return wire(rv.Elem().Interface())
	case reflect.Struct:
		out := make([]any, rv.NumField())
		for i := range out {
			out[i] = wire(rv.Field(i).Interface())
		}
		return map[string]any{"t": out}
	case reflect.Interface:
		if rv.IsNil() {
			return nil
		}
		return wire(rv.Elem().Interface())
	}
	panic(fmt.Sprintf("wire: unsupported %T", v))
}

// wireKey orders encoded map keys the same way on both sides.
func wireKey(k any) string {
	switch k := k.(type) {
	case map[string]any:
		for t, v := range k {
			return t + fmt.Sprint(v)
		}
	case bool:
		return fmt.Sprint(k)
	case string:
		return k
	}
	return fmt.Sprint(k)
}

// json64 keeps integers exact: JSON numbers beyond 2^53 lose precision in
// some decoders, so they travel as decimal strings with an "i" suffix.
func json64(i int64) any { return strconv.FormatInt(i, 10) + "i" }

// wirePy decodes tagged values into the transpiler's Python representation
// and encodes results back. Sorting map pairs by the Go fmt.Sprint of the
// key is approximated by sorting on the encoded key, which the Go side
// mirrors in wireNorm.
const wirePy = `
import json, struct, sys, traceback

def _w_dec(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, str):
        if v.endswith("i"):
            return int(v[:-1])
        raise ValueError(v)
    if isinstance(v, list):
        return [_w_dec(x) for x in v]
    if "s" in v:
        return bytes.fromhex(v["s"])
    if "f" in v:
        if v["f"] == "nan":
            return float("nan")
        return struct.unpack("<d", struct.pack("<Q", int(v["f"])))[0]
    if "m" in v:
        return {_w_dec(k): _w_dec(x) for k, x in v["m"]}
    if "e" in v:
        return _GgError(bytes.fromhex(v["e"]))
    raise ValueError(v)

def _w_key(k):
    if isinstance(k, dict):
        for t, v in k.items():
            return t + str(v)
    if isinstance(k, bool):
        return "true" if k else "false"
    return str(k)

def _w_enc(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        return str(v) + "i"
    if isinstance(v, float):
        if v != v:
            return {"f": "nan"}
        return {"f": str(struct.unpack("<Q", struct.pack("<d", v))[0])}
    if isinstance(v, (bytes, bytearray)):
        return {"s": bytes(v).hex()}
    if isinstance(v, (list, tuple)):
        return [_w_enc(x) for x in v]
    if isinstance(v, dict):
        ps = [[_w_enc(k), _w_enc(x)] for k, x in v.items()]
        ps.sort(key=lambda p: _w_key(p[0]))
        return {"m": ps}
    if hasattr(v, "Error"):
        return {"e": v.Error().hex()}
    if hasattr(v, "_gg_fields"):
        return {"t": [_w_enc(getattr(v, p)) for _, p in v._gg_fields]}
    return {"?": repr(v)}
`

// runPython runs a program too long for a command-line argument: it is
// written to a file that a short -c program executes.
func runPython(t *testing.T, program string, in, out any) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "prog.py")
	if err := os.WriteFile(path, []byte(program), 0o644); err != nil {
		t.Fatal(err)
	}
	return python.RunJSON(fmt.Sprintf("exec(compile(open(%q).read(), %q, 'exec'))", path, path), in, out)
}
