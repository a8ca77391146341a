"""Generation speed while other programs keep cores busy: Cove's automatic threads against fixed counts.

Other programs are stood in for by busy-loop processes (0, 1, then as many as the machine has
cores). For each, rounds run back to back in a rotating order: Cove's engine with threads
"automatic" (the count follows the load: app/engine/thread_governor.py), the same engine with
the automatic count fixed (what Cove did before, and what an app that sets llama.cpp's threads
once does), and with one thread. Each run: greedy, TOKENS tokens of the same story, tok/s as the
window sees it (first token's arrival to the last's). Medians of the rounds.

Prints one JSON object: {"loads": {"0": {"automatic_tok_s", "fixed_tok_s", "one_thread_tok_s",
"automatic_over_fixed", "automatic_threads"}, "1": {...}, ...}, "threads": the automatic count, ...}

    python benchmarks/busy_machine.py --model PATH [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import time

from common import Engine, load_average, machine, p

TOKENS = 96
MESSAGES = [{"role": "user", "content": "Write a very long story about a dragon."}]
SAMPLING = {"temperature": 0.0, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.0, "seed": 1,
            "max_tokens": TOKENS}


def spin(stop) -> None:
    while not stop.is_set():
        pass


def tok_s(engine: Engine, model: str, options: p.LoadOptions) -> tuple[float, int]:
    answer = engine.ask(model, options, MESSAGES, SAMPLING)
    times = answer["token_times"]
    generated = answer["stats"]["completion_tokens"]
    return (generated - 1) / max(1e-9, times[-1] - times[0]), answer["stats"].get("threads", 0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--loads", default="", help="busy processes to run beside, e.g. 0,1,2 (default: 0, 1, cores)")
    args = parser.parse_args()

    from app.core.engine_options import thread_counts
    from app.core.system import logical_cores, physical_cores

    cores = logical_cores()
    threads, _ = thread_counts(0, 0, physical_cores(), cores)
    loads = [int(x) for x in args.loads.split(",")] if args.loads else sorted({0, 1, cores})
    variants = {
        "automatic": p.LoadOptions(n_ctx=1024, n_gpu_layers=0),
        "fixed": p.LoadOptions(n_ctx=1024, n_gpu_layers=0, n_threads=threads, n_threads_batch=threads),
        "one_thread": p.LoadOptions(n_ctx=1024, n_gpu_layers=0, n_threads=1, n_threads_batch=1),
    }
    engines = {name: Engine() for name in variants}  # one engine each: no reload between runs
    for name, engine in engines.items():
        engine.load(args.model, variants[name])
    spawn = multiprocessing.get_context("spawn")
    results = {}
    try:
        for load in loads:
            stop = spawn.Event()
            hogs = [spawn.Process(target=spin, args=(stop,), daemon=True) for _ in range(load)]
            for hog in hogs:
                hog.start()
            time.sleep(1.5)  # the busy processes running, and seen running
            runs: dict[str, list[float]] = {name: [] for name in variants}
            used_threads: list[int] = []
            load_averages = []
            names = list(variants)
            for i in range(args.runs):
                load_averages.append(load_average())
                for name in names[i % len(names):] + names[:i % len(names)]:
                    time.sleep(0.5)
                    speed, threads_used = tok_s(engines[name], args.model, variants[name])
                    runs[name].append(speed)
                    if name == "automatic":
                        used_threads.append(threads_used)
            stop.set()
            for hog in hogs:
                hog.join(10)
            medians = {name: statistics.median(values) for name, values in runs.items()}
            results[str(load)] = {
                "automatic_tok_s": round(medians["automatic"], 2), "fixed_tok_s": round(medians["fixed"], 2),
                "one_thread_tok_s": round(medians["one_thread"], 2),
                "automatic_over_fixed": round(medians["automatic"] / medians["fixed"], 2),
                "automatic_threads": used_threads, "load_average": load_averages,
                "runs": {name: [round(v, 2) for v in values] for name, values in runs.items()},
            }
    finally:
        for engine in engines.values():
            engine.close()
    print(json.dumps({"benchmark": "busy_machine", "model": args.model, "tokens": TOKENS, "threads": threads,
                      "cores": cores, "loads": results, "machine": machine()}))


if __name__ == "__main__":
    main()
