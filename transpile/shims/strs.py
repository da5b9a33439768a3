# String shims. A Go string is a Python bytes value, so len, indexing,
# slicing, comparison and concatenation are native. Decoding follows Go:
# every byte of an invalid UTF-8 sequence becomes one U+FFFD.


def _gg_goerr(e):
    return ("\ufffd", e.start + 1)


_gg_codec = codecs.register_error("gogears", _gg_goerr) or "gogears"


def _gg_dec(s):
    # bytes -> str, one U+FFFD per invalid byte as Go's range does.
    return s.decode("utf-8", _gg_codec)


def _gg_runewidth(s, off, c):
    o = ord(c)
    if o == 0xFFFD and s[off:off + 3] != b"\xef\xbf\xbd":
        return 1
    if o < 0x80:
        return 1
    if o < 0x800:
        return 2
    if o < 0x10000:
        return 3
    return 4


def _gg_range_str(s):
    # for i, r := range s: yields (byte offset, rune).
    out = []
    off = 0
    for c in _gg_dec(s):
        out.append((off, ord(c)))
        off += _gg_runewidth(s, off, c)
    return out


def _gg_torunes(s):
    return [ord(c) for c in _gg_dec(s)]


def _gg_runestr(r):
    # string(r) and utf8 encoding: invalid code points become U+FFFD.
    if r < 0 or r > 0x10FFFF or 0xD800 <= r <= 0xDFFF:
        return b"\xef\xbf\xbd"
    return chr(r).encode("utf-8")


def _gg_fromrunes(rs):
    if rs is None:
        return b""
    return b"".join(_gg_runestr(r) for r in rs)


def _gg_frombytes(bs):
    if bs is None:
        return b""
    return bytes(bs)


def _gg_runecount(s):
    return len(_gg_dec(s))


def _gg_validstr(s):
    try:
        s.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _gg_runelen(r):
    if r < 0:
        return -1
    if r < 0x80:
        return 1
    if r < 0x800:
        return 2
    if 0xD800 <= r <= 0xDFFF:
        return -1
    if r < 0x10000:
        return 3
    if r <= 0x10FFFF:
        return 4
    return -1


def _gg_decoderune(s):
    # utf8.DecodeRuneInString: (rune, size), (RuneError, 0) when empty.
    if not s:
        return (0xFFFD, 0)
    c = _gg_dec(s[:4])[0]
    return (ord(c), _gg_runewidth(s, 0, c))


def _gg_decodelastrune(s):
    if not s:
        return (0xFFFD, 0)
    start = len(s) - 1
    lim = max(0, len(s) - 4)
    while start > lim and (s[start] & 0xC0) == 0x80:
        start -= 1
    r, n = _gg_decoderune(s[start:])
    if start + n != len(s):
        return (0xFFFD, 1)
    return (r, n)


def _gg_isspace(r):
    return r in (9, 10, 11, 12, 13, 32, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000) or 0x2000 <= r <= 0x200A


def _gg_utoupper(r):
    return _gg_case(r, 0)


def _gg_utolower(r):
    return _gg_case(r, 1)


def _gg_utotitle(r):
    return _gg_case(r, 2)


def _gg_case(r, which):
    # unicode.ToUpper/ToLower/ToTitle from Go's CaseRanges table.
    if r < 0x80:
        if which == 1:
            return r + 32 if 65 <= r <= 90 else r
        return r - 32 if 97 <= r <= 122 else r
    t = _gg_case_ranges
    lo, hi = 0, len(t)
    while lo < hi:
        m = (lo + hi) // 2
        e = t[m]
        if e[0] <= r <= e[1]:
            d = e[2 + which]
            if d == 0x110000:
                # UpperLower: alternating upper/lower pairs.
                return e[0] + ((r - e[0]) & ~1) + (1 if which == 1 else 0)
            return r + d
        if r < e[0]:
            hi = m
        else:
            lo = m + 1
    return r


def _gg_mapstr(f, s):
    # strings.Map: a negative mapping drops the character.
    out = []
    for c in _gg_dec(s):
        r = f(ord(c))
        if r >= 0:
            out.append(_gg_runestr(r))
    return b"".join(out)


def _gg_isascii(s):
    return bytes(s).isascii()


def _gg_toupper(s):
    if _gg_isascii(s):
        return s.upper()
    return _gg_mapstr(_gg_utoupper, s)


def _gg_tolower(s):
    if _gg_isascii(s):
        return s.lower()
    return _gg_mapstr(_gg_utolower, s)


def _gg_totitle(s):
    return _gg_mapstr(_gg_utotitle, s)


def _gg_containsrune(s, r):
    return r in _gg_torunes(s) if r >= 0x80 or r < 0 else bytes([r]) in s


def _gg_containsany(s, chars):
    cs = set(_gg_torunes(chars))
    return any(ord(c) in cs for c in _gg_dec(s))


def _gg_indexrune(s, r):
    for off, c in _gg_range_str(s):
        if c == r:
            return off
    return -1


def _gg_indexany(s, chars):
    cs = set(_gg_torunes(chars))
    for off, c in _gg_range_str(s):
        if c in cs:
            return off
    return -1


def _gg_count(s, sub):
    if not sub:
        return _gg_runecount(s) + 1
    return s.count(sub)


def _gg_split(s, sep):
    return _gg_splitn(s, sep, -1)


def _gg_explode(s, n):
    # Split into UTF-8 sequences, at most n pieces (n < 0: all).
    out = []
    rs = _gg_range_str(s)
    for i, (off, c) in enumerate(rs):
        if n > 0 and len(out) == n - 1:
            out.append(s[off:])
            return out
        end = rs[i + 1][0] if i + 1 < len(rs) else len(s)
        out.append(s[off:end])
    return out


def _gg_splitn(s, sep, n):
    if n == 0:
        return None
    if not sep:
        return _gg_explode(s, n)
    if n < 0:
        return s.split(sep)
    return s.split(sep, n - 1)


def _gg_splitafter(s, sep):
    if not sep:
        return _gg_explode(s, -1)
    parts = s.split(sep)
    return [p + sep for p in parts[:-1]] + [parts[-1]]


def _gg_join(elems, sep):
    if elems is None:
        return b""
    return sep.join(elems)


def _gg_fields(s):
    # Go splits ASCII text at the bytes bytes.split() splits at.
    if s.isascii():
        return s.split()
    return _gg_fieldsfunc(s, _gg_isspace)


def _gg_fieldsfunc(s, f):
    out = []
    cur = []
    for off, r in _gg_range_str(s):
        w = _gg_runewidth(s, off, chr(r))
        if f(r):
            if cur:
                out.append(b"".join(cur))
                cur = []
        else:
            cur.append(s[off:off + w])
    if cur:
        out.append(b"".join(cur))
    return out


def _gg_indexfunc(s, f):
    for off, r in _gg_range_str(s):
        if f(r):
            return off
    return -1


def _gg_lastindexfunc(s, f):
    end = len(s)
    while end > 0:
        r, n = _gg_decodelastrune(s[:end])
        end -= n
        if f(r):
            return end
    return -1


def _gg_trimfunc_l(s, f):
    for off, r in _gg_range_str(s):
        if not f(r):
            return s[off:]
    return b""


def _gg_trimfunc_r(s, f):
    end = len(s)
    while end > 0:
        r, n = _gg_decodelastrune(s[:end])
        if not f(r):
            break
        end -= n
    return s[:end]


def _gg_trimspace(s):
    return _gg_trimfunc_r(_gg_trimfunc_l(s, _gg_isspace), _gg_isspace)


def _gg_cutset(cutset):
    cs = set(_gg_torunes(cutset))
    return lambda r: r in cs


def _gg_trim(s, cutset):
    f = _gg_cutset(cutset)
    return _gg_trimfunc_r(_gg_trimfunc_l(s, f), f)


def _gg_trimleft(s, cutset):
    return _gg_trimfunc_l(s, _gg_cutset(cutset))


def _gg_trimright(s, cutset):
    return _gg_trimfunc_r(s, _gg_cutset(cutset))


def _gg_trimprefix(s, p):
    return s[len(p):] if s.startswith(p) else s


def _gg_trimsuffix(s, p):
    return s[:len(s) - len(p)] if p and s.endswith(p) else s


def _gg_repeat(s, n):
    if n < 0:
        _gg_panic(b"strings: negative Repeat count")
    return s * n


def _gg_replace(s, old, new, n):
    if n < 0:
        n = -1
    if old == b"":
        # Go inserts new before every UTF-8 sequence and at the end.
        pieces = _gg_explode(s, -1)
        out = []
        count = 0
        for p in pieces:
            if n < 0 or count < n:
                out.append(new)
                count += 1
            out.append(p)
        if n < 0 or count < n:
            out.append(new)
        return b"".join(out)
    return s.replace(old, new, n)


def _gg_equalfold(a, b):
    ra, rb = _gg_torunes(a), _gg_torunes(b)
    if len(ra) != len(rb):
        return False
    for x, y in zip(ra, rb):
        if x == y:
            continue
        if _gg_simplefold_eq(x, y):
            continue
        return False
    return True


def _gg_simplefold_eq(x, y):
    # strings.EqualFold's walk over unicode.SimpleFold.
    if y < x:
        x, y = y, x
    r = _gg_sfold.get(x, x)
    while r != x and r < y:
        r = _gg_sfold.get(r, r)
    return r == y


def _gg_cut(s, sep):
    i = s.find(sep)
    if i >= 0:
        return (s[:i], s[i + len(sep):], True)
    return (s, b"", False)
