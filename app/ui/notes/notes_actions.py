"""Wires Notes › Notes folders… and the status bar's indexing indicator to the notes service.

The service (notes_service.py) indexes on its own thread from the moment the
window opens; this object shows what it does: the dialog (built on first use) with
the folders, the progress bar, Pause/Resume/Cancel and the unreadable files, and a
small "Indexing notes 45%" button in the status bar while a pass runs, which opens
the dialog. Lists are read from the index on a pool thread (TaskRunner), through a
connection of their own, so a large index never stalls the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.core import policy as policy_mod
from app.core.download_queue import DONE
from app.core.notes.indexer import Progress, SyncResult, plural, summary
from app.core.paths import CovePaths
from app.core.text import clean_text
from app.ui.i18n import number
from app.ui.notes.notes_dialog import NotesDialog
from app.ui.notes.notes_folder_model import (
    NotesFolderModel,
    Overview,
    UnreadableFilesModel,
    percent,
    progress_text,
    read_overview,
)
from app.ui.notes.notes_service import NotesService
from app.ui.tasks import ErrorPresenter, TaskRunner

REFRESH_MS = 1500  # how often the folder counts are re-read while a pass runs and the dialog is open


def sync_report(folder: str, result: SyncResult) -> str:
    """One line about a finished pass, worded as `cove notes add` prints it."""
    if result.cancelled:
        return f"Indexing {clean_text(folder)} was cancelled; what was indexed so far is kept."
    text = summary(result, clean_text(folder))
    if result.unreadable:
        text += f" {plural(result.unreadable, 'file')} could not be read: see the list."
    return text


class NotesActions(QObject):
    def __init__(self, window, paths: CovePaths, tasks: TaskRunner, errors: ErrorPresenter, parent=None):
        super().__init__(parent)
        self.window, self.paths, self.tasks, self.errors = window, paths, tasks, errors
        self.service = NotesService(paths.notes_index, paths.data_dir, parent=self)
        self.folders = NotesFolderModel(self)
        self.unreadable = UnreadableFilesModel(self)
        self.dialog: NotesDialog | None = None
        self.meaning = None  # MeaningSearch, once attached
        self.meaning_text = ""
        self.progress: Progress | None = None
        self._reading = False
        self._read_again = False
        self._message = ""  # the dialog's last line (shown when its part is built)
        self._steps_left: list[str] = []  # the dialog's parts still to build (see open_dialog)
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._step)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(
            lambda: self.refresh() if self.dialog is not None and self.dialog.isVisible() else None)
        window.notes_folders_action.triggered.connect(self.open_dialog)
        window.notes_indicator.clicked.connect(self.open_dialog)
        s = self.service
        s.progressed.connect(self._on_progress)
        s.folder_synced.connect(self._on_synced)
        s.folder_added.connect(lambda _folder: self.refresh())
        s.folder_removed.connect(self._on_removed)
        s.failed.connect(self._on_failed)
        s.busy_changed.connect(self._on_busy)
        s.paused_changed.connect(self._on_paused)

    # The dialog ----------------------------------------------------------------------

    def open_dialog(self) -> NotesDialog:
        """Show the dialog at once; a new one's parts are built, wired and filled in the next turns of
        the event loop, one a turn (notes_dialog.py says why); the lists are read on the pool."""
        if self.dialog is None:
            d = self.dialog = NotesDialog(self.window)
            d.complete = self.ready
            self._apply_policy(policy_mod.current())  # its line is part of the frame
            self._steps_left = list(NotesDialog.PARTS)
            self._step_timer.start()
        if not self.service.busy:
            self._show_meaning()  # a model may have been added or removed since (looked for on the pool)
        self.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _step(self) -> None:
        if self._steps_left:
            self._run_step(self._steps_left.pop(0))
        if self._steps_left:
            self._step_timer.start()

    def _run_step(self, step: str) -> None:
        self.dialog.build_part(step)
        getattr(self, f"_wire_{step}")(self.dialog)

    def ready(self) -> None:
        """Every part built, wired and filled now (a widget reached before its turn: a test, a click)."""
        self._step_timer.stop()
        while self._steps_left:
            self._run_step(self._steps_left.pop(0))

    def is_filled(self) -> bool:
        return self.dialog is not None and not self._steps_left

    def _wire_folders(self, d: NotesDialog) -> None:
        d.folders_table.setModel(self.folders)
        d.size_columns()
        d.add_button.clicked.connect(self.choose_folder)
        d.remove_button.clicked.connect(self.remove_selected)
        d.folders_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.folders.modelReset.connect(self._update_buttons)
        d.add_button.setEnabled(self.service.off_reason() is None)

    def _wire_unreadable(self, d: NotesDialog) -> None:
        d.unreadable_table.setModel(self.unreadable)
        self._show_unreadable()

    def _wire_progress(self, d: NotesDialog) -> None:
        d.pause_button.clicked.connect(self.service.pause)
        d.resume_button.clicked.connect(self.service.resume)
        d.cancel_button.clicked.connect(self.service.cancel)
        d.message_label.setText(self._message)
        if self.meaning_text:
            d.meaning_label.setText(self.meaning_text)
        self._show_progress()

    def _built(self, part: str) -> NotesDialog | None:
        """The dialog when this part of it is built (else its step shows the state when it comes)."""
        d = self.dialog
        return d if d is not None and d.is_built(part) else None

    def _apply_policy(self, rules: policy_mod.Policy) -> None:
        d = self.dialog
        reason = self.service.off_reason()
        if reason is not None:
            d.policy_label.setText(reason)
        elif rules.notes_roots is not None:
            roots = ", ".join(clean_text(str(r)) for r in rules.notes_roots) or self.tr("none")
            d.policy_label.setText(self.tr("Set by your administrator: notes folders must be inside {}.")
                                   .format(roots) + (" " + rules.message if rules.message else ""))
        d.policy_label.setVisible(bool(d.policy_label.text()))

    def _update_buttons(self) -> None:
        d = self._built("folders")
        if d is not None:
            d.remove_button.setEnabled(self._selected_folder() is not None)

    def _selected_folder(self) -> str | None:
        d = self._built("folders")
        rows = d.folders_table.selectionModel().selectedRows() if d is not None else []
        return self.folders.path_at(rows[0].row()) if rows else None

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.dialog or self.window, self.tr("Add a notes folder"),
                                                  str(Path.home()))
        if folder:
            self._say(self.tr("Adding {}…").format(clean_text(folder)))
            self.service.add_folder(folder)

    def remove_selected(self) -> None:
        folder = self._selected_folder()
        if folder is None:
            return
        answer = QMessageBox.question(
            self.dialog, self.tr("Remove notes folder"),
            self.tr("Remove {} from your notes?\n\nCove forgets what it read there; the files themselves are "
                    "untouched.").format(folder), QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer == QMessageBox.Yes:
            self.service.remove_folder(folder)

    def refresh(self) -> None:
        """Read the folders and unreadable files again, off the GUI thread (one read at a time)."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.tasks.run(lambda: read_overview(self.paths.notes_index), self._show_overview, self._read_failed)

    def _show_overview(self, overview: Overview) -> None:
        self._reading = False
        selected = self._selected_folder()
        self.folders.set_rows(overview.roots)
        self.unreadable.set_rows(overview.unreadable)
        d = self._built("folders")
        if d is not None:
            for row in range(self.folders.rowCount()):
                if self.folders.path_at(row) == selected:
                    d.folders_table.selectRow(row)
        self._show_unreadable()
        if self._read_again:
            self._read_again = False
            self.refresh()

    def _show_unreadable(self) -> None:
        d = self._built("unreadable")
        if d is not None:
            count = self.unreadable.rowCount()
            d.unreadable_label.setText(self.tr("Files that could not be read ({}): they are skipped; the "
                                               "rest of the folder is indexed.").format(count))
            d.unreadable_box.setVisible(count > 0)

    def _read_failed(self, message: str) -> None:
        self._reading = False
        self._say(message)

    def _say(self, text: str) -> None:
        self._message = text
        d = self._built("progress")
        if d is not None:
            d.message_label.setText(text)

    # What the service reports -------------------------------------------------------------

    def _on_progress(self, progress: Progress) -> None:
        self.progress = progress
        self._show_progress()

    def _show_progress(self) -> None:
        p, busy, w = self.progress, self.service.busy, self.window
        paused = self.service.paused
        share = percent(p) if p is not None else 0
        w.notes_indicator.setText(self.tr("Notes indexing paused {}%").format(share) if paused
                                  else self.tr("Indexing notes {}%").format(share))
        w.notes_indicator.setVisible(busy)
        d = self._built("progress")
        if d is None:
            return
        d.progress_box.setVisible(busy)
        d.pause_button.setVisible(not paused)
        d.resume_button.setVisible(paused)
        if p is not None:
            d.progress_label.setText((self.tr("Paused: ") if paused else self.tr("Indexing ")) +
                                     clean_text(p.folder))
            d.progress_bar.setValue(share)
            d.progress_bar.setFormat(progress_text(p))
        else:
            d.progress_label.setText(self.tr("Paused.") if paused else
                                     self.tr("Looking for changes in your notes folders…"))
            d.progress_bar.setValue(0)
            d.progress_bar.setFormat("")

    def _on_synced(self, folder: str, result: SyncResult) -> None:
        self._say(sync_report(folder, result))
        self.refresh()

    def _on_removed(self, _folder: str, message: str) -> None:
        self._say(message)
        self.refresh()

    def _on_failed(self, message: str) -> None:
        self._say(message)
        self.errors.show(message)

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.progress = None  # a new pass: no stale numbers from the last one
            self._refresh_timer.start()
        else:
            self._refresh_timer.stop()
        self._show_progress()

    def _on_paused(self, _paused: bool) -> None:
        self._show_progress()

    # Meaning search ------------------------------------------------------------------

    def connect_chat(self, notes_chat, meaning, download_changed) -> None:
        """The chat's "Use my notes" (notes_chat_actions.py) follows the folders and offers this dialog;
        meaning search serves its lookups and the passes; a finished download may be an embedding model."""
        notes_chat.add_folder_requested.connect(self.open_dialog)
        self.service.folder_added.connect(lambda _folder: notes_chat.folders_changed())
        self.service.folder_removed.connect(lambda *_: notes_chat.folders_changed())
        notes_chat.meaning = meaning.opened
        self.attach_meaning(meaning)
        self._show_meaning()  # known before the dialog first opens (looked for on the pool)
        download_changed.connect(lambda item: self.models_changed() if item.state == DONE else None)
        self.service.start()  # only now: the start-up passes are followed by the meaning pass

    def attach_meaning(self, meaning) -> None:
        """Meaning search (meaning_search.py): the service embeds new passages after each pass, and the
        dialog's line says whether it is on, how far the embedding got, or what the user gains."""
        self.meaning = meaning
        self.service.meaning_pass = meaning.run_pass
        meaning.progressed.connect(self._on_meaning_progress)
        meaning.failed.connect(lambda text: self._set_meaning_text(
            self.tr("Meaning search is off for now: {}").format(clean_text(text))))

    def models_changed(self) -> None:
        """A model was added or removed: with a new embedding model, the passages are embedded now."""
        self._show_meaning(then_index=True)

    def _on_meaning_progress(self, done: int, total: int) -> None:
        if done < total:
            self._set_meaning_text(self.tr("Meaning search: finding what each passage means, {} of {}…")
                                   .format(number(done), number(total)))
        elif getattr(self.meaning, "last_model_name", None) is not None:  # the model the pass just used
            self._meaning_found(self.meaning.last_model_name)
        else:
            self._show_meaning()

    def _show_meaning(self, then_index: bool = False) -> None:
        """Say whether meaning search is on. Which embedding model is installed is looked for on the pool
        (it reads each model file's header), never on the window's thread; with then_index and one found,
        the notes are looked at again so that their passages get embedded."""
        if self.meaning is None:
            self._meaning_found(None)
            return
        model_name = self.meaning.model_name

        def found(name: str | None) -> None:
            self._meaning_found(name)
            if then_index and name is not None:
                self.service.refresh()  # unchanged files cost a stat each; then the meaning pass runs
        self.tasks.run(model_name, found, lambda _message: found(None))

    def _meaning_found(self, name: str | None) -> None:
        if name is None:
            self._set_meaning_text(self.tr(
                "Search finds the passages that use your words. Download an embedding model (Models…, "
                "“For your notes”) to also find those that say the same in other words: “what did I pay the "
                "plumber?” then finds “invoice: boiler repair”. It runs on this computer, like everything else."))
        else:
            self._set_meaning_text(self.tr("Meaning search is on ({}): passages are found by what they mean as "
                                           "well as by their words.").format(name))

    def _set_meaning_text(self, text: str) -> None:
        self.meaning_text = text
        d = self._built("progress")
        if d is not None:
            d.meaning_label.setText(text)

    def stop_for_deletion(self) -> None:
        """"Delete all my data" is about to delete the index: nothing may hold it open or write to it."""
        self.service.shutdown()

    def after_deletion(self) -> None:
        """The index is gone (and with it the list of folders): show that, and be ready for a new folder."""
        self.progress = None
        self.service.start()
        self.refresh()

    def close(self) -> bool:
        """The window closes: stop indexing (the index stays whole) and watching."""
        self._refresh_timer.stop()
        return self.service.shutdown()
