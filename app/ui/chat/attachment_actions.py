"""Attaching files to the message being written: choosing or dropping them, counting their
tokens, and warning when the message would not fit the model's context.

Files come from the composer's "Attach…" button or are dropped on the composer or the
transcript; each is read with attachments.read_attachment, and one that is refused
(binary, too large, unreadable, not UTF-8, a pipe or a device) leaves a red line in
the attachment bar saying what to do. What was typed is never touched. Files are
read on a worker thread (the bar says "Reading …" meanwhile): a file on a stalled
network drive, or a FIFO that nobody writes to, must never freeze the window
(read_attachment itself refuses anything but a regular file before opening it).

Token counts: a chip shows an estimate (≈, about four characters a token) at once,
then the engine counts the file with the model's own tokenizer (CountTokens) and the
exact number replaces it; counts are kept per model, and asked again when another
model is loaded. The same answer brings the model's context size, which with the
conversation's size (the last answer's prompt + completion tokens, from the store)
decides the warning line.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from app.core import chat as chat_mod
from app.core.attachments import Attachment, estimate_tokens, file_block, file_filter, read_attachment
from app.core.errors import CoveError
from app.engine import context as context_fit
from app.ui.chat.file_dialogs import start_folder
from app.ui.i18n import number
from app.ui.widgets.attachment_bar import FileDropFilter

CHECK_DELAY_MS = 250  # typing pauses this long before the fit is checked again


def _key(attachment: Attachment) -> str:
    return hashlib.sha1(file_block(attachment).encode("utf-8")).hexdigest()


def _read_all(paths: list[str]) -> list[tuple[str, Attachment | None, str]]:
    """(path, attachment, "") or (path, None, what to do) for each path: runs on the worker thread."""
    results = []
    for path in paths:
        try:
            results.append((path, read_attachment(path), ""))
        except CoveError as exc:
            results.append((path, None, str(exc)))
        except Exception as exc:  # noqa: BLE001 - one odd file must not lose the others
            name = Path(str(path)).name or str(path)
            results.append((path, None, f"Cove cannot read “{name}” ({type(exc).__name__}: {exc}). "
                                        "Check the file, then attach it again."))
    return results


class AttachmentActions(QObject):
    files_read = Signal(list)  # the attachments added by one add_files call, once read (tests, scripts)

    def __init__(self, window, store, bridge, settings, models, nav, state_changed, pending_system_prompt,
                 tasks, parent=None):
        """`settings` is the SettingsModel, `models` the ModelPicker, `nav` the Navigation, state_changed the
        status bar's signal, pending_system_prompt() a new chat's system prompt, `tasks` the TaskRunner
        that reads files off the GUI thread."""
        super().__init__(parent)
        self.window, self.store, self.bridge, self.tasks = window, store, bridge, tasks
        self.settings, self.models, self.nav = settings, models, nav
        self.pending_system_prompt = pending_system_prompt
        w = window
        self.composer = w.composer
        self.bar = w.composer.attachment_bar
        self.bar.counter = self.count_for
        self.counts: dict[tuple[str, str], int] = {}  # (model path, file key) -> tokens
        self.pending: dict[int, tuple[str, str]] = {}  # count request id -> (model path, file key)
        self.n_ctx: dict[str, int] = {}  # model path -> its context as loaded
        self.problems: list[str] = []  # files that could not be attached, and why
        self.folder = ""  # where the file dialog opens: the last folder files came from
        self.reading = 0  # batches of files being read, off the GUI thread
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check)

        self.drops = FileDropFilter(self)
        for widget in (w.composer, w.composer.edit.viewport()):
            self.drops.watch(widget)
        self.drops.files_dropped.connect(self.add_files)
        w.transcript.files_dropped.connect(self.add_files)  # its own drop handling (transcript.py says why)
        w.composer.attach_button.clicked.connect(self.choose)
        self.bar.changed.connect(self._on_changed)
        w.composer.edit.textChanged.connect(self.check_timer.start)
        w.closing.connect(self.check_timer.stop)
        state_changed.connect(self._on_state)
        w.conversation_list.selectionModel().currentChanged.connect(self.check_timer.start)
        b = bridge
        b.token_count_ready.connect(self._on_count)
        b.generation_failed.connect(self._on_count_failed)
        b.engine_died.connect(lambda *_: self.pending.clear())
        b.model_loaded.connect(self._on_model_loaded)

    # Adding files ------------------------------------------------------------

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Attach files"), start_folder(self.folder),
                                                self.tr(file_filter()))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Read these files on a worker thread, then attach them to the draft (_on_read); those
        refused are named in the bar, with what to do."""
        self.problems = []
        if self.composer.edit.isReadOnly():
            self.problems.append(self.tr("Files cannot be attached here: this conversation is in the trash. "
                                         "Restore it first, or start a new chat."))
            paths = []
        if not paths:
            self.check()
            return
        paths = [str(p) for p in paths]
        self.reading += 1
        self.bar.set_reading([Path(p).name or p for p in paths])
        self.tasks.run(lambda: _read_all(paths), self._on_read, self._on_read_failed)

    def _reader_done(self) -> None:
        self.reading -= 1
        if not self.reading:
            self.bar.set_reading([])

    def _on_read_failed(self, message: str) -> None:
        self._reader_done()
        self.problems.append(message)
        self.check()
        self.files_read.emit([])

    def _on_read(self, results: list) -> None:
        self._reader_done()
        added = []
        if self.composer.edit.isReadOnly():  # moved to the trash while the files were read
            results = []
        for path, attachment, problem in results:
            if attachment is None:
                self.problems.append(problem)
                continue
            self.folder = str(Path(path).parent)
            if self.bar.add(attachment):
                added.append(attachment)
            else:
                self.problems.append(self.tr("“{}” is already attached.").format(attachment.name))
        self.check()
        if added:
            self.composer.edit.setFocus()
        self.files_read.emit(added)

    def for_sending(self) -> list[Attachment]:
        """The draft's files, with their exact token counts where known (stored with the message)."""
        path = self._model_path()
        return [replace(a, tokens=self.counts.get((path, _key(a)), a.tokens)) for a in self.bar.attachments()]

    # Counting ------------------------------------------------------------------

    def _model_path(self) -> str:
        """The model picked (cheaper than current_model, which looks through the models folder)."""
        return self.models.picked_path()

    def count_for(self, attachment: Attachment) -> tuple[int, bool]:
        """(tokens, exact) of a file with the current model: the engine's count, or an estimate."""
        exact = self.counts.get((self._model_path(), _key(attachment)))
        if exact is not None:
            return exact, True
        return estimate_tokens(file_block(attachment)), False

    def _request_counts(self) -> None:
        model = self.models.current_model()
        if model is None:
            return
        path = str(model.path)
        options = self.models.engine_options(model)
        waiting = set(self.pending.values())
        for attachment in self.bar.attachments():
            key = (path, _key(attachment))
            if key not in self.counts and key not in waiting:
                request_id = self.bridge.count_tokens(path, options, file_block(attachment))
                self.pending[request_id] = key
                waiting.add(key)

    def _on_count(self, request_id: int, count: int, n_ctx: int) -> None:
        key = self.pending.pop(request_id, None)
        if key is None:
            return
        self.counts[key] = count
        self.n_ctx[key[0]] = n_ctx
        self.bar.refresh_counts()
        self.check()

    def _on_count_failed(self, request_id: int, _message: str) -> None:
        self.pending.pop(request_id, None)  # the estimate stays; the next model load asks again

    def _on_model_loaded(self, path: str, _seconds: float, info: dict) -> None:
        if info.get("n_ctx"):
            self.n_ctx[path] = info["n_ctx"]
        self.bar.refresh_counts()
        self._request_counts()
        self.check()

    def _on_changed(self) -> None:
        self._request_counts()
        self.check_timer.start()

    def _on_state(self, state: str) -> None:
        if state == "generating":
            self.problems = []  # sent: the refusals were about the draft that was
        self.check_timer.start()

    # Does it fit? -----------------------------------------------------------------

    def check(self) -> None:
        """The bar's red line: files refused, and whether the message would fit the context."""
        self.check_timer.stop()
        lines = list(self.problems)
        fit = self.fit_warning()
        if fit:
            lines.append(fit)
        self.bar.set_warning("\n".join(lines))

    def fit_warning(self) -> str:
        attachments = self.bar.attachments()
        if not attachments:
            return ""  # (typing alone never warns: the engine reports a message too long for the context)
        model = self.models.current_model()
        if model is None:
            return ""
        n_ctx = self.n_ctx.get(str(model.path))
        if not n_ctx and self.models.loaded_model == str(model.path):
            n_ctx = self.models.backend_info.get("n_ctx")
        if not n_ctx:
            return ""  # not known until the model is loaded
        try:
            conversation_id = self.nav.current()
            conversation = self.store.conversation(conversation_id) if conversation_id else None
            max_tokens = chat_mod.effective_sampling(self.settings.value, model.name, conversation).max_tokens
            history = self.conversation_tokens(conversation)
        except (CoveError, sqlite3.Error):  # gone meanwhile, or the window is closing: no warning to give
            return ""
        files = sum(self.count_for(a)[0] for a in attachments)
        message = files + estimate_tokens(self.composer.edit.toPlainText())
        room = context_fit.answer_room(n_ctx, max_tokens)
        larger = self.tr("use a model with a larger context, or raise “Context size” in Settings")
        if message + room > n_ctx:
            return self.tr("This message with its files takes about {} tokens, too many for the model's "
                           "context of {} tokens (with {} left for the answer), so it cannot be answered. "
                           "Remove a file or attach a shorter part of it, or {}.").format(
                number(message), number(n_ctx), number(room), larger)
        if history + message + room > n_ctx:
            if self.settings.value.engine.overflow == context_fit.STOP:
                outcome = self.tr("it would not be answered (Settings: “When a chat outgrows the context” is "
                                  "“stop and tell me”)")
            else:
                outcome = self.tr("the oldest messages will be left out of what the model reads")
            return self.tr("With these files the conversation takes about {} tokens, more than the model's "
                           "context of {} tokens (with {} left for the answer): {}. Remove a file or "
                           "start a new chat for it, or {}.").format(number(history + message), number(n_ctx),
                                                                     number(room), outcome, larger)
        return ""

    def conversation_tokens(self, conversation) -> int:
        """How many tokens the conversation before the new message takes: what the last answer
        was given and wrote, plus an estimate for anything said after it."""
        store = self.store
        if conversation is None:
            return estimate_tokens(self.pending_system_prompt() or "")
        editing = self.composer.editing_message_id
        if editing is not None:  # an edited question replaces the old one: what came before it counts
            parent = store.message(editing).parent_id
            branch = store.branch(conversation.id, parent) if parent is not None else []
        else:
            branch = store.branch(conversation.id)
        last = next((i for i in range(len(branch) - 1, -1, -1)
                     if branch[i].role == "assistant" and branch[i].prompt_tokens is not None), None)
        if last is None:
            used, rest = estimate_tokens(conversation.system_prompt or ""), branch
        else:
            answer = branch[last]
            used, rest = answer.prompt_tokens + (answer.completion_tokens or 0), branch[last + 1:]
        files = store.attachments_for((m.id for m in rest if m.role == "user"), text=False)
        for message in rest:
            used += estimate_tokens(message.content)
            used += sum(a.tokens or math.ceil(a.size / 4) for a in files.get(message.id, []))
        return used
