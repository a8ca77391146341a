"""Notes › Notes folders…: the folders Cove answers from, indexing progress, and the files it could not read.

This module only builds the widgets; notes_actions.py decides what they do.

The dialog is shown before its parts are built, as the Models window is (models_dialog.py):
building and filling it in one turn of the event loop froze the window for 35–50 ms on a
busy 2-core machine (each widget polished through the application's style sheet), while
a pass runs and the progress keeps coming. So the constructor makes the frame (the intro,
the Close button) and build_part() adds one part at a time ("folders": the folders' table and buttons;
"progress": the progress bar, the last message, the meaning-search line), called back in
the event loop by NotesActions; the files that could not be read come in a part of their own,
under the folders. Anything that reaches a widget of a part not built yet (a
test, a click handler) gets every part built, wired and filled at once, through
__getattr__: never an AttributeError.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.models.models_dialog import fit_columns
from app.ui.widgets.built_in_steps import BuiltInSteps


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.ElideMiddle)  # a long path keeps its start and its last folder
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    return table


class NotesDialog(BuiltInSteps, QDialog):
    PARTS = ("folders", "unreadable", "progress")  # built in this order, each in its own turn of the event loop

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Notes folders"))
        self.setMinimumSize(520, 360)
        screen = (parent.screen() if parent is not None else None) or self.screen()
        room = screen.availableGeometry() if screen is not None else None
        # 820×560 where there is room; on a small screen (800×500) a little less than all of it.
        self.resize(min(820, room.width() - 40) if room else 820, min(560, room.height() - 40) if room else 560)

        self.intro_label = QLabel(self.tr(
            "Cove answers from the notes in these folders: Markdown, text, PDF, Word and HTML files. It only "
            "reads them and keeps its index on this computer; changes are picked up while Cove runs."))
        self.intro_label.setWordWrap(True)
        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        self.policy_label.setObjectName("notesPolicyLabel")
        self.policy_label.hide()

        self._start_steps(self.PARTS)  # NotesActions builds them, one per turn (built_in_steps.py)
        self.body = QVBoxLayout()  # the parts go here, in order, as they are built
        self.body.setContentsMargins(0, 0, 0, 0)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.policy_label)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.buttons)

    def _build(self, name: str) -> None:
        getattr(self, f"_build_{name}")()

    def _build_folders(self) -> None:
        self.folders_table = _table(self.tr("Notes folders"))
        self.add_button = QPushButton(self.tr("Add folder…"))
        self.add_button.setAccessibleName(self.tr("Add a notes folder"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected notes folder"))
        self.remove_button.setToolTip(self.tr("Forget this folder; its files are not touched"))
        self.remove_button.setEnabled(False)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(self.add_button)
        folder_buttons.addWidget(self.remove_button)
        folder_buttons.addStretch(1)

        folders = QWidget()
        folders_layout = QVBoxLayout(folders)
        folders_layout.setContentsMargins(0, 0, 0, 0)
        folders_layout.addWidget(self.folders_table, 1)
        folders_layout.addLayout(folder_buttons)
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(folders)
        self.splitter.setChildrenCollapsible(False)
        self.body.insertWidget(0, self.splitter, 1)  # above the progress, whichever is built first

    def _build_unreadable(self) -> None:
        """Under the folders (in the splitter, which the folders part makes first)."""
        self.unreadable_label = QLabel()
        self.unreadable_table = _table(self.tr("Files that could not be read"))
        unreadable = QWidget()
        unreadable_layout = QVBoxLayout(unreadable)
        unreadable_layout.setContentsMargins(0, 0, 0, 0)
        unreadable_layout.addWidget(self.unreadable_label)
        unreadable_layout.addWidget(self.unreadable_table, 1)
        self.unreadable_box = unreadable
        self.unreadable_box.hide()
        self.splitter.addWidget(unreadable)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        files = self.unreadable_table.horizontalHeader()
        files.setSectionResizeMode(0, QHeaderView.Interactive)  # the reason gets the room; drag to see more
        files.resizeSection(0, 240)
        files.setSectionResizeMode(1, QHeaderView.Stretch)

    def _build_progress(self) -> None:
        # Progress of the pass running now: which folder, the bar with its counts, and its controls.
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.PlainText)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Indexing progress"))
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(True)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setAccessibleName(self.tr("Pause indexing"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setAccessibleName(self.tr("Resume indexing"))
        self.resume_button.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel indexing"))
        self.cancel_button.setToolTip(self.tr("Stop this pass; what is indexed so far is kept"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.pause_button)
        progress_row.addWidget(self.resume_button)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addLayout(progress_row)
        self.progress_box.hide()

        self.message_label = QLabel()  # the last thing that happened, or why something was refused
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        # Meaning search: the integrator fills this line in (what it is, whether a model is installed).
        self.meaning_label = QLabel(self.tr(
            "Search finds passages with your words. Meaning search, which also finds passages that say the "
            "same in other words, comes with an embedding model."))
        self.meaning_label.setObjectName("meaningSearchLabel")
        self.meaning_label.setWordWrap(True)
        for widget in (self.progress_box, self.message_label, self.meaning_label):
            self.body.addWidget(widget)

    def size_columns(self) -> None:
        """The counts and dates of the folders are sized from their text when the rows change
        (models_dialog.fit_columns), the folder's name takes the room left; not the header's
        ResizeToContents mode, which asked every cell for its size through Python on each layout pass.
        Called once the model is set: setting a model resets the header's sections."""
        header = self.folders_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        fit_columns(self.folders_table)
