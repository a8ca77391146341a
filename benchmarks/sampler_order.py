"""Sampler cost per token: llama-cpp-python's chain versus Cove's (app/engine/sampler.py).

Samples many times from the same real logits (the model's next-token logits after a
prompt), with the app's default sampling (temperature 0.7, repeat penalty 1.1) and
greedy with the same penalty; the penalties' window is filled with the prompt's tokens
first, as in a long answer. Prints one JSON object with microseconds per token.

    python benchmarks/sampler_order.py --model PATH [--samples 3000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from common import load_average, machine

DEFAULT_SAMPLING = {"top_k": 40, "top_p": 0.95, "min_p": 0.05, "temp": 0.7, "repeat_penalty": 1.1}
PROMPT = "Write a very long story about a dragon who learns to read, with many characters and places. " * 4


def per_token_us(llm, sampling: dict, samples: int, cheap: bool) -> float:
    from llama_cpp import Llama

    from app.engine import sampler as cove_sampler

    if cheap:
        cove_sampler.install(llm)
    else:
        llm._init_sampler = Llama._init_sampler.__get__(llm)
    chain = llm._init_sampler(**sampling)
    for token in llm.input_ids[: llm.n_tokens][-llm.last_n_tokens_size:]:
        chain.accept(int(token))  # a full penalty window, as in the middle of an answer
    started = time.perf_counter()
    for _ in range(samples):
        chain.sample(llm._ctx, -1)
    return (time.perf_counter() - started) / samples * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--samples", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import llama_cpp
    from llama_cpp import Llama

    from app.engine import cpu_quirks

    cpu_quirks.apply(llama_cpp)
    llm = Llama(args.model, n_ctx=1024, n_threads=1, verbose=False)
    llm.eval(llm.tokenize(PROMPT.encode()))
    results = {}
    for name, sampling in (("default_sampling", DEFAULT_SAMPLING), ("greedy_penalty", {**DEFAULT_SAMPLING, "temp": 0.0}),
                           ("no_penalty", {**DEFAULT_SAMPLING, "repeat_penalty": 1.0})):
        before, after = [], []
        for i in range(args.runs):  # interleaved
            for cheap in ((False, True) if i % 2 == 0 else (True, False)):
                (after if cheap else before).append(per_token_us(llm, sampling, args.samples, cheap))
        results[name] = {"before_us": round(statistics.median(before), 1), "after_us": round(statistics.median(after), 1)}
    print(json.dumps({"benchmark": "sampler_order", "model": args.model, "n_vocab": llm.n_vocab(),
                      "samples": args.samples, "runs": args.runs, **results, "load_average": load_average(),
                      "machine": machine()}))


if __name__ == "__main__":
    main()
