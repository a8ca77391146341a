"""Generation speed through Cove's engine process versus plain llama-cpp-python and native llama.cpp.

Each round runs, back to back in a rotating order: plain llama-cpp-python (greedy), Cove's
engine greedy, Cove's engine with the app's default sampling (temperature 0.7, repeat
penalty 1.1), llama.cpp's own `llama-bench` tg (built once by common.native_tools()
from the sources llama-cpp-python vendors; it decodes without sampling) and llama.cpp's
`llama-completion` at the engine's context size (native_same_context: its decode time;
llama-bench's context is only as long as its test), all 256 tokens, same model, threads
and flash-attention choice. Ratios are medians of the rounds' ratios.

Everything runs at the context the app gives the starter model (APP_CONTEXT: 8,192 tokens,
SmolLM2's own), where Cove's engine allocates 256 more KV cells than that
(app/engine/backend.py, allocated_cells). `cove_unpadded` is Cove greedy asking for 8,191
tokens, which llama.cpp rounds up to 8,192 cells with none added: the engine as it was
before that padding; `padding_gain` is Cove greedy over it.

Cove's 256 tokens follow the prompt (its chat template and the question: about 40
tokens), so llama-bench's `native` run starts with as many tokens in its context (its
`-d`): the same positions, the same attention work. `native_empty` is llama-bench from an
empty context, as its plain tg256 (the figure the issue first compared with).

A shared machine makes some runs slower for reasons of its own: for every run the CPU
time that other processes used is measured (/proc/stat minus ours); a round in which
they used more than CONTAMINATED cores on average during any of its runs is dropped
(all rounds are kept, and `contaminated` says so, if fewer than 3 are clean). The load
average is recorded with each round. Prints one JSON object: cove_tok_s, raw_tok_s,
ratio, cove_default_tok_s, native_tok_s, ratio_native, ratio_native_default, …

    python benchmarks/generation.py --model PATH [--runs 9]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import statistics
import time

from common import Engine, OtherCpu, load_average, machine, native_decode_tok_s, native_tg_tok_s, native_tools, p

TOKENS = 256
APP_CONTEXT = 8192  # the app's context for the starter model (SmolLM2's own)
MIN_SAMPLED = 64  # a sampled answer may end early; fewer tokens than this is no measurement
CONTAMINATED = 0.25  # other processes' average CPU use (cores) during a run that drops its round
MESSAGES = [{"role": "user", "content": "Write a very long story about a dragon."}]
SAMPLING = {"temperature": 0.0, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.0, "seed": 1}
DEFAULT_SAMPLING = {**SAMPLING, "temperature": 0.7, "repeat_penalty": 1.1}  # the app's defaults


def raw_run(llm, prompt: list[int]) -> float:
    """Plain llama-cpp-python: generate() and detokenize each token, as an app would."""
    llm.reset()
    n, first = 0, None
    for token in llm.generate(prompt, temp=0.0, top_k=40, top_p=0.95, min_p=0.05, repeat_penalty=1.0):
        llm.detokenize([token])
        if first is None:
            first = time.perf_counter()
        n += 1
        if n >= TOKENS:
            break
    return (n - 1) / (time.perf_counter() - first)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-native", action="store_true", help="leave llama-bench out (no build, no network)")
    args = parser.parse_args()

    import llama_cpp
    from llama_cpp import Llama

    from app.core.gguf_file import read_gguf
    from app.core.system import physical_cores
    from app.engine import cpu_quirks
    from app.engine.prompt import PromptRenderer

    cpu_quirks.apply(llama_cpp)  # the baseline runs as the engine does (plain defaults crash on AMX CPUs)

    threads = physical_cores()
    options = p.LoadOptions(n_ctx=APP_CONTEXT, n_threads=threads, n_threads_batch=threads, n_gpu_layers=0)
    engine = Engine()
    engine.load(args.model, options)
    llm = Llama(args.model, n_ctx=APP_CONTEXT, n_threads=threads, n_threads_batch=threads, n_gpu_layers=0, verbose=False)
    template = read_gguf(args.model).chat_template
    renderer = PromptRenderer(template, llm._model.token_get_text(llm.token_bos()),
                              llm._model.token_get_text(llm.token_eos()))
    rendered = renderer.render(MESSAGES)
    prompt = llm.tokenize(rendered.text.encode(), add_bos=rendered.add_bos, special=True)

    seeds = itertools.count(1)

    def cove_run(sampling: dict, options: p.LoadOptions = options) -> float:
        wanted = TOKENS if sampling["temperature"] == 0 else MIN_SAMPLED
        for _ in range(20):  # a sampled story can end early: another seed, until one runs long enough
            answer = engine.ask(args.model, options, MESSAGES, {**sampling, "seed": next(seeds), "max_tokens": TOKENS})
            generated = answer["stats"]["completion_tokens"]
            if generated >= wanted:
                break
        assert generated >= wanted, f"the engine stopped after {generated} tokens"
        times = answer["token_times"]
        # As the window sees it: from the first token's arrival to the last one's.
        inside.append(answer["stats"]["tokens_per_second"])
        return (generated - 1) / (times[-1] - times[0])

    engine_pid = engine.client.pid
    runs = {"raw": lambda: raw_run(llm, prompt), "cove": lambda: cove_run(SAMPLING),
            "cove_default": lambda: cove_run(DEFAULT_SAMPLING),
            "cove_unpadded": lambda: cove_run(SAMPLING, dataclasses.replace(options, n_ctx=APP_CONTEXT - 1))}
    if not args.no_native:
        tools = native_tools()
        runs["native"] = lambda: native_tg_tok_s(tools["llama-bench"], args.model, threads, TOKENS,
                                                 depth=len(prompt))
        runs["native_empty"] = lambda: native_tg_tok_s(tools["llama-bench"], args.model, threads, TOKENS)
        runs["native_same_context"] = lambda: native_decode_tok_s(tools["llama-completion"], args.model,
                                                                  rendered.text, threads, TOKENS, options.n_ctx)
    # Rounds run back to back, in a rotating order, with a pause so that no side's idle threads
    # are still spinning when the next starts. Ratios are medians of the rounds' ratios: a shared
    # machine's speed drifts over a run.
    inside: list[float] = []
    rounds = []
    names = list(runs)
    for i in range(args.runs):
        results, others = {}, {}
        loads = load_average()
        for name in names[i % len(names):] + names[:i % len(names)]:
            time.sleep(0.5)
            with OtherCpu([engine_pid]) as other:
                results[name] = runs[name]()
            others[name] = round(other.cores, 3)
        rounds.append({"tok_s": {k: round(v, 2) for k, v in results.items()}, "other_cores": others,
                       "load_average": loads, "clean": max(others.values()) <= CONTAMINATED})
    engine.close()
    clean = [r for r in rounds if r["clean"]]
    used = clean if len(clean) >= 3 else rounds

    def median(name: str) -> float | None:
        return round(statistics.median(r["tok_s"][name] for r in used), 2) if name in runs else None

    def ratio(a: str, b: str) -> float | None:
        return round(statistics.median(r["tok_s"][a] / r["tok_s"][b] for r in used), 3) if b in runs else None

    print(json.dumps({
        "benchmark": "generation", "model": args.model, "tokens": TOKENS, "runs": args.runs, "threads": threads,
        "cove_tok_s": median("cove"), "raw_tok_s": median("raw"), "ratio": ratio("cove", "raw"),
        "cove_default_tok_s": median("cove_default"), "native_tok_s": median("native"),
        "ratio_native": ratio("cove", "native"), "ratio_native_default": ratio("cove_default", "native"),
        "prompt_tokens": len(prompt), "native_empty_tok_s": median("native_empty"),
        "ratio_native_empty": ratio("cove", "native_empty"),
        "ratio_native_empty_default": ratio("cove_default", "native_empty"),
        "native_same_context_tok_s": median("native_same_context"),
        "ratio_native_same_context": ratio("cove", "native_same_context"),
        "native_bench_over_same_context": ratio("native", "native_same_context"),
        "default_over_greedy": ratio("cove_default", "cove"),
        "cove_unpadded_tok_s": median("cove_unpadded"), "padding_gain": ratio("cove", "cove_unpadded"),
        "ratio_native_unpadded": ratio("cove_unpadded", "native"), "context": APP_CONTEXT,
        "rounds_used": len(used), "contaminated": len(clean) < 3, "contaminated_above_cores": CONTAMINATED,
        "load_average": {"median": statistics.median(r["load_average"] for r in rounds),
                         "max": max(r["load_average"] for r in rounds)},
        "rounds": rounds, "engine_internal_runs": [round(x, 2) for x in inside if x],
        "machine": machine(),
    }))


if __name__ == "__main__":
    main()
