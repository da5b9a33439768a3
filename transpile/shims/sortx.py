# sort, slices and maps shims. Go's sorts are ported, not replaced by
# Python's: equal elements that differ (records tied on a sort key, or
# -0.0 and 0.0) end where Go's pdqsort puts them, and a comparator is
# called on the same pairs in the same order. The port follows Go's
# sort/zsortfunc.go (BSD license) over less(i, j) and swap(i, j).


def _gg_sort(s):
    # slices.Sort, sort.Ints/Strings/Float64s: Python's sort unless equal
    # elements can differ, which among these types only -0.0 and 0.0 do.
    if not s:
        return
    if any(isinstance(x, float) and x == 0 and math.copysign(1, x) < 0 for x in s):
        _gg_pdqsort(len(s), lambda i, j: _gg_sortkey(s[i]) < _gg_sortkey(s[j]), _gg_swapper(s))
    else:
        s.sort(key=_gg_sortkey)


def _gg_sorted(xs):
    # slices.Sorted of a collected sequence (a new list).
    _gg_sort(xs)
    return xs


def _gg_sortkey(x):
    # Go orders NaN first in sort.Float64s and slices.Sort.
    if isinstance(x, float) and x != x:
        return (0, 0.0)
    return (1, x)


def _gg_swapper(s):
    def swap(i, j):
        s[i], s[j] = s[j], s[i]
    return swap


def _gg_sortslice(s, less):
    # sort.Slice: less compares indices of s as it is being sorted.
    if s:
        _gg_pdqsort(len(s), less, _gg_swapper(s))


def _gg_sortslicestable(s, less):
    if s:
        _gg_stablesort(len(s), less, _gg_swapper(s))


def _gg_sortcmp(s, cmp):
    # slices.SortFunc.
    if s:
        _gg_pdqsort(len(s), lambda i, j: cmp(s[i], s[j]) < 0, _gg_swapper(s))


def _gg_sortcmpstable(s, cmp):
    if s:
        _gg_stablesort(len(s), lambda i, j: cmp(s[i], s[j]) < 0, _gg_swapper(s))


def _gg_pdqsort(n, less, swap):
    _gg_pdq(less, swap, 0, n, n.bit_length())


def _gg_pdq(less, swap, a, b, limit):
    balanced, partitioned = True, True
    while True:
        length = b - a
        if length <= 12:
            _gg_insertionsort(less, swap, a, b)
            return
        if limit == 0:
            _gg_heapsort(less, swap, a, b)
            return
        if not balanced:
            _gg_breakpatterns(swap, a, b)
            limit -= 1
        pivot, hint = _gg_choosepivot(less, a, b)
        if hint == "decreasing":
            _gg_swaprev(swap, a, b)
            pivot = (b - 1) - (pivot - a)
            hint = "increasing"
        if balanced and partitioned and hint == "increasing":
            if _gg_partialinsertionsort(less, swap, a, b):
                return
        if a > 0 and not less(a - 1, pivot):
            a = _gg_partitionequal(less, swap, a, b, pivot)
            continue
        mid, partitioned = _gg_partition(less, swap, a, b, pivot)
        left, right = mid - a, b - mid
        threshold = length // 8
        if left < right:
            balanced = left >= threshold
            _gg_pdq(less, swap, a, mid, limit)
            a = mid + 1
        else:
            balanced = right >= threshold
            _gg_pdq(less, swap, mid + 1, b, limit)
            b = mid


def _gg_insertionsort(less, swap, a, b):
    for i in range(a + 1, b):
        j = i
        while j > a and less(j, j - 1):
            swap(j, j - 1)
            j -= 1


def _gg_siftdown(less, swap, lo, hi, first):
    root = lo
    while True:
        child = 2 * root + 1
        if child >= hi:
            return
        if child + 1 < hi and less(first + child, first + child + 1):
            child += 1
        if not less(first + root, first + child):
            return
        swap(first + root, first + child)
        root = child


def _gg_heapsort(less, swap, a, b):
    hi = b - a
    for i in range((hi - 1) // 2, -1, -1):
        _gg_siftdown(less, swap, i, hi, a)
    for i in range(hi - 1, -1, -1):
        swap(a, a + i)
        _gg_siftdown(less, swap, 0, i, a)


def _gg_partition(less, swap, a, b, pivot):
    swap(a, pivot)
    i, j = a + 1, b - 1
    while i <= j and less(i, a):
        i += 1
    while i <= j and not less(j, a):
        j -= 1
    if i > j:
        swap(j, a)
        return j, True
    swap(i, j)
    i, j = i + 1, j - 1
    while True:
        while i <= j and less(i, a):
            i += 1
        while i <= j and not less(j, a):
            j -= 1
        if i > j:
            break
        swap(i, j)
        i, j = i + 1, j - 1
    swap(j, a)
    return j, False


def _gg_partitionequal(less, swap, a, b, pivot):
    swap(a, pivot)
    i, j = a + 1, b - 1
    while True:
        while i <= j and not less(a, i):
            i += 1
        while i <= j and less(a, j):
            j -= 1
        if i > j:
            return i
        swap(i, j)
        i, j = i + 1, j - 1


def _gg_partialinsertionsort(less, swap, a, b):
    i = a + 1
    for _ in range(5):
        while i < b and not less(i, i - 1):
            i += 1
        if i == b:
            return True
        if b - a < 50:
            return False
        swap(i, i - 1)
        if i - a >= 2:
            j = i - 1
            while j >= 1 and less(j, j - 1):
                swap(j, j - 1)
                j -= 1
        if b - i >= 2:
            j = i + 1
            while j < b and less(j, j - 1):
                swap(j, j - 1)
                j += 1
    return False


def _gg_breakpatterns(swap, a, b):
    length = b - a
    if length < 8:
        return
    rnd = length
    modulus = 1 << length.bit_length()
    mask = 0xFFFFFFFFFFFFFFFF
    mid = a + (length // 4) * 2
    for idx in range(mid - 1, mid + 2):
        rnd ^= (rnd << 13) & mask
        rnd ^= rnd >> 7
        rnd ^= (rnd << 17) & mask
        other = rnd & (modulus - 1)
        if other >= length:
            other -= length
        swap(idx, a + other)


def _gg_choosepivot(less, a, b):
    size = b - a
    swaps = [0]

    def order2(x, y):
        if less(y, x):
            swaps[0] += 1
            return y, x
        return x, y

    def median(x, y, z):
        x, y = order2(x, y)
        y, z = order2(y, z)
        x, y = order2(x, y)
        return y

    i, j, k = a + size // 4 * 1, a + size // 4 * 2, a + size // 4 * 3
    if size >= 8:
        if size >= 50:
            i = median(i - 1, i, i + 1)
            j = median(j - 1, j, j + 1)
            k = median(k - 1, k, k + 1)
        j = median(i, j, k)
    if swaps[0] == 0:
        return j, "increasing"
    if swaps[0] == 12:
        return j, "decreasing"
    return j, "unknown"


def _gg_swaprev(swap, a, b):
    i, j = a, b - 1
    while i < j:
        swap(i, j)
        i, j = i + 1, j - 1


def _gg_swaprange(swap, a, b, n):
    for i in range(n):
        swap(a + i, b + i)


def _gg_stablesort(n, less, swap):
    block = 20
    a, b = 0, block
    while b <= n:
        _gg_insertionsort(less, swap, a, b)
        a, b = b, b + block
    _gg_insertionsort(less, swap, a, n)
    while block < n:
        a, b = 0, 2 * block
        while b <= n:
            _gg_symmerge(less, swap, a, a + block, b)
            a, b = b, b + 2 * block
        m = a + block
        if m < n:
            _gg_symmerge(less, swap, a, m, n)
        block *= 2


def _gg_symmerge(less, swap, a, m, b):
    if m - a == 1:
        i, j = m, b
        while i < j:
            h = (i + j) // 2
            if less(h, a):
                i = h + 1
            else:
                j = h
        for k in range(a, i - 1):
            swap(k, k + 1)
        return
    if b - m == 1:
        i, j = a, m
        while i < j:
            h = (i + j) // 2
            if not less(m, h):
                i = h + 1
            else:
                j = h
        for k in range(m, i, -1):
            swap(k, k - 1)
        return
    mid = (a + b) // 2
    n = mid + m
    if m > mid:
        start, r = n - b, mid
    else:
        start, r = a, m
    p = n - 1
    while start < r:
        c = (start + r) // 2
        if not less(p - c, c):
            start = c + 1
        else:
            r = c
    end = n - start
    if start < m < end:
        _gg_rotate(swap, start, m, end)
    if a < start < mid:
        _gg_symmerge(less, swap, a, start, mid)
    if mid < end < b:
        _gg_symmerge(less, swap, mid, end, b)


def _gg_rotate(swap, a, m, b):
    i, j = m - a, b - m
    while i != j:
        if i > j:
            _gg_swaprange(swap, m - i, m, j)
            i -= j
        else:
            _gg_swaprange(swap, m - i, m + j - i, i)
            j -= i
    _gg_swaprange(swap, m - i, m, i)


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
