"""Adding a model file: check it, then copy it into the models folder in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.models import ModelLibrary
from app.ui.tasks import Task, TaskRunner


class ModelImportActions(QObject):
    def __init__(self, window, library: ModelLibrary, tasks: TaskRunner,
                 finished: Callable[[bool, str], None], parent=None):
        """finished(ok, path of the new model or the message) is called once per file, also on refusal."""
        super().__init__(parent)
        self.window, self.library, self.tasks, self.finished = window, library, tasks, finished
        self.task: Task | None = None  # the copy in progress
        window.add_model_action.triggered.connect(self.choose)
        window.add_model_button.clicked.connect(self.choose)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Add model file"), str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.start(Path(path))

    def start(self, source: Path) -> None:
        """Check, then copy a model file into the models folder in the background."""
        try:
            read_gguf(source)
        except CoveError as exc:
            QMessageBox.warning(self.window, self.tr("Not a model file"), str(exc))
            self.finished(False, str(exc))
            return
        progress = QProgressDialog(self.tr("Adding {}…").format(source.name), self.tr("Cancel"), 0, 1000,
                                   self.window)
        progress.setWindowTitle(self.tr("Add model file"))
        progress.setMinimumDuration(300)

        def done(ok: bool, result: str) -> None:
            progress.reset()
            progress.deleteLater()
            self.task = None
            if not ok:
                QMessageBox.warning(self.window, self.tr("Could not add the model"), result)
            self.finished(ok, result)

        self.task = task = self.tasks.run(
            lambda task: str(self.library.import_file(source, task.report_progress, task.is_cancelled).path),
            lambda path: done(True, path), lambda message: done(False, message), with_task=True)
        progress.canceled.connect(task.cancel)
        task.progressed.connect(lambda done_bytes, total: progress.setValue(int(done_bytes * 1000 / max(total, 1))))

    def cancel_and_wait(self, seconds: float = 10.0) -> None:
        """The window closes: stop the copy (the half-copied file is removed) and let it end."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(seconds)
