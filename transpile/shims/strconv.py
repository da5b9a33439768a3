# strconv shims with Go's syntax rules and error texts.


class _GgNumError(object):
    # *strconv.NumError: Func, Num and Err as in Go.
    __slots__ = ("Func", "Num", "Err")

    def __init__(self, func, num, err):
        self.Func = func
        self.Num = num
        self.Err = err

    def Error(self):
        return b"strconv." + self.Func + b": parsing " + _gg_quote(self.Num) + b": " + self.Err.Error()

    def Unwrap(self):
        return self.Err


_gg_errsyntax = _GgError(b"invalid syntax")
_gg_errrange = _GgError(b"value out of range")


def _gg_underscoreok(s):
    # Go allows underscores only between digits, after a base prefix.
    saw = "^"
    i = 0
    if len(s) >= 1 and s[0:1] in (b"-", b"+"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0:1] == b"0" and s[1:2].lower() in (b"b", b"o", b"x"):
        i = 2
        saw = "0"
        hexa = s[1:2].lower() == b"x"
    while i < len(s):
        c = s[i:i + 1]
        if c.isdigit() or (hexa and c.lower() in b"abcdef" and c != b""):
            saw = "0"
        elif c == b"_":
            if saw != "0":
                return False
            saw = "_"
        else:
            if saw == "_":
                return False
            saw = "!"
        i += 1
    return saw != "_"


def _gg_parseuint_raw(s, base, func, orig):
    # Returns (value, err) with Go's rules; value is unbounded here.
    if s == b"":
        return (0, _GgNumError(func, orig, _gg_errsyntax))
    base0 = base == 0
    if 2 <= base <= 36:
        pass
    elif base == 0:
        base = 10
        if s[0:1] == b"0":
            if len(s) >= 3 and s[1:2].lower() == b"b":
                base = 2
                s = s[2:]
            elif len(s) >= 3 and s[1:2].lower() == b"o":
                base = 8
                s = s[2:]
            elif len(s) >= 3 and s[1:2].lower() == b"x":
                base = 16
                s = s[2:]
            else:
                base = 8
                s = s[1:]
    else:
        return (0, _GgNumError(func, orig, _GgError(b"invalid base " + str(base).encode())))
    n = 0
    underscores = False
    for ch in s:
        c = chr(ch)
        if c == "_" and base0:
            underscores = True
            continue
        if "0" <= c <= "9":
            d = ch - 48
        elif "a" <= c.lower() <= "z":
            d = ord(c.lower()) - 87
        else:
            return (0, _GgNumError(func, orig, _gg_errsyntax))
        if d >= base:
            return (0, _GgNumError(func, orig, _gg_errsyntax))
        n = n * base + d
    if underscores and not _gg_underscoreok(orig):
        return (0, _GgNumError(func, orig, _gg_errsyntax))
    return (n, None)


def _gg_parseuint(s, base, bits):
    if bits == 0:
        bits = 64
    if bits < 0 or bits > 64:
        return (0, _GgNumError(b"ParseUint", s, _GgError(b"invalid bit size " + str(bits).encode())))
    n, err = _gg_parseuint_raw(s, base, b"ParseUint", s)
    if err is not None:
        return (0, err)
    mx = (1 << bits) - 1
    if n > mx:
        return (mx, _GgNumError(b"ParseUint", s, _gg_errrange))
    return (n, None)


def _gg_parseint(s, base, bits, func=b"ParseInt"):
    if s == b"":
        return (0, _GgNumError(func, s, _gg_errsyntax))
    if bits == 0:
        bits = 64
    if bits < 0 or bits > 64:
        return (0, _GgNumError(func, s, _GgError(b"invalid bit size " + str(bits).encode())))
    neg = False
    t = s
    if t[0:1] == b"+":
        t = t[1:]
    elif t[0:1] == b"-":
        neg = True
        t = t[1:]
    n, err = _gg_parseuint_raw(t, base, func, s)
    if err is not None:
        if err.Err is _gg_errsyntax or err.Err.Error().startswith(b"invalid base"):
            return (0, err)
    cutoff = 1 << (bits - 1)
    if not neg and n >= cutoff:
        return (cutoff - 1, _GgNumError(func, s, _gg_errrange))
    if neg and n > cutoff:
        return (-cutoff, _GgNumError(func, s, _gg_errrange))
    return (-n if neg else n, None)


def _gg_atoi(s):
    # The common case first: up to 18 ASCII digits, maybe signed.
    d = s[1:] if s[:1] in (b"-", b"+") else s
    if 0 < len(d) < 19 and d.isdigit():
        return (int(s), None)
    v, err = _gg_parseint(s, 10, 0, b"Atoi")
    if err is not None and err.Err is _gg_errsyntax:
        return (0, err)
    return (v, err)


def _gg_itoa(i):
    return str(i).encode()


def _gg_formatint(i, base):
    if base < 2 or base > 36:
        _gg_panic(b"strconv: illegal AppendInt/FormatInt base")
    if base == 10:
        return str(i).encode()
    neg = i < 0
    i = abs(i)
    digs = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = []
    while True:
        out.append(digs[i % base])
        i //= base
        if i == 0:
            break
    if neg:
        out.append("-")
    return "".join(reversed(out)).encode()


def _gg_parsebool(s):
    if s in (b"1", b"t", b"T", b"TRUE", b"true", b"True"):
        return (True, None)
    if s in (b"0", b"f", b"F", b"FALSE", b"false", b"False"):
        return (False, None)
    return (False, _GgNumError(b"ParseBool", s, _gg_errsyntax))


def _gg_formatbool(b):
    return b"true" if b else b"false"


def _gg_parsefloat(s, bits):
    # Go accepts decimal and hex floats, inf/infinity/nan in any case, and
    # underscores only with a base prefix; no surrounding spaces.
    t = s.decode("latin-1")
    body = t[1:] if t[:1] in "+-" else t
    low = body.lower()
    if low in ("inf", "infinity"):
        v = float("-inf") if t[:1] == "-" else float("inf")
    elif low == "nan":
        v = float("nan")
    else:
        ok = len(body) > 0 and all(c in "0123456789abcdefABCDEFxXpP.eE+-_" for c in body)
        if ok and "_" in body and not _gg_underscoreok(s):
            ok = False
        if ok and low.startswith("0x"):
            try:
                m = body.replace("_", "")
                if "p" not in m.lower():
                    ok = False
                else:
                    v = float.fromhex(("-" if t[:1] == "-" else "") + m)
            except (ValueError, OverflowError):
                ok = False
        elif ok:
            if any(c in "abcdfABCDFxXpP" for c in body):
                ok = False
            else:
                try:
                    v = float(t.replace("_", ""))
                except ValueError:
                    ok = False
        if not ok:
            return (0.0, _GgNumError(b"ParseFloat", s, _gg_errsyntax))
        if v in (float("inf"), float("-inf")):
            return (v, _GgNumError(b"ParseFloat", s, _gg_errrange))
    if bits == 32:
        r = _gg_f32(v)
        if r in (float("inf"), float("-inf")) and v not in (float("inf"), float("-inf")):
            return (r, _GgNumError(b"ParseFloat", s, _gg_errrange))
        return (r, None)
    return (v, None)


def _gg_isprint(r):
    if r < 0x20 or r == 0x7F:
        return False
    if r < 0x7F:
        return True
    if r > 0x10FFFF or 0xD800 <= r <= 0xDFFF:
        return False
    cat = unicodedata.category(chr(r))
    if cat[0] in "LMNPS":
        return True
    return False


def _gg_quotewith(s, q, ascii_only):
    out = [q]
    for off, r in _gg_range_str(s):
        if r == 0xFFFD and s[off:off + 3] != b"\xef\xbf\xbd":
            out.append("\\x%02x" % s[off])
            continue
        c = chr(r)
        if r == ord(q) or c == "\\":
            out.append("\\" + c)
        elif (r < 0x80 or not ascii_only) and _gg_isprint(r):
            out.append(c)
        elif c == "\a":
            out.append("\\a")
        elif c == "\b":
            out.append("\\b")
        elif c == "\f":
            out.append("\\f")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c == "\v":
            out.append("\\v")
        elif r < 0x20 or r == 0x7F:
            out.append("\\x%02x" % r)
        elif r < 0x10000:
            out.append("\\u%04x" % r)
        else:
            out.append("\\U%08x" % r)
    out.append(q)
    return "".join(out).encode("utf-8")


def _gg_quote(s):
    return _gg_quotewith(s, '"', False)


def _gg_quoteascii(s):
    return _gg_quotewith(s, '"', True)


def _gg_quoterune(r):
    if r < 0 or r > 0x10FFFF or 0xD800 <= r <= 0xDFFF:
        r = 0xFFFD
    return _gg_quotewith(_gg_runestr(r), "'", False)


def _gg_unquote(s):
    # strconv.Unquote for "..." and `...` and '.' literals.
    t = s
    if len(t) < 2:
        return (b"", _gg_errsyntax)
    q = t[0:1]
    if q != t[-1:] or q not in (b'"', b"`", b"'"):
        return (b"", _gg_errsyntax)
    body = t[1:-1]
    if q == b"`":
        if b"`" in body:
            return (b"", _gg_errsyntax)
        return (body.replace(b"\r", b""), None)
    if b"\n" in body:
        return (b"", _gg_errsyntax)
    out = []
    i = 0
    simple = {b"a": 7, b"b": 8, b"f": 12, b"n": 10, b"r": 13, b"t": 9, b"v": 11, b"\\": 92}
    n = 0
    while i < len(body):
        c = body[i:i + 1]
        if c == q:
            return (b"", _gg_errsyntax)
        if c != b"\\":
            out.append(c)
            i += 1
            n += 1
            continue
        e = body[i + 1:i + 2]
        i += 2
        if e in simple:
            out.append(bytes([simple[e]]))
        elif e == q:
            out.append(q)
        elif e in (b"x", b"u", b"U"):
            w = {b"x": 2, b"u": 4, b"U": 8}[e]
            h = body[i:i + w]
            if len(h) != w or any(ch not in b"0123456789abcdefABCDEF" for ch in h):
                return (b"", _gg_errsyntax)
            v = int(h, 16)
            i += w
            if e == b"x":
                # A byte even in a rune literal: Go's UnquoteChar reports
                # \x80 as not multibyte, so Unquote("'\x80'") is "\x80".
                out.append(bytes([v]))
            else:
                if v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
                    return (b"", _gg_errsyntax)
                out.append(_gg_runestr(v))
        elif e in b"01234567" and e != b"":
            h = body[i - 1:i + 2]
            if len(h) != 3 or any(ch not in b"01234567" for ch in h) or int(h, 8) > 255:
                return (b"", _gg_errsyntax)
            i += 2
            out.append(bytes([int(h, 8)]))
        else:
            return (b"", _gg_errsyntax)
        n += 1
    r = b"".join(out)
    if q == b"'" and (n != 1 or (len(_gg_torunes(r)) != 1)):
        return (b"", _gg_errsyntax)
    return (r, None)
