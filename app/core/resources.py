"""Files from resources/ (icons, the catalog), in a source checkout and in an installed copy."""

from __future__ import annotations

from pathlib import Path

from app.core.i18n import _

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (
    _HERE.parent / "resources",          # installed: app/resources
    _HERE.parent.parent / "resources",   # source checkout: resources/ beside app/
)


def resource_path(name: str) -> Path:
    for folder in _CANDIDATES:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(_("Cove's resource {name} is missing; reinstall Cove.").format(name=name))
