# unicode package shims. Categories come from Python's unicodedata, whose
# Unicode version can be older than Go's for recently assigned characters.


def _gg_cat(r):
    if r < 0 or r > 0x10FFFF:
        return "Cn"
    return unicodedata.category(chr(r))


def _gg_isletter(r):
    if r < 0x80:
        return 65 <= r <= 90 or 97 <= r <= 122
    return _gg_cat(r)[0] == "L"


def _gg_isdigit(r):
    if r < 0x80:
        return 48 <= r <= 57
    return _gg_cat(r) == "Nd"


def _gg_isnumber(r):
    if r < 0x80:
        return 48 <= r <= 57
    return _gg_cat(r)[0] == "N"


def _gg_isupper(r):
    if r < 0x80:
        return 65 <= r <= 90
    return _gg_cat(r) == "Lu"


def _gg_islower(r):
    if r < 0x80:
        return 97 <= r <= 122
    return _gg_cat(r) == "Ll"


def _gg_ispunct(r):
    return _gg_cat(r)[0] == "P"


def _gg_iscontrol(r):
    return 0 <= r <= 0x1F or 0x7F <= r <= 0x9F
