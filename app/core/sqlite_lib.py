"""sqlite_utils, imported without pandas and numpy.

sqlite_utils.db imports pandas and numpy when they are installed, only to map their
value types to column types when it creates tables from values. Cove declares every
column itself and never hands it a numpy or pandas value, but importing the two costs
about half a second of every start (`cove chat` imported them before its first
line). So they are hidden while sqlite_utils is imported; code that needs numpy
(the notes' vectors) imports it itself, later, as usual.
"""

from __future__ import annotations

import importlib.abc
import sys

_HIDDEN = ("numpy", "pandas")


class _Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in _HIDDEN:
            raise ImportError(f"{name} is not imported with sqlite_utils")  # sqlite_utils expects ImportError
        return None


def _import():
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hide = _Hide()
    sys.meta_path.insert(0, hide)
    try:
        return importlib.import_module("sqlite_utils")
    finally:
        sys.meta_path.remove(hide)


sqlite_utils = _import()
Database = sqlite_utils.Database
Migrations = sqlite_utils.Migrations
