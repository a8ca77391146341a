"""Numbers shown to people: sizes, counts and durations in the units they expect.

Every number here may come from a hostile file or server (a GGUF header, a Hub
listing), so each function accepts any size, negative, infinite or NaN, and never
prints more than a few digits.
"""

import math

from app.core.i18n import N_, _, ngettext
from app.core.locale_format import format_number

_SIZE_UNITS = (N_("KB"), N_("MB"), N_("GB"), N_("TB"), N_("PB"), N_("EB"), N_("ZB"), N_("YB"))
_COUNT_WORDS = (N_("thousand"), N_("million"), N_("billion"), N_("trillion"), N_("quadrillion"), N_("quintillion"))


def human_size(n: float) -> str:
    """Decimal units, as file managers and the Hugging Face Hub show them."""
    if isinstance(n, float) and not math.isfinite(n):
        return _("an impossible size")
    if n < 0:
        return "-" + human_size(-n)
    if n < 1000:
        return ngettext("{count} byte", "{count} bytes", int(n)).format(count=int(n))
    value = float(n) if n < 10**300 else math.inf
    for unit in _SIZE_UNITS:
        value /= 1000
        if value < 1000:
            # "1.5 MB", "1,5 MB", "1,5 Mo": the language's decimal mark, and its unit (French counts octets)
            return f"{format_number(value, 1)} {_(unit)}"
    return _("{value:.1e} YB").format(value=value) if math.isfinite(value) else _("an impossible size")


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
            return f"{format_number(value, 1)} {_(word)}"
    return _("{value:.1e} quintillion").format(value=value) if math.isfinite(value) else _("an impossible number")


def human_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
