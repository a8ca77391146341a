"""Item models never raise into Qt, and nothing huge or malformed reaches a view.

Why: a view calls data(), headerData() and rowCount() from C++ while it paints. An
exception there cannot travel back up to anyone who could handle it: PySide prints
it and hands Qt an empty value, and the view carries on with a half-built state; an
imported row with a malformed date made the Installed models table raise inside
data() on every paint, and the window process died (SIGSEGV). So:

- `guarded` (a class decorator) wraps the methods Qt calls on every item model in
  app/ui: an exception is logged once per (model, method, kind of error) and the
  method answers a harmless default (no value, no rows, no flags);
- `text`, `number`, `when` and `elide` are for validating on the way in, so that the
  cells themselves stay simple and a title of ten megabytes is cut to what a list or
  title bar can show before Qt lays it out (laying out 10 MB of text took 18 s).

Tests find every QAbstractItemModel subclass in app/ui and check it is `guarded`.
"""

from __future__ import annotations

import functools
import logging
import math
from datetime import datetime

from PySide6.QtCore import Qt

log = logging.getLogger(__name__)

TITLE_CHARS = 300  # a title in a list, a title bar or a search result
TIP_CHARS = 2000  # a tooltip

# The methods Qt calls on a model, and what each answers when the code behind it fails.
_DEFAULTS = {
    "data": None, "headerData": None, "rowCount": 0, "columnCount": 0, "hasChildren": False,
    "flags": Qt.NoItemFlags, "canFetchMore": False, "fetchMore": None, "setData": False,
}
_logged: set[tuple[str, str, str]] = set()  # each failure is logged once, not on every paint


def _wrap(cls_name: str, name: str, method, default):
    @functools.wraps(method)
    def safe(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - nothing may escape into a paint event
            key = (cls_name, name, type(exc).__name__)
            if key not in _logged:
                _logged.add(key)
                log.warning("%s.%s failed and was answered with %r: %s: %s",
                            cls_name, name, default, type(exc).__name__, exc, exc_info=True)
            return default

    safe.__cove_guarded__ = True
    return safe


def guarded(cls):
    """Wrap the Qt-called methods that `cls` defines itself (its bases are decorated on their own)."""
    for name, default in _DEFAULTS.items():
        method = cls.__dict__.get(name)
        if callable(method) and not getattr(method, "__cove_guarded__", False):
            setattr(cls, name, _wrap(cls.__name__, name, method, default))
    cls.__cove_guarded__ = True
    return cls


def is_guarded(cls) -> bool:
    """True when every Qt-called method the class or its Python bases define is wrapped."""
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] in ("PySide6", "shiboken6", "Shiboken", "builtins"):
            continue  # Qt's own methods do not raise
        for name in _DEFAULTS:
            method = klass.__dict__.get(name)
            if callable(method) and not getattr(method, "__cove_guarded__", False):
                return False
    return True


# Validating on the way in -------------------------------------------------------------

def elide(value, limit: int = TITLE_CHARS) -> str:
    """At most `limit` characters of one line (…-ended when cut): cheap for any size of input."""
    if value is None:
        return ""
    value = value if isinstance(value, str) else str(value)
    head = value[:limit + 1]  # slice first: never scan ten megabytes for line breaks
    if "\n" in head or "\r" in head:
        head = " ".join(head.split())
    return head if len(head) <= limit and len(value) <= limit else head[:limit - 1].rstrip() + "…"


def text(value, limit: int = TIP_CHARS) -> str:
    """A string for a cell: None is empty, anything else its str(), cut at `limit`."""
    if value is None:
        return ""
    value = value if isinstance(value, str) else str(value)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def number(value, lowest: float = 0, highest: float = 2 ** 62):
    """An int or float within [lowest, highest], or None (None, NaN, ∞, text, out of range)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value if lowest <= value <= highest else None


def when(value) -> datetime | None:
    """An ISO date-time (as stored) as an aware datetime, or None when it is not one."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and 10 <= len(value) <= 40:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    try:
        return moment.astimezone()
    except (ValueError, OverflowError, OSError):  # year 1 or 9999 in some time zones
        return None
