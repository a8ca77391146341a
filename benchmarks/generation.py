"""Generation speed through Cove's engine process versus plain llama-cpp-python.

Both generate 256 tokens from the same prompt with the same model, context,
threads and sampling (greedy), in the same run, in pairs; the ratio is the median
of the pairs' ratios. Prints one JSON object: cove_tok_s, raw_tok_s, ratio.

    python benchmarks/generation.py --model PATH [--runs 9]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from common import Engine, machine, p

TOKENS = 256
MESSAGES = [{"role": "user", "content": "Write a very long story about a dragon."}]
SAMPLING = {"temperature": 0.0, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.0, "seed": 1}


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
    args = parser.parse_args()

    import llama_cpp
    from llama_cpp import Llama

    from app.core.gguf_file import read_gguf
    from app.core.system import physical_cores
    from app.engine import cpu_quirks
    from app.engine.prompt import PromptRenderer

    cpu_quirks.apply(llama_cpp)  # the baseline runs as the engine does (plain defaults crash on AMX CPUs)

    threads = physical_cores()
    options = p.LoadOptions(n_ctx=2048, n_threads=threads, n_threads_batch=threads, n_gpu_layers=0)
    engine = Engine()
    engine.load(args.model, options)
    llm = Llama(args.model, n_ctx=2048, n_threads=threads, n_threads_batch=threads, n_gpu_layers=0, verbose=False)
    template = read_gguf(args.model).chat_template
    renderer = PromptRenderer(template, llm._model.token_get_text(llm.token_bos()),
                              llm._model.token_get_text(llm.token_eos()))
    rendered = renderer.render(MESSAGES)
    prompt = llm.tokenize(rendered.text.encode(), add_bos=rendered.add_bos, special=True)

    def cove_run() -> float:
        answer = engine.ask(args.model, options, MESSAGES, {**SAMPLING, "max_tokens": TOKENS})
        times = answer["token_times"]
        generated = answer["stats"]["completion_tokens"]
        assert generated == TOKENS, f"the engine stopped after {generated} tokens"
        # As the window sees it: from the first token's arrival to the last one's.
        inside.append(answer["stats"]["tokens_per_second"])
        return (generated - 1) / (times[-1] - times[0])

    # Pairs run back to back, in alternating order, with a pause so that neither
    # side's idle threads are still spinning when the other starts. The ratio is
    # the median of the pairs' ratios: a shared machine's speed drifts over a run.
    cove, raw, ratios, inside = [], [], [], []
    for i in range(args.runs):
        order = (("raw", lambda: raw_run(llm, prompt)), ("cove", cove_run))
        results = {}
        for name, run in (order if i % 2 == 0 else order[::-1]):
            time.sleep(0.5)
            results[name] = run()
        raw.append(results["raw"])
        cove.append(results["cove"])
        ratios.append(results["cove"] / results["raw"])
    engine.close()
    print(json.dumps({
        "benchmark": "generation", "model": args.model, "tokens": TOKENS, "runs": args.runs, "threads": threads,
        "cove_tok_s": round(statistics.median(cove), 2), "raw_tok_s": round(statistics.median(raw), 2),
        "ratio": round(statistics.median(ratios), 3),
        "cove_runs": [round(x, 2) for x in cove], "engine_internal_runs": [round(x, 2) for x in inside], "raw_runs": [round(x, 2) for x in raw],
        "machine": machine(),
    }))


if __name__ == "__main__":
    main()
