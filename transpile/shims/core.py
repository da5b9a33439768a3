# Core shims: panics, errors, integer arithmetic with Go semantics, bounds
# checked indexing and slicing, nil-aware maps and slices.
# Go strings are Python bytes; nil maps and slices are None.


class _GgPanic(Exception):
    # A Go panic. RedisGears records str(exception) as the record's error.
    def __init__(self, value):
        Exception.__init__(self, _gg_panicmsg(value))
        self.value = value


def _gg_method(v, name):
    # v's method name, or None: a struct field of that name (a func value
    # in an instance slot) is no method.
    if callable(getattr(type(v), name, None)):
        return getattr(v, name)
    return None


def _gg_panicmsg(v):
    if isinstance(v, (bytes, bytearray)):
        return "panic: " + bytes(v).decode("utf-8", "replace")
    if _gg_method(v, "Error") is not None:
        return "panic: " + v.Error().decode("utf-8", "replace")
    return "panic: " + str(v)


def _gg_panic(v):
    raise _GgPanic(v)


def _gg_rtpanic(msg):
    raise _GgPanic(_GgError(b"runtime error: " + msg.encode()))


class _GgError(object):
    # An error value made by errors.New or fmt.Errorf; errs holds the
    # errors of an Errorf with several %w (Unwrap() []error in Go).
    __slots__ = ("msg", "wrapped", "errs")

    def __init__(self, msg, wrapped=None, errs=None):
        self.msg = msg
        self.wrapped = wrapped
        self.errs = errs

    def Error(self):
        return self.msg

    def Unwrap(self):
        return self.wrapped


def _gg_errors_new(msg):
    return _GgError(msg)


def _gg_errors_is(err, target):
    if err is None or target is None:
        return err is target
    while err is not None:
        if err is target:
            return True
        if type(err) is type(target) and not isinstance(err, _GgError) and not getattr(err, "_gg_ptrerr", False) and err == target:
            return True
        if isinstance(err, _GgError) and err.errs is not None:
            return any(_gg_errors_is(e, target) for e in err.errs)
        u = _gg_method(err, "Unwrap")
        err = u() if u is not None else None
    return False


def _gg_errors_unwrap(err):
    u = _gg_method(err, "Unwrap")
    return u() if u is not None else None


def _gg_i64(v):
    return ((v + 0x8000000000000000) & 0xFFFFFFFFFFFFFFFF) - 0x8000000000000000


def _gg_i32(v):
    return ((v + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def _gg_i16(v):
    return ((v + 0x8000) & 0xFFFF) - 0x8000


def _gg_i8(v):
    return ((v + 0x80) & 0xFF) - 0x80


def _gg_u64(v):
    return v & 0xFFFFFFFFFFFFFFFF


def _gg_u32(v):
    return v & 0xFFFFFFFF


def _gg_u16(v):
    return v & 0xFFFF


def _gg_u8(v):
    return v & 0xFF


def _gg_div(a, b):
    # Go integer division truncates toward zero; the caller wraps.
    if b == 0:
        _gg_rtpanic("integer divide by zero")
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _gg_mod(a, b):
    # Go's remainder has the sign of the dividend.
    if b == 0:
        _gg_rtpanic("integer divide by zero")
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def _gg_shl(x, n):
    # The caller wraps to the width; counts of 64 or more give 0 for every
    # width, and keep Python from building huge integers.
    if n < 0:
        _gg_rtpanic("negative shift amount")
    if n >= 64:
        return 0
    return x << n


def _gg_shr(x, n):
    if n < 0:
        _gg_rtpanic("negative shift amount")
    if n >= 64:
        return -1 if x < 0 else 0
    return x >> n


def _gg_fdiv(a, b):
    # Float division: division by zero gives an infinity or NaN, as in Go.
    if b == 0:
        if a != a or a == 0:
            return float("nan")
        return math.copysign(float("inf"), a) * math.copysign(1.0, b)
    return a / b


def _gg_f32(v):
    # Round to the nearest float32, overflowing to an infinity.
    try:
        return struct.unpack("<f", struct.pack("<f", v))[0]
    except OverflowError:
        return math.copysign(float("inf"), v)


def _gg_fkey(k):
    # A float map key; NaN becomes a new object no lookup can find.
    return float("nan") if k != k else k


def _gg_i2f32(v):
    # Round an integer to 24 significant bits (half to even) in one step,
    # as Go's float32(int) does; float(v) first would round twice.
    a = abs(v)
    sh = a.bit_length() - 24
    if sh > 0:
        q, r = a >> sh, a & ((1 << sh) - 1)
        half = 1 << (sh - 1)
        if r > half or r == half and q & 1:
            q += 1
        a = q << sh
    return _gg_f32(float(a) if v >= 0 else -float(a))


def _gg_ftoi(f, kind=0):
    # float to integer conversion truncates toward zero. Out-of-range
    # values are implementation-specific in Go; this follows amd64: the
    # 64-bit conversion gives the "integer indefinite" -2**63, int32 its
    # 32-bit counterpart (kind 32), and uint64 (kind 64) converts values
    # >= 2**63 through a shifted int64 with the top bit set.
    if kind == 64 and not (f < 9223372036854775808.0):
        return _gg_ftoi(f - 9223372036854775808.0) | -0x8000000000000000
    if kind == 32:
        if f != f or not (-2147483649.0 < f < 2147483648.0):
            return -0x80000000
        return int(f)
    if f != f or not (-9223372036854775808.0 <= f < 9223372036854775808.0):
        return -0x8000000000000000
    return int(f)


def _gg_chk(s, i):
    n = 0 if s is None else len(s)
    if i < 0 or i >= n:
        _gg_rtpanic("index out of range [%d] with length %d" % (i, n))
    return i


def _gg_ix(s, i):
    n = 0 if s is None else len(s)
    if i < 0 or i >= n:
        _gg_rtpanic("index out of range [%d] with length %d" % (i, n))
    return s[i]


def _gg_sl(s, lo, hi):
    # s[lo:hi] with Go's bounds checks; hi None means len(s).
    n = 0 if s is None else len(s)
    if hi is None:
        hi = n
    if hi < 0 or hi > n:
        _gg_rtpanic("slice bounds out of range [:%d] with length %d" % (hi, n))
    if lo < 0 or lo > hi:
        _gg_rtpanic("slice bounds out of range [%d:%d]" % (lo, hi))
    if s is None:
        return None
    return s[lo:hi]


def _gg_len(s):
    return 0 if s is None else len(s)


def _gg_append(s, *xs):
    # append always builds a new list: the subset forbids the aliasing cases
    # where Go would write into a shared backing array.
    if s is None:
        return list(xs) if xs else None
    r = list(s)
    r.extend(xs)
    return r


def _gg_appendv(s, xs):
    if xs is None or len(xs) == 0:
        return s
    r = [] if s is None else list(s)
    r.extend(xs)
    return r


def _gg_appends(s, *xs):
    # append to a []T of structs: Go copies the old elements into the new
    # backing array, so the result shares no struct with s.
    if not xs:
        return s
    r = [] if s is None else [_gg_cp(x) for x in s]
    r.extend(xs)
    return r


def _gg_copy(dst, src):
    if dst is None or src is None:
        return 0
    n = min(len(dst), len(src))
    dst[:n] = src[:n]
    return n


def _gg_del(m, k):
    if m is not None:
        m.pop(k, None)


def _gg_clear(s):
    if s is None:
        return
    if isinstance(s, dict):
        s.clear()
    else:
        for i in range(len(s)):
            s[i] = _gg_zero_like(s[i])


def _gg_zero_like(v):
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return 0
    if isinstance(v, float):
        return 0.0
    if isinstance(v, bytes):
        return b""
    if hasattr(v, "_gg_zero"):
        return v._gg_zero()
    return None


def _gg_min(*xs):
    r = xs[0]
    for x in xs[1:]:
        if x != x or r != r:
            return float("nan")
        if x < r or (x == 0 and r == 0 and isinstance(x, float) and math.copysign(1, x) < 0):
            r = x
    return r


def _gg_max(*xs):
    r = xs[0]
    for x in xs[1:]:
        if x != x or r != r:
            return float("nan")
        if x > r or (x == 0 and r == 0 and isinstance(r, float) and math.copysign(1, r) < 0):
            r = x
    return r


class _GgStringer(object):
    # A value whose type has a String or Error method, passed to fmt: fmt
    # uses the method for %v %s %q %x %X and the value otherwise.
    __slots__ = ("value", "method")

    def __init__(self, value, method):
        self.value = value
        self.method = method


class _GgPtr(object):
    # A pointer to a struct passed to fmt, which prints it as &{...}.
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class _GgF32(object):
    # A float32 passed to fmt, which prints the shortest float32 digits.
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class _GgStruct(object):
    # Base of the classes that represent Go struct types. Instances are
    # mutable; the translator copies them where Go copies a struct value.
    __slots__ = ()

    def __init__(self, *args):
        if not args:
            args = self._gg_zerof()
        setattr_ = object.__setattr__
        for n, v in zip(self.__slots__, args):
            setattr_(self, n, v)

    def __eq__(self, o):
        # Pointer fields are equal when they point to the same struct.
        if type(o) is not type(self):
            return False
        ptrs = self._gg_ptrfields()
        return all(getattr(self, n) is getattr(o, n) if n in ptrs else getattr(self, n) == getattr(o, n) for n in self.__slots__)

    def __ne__(self, o):
        return not self.__eq__(o)

    def __hash__(self):
        ptrs = self._gg_ptrfields()
        return hash(tuple(id(getattr(self, n)) if n in ptrs else getattr(self, n) for n in self.__slots__))

    @classmethod
    def _gg_ptrfields(cls):
        if cls._gg_jtypes is None:
            cls._gg_jtypes = cls._gg_jtypesf()
        return {n for n, d in cls._gg_jtypes.items() if d[0] == "ptr"}

    def _gg_copy(self):
        c = object.__new__(type(self))
        vals = self._gg_vals
        for n in self.__slots__:
            v = getattr(self, n)
            if n in vals and v is not None:
                v = v._gg_copy()
            object.__setattr__(c, n, v)
        return c

    def _gg_zero(self):
        return type(self)()


def _gg_struct(name, gonames, attrs, zero, vals, jsonspec, jtypes):
    # Builds the class for a Go struct type: gonames are the Go field names,
    # attrs the Python attributes, zero a function returning the zero field
    # values, vals the attributes holding struct values (copied with the
    # struct), jsonspec the encoding/json fields (name, attr, omitempty,
    # kind) and jtypes a function returning Unmarshal type descriptors.
    cls = type(name, (_GgStruct,), {"__slots__": attrs})
    if attrs:
        # A constructor that sets every field at once: records are built
        # per event, and the generic loop cost more than the step.
        ns = {"_gg_init": _GgStruct.__init__}
        exec("def __init__(self, *args):\n"
             "    if len(args) == %d:\n"
             "        %s, = args\n"
             "    else:\n"
             "        _gg_init(self, *args)\n" % (len(attrs), ", ".join("self." + a for a in attrs)), ns)
        cls.__init__ = ns["__init__"]
    cls._gg_zerof = staticmethod(zero)
    cls._gg_vals = vals
    cls._gg_fields = tuple(zip(gonames, attrs))
    cls._gg_json = jsonspec
    cls._gg_jtypesf = staticmethod(jtypes)
    cls._gg_jtypes = None
    return cls


def _gg_structconv(v, cls):
    # Converts a struct value to another struct type with the same fields:
    # a copy, of the target's class.
    c = v._gg_copy()
    if type(c) is cls:
        return c
    return cls(*[getattr(c, n) for n in c.__slots__])


def _gg_cp(v):
    # Copies a struct value (None stays None).
    return None if v is None else v._gg_copy()


def _gg_bind(f, r):
    # A method value x.M: the receiver was evaluated when it was made.
    return lambda *a: f(r, *a)


def _gg_bindcopy(f, r):
    # A method value of a value receiver: r is the copy Go made then, and
    # each call gets a copy of its own.
    return lambda *a: f(_gg_cp(r), *a)


def _gg_copyfirst(f, deref):
    # A method expression T.M (or (*T).M) of a value receiver, and such a
    # method called through an interface: it works on a copy, as in Go.
    if deref:
        return lambda r, *a: f(_gg_cp(_gg_deref(r)), *a)
    return lambda r, *a: f(_gg_cp(r), *a)


def _gg_cpfirst(pair):
    # (struct value, ok) with the value copied.
    return (_gg_cp(pair[0]), pair[1])


def _gg_cps(xs):
    # Copies the struct values of a list (None stays None): Go copies the
    # elements of []T when it copies them into another backing array.
    return None if xs is None else [None if x is None else x._gg_copy() for x in xs]


def _gg_mget(m, k, zero):
    if m is None:
        return zero
    return m.get(k, zero)


def _gg_mget2(m, k, zero):
    if m is not None and k in m:
        return (m[k], True)
    return (zero, False)


def _gg_keys(m):
    return [] if m is None else list(m)


def _gg_push(s, *xs):
    # In-place append for an unaliased local slice variable.
    if s is None:
        return list(xs) if xs else None
    s.extend(xs)
    return s


def _gg_pushv(s, xs):
    if not xs:
        return s
    if s is None:
        return list(xs)
    s.extend(xs)
    return s


def _gg_deref(p):
    if p is None:
        _gg_rtpanic("invalid memory address or nil pointer dereference")
    return p


def _gg_assert(v, test, tname):
    if not test(v):
        _gg_panic(_GgError(b"interface conversion: interface {} is " + _gg_gotypename(v) + b", not " + tname))
    return v


def _gg_assert2(v, test, zero):
    if test(v):
        return (v, True)
    return (zero, False)


def _gg_gotypename(v):
    if v is None:
        return b"nil"
    if isinstance(v, bool):
        return b"bool"
    if isinstance(v, int):
        return b"int"
    if isinstance(v, float):
        return b"float64"
    if isinstance(v, bytes):
        return b"string"
    return type(v).__name__.encode()


def _gg_make(n, zero):
    if n < 0:
        _gg_rtpanic("makeslice: len out of range")
    return [zero] * n


def _gg_makef(n, zerof):
    if n < 0:
        _gg_rtpanic("makeslice: len out of range")
    return [zerof() for _ in range(n)]


def _gg_in(v):
    # A value from RedisGears (str, bytearray, int, list, dict, None) in
    # the Go representation: strings become bytes. It runs on every field
    # of every record: the common cases go first, without calls.
    t = type(v)
    if t is str:
        return v.encode("utf-8", "surrogateescape")
    if t is dict:
        try:
            # Strict UTF-8 first: the error handler costs a third more.
            return {k.encode(): x.encode() for k, x in v.items()}
        except (AttributeError, UnicodeEncodeError):  # a bytearray, a nested value, a surrogate
            return {_gg_in(k): _gg_in(x) for k, x in v.items()}
    if t is list:
        return [_gg_in(x) for x in v]
    if isinstance(v, str):
        return v.encode("utf-8", "surrogateescape")
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    if isinstance(v, list):
        return [_gg_in(x) for x in v]
    if isinstance(v, dict):
        return {_gg_in(k): _gg_in(x) for k, x in v.items()}
    return v


def _gg_str(b):
    # A Go string as a Python str for RedisGears APIs that need one.
    if type(b) is bytes:
        return b.decode("utf-8", "surrogateescape")
    if isinstance(b, (bytes, bytearray)):
        return bytes(b).decode("utf-8", "surrogateescape")
    return b


class _GgBuilder(object):
    # strings.Builder. used is Go's addr != nil (written since the last
    # Reset); copied marks a copy of a used Builder, which Go lets read but
    # panics on writing.
    __slots__ = ("parts", "n", "used", "copied")

    def __init__(self):
        self.parts = []
        self.n = 0
        self.used = False
        self.copied = False

    def _gg_check(self):
        if self.copied:
            _gg_panic(b"strings: illegal use of non-zero Builder copied by value")
        self.used = True

    def WriteString(self, s):
        self._gg_check()
        self.parts.append(s)
        self.n += len(s)
        return (len(s), None)

    def WriteByte(self, c):
        self._gg_check()
        self.parts.append(bytes((c,)))
        self.n += 1
        return None

    def WriteRune(self, r):
        self._gg_check()
        b = _gg_runestr(r)
        self.parts.append(b)
        self.n += len(b)
        return (len(b), None)

    def String(self):
        s = b"".join(self.parts)
        self.parts = [s]
        return s

    def Len(self):
        return self.n

    def Reset(self):
        self.parts = []
        self.n = 0
        self.used = False
        self.copied = False

    def Grow(self, n):
        self._gg_check()
        if n < 0:
            _gg_panic(b"strings.Builder.Grow: negative count")

    def _gg_copy(self):
        # A Builder assigned by value: Go copies the header.
        c = _GgBuilder()
        c.parts = list(self.parts)
        c.n = self.n
        c.copied = self.used or self.copied
        return c


def _gg_promote(fn, path, cp):
    # A method promoted from an embedded field, attached to the outer
    # struct's class: it follows path (attribute names) to the embedded
    # value, which a value receiver gets a copy of.
    def m(self, *args):
        r = self
        for p in path:
            r = getattr(r, p)
        if cp:
            r = _gg_deref(r)._gg_copy()
        return fn(r, *args)
    return m
