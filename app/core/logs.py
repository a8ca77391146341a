"""Logging to a file in the log folder, for the user to send us if they choose.

Logs record what Cove did (models loaded, errors with their tracebacks), never what
was said: no message text is logged.
"""

from __future__ import annotations

import logging
import logging.handlers

from app.core.paths import CovePaths, make_private_file

log = logging.getLogger("cove")


class _QuietHandler(logging.handlers.RotatingFileHandler):
    """A log line that cannot be written (full disk, folder gone) is dropped, never printed as a traceback."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


class _QuietSharedHandler(logging.handlers.WatchedFileHandler):
    """The engine process's handler: it appends to the same file and never rotates it (two processes
    rotating one file would lose lines); after the app rotates it, the next line opens the new file."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup(paths: CovePaths, rotate: bool = True) -> None:
    """Log to the log file; rotate=False in a second process (the engine) writing to the same file."""
    if any(isinstance(h, logging.FileHandler) for h in log.handlers):
        return
    if not paths.log_dir.is_dir():
        return  # the app creates it; a process started without one logs nowhere
    try:
        handler = (_QuietHandler(paths.log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8") if rotate
                   else _QuietSharedHandler(paths.log_file, encoding="utf-8"))
    except OSError:
        return  # a read-only log folder must not stop Cove
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    make_private_file(paths.log_file)
