"""Numbers and dates in the user's language: "1,234.5" in English, "1.234,5" in Spanish, "1 234,5" in French.

The core's messages are translated by app.core.i18n; the numbers and dates inside them must follow the same
language, or a Spanish sentence would carry an English "1,234". The window uses QLocale; the core and the
CLI use this table, keyed by the language i18n is using (the one chosen in Settings › Appearance, or the
system's). Python's `locale` module is not used: it only knows the locales installed on the system (often
just "C" on servers and in containers) and its setting is global to the process; babel would be a large
new dependency for three conventions per language. A language not in the table (a translator's new one)
gets the English conventions until a row is added here.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

from app.core import i18n
from app.core.i18n import ngettext


class Conventions(NamedTuple):
    thousands: str  # between groups of three digits
    decimal: str
    date: str  # strftime pattern of a short date, in the language's order
    group_from: int = 1000  # the smallest number written with a thousands separator


_NBSP = "\u202f"  # narrow no-break space: French and others group digits with it, and it never wraps
CONVENTIONS = {
    "en": Conventions(",", ".", "%Y-%m-%d"),
    "es": Conventions(".", ",", "%d/%m/%Y", group_from=10000),  # RAE: 4-digit numbers are not grouped
    "fr": Conventions(_NBSP, ",", "%d/%m/%Y"),
    "de": Conventions(".", ",", "%d.%m.%Y"),
    "pt_BR": Conventions(".", ",", "%d/%m/%Y"),
    "zh_CN": Conventions(",", ".", "%Y/%m/%d"),
}


def conventions(language: str | None = None) -> Conventions:
    """The conventions of `language`, or of the language i18n uses now ("es_ES" finds "es")."""
    language = language or i18n.language() or "en"
    return CONVENTIONS.get(language) or CONVENTIONS.get(language.split("_")[0]) or CONVENTIONS["en"]


def format_number(value: float, digits: int = 0, language: str | None = None) -> str:
    """`value` with `digits` decimals and the language's separators; not-a-number is written as is."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    c = conventions(language)
    text = f"{abs(value):,.{digits}f}"
    whole, _dot, fraction = text.partition(".")
    if abs(value) < c.group_from:
        whole = whole.replace(",", "")
    text = whole.replace(",", c.thousands) + (c.decimal + fraction if fraction else "")
    return ("-" if value < 0 and text.strip("0.,") else "") + text


def format_date(value: dt.date | dt.datetime | str, language: str | None = None) -> str:
    """A short date in the language's order; an ISO text ("2026-11-30T19:21:45") is read first."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value  # not a date: shown as stored rather than hidden
    return value.strftime(conventions(language).date)


def count_of(count: int, word: str) -> str:
    """ "1 file", "1.234 archivos": a count with its noun in the user's language (each noun its own plural).

    `word` is one of the nouns the core counts; the forms are spelled out so that translators see each
    (and the catalogue's collector finds them)."""
    n = format_number(count)
    forms = {
        "file": lambda: ngettext("{count} file", "{count} files", count),
        "passage": lambda: ngettext("{count} passage", "{count} passages", count),
        "new passage": lambda: ngettext("{count} new passage", "{count} new passages", count),
        "notes folder": lambda: ngettext("{count} notes folder", "{count} notes folders", count),
        "conversation": lambda: ngettext("{count} conversation", "{count} conversations", count),
        "message": lambda: ngettext("{count} message", "{count} messages", count),
        "model": lambda: ngettext("{count} model", "{count} models", count),
    }
    return forms[word]().format(count=n)
