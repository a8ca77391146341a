"""The engine's own loop over the answer's tokens (speculative.generate: a one-token batch filled in place,
greedy choices by numpy: sampler.drawer) gives exactly the tokens llama-cpp-python's generate() gives."""

from ctypes import c_longlong

import pytest

from app.engine import protocol as p
from app.engine import speculative
from app.engine.worker import Engine
from tests.engine.test_prompt import FAMILIES
from tests.engine.test_speculative import PROMPTS, TINY_PROMPTS
from tests.support.tiny_models import write_tiny_model

GREEDY = {"temp": 0.0, "repeat_penalty": 1.0}
SAMPLED = {"temp": 0.7, "repeat_penalty": 1.1, "top_k": 40, "top_p": 0.95, "min_p": 0.05}  # the app's defaults
CHAINS = {"the app's defaults": SAMPLED, "no penalty": {**SAMPLED, "repeat_penalty": 1.0},
          "greedy with a penalty": {**SAMPLED, "temp": 0.0}}


def first(tokens, n: int) -> list[int]:
    out = []
    for token in tokens:
        out.append(token)
        if len(out) == n:
            break
    tokens.close()
    return out


def both(llm, prompt, n, seed=None, full_draws=None, **sampling):
    """(llama-cpp-python's tokens, the engine loop's tokens), each from an empty context. `full_draws`, a
    list: how many of the engine loop's tokens went the full way through llama_sampler_sample."""
    from llama_cpp import llama_cpp  # the bindings llama-cpp-python's sampler calls through

    runs = []
    for ours, make in ((False, lambda: llm.generate(prompt, **sampling)),
                       (True, lambda: speculative.generate(llm, prompt, None, lambda: False, **sampling))):
        llm.reset()
        if seed is not None:
            llm.set_seed(seed)
        real, calls = llama_cpp.llama_sampler_sample, []
        llama_cpp.llama_sampler_sample = lambda *args, real=real, calls=calls: (calls.append(1), real(*args))[1]
        try:
            runs.append(first(make(), n))
        finally:
            llama_cpp.llama_sampler_sample = real
        if ours and full_draws is not None:
            full_draws.append(len(calls))
    return runs


@pytest.fixture(scope="module")
def engine(smollm2):
    """SmolLM2 with the CPU defaults: flash attention off, F16 cache, two threads (no drafts are checked)."""
    engine = Engine(lambda _event: None, c_longlong(0))
    assert engine.ensure_loaded(str(smollm2), p.LoadOptions(n_ctx=2048, n_threads=2, n_threads_batch=2))
    assert not speculative.exact_batches(engine.llm)
    yield engine
    engine.unload()


@pytest.mark.parametrize("name", sorted(PROMPTS))
def test_greedy_tokens_are_llama_cpp_pythons_with_smollm2(engine, name):
    full = []
    ours, theirs = both(engine.llm, engine.tokenize(PROMPTS[name]), 150, full_draws=full, **GREEDY)
    assert ours == theirs and len(ours) > 20
    assert full == [1]  # the first token (llama-cpp-python's generate()); numpy chose every other


@pytest.mark.parametrize("sampling", sorted(CHAINS))
def test_sampled_tokens_are_llama_cpp_pythons_with_the_same_seed(engine, sampling):
    prompt = engine.tokenize(PROMPTS["free"])
    answers, full = [], []
    for seed in (1, 2, 3):
        ours, theirs = both(engine.llm, prompt, 80, seed=seed, full_draws=full, **CHAINS[sampling])
        assert ours == theirs and len(ours) > 20
        answers.append(ours)
    if CHAINS[sampling]["temp"] > 0:
        assert len({tuple(a) for a in answers}) > 1  # the seeds did make different answers
    assert full == [80, 80, 80]  # llama-cpp-python's chain drew every token


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_greedy_tokens_are_llama_cpp_pythons_with_each_familys_tiny_model(tmp_path, family):
    """Random weights have near ties everywhere: a choice made otherwise than llama.cpp's would show."""
    model = write_tiny_model(tmp_path / f"{family}.gguf", family, quantized=True)
    engine = Engine(lambda _event: None, c_longlong(0))
    assert engine.ensure_loaded(str(model), p.LoadOptions(n_ctx=1024, n_threads=2, n_threads_batch=2))
    try:
        for messages in TINY_PROMPTS:
            ours, theirs = both(engine.llm, engine.tokenize(messages), 100, **GREEDY)
            assert ours == theirs and len(ours) == 100
    finally:
        engine.unload()


def test_a_token_past_the_context_fails_as_llama_cpp_python_says_it(tmp_path):
    model = write_tiny_model(tmp_path / "qwen.gguf", "qwen2.5", quantized=True)
    engine = Engine(lambda _event: None, c_longlong(0))
    assert engine.ensure_loaded(str(model), p.LoadOptions(n_ctx=256, n_threads=1, n_threads_batch=1))
    try:
        llm = engine.llm
        llm.reset()
        one = speculative.OneToken(llm)
        llm.eval([10 + i % 200 for i in range(llm.n_ctx())])  # the context is full
        with pytest.raises(RuntimeError, match="llama_decode returned"):
            one.decode(11)
        assert llm.n_tokens == llm.n_ctx()
        one.free()
        one.free()  # twice is harmless
    finally:
        engine.unload()
