"""Numbers shown to people: sizes, counts and durations in the units they expect.

Every number here may come from a hostile file or server (a GGUF header, a Hub
listing), so each function accepts any size, negative, infinite or NaN, and never
prints more than a few digits.
"""

import math

_SIZE_UNITS = ("KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")
_COUNT_WORDS = ("thousand", "million", "billion", "trillion", "quadrillion", "quintillion")


def human_size(n: float) -> str:
    """Decimal units, as file managers and the Hugging Face Hub show them."""
    if isinstance(n, float) and not math.isfinite(n):
        return "an impossible size"
    if n < 0:
        return "-" + human_size(-n)
    if n < 1000:
        return f"{int(n)} bytes"
    value = float(n) if n < 10**300 else math.inf
    for unit in _SIZE_UNITS:
        value /= 1000
        if value < 1000:
            return f"{value:.1f} {unit}"
    return f"{value:.1e} YB" if math.isfinite(value) else "an impossible size"


def human_count(n: int) -> str:
    """A count in words past the thousands ("9.2 quintillion"), never a long row of digits."""
    if n < 0:
        return "-" + human_count(-n)
    if n < 10_000:
        return str(int(n))
    value = float(n) if n < 10**300 else math.inf
    for word in _COUNT_WORDS:
        value /= 1000
        if value < 1000:
            return f"{value:.1f} {word}"
    return f"{value:.1e} quintillion" if math.isfinite(value) else "an impossible number"


def human_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
