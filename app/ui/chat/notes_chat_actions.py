"""Asking the notes in the window: the "Use my notes" toggle, the passages of each answer, citations.

The toggle above the conversation is remembered per conversation (a new chat's
choice is kept until its first message creates it). It is disabled, with the
reason in its tooltip, when the administrator turned Notes off; with no notes
folder yet it stays clickable and offers to add one (`add_folder_requested`: the
integrator connects it to the Notes folders dialog, and calls `folders_changed`
when the folders change).

With it on, each answer's passages are looked for on a worker thread (the notes
index may be large; the window never waits on it), stored with the answer before
the model is asked, and put into the prompt as `cove chat --notes` does
(app/core/notes/asking.py, citing.py). "No notes folders" and "nothing found" are
a quiet line in the status bar: the answer still comes, without sources.
Regenerating looks again (the new answer gets its own passages); continuing a
stopped answer sends the passages it was started with. When an answer ends, the
numbers it cites are recorded. Clicking a citation opens the note viewer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from app.core import policy
from app.core import store as st
from app.core.errors import CoveError
from app.core.notes import asking, citing, viewing
from app.core.paths import CovePaths

QUIET_MS = 15000  # how long a quiet note stays in the status bar


class NotesChatActions(QObject):
    add_folder_requested = Signal()  # "no notes folders yet" and the user wants to add one
    viewer_opened = Signal(object)  # the NoteViewerDialog shown (tests and the integrator read it)
    noted = Signal(str)  # a quiet line shown in the status bar ("nothing found"…)

    def __init__(self, window, store: st.Store, paths: CovePaths, settings_model, models, tasks, session,
                 current: Callable[[], int | None], parent=None):
        super().__init__(parent)
        self.window, self.store, self.paths = window, store, paths
        self.settings_model, self.models, self.tasks, self.session = settings_model, models, tasks, session
        self.current = current
        # Meaning search: a context giving (VectorStore, Embedder) once an embedding model is
        # installed, None for keyword search (app/ui/notes/meaning_search.py). It is entered on the
        # worker thread that searches, so what it opens (a database) belongs to that thread.
        self.meaning: Callable[[], AbstractContextManager] = lambda: nullcontext(None)
        self.has_folders = False
        self.button = window.use_notes_button
        self.button.clicked.connect(self._on_clicked)
        window.transcript.source_requested.connect(self.open_source)
        session.notes = self
        self._check_folders()  # once here, then when the folders change or the toggle is clicked
        self.refresh(None)

    # The toggle -----------------------------------------------------------------------

    def _check_folders(self) -> bool:
        try:
            self.has_folders = asking.has_folders(self.paths.notes_index)
        except (CoveError, sqlite3.Error):
            self.has_folders = False  # an index that cannot be read has no folders to offer
        return self.has_folders

    def refresh(self, conversation: st.Conversation | None) -> None:
        """Show the conversation's choice (a new chat: off) and what the toggle can do now."""
        button, rules = self.button, policy.current()
        if not rules.notes:
            button.setChecked(False)
            button.setEnabled(False)
            button.setToolTip(rules.reason(self.tr("Answering from your notes")))
            return
        button.setEnabled(True)
        if not self.has_folders:  # as last looked at (see folders_changed): not read for each conversation
            button.setChecked(False)
            button.setToolTip(self.tr("Answer from your notes folders and cite them. There are no notes "
                                      "folders yet: click to add one."))
            return
        button.setChecked(bool(conversation.use_notes) if conversation is not None else False)
        button.setToolTip(self.tr("Answer from your notes folders, citing the passages used as [1], [2]. "
                                  "Remembered for this conversation."))

    def folders_changed(self) -> None:
        """The notes folders were added or removed (the Notes dialog): the toggle follows."""
        self._check_folders()
        conversation_id = self.current()
        try:
            conversation = self.store.conversation(conversation_id) if conversation_id is not None else None
        except CoveError:  # deleted meanwhile (all data deleted, or by `cove` in a terminal)
            conversation = None
        self.refresh(conversation)

    def _on_clicked(self, checked: bool) -> None:
        if not self._check_folders():
            self.button.setChecked(False)
            self.offer_add_folder()
            return
        conversation_id = self.current()
        if conversation_id is None:
            return  # a new chat: kept by the button until its first message
        try:
            self.store.set_use_notes(conversation_id, checked)
        except sqlite3.Error as exc:
            self.button.setChecked(not checked)
            self.quiet(self.tr("Cove could not save this choice ({}). Try again in a moment.").format(exc))

    def offer_add_folder(self) -> None:
        """There is no notes folder yet: offer to add one (the integrator opens the Notes dialog)."""
        choice = QMessageBox.question(
            self.window, self.tr("No notes folders yet"),
            self.tr("Cove needs a folder of notes for this (Markdown, text, PDF, Word or HTML). It only reads "
                    "it, unless you save a note there. Add a notes folder now?"),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Yes)
        if choice == QMessageBox.Yes:
            self.add_folder_requested.emit()

    def quiet(self, text: str) -> None:
        self.window.statusBar().showMessage(text, QUIET_MS)
        self.noted.emit(text)

    # The passages of an answer ------------------------------------------------------------

    def _wanted(self, turn) -> bool:
        conversation = turn.conversation
        rules = policy.current()
        on = bool(conversation.use_notes)
        if not on and self.current() is None and self.button.isChecked():
            on = True  # a new chat's first message: the conversation exists now, remember the choice
            try:
                self.store.set_use_notes(conversation.id, True)
            except sqlite3.Error:
                pass  # this answer still uses the notes; the choice is asked again next time
        if on and not rules.notes:
            self.quiet(rules.reason(self.tr("Answering from your notes")) + " " +
                       self.tr("This answer does not use them."))
            return False
        return on

    def _n_ctx(self, model) -> int:
        info = getattr(self.models, "backend_info", None) or {}
        if getattr(self.models, "loaded_model", None) == str(model.path) and info.get("n_ctx"):
            return int(info["n_ctx"])
        return self.settings_model.value.engine.n_ctx or citing.DEFAULT_N_CTX

    def prepare(self, turn, model, sampling, resume: Callable[[list[dict]], None]) -> list[dict] | None:
        """The prompt to send now, or None: the passages are being looked for, then `resume(prompt)`."""
        try:
            return self._prepare(turn, model, sampling, resume)
        except (sqlite3.Error, CoveError) as exc:  # the answer still comes, without the notes
            self.quiet(self.tr("Your notes could not be used for this answer ({}).").format(exc))
            return turn.prompt_messages

    def _prepare(self, turn, model, sampling, resume) -> list[dict] | None:
        prompt = turn.prompt_messages
        if turn.continue_text:  # a stopped answer goes on from the passages it was started with
            stored = self.store.sources_for([turn.answer.id]).get(turn.answer.id)
            return citing.with_passages(prompt, stored) if stored else prompt
        if not self._wanted(turn):
            return prompt
        if turn.user_message is not None:
            question = turn.user_message.content
        else:  # regenerating: the question the answer answers
            question = self.store.message(turn.answer.parent_id).content if turn.answer.parent_id else ""
        answer_id, index_path, meaning = turn.answer.id, self.paths.notes_index, self.meaning
        n_ctx, max_tokens = self._n_ctx(model), sampling.max_tokens

        def found(result: asking.Found) -> None:
            if not self.session.preparing(answer_id):
                return  # stopped meanwhile
            if meaning_errors:
                self.quiet(self.tr("Meaning search is off for now ({}); your notes were searched by their "
                                   "words.").format(meaning_errors[0]))
            if not result.sources:
                self.quiet(self._reason_text(result.reason))
                resume(prompt)
                return
            try:
                self.store.add_sources(answer_id, result.sources)
            except sqlite3.Error as exc:
                self.quiet(self.tr("The passages could not be stored ({}), so this answer does not use "
                                   "your notes.").format(exc))
                resume(prompt)
                return
            resume(citing.with_passages(prompt, result.sources))

        def failed(text: str) -> None:
            if self.session.preparing(answer_id):
                self.quiet(self.tr("Your notes could not be searched ({}). The answer does not use them.")
                           .format(text))
                resume(prompt)

        meaning_errors: list[str] = []

        def look_up() -> asking.Found:  # on a worker thread
            with meaning() as pair:
                return asking.find(index_path, question, prompt, n_ctx, max_tokens, pair,
                                   on_meaning_error=meaning_errors.append)  # then the keyword results

        self.tasks.run(look_up, found, failed)
        return None

    def _reason_text(self, reason: str) -> str:
        if reason == asking.NO_FOLDERS:
            return self.tr("No notes folders yet, so this answer does not use your notes. Add one in Notes.")
        return self.tr("Nothing in your notes matches this question, so the answer does not use them.")

    def finish(self, message: st.Message) -> None:
        """The answer ended: record which of its passages it cites."""
        try:
            sources = self.store.sources_for([message.id]).get(message.id)
        except sqlite3.Error:
            return  # the answer is saved; only its "cited" marks are missing
        if sources and isinstance(message.content, str):
            asking.record_citations(self.store, message.id, message.content, sources)

    # Citations ----------------------------------------------------------------------------

    def open_source(self, message_id: int, number: int) -> None:
        """A citation or a line of the Sources list was clicked: the note, at the passage."""
        source = next((s for s in self.store.sources_for([message_id]).get(message_id, [])
                       if s.number == number), None)
        if source is None:
            return
        # Reading a note (a PDF of megabytes) is not for the GUI thread.
        self.tasks.run(lambda: viewing.view(source), lambda shown: self._show_viewer(source, shown))

    def _show_viewer(self, source, shown: viewing.NoteView) -> None:
        from app.ui.notes.note_viewer_dialog import NoteViewerDialog

        dialog = NoteViewerDialog(source, shown, self.window)
        dialog.show()
        self.viewer_opened.emit(dialog)
