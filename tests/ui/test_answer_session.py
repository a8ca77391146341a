"""The answer session on its own: no window, no engine process.

A fake bridge (the same signals as EngineBridge, and a log of what was asked of it)
stands in for the engine, so each test drives the turn exactly: tokens, the end, a
stop, a crash, a failed load. The store is real, so what the session saves is what
the window would show after a restart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from app.core import store as st
from app.core.models import ModelEntry
from app.core.settings import Settings
from app.engine.protocol import LoadOptions
from app.ui.chat.answer_session import LOADING_MODEL, AnswerSession, Draft
from app.ui.chat.status_presenter import ERROR, GENERATING, NO_MODEL, READY, STOPPED
from app.ui.settings_model import SettingsModel


class FakeBridge(QObject):
    """EngineBridge's signals, and a record of the requests instead of an engine."""

    model_loading = Signal(str)
    model_loaded = Signal(str, float, dict)
    model_load_failed = Signal(str, str, object)
    token_received = Signal(int, str)
    prompt_progress = Signal(int, int, int)
    generation_finished = Signal(int, str, str, dict)
    generation_failed = Signal(int, str)
    engine_died = Signal(str, object)

    def __init__(self):
        super().__init__()
        self.generated: list[dict] = []
        self.prefilled: list[list[dict]] = []
        self.stops = 0
        self._next = 100

    def generate(self, model_path, options, messages, sampling, overflow="drop_oldest", continue_text=""):
        self._next += 1
        self.generated.append({"id": self._next, "model": model_path, "messages": messages,
                               "continue_text": continue_text})
        return self._next

    def prefill(self, model_path, options, messages, overflow):
        self.prefilled.append(messages)

    def stop(self):
        self.stops += 1

    def stream(self, *pieces: str) -> None:
        for piece in pieces:
            self.token_received.emit(self.generated[-1]["id"], piece)

    def finish(self, status: str = st.COMPLETE, reason: str = "stop") -> None:
        self.generation_finished.emit(self.generated[-1]["id"], status, reason,
                                      {"prompt_tokens": 12, "completion_tokens": 3, "n_ctx": 2048})


class FakeModels:
    """What the session asks of the model picker."""

    def __init__(self, model: ModelEntry | None):
        self.model = model
        self.loaded_model = str(model.path) if model else None

    def current_model(self):
        return self.model

    def engine_options(self, model):
        return LoadOptions()


@pytest.fixture
def parts(qapp, tmp_path, smollm2):
    store = st.Store(tmp_path / "cove.db")
    bridge = FakeBridge()
    models = FakeModels(ModelEntry(Path(smollm2), smollm2.stat().st_size))
    draft = {"value": None}
    session = AnswerSession(store, bridge, SettingsModel(Settings()), models, draft=lambda: draft["value"])
    record = {"status": [], "started": [], "tokens": [], "ended": [], "finished": [], "sent": 0}
    session.status.connect(lambda state, text: record["status"].append((state, text)))
    session.started.connect(record["started"].append)
    session.token.connect(lambda conversation_id, text: record["tokens"].append(text))
    session.ended.connect(lambda message, status: record["ended"].append((message.id, status)))
    session.finished.connect(lambda message, status, reason: record["finished"].append((status, reason)))
    session.sent.connect(lambda: record.__setitem__("sent", record["sent"] + 1))
    yield store, bridge, models, session, record, draft
    session.save_timer.stop()
    store.close()


def table_counts(store: st.Store) -> tuple[int, int]:
    return (store.db.execute("SELECT COUNT(*) FROM conversations").fetchone()[0],
            store.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0])


def test_send_streams_tokens_and_saves_the_finished_answer(parts):
    store, bridge, _models, session, record, _draft = parts
    assert session.send(None, "What is the capital of France?")
    assert session.generating and record["sent"] == 1
    [conversation_id] = record["started"]
    assert record["status"][-1][0] == GENERATING
    assert bridge.generated[-1]["messages"][-1] == {"role": "user", "content": "What is the capital of France?"}
    bridge.stream("Paris", ".")
    assert record["tokens"] == ["Paris", "."] and session.recorder.text == "Paris."
    assert session.live_text(conversation_id) == (session.recorder.message_id, "Paris.")
    bridge.finish()
    assert not session.generating and session.recorder is None
    [(answer_id, status)] = record["ended"]
    answer = store.message(answer_id)
    assert (answer.content, answer.status, status) == ("Paris.", st.COMPLETE, st.COMPLETE)
    assert record["finished"] == [(st.COMPLETE, "stop")] and record["status"][-1] == (READY, "Ready.")
    assert [m.role for m in store.branch(conversation_id)] == ["user", "assistant"]


def test_tokens_of_another_request_are_ignored(parts):
    _store, bridge, _models, session, record, _draft = parts
    session.send(None, "Hello")
    bridge.token_received.emit(bridge.generated[-1]["id"] + 7, "stray")
    bridge.stream("Hi")
    assert session.recorder.text == "Hi" and record["tokens"] == ["Hi"]


def test_stop_keeps_what_was_written_as_stopped(parts):
    store, bridge, _models, session, record, _draft = parts
    session.send(None, "Tell me a long story")
    bridge.stream("Once upon", " a time")
    assert session.stop() and bridge.stops == 1
    assert record["status"][-1] == (GENERATING, "Stopping…")
    bridge.finish(st.STOPPED, "user")
    [(answer_id, _status)] = record["ended"]
    answer = store.message(answer_id)
    assert (answer.content, answer.status) == ("Once upon a time", st.STOPPED)
    assert record["status"][-1][0] == STOPPED
    assert not session.stop() and bridge.stops == 1  # nothing left to stop


def test_engine_dying_mid_answer_keeps_the_partial_text_with_the_error(parts):
    store, bridge, _models, session, record, _draft = parts
    session.send(None, "Explain the tides")
    bridge.stream("The moon", " pulls")
    bridge.engine_died.emit("The model engine crashed.", bridge.generated[-1]["id"])
    assert not session.generating
    [(answer_id, status)] = record["ended"]
    answer = store.message(answer_id)
    assert (answer.content, answer.status, status) == ("The moon pulls", st.ERROR, st.ERROR)
    assert answer.error == "The model engine crashed."
    bridge.engine_died.emit("again", None)  # a later death with no answer in flight changes nothing
    assert len(record["ended"]) == 1


def test_failed_load_ends_the_answer_as_an_error(parts):
    store, bridge, models, session, record, _draft = parts
    session.send(None, "Hello")
    bridge.model_load_failed.emit(str(models.model.path), "This file is damaged.", bridge.generated[-1]["id"])
    [(answer_id, _status)] = record["ended"]
    answer = store.message(answer_id)
    assert (answer.status, answer.error, answer.content) == (st.ERROR, "This file is damaged.", "")
    assert not session.generating


def test_generation_failure_is_reported_and_saved(parts):
    store, bridge, _models, session, record, _draft = parts
    session.send(None, "Hello")
    bridge.generation_failed.emit(bridge.generated[-1]["id"], "The message is too long for the context.")
    [(answer_id, _status)] = record["ended"]
    assert store.message(answer_id).status == st.ERROR
    assert record["status"][-1] == (ERROR, "The message is too long for the context.")


def test_continue_carries_on_in_the_same_message(parts):
    store, bridge, _models, session, record, _draft = parts
    session.send(None, "Count to five")
    bridge.stream("one two")
    session.stop()
    bridge.finish(st.STOPPED, "user")
    [(answer_id, _)] = record["ended"]
    conversation_id = store.message(answer_id).conversation_id
    assert session.continue_answer(conversation_id, answer_id)
    assert bridge.generated[-1]["continue_text"] == "one two"
    bridge.stream(" three")
    bridge.finish()
    assert [a for a, _ in record["ended"]] == [answer_id, answer_id]
    answer = store.message(answer_id)
    assert (answer.content, answer.status) == ("one two three", st.COMPLETE)


def test_regenerate_adds_a_sibling_version(parts):
    store, bridge, _models, session, record, _draft = parts
    session.send(None, "Name a colour")
    bridge.stream("Blue")
    bridge.finish()
    [(first_id, _)] = record["ended"]
    first = store.message(first_id)
    assert session.regenerate(first.conversation_id, first_id)
    bridge.stream("Green")
    bridge.finish()
    second = store.message(record["ended"][-1][0])
    assert second.id != first_id and second.parent_id == first.parent_id
    assert (store.message(first_id).content, second.content) == ("Blue", "Green")
    versions = store.versions([second])[second.id]
    assert (versions.index, versions.count, versions.previous_id) == (2, 2, first_id)


def test_nothing_starts_twice_or_from_blank_text(parts):
    store, bridge, _models, session, record, _draft = parts
    before = table_counts(store)
    assert not session.send(None, "   \n")
    assert table_counts(store) == before and bridge.generated == [] and record["sent"] == 0
    session.send(None, "First")
    during = table_counts(store)
    assert not session.send(None, "Second, while the first is written")
    assert table_counts(store) == during and len(bridge.generated) == 1


def test_without_a_model_nothing_is_saved_and_the_status_says_what_to_do(parts):
    store, bridge, models, session, record, _draft = parts
    models.model = None
    before = table_counts(store)
    assert not session.send(None, "Hello")
    assert table_counts(store) == before and bridge.generated == []
    assert record["status"][-1][0] == NO_MODEL and "Add model file" in record["status"][-1][1]


def test_a_damaged_model_file_is_refused_before_anything_is_saved(parts, tmp_path):
    store, bridge, models, session, record, _draft = parts
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"not a model at all")
    models.model = ModelEntry(bad, bad.stat().st_size)
    before = table_counts(store)
    assert not session.send(None, "Hello")
    assert table_counts(store) == before and bridge.generated == []
    state, text = record["status"][-1]
    assert state == ERROR and text and "Traceback" not in text


def test_typeahead_reads_the_draft_only_when_it_can_be_reused(parts):
    _store, bridge, models, session, _record, draft = parts
    draft["value"] = Draft("What is", None)
    session.prefill_draft()
    assert bridge.prefilled[-1][-1] == {"role": "user", "content": "What is"}
    draft["value"] = Draft("What is", None, editing=True)  # an edited message: nothing to reuse
    session.prefill_draft()
    assert len(bridge.prefilled) == 1
    models.loaded_model = None  # the model is not loaded yet: nothing to read into
    draft["value"] = Draft("What is", None)
    session.prefill_draft()
    assert len(bridge.prefilled) == 1


def test_prompt_progress_of_the_answer_being_written_is_passed_on_until_it_ends(parts):
    _store, bridge, _models, session, _record, _draft = parts
    reading = []
    session.reading.connect(lambda conversation_id, done, total: reading.append((conversation_id, done, total)))
    session.send(None, "A long question")
    rid = bridge.generated[-1]["id"]
    bridge.prompt_progress.emit(rid + 3, 5, 10)  # another request's: not this answer's
    bridge.prompt_progress.emit(rid, 512, 1500)
    assert reading == [(session.conversation_id, 512, 1500)]
    bridge.finish()
    bridge.prompt_progress.emit(rid, 1024, 1500)  # late, after the answer ended
    assert len(reading) == 1


def test_a_model_still_to_load_is_said_before_reading_begins(parts):
    _store, bridge, models, session, _record, _draft = parts
    reading = []
    session.reading.connect(lambda conversation_id, done, total: reading.append((done, total)))
    models.loaded_model = None  # the engine loads it first
    session.send(None, "Hello")
    assert reading == [(LOADING_MODEL, 0)]
    bridge.model_loaded.emit(str(models.model.path), 1.0, {})
    assert reading[-1] == (0, 0)  # loaded: now the message is read
    bridge.stream("Hi")
    bridge.model_loaded.emit(str(models.model.path), 1.0, {})  # after the first word nothing more is said
    assert len(reading) == 2
