"""Where a file dialog opens: a folder that exists, so nothing bogus is pre-filled.

Qt's file dialog, handed a folder that does not exist (QStandardPaths names
~/Documents whether or not there is one), opens at its parent with the missing
name typed in as the file to choose: "Choose" is then greyed out with no reason
given, and Attach offers "Documents" as a file name. Every dialog here starts at
the first of these that exists: the folder used last, Documents, the home folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.ui.i18n import number


def start_folder(last: str | Path | None = None) -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    for candidate in (last, documents, Path.home()):
        if candidate and Path(candidate).is_dir():
            return str(Path(candidate))
    return str(Path.cwd())  # no home folder at all (a service account): still a real folder


def plural(count: int, one: str, many: str) -> str:
    """"1 file", "3 files": the number with the right word (English; translations carry their own)."""
    return (one if count == 1 else many).format(number(count))
