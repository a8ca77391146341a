"""Files from resources/ (icons), found both in a source checkout and an installed copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

_CANDIDATES = (
    Path(__file__).resolve().parent.parent / "resources",          # installed: app/resources
    Path(__file__).resolve().parent.parent.parent / "resources",   # source checkout
)


def resource_path(name: str) -> Path | None:
    for folder in _CANDIDATES:
        if (folder / name).is_file():
            return folder / name
    return None


def app_icon() -> QIcon:
    path = resource_path("cove.svg")
    return QIcon(str(path)) if path else QIcon()
