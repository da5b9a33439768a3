# encoding/json shims: Marshal with Go's encoding rules, Unmarshal into a
# target described by a type descriptor the translator emits:
# ("bool",) ("int", bits, signed) ("float", bits) ("string",) ("bytes",)
# ("any",) ("slice", elem) ("map", key, elem) ("ptr", elem) ("struct", cls).

_gg_json_esc = {0x22: b'\\"', 0x5C: b"\\\\", 0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t", 0x08: b"\\b", 0x0C: b"\\f", 0x3C: b"\\u003c", 0x3E: b"\\u003e", 0x26: b"\\u0026"}


def _gg_json_str(s):
    out = [b'"']
    for off, r in _gg_range_str(s):
        if r == 0xFFFD and s[off:off + 3] != b"\xef\xbf\xbd":
            out.append(b"\xef\xbf\xbd")
        elif r in _gg_json_esc:
            out.append(_gg_json_esc[r])
        elif r < 0x20:
            out.append(("\\u%04x" % r).encode())
        elif r in (0x2028, 0x2029):
            out.append(("\\u%04x" % r).encode())
        else:
            out.append(chr(r).encode("utf-8"))
    out.append(b'"')
    return b"".join(out)


def _gg_json_float(f, bits):
    if f != f or f in (float("inf"), float("-inf")):
        raise _GgJsonUnsupported(f)
    a = abs(f)
    fm = "f"
    if a != 0 and (a < 1e-6 or a >= 1e21):
        fm = "e"
    b = _gg_formatfloat(f, ord(fm), -1, bits)
    if fm == "e" and len(b) >= 4 and b[-4:-3] == b"e" and b[-3:-2] == b"-" and b[-2:-1] == b"0":
        b = b[:-2] + b[-1:]
    return b


class _GgJsonUnsupported(Exception):
    pass


def _gg_json_enc(v, d=None):
    # d, the static type's descriptor when known, tells float32 and []byte
    # apart from float64 and []int; without it the value's Python type
    # decides.
    if d is not None and d[0] == "unsupported":
        # A func, even a nil one: Go rejects the type.
        raise _GgJsonUnsupported(d)
    if v is None:
        return b"null"
    if d is not None and d[0] != "any":
        k = d[0]
        if k == "float":
            return _gg_json_float(v, d[1])
        if k == "bytes":
            return b'"' + base64.b64encode(bytes(v)) + b'"'
        if k == "slice":
            return b"[" + b",".join(_gg_json_enc(e, d[1]) for e in v) + b"]"
        if k == "map":
            items = sorted(((_gg_json_key(kk, d[1]), x) for kk, x in v.items()), key=lambda kv: kv[0])
            return b"{" + b",".join(_gg_json_str(kk) + b":" + _gg_json_enc(x, d[2]) for kk, x in items) + b"}"
        if k == "ptr":
            return _gg_json_enc(v, d[1])
    if isinstance(v, bool):
        return b"true" if v else b"false"
    if isinstance(v, int):
        return str(v).encode()
    if isinstance(v, float):
        return _gg_json_float(v, 64)
    if isinstance(v, _GgF32):
        return _gg_json_float(v.value, 32)
    if isinstance(v, bytes):
        return _gg_json_str(v)
    if isinstance(v, _GgBytes):
        return b'"' + base64.b64encode(bytes(v.value)) + b'"'
    if isinstance(v, _GgPtr):
        return _gg_json_enc(v.value)
    if isinstance(v, _GgStringer):
        return _gg_json_enc(v.value)
    if isinstance(v, (list, tuple)):
        return b"[" + b",".join(_gg_json_enc(e) for e in v) + b"]"
    if isinstance(v, dict):
        items = sorted(((_gg_json_key(k), x) for k, x in v.items()), key=lambda kv: kv[0])
        return b"{" + b",".join(_gg_json_str(k) + b":" + _gg_json_enc(x) for k, x in items) + b"}"
    jf = getattr(v, "_gg_json", None)
    if jf is not None:
        parts = []
        cls = type(v)
        if cls._gg_jtypes is None:
            cls._gg_jtypes = cls._gg_jtypesf()
        for name, attr, omitempty, kind in jf:
            if "." in attr:
                # Promoted from an embedded struct; Go skips it behind a
                # nil embedded pointer.
                h = _gg_json_holder(v, attr, False)
                if h is None:
                    continue
                x = getattr(h[0], h[1])
                xd = h[2]
            else:
                x = getattr(v, attr)
                xd = cls._gg_jtypes[attr]
            if omitempty and (x is None or x is False or x == 0 and not isinstance(x, bytes) and not isinstance(x, (list, dict)) or (isinstance(x, (bytes, list, dict)) and len(x) == 0)):
                continue
            parts.append(_gg_json_str(name.encode("utf-8")) + b":" + _gg_json_enc(x, xd))
        return b"{" + b",".join(parts) + b"}"
    raise _GgJsonUnsupported(v)


def _gg_json_key(k, d=None):
    if isinstance(k, bytes):
        return k
    if isinstance(k, bool) or hasattr(k, "__slots__"):
        # Go cannot name an object member with a bool or a struct.
        raise _GgJsonUnsupported(k)
    if isinstance(k, float):
        # Go writes float keys as it writes float values.
        return _gg_json_float(k, 32 if d == ("float", 32) else 64)
    return str(k).encode()


def _gg_json_marshal(v, d=None):
    try:
        return (list(_gg_json_enc(v, d)), None)
    except RecursionError:
        # Go stops at a pointer cycle with an error.
        via = (" via " + _gg_json_gotype(d)) if d is not None and d[0] == "ptr" else ""
        return (None, _GgError(("json: unsupported value: encountered a cycle" + via).encode()))
    except _GgJsonUnsupported as e:
        x = e.args[0] if e.args else None
        if isinstance(x, float):
            return (None, _GgError(b"json: unsupported value: " + _gg_formatfloat(x, ord("g"), -1, 64)))
        if isinstance(x, tuple) and len(x) > 1:
            return (None, _GgError(("json: unsupported type: " + x[1]).encode()))
        return (None, _GgError(b"json: unsupported type"))


def _gg_json_conv(x, d, old=None, ctx=None):
    # Converts a decoded Python JSON value to the Go representation of d,
    # returning (value, error message or None). old is the target's current
    # value: Go decodes objects into an existing map or struct, keeping
    # what the JSON does not mention. ctx is (root struct name, path) for
    # Go's "Go struct field Root.a.0.b" error context.
    k = d[0]
    if k == "any":
        if isinstance(x, str):
            return (_gg_json_b(x), None)
        if isinstance(x, bool) or x is None:
            return (x, None)
        if isinstance(x, (int, float)):
            f = _gg_json_f(x, 64)
            if f is None:
                return (None, _gg_json_terr("number " + _gg_json_lit(x), "float64", ctx))
            return (f, None)
        if isinstance(x, list):
            out = []
            for i, e in enumerate(x):
                v, err = _gg_json_conv(e, d, None, _gg_json_sub(ctx, str(i)))
                if err is not None:
                    return (None, err)
                out.append(v)
            return (out, None)
        out = {}
        for kk, e in x.items():
            v, err = _gg_json_conv(e, d, None, _gg_json_sub(ctx, kk))
            if err is not None:
                return (None, err)
            out[_gg_json_b(kk)] = v
        return (out, None)
    if x is None:
        return (None, None) if k in ("slice", "map", "ptr", "any", "bytes") else ("keep", None)
    if k == "bool":
        if isinstance(x, bool):
            return (x, None)
        return (None, _gg_json_terr(_gg_json_tname(x), "bool", ctx))
    if k == "int":
        tn = _gg_json_gotype(d)
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            return (None, _gg_json_terr(_gg_json_tname(x), tn, ctx))
        # Go parses the literal as an integer: 1.0 and 1e2 are errors, and
        # so is -0 for an unsigned type.
        if isinstance(x, float) and (_gg_json_lit(x) != "-0" or not d[2]):
            return (None, _gg_json_terr("number " + _gg_json_lit(x), tn, ctx))
        x = int(x)
        lo, hi = (-(1 << (d[1] - 1)), (1 << (d[1] - 1)) - 1) if d[2] else (0, (1 << d[1]) - 1)
        if x < lo or x > hi:
            return (None, _gg_json_terr("number " + str(x), tn, ctx))
        return (x, None)
    if k == "float":
        if isinstance(x, bool) or not isinstance(x, (int, float)):
            return (None, _gg_json_terr(_gg_json_tname(x), _gg_json_gotype(d), ctx))
        f = _gg_json_f(x, d[1])
        if f is None:
            return (None, _gg_json_terr("number " + _gg_json_lit(x), _gg_json_gotype(d), ctx))
        return (f, None)
    if k == "string":
        if isinstance(x, str):
            return (_gg_json_b(x), None)
        return (None, _gg_json_terr(_gg_json_tname(x), "string", ctx))
    if k == "bytes":
        if isinstance(x, str):
            try:
                return (list(base64.b64decode(x.encode(), validate=True)), None)
            except Exception:
                return (None, "illegal base64 data")
        return (None, _gg_json_terr(_gg_json_tname(x), "[]uint8", ctx))
    if k == "slice":
        if not isinstance(x, list):
            return (None, _gg_json_terr(_gg_json_tname(x), _gg_json_gotype(d), ctx))
        out = []
        for i, e in enumerate(x):
            v, err = _gg_json_conv(e, d[1], None, _gg_json_sub(ctx, str(i)))
            if err is not None:
                return (None, err)
            out.append(_gg_json_zero(d[1]) if isinstance(v, str) and v == "keep" else v)
        return (out, None)
    if k == "map":
        if not isinstance(x, dict):
            return (None, _gg_json_terr(_gg_json_tname(x), _gg_json_gotype(d), ctx))
        out = old if old is not None else {}
        for kk, e in x.items():
            sub = _gg_json_sub(ctx, kk)
            nk = kk if d[1][0] == "string" else _gg_json_numkey(kk)
            if isinstance(nk, str) and d[1][0] == "int":
                return (None, _gg_json_terr("number " + kk, _gg_json_gotype(d[1]), sub))
            key, err = _gg_json_conv(nk, d[1], None, sub)
            if err is not None:
                return (None, err)
            v, err = _gg_json_conv(e, d[2], None, sub)
            if err is not None:
                return (None, err)
            out[key] = _gg_json_zero(d[2]) if isinstance(v, str) and v == "keep" else v
        return (out, None)
    if k == "ptr":
        return _gg_json_conv(x, d[1], old, ctx)
    if k == "struct":
        cls = d[1]
        if not isinstance(x, dict):
            return (None, _gg_json_terr(_gg_json_tname(x), _gg_json_gotype(d), ctx))
        obj = old if old is not None else cls()
        if cls._gg_jtypes is None:
            cls._gg_jtypes = cls._gg_jtypesf()
        # Keys in document order, so a later duplicate wins; a key matches
        # a field by exact name first, else case-insensitively, the
        # shallowest field first (Go's breadth-first order), then in order.
        for kk, e in x.items():
            attr = None
            for name, a, _, _ in cls._gg_json:
                if kk == name:
                    attr = a
                    break
            if attr is None:
                for name, a, _, _ in cls._gg_json:
                    if kk.lower() == name.lower() and (attr is None or a.count(".") < attr.count(".")):
                        attr = a
            if attr is None:
                continue
            h = obj
            if "." in attr:
                # Promoted from an embedded struct: Go allocates nil
                # embedded pointers on the way.
                h, attr, fd = _gg_json_holder(obj, attr, True)
            else:
                fd = cls._gg_jtypes[attr]
            v, err = _gg_json_conv(e, fd, getattr(h, attr) if fd[0] in ("struct", "ptr") else None, _gg_json_sub(ctx, name))
            if err is not None:
                return (None, err)
            if not (isinstance(v, str) and v == "keep"):
                setattr(h, attr, v)
        return (obj, None)
    return (None, "unsupported type")


def _gg_json_holder(obj, path, alloc):
    # Follows a promoted field's dotted attribute path from obj: returns
    # (struct holding the field, its attribute, its type descriptor), or
    # None at a nil embedded pointer unless alloc, which allocates it.
    parts = path.split(".")
    for p in parts[:-1]:
        cls = type(obj)
        if cls._gg_jtypes is None:
            cls._gg_jtypes = cls._gg_jtypesf()
        nxt = getattr(obj, p)
        if nxt is None:
            if not alloc:
                return None
            nxt = cls._gg_jtypes[p][1][1]()
            setattr(obj, p, nxt)
        obj = nxt
    cls = type(obj)
    if cls._gg_jtypes is None:
        cls._gg_jtypes = cls._gg_jtypesf()
    return (obj, parts[-1], cls._gg_jtypes[parts[-1]])


def _gg_json_sname(d):
    # A top-level struct's unqualified Go name, else "".
    if d[0] != "struct":
        return ""
    return (d[2] if len(d) > 2 else d[1].__name__).rpartition(".")[2]


def _gg_json_sub(ctx, name):
    return ("", (name,)) if ctx is None else (ctx[0], ctx[1] + (name,))


def _gg_json_terr(what, tname, ctx):
    # Go's UnmarshalTypeError text: inside a document the path from the
    # top-level struct (named) or map, slice... (unnamed) is given.
    if ctx is None or not ctx[1]:
        return "json: cannot unmarshal " + what + " into Go value of type " + tname
    # Go drops "Go struct field " when the last step looks like an index.
    last = ctx[1][-1]
    into = "" if last and all("0" <= ch <= "9" for ch in last) else "Go struct field "
    return "json: cannot unmarshal " + what + " into " + into + ctx[0] + "." + ".".join(ctx[1]) + " of type " + tname


def _gg_json_gotype(d):
    # The Go type a descriptor stands for, as encoding/json names it.
    k = d[0]
    if k == "int":
        return ("int" if d[2] else "uint") + ("" if d[1] == 64 else str(d[1]))
    if k == "float":
        return "float" + str(d[1])
    if k == "bytes":
        return "[]uint8"
    if k == "slice":
        return "[]" + _gg_json_gotype(d[1])
    if k == "map":
        return "map[" + _gg_json_gotype(d[1]) + "]" + _gg_json_gotype(d[2])
    if k == "ptr":
        return "*" + _gg_json_gotype(d[1])
    if k == "struct":
        return d[2] if len(d) > 2 else d[1].__name__
    if k == "any":
        return "interface {}"
    return k


class _GgJNum(float):
    # A JSON number written with a fraction or an exponent (or -0), with
    # its text: Go parses the text for the target type.
    __slots__ = ("lit",)


def _gg_json_pfloat(s):
    f = _GgJNum(s)
    f.lit = s
    return f


def _gg_json_pint(s):
    return _gg_json_pfloat(s) if s == "-0" else int(s)


def _gg_json_lit(x):
    return x.lit if isinstance(x, _GgJNum) else str(x)


def _gg_json_f(x, bits):
    # The float a JSON number gives for a float32/float64 target, or None
    # when it is out of range (Go reports an error, Python gives inf).
    f = float(x)
    if bits == 32:
        if abs(f) >= 3.4028235677973366e38:
            return None
        return _gg_f32(f)
    if f in (float("inf"), float("-inf")):
        return None
    return f


def _gg_json_b(x):
    # Go decodes lone surrogate escapes (\ud800) and invalid UTF-8 bytes
    # of a JSON string to U+FFFD.
    try:
        return x.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in x).encode("utf-8")


def _gg_json_numkey(s):
    # Go parses an integer map key with strconv.ParseInt(s, 10, 64): an
    # optional sign and ASCII digits (Python's int() also takes spaces,
    # underscores and other scripts' digits).
    d = s[1:] if s[:1] in ("+", "-") else s
    if d and all("0" <= ch <= "9" for ch in d):
        return int(s)
    return s


def _gg_json_tname(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "string"
    if isinstance(x, list):
        return "array"
    return "object"


def _gg_json_zero(d):
    k = d[0]
    if k == "bool":
        return False
    if k == "int":
        return 0
    if k == "float":
        return 0.0
    if k == "string":
        return b""
    if k == "struct":
        return d[1]()
    return None


def _gg_json_unmarshal(data, d, old):
    # Returns (new value, error). On a type mismatch Go keeps decoding the
    # rest; this shim reports the first mismatch and leaves the value as is.
    try:
        x = json.loads(bytes(data or b"").decode("utf-8", "surrogateescape"), parse_float=_gg_json_pfloat, parse_int=_gg_json_pint)
    except ValueError as e:
        return (old, _GgError(b"json: " + str(e).encode()))
    root = d[1] if d[0] == "ptr" else d
    v, err = _gg_json_conv(x, d, old, (_gg_json_sname(root), ()))
    if err is not None:
        return (old, _GgError(err.encode()))
    if isinstance(v, str) and v == "keep":
        return (old, None)
    return (v, None)


def _gg_result(v, d=None):
    # Contract 1: a result record is JSON text; a leading "-" gets a space so
    # RedisGears does not turn it into an error reply. d is the static
    # type's descriptor where the value alone is ambiguous.
    s = _gg_json_enc(v, d).decode("utf-8")
    if s.startswith("-"):
        return " " + s
    return s
