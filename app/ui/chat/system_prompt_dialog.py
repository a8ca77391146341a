"""Choosing a conversation's system prompt, from presets the user can save, edit and delete."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)


class SystemPromptDialog(QDialog):
    def __init__(self, text: str, presets: tuple, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("System prompt"))
        self.resize(560, 380)
        self.presets = [dict(p) for p in presets]
        self.preset_picker = QComboBox()
        self.preset_picker.setAccessibleName(self.tr("Preset"))
        self.edit = QPlainTextEdit(text)
        self.edit.setAccessibleName(self.tr("System prompt text"))
        self.edit.setPlaceholderText(self.tr("No system prompt: the model's own default applies."))
        self.save_button = QPushButton(self.tr("Save as preset…"))
        self.update_button = QPushButton(self.tr("Update preset"))
        self.delete_button = QPushButton(self.tr("Delete preset"))
        for button, name in ((self.save_button, "Save as preset"), (self.update_button, "Update preset"),
                             (self.delete_button, "Delete preset")):
            button.setAccessibleName(self.tr(name))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preset:")))
        top.addWidget(self.preset_picker, 1)
        preset_buttons = QHBoxLayout()
        preset_buttons.addWidget(self.save_button)
        preset_buttons.addWidget(self.update_button)
        preset_buttons.addWidget(self.delete_button)
        preset_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Instructions the model follows in this conversation:")))
        layout.addLayout(top)
        layout.addWidget(self.edit, 1)
        layout.addLayout(preset_buttons)
        layout.addWidget(buttons)

        self._fill_presets(next((p["name"] for p in self.presets if p["text"] == text), None))
        self.preset_picker.activated.connect(self._on_preset_picked)
        self.edit.textChanged.connect(self._update_buttons)
        self.save_button.clicked.connect(self.save_preset)
        self.update_button.clicked.connect(self.update_preset)
        self.delete_button.clicked.connect(self.delete_preset)
        self._update_buttons()

    def _fill_presets(self, current: str | None) -> None:
        self.preset_picker.clear()
        self.preset_picker.addItem(self.tr("(custom)"), None)
        for preset in self.presets:
            self.preset_picker.addItem(preset["name"], preset["name"])
        index = self.preset_picker.findData(current) if current else 0
        self.preset_picker.setCurrentIndex(max(0, index))

    def _current_preset(self) -> dict | None:
        name = self.preset_picker.currentData()
        return next((p for p in self.presets if p["name"] == name), None)

    def _on_preset_picked(self, _index: int) -> None:
        preset = self._current_preset()
        if preset is not None:
            self.edit.setPlainText(preset["text"])

    def _update_buttons(self) -> None:
        preset = self._current_preset()
        self.update_button.setEnabled(preset is not None and preset["text"] != self.edit.toPlainText())
        self.delete_button.setEnabled(preset is not None)
        self.save_button.setEnabled(bool(self.edit.toPlainText().strip()))

    def save_preset(self, name: str | None = None) -> None:
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("Save as preset"), self.tr("Preset name:"))
            if not ok:
                return
        name = name.strip()
        if not name:
            return
        existing = next((p for p in self.presets if p["name"] == name), None)
        if existing is not None:
            existing["text"] = self.edit.toPlainText()
        else:
            self.presets.append({"name": name, "text": self.edit.toPlainText()})
        self._fill_presets(name)
        self._update_buttons()

    def update_preset(self) -> None:
        preset = self._current_preset()
        if preset is not None:
            preset["text"] = self.edit.toPlainText()
            self._update_buttons()

    def delete_preset(self) -> None:
        preset = self._current_preset()
        if preset is not None:
            self.presets.remove(preset)
            self._fill_presets(None)
            self._update_buttons()

    def text(self) -> str:
        return self.edit.toPlainText().strip()
