"""Chat › Answer settings…: one conversation's sampling, starting from the model's defaults."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.ui.settings.settings_dialog import SamplingForm


class GenerationDialog(QDialog):
    """One conversation's answer settings, starting from the model's defaults."""

    def __init__(self, model_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer settings"))
        self.form = SamplingForm()
        self.note = QLabel(self.tr("For this conversation. Defaults come from {} and from Settings.").format(model_name))
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.as_model_default = self.buttons.addButton(self.tr("Save as default for {}").format(model_name),
                                                       QDialogButtonBox.ActionRole)
        self.reset = self.buttons.addButton(self.tr("Use the defaults"), QDialogButtonBox.ResetRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
