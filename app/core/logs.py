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


def setup(paths: CovePaths) -> None:
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in log.handlers):
        return
    try:
        handler = _QuietHandler(
            paths.log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return  # a read-only log folder must not stop Cove
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    make_private_file(paths.log_file)
