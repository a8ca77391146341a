"""Save as note: the title, tags, notes folder and template of a new note.

The dialog only collects choices; note_saving_actions.py writes the note on a
worker thread while the dialog stays open, so a failure (a read-only folder, a full
disk) is shown in the dialog with everything the user typed still there: nothing
is lost, and another folder can be picked at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.ui.widgets.model_guard import elide

CHOOSE = "choose"  # the folder list's "Choose…" item


class SaveNoteDialog(QDialog):
    save_requested = Signal()

    def __init__(self, title: str, roots: list[Path], remembered: str, templates: tuple, what: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as note"))
        self.resize(560, 260)
        self.roots = roots
        self.title_edit = QLineEdit(title)
        self.title_edit.setAccessibleName(self.tr("Note title"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, e.g. meeting, budget"))
        self.folder_picker = QComboBox()
        self.folder_picker.setAccessibleName(self.tr("Notes folder"))
        for root in roots:
            self.folder_picker.addItem(elide(str(root), 120), str(root))
        if remembered and self.folder_picker.findData(remembered) < 0 and \
                any(Path(remembered).is_relative_to(r) for r in roots):
            self.folder_picker.addItem(elide(remembered, 120), remembered)  # a sub-folder chosen before
        self.folder_picker.addItem(self.tr("Choose…"), CHOOSE)
        self.folder_picker.setCurrentIndex(max(0, self.folder_picker.findData(remembered)))
        self._last_folder = self.folder_picker.currentIndex()
        self.folder_picker.activated.connect(self._on_folder_picked)
        self.template_picker = QComboBox()
        self.template_picker.setAccessibleName(self.tr("Template"))
        self.template_picker.addItem(self.tr("None: the text as it is"), None)
        for preset in templates:
            self.template_picker.addItem(elide(preset.get("name", ""), 80), preset.get("text", ""))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Why the note was not saved"))
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._update)

        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(self.tr("Folder:"), self.folder_picker)
        form.addRow(self.tr("Template:"), self.template_picker)
        intro = QLabel(self.tr("Saves {} as a Markdown file in your notes folder; it is searchable at once.")
                       .format(what))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.title_edit.text().strip()) and self.folder() is not None)

    def _on_folder_picked(self, index: int) -> None:
        if self.folder_picker.itemData(index) != CHOOSE:
            self._last_folder = index
            self._update()
            return
        start = self.folder() or (str(self.roots[0]) if self.roots else "")
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the note"), start)
        if not chosen:
            self.folder_picker.setCurrentIndex(self._last_folder)
            return
        found = self.folder_picker.findData(chosen)
        if found < 0:
            found = self.folder_picker.count() - 1
            self.folder_picker.insertItem(found, elide(chosen, 120), chosen)
        self.folder_picker.setCurrentIndex(found)
        self._last_folder = found
        self._update()

    def folder(self) -> str | None:
        data = self.folder_picker.currentData()
        return None if data in (None, CHOOSE) else data

    def title(self) -> str:
        return " ".join(self.title_edit.text().split())

    def tags(self) -> list[str]:
        return [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]

    def template(self) -> str | None:
        return self.template_picker.currentData()

    def _on_save(self) -> None:
        self.error_label.hide()
        self.save_requested.emit()

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    def show_error(self, text: str) -> None:
        """The note was not written: say why, keep everything as it is."""
        self.set_busy(False)
        self.error_label.setText(text)
        self.error_label.show()
