"""Icons from resources/."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app.core.resources import resource_path


def app_icon() -> QIcon:
    try:
        return QIcon(str(resource_path("cove.svg")))
    except FileNotFoundError:
        return QIcon()
