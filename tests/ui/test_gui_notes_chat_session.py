"""The answer session with notes, on a fake engine: the answer waits for the passages (found on a
worker), is sent with the prompt the notes part gives, can be stopped while it waits, and the notes
part hears when it ends (to record citations)."""

from app.core import store as st
from app.ui.chat.status_presenter import GENERATING, STOPPED
from tests.ui.test_answer_session import parts  # noqa: F401 - the fixture


class FakeNotes:
    def __init__(self):
        self.resume = None
        self.finished: list[int] = []

    def prepare(self, turn, model, sampling, resume):
        self.resume = resume
        return None  # still looking

    def finish(self, message):
        self.finished.append(message.id)


def test_the_answer_waits_for_the_passages_then_sends_their_prompt(parts):  # noqa: F811
    store, bridge, _models, session, record, _draft = parts
    notes = FakeNotes()
    session.notes = notes
    assert session.send(None, "When does the ferry leave?")
    assert session.generating and bridge.generated == []
    assert record["status"][-1] == (GENERATING, "Looking in your notes… (Esc to stop)")
    assert not session.send(None, "Another question")  # one answer at a time
    with_passages = [{"role": "user", "content": "[1] ferry.md\nAt nine.\n\nQuestion: When does the ferry leave?"}]
    notes.resume(with_passages)
    assert bridge.generated[-1]["messages"] == with_passages
    assert record["status"][-1][0] == GENERATING and session.generating
    bridge.stream("At nine [1].")
    bridge.finish()
    [(answer_id, status)] = record["ended"]
    assert status == st.COMPLETE and notes.finished == [answer_id]
    assert store.message(answer_id).content == "At nine [1]."


def test_stopping_while_looking_in_the_notes_sends_nothing(parts):  # noqa: F811
    store, bridge, _models, session, record, _draft = parts
    notes = FakeNotes()
    session.notes = notes
    session.send(None, "When does the ferry leave?")
    assert session.stop()
    [(answer_id, status)] = record["ended"]
    assert status == st.STOPPED and not session.generating and record["status"][-1][0] == STOPPED
    notes.resume([{"role": "user", "content": "late"}])  # the passages come after the stop
    assert bridge.generated == [] and not session.generating
    assert store.message(answer_id).status == st.STOPPED
