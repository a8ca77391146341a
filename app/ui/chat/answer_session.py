"""One answer at a time: sending, regenerating, continuing, stopping, and recording what the engine writes.

The session starts a turn in the core (app.core.chat), asks the engine for the answer,
records its tokens (AnswerRecorder, flushed every SAVE_INTERVAL) and ends it as done,
stopped or failed, whatever the engine does: finishes, fails, fails to load the
model, or dies mid-answer (the partial text is kept, with the error). While the user
types, it lets the engine read the draft ahead (type-ahead prefill) so that after
Enter only what changed is left to process.

With notes (`notes`, a NotesChatActions or None), the answer's prompt is first given
to it: it looks in the notes on a worker thread and hands back the prompt with the
passages, and the answer is asked for then; until that comes, the session counts as
generating (Esc ends the answer, nothing is sent). When the answer ends, the notes
part records which passages it cites.

It knows no widget: it is driven through its methods and reports through its signals,
so it can be tested with a fake engine bridge and no window. The controller turns the
signals into what the window shows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from app.core import chat
from app.core import settings as settings_mod
from app.core import store as st
from app.core.attachments import Attachment
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.ui.chat.status_presenter import ERROR, GENERATING, NO_MODEL, READY, STOPPED
from app.ui.settings_model import SettingsModel

TYPEAHEAD_PAUSE_MS = 400
LOADING_MODEL = -1  # in `reading`, for tokens read: the model is loaded first


@dataclass
class Draft:
    """What the user is typing, for the type-ahead prefill."""

    text: str
    conversation_id: int | None
    attachments: list[Attachment] = field(default_factory=list)
    system_prompt: str | None = None   # a new chat's system prompt, until its first message
    editing: bool = False              # an edited message is not where the conversation ends


class AnswerSession(QObject):
    status = Signal(str, str)          # state (status_presenter's names), text for the status bar
    sent = Signal()                    # the user's message is saved: the composer can be cleared
    started = Signal(int)              # conversation id of the answer now being written
    token = Signal(int, str)           # conversation id, text as it arrives
    reading = Signal(int, int, int)    # conversation id, prompt tokens read (or LOADING_MODEL), of how many
    ended = Signal(object, str)        # the saved answer (st.Message), its status
    finished = Signal(object, str, str)  # the engine finished it: message, status, finish reason

    def __init__(self, store: st.Store, bridge, settings: SettingsModel, models,
                 draft: Callable[[], Draft | None] | None = None, parent: QObject | None = None):
        """`models` gives current_model(), engine_options(model) and loaded_model (see ModelPicker)."""
        super().__init__(parent)
        self.store = store
        self.bridge = bridge
        self.settings = settings
        self.models = models
        self.draft = draft
        self.request_id: int | None = None
        self.recorder: chat.AnswerRecorder | None = None
        self.conversation_id: int | None = None  # the conversation of the answer being written
        self.model_name = ""
        self.notes = None  # NotesChatActions (set by the controller): the notes' passages, citations
        self._preparing: int | None = None  # the answer id whose passages are being looked for

        self.typeahead_timer = QTimer(self)
        self.typeahead_timer.setSingleShot(True)
        self.typeahead_timer.setInterval(TYPEAHEAD_PAUSE_MS)
        self.typeahead_timer.timeout.connect(self.prefill_draft)
        # Saves what came when the engine pauses; while text streams, the recorder saves it on the way
        # (every SAVE_INTERVAL), so the timer is restarted by each piece and never wakes the process then.
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(int(chat.SAVE_INTERVAL * 1000))
        self.save_timer.timeout.connect(self.flush)

        bridge.token_received.connect(self._on_token)
        bridge.prompt_progress.connect(self._on_prompt_progress)
        bridge.model_loaded.connect(lambda *_: self._on_prompt_progress(self.request_id, 0, 0))
        bridge.generation_finished.connect(self._on_finished)
        bridge.generation_failed.connect(self._on_failed)
        bridge.model_load_failed.connect(self._on_load_failed)
        bridge.engine_died.connect(self._on_engine_died)

    def preparing(self, answer_id: int) -> bool:
        """Whether this answer still waits for its notes' passages."""
        return self._preparing == answer_id

    @property
    def generating(self) -> bool:
        return self.request_id is not None or self._preparing is not None

    # Starting an answer --------------------------------------------------------

    def send(self, conversation_id: int | None, text: str, edit_of: int | None = None,
             system_prompt: str | None = None, attachments: list[Attachment] | None = None) -> bool:
        """Send a message (or a new version of the one being edited) and start its answer."""
        return self._answer(conversation_id, lambda model, sampling: chat.start_turn(
            self.store, conversation_id, text, str(model.path), sampling, edit_of=edit_of,
            system_prompt=system_prompt, attachments=attachments or []),
            unsaved=self.tr("Your message could not be saved ({}), so it was not sent. It is still "
                            "in the box: try again in a moment."), text=text)

    def regenerate(self, conversation_id: int | None, answer_id: int) -> bool:
        """A new version of an answer; the old one stays, one click away."""
        return self._answer(conversation_id, lambda model, sampling: chat.start_regenerate(
            self.store, answer_id, str(model.path), sampling))

    def continue_answer(self, conversation_id: int | None, answer_id: int) -> bool:
        """A stopped answer carries on where it ended, with the model picked now and the answer's own settings."""
        model = self.models.current_model()
        if getattr(model, "remote", False):  # refused before the answer is touched: it stays as it was
            self.status.emit(ERROR, self.tr("A remote model cannot carry on a stopped answer where it ended: "
                                            "regenerate it instead (a new version, beside this one)."))
            return False
        return self._answer(conversation_id, lambda model, sampling: chat.start_continue(self.store, answer_id))

    def _answer(self, conversation_id: int | None, start, unsaved: str | None = None,
                text: str | None = None) -> bool:
        if self.generating or (text is not None and not text.strip()):
            return False
        model = self.models.current_model()
        if model is None:
            self.status.emit(NO_MODEL, self.tr("Add a model first: click “Add model file…”."))
            return False
        settings = self.settings.value
        try:
            if not getattr(model, "remote", False):  # a remote model has no file here to check
                read_gguf(model.path)
            conversation = self.store.conversation(conversation_id) if conversation_id else None
            sampling = chat.effective_sampling(settings, model.name, conversation)
            turn = start(model, sampling)
        except CoveError as exc:
            self.status.emit(ERROR, str(exc))
            return False
        except sqlite3.Error as exc:
            self.status.emit(ERROR, (unsaved or self.tr("Cove could not write to its database ({}).")).format(exc))
            return False
        if text is not None:
            self.sent.emit()
        if turn.continue_text:  # continue with what the answer was started with
            saved = turn.answer.generation_settings or {}
            sampling = settings_mod.parse_sampling({k: v for k, v in saved.items() if k != "n_ctx"})[0]
        self.conversation_id = turn.conversation.id
        self.model_name = model.name
        self.recorder = chat.AnswerRecorder(self.store, turn.answer.id, text=turn.continue_text)
        self.typeahead_timer.stop()
        loading = self.models.loaded_model != str(model.path)  # the engine loads it before reading

        def resume(prompt: list[dict]) -> None:  # the passages are found: unless the answer ended meanwhile
            if self._preparing == turn.answer.id and self.recorder is not None:
                self._preparing = None
                generate(prompt)

        def generate(prompt: list[dict]) -> None:
            self.request_id = self.bridge.generate(
                str(model.path), self.models.engine_options(model), prompt, asdict(sampling),
                settings.engine.overflow, turn.continue_text)
            self.status.emit(GENERATING, self.tr("Generating… (Esc to stop)"))

        # The notes' passages go into the prompt: found now, or later by a worker (None until then).
        prompt = (self.notes.prepare(turn, model, sampling, resume) if self.notes is not None
                  else turn.prompt_messages)
        if prompt is None:
            self._preparing = turn.answer.id
        else:
            generate(prompt)
        self.started.emit(turn.conversation.id)
        if loading and self.request_id is not None:
            self.reading.emit(turn.conversation.id, LOADING_MODEL, 0)
        if self._preparing is not None:
            self.status.emit(GENERATING, self.tr("Looking in your notes… (Esc to stop)"))
        return True

    # Type-ahead ------------------------------------------------------------------

    def draft_changed(self) -> None:
        """The user typed: read the draft ahead once typing pauses."""
        self.typeahead_timer.start()

    def prefill_draft(self) -> None:
        draft = self.draft() if self.draft is not None else None
        model = self.models.current_model()
        settings = self.settings.value
        if (draft is None or not settings.engine.typeahead or self.generating or model is None
                or not draft.text.strip() or self.models.loaded_model != str(model.path) or draft.editing):
            return
        history = []
        if draft.conversation_id:
            conversation = self.store.conversation(draft.conversation_id)
            history = chat.branch_prompt(self.store, self.store.branch(draft.conversation_id),
                                         conversation.system_prompt)
        elif draft.system_prompt:
            history = chat.prompt_messages([], draft.system_prompt)
        self.bridge.prefill(str(model.path), self.models.engine_options(model),
                            history + [{"role": "user", "content": chat.prompt_content(draft.text, draft.attachments)}],
                            settings.engine.overflow)

    # While it is written ---------------------------------------------------------

    def stop(self) -> bool:
        """Stop the answer being written; False if there is none."""
        if not self.generating:
            return False
        if self._preparing is not None:  # nothing sent yet: end the answer now
            self.end(st.STOPPED)
            self.status.emit(STOPPED, self.tr("Stopped. What was written is saved."))
            return True
        self.bridge.stop()
        self.status.emit(GENERATING, self.tr("Stopping…"))
        return True

    def flush(self) -> None:
        if self.recorder is not None:
            self.recorder.flush()
            if self.recorder.save_error is not None:
                self.save_timer.start()  # a locked database or a full disk: tried again, not only at the next word

    def live_text(self, conversation_id: int | None) -> tuple[int | None, str]:
        """(answer id, text so far) if this conversation's answer is being written, else (None, "")."""
        if self.recorder is not None and conversation_id is not None and conversation_id == self.conversation_id:
            return self.recorder.message_id, self.recorder.text
        return None, ""

    def _on_token(self, request_id: int, text: str) -> None:
        if request_id != self.request_id or self.recorder is None:
            return
        self.recorder.append(text)
        self.save_timer.start()  # what the recorder has not saved yet is saved if nothing follows
        self.token.emit(self.conversation_id, text)

    def _on_prompt_progress(self, request_id: int, done: int, total: int) -> None:
        if request_id is not None and request_id == self.request_id and self.recorder is not None \
                and not self.recorder.text:
            self.reading.emit(self.conversation_id, done, total)

    def _on_finished(self, request_id: int, status: str, reason: str, stats: dict) -> None:
        if request_id != self.request_id:
            return
        message = self.end(status, stats=stats)
        if message is None:
            return
        self.finished.emit(message, status, reason)
        if status == st.STOPPED:
            self.status.emit(STOPPED, self.tr("Stopped. What was written is saved."))
        elif reason == "length":
            self.status.emit(READY, self.tr("The answer reached the length limit."))
        else:
            self.status.emit(READY, self.tr("Ready."))

    def _on_failed(self, request_id: int, message: str) -> None:
        if request_id == self.request_id:
            self.end(st.ERROR, error=message)
            self.status.emit(ERROR, message)

    def _on_load_failed(self, _path: str, message: str, request_id) -> None:
        if request_id is not None and request_id == self.request_id:
            self.end(st.ERROR, error=message)

    def _on_engine_died(self, message: str, request_id) -> None:
        if request_id is not None and request_id == self.request_id:
            self.end(st.ERROR, error=message)  # what was written stays, with the reason

    # Ending ----------------------------------------------------------------------

    def end(self, status: str, stats: dict | None = None, error: str | None = None) -> st.Message | None:
        """Save the answer as it is now (done, stopped or failed); None if there was none or it could not be saved."""
        recorder, self.recorder = self.recorder, None
        self.request_id = self._preparing = None
        self.save_timer.stop()
        if recorder is None or recorder.finished:
            return None
        try:
            message = recorder.finish(status, stats, error)
        except (sqlite3.Error, chat.NotSaved) as exc:  # a full disk: chat.NotSaved says so in words
            self.status.emit(ERROR, self.tr("The answer could not be saved ({}). It stays on screen; copy what "
                                            "you need before closing.").format(exc))
            return None
        if self.notes is not None:
            self.notes.finish(message)  # which passages it cites, before it is shown again
        self.conversation_id = None
        self.ended.emit(message, status)
        return message

    def stop_and_end(self) -> None:
        """The window closes, the conversation goes, or all data is deleted: keep what was written."""
        if self.generating:
            if self.request_id is not None:
                self.bridge.stop()
            self.end(st.STOPPED)
