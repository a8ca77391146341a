"""Background work for the window, as objects with typed signals and cancel().

The work runs on a plain Python thread; the job object itself lives in the GUI
thread, so its signals reach the window's slots as queued calls.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.errors import CoveError
from app.core.models import ModelLibrary


class ImportModelJob(QObject):
    """Copies a model file into the models folder without blocking the window."""

    progressed = Signal(int, int)   # bytes done, total
    succeeded = Signal(str)         # path of the imported model
    failed = Signal(str)            # message for the user

    def __init__(self, library: ModelLibrary, source: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.source = Path(source)
        self._cancelled = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cove-import-model", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled.set()

    def wait(self, seconds: float = 10.0) -> bool:
        if self._thread.is_alive():
            self._thread.join(seconds)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            entry = self.library.import_file(self.source, self.progressed.emit, self._cancelled.is_set)
        except CoveError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must still end the job with a message
            self.failed.emit(f"Could not add the model ({type(exc).__name__}: {exc}).")
        else:
            self.succeeded.emit(str(entry.path))


class BackgroundCall(QObject):
    """Runs one function off the GUI thread and reports its result or its message."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn, parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self._thread = threading.Thread(target=self._run, name="cove-background", daemon=True)

    def start(self) -> "BackgroundCall":
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            result = self._fn()
        except CoveError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug still ends with a message, never a dead window
            self.failed.emit(f"Unexpected error ({type(exc).__name__}: {exc}).")
        else:
            self.succeeded.emit(result)
