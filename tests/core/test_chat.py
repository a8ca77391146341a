
from app.core import chat
from app.core import store as st
from app.core.settings import Sampling


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_start_turn_commits_the_question_before_anything_else(store):
    turn = chat.start_turn(store, None, "Hello there", "/m.gguf", Sampling(temperature=0.0))
    messages = store.messages(turn.conversation.id)
    assert [(m.role, m.content, m.status) for m in messages] == [
        ("user", "Hello there", st.COMPLETE), ("assistant", "", st.STREAMING)]
    assert turn.prompt_messages == [{"role": "user", "content": "Hello there"}]
    assert turn.answer.generation_settings["temperature"] == 0.0
    assert turn.conversation.title == "Hello there"


def test_history_leaves_out_empty_failed_answers(store):
    first = chat.start_turn(store, None, "one", "/m.gguf", Sampling())
    store.finish_answer(first.answer.id, "", st.ERROR, error="crashed")
    second = chat.start_turn(store, first.conversation.id, "two", "/m.gguf", Sampling())
    assert second.prompt_messages == [{"role": "user", "content": "one"}, {"role": "user", "content": "two"}]


def test_recorder_saves_at_most_every_half_second(store, monkeypatch):
    turn = chat.start_turn(store, None, "q", "/m.gguf", Sampling())
    writes = []
    original = store.save_partial_answer
    monkeypatch.setattr(store, "save_partial_answer", lambda mid, text: (writes.append(text), original(mid, text)))
    clock = FakeClock()
    recorder = chat.AnswerRecorder(store, turn.answer.id, clock=clock)
    for i in range(100):  # 100 tokens in 0.99 s
        clock.now = i * 0.01
        recorder.append(f"t{i} ")
    assert len(writes) == 1  # once, at 0.5 s
    assert store.message(turn.answer.id).content == "".join(f"t{i} " for i in range(51))
    clock.now = 1.2
    recorder.flush()
    assert len(writes) == 2 and store.message(turn.answer.id).content == recorder.text
    recorder.flush()  # nothing new: no write
    assert len(writes) == 2
    done = recorder.finish(st.STOPPED)
    assert done.status == st.STOPPED and done.content == recorder.text
    recorder.append("late")  # after finishing, nothing changes
    assert store.message(turn.answer.id).content == done.content


def test_sampling_comes_from_defaults_then_model_then_conversation(store, tmp_path):
    from app.core.settings import parse

    settings, _ = parse({"sampling": {"temperature": 0.5, "top_k": 20},
                         "models": {"qwen": {"sampling": {"temperature": 0.2, "max_tokens": 99}}}})
    conversation = store.create_conversation()
    assert chat.effective_sampling(settings, "other", conversation) == Sampling(temperature=0.5, top_k=20)
    assert chat.effective_sampling(settings, "qwen", conversation) == Sampling(temperature=0.2, top_k=20,
                                                                              max_tokens=99)
    store.set_conversation_sampling(conversation.id, {"temperature": 1.3})
    conversation = store.conversation(conversation.id)
    assert chat.effective_sampling(settings, "qwen", conversation).temperature == 1.3
    options = chat.load_options(settings, "qwen", tmp_path)
    assert options.kv_cache_dir == str(tmp_path / "kv-cache") and options.n_ctx == 0


def test_a_locked_database_does_not_lose_the_streaming_text(store, monkeypatch):
    import sqlite3

    turn = chat.start_turn(store, None, "q", "/m.gguf", Sampling())
    clock = FakeClock()
    recorder = chat.AnswerRecorder(store, turn.answer.id, clock=clock)
    original = store.save_partial_answer

    def locked(*_args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "save_partial_answer", locked)
    recorder.append("kept ")
    clock.now = 1.0
    recorder.append("in memory")
    assert recorder.save_error == "database is locked"
    monkeypatch.setattr(store, "save_partial_answer", original)
    clock.now = 2.0
    recorder.flush()  # the lock is gone: everything is written
    assert store.message(turn.answer.id).content == "kept in memory" and recorder.save_error is None
