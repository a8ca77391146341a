"""One chat turn, from the user's message to the saved answer; shared by the window and `cove chat`.

The order is what makes "never lose a word" hold: the user's message is committed
before the engine is asked anything, an empty answer row exists before the first
token, and the answer's text is written while it streams, at most every
SAVE_INTERVAL seconds (one UPDATE per interval, not per token), then finished with
a status that says how it ended.
"""

from __future__ import annotations

import sqlite3
import time
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from app.core import draft_pairs, encryption, paths, policy
from app.core import store as st
from app.core.attachments import Attachment, prompt_content
from app.core.engine_options import LoadOptions
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.private_files import disk_full_message, is_disk_full
from app.core.settings import Sampling, Settings, parse_sampling

SAVE_INTERVAL = 0.5
# Answers a full disk kept from being saved, per store: kept in memory and saved at the next turn.
_unsaved: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class TurnStart:
    conversation: st.Conversation
    user_message: st.Message | None  # None when an answer is regenerated or continued
    answer: st.Message
    prompt_messages: list[dict]
    continue_text: str = ""  # the answer so far, when a stopped answer is continued


def prompt_messages(messages: list[st.Message], system_prompt: str | None = None,
                    attachments: dict[int, list[Attachment]] | None = None) -> list[dict]:
    """The conversation as the engine sees it: the system prompt, then what was said, in order.

    Answers that failed before writing anything carry no text for the model and are
    left out; a partial answer (stopped, or cut by a crash) is kept because the user
    saw it and may refer to it. A user message's attached files (by message id) follow
    its text, on every turn, so later questions can still refer to them.
    """
    attachments = attachments or {}
    result = [{"role": "system", "content": system_prompt}] if system_prompt and system_prompt.strip() else []
    for message in messages:
        if message.role == "assistant" and not message.content.strip():
            continue
        content = message.content
        if message.role == "user" and attachments.get(message.id):
            content = prompt_content(content, attachments[message.id])
        result.append({"role": message.role, "content": content})
    return result


def branch_prompt(store: st.Store, messages: list[st.Message], system_prompt: str | None) -> list[dict]:
    """prompt_messages for messages from the store, with their attached files."""
    return prompt_messages(messages, system_prompt,
                           store.attachments_for(m.id for m in messages if m.role == "user"))


def effective_sampling(settings: Settings, model_name: str, conversation: st.Conversation | None) -> Sampling:
    """Global defaults, then the model's defaults, then the conversation's own values."""
    values = asdict(settings.model_sampling(model_name))
    if conversation is not None:
        values.update(conversation.sampling_overrides)
    return parse_sampling(values)[0]


def load_options(settings: Settings, model_name: str, data_dir: Path, draft: str | None = None) -> LoadOptions:
    """How the engine should load a model, from the user's settings.

    draft: the draft model's file when the caller already knows it (the window looks it up on its pool:
    finding it lists the models folders and reads vocabularies); None looks it up here."""
    engine = settings.engine
    admin = policy.current()
    # An encrypted store's conversations are saved in engine states only sealed with a key from its own.
    seal_key = encryption.kv_cache_key(data_dir)
    sealable = seal_key is not None or not encryption.is_encrypted(paths.database_in(data_dir))
    return LoadOptions(
        n_ctx=engine.n_ctx, n_threads=engine.n_threads, n_threads_batch=engine.n_threads_batch,
        n_gpu_layers=engine.n_gpu_layers, flash_attn=engine.flash_attn, kv_type=engine.kv_type,
        chat_template=settings.chat_template(model_name),
        kv_cache_dir=str(paths.kv_cache_in(data_dir)) if engine.saved_states_mb and sealable else "",
        kv_cache_bytes=engine.saved_states_mb << 20,
        kv_cache_key=seal_key or b"",
        allowed_models=admin.allowed_models, policy_note=admin.message,
        models_dir=str(paths.models_in(data_dir)),
        draft_model=draft_pairs.chosen_draft(settings, model_name, data_dir) if draft is None else draft,
    )


def start_turn(store: st.Store, conversation_id: int | None, text: str, model_file: str,
               sampling: Sampling, edit_of: int | None = None, system_prompt: str | None = None,
               attachments: list[Attachment] | tuple[Attachment, ...] = ()) -> TurnStart:
    """Commit the user's message (with its attached files) and an empty answer; return what
    the engine needs.

    With edit_of, the message is a new version of that earlier question: a sibling
    of it, so the old question and everything after it stay as another branch. (Its
    files are those given: the window offers the old version's files when editing starts.)
    """
    save_unsaved_answers(store)  # space again? the answers a full disk held back go first
    try:
        with store.write():  # all or nothing: a failed start leaves no half-saved turn to resend twice
            if conversation_id is None:
                conversation = store.create_conversation(model=model_file, system_prompt=system_prompt)
            else:
                conversation = store.conversation(conversation_id)
            parent = "current" if edit_of is None else store.message(edit_of).parent_id
            user_message = store.add_user_message(conversation.id, text, parent, attachments)
            answer = store.begin_answer(conversation.id, model_file, asdict(sampling), parent_id=user_message.id)
            history = branch_prompt(store, store.branch(conversation.id, user_message.id), conversation.system_prompt)
    except sqlite3.Error as exc:
        if is_disk_full(exc):
            raise NotSaved(_("{disk_full_message} Your question was not saved.").format(disk_full_message=disk_full_message(store.path)), text) from None
        raise
    return TurnStart(store.conversation(conversation.id), user_message, answer, history)


def _history_before(store: st.Store, message: st.Message) -> list[dict]:
    conversation = store.conversation(message.conversation_id)
    before = store.branch(conversation.id, message.parent_id) if message.parent_id is not None else []
    history = branch_prompt(store, before, conversation.system_prompt)
    if not any(m["role"] == "user" for m in history):
        raise CoveError(_("There is no question before this answer to answer again."))
    return history


def start_regenerate(store: st.Store, answer_id: int, model_file: str, sampling: Sampling) -> TurnStart:
    """A new version of an answer, beside the old one (which stays as a branch)."""
    old = store.message(answer_id)
    history = _history_before(store, old)
    with store.write():
        answer = store.begin_answer(old.conversation_id, model_file, asdict(sampling), parent_id=old.parent_id)
    return TurnStart(store.conversation(old.conversation_id), None, answer, history)


def start_continue(store: st.Store, answer_id: int) -> TurnStart:
    """A stopped answer carries on where it ended, in the same message."""
    old = store.message(answer_id)
    if old.role != "assistant" or old.status == st.STREAMING:
        raise CoveError(_("Only a stopped answer can be continued."))
    history = _history_before(store, old)
    answer = store.resume_answer(answer_id)
    return TurnStart(store.conversation(old.conversation_id), None, answer, history, continue_text=old.content)


def save_unsaved_answers(store: st.Store) -> int:
    """Save the answers a full disk kept from being saved, if there is space now; how many are left."""
    waiting = _unsaved.get(store, [])
    for recorder in list(waiting):
        try:
            recorder.save_pending()
        except (NotSaved, sqlite3.Error):
            break  # still full: they stay in memory
        waiting.remove(recorder)
    return len(waiting)


class NotSaved(CoveError):
    """The disk is full: what the user wrote or the model answered could not be saved.

    `text` is that text, so the caller can keep it (the window) or print it (the CLI).
    """

    def __init__(self, message: str, text: str):
        super().__init__(message)
        self.text = text


class AnswerRecorder:
    """Accumulates a streaming answer and saves it, throttled, to the store."""

    def __init__(self, store: st.Store, message_id: int,
                 clock: Callable[[], float] = time.monotonic, interval: float = SAVE_INTERVAL, text: str = ""):
        self.store = store
        self.message_id = message_id
        self.clock = clock
        self.interval = interval
        self._parts: list[str] = [text] if text else []  # a continued answer starts from its text
        self._last_save = clock()
        self._dirty = False
        self.finished = False
        self.save_error: str | None = None
        self._pending: tuple | None = None  # (status, stats, error) of a finish not saved yet

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def append(self, piece: str) -> None:
        if self.finished:
            return
        self._parts.append(piece)
        self._dirty = True
        if self.clock() - self._last_save >= self.interval:
            self.flush()

    def flush(self) -> None:
        if self._dirty and not self.finished:
            try:
                self.store.save_partial_answer(self.message_id, self.text)
            except sqlite3.Error as exc:
                # Locked or full for now: the text stays here and the next save retries.
                self.save_error = str(exc)
                return
            self.save_error = None
            self._dirty = False
            self._last_save = self.clock()

    def finish(self, status: str, stats: dict | None = None, error: str | None = None) -> st.Message:
        """Save the whole answer with how it ended. On a full disk, raises NotSaved and keeps
        everything here: `save_pending()` saves it once there is space again."""
        self.finished = True
        self._pending = (status, stats, error)
        return self.save_pending()

    def save_pending(self) -> st.Message | None:
        if self._pending is None:
            return None
        status, stats, error = self._pending
        try:
            message = self.store.finish_answer(self.message_id, self.text, status, stats, error)
        except sqlite3.Error as exc:
            self.save_error = str(exc)
            if is_disk_full(exc):
                if self not in _unsaved.setdefault(self.store, []):
                    _unsaved[self.store].append(self)
                raise NotSaved(_("{disk_full_message} The answer is kept here and "
                                 "saved with your next message, once there is space.").format(disk_full_message=disk_full_message(self.store.path)), self.text) from None
            raise
        self._pending = None
        self.save_error = None
        return message
