"""Adding a model file: check it, then copy it into the models folder in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.ui.tasks import ImportModelJob


class ModelImportActions(QObject):
    def __init__(self, chat_controller):
        super().__init__(chat_controller)
        self.chat = chat_controller

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.chat.window, self.tr("Add model file"), str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.start(Path(path))

    def start(self, source: Path) -> None:
        """Check, then copy a model file into the models folder in the background."""
        try:
            read_gguf(source)
        except CoveError as exc:
            QMessageBox.warning(self.chat.window, self.tr("Not a model file"), str(exc))
            self.chat.model_import_finished.emit(False, str(exc))
            return
        job = ImportModelJob(self.chat.library, source, self)
        progress = QProgressDialog(self.tr("Adding {}…").format(source.name), self.tr("Cancel"), 0, 1000, self.chat.window)
        progress.setWindowTitle(self.tr("Add model file"))
        progress.setMinimumDuration(300)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda done, total: progress.setValue(int(done * 1000 / max(total, 1))))

        def finished(ok: bool, result: str) -> None:
            progress.reset()
            progress.deleteLater()
            job.deleteLater()
            self.chat.import_job = None
            if ok:
                self.chat.refresh_models(select=result)
                if self.chat.models_controller is not None:
                    self.chat.models_controller.refresh_installed()
                self.chat.window.model_picker.setCurrentIndex(self.chat.window.model_picker.findData(result))
            else:
                QMessageBox.warning(self.chat.window, self.tr("Could not add the model"), result)
            self.chat.model_import_finished.emit(ok, result)

        job.succeeded.connect(lambda path: finished(True, path))
        job.failed.connect(lambda message: finished(False, message))
        self.chat.import_job = job
        job.start()
