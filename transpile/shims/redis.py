# Shims for the runtime and runtime/cmd packages: RedisGears builtins with
# Go strings (bytes) on both sides, and the reply conversions of the cmd
# command table.


def _gg_atomic(f):
    with atomic():
        f()


def _gg_configget(key):
    v = configGet(_gg_str(key))
    if v is None:
        return (b"", False)
    return (_gg_in(v), True)


def _gg_out(v):
    # A Go value as a RedisGears reply value: bytes become str when valid
    # UTF-8, lists recurse.
    if isinstance(v, (bytes, bytearray)):
        try:
            return bytes(v).decode("utf-8")
        except UnicodeDecodeError:
            return bytes(v)
    if isinstance(v, list):
        return [_gg_out(x) for x in v]
    return v


def _gg_param(name, default, desc):
    # dsl.Parameter.Get: the value bound at submit time, or the default.
    if name not in GG_PARAMS:
        return default
    v, err = _gg_json_conv(GG_PARAMS[name], desc)
    if err is not None:
        flat_error("parameter %s: %s" % (name, err))
    if isinstance(v, str) and v == "keep":
        return default
    return v


def _gg_r_none(r):
    return None


def _gg_r_int(r):
    if isinstance(r, bool):
        return int(r)
    if isinstance(r, int):
        return r
    if isinstance(r, (str, bytes, bytearray)):
        try:
            return int(r)
        except ValueError:
            pass
    _gg_panic(_GgError(b"cmd: unexpected reply for a Int result"))


def _gg_r_bool(r):
    return _gg_r_int(r) != 0


def _gg_r_ok(r):
    return r is not None


def _gg_r_strnil(r):
    if r is None:
        return (b"", False)
    if isinstance(r, int):
        return (str(r).encode(), True)
    if isinstance(r, (str, bytes, bytearray)):
        return (_gg_in(r), True)
    _gg_panic(_GgError(b"cmd: unexpected reply for a Str result"))


def _gg_r_str(r):
    return _gg_r_strnil(r)[0]


def _gg_r_intnil(r):
    if r is None:
        return (0, False)
    return (_gg_r_int(r), True)


def _gg_r_floatnil(r):
    if r is None:
        return (0.0, False)
    if isinstance(r, int):
        return (float(r), True)
    v, err = _gg_parsefloat(_gg_in(r), 64)
    if err is not None:
        _gg_panic(_GgError(b"cmd: unexpected reply for a Float result"))
    return (v, True)


def _gg_r_float(r):
    v, ok = _gg_r_floatnil(r)
    if not ok:
        _gg_panic(_GgError(b"cmd: unexpected reply for a Float result"))
    return v


def _gg_r_strs(r):
    return [_gg_r_str(x) for x in (r or [])]


def _gg_r_bools(r):
    return [_gg_r_bool(x) for x in (r or [])]


def _gg_r_strmap(r):
    r = r or []
    return {_gg_r_str(r[i]): _gg_r_str(r[i + 1]) for i in range(0, len(r) - 1, 2)}


def _gg_r_zipmap(r, names):
    out = {}
    for i, x in enumerate(r or []):
        if x is not None and names is not None and i < len(names):
            out[names[i]] = _gg_r_str(x)
    return out


def _gg_r_scanpage(r):
    if not isinstance(r, list) or len(r) != 2:
        _gg_panic(_GgError(b"cmd: unexpected reply for a ScanPage result"))
    return (_gg_r_strs(r[1]), _gg_r_int(r[0]))


def _gg_r_zscores(r, cls):
    r = r or []
    return [cls(_gg_r_str(r[i]), _gg_r_float(r[i + 1])) for i in range(0, len(r) - 1, 2)]


def _gg_r_xmessages(r, cls):
    return [cls(_gg_r_str(m[0]), _gg_r_strmap(m[1])) for m in (r or [])]


def _gg_r_xstreams(r, cls, mcls):
    return [cls(_gg_r_str(s[0]), _gg_r_xmessages(s[1], mcls)) for s in (r or [])]


def _gg_r_geopos(r, cls):
    return [cls(0.0, 0.0, False) if p is None else cls(_gg_r_float(p[0]), _gg_r_float(p[1]), True) for p in (r or [])]


def _gg_keyrec(r, cls, kind):
    # A KeysReader record dict as a dsl.KeyRecord: 'value' and 'type' are
    # absent with readValue=False; 'event' is None for run().
    v = r.get("value")
    if kind == "any":
        v = _gg_in(v)
    elif kind == "hash":
        v = _gg_in(v) if isinstance(v, dict) else None
    elif kind == "string":
        v = _gg_in(v) if isinstance(v, (str, bytes, bytearray)) else b""
    elif kind == "list":
        v = _gg_in(v) if isinstance(v, list) else None
    else:
        v = None
    k, t, e = r["key"], r.get("type"), r.get("event")
    # KeyRecord's fields in order: Key, Value, Type, Event.
    return cls(k.encode("utf-8", "surrogateescape") if type(k) is str else _gg_in(k), v,
               t.encode() if type(t) is str else _gg_in(t or ""), e.encode() if type(e) is str else _gg_in(e or ""))


def _gg_streamrec(r, cls):
    return cls(_gg_in(r["key"]), _gg_in(r["id"]), _gg_in(r.get("value") or {}))


def _gg_group(r, cls):
    # A {'key', 'value'} record of a grouping operation as a dsl.Group; the
    # key was made a str by the extractor wrapper.
    return cls(_gg_in(r["key"]), r["value"])


def _gg_seqreader(seq):
    # dsl.FromSeq: runs the Go iterator function and yields what it yields.
    def gen():
        buf = []

        def push(v):
            buf.append(v)
            return True
        seq(push)
        for v in buf:
            yield v
    return gen


def _gg_text(b):
    # A Go string as text for log and flat_error: invalid UTF-8 becomes
    # U+FFFD, since RedisGears cannot encode lone surrogates.
    if isinstance(b, (bytes, bytearray)):
        return bytes(b).decode("utf-8", "replace")
    return b
