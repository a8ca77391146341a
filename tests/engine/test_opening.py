"""A new conversation's opening (template start and system prompt) is saved once and loaded after (opening.py)."""

from ctypes import c_longlong

from app.engine import protocol as p
from app.engine.kv_store import OPENING
from app.engine.opening import OPENING_MIN
from app.engine.worker import Engine
from tests.support.settings import GREEDY
from tests.support.starter_model import PARIS_QUESTION
from tests.support.tiny_models import write_tiny_model

OTHER_QUESTION = "Name a large animal that lives in the sea. Answer in one word."


def answer(model, options, question, system=None):
    """A fresh engine (as after a restart) answering a new conversation: (text, stats, the engine)."""
    events = []
    engine = Engine(events.append, c_longlong(0))
    messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": question}]
    engine.generate(p.Generate(1, str(model), options, messages, {**GREEDY, "max_tokens": 12}))
    [done] = [e for e in events if isinstance(e, (p.Finished, p.Failed, p.LoadFailed))]
    assert isinstance(done, p.Finished), done
    return "".join(e.text for e in events if isinstance(e, p.Token)), done.stats, engine


def openings(folder):
    return sorted(f for f in folder.glob(f"*/{OPENING}*.state"))


def test_the_opening_is_saved_once_then_loaded_and_the_answers_are_unchanged(smollm2, tmp_path):
    plain = p.LoadOptions(n_ctx=1024)  # no saved states: every token processed
    saving = p.LoadOptions(n_ctx=1024, kv_cache_dir=str(tmp_path / "kv"))
    first, stats, engine = answer(smollm2, saving, PARIS_QUESTION)
    opening = engine.openings.tokens([{"role": "user", "content": PARIS_QUESTION}])
    assert len(opening) == 24  # SmolLM2's default system prompt and the user header
    assert stats["processed_tokens"] == stats["prompt_tokens"] and not stats["restored_state"]
    [saved] = openings(tmp_path / "kv")
    assert engine.kv_store.index[saved.name] == opening
    engine.unload()
    assert first == answer(smollm2, plain, PARIS_QUESTION)[0] and "Paris" in first

    other, stats, engine = answer(smollm2, saving, OTHER_QUESTION)  # a new conversation in a new engine
    engine.unload()
    assert stats["restored_state"] is True
    assert stats["processed_tokens"] == stats["prompt_tokens"] - len(opening)
    assert other == answer(smollm2, plain, OTHER_QUESTION)[0]  # the same tokens as processing it all
    assert openings(tmp_path / "kv") == [saved]  # loaded, not saved again

    _, stats, engine = answer(smollm2, saving, OTHER_QUESTION, system="You are a careful assistant. You answer every question in French, briefly and politely.")
    engine.unload()
    assert not stats["restored_state"] and len(openings(tmp_path / "kv")) == 2  # another system prompt


def test_a_long_answer_saved_after_it_leaves_the_opening_in_place(smollm2, tmp_path):
    saving = p.LoadOptions(n_ctx=1024, kv_cache_dir=str(tmp_path / "kv"))
    events = []
    engine = Engine(events.append, c_longlong(0))
    engine.generate(p.Generate(1, str(smollm2), saving, [{"role": "user", "content": "Tell me about the sea."}],
                               {**GREEDY, "max_tokens": 48}))
    states = sorted(f.name for f in (tmp_path / "kv").glob("*/*.state"))
    engine.unload()
    assert len(states) == 2 and sum(name.startswith(OPENING) for name in states) == 1  # the chat's own, and its opening


def test_a_damaged_opening_is_dropped_and_the_prompt_processed(smollm2, tmp_path):
    saving = p.LoadOptions(n_ctx=1024, kv_cache_dir=str(tmp_path / "kv"))
    answer(smollm2, saving, PARIS_QUESTION)[2].unload()
    [saved] = openings(tmp_path / "kv")
    saved.write_bytes(b"not a state")
    text, stats, engine = answer(smollm2, saving, OTHER_QUESTION)
    engine.unload()
    assert stats["processed_tokens"] == stats["prompt_tokens"] and not stats["restored_state"]
    assert text == answer(smollm2, p.LoadOptions(n_ctx=1024), OTHER_QUESTION)[0]
    assert [f.read_bytes() != b"not a state" for f in openings(tmp_path / "kv")] == [True]  # saved afresh


def test_a_template_with_a_short_opening_saves_none(tmp_path):
    model = write_tiny_model(tmp_path / "gemma.gguf", "gemma-2")  # no system prompt: "<start_of_turn>user\n"
    saving = p.LoadOptions(n_ctx=512, kv_cache_dir=str(tmp_path / "kv"))
    _, _, engine = answer(model, saving, "Hello there")
    assert len(engine.openings.tokens([{"role": "user", "content": "Hi"}])) < OPENING_MIN
    engine.unload()
    assert openings(tmp_path / "kv") == []


LONG_SYSTEM = " ".join(f"Rule {i}: answer politely and briefly." for i in range(150))  # ~1,500 tokens


def test_a_long_opening_is_read_with_progress_and_stops_at_once(smollm2, tmp_path):
    saving = p.LoadOptions(n_ctx=2048, kv_cache_dir=str(tmp_path / "kv"))
    counter = c_longlong(0)
    events = []

    def send(event):  # Stop as soon as the window says "Reading your message… 512 / 1,500 tokens"
        events.append(event)
        if isinstance(event, p.PromptProgress) and event.done > 0:
            counter.value = 1

    engine = Engine(send, counter)
    assert engine.ensure_loaded(str(smollm2), saving)
    messages = [{"role": "system", "content": LONG_SYSTEM}, {"role": "user", "content": "Hi"}]
    engine.generate(p.Generate(1, str(smollm2), saving, messages, {**GREEDY, "max_tokens": 4}))
    opening = engine.openings.tokens(messages)
    engine.unload()
    [done] = [e for e in events if isinstance(e, (p.Finished, p.Failed))]
    assert isinstance(done, p.Finished) and done.status == p.STOPPED
    progress = [e.done for e in events if isinstance(e, p.PromptProgress)]
    assert progress[-1] < len(opening) - 1  # stopped within the opening, at the next batch
    assert openings(tmp_path / "kv") == []  # not read to its end: nothing kept


def test_states_that_cannot_be_written_leave_the_answer_whole(smollm2, tmp_path, monkeypatch):
    from app.engine import kv_store

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kv_store, "write_private", full_disk)  # the openings, the sealed states, the index
    saving = p.LoadOptions(n_ctx=1024, kv_cache_dir=str(tmp_path / "kv"))
    events = []
    engine = Engine(events.append, c_longlong(0))
    question = [{"role": "user", "content": "Tell me about the sea."}]
    engine.generate(p.Generate(1, str(smollm2), saving, question, {**GREEDY, "max_tokens": 48}))  # over 64 tokens
    engine.unload()
    assert [type(e) for e in events if isinstance(e, (p.Finished, p.Failed))] == [p.Finished]
    assert openings(tmp_path / "kv") == []


def test_a_sealed_opening_is_loaded_and_holds_no_tokens_in_the_clear(smollm2, tmp_path):
    import json

    system = "You are Cove's careful assistant for the harbour office. Answer briefly, in English."
    key = bytes(range(32))

    def options(folder, seal_key=b""):
        return p.LoadOptions(n_ctx=1024, kv_cache_dir=str(tmp_path / folder), kv_cache_key=seal_key)

    _, _, engine = answer(smollm2, options("plain"), PARIS_QUESTION, system=system)
    needle = json.dumps(engine.openings.tokens([{"role": "system", "content": system}]))[1:-1].encode()
    engine.unload()
    assert any(needle in f.read_bytes() for f in (tmp_path / "plain").rglob("index.json"))  # the check can fail
    answer(smollm2, options("sealed", key), PARIS_QUESTION, system=system)[2].unload()
    [saved] = openings(tmp_path / "sealed")
    files = [f for f in (tmp_path / "sealed").rglob("*") if f.is_file()]
    assert saved.parent.name.endswith("-sealed") and not any(f.name == "index.json" for f in files)
    assert not any(needle in f.read_bytes() for f in files)
    other, stats, engine = answer(smollm2, options("sealed", key), OTHER_QUESTION, system=system)
    opening = engine.openings.tokens([{"role": "system", "content": system}])
    engine.unload()
    assert stats["restored_state"] is True and stats["processed_tokens"] == stats["prompt_tokens"] - len(opening)
    assert other == answer(smollm2, p.LoadOptions(n_ctx=1024), OTHER_QUESTION, system=system)[0]
    _, wrong, engine = answer(smollm2, options("sealed", bytes(32)), OTHER_QUESTION, system=system)
    engine.unload()
    assert wrong["restored_state"] is False  # another key opens nothing


def test_typing_ahead_in_a_new_chat_keeps_its_opening(smollm2, tmp_path):
    saving = p.LoadOptions(n_ctx=1024, kv_cache_dir=str(tmp_path / "kv"))
    events = []
    engine = Engine(events.append, c_longlong(0))
    engine.prefill(p.Prefill(1, str(smollm2), saving, [{"role": "user", "content": "What is the capital of"}]))
    [prefilled] = [e for e in events if isinstance(e, p.Prefilled)]
    [saved] = openings(tmp_path / "kv")
    assert prefilled.processed_tokens > len(engine.kv_store.index[saved.name]) >= OPENING_MIN
    engine.unload()
    _, stats, engine = answer(smollm2, saving, OTHER_QUESTION)  # the next new chat starts from it
    engine.unload()
    assert stats["restored_state"] is True
