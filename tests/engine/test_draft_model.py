"""Draft-model speculative decoding: a small model of the same family drafts, the chat model checks; the
answer is the one plain decoding gives, token for token."""

from ctypes import c_longlong
from dataclasses import replace

import pytest

from app.engine import protocol as p
from app.engine.worker import Engine
from tests.engine.test_prompt import FAMILIES
from tests.engine.test_speculative import GREEDY, PROMPTS, TINY_PROMPTS
from tests.support.tiny_models import write_tiny_model

# Drafts are checked only where a batch computes each position exactly as one token would (speculative.py).
OPTIONS = p.LoadOptions(n_ctx=1024, flash_attn="on", n_threads=1, n_threads_batch=1)
# File names as the catalog's pairs have them (the engine itself only compares the vocabularies).
NAMES = {"qwen2.5": ("qwen2.5-3b-instruct-q8_0.gguf", "qwen2.5-0.5b-instruct-q8_0.gguf"),
         "llama-3.2": ("Llama-3.2-3B-Instruct-Q8_0.gguf", "Llama-3.2-1B-Instruct-Q8_0.gguf"),
         "gemma-2": ("gemma-2-9b-it-Q8_0.gguf", "gemma-2-2b-it-Q8_0.gguf"),
         "smollm2": ("SmolLM2-1.7B-Instruct-Q8_0.gguf", "SmolLM2-135M-Instruct-Q8_0.gguf"),
         "phi-4-mini": ("phi-4-mini-big-Q8_0.gguf", "phi-4-mini-small-Q8_0.gguf")}


def pair(tmp_path, family, same_weights=False):
    """A 'big' main model and a smaller draft with the same vocabulary (or a copy of the main model)."""
    big, small = NAMES[family]
    main = write_tiny_model(tmp_path / big, family, quantized=True, n_embd=128, n_layer=3, seed=1)
    if same_weights:
        draft = write_tiny_model(tmp_path / small, family, quantized=True, n_embd=128, n_layer=3, seed=1)
    else:
        draft = write_tiny_model(tmp_path / small, family, quantized=True, seed=2)
    return main, draft


def engine_for(model, draft="", options=OPTIONS):
    events = []
    engine = Engine(events.append, c_longlong(0))
    assert engine.ensure_loaded(str(model), replace(options, draft_model=str(draft))), events
    return engine, events


def answer(engine, events, model, messages, rid, **sampling):
    """(text, stats) of one answer from a fresh context, as the engine sends them."""
    events.clear()
    engine.llm.reset()
    engine.generate(p.Generate(rid, str(model), engine.options, messages,
                               {**GREEDY, "prompt_lookup": False, **sampling}))
    [done] = [e for e in events if isinstance(e, (p.Finished, p.Failed))]
    assert isinstance(done, p.Finished), done
    return "".join(e.text for e in events if isinstance(e, p.Token)), done.stats


def kv_end(llm) -> int:
    import llama_cpp

    return llama_cpp.llama_memory_seq_pos_max(llama_cpp.llama_get_memory(llm._ctx.ctx), 0) + 1


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_greedy_output_is_identical_with_a_smaller_draft_model(tmp_path, family):
    main, draft = pair(tmp_path, family)
    engine, events = engine_for(main, draft)
    loaded = [e for e in events if isinstance(e, p.ModelLoaded)][0]
    assert loaded.info["draft_model"] == draft.name and "draft_problem" not in loaded.info
    checked = 0
    try:
        for rid, messages in enumerate(TINY_PROMPTS, start=1):
            plain, plain_stats = answer(engine, events, main, messages, rid * 2, draft_model=False, max_tokens=80)
            drafted, stats = answer(engine, events, main, messages, rid * 2 + 1, max_tokens=80)
            assert drafted == plain
            assert stats["completion_tokens"] == plain_stats["completion_tokens"]
            assert "draft_tokens" not in plain_stats
            assert stats["draft_model"] == draft.name
            checked += stats.get("draft_tokens", 0)
            # The draft model's cache holds what it read, nothing of the drafts the main model rejected past it.
            assert kv_end(engine.draft.model.llm) == engine.draft.model.llm.n_tokens
    finally:
        engine.unload()
    assert checked > 0  # drafts were checked, not skipped


@pytest.mark.parametrize("family", ["qwen2.5", "smollm2"])
def test_a_draft_that_guesses_right_is_accepted_and_speeds_nothing_wrong(tmp_path, family):
    """A draft model with the main model's own weights guesses every token: all accepted, same text."""
    main, draft = pair(tmp_path, family, same_weights=True)
    engine, events = engine_for(main, draft)
    try:
        for rid, messages in enumerate(TINY_PROMPTS[:2], start=1):
            plain, _ = answer(engine, events, main, messages, rid * 2, draft_model=False, max_tokens=80)
            drafted, stats = answer(engine, events, main, messages, rid * 2 + 1, max_tokens=80)
            assert drafted == plain
            assert stats["completion_tokens"] > 3  # long enough for drafts to be checked
            # Not 1.0: a random model's logits are near ties (within 1e-6 of each other), and the order
            # in which a context was read (in batches, or in cells freed by a rejected draft) can flip one.
            assert stats["draft_acceptance"] > 0.6
            assert stats["draft_accepted"] == round(stats["draft_acceptance"] * stats["draft_tokens"])
    finally:
        engine.unload()


def test_sampling_with_a_fixed_seed_gives_the_same_answer_with_a_draft(tmp_path):
    main, draft = pair(tmp_path, "qwen2.5", same_weights=True)
    engine, events = engine_for(main, draft)
    sampling = {"temperature": 0.8, "repeat_penalty": 1.1, "top_k": 40, "top_p": 0.95, "min_p": 0.05,
                "max_tokens": 60}
    try:
        for seed in (1, 2, 3):
            plain, _ = answer(engine, events, main, TINY_PROMPTS[0], 10 + seed, draft_model=False,
                              **{**sampling, "seed": seed})
            drafted, _ = answer(engine, events, main, TINY_PROMPTS[0], 20 + seed, **{**sampling, "seed": seed})
            assert drafted == plain
    finally:
        engine.unload()


def test_a_draft_with_another_vocabulary_is_refused_with_a_message(tmp_path):
    main, _ = pair(tmp_path, "qwen2.5")
    other = write_tiny_model(tmp_path / "qwen2.5-0.5b-instruct-q4_k_m.gguf", "qwen2.5", quantized=True,
                             extra_tokens=("▁the",))
    engine, events = engine_for(main)
    plain, _ = answer(engine, events, main, TINY_PROMPTS[0], 1, max_tokens=40)
    llm = engine.llm
    events.clear()
    assert engine.ensure_loaded(str(main), replace(OPTIONS, draft_model=str(other)))
    assert engine.llm is llm and not [e for e in events if isinstance(e, p.ModelLoading)]  # the model stays
    assert engine.draft.model is None
    try:
        text, stats = answer(engine, events, main, TINY_PROMPTS[0], 2, max_tokens=40)
    finally:
        engine.unload()
    assert text == plain  # answered, plainly
    assert "draft_tokens" not in stats and "draft_model" not in stats
    assert "vocabularies differ" in stats["draft_problem"] and other.name in stats["draft_problem"]
    assert "\n" not in stats["draft_problem"]


def test_a_draft_that_cannot_be_loaded_leaves_plain_decoding(tmp_path):
    main, _ = pair(tmp_path, "llama-3.2")
    broken = tmp_path / "Llama-3.2-1B-Instruct-Q4_K_M.gguf"
    broken.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + b"\x00" * 7)  # a header cut short
    engine, events = engine_for(main, broken)
    loaded = [e for e in events if isinstance(e, p.ModelLoaded)][0]
    assert broken.name in loaded.info["draft_problem"] and "draft_model" not in loaded.info
    try:
        text, stats = answer(engine, events, main, TINY_PROMPTS[1], 1, max_tokens=40)
    finally:
        engine.unload()
    assert broken.name in stats["draft_problem"] and "draft_tokens" not in stats
    plain_engine, plain_events = engine_for(main)
    try:
        plain, plain_stats = answer(plain_engine, plain_events, main, TINY_PROMPTS[1], 1, max_tokens=40)
    finally:
        plain_engine.unload()
    assert (text, stats["completion_tokens"]) == (plain, plain_stats["completion_tokens"])  # the plain answer
    assert plain_stats["completion_tokens"] > 0


def test_changing_the_draft_model_keeps_the_chat_model_loaded(tmp_path):
    main, draft = pair(tmp_path, "gemma-2")
    engine, events = engine_for(main)
    llm = engine.llm
    try:
        events.clear()
        assert engine.ensure_loaded(str(main), replace(OPTIONS, draft_model=str(draft)))
        assert engine.llm is llm and engine.draft.model is not None
        assert engine.ensure_loaded(str(main), OPTIONS)  # off again: the draft is unloaded
        assert engine.llm is llm and engine.draft.model is None
        assert not [e for e in events if isinstance(e, (p.ModelLoading, p.ModelLoaded))]
    finally:
        engine.unload()
    assert engine.draft.model is None


def test_without_exact_batches_the_draft_model_is_not_used(tmp_path):
    """The same gate as prompt lookup: with two threads a batch's logits differ from one token's. The draft
    model is then not even loaded (it would only take memory), and the answer's stats say why."""
    main, draft = pair(tmp_path, "smollm2", same_weights=True)
    engine, events = engine_for(main, draft, replace(OPTIONS, n_threads=2, n_threads_batch=2))
    loaded = [e for e in events if isinstance(e, p.ModelLoaded)][0]
    try:
        assert engine.draft.model is None
        _, stats = answer(engine, events, main, TINY_PROMPTS[0], 1, max_tokens=40)
    finally:
        engine.unload()
    assert "draft_tokens" not in stats and "draft_model" not in stats and "draft_model" not in loaded.info
    assert draft.name in stats["draft_problem"] and "one thread" in stats["draft_problem"]
    assert "\n" not in stats["draft_problem"]


def test_an_answer_that_did_not_draft_does_not_name_the_draft_model(tmp_path):
    main, draft = pair(tmp_path, "qwen2.5", same_weights=True)
    engine, events = engine_for(main, draft)
    try:
        _, plain = answer(engine, events, main, TINY_PROMPTS[0], 1, draft_model=False, max_tokens=20)
        _, drafted = answer(engine, events, main, TINY_PROMPTS[0], 2, max_tokens=20)
    finally:
        engine.unload()
    assert "draft_model" not in plain and "draft_problem" not in plain
    assert drafted["draft_model"] == draft.name


def digest_of(path) -> str:
    import hashlib

    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_administrators_policy_refuses_a_draft_model_it_does_not_allow(tmp_path):
    main, draft = pair(tmp_path, "qwen2.5")
    options = replace(OPTIONS, allowed_models=(digest_of(main),), models_dir=str(tmp_path))
    engine, events = engine_for(main, draft, options)
    try:
        assert engine.draft.model is None
        _, stats = answer(engine, events, main, TINY_PROMPTS[0], 1, max_tokens=20)
    finally:
        engine.unload()
    assert "not among the models your administrator allows" in stats["draft_problem"]
    assert draft.name in stats["draft_problem"] and "draft_tokens" not in stats


def test_a_draft_model_allowed_by_its_hash_is_read_into_memory(tmp_path):
    main, draft = pair(tmp_path, "qwen2.5", same_weights=True)
    options = replace(OPTIONS, allowed_models=(digest_of(main), digest_of(draft)), models_dir=str(tmp_path))
    engine, events = engine_for(main, draft, options)
    try:
        assert engine.draft.model is not None and engine.draft.problem == ""
        import llama_cpp

        # What runs is what was hashed: read into memory, not mapped (the chat model is loaded the same way).
        assert engine.draft.model.llm.model_params.load_mode == llama_cpp.LLAMA_LOAD_MODE_NONE
        assert engine.llm.model_params.load_mode == llama_cpp.LLAMA_LOAD_MODE_NONE
        _, stats = answer(engine, events, main, TINY_PROMPTS[0], 1, max_tokens=20)
        assert stats["draft_model"] == draft.name
    finally:
        engine.unload()


def test_a_draft_model_that_changes_while_loading_is_refused(tmp_path, monkeypatch):
    from app.core import model_check

    main, draft = pair(tmp_path, "qwen2.5", same_weights=True)
    options = replace(OPTIONS, allowed_models=(digest_of(main), digest_of(draft)), models_dir=str(tmp_path))
    real = model_check.loaded_file_changed
    monkeypatch.setattr(model_check, "loaded_file_changed", lambda path, hashed: (
        f"{path.name} changed while it was being checked" if path.name == draft.name else real(path, hashed)))
    engine, _events = engine_for(main, draft, options)
    try:
        assert engine.draft.model is None and engine.llm is not None  # the chat model stays
        assert engine.draft.problem == f"{draft.name} changed while it was being checked"
    finally:
        engine.unload()


def test_stop_is_heeded_while_the_draft_model_reads_a_long_prompt(tmp_path):
    main, draft = pair(tmp_path, "llama-3.2")
    engine, _events = engine_for(main, draft)
    drafter = engine.draft.model
    reads = []
    try:
        real_eval = drafter.llm.eval
        drafter.llm.eval = lambda tokens: (reads.append(len(tokens)), real_eval(tokens))
        n_batch = drafter.llm.n_batch
        assert drafter.llm.n_ctx() > 2 * n_batch - 100
        drafter.start([3 + i % 250 for i in range(2 * n_batch - 100)])  # a prompt of two batches
        drafter.stopped = lambda: len(reads) >= 1  # Stop pressed while the first batch was read
        assert drafter.draft(100) == []
        assert reads == [drafter.llm.n_batch]  # one batch read, then it stopped
    finally:
        engine.unload()


def test_a_draft_model_that_fails_is_dropped_and_the_answer_goes_on(tmp_path):
    main, draft = pair(tmp_path, "smollm2")
    engine, events = engine_for(main)
    plain, _ = answer(engine, events, main, TINY_PROMPTS[0], 1, max_tokens=40)
    engine.unload()
    engine, events = engine_for(main, draft)
    drafter = engine.draft.model

    def broken(_tokens):
        raise RuntimeError("llama_decode returned -3")
    drafter.llm.eval = broken
    try:
        text, stats = answer(engine, events, main, TINY_PROMPTS[0], 2, max_tokens=40)
        assert text == plain  # answered, plainly
        assert engine.draft.model is None and "llama_decode returned -3" in stats["draft_problem"]
        assert "draft_model" not in stats
        # The same options do not load it again; the next answer is plain too.
        again, stats = answer(engine, events, main, TINY_PROMPTS[0], 3, max_tokens=40)
        assert again == plain and engine.draft.model is None and "draft_problem" in stats
    finally:
        engine.unload()


def test_smollm2_drafting_for_itself_gives_the_plain_answer(smollm2, tmp_path):
    """The real model: SmolLM2 135M as its own draft (a copy under the draft's name)."""
    draft = tmp_path / "SmolLM2-135M-Instruct-Q4_1-draft.gguf"
    draft.symlink_to(smollm2)
    engine, events = engine_for(smollm2, draft, replace(OPTIONS, n_ctx=2048))
    try:
        for rid, name in enumerate(("free", "typos"), start=1):
            plain, _ = answer(engine, events, smollm2, PROMPTS[name], rid * 2, draft_model=False, max_tokens=60)
            drafted, stats = answer(engine, events, smollm2, PROMPTS[name], rid * 2 + 1, max_tokens=60)
            assert drafted == plain and plain
            # Nearly all accepted; not all: where two tokens are within ~0.02, a context read in one batch (the
            # draft's catch-up) and one read token by token can rank them differently (speculative.py).
            assert stats["draft_tokens"] > 10 and stats["draft_acceptance"] > 0.8
    finally:
        engine.unload()


def test_the_gain_is_measured_with_and_without_the_draft_model(tmp_path):
    from app.engine import draft_gain

    main, draft = pair(tmp_path, "qwen2.5", same_weights=True)
    gain = draft_gain.measure(str(main), replace(OPTIONS, draft_model=str(draft)), runs=1, max_tokens=24)
    assert gain["draft"] == draft.name
    assert gain["plain_tok_s"] > 0 and gain["drafted_tok_s"] > 0
    assert gain["speedup"] == pytest.approx(gain["drafted_tok_s"] / gain["plain_tok_s"], abs=0.06)
    assert gain["acceptance"] is not None and gain["acceptance"] > 0.5


def test_measuring_a_draft_model_that_cannot_draft_says_why(tmp_path):
    """In a process of its own, as the Models window runs it: the refusal comes back as one line."""
    from app.core.errors import CoveError
    from app.engine import draft_gain

    main, _ = pair(tmp_path, "qwen2.5")
    other = write_tiny_model(tmp_path / "qwen2.5-0.5b-instruct-q8_0-other.gguf", "qwen2.5", quantized=True,
                             extra_tokens=("▁a",))
    with pytest.raises(CoveError) as caught:
        draft_gain.measure_in_child(str(main), replace(OPTIONS, draft_model=str(other)), timeout=120)
    assert "vocabularies differ" in str(caught.value) and "\n" not in str(caught.value)


def test_drafts_grow_while_accepted_and_shrink_and_pause_after_misses(tmp_path):
    from app.engine.prompt_lookup import FIRST_DRAFT, MAX_DRAFT

    main, draft = pair(tmp_path, "llama-3.2")
    engine, _events = engine_for(main, draft)
    drafter = engine.draft.model
    try:
        drafter.start(engine.tokenize(TINY_PROMPTS[0]))
        assert len(drafter.draft(100)) == FIRST_DRAFT
        drafter.record(FIRST_DRAFT, FIRST_DRAFT)
        assert drafter.length == 7 < MAX_DRAFT  # a draft model's drafts stop at 7 tokens (a batch of 8)
        drafter.record(7, 7)
        assert drafter.length == 7
        assert len(drafter.draft(100)) == drafter.length
        assert len(drafter.draft(3)) == 3  # never past the context's room
        drafter.record(drafter.length, 1)  # one accepted: the next draft is short
        assert drafter.length == FIRST_DRAFT
        drafter.record(FIRST_DRAFT, 0)  # none accepted: a pause before the next draft
        evaluated = drafter.llm.n_tokens
        assert drafter.draft(100) == [] and drafter.llm.n_tokens == evaluated  # waiting costs no pass
        stats = drafter.stats()
        assert (stats["draft_tokens"], stats["draft_accepted"]) == (3 + 7 + 7 + 3, 3 + 7 + 1 + 0)
    finally:
        engine.unload()


def test_a_draft_whose_vocabulary_has_more_padding_drafts_the_same_answer(tmp_path):
    """Qwen2.5 0.5B drafting for 7B: the same tokens, padded to other sizes. A padding entry the chat model
    lacks is never proposed to it."""
    main = write_tiny_model(tmp_path / "qwen2.5-7b-instruct-q8_0.gguf", "qwen2.5", quantized=True, n_embd=128,
                            n_layer=3, seed=1)
    draft = write_tiny_model(tmp_path / "qwen2.5-0.5b-instruct-q8_0.gguf", "qwen2.5", quantized=True, seed=1,
                             n_embd=128, n_layer=3, extra_tokens=tuple(f"[PAD{i}]" for i in range(262, 390)))
    engine, events = engine_for(main, draft)
    try:
        assert engine.draft.model is not None and engine.draft.problem == ""
        assert engine.draft.model.llm.n_vocab() == engine.llm.n_vocab() + 128
        for rid, messages in enumerate(TINY_PROMPTS[:2], start=1):
            plain, _ = answer(engine, events, main, messages, rid * 2, draft_model=False, max_tokens=60)
            drafted, stats = answer(engine, events, main, messages, rid * 2 + 1, max_tokens=60)
            assert drafted == plain and stats["draft_model"] == draft.name and stats["draft_tokens"] > 0
    finally:
        engine.unload()


def _die(*_args):
    import os

    os._exit(134)  # as an abort inside llama.cpp, or the kernel's OOM killer, ends a process


def test_a_measuring_process_that_dies_is_said_at_once_in_one_line(tmp_path, monkeypatch):
    import time

    from app.core.errors import CoveError
    from app.engine import draft_gain

    monkeypatch.setattr(draft_gain, "_child", _die)  # a spawned child imports it by name from this module
    main, draft = pair(tmp_path, "qwen2.5", same_weights=True)
    started = time.monotonic()
    with pytest.raises(CoveError) as caught:
        draft_gain.measure_in_child(str(main), replace(OPTIONS, draft_model=str(draft)), timeout=120)
    assert time.monotonic() - started < 60  # not the timeout
    assert "ended abruptly" in str(caught.value) and "\n" not in str(caught.value)
