"""Errors that carry a message meant for the user.

Everything the user may see as an error is a `CoveError`: its text says what went
wrong and what to do, in plain words. Anything else that escapes is a bug; the
command line and the window log it and show a short line instead of a traceback.
"""

import sqlite3


class CoveError(Exception):
    """An error whose message is written for the user."""


class NotAModelFile(CoveError):
    """The file is not a usable GGUF model."""


class ModelNotFound(CoveError):
    """No model matches the given path or name."""


class DatabaseDamaged(CoveError):
    """The conversation database failed its integrity check; `backup` is the newest good copy, if any."""

    def __init__(self, message: str, backup=None):
        super().__init__(message)
        self.backup = backup


class DatabaseBusy(CoveError, sqlite3.OperationalError):
    """Another process kept the conversation database locked for longer than a write waits.

    Also an sqlite3.OperationalError, so code that keeps text in memory when a write
    fails (chat.AnswerRecorder, the window) treats it like any other failed write."""
