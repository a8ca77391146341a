"""Background work for the window, as objects with typed signals and cancel()."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from app.core.errors import CoveError
from app.core.models import ModelLibrary


class ImportModelJob(QObject):
    """Copies a model file into the models folder without blocking the window."""

    progressed = Signal(int, int)   # bytes done, total
    succeeded = Signal(str)         # path of the imported model
    failed = Signal(str)            # message for the user

    def __init__(self, library: ModelLibrary, source: Path):
        super().__init__()
        self.library = library
        self.source = Path(source)
        self._cancelled = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("cove-import-model")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled.set()

    def wait(self, ms: int = 10_000) -> bool:
        return self._thread.wait(ms)

    def _run(self) -> None:
        try:
            entry = self.library.import_file(self.source, self.progressed.emit, self._cancelled.is_set)
        except CoveError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must still end the job with a message
            self.failed.emit(f"Could not add the model ({type(exc).__name__}: {exc}).")
        else:
            self.succeeded.emit(str(entry.path))
        finally:
            self._thread.quit()
