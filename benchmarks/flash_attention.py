"""Flash attention on versus off: time to first token and generation speed at several context lengths.

Issue 17 asks for "automatic" to be chosen from a measurement: llama-bench read short prompts
~1.2x faster with flash attention on this CPU build, while an earlier ad-hoc run found long
contexts slower with it. This measures both sides the way Cove's engine loads a model (the
options app.engine.backend.choose() gives for CPU-only, with cpu_quirks applied), through
llama-cpp-python in this process: one model loaded with flash attention on and one with it
off, a prompt that fills the context less the generated tokens, then GENERATED tokens
decoded one at a time (greedy, end of text banned so that every run decodes as many).

For each context length the two run as interleaved pairs (on/off, then off/on, ...), each
from an empty KV cache; results are medians, and ratios are medians of the pairs' ratios
(a shared machine's speed drifts over a run). The load average and the CPU time other
processes used (cores, from /proc/stat) are recorded with every pair.

Contexts past the model's training length (n_ctx_train in the GGUF; SmolLM2-135M: 8192) use
llama.cpp's linear RoPE scaling (rope_freq_scale = n_ctx_train / n_ctx), which llama.cpp
allows: the text would be worse, the arithmetic per token is the same, which is what is
timed here. If a context cannot be loaded, the JSON says so under "unreachable" with the reason.

Prints one JSON object: {"contexts": {"512": {"ttft_s": {"on", "off"}, "prompt_speedup_flash",
"gen_tok_s": {"on", "off"}, "gen_speedup_flash", ...}, ...}, "load_average", "machine", ...}
(a speedup above 1 means flash attention is faster).

    python benchmarks/flash_attention.py --model PATH [--contexts 512,4096,16384] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import statistics
import sys
import time

from common import OtherCpu, load_average, machine, p

GENERATED = 64
TOPICS = ["budget", "hiring", "office move", "security audit", "customer survey", "roadmap", "training",
          "vendor contract", "holiday rota", "backup policy", "printer", "parking", "onboarding"]


def filler(n: int) -> str:
    """Varied note-like text, about 20 tokens a sentence (prompt contents do not change the arithmetic)."""
    return " ".join(f"Note {i}: the {TOPICS[i % len(TOPICS)]} meeting moved to room {i * 7 % 97}, "
                    f"ask {['Ana', 'Ben', 'Chen', 'Dara'][i % 4]} about item {i * 13 % 101}."
                    for i in range(n))


def prompt_tokens(llm, count: int) -> list[int]:
    sentences = max(8, count // 12)
    while True:
        tokens = llm.tokenize(filler(sentences).encode(), add_bos=True, special=False)
        if len(tokens) >= count:
            return tokens[:count]
        sentences *= 2


def one_run(llm, prompt: list[int], generated: int) -> tuple[float, float]:
    """(time to first token, generation tokens/s) from an empty cache."""
    import numpy as np

    eos = llm.token_eos()

    def no_end(_ids, scores):
        scores[eos] = -np.inf
        return scores

    llm.reset()  # the next eval removes every cached position from 0 on
    started = time.perf_counter()
    first = last = None
    n = 0
    for _token in llm.generate(prompt, temp=0.0, top_k=40, top_p=0.95, min_p=0.05, repeat_penalty=1.0,
                               logits_processor=[no_end]):
        last = time.perf_counter()
        if first is None:
            first = last
        n += 1
        if n >= generated:
            break
    return first - started, (n - 1) / (last - first)


def load(model: str, kwargs: dict, flash: bool):
    from llama_cpp import Llama

    return Llama(model, verbose=False, **{**kwargs, "flash_attn": flash})


def measure(model: str, base: p.LoadOptions, info, n_ctx: int, runs: int, generated: int,
            deadline: float = float("inf")) -> dict:
    from app.engine import backend

    settings = dataclasses.replace(backend.choose(info, base), n_ctx=n_ctx)
    kwargs = settings.llama_kwargs()
    train = info.context_length or n_ctx
    scaling = None
    if n_ctx > train:
        import llama_cpp

        kwargs.update(rope_scaling_type=llama_cpp.LLAMA_ROPE_SCALING_TYPE_LINEAR, rope_freq_scale=train / n_ctx)
        scaling = {"type": "linear", "factor": round(n_ctx / train, 3)}
    llms = {"on": load(model, kwargs, True), "off": load(model, kwargs, False)}
    try:
        prompt = prompt_tokens(llms["on"], n_ctx - generated)
        for llm in llms.values():  # warm-up: page the weights in, size the buffers
            one_run(llm, prompt[:64], 4)
        pairs = []
        for i in range(runs):
            if pairs and time.monotonic() > deadline:
                break  # out of time: the pairs so far are the result (runs_done says how many)
            ttft, tok_s, others = {}, {}, {}
            loads = load_average()
            for side in (("on", "off") if i % 2 == 0 else ("off", "on")):
                time.sleep(0.5)  # the other side's threads have stopped spinning
                with OtherCpu() as other:
                    ttft[side], tok_s[side] = one_run(llms[side], prompt, generated)
                others[side] = round(other.cores, 3)
            pairs.append({"ttft_s": {k: round(v, 4) for k, v in ttft.items()},
                          "gen_tok_s": {k: round(v, 2) for k, v in tok_s.items()},
                          "other_cores": others, "load_average": loads})
            print(f"{n_ctx}: pair {i + 1}/{runs} {json.dumps(pairs[-1])}", file=sys.stderr, flush=True)
    finally:
        del llms
        gc.collect()

    def median(field: str, side: str) -> float:
        return round(statistics.median(pair[field][side] for pair in pairs), 4)

    return {
        "n_ctx": n_ctx, "prompt_tokens": len(prompt), "generated_tokens": generated, "rope_scaling": scaling,
        "runs_done": len(pairs),
        "ttft_s": {"on": median("ttft_s", "on"), "off": median("ttft_s", "off")},
        "prompt_speedup_flash": round(statistics.median(x["ttft_s"]["off"] / x["ttft_s"]["on"] for x in pairs), 3),
        "gen_tok_s": {"on": median("gen_tok_s", "on"), "off": median("gen_tok_s", "off")},
        "gen_speedup_flash": round(statistics.median(x["gen_tok_s"]["on"] / x["gen_tok_s"]["off"] for x in pairs),
                                   3),
        "pairs": pairs,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--contexts", default="512,4096,16384", help="context lengths, comma-separated")
    parser.add_argument("--runs", default="3", help="interleaved on/off pairs per context: one number, "
                        "or one per context (e.g. 3,3,2: a 16k prompt takes minutes on two cores)")
    parser.add_argument("--generated", type=int, default=GENERATED, help="tokens generated after the prompt")
    parser.add_argument("--budget-s", type=float, default=float("inf"),
                        help="stop adding pairs, and leave out a context that would not fit, past this many seconds")
    parser.add_argument("--threads", type=int, default=0, help="threads for both prompt and generation; "
                        "0: Cove's automatic count (one thread shows the kernels' cost without contention)")
    args = parser.parse_args()
    try:
        contexts = [int(x) for x in args.contexts.split(",")]
        runs = [int(x) for x in args.runs.split(",")]
    except ValueError:
        raise SystemExit("--contexts and --runs take whole numbers separated by commas") from None
    runs = runs * len(contexts) if len(runs) == 1 else runs
    if any(n <= args.generated + 8 for n in contexts) or min(runs) < 1 or args.generated < 2 \
            or len(runs) != len(contexts):
        raise SystemExit(f"every context must exceed --generated ({args.generated}) by more than 8, --runs must "
                         "be at least 1 (one number, or one per context) and --generated at least 2")

    import llama_cpp

    from app.core.gguf_file import read_gguf
    from app.engine import backend, cpu_quirks

    cpu_quirks.apply(llama_cpp)  # as the engine does (plain defaults crash on AMX CPUs)
    info = read_gguf(args.model)
    # CPU: what this benchmark decides
    base = p.LoadOptions(n_gpu_layers=0, n_threads=max(0, args.threads), n_threads_batch=max(0, args.threads))
    settings = backend.choose(info, base)
    started_load = load_average()
    results, unreachable = {}, {}
    deadline = time.monotonic() + args.budget_s
    pair_seconds, previous = None, 0  # the last context's time per pair, to tell whether the next one fits the budget
    for n_ctx, count in zip(contexts, runs):
        if pair_seconds is not None:
            # Prompt reading grows at least linearly with the context (attention more than that).
            expected = pair_seconds * n_ctx / previous
            if time.monotonic() + expected > deadline:
                unreachable[str(n_ctx)] = (f"not measured: one on/off pair would take about {expected:.0f} s here "
                                           f"(from {previous} tokens), past the --budget-s of {args.budget_s:.0f} s")
                continue
        started = time.monotonic()
        try:
            results[str(n_ctx)] = measure(args.model, base, info, n_ctx, count, args.generated, deadline)
        except (ValueError, RuntimeError, MemoryError) as exc:
            unreachable[str(n_ctx)] = f"{type(exc).__name__}: {exc}"
            continue
        pair_seconds, previous = (time.monotonic() - started) / results[str(n_ctx)]["runs_done"], n_ctx
    print(json.dumps({
        "benchmark": "flash_attention", "model": args.model, "backend": "cpu", "runs": dict(zip(map(str, contexts), runs)),
        "n_ctx_train": info.context_length, "threads": settings.n_threads, "threads_batch": settings.n_threads_batch,
        "automatic_flash_attn_cpu": settings.flash_attn,
        "contexts": results, "unreachable": unreachable,
        "largest_context": max((int(k) for k in results), default=None),
        "load_average": {"start": started_load, "end": load_average(),
                         "pairs_max": max((x["load_average"] for r in results.values() for x in r["pairs"]),
                                          default=None)},
        "llama_cpp_version": llama_cpp.__version__, "machine": machine(),
    }))


if __name__ == "__main__":
    main()
