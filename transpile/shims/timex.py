# time shims: time.Time is (unix seconds, nanoseconds); Duration an int of
# nanoseconds as in Go.


class _GgTime(object):
    __slots__ = ("sec", "nsec")

    def __init__(self, sec, nsec):
        self.sec = sec
        self.nsec = nsec

    def Unix(self):
        return self.sec

    def UnixMilli(self):
        return self.sec * 1000 + self.nsec // 1000000

    def UnixNano(self):
        return self.sec * 1000000000 + self.nsec

    def Sub(self, u):
        return _gg_i64((self.sec - u.sec) * 1000000000 + self.nsec - u.nsec)

    def Add(self, d):
        n = self.sec * 1000000000 + self.nsec + d
        return _GgTime(n // 1000000000, n % 1000000000)

    def Before(self, u):
        return (self.sec, self.nsec) < (u.sec, u.nsec)

    def After(self, u):
        return (self.sec, self.nsec) > (u.sec, u.nsec)

    def Equal(self, u):
        return (self.sec, self.nsec) == (u.sec, u.nsec)

    def _gg_copy(self):
        return self

    def IsZero(self):
        return self.sec == -62135596800 and self.nsec == 0


def _gg_now():
    n = time.time_ns()
    return _GgTime(n // 1000000000, n % 1000000000)


def _gg_unix(sec, nsec):
    n = sec * 1000000000 + nsec
    return _GgTime(n // 1000000000, n % 1000000000)


def _gg_unixmilli(ms):
    return _GgTime(ms // 1000, (ms % 1000) * 1000000)


def _gg_since(t):
    return _gg_now().Sub(t)


def _gg_dur_str(d):
    # time.Duration.String, e.g. 1h2m3.5s, 1.5ms, 0s.
    if d == 0:
        return b"0s"
    neg = d < 0
    u = -d if neg else d
    if u < 1000000000:
        if u < 1000:
            s = "%dns" % u
        elif u < 1000000:
            s = _gg_dur_frac(u, 1000) + "\u00b5s"
        else:
            s = _gg_dur_frac(u, 1000000) + "ms"
    else:
        h = u // 3600000000000
        u -= h * 3600000000000
        m = u // 60000000000
        u -= m * 60000000000
        s = _gg_dur_frac(u, 1000000000) + "s"
        if h > 0:
            s = "%dh%dm" % (h, m) + s
        elif m > 0:
            s = "%dm" % m + s
    return (("-" if neg else "") + s).encode("utf-8")


def _gg_dur_frac(v, unit):
    w = v // unit
    f = v % unit
    if f == 0:
        return str(w)
    digits = len(str(unit)) - 1
    fs = ("%0*d" % (digits, f)).rstrip("0")
    return "%d.%s" % (w, fs)


def _gg_dur_seconds(d):
    return _gg_div(d, 1000000000) + _gg_mod(d, 1000000000) / 1e9


def _gg_dur_minutes(d):
    m = _gg_div(d, 60000000000)
    return m + _gg_mod(d, 60000000000) / 6e10


def _gg_dur_hours(d):
    h = _gg_div(d, 3600000000000)
    return h + _gg_mod(d, 3600000000000) / 3.6e12
