# sort, slices and maps shims. Go's sort.Slice and sort.Strings are not
# stable, but the sorted result of a total order is unique, so Python's
# stable sort gives the same slice unless elements compare equal yet
# differ; sort.Slice is documented as such.


def _gg_sort(s):
    if s:
        s.sort(key=_gg_sortkey)


def _gg_sortkey(x):
    # Go orders NaN first in sort.Float64s and slices.Sort.
    if isinstance(x, float) and x != x:
        return (0, 0.0)
    return (1, x)


def _gg_sortfunc(s, less):
    if s:
        s.sort(key=functools.cmp_to_key(lambda a, b: -1 if less(a, b) else (1 if less(b, a) else 0)))


def _gg_sortcmp(s, cmp):
    if s:
        s.sort(key=functools.cmp_to_key(cmp))


def _gg_sortslice(s, less):
    # sort.Slice(s, func(i, j int) bool) compares by index: sort a copy of
    # the values and compare through a scratch list.
    if not s:
        return
    if len(s) < 2:
        return
    vals = list(s)

    def cmp(a, b):
        s[0], s[1] = a, b
        if less(0, 1):
            return -1
        if less(1, 0):
            return 1
        return 0
    vals.sort(key=functools.cmp_to_key(cmp))
    s[:] = vals


def _gg_issorted(s):
    if not s:
        return True
    for i in range(1, len(s)):
        if _gg_sortkey(s[i]) < _gg_sortkey(s[i - 1]):
            return False
    return True


def _gg_cmp(a, b):
    if isinstance(a, float) and a != a:
        return 0 if b != b else -1
    if isinstance(b, float) and b != b:
        return 1
    return -1 if a < b else (1 if a > b else 0)


def _gg_contains_el(s, v):
    # Not "v in s": Python's identity shortcut would find a NaN in itself.
    return _gg_index_el(s, v) >= 0


def _gg_index_el(s, v):
    if s is None:
        return -1
    for i, x in enumerate(s):
        if x == v:
            return i
    return -1


def _gg_reverse(s):
    if s:
        s.reverse()


def _gg_mapkeys_sorted(m):
    return sorted(m.keys(), key=_gg_sortkey) if m else []


def _gg_clone(s):
    if s is None:
        return None
    return list(s) if isinstance(s, list) else dict(s)


def _gg_slices_equal(a, b):
    a, b = a or (), b or ()
    return len(a) == len(b) and all(x == y for x, y in zip(a, b))


def _gg_binsearch(s, v):
    lo, hi = 0, _gg_len(s)
    while lo < hi:
        m = (lo + hi) // 2
        if _gg_cmp(s[m], v) < 0:
            lo = m + 1
        else:
            hi = m
    return (lo, lo < _gg_len(s) and _gg_cmp(s[lo], v) == 0)


def _gg_search(n, f):
    # sort.Search's own bisection: the same probes, whatever f is.
    lo, hi = 0, n
    while lo < hi:
        m = (lo + hi) // 2
        if not f(m):
            lo = m + 1
        else:
            hi = m
    return lo


def _gg_searchsorted(s, v):
    # sort.SearchInts, SearchStrings, SearchFloat64s.
    return _gg_search(_gg_len(s), lambda i: s[i] >= v)


def _gg_indexfunc_el(s, f):
    for i, x in enumerate(s or ()):
        if f(x):
            return i
    return -1


def _gg_nonempty(s, msg):
    if not s:
        _gg_panic(msg)
    return s


def _gg_nilempty(s):
    # Iterator collections (slices.Collect, slices.Sorted) are nil when empty.
    return s if s else None
