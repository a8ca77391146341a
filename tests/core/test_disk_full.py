"""A full disk, before and during an answer: said in words, and nothing typed or answered is lost.

SQLite's max_page_count makes the real database report "database or disk is full"
exactly as a full disk does, without needing a small file system.
"""

from __future__ import annotations

import sqlite3

import pytest

from app import cli
from app.core import chat
from app.core import store as st
from app.core.settings import Sampling

LONG_QUESTION = "Why is the sky blue? Explain it in detail, please. " * 400  # 20 kB: more than a page holds


def fill_disk(store: st.Store) -> None:
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def free_space(store: st.Store) -> None:
    store.db.execute("PRAGMA max_page_count = 1073741823")


def dump(store: st.Store) -> list[str]:
    return list(store.db.conn.iterdump())


def test_a_question_that_cannot_be_saved_is_refused_whole_and_handed_back(tmp_path):
    store = st.Store(tmp_path / "cove.db")
    first = chat.start_turn(store, None, "a first question", "/m.gguf", Sampling())
    fill_disk(store)
    before = dump(store)
    with pytest.raises(chat.NotSaved) as caught:
        chat.start_turn(store, first.conversation.id, LONG_QUESTION, "/m.gguf", Sampling())
    assert caught.value.text == LONG_QUESTION  # handed back: the caller keeps or prints it
    assert "is full" in str(caught.value) and "Free some space" in str(caught.value)
    assert dump(store) == before  # no half-saved turn


def test_an_answer_the_disk_cannot_hold_stays_in_memory_and_is_saved_when_space_returns(tmp_path):
    store = st.Store(tmp_path / "cove.db")
    turn = chat.start_turn(store, None, "Tell me a long story", "/m.gguf", Sampling())
    recorder = chat.AnswerRecorder(store, turn.answer.id, interval=0)
    recorder.append("Once upon a time. ")
    fill_disk(store)
    for _ in range(500):
        recorder.append("And then the dragon slept. ")  # each save fails quietly; the text stays here
    assert recorder.save_error and "full" in recorder.save_error
    with pytest.raises(chat.NotSaved) as caught:
        recorder.finish(st.COMPLETE, {"completion_tokens": 501})
    assert caught.value.text == recorder.text and recorder.text.endswith("the dragon slept. ")
    assert "saved with your next message" in str(caught.value)
    free_space(store)
    saved = recorder.save_pending()
    assert saved.status == st.COMPLETE and saved.content == recorder.text and saved.completion_tokens == 501
    assert recorder.save_pending() is None  # saved once


def test_cove_chat_on_a_full_disk_prints_the_question_back_and_says_what_to_do(smollm2, cove_home, monkeypatch,
                                                                               capsys):
    monkeypatch.setattr(cli, "private_umask", lambda: None)  # not this test process's umask
    real_init = st.Store.__init__

    def full_store(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        fill_disk(self)

    monkeypatch.setattr(st.Store, "__init__", full_store)
    code = cli.main(["chat", "--model", str(smollm2), LONG_QUESTION])
    out, err = capsys.readouterr()
    assert code == 1 and LONG_QUESTION in out  # nothing typed is lost
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cove: ") and "is full" in lines[0], err
    assert "Traceback" not in err and "unexpected" not in err and "Your question was not saved" in err
    assert sqlite3.connect(cove_home / "cove.db").execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0


class StreamingEngine:
    """Stands in for the engine process: streams a long answer at once (the disk, not the model, is tested)."""

    WORDS = tuple(f"word{i} " for i in range(2000))

    def __init__(self, on_event):
        self.on_event = on_event

    def generate(self, *args, **kwargs) -> int:
        from app.engine import protocol as p

        for word in self.WORDS:
            self.on_event(p.Token(7, word))
        self.on_event(p.Finished(7, st.COMPLETE, "stop", {"completion_tokens": len(self.WORDS)}))
        return 7

    def stop(self, request_id) -> None:
        pass

    def shutdown(self, timeout: float = 3.0, wait: bool = True) -> None:
        pass


def test_cove_chat_when_the_disk_fills_during_the_answer_prints_it_and_says_so(smollm2, cove_home, monkeypatch,
                                                                              capsys):
    from app.engine import client

    monkeypatch.setattr(cli, "private_umask", lambda: None)
    monkeypatch.setattr(client, "EngineClient", StreamingEngine)
    real_start = chat.start_turn

    def start_then_fill(store, *args, **kwargs):
        turn = real_start(store, *args, **kwargs)
        fill_disk(store)  # the question is saved; then the disk fills
        return turn

    monkeypatch.setattr(chat, "start_turn", start_then_fill)
    code = cli.main(["chat", "--model", str(smollm2), "Write a long story about a dragon."])
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 1 and out.strip() == "".join(StreamingEngine.WORDS).strip()  # printed: nothing is lost
    assert len(lines) == 1 and "is full" in lines[0] and "it is printed above" in lines[0], err
    assert "Traceback" not in err and "unexpected" not in err
    db = sqlite3.connect(cove_home / "cove.db")
    assert db.execute("SELECT content FROM messages WHERE role = 'user'").fetchall() == [
        ("Write a long story about a dragon.",)]


def test_the_window_says_the_disk_is_full_and_keeps_the_answer_on_screen(cove_home, qtbot):
    from app.core import paths
    from app.ui import main as main_mod

    window, controller = main_mod.build(paths.current().ensure())
    qtbot.addWidget(window)
    turn = chat.start_turn(controller.store, None, "Tell me a story", "/m.gguf", Sampling())
    controller.session.recorder = chat.AnswerRecorder(controller.store, turn.answer.id, interval=3600)
    fill_disk(controller.store)
    controller.session.recorder.append("Once upon a time, " * 2000)
    assert controller.session.end(st.COMPLETE) is None  # not saved, and no exception escapes to the window
    assert controller.state == "error" and "is full" in window.state_label.text()
    assert "Free some space" in window.state_label.text()
    free_space(controller.store)
    controller.shutdown()


def test_an_answer_held_back_by_a_full_disk_is_saved_with_the_next_message(tmp_path):
    store = st.Store(tmp_path / "cove.db")
    turn = chat.start_turn(store, None, "Tell me a long story", "/m.gguf", Sampling())
    recorder = chat.AnswerRecorder(store, turn.answer.id, interval=3600)
    fill_disk(store)
    recorder.append("And then the dragon slept. " * 500)
    with pytest.raises(chat.NotSaved):
        recorder.finish(st.COMPLETE)
    with pytest.raises(chat.NotSaved):  # still full: the next question is refused, the answer still waits
        chat.start_turn(store, turn.conversation.id, LONG_QUESTION, "/m.gguf", Sampling())
    assert chat.save_unsaved_answers(store) == 1
    free_space(store)
    chat.start_turn(store, turn.conversation.id, "And then?", "/m.gguf", Sampling())
    saved = store.message(turn.answer.id)
    assert saved.status == st.COMPLETE and saved.content == recorder.text
    assert chat.save_unsaved_answers(store) == 0
