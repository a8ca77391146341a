"""Save as note: an answer (its link), a selection in the transcript (its context menu) or the whole
conversation (Chat menu), written as a Markdown note into a notes folder and indexed at once.

The note is written by app/core/notes/writing.py (safe, unique file name; never an
overwrite; front matter with the source conversation) on a worker thread, since
indexing the new file takes the index's write lock, which a background indexing
pass may hold for a moment. The folder picked is remembered (settings
`notes_folder`). A failure keeps the dialog open with the reason, so nothing typed
is lost; success closes it and says "Saved to <path>" in the status bar.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal

from app.core import policy
from app.core import store as st
from app.core.errors import CoveError
from app.core.notes import asking, writing
from app.core.notes.index import NotesIndex
from app.core.paths import CovePaths
from app.ui.notes.save_note_dialog import SaveNoteDialog
from app.ui.widgets.message_html import SAVE_NOTE

SAVED_MS = 15000


class NoteSavingActions(QObject):
    dialog_opened = Signal(object)  # the SaveNoteDialog shown
    saved = Signal(str)  # the path of the note written

    def __init__(self, window, store: st.Store, paths: CovePaths, settings_model, tasks, offer_add_folder,
                 current, parent=None):
        super().__init__(parent)
        self.window, self.store, self.paths = window, store, paths
        self.settings_model, self.tasks = settings_model, tasks
        self.offer_add_folder, self.current = offer_add_folder, current
        self.dialog: SaveNoteDialog | None = None
        window.transcript.action_requested.connect(self._on_action)
        window.save_conversation_note_action.triggered.connect(self.save_conversation)
        window.transcript.setContextMenuPolicy(Qt.CustomContextMenu)
        window.transcript.customContextMenuRequested.connect(self._context_menu)

    def _on_action(self, action: str, message_id: int) -> None:
        if action == SAVE_NOTE:
            self.save_answer(message_id)

    def menu_for(self, position):
        """The transcript's right-click menu: the usual entries, and "Save selection as note…"."""
        transcript = self.window.transcript
        menu = transcript.createStandardContextMenu(position)
        menu.addSeparator()
        action = menu.addAction(self.tr("Save selection as note…"))
        action.setEnabled(transcript.textCursor().hasSelection())
        action.triggered.connect(self.save_selection)
        return menu

    def _context_menu(self, position) -> None:
        menu = self.menu_for(position)
        menu.exec(self.window.transcript.viewport().mapToGlobal(position))
        menu.deleteLater()

    # What is saved --------------------------------------------------------------------

    def save_answer(self, message_id: int) -> None:
        self._open(lambda: writing.from_answer(self.store, message_id), self.tr("this answer"))

    def save_selection(self) -> None:
        text = self.window.transcript.textCursor().selectedText().replace("\u2029", "\n")
        conversation_id = self.current()
        source = None
        if conversation_id is not None:
            conversation = self.store.conversation(conversation_id)
            source = writing.Source(conversation.id, conversation.uuid)
        self._open(lambda: writing.from_selection(text, source=source), self.tr("the selected text"))

    def save_conversation(self) -> None:
        conversation_id = self.current()
        if conversation_id is None:
            self.window.statusBar().showMessage(self.tr("Open a conversation first, then save it as a note."),
                                                5000)
            return
        self._open(lambda: writing.from_conversation(self.store, conversation_id), self.tr("this conversation"))

    # The dialog ------------------------------------------------------------------------

    def _roots(self):
        rules = policy.current()
        if not self.paths.notes_index.exists():
            return []
        with NotesIndex(self.paths.notes_index) as index:
            return asking.allowed_roots(index, rules)

    def _open(self, make_draft, what: str) -> None:
        rules = policy.current()
        try:
            if not rules.notes:
                raise CoveError(rules.reason(self.tr("Saving notes")))
            draft = make_draft()
            roots = self._roots()
        except (CoveError, sqlite3.Error) as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return
        if not roots:
            self.offer_add_folder()
            return
        settings = self.settings_model.value
        dialog = SaveNoteDialog(draft.title, roots, settings.notes_folder, settings.note_templates, what,
                                self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda: self._save(dialog, draft))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _save(self, dialog: SaveNoteDialog, draft: writing.Draft) -> None:
        folder, template = dialog.folder(), dialog.template()
        note = writing.Draft(dialog.title() or draft.title, draft.body, tuple(dialog.tags()), draft.source)
        index_path, rules = self.paths.notes_index, policy.current()
        dialog.set_busy(True)

        def write():
            with NotesIndex(index_path) as index:
                return writing.save(index, folder, note, rules, template)

        def done(path) -> None:
            settings = self.settings_model.value
            if settings.notes_folder != folder:
                self.settings_model.update(replace(settings, notes_folder=folder))
            dialog.accept()
            self.window.statusBar().showMessage(self.tr("Saved to {}").format(path), SAVED_MS)
            self.saved.emit(str(path))

        self.tasks.run(write, done, dialog.show_error)
