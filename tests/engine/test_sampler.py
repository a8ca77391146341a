"""The cheaper sampler chain (app/engine/sampler.py) draws exactly what llama-cpp-python's draws."""

import itertools

import pytest

from app.engine import sampler

PROMPTS = ["Write a short poem about the sea, the sea, the sea.",
           "List ten fruits, one per line, and repeat the list twice."]
DEFAULT = {"top_k": 40, "top_p": 0.95, "min_p": 0.05, "temp": 0.7, "repeat_penalty": 1.1}


@pytest.fixture(scope="module")
def llm(smollm2):
    import llama_cpp
    from llama_cpp import Llama

    from app.engine import cpu_quirks

    cpu_quirks.apply(llama_cpp)
    model = Llama(str(smollm2), n_ctx=1024, n_threads=1, verbose=False, seed=1)
    yield model
    model.close()


def _answer(llm, prompt: str, cheap: bool, seed: int, tokens: int = 120, **sampling) -> list[int]:
    from llama_cpp import Llama

    if cheap:
        sampler.install(llm)
    else:
        llm._init_sampler = Llama._init_sampler.__get__(llm)
    llm.reset()
    llm.set_seed(seed)
    return list(itertools.islice(llm.generate(llm.tokenize(prompt.encode()), **sampling), tokens))


@pytest.mark.parametrize("prompt", PROMPTS)
def test_seeded_sampling_with_the_app_defaults_gives_the_same_answer(llm, prompt):
    for seed in (1, 7):
        plain = _answer(llm, prompt, False, seed, **DEFAULT)
        assert _answer(llm, prompt, True, seed, **DEFAULT) == plain
        assert len(plain) == 120


@pytest.mark.parametrize("prompt", PROMPTS)
def test_greedy_with_penalties_gives_the_same_answer(llm, prompt):
    greedy = {**DEFAULT, "temp": 0.0, "repeat_penalty": 1.3, "frequency_penalty": 0.2, "presence_penalty": 0.1}
    assert _answer(llm, prompt, True, 1, **greedy) == _answer(llm, prompt, False, 1, **greedy)


def test_the_chain_starts_with_a_top_k_wide_enough_for_the_penalties(llm):
    import llama_cpp

    sampler.install(llm)
    chain = llm._init_sampler(**DEFAULT)
    names = [llama_cpp.llama_sampler_name(llama_cpp.llama_sampler_chain_get(chain.sampler, i)).decode()
             for i in range(llama_cpp.llama_sampler_chain_n(chain.sampler))]
    assert names[:3] == ["top-k", "penalties", "top-k"]
    assert sampler.prefilter_size(llm, **DEFAULT) == 40 + llm.last_n_tokens_size


@pytest.mark.parametrize("sampling", [
    {"repeat_penalty": 1.0},                        # no penalties: llama.cpp skips them, top-k is already first
    {"repeat_penalty": 0.9},                        # a penalty that raises logits
    {"repeat_penalty": 1.1, "presence_penalty": -0.5},
    {"repeat_penalty": 1.1, "mirostat_mode": 2},    # mirostat reads the whole vocabulary
    {"repeat_penalty": 1.1, "top_k": 0},            # no top-k: every token stays a candidate
    {"repeat_penalty": 1.1, "temp": -1.0},          # a plain draw from the whole vocabulary
    {"repeat_penalty": 1.1, "grammar": object()},
])
def test_no_filter_in_front_where_it_could_change_the_draw(llm, sampling):
    assert sampler.prefilter_size(llm, **{**DEFAULT, **sampling}) == 0


def test_only_a_chain_that_takes_the_best_token_is_drawn_by_numpy(llm):
    sampler.install(llm)
    kinds = {name: sampler.drawer(llm, **sampling).__qualname__.split(".")[0] for name, sampling in {
        "greedy": {**DEFAULT, "temp": 0.0, "repeat_penalty": 1.0},
        "defaults": DEFAULT,
        "greedy, penalties": {**DEFAULT, "temp": 0.0},
        "greedy, presence": {**DEFAULT, "temp": 0.0, "repeat_penalty": 1.0, "presence_penalty": 0.5},
        "greedy, grammar": {**DEFAULT, "temp": 0.0, "repeat_penalty": 1.0, "grammar": object()},
        "greedy, frequency": {**DEFAULT, "temp": 0.0, "repeat_penalty": 1.0, "frequency_penalty": 0.2},
        "greedy, processor": {**DEFAULT, "temp": 0.0, "repeat_penalty": 1.0, "logits_processor": [abs]},
        "no penalties": {**DEFAULT, "repeat_penalty": 1.0},
        "plain draw": {**DEFAULT, "temp": -1.0, "repeat_penalty": 1.0},
    }.items()}
    assert kinds == {"greedy": "_argmax_draw", "defaults": "drawer", "greedy, penalties": "drawer",
                     "greedy, presence": "drawer", "greedy, grammar": "drawer", "greedy, frequency": "drawer",
                     "greedy, processor": "drawer", "no penalties": "drawer",
                     "plain draw": "drawer"}


def test_greedy_by_numpy_takes_the_first_of_equal_best_logits_as_llama_cpp_does(llm, monkeypatch):
    import ctypes

    import llama_cpp
    import numpy

    n = llm.n_vocab()
    rng = numpy.random.default_rng(5)
    ties = ([20000, 10, 40000], [49000, 3], [8, 7], [n - 1])
    rows = []
    for best in ties:
        row = rng.standard_normal(n).astype(numpy.float32)
        row[best] = row.max() + 1.0
        rows.append(row)
    monkeypatch.setattr(llama_cpp, "llama_get_logits_ith", lambda _ctx, idx: ctypes.cast(
        rows[idx].ctypes.data, ctypes.POINTER(ctypes.c_float)))
    draw = sampler.drawer(llm, temp=0.0, repeat_penalty=1.0)
    greedy = llama_cpp.llama_sampler_init_greedy()
    try:
        for i, row in enumerate(rows):
            candidates = numpy.zeros(n, dtype=numpy.dtype([("id", "<i4"), ("logit", "<f4"), ("p", "<f4")]))
            candidates["id"], candidates["logit"] = numpy.arange(n), row
            array = llama_cpp.llama_token_data_array(
                data=ctypes.cast(candidates.ctypes.data, ctypes.POINTER(llama_cpp.llama_token_data)), size=n,
                selected=-1, sorted=False)
            llama_cpp.llama_sampler_apply(greedy, ctypes.byref(array))  # llama.cpp's greedy over the same logits
            assert draw(i) == int(candidates["id"][array.selected]) == min(ties[i])
    finally:
        llama_cpp.llama_sampler_free(greedy)
