"""Prompt-lookup decoding in the engine: the same answer as plain decoding, token for token, only sooner."""

from ctypes import c_longlong

import pytest

from app.engine import protocol as p
from app.engine.worker import Engine
from tests.engine.test_prompt import FAMILIES
from tests.support.tiny_models import write_tiny_model

# Drafts are checked only where a batch computes each position exactly as one token would (speculative.py):
# flash attention with one generation thread, or with a quantized KV cache and any number of threads.
OPTIONS = p.LoadOptions(n_ctx=2048, flash_attn="on", n_threads=1, n_threads_batch=1)
CONFIGS = {"one thread": OPTIONS,
           "q8_0 cache, two threads": p.LoadOptions(n_ctx=2048, kv_type="q8_0", n_threads=2, n_threads_batch=2)}
GREEDY = {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 42}

NOTE = ("Meeting notes, 3 May. Attendees: Ana, Ben, Chloe. The release moves to Friday because the "
        "migration of old acounts needs more testing. Ben will fix the upload error mesage. Chloe will "
        "check the colours for contrast before the release. Next meeting on Tuesday at ten.")
PROMPTS = {
    "typos": [{"role": "user", "content": "Correct the typos in this note. Reply with the corrected note only.\n\n"
               + NOTE}],
    "repeat": [{"role": "user", "content": "Repeat this text exactly:\n\n" + NOTE}],
    "list": [{"role": "user", "content": "Continue this list up to 12.\n1. apples\n2. pears\n3. plums\n4. figs\n5."}],
    "free": [{"role": "user", "content": "Write a short poem about the sea."}],
    # Over 512 tokens with its answer: where one token's attention is split between threads with an F16 cache.
    "long": [{"role": "user", "content": "Correct the typos in these notes. Reply with the corrected notes only."
              "\n\n" + "\n\n".join(f"Week {week}. {NOTE}" for week in range(1, 8))}],
}


def load(model_path, options=OPTIONS):
    events = []
    engine = Engine(events.append, c_longlong(0))
    assert engine.ensure_loaded(str(model_path), options), events
    return engine, events


def answer(engine, events, model, messages, rid, **sampling):
    """Text and stats of one answer, as the engine sends them."""
    events.clear()
    engine.generate(p.Generate(rid, str(model), engine.options, messages, {**GREEDY, **sampling}))
    [done] = [e for e in events if isinstance(e, (p.Finished, p.Failed))]
    assert isinstance(done, p.Finished), done
    return "".join(e.text for e in events if isinstance(e, p.Token)), done.stats


def kv_cells_end(engine) -> int:
    """One past the last position the KV cache holds."""
    import llama_cpp

    memory = llama_cpp.llama_get_memory(engine.llm._ctx.ctx)
    return llama_cpp.llama_memory_seq_pos_max(memory, 0) + 1


@pytest.fixture(scope="module", params=sorted(CONFIGS))
def smol(request, smollm2):
    engine, events = load(smollm2, CONFIGS[request.param])
    yield engine, events, smollm2
    engine.unload()


@pytest.mark.parametrize("name", sorted(PROMPTS))
def test_greedy_output_is_identical_with_smollm2(smol, name):
    engine, events, model = smol
    engine.llm.reset()  # each side processes the whole prompt
    plain, plain_stats = answer(engine, events, model, PROMPTS[name], 1, prompt_lookup=False, max_tokens=160)
    engine.llm.reset()
    drafted, stats = answer(engine, events, model, PROMPTS[name], 2, max_tokens=160)
    assert drafted == plain and plain
    assert stats["completion_tokens"] == plain_stats["completion_tokens"]
    assert "draft_tokens" not in plain_stats
    if name in ("typos", "repeat", "long"):  # copying the prompt: drafts were checked, and mostly accepted
        assert stats["draft_tokens"] > 20
        assert stats["draft_acceptance"] > 0.5
        assert stats["draft_accepted"] == round(stats["draft_acceptance"] * stats["draft_tokens"])


def test_sampling_with_a_fixed_seed_gives_the_same_answer(smol):
    """The acceptance rule draws one random number per token, as plain decoding does: same seed, same text."""
    engine, events, model = smol
    sampling = {"temperature": 0.7, "repeat_penalty": 1.1, "top_k": 40, "top_p": 0.95, "min_p": 0.05,
                "max_tokens": 120}
    for seed in (1, 2, 3):
        engine.llm.reset()  # both from the same state: a cached prompt's last token is evaluated again
        plain, _ = answer(engine, events, model, PROMPTS["repeat"], 10 + seed, prompt_lookup=False,
                          **{**sampling, "seed": seed})
        engine.llm.reset()
        drafted, stats = answer(engine, events, model, PROMPTS["repeat"], 20 + seed, **{**sampling, "seed": seed})
        assert drafted == plain and plain
        assert stats["draft_tokens"] > 0


def test_an_answer_cut_short_leaves_the_context_as_plain_decoding_would(smol):
    engine, events, model = smol
    engine.llm.reset()
    drafts = 0
    for max_tokens in (7, 23, 41):  # ends inside a batch of drafts, in all likelihood
        _, stats = answer(engine, events, model, PROMPTS["repeat"], 30 + max_tokens, max_tokens=max_tokens)
        assert stats["completion_tokens"] == max_tokens
        drafts += stats.get("draft_tokens", 0)
        # The prompt and every token but the last are evaluated; no draft past them stays in the cache.
        assert engine.llm.n_tokens == stats["prompt_tokens"] + max_tokens - 1
        assert kv_cells_end(engine) == engine.llm.n_tokens
        assert engine.llm._requires_eval or engine.llm.n_tokens == stats["prompt_tokens"] + max_tokens - 1
    assert drafts > 0
    # And the next turn, reusing that context, answers as a fresh engine does.
    follow = PROMPTS["repeat"] + [{"role": "assistant", "content": "Meeting notes"},
                                  {"role": "user", "content": "Again, please."}]
    reused, _ = answer(engine, events, model, follow, 90, max_tokens=60)
    engine.llm.reset()
    fresh, _ = answer(engine, events, model, follow, 91, max_tokens=60, prompt_lookup=False)
    assert reused == fresh and fresh


# A tiny model's vocabulary is bytes: one token per character. Random weights have near ties everywhere,
# so any difference between a batch and one token at a time would show in these answers.
TINY_PROMPTS = [[{"role": "user", "content": "Repeat: the cat sat on the mat, the cat sat."}],
                [{"role": "user", "content": "Fix: teh dog ran, teh dog ran."}],
                [{"role": "user", "content": "Hi"}]]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_greedy_output_is_identical_with_each_familys_tiny_model(tmp_path, family):
    model = write_tiny_model(tmp_path / f"{family}.gguf", family, quantized=True)
    engine, events = load(model, p.LoadOptions(n_ctx=1024, flash_attn="on", n_threads=1, n_threads_batch=1))
    checked = 0
    try:
        for rid, messages in enumerate(TINY_PROMPTS, start=1):
            engine.llm.reset()
            plain, _ = answer(engine, events, model, messages, rid * 2, prompt_lookup=False, max_tokens=100)
            engine.llm.reset()
            drafted, stats = answer(engine, events, model, messages, rid * 2 + 1, max_tokens=100)
            assert drafted == plain
            checked += stats.get("draft_tokens", 0)
    finally:
        engine.unload()
    assert checked > 0  # random weights repeat themselves: drafts were checked, not just skipped


@pytest.mark.parametrize("quantized, flash, threads", [(True, "off", 1), (False, "on", 1), (True, "on", 2)])
def test_where_batches_are_not_exact_no_drafts_are_checked(tmp_path, quantized, flash, threads):
    """Without flash attention, with float matrices, or with more than one thread, a batch's logits differ
    from one token's (speculative.py): plain decoding, said by no draft stats."""
    model = write_tiny_model(tmp_path / "qwen.gguf", "qwen2.5", quantized=quantized)
    engine, events = load(model, p.LoadOptions(n_ctx=1024, flash_attn=flash, n_threads=threads,
                                               n_threads_batch=threads))
    try:
        _, stats = answer(engine, events, model, PROMPTS["repeat"], 1, max_tokens=60)
        _, again = answer(engine, events, model, PROMPTS["repeat"], 2, max_tokens=60, prompt_lookup=True)
    finally:
        engine.unload()
    assert stats["completion_tokens"] > 0 and again["completion_tokens"] > 0
    assert "draft_tokens" not in stats and "draft_acceptance" not in again


def test_flash_attention_is_off_on_the_cpu_unless_turned_on():
    """Automatic stays off on the CPU until long contexts are measured (backend.py); the user may turn it on."""
    from app.engine import backend
    from tests.engine.test_threads import _info

    assert backend.choose(_info(), p.LoadOptions(n_gpu_layers=0)).flash_attn is False
    assert backend.choose(_info(), p.LoadOptions(n_gpu_layers=0, flash_attn="off")).flash_attn is False
    assert backend.choose(_info(), p.LoadOptions(n_gpu_layers=0, flash_attn="on")).flash_attn is True


def batch_vs_one_at_a_time(llm, context_tokens: int = 700, batch: int = 17) -> float:
    """Largest difference between the logits of `batch` tokens decoded one at a time and in one batch."""
    import llama_cpp
    import numpy as np

    def logits(i):
        return np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm._ctx.ctx, i), shape=(llm.n_vocab(),)).copy()

    text = " ".join(f"Item {i}: the quick brown fox jumps over the lazy dog." for i in range(200))
    prompt = llm.tokenize(text.encode())[:context_tokens]
    extra = llm.tokenize(b" Once upon a time a dragon liked tea, biscuits and long walks by the sea, and every "
                         b"evening it read the notes of the day.", add_bos=False)[:batch]
    assert len(extra) == batch  # the largest batch prompt lookup checks: a token and 16 drafts
    llm.reset()
    llm.eval(prompt)
    alone = []
    for token in extra:
        llm.eval([token])
        alone.append(logits(-1))
    llm._ctx.kv_cache_seq_rm(-1, len(prompt), -1)
    llm._batch.set_batch(batch=extra, n_past=len(prompt), logits_all=True)
    llm._ctx.decode(llm._batch)
    together = [logits(i) for i in range(len(extra))]
    llm.reset()
    llm._ctx.kv_cache_clear()
    return max(float(np.abs(a - b).max()) for a, b in zip(alone, together))


# Past 512 cells of context (n_kv is padded to 256s), where llama.cpp splits one token's attention between
# threads with an F16 cache. What the gate lets through must be bit-identical there; what it keeps out is not.
@pytest.mark.parametrize("kv_type, flash, threads, exact", [
    ("q8_0", "on", (2, 2), True), ("q4_0", "on", (3, 3), True), ("f16", "on", (1, 1), True),
    ("f16", "on", (1, 2), True), ("f16", "on", (2, 2), False), ("f16", "off", (2, 2), False)])
def test_the_gate_lets_through_exactly_the_settings_whose_batches_are_bit_identical(smollm2, kv_type, flash,
                                                                                  threads, exact):
    from app.engine import speculative

    generating, reading = threads
    engine, _ = load(smollm2, p.LoadOptions(n_ctx=1024, kv_type=kv_type, flash_attn=flash, n_threads=generating,
                                            n_threads_batch=reading))
    try:
        assert speculative.exact_batches(engine.llm) is exact
        difference = batch_vs_one_at_a_time(engine.llm)
    finally:
        engine.unload()
    if exact:
        assert difference == 0.0
    else:
        assert difference > 0.0  # the reason these settings are kept out: if this fails, llama.cpp changed


def test_an_answer_without_drafts_after_one_with_them_reports_none(smollm2):
    """Settings changed to ones whose batches are not exact: the next answer's stats must not repeat the last
    answer's acceptance (its stats line would say "drafts accepted 96%" for drafts never checked)."""
    engine, events = load(smollm2, CONFIGS["q8_0 cache, two threads"])
    try:
        _, drafted = answer(engine, events, smollm2, PROMPTS["repeat"], 1, max_tokens=60)
        assert drafted["draft_tokens"] > 0
        plain_options = p.LoadOptions(n_ctx=2048, kv_type="f16", flash_attn="off", n_threads=2, n_threads_batch=2)
        assert engine.ensure_loaded(str(smollm2), plain_options), events
        _, plain = answer(engine, events, smollm2, PROMPTS["repeat"], 2, max_tokens=60)
    finally:
        engine.unload()
    assert plain["completion_tokens"] > 0
    assert "draft_tokens" not in plain and "draft_acceptance" not in plain
