# math shims where Python's math module differs from Go's (it raises where
# Go returns NaN or an infinity).


def _gg_sqrt(x):
    if x < 0 or x != x:
        return float("nan")
    return math.sqrt(x)


def _gg_logspecial(x):
    # Go's Log family at the edges: NaN below zero, -Inf at zero, +Inf kept.
    if x != x or x < 0:
        return float("nan")
    if x == 0:
        return float("-inf")
    if x == float("inf"):
        return x
    return None


def _gg_log(x):
    r = _gg_logspecial(x)
    return math.log(x) if r is None else r


def _gg_log2(x):
    r = _gg_logspecial(x)
    if r is not None:
        return r
    m, e = math.frexp(x)
    if m == 0.5:
        return float(e - 1)
    return math.log(m) * 1.4426950408889634 + float(e)


def _gg_log10(x):
    r = _gg_logspecial(x)
    return math.log(x) * 0.4342944819032518 if r is None else r


def _gg_pow(x, y):
    try:
        return math.pow(x, y)
    except ValueError:
        # Python raises for 0 ** negative, where Go gives ±Inf.
        if x == 0 and y < 0:
            if y == int(y) and int(y) % 2 == 1:
                return math.copysign(float("inf"), x)
            return float("inf")
        return float("nan")
    except OverflowError:
        return float("inf") if x > 0 or y == int(y) and int(y) % 2 == 0 else float("-inf")
    except ZeroDivisionError:
        return float("inf")


def _gg_exp(x):
    try:
        return math.exp(x)
    except OverflowError:
        return float("inf")


def _gg_mathmod(x, y):
    if y == 0 or x in (float("inf"), float("-inf")) or x != x or y != y:
        return float("nan")
    return math.fmod(x, y)


def _gg_round(x):
    # Go's math.Round: half away from zero.
    if x != x or x in (float("inf"), float("-inf")):
        return x
    t = math.trunc(x)
    if abs(x - t) >= 0.5:
        t += math.copysign(1, x)
    if t == 0:
        return math.copysign(0.0, x)
    return float(t)


def _gg_roundeven(x):
    if x != x or x in (float("inf"), float("-inf")):
        return x
    r = float(round(x))
    if r == 0:
        return math.copysign(0.0, x)
    return r


def _gg_floor(x):
    if x != x or x in (float("inf"), float("-inf")) or x == 0:
        return x
    return float(math.floor(x))


def _gg_ceil(x):
    if x != x or x in (float("inf"), float("-inf")) or x == 0:
        return x
    r = float(math.ceil(x))
    return math.copysign(0.0, x) if r == 0 else r


def _gg_trunc(x):
    if x != x or x in (float("inf"), float("-inf")) or x == 0:
        return x
    r = float(math.trunc(x))
    return math.copysign(0.0, x) if r == 0 else r


def _gg_inf(sign):
    return float("inf") if sign >= 0 else float("-inf")


def _gg_isinf(x, sign):
    return (sign >= 0 and x == float("inf")) or (sign <= 0 and x == float("-inf"))


def _gg_fmin(x, y):
    if x in (float("-inf"),) or y in (float("-inf"),):
        return float("-inf")
    if x != x or y != y:
        return float("nan")
    if x == 0 and y == 0:
        return x if math.copysign(1, x) < 0 else y
    return x if x < y else y


def _gg_fmax(x, y):
    if x == float("inf") or y == float("inf"):
        return float("inf")
    if x != x or y != y:
        return float("nan")
    if x == 0 and y == 0:
        return x if math.copysign(1, x) > 0 else y
    return x if x > y else y


def _gg_sin(x):
    # Python raises for ±Inf, where Go gives NaN.
    return math.sin(x) if x - x == 0 else float("nan")


def _gg_cos(x):
    return math.cos(x) if x - x == 0 else float("nan")


def _gg_hypot(p, q):
    # Go's algorithm (also its amd64 assembly), not the C library's more
    # exact one: the results differ in the last bit.
    p, q = abs(p), abs(q)
    if p == float("inf") or q == float("inf"):
        return float("inf")
    if p != p or q != q:
        return float("nan")
    if p < q:
        p, q = q, p
    if p == 0:
        return 0.0
    q = q / p
    return p * math.sqrt(1 + q * q)
