# fmt shims: Sprintf/Sprint/Sprintln/Errorf with Go's verbs and flags,
# and strconv.FormatFloat, which fmt builds on.


class _GgBytes(object):
    # A []byte passed to fmt: %s %q %x print it as a string.
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def _gg_fdigits(x, prec, bits):
    # Decimal digits of abs(x) > 0: (digits without trailing zeros, dp),
    # meaning 0.digits * 10**dp. prec < 0 asks for the shortest digits
    # that round-trip at the given bit size; otherwise prec significant digits.
    if prec < 0:
        if bits == 32:
            for p in range(1, 10):
                r = "%.*e" % (p - 1, x)
                if _gg_f32(float(r)) == x:
                    break
        else:
            r = repr(x)
    else:
        r = "%.*e" % (prec - 1, x)
    if "e" in r:
        m, e = r.split("e")
        e = int(e)
    else:
        m, e = r, 0
    if "." in m:
        ip, fp = m.split(".")
    else:
        ip, fp = m, ""
    ds = ip + fp
    dp = len(ip) + e
    st = ds.lstrip("0")
    dp -= len(ds) - len(st)
    return st.rstrip("0"), dp


def _gg_formatfloat(f, fmt, prec, bits):
    # strconv.FormatFloat for fmt in e E f g G; returns bytes.
    fmt = chr(fmt) if isinstance(fmt, int) else fmt
    if bits == 32:
        f = _gg_f32(f)
    if f != f:
        return b"NaN"
    if f == float("inf"):
        return b"+Inf"
    if f == float("-inf"):
        return b"-Inf"
    neg = math.copysign(1.0, f) < 0
    if fmt in "bxX":
        return _gg_formatfloat_bin(f, fmt, prec, bits, neg)
    a = abs(f)
    shortest = prec < 0
    if a == 0:
        s, dp = "", 0
    elif fmt == "f" and not shortest:
        r = "%.*f" % (prec, a)
        ip, _, fp = r.partition(".")
        ds = ip + fp
        dp = len(ip)
        st = ds.lstrip("0")
        dp -= len(ds) - len(st)
        s = st.rstrip("0")
        if not s:
            dp = 0
    elif fmt in "eE" and not shortest:
        s, dp = _gg_fdigits(a, prec + 1, bits)
    else:
        s, dp = _gg_fdigits(a, max(prec, 1) if prec >= 0 else prec, bits)
    nd = len(s)
    if fmt in "gG" and prec == 0:
        prec = 1
    if shortest:
        if fmt in "eE":
            prec = max(nd - 1, 0)
        elif fmt == "f":
            prec = max(nd - dp, 0)
        elif fmt in "gG":
            prec = nd
    if a == 0 and shortest:
        prec = -1
    if fmt in "gG":
        eprec = prec
        if eprec > nd and nd >= dp:
            eprec = nd
        if shortest:
            eprec = 6
        exp = dp - 1
        if exp < -4 or exp >= eprec:
            if prec > nd:
                prec = nd
            prec -= 1
            fmt = "e" if fmt == "g" else "E"
        else:
            if prec > dp:
                prec = nd
            prec = max(prec - dp, 0)
            fmt = "f"
    out = ["-"] if neg else []
    if fmt in "eE":
        out.append(s[0] if nd else "0")
        if prec > 0:
            out.append(".")
            m = min(nd, prec + 1)
            out.append(s[1:m])
            out.append("0" * (prec + 1 - max(m, 1)))
        exp = dp - 1 if nd else 0
        out.append(fmt)
        out.append("-" if exp < 0 else "+")
        exp = abs(exp)
        out.append("%02d" % exp)
    elif fmt == "f":
        if dp > 0:
            m = min(nd, dp)
            out.append(s[:m])
            out.append("0" * (dp - m))
        else:
            out.append("0")
        if prec > 0:
            out.append(".")
            lz = min(prec, max(0, -dp))
            off = dp + lz
            m = min(prec - lz, max(0, nd - off))
            out.append("0" * lz)
            out.append(s[off:off + m])
            out.append("0" * max(0, prec - lz - m))
    else:
        return ("%" + fmt).encode()
    return "".join(out).encode()


def _gg_formatfloat_bin(f, fmt, prec, bits, neg):
    # strconv's %b (mantissa p exponent) and %x (hex mantissa, binary
    # exponent), from the IEEE fields like Go's fmtB and fmtX.
    if bits == 32:
        u = struct.unpack("<I", struct.pack("<f", f))[0]
        mbits, ebits, bias = 23, 8, -127
    else:
        u = struct.unpack("<Q", struct.pack("<d", f))[0]
        mbits, ebits, bias = 52, 11, -1023
    exp = (u >> mbits) & ((1 << ebits) - 1)
    mant = u & ((1 << mbits) - 1)
    if exp == 0:
        exp += 1
    else:
        mant |= 1 << mbits
    exp += bias
    sign = "-" if neg else ""
    if fmt == "b":
        e = exp - mbits
        return ("%s%dp%s%d" % (sign, mant, "+" if e >= 0 else "", e)).encode()
    m64 = (1 << 64) - 1
    if mant == 0:
        exp = 0
    mant = (mant << (60 - mbits)) & m64
    while mant != 0 and mant & (1 << 60) == 0:
        mant = (mant << 1) & m64
        exp -= 1
    if 0 <= prec < 15:
        shift = prec * 4
        extra = (mant << shift) & ((1 << 60) - 1)
        mant >>= 60 - shift
        if extra | (mant & 1) > 1 << 59:
            mant += 1
        mant = (mant << (60 - shift)) & m64
        if mant & (1 << 61):
            mant >>= 1
            exp += 1
    hx = "0123456789abcdef" if fmt == "x" else "0123456789ABCDEF"
    out = [sign, "0", fmt, str((mant >> 60) & 1)]
    mant = (mant << 4) & m64
    if prec < 0 and mant != 0:
        out.append(".")
        while mant != 0:
            out.append(hx[(mant >> 60) & 15])
            mant = (mant << 4) & m64
    elif prec > 0:
        out.append(".")
        for _ in range(prec):
            out.append(hx[(mant >> 60) & 15])
            mant = (mant << 4) & m64
    out.append("p" if fmt == "x" else "P")
    out.append("-" if exp < 0 else "+")
    out.append("%02d" % abs(exp))
    return "".join(out).encode()


class _GgFmtState(object):
    __slots__ = ("plus", "minus", "sharp", "space", "zero", "wid", "prec", "plusv")

    def __init__(self):
        self.plus = self.minus = self.sharp = self.space = self.zero = self.plusv = False
        self.wid = -1
        self.prec = -1


def _gg_pad(st, b):
    # Pads bytes b to the width, counting runes as Go does.
    if st.wid < 0:
        return b
    n = _gg_runecount(b)
    if n >= st.wid:
        return b
    fill = st.wid - n
    if st.minus:
        return b + b" " * fill
    if st.zero:
        return b"0" * fill + b
    return b" " * fill + b


def _gg_typename(v):
    if v is None:
        return "<nil>"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float64"
    if isinstance(v, bytes):
        return "string"
    if isinstance(v, _GgF32):
        return "float32"
    if isinstance(v, (list, _GgBytes)):
        return "[]"
    if isinstance(v, dict):
        return "map"
    return type(v).__name__


def _gg_badverb(verb, v):
    if v is None:
        return b"%!" + verb.encode() + b"(<nil>)"
    return b"%!" + verb.encode() + b"(" + _gg_typename(v).encode() + b"=" + _gg_fmtvalue(_GgFmtState(), "v", v, 0) + b")"


def _gg_fmtint(st, verb, v, desc=None):
    if verb in "vd":
        base, digs = 10, None
    elif verb == "b":
        base = 2
    elif verb in "oO":
        base = 8
    elif verb == "x":
        base = 16
    elif verb == "X":
        base = 16
    elif verb == "c":
        return _gg_pad(st, _gg_runestr(v))
    elif verb == "q":
        return _gg_pad(st, _gg_quoterune(v))
    elif verb == "U":
        s = ("U+%04X" % v) if v >= 0 else ("U+%04X" % (v & 0xFFFFFFFFFFFFFFFF))
        if st.sharp and 0 <= v <= 0x10FFFF and _gg_isprint(v):
            s += " '" + chr(v) + "'"
        return _gg_pad(st, s.encode())
    elif desc is not None and desc[0] == "int":
        # An element or field: its static type names the Go type.
        tn = ("int" if desc[2] else "uint") + ("" if desc[1] == 64 else str(desc[1]))
        return b"%!" + verb.encode() + b"(" + tn.encode() + b"=" + _gg_fmtint(_GgFmtState(), "d", v) + b")"
    else:
        return _gg_badverb(verb, v)
    neg = v < 0
    a = -v if neg else v
    if base == 10:
        ds = str(a)
    elif base == 2:
        ds = bin(a)[2:]
    elif base == 8:
        ds = oct(a)[2:]
    else:
        ds = "%x" % a if verb == "x" else "%X" % a
    if st.prec >= 0:
        if st.prec == 0 and a == 0:
            # Go writes only the padding: no sign, no prefix.
            old = st.zero
            st.zero = False
            r = _gg_pad(st, b"")
            st.zero = old
            return r
        ds = ds.rjust(st.prec, "0")
    elif st.zero and st.wid > 0 and not st.minus:
        w = st.wid
        if neg or st.plus or st.space:
            w -= 1
        if st.sharp and base in (2, 16):
            w -= 2
        if st.sharp and base == 8 and verb == "o":
            w -= 1
        if verb == "O":
            w -= 2
        ds = ds.rjust(w, "0")
    if st.sharp:
        if base == 2:
            ds = "0b" + ds
        elif base == 8 and verb == "o" and not ds.startswith("0"):
            ds = "0" + ds
        elif base == 16:
            ds = ("0x" if verb == "x" else "0X") + ds
    if verb == "O":
        ds = "0o" + ds
    if neg:
        ds = "-" + ds
    elif st.plus:
        ds = "+" + ds
    elif st.space:
        ds = " " + ds
    old = st.zero
    if st.prec >= 0:
        st.zero = False
    r = _gg_pad(st, ds.encode()) if not st.zero else (ds.encode() if len(ds) >= st.wid else _gg_pad(st, ds.encode()))
    st.zero = old
    return r


def _gg_fmtfloat(st, verb, v, bits):
    if verb == "v":
        verb2, prec = "g", -1
    elif verb in "eEfgG":
        verb2 = verb
        prec = 6 if verb in "eEf" else -1
    elif verb == "F":
        verb2, prec = "f", 6
    elif verb in "bxX" and not (st.sharp and verb != "b"):
        verb2, prec = verb, -1
    else:
        return _gg_badverb(verb, v)
    if st.prec >= 0:
        prec = st.prec
    num = _gg_formatfloat(v, ord(verb2), prec, bits).decode()
    if num[0] not in "+-":
        num = "+" + num
    if st.space and num[0] == "+" and not st.plus:
        num = " " + num[1:]
    if num[1] in "IN":
        if num[1] == "N" and not st.space and not st.plus:
            num = num[1:]
        old = st.zero
        st.zero = False
        r = _gg_pad(st, num.encode())
        st.zero = old
        return r
    if st.sharp:
        digits = prec if verb2 in "gG" else 0
        if verb2 in "gG" and digits == -1:
            digits = 6
        tail = ""
        body = num
        if "e" in body or "E" in body:
            i = max(body.find("e"), body.find("E"))
            tail = body[i:]
            body = body[:i]
        saw = False
        for ch in body[1:]:
            if ch == ".":
                continue
            if ch != "0":
                saw = True
            if saw:
                digits -= 1
        if "." not in body:
            if len(body) == 2 and body[1] == "0":
                digits -= 1
            body += "."
        if verb2 in "gG":
            body += "0" * max(digits, 0)
        num = body + tail
    if st.plus or num[0] != "+":
        if st.zero and not st.minus and st.wid > len(num):
            return num[0].encode() + b"0" * (st.wid - len(num)) + num[1:].encode()
        return _gg_pad(st, num.encode())
    return _gg_pad(st, num[1:].encode())


def _gg_fmtstr(st, verb, s):
    if verb in "vs":
        if st.prec >= 0:
            rs = _gg_range_str(s)
            if st.prec < len(rs):
                s = s[:rs[st.prec][0]]
        return _gg_pad(st, s)
    if verb == "q":
        if st.prec >= 0:
            rs = _gg_range_str(s)
            if st.prec < len(rs):
                s = s[:rs[st.prec][0]]
        if st.sharp and b"`" not in s and _gg_validstr(s) and all((r >= 32 or r == 9) and r not in (0x7F, 0xFEFF) for r in _gg_torunes(s)):
            return _gg_pad(st, b"`" + s + b"`")
        return _gg_pad(st, _gg_quoteascii(s) if st.plus else _gg_quote(s))
    if verb in "xX":
        if st.prec >= 0:
            s = s[:st.prec]
        hx = "0123456789abcdef" if verb == "x" else "0123456789ABCDEF"
        parts = []
        for i, c in enumerate(s):
            p = ""
            if st.space and i > 0:
                p += " "
            if st.sharp and (st.space or i == 0):
                p += "0x" if verb == "x" else "0X"
            p += hx[c >> 4] + hx[c & 15]
            parts.append(p)
        return _gg_pad(st, "".join(parts).encode())
    return _gg_badverb(verb, s)


def _gg_fmtkey(k):
    # Sort order of fmt's map printing: numbers, strings, bools as Go;
    # structs field by field.
    if isinstance(k, float) and k != k:
        return (0, 0)
    fields = getattr(k, "_gg_fields", None)
    if fields is not None:
        return (1, tuple(_gg_fmtkey(getattr(k, a)) for _, a in fields))
    return (1, k)


class _GgTyped(object):
    # A fmt argument with its type descriptor (see jsonx.py), so nil slices
    # print as [] and nil maps as map[], as Go's typed nils do.
    __slots__ = ("value", "desc")

    def __init__(self, value, desc):
        self.value = value
        self.desc = desc


def _gg_fmtnil(desc):
    if desc is not None:
        if desc[0] in ("slice", "bytes"):
            return b"[]"
        if desc[0] == "map":
            return b"map[]"
    return None


def _gg_fmtmeth(v, name, desc, raw):
    # Whether fmt calls v's String or Error method: not for a value reached
    # through an unexported field (raw), not for a field that is merely
    # named so, and not for a pointer-receiver method of a struct value
    # whose static type (desc) is the struct itself.
    if raw or _gg_method(v, name) is None:
        return False
    return not (desc is not None and desc[0] == "struct" and name in getattr(type(v), "_gg_ptronly", ()))


def _gg_fmtvalue(st, verb, v, depth, desc=None, raw=0):
    # raw is 1 for the value of an unexported embedded field, 2 below an
    # unexported field: fmt calls no methods there, as Go cannot reach
    # them; below an embedded one it can again.
    if isinstance(v, _GgTyped):
        desc = v.desc
        v = v.value
    if v is None and desc is not None:
        nv = _gg_fmtnil(desc)
        if desc[0] == "bytes" and verb in "sqxX":
            return _gg_fmtstr(st, verb, b"")
        if nv is not None:
            # Go writes the brackets itself: width applies per element.
            return nv
    if isinstance(v, _GgStringer):
        if verb in "vsxXq":
            return _gg_fmtvalue(st, verb, v.method(v.value), depth)
        v = v.value
    if v is None:
        # A nil interface inside a struct, slice or map prints <nil> for
        # any verb; at top level only %v does.
        if verb == "v" or depth > 0 and (desc is None or desc[0] == "any"):
            return _gg_pad(st, b"<nil>")
        if desc is not None and desc[0] == "ptr" and verb in "dboxX":
            return _gg_fmtint(st, verb, 0, None)  # a nil pointer's address
        return _gg_badverb(verb, None)
    if isinstance(v, bool):
        if verb in "vt":
            return _gg_pad(st, b"true" if v else b"false")
        return _gg_badverb(verb, v)
    if isinstance(v, int):
        if desc is not None and len(desc) > 3 and not raw and verb in "vsxXq":
            # A named integer type with a String method (time.Duration).
            return _gg_fmtstr(st, "s" if verb == "v" else verb, desc[3](v))
        return _gg_fmtint(st, verb, v, desc)
    if isinstance(v, float):
        # desc tells a float32 element or field from a float64.
        return _gg_fmtfloat(st, verb, v, 32 if desc is not None and desc == ("float", 32) else 64)
    if isinstance(v, _GgF32):
        return _gg_fmtfloat(st, verb, v.value, 32)
    if isinstance(v, bytes):
        return _gg_fmtstr(st, verb, v)
    if isinstance(v, _GgBytes):
        if verb in "sqxX":
            return _gg_fmtstr(st, verb, bytes(v.value or b""))
        v = v.value
        if v is None:
            return b"[]"
    if verb in "vsxXq" and _gg_fmtmeth(v, "Error", desc, raw):
        return _gg_fmtstr(st, "s" if verb == "v" else verb, v.Error())
    if verb in "vsxXq" and _gg_fmtmeth(v, "String", desc, raw):
        return _gg_fmtstr(st, "s" if verb == "v" else verb, v.String())
    if isinstance(v, _GgPtr):
        if verb in "vsxXq" and (_gg_method(v.value, "Error") is not None or _gg_method(v.value, "String") is not None):
            return _gg_fmtvalue(st, verb, v.value, depth, desc)
        if depth == 0:
            return b"&" + _gg_fmtvalue(st, verb, v.value, depth + 1)
        v = v.value
    if isinstance(v, list):
        if desc is not None and desc[0] == "bytes" and verb in "sqxX":
            return _gg_fmtstr(st, verb, bytes(v))
        ed = desc[1] if desc is not None and desc[0] == "slice" else None
        return b"[" + b" ".join(_gg_fmtvalue(st, verb, e, depth + 1, ed, raw & 2) for e in v) + b"]"
    if isinstance(v, dict):
        kd = desc[1] if desc is not None and desc[0] == "map" else None
        ed = desc[2] if desc is not None and desc[0] == "map" else None
        items = sorted(v.items(), key=lambda kv: _gg_fmtkey(kv[0]))
        return b"map[" + b" ".join(_gg_fmtvalue(st, verb, k, depth + 1, kd, raw & 2) + b":" + _gg_fmtvalue(st, verb, x, depth + 1, ed, raw & 2) for k, x in items) + b"]"
    if isinstance(v, tuple):
        return b"[" + b" ".join(_gg_fmtvalue(st, verb, e, depth + 1, None, raw & 2) for e in v) + b"]"
    fields = getattr(v, "_gg_fields", None)
    if fields is not None:
        parts = []
        cls = type(v)
        if cls._gg_jtypes is None:
            cls._gg_jtypes = cls._gg_jtypesf()
        emb = getattr(cls, "_gg_embedded", ())
        for gname, pname in fields:
            r = raw & 2
            if not r and not gname[:1].isupper():
                r = 1 if pname in emb else 2
            x = _gg_fmtvalue(st, verb, getattr(v, pname), depth + 1, cls._gg_jtypes.get(pname), r)
            parts.append((gname.encode() + b":" + x) if st.plusv and verb == "v" else x)
        return b"{" + b" ".join(parts) + b"}"
    return _gg_pad(st, str(v).encode())


def _gg_argnum(fmt, i, argi, nargs):
    # Go's argNumber: an explicit [n] index at fmt[i:]; returns
    # (argi, i, found, good).
    if fmt[i:i + 1] != b"[":
        return argi, i, False, True
    j = fmt.find(b"]", i + 1)
    if len(fmt) - i < 3 or j < 0:
        return argi, i + 1, False, False
    num = fmt[i + 1:j]
    if not num.isdigit() or len(num) > 6:
        return argi, j + 1, False, False
    k = int(num) - 1
    if 0 <= k < nargs:
        return k, j + 1, True, True
    return argi, j + 1, True, False


def _gg_sprintf(fmt, *args):
    out = []
    i = 0
    n = len(fmt)
    argi = 0
    reordered = False
    while i < n:
        j = fmt.find(b"%", i)
        if j < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        i = j + 1
        st = _GgFmtState()
        good = True
        while i < n:
            c = fmt[i:i + 1]
            if c == b"+":
                st.plus = True
            elif c == b"-":
                st.minus = True
                st.zero = False
            elif c == b"#":
                st.sharp = True
            elif c == b" ":
                st.space = True
            elif c == b"0":
                st.zero = not st.minus
            else:
                break
            i += 1
        reordered = reordered or fmt[i:i + 1] == b"["
        argi, i, after, ok = _gg_argnum(fmt, i, argi, len(args))
        good = good and ok
        if fmt[i:i + 1] == b"*":
            i += 1
            if argi < len(args) and _gg_fmtintarg(args[argi]):
                st.wid = args[argi]
                if st.wid < 0:
                    st.minus = True
                    st.zero = False
                    st.wid = -st.wid
            else:
                out.append(b"%!(BADWIDTH)")
            argi += 1
            after = False
        else:
            k = i
            while i < n and fmt[i:i + 1].isdigit():
                i += 1
            if i > k:
                st.wid = int(fmt[k:i])
                if after:
                    good = False
        if fmt[i:i + 1] == b"." and i + 1 < n:
            i += 1
            if after:
                good = False
            reordered = reordered or fmt[i:i + 1] == b"["
            argi, i, after, ok = _gg_argnum(fmt, i, argi, len(args))
            good = good and ok
            if fmt[i:i + 1] == b"*":
                i += 1
                if argi < len(args) and _gg_fmtintarg(args[argi]) and args[argi] >= 0:
                    st.prec = args[argi]
                else:
                    # Go rejects a negative precision argument too.
                    out.append(b"%!(BADPREC)")
                argi += 1
                after = False
            else:
                k = i
                while i < n and fmt[i:i + 1].isdigit():
                    i += 1
                st.prec = int(fmt[k:i]) if i > k else 0
        if not after:
            reordered = reordered or fmt[i:i + 1] == b"["
            argi, i, after, ok = _gg_argnum(fmt, i, argi, len(args))
            good = good and ok
        if i >= n:
            out.append(b"%!(NOVERB)")
            break
        r, w = _gg_decoderune(fmt[i:])
        verb = chr(r)
        i += w
        if verb == "%":
            out.append(b"%")
            continue
        if not good:
            out.append(b"%!" + verb.encode() + b"(BADINDEX)")
            continue
        if argi >= len(args):
            out.append(b"%!" + verb.encode() + b"(MISSING)")
            continue
        v = args[argi]
        argi += 1
        if verb == "T" or verb == "v" and st.sharp:
            # Python values do not carry Go type names; a constant format
            # with these verbs is rejected when translating (GG205).
            raise _GgPanic(b"fmt: %" + (b"#v" if verb == "v" else b"T") + b" is not supported in translated steps")
        if verb == "v" and st.plus:
            st.plus = False
            st.plusv = True
        out.append(_gg_fmtvalue(st, verb, v, 0))
    if not reordered and argi < len(args):
        extra = []
        for v in args[argi:]:
            if v is None:
                extra.append(b"<nil>")
            else:
                extra.append(_gg_typename(v).encode() + b"=" + _gg_fmtvalue(_GgFmtState(), "v", v, 0))
        out.append(b"%!(EXTRA " + b", ".join(extra) + b")")
    return b"".join(out)


def _gg_fmtintarg(v):
    # Go's intFromArg: an integer within +-1e6 sets a width or precision.
    return isinstance(v, int) and not isinstance(v, bool) and -1000000 <= v <= 1000000


def _gg_isstrarg(v):
    if isinstance(v, _GgStringer):
        v = v.value
    return isinstance(v, bytes)


def _gg_sprint(*args):
    out = []
    prev = False
    for i, v in enumerate(args):
        s = _gg_isstrarg(v)
        if i > 0 and not s and not prev:
            out.append(b" ")
        out.append(_gg_fmtvalue(_GgFmtState(), "v", v, 0))
        prev = s
    return b"".join(out)


def _gg_sprintln(*args):
    return b" ".join(_gg_fmtvalue(_GgFmtState(), "v", v, 0) for v in args) + b"\n"


def _gg_errorf(fmt, *args):
    # fmt.Errorf: %w formats like %v and wraps its operand when it is an
    # error; several %w wrap them all (errors.Unwrap then gives nil).
    out, idx, i, n = [], [], 0, 0
    while i < len(fmt):
        c = fmt[i:i + 1]
        i += 1
        out.append(c)
        if c != b"%":
            continue
        while i < len(fmt):
            c = fmt[i:i + 1]
            i += 1
            if c == b"[":
                j = fmt.find(b"]", i)
                if j > i and fmt[i:j].isdigit():
                    n = int(fmt[i:j]) - 1
                    out.append(fmt[i - 1:j + 1])
                    i = j + 1
                    continue
            if c == b"*":
                n += 1
            elif c in b"+-# 0.123456789" or c == b"[":
                pass
            else:
                if c == b"w" and 0 <= n < len(args) and args[n] is not None and _gg_method(args[n], "Error") is not None:
                    # A non-error operand keeps the verb: Go prints %!w(...).
                    c = b"v"
                    idx.append(n)
                if c != b"%":
                    n += 1
            out.append(c)
            if c not in b"+-# 0.123456789*[":
                break
    msg = _gg_sprintf(b"".join(out), *args)
    if len(idx) == 1:
        return _GgError(msg, args[idx[0]])
    if len(idx) > 1:
        return _GgError(msg, None, [args[k] for k in sorted(set(idx))])
    return _GgError(msg)
