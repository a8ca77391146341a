"""The sampler chain, in the cheapest order that draws from the same distribution.

llama-cpp-python's generate() builds llama.cpp's usual chain: repetition penalties, then
top-k, typical, top-p, min-p, temperature, and the draw. The penalties step runs over the
whole vocabulary (a hash lookup for each of SmolLM2's 49k tokens, Qwen2.5's 152k) before
top-k has cut it down, and with the app's default repeat penalty (1.1) that is most of
the sampler's time per token.

Top-k first would be cheaper but is not the same: a penalty lowers a token's logit, so
the 40 best before the penalties are not the 40 best after. Taking the best k + n first,
where n is the number of tokens the penalties can touch (at most the penalty window,
llama-cpp-python's last_n_tokens_size), keeps every token that can end up in the top k:
a token ranked below k + n has k unpenalized tokens above it, whose logits the penalties
leave as they are. So the chain here starts with top-(k + n), then runs llama-cpp-python's
own chain unchanged: the candidates that reach top-k, their logits, their order and the
random number drawn are the ones the full chain gives (tests/engine/test_sampler.py
compares the answers token for token, greedy and seeded).
"""

from __future__ import annotations


def install(llm) -> None:
    """Make llm.generate() (and what reads llm._sampler, speculative.py) build the cheaper chain."""
    build = type(llm)._init_sampler  # llama-cpp-python's own chain, which runs after the pre-filter

    def init_sampler(*args, **kwargs):
        sampler = build(llm, *args, **kwargs)
        keep = prefilter_size(llm, *args, **kwargs)
        if keep:
            _prepend_top_k(sampler, keep)
        return sampler

    llm._init_sampler = init_sampler


def prefilter_size(llm, top_k: int = 40, top_p: float = 0.95, min_p: float = 0.05, typical_p: float = 1.0,
                   temp: float = 0.80, repeat_penalty: float = 1.0, frequency_penalty: float = 0.0,
                   presence_penalty: float = 0.0, tfs_z: float = 1.0, mirostat_mode: int = 0,
                   mirostat_eta: float = 0.1, mirostat_tau: float = 5.0, penalize_nl: bool = True,
                   logits_processor=None, grammar=None) -> int:
    """How many candidates a top-k in front may keep without changing the result; 0 for none in front.

    Only where the penalties do work (else llama.cpp skips them and the chain already starts with
    top-k), and only for chains that end in top-k (plain sampling) or in the single best (greedy):
    a grammar, logits processors or mirostat look at the whole vocabulary."""
    penalized = repeat_penalty != 1.0 or frequency_penalty != 0.0 or presence_penalty != 0.0
    window = int(getattr(llm, "last_n_tokens_size", 0) or 0)
    if not penalized or window <= 0 or logits_processor is not None or grammar is not None:
        return 0
    if frequency_penalty < 0.0 or presence_penalty < 0.0 or repeat_penalty < 1.0:
        return 0  # a negative penalty raises logits: a token from far below could climb into the top k
    if temp == 0.0:
        best = 1  # greedy: the single best after the penalties
    elif temp > 0.0 and mirostat_mode == 0 and top_k > 0:
        best = top_k
    else:
        return 0
    return best + window


def _prepend_top_k(sampler, keep: int) -> None:
    """Put a top-k of `keep` at the front of llama-cpp-python's chain (its penalties come first)."""
    import llama_cpp

    chain = sampler.sampler
    # llama.cpp's chain API only appends: take the samplers out (ownership passes to us), put the
    # top-k in, then put them back in order. The chain was just built, so no state is lost.
    count = llama_cpp.llama_sampler_chain_n(chain)
    removed = [llama_cpp.llama_sampler_chain_remove(chain, 0) for _ in range(count)]
    llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_top_k(keep))
    for stage in removed:
        llama_cpp.llama_sampler_chain_add(chain, stage)


def drawer(llm, **sampling):
    """draw(idx): the token the chain llm._sampler draws from the logits at idx, made cheaper where it can be.

    Through llama_sampler_sample every token starts with a copy of the whole vocabulary's
    logits into a candidate array (49k entries of 12 bytes for SmolLM2, 152k for Qwen2.5).
    Where the chain only takes the best token, numpy's argmax over the logits does it
    (llama.cpp's greedy sampler also takes the first highest logit): 1.5-2% of a token's
    time for SmolLM2-135M here, more than the copy takes alone (42 us of 11 ms), as the copy
    also pushes the model's data out of the CPU's caches. Running a sampling chain on the
    top-k candidates alone, found with numpy, measured slower than the full way: numpy's
    partition of the logits costs what llama.cpp's copy and sort do.
    """
    greedy = sampling.get("temp", 0.80) == 0.0 and sampling.get("repeat_penalty", 1.0) == 1.0 \
        and sampling.get("frequency_penalty", 0.0) == 0.0 and sampling.get("presence_penalty", 0.0) == 0.0 \
        and sampling.get("logits_processor") is None and sampling.get("grammar") is None
    if greedy:
        return _argmax_draw(llm)
    return lambda idx: llm._sampler.sample(llm._ctx, idx)  # llm._sampler: set up by llm.generate()


def _argmax_draw(llm):
    import ctypes

    import llama_cpp
    import numpy

    ctx, row = llm._ctx.ctx, ctypes.c_float * llm.n_vocab()

    def draw(idx: int) -> int:
        logits = llama_cpp.llama_get_logits_ith(ctx, idx)
        if not logits:  # no logits at idx (llama.cpp's own sampler would abort the process): the worker says so
            raise RuntimeError(f"llama_get_logits_ith({idx}) returned NULL")
        return int(numpy.frombuffer(row.from_address(ctypes.addressof(logits.contents)), dtype=numpy.float32)
                   .argmax())

    return draw
