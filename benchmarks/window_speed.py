"""ui_latency.py's window_over_headless phase: how much the open window slows the engine.

On a small machine the window shares the cores with the engine's threads: llama.cpp's
threads wait for each other at every token, so each time the window's process wakes up
(a message from the engine, a timer, a layout) it can hold up a whole step. This phase
measures what that costs: the same answer (same prompt, greedy, same number of tokens)
written once into the real window (the chat screen streaming it, its own engine process)
and once by the same engine headless (app.engine's EngineClient in a process without Qt,
started by ui_latency.py --headless-engine), in interleaved pairs, the order alternating.

Both sides' tokens per second are the engine's own (from its first token to its last,
as it reports them in Finished's stats); the ratio of each pair is window over headless,
and the reported figure is the median of the pairs' ratios. With each pair: the load
average, the CPU other processes used during each side (benchmarks/common.OtherCpu; a
pair in which they used more than CONTAMINATED cores is dropped, unless fewer than 3
are clean), and per answer the app's CPU seconds, wake-ups (voluntary context switches)
and preemptions (involuntary ones), beside the headless client's, and the engine's CPU.

Nothing here polls: the window side waits on the controller's answer_finished signal,
the headless side blocks on the child's pipe, so the benchmark adds no wake-ups of its own.
"""

from __future__ import annotations

import base64
import json
import os
import pickle
import statistics
import subprocess
import sys
import time

CONTAMINATED = 0.25  # other processes' average CPU use (cores) during a side that drops its pair
QUESTION = "Write a very long story about a dragon."


def _counters(process) -> tuple[float, int, int]:
    """(CPU seconds, voluntary and involuntary context switches) of a psutil.Process so far, all its threads.

    A voluntary switch is a thread going to sleep (on the pipe, the event loop, a lock) that something
    then wakes: the wake-ups. Involuntary ones are the scheduler taking a core away: they grow with the
    machine's load as much as with what the process does."""
    cpu, switches = process.cpu_times(), process.num_ctx_switches()
    return cpu.user + cpu.system, switches.voluntary, switches.involuntary


def serve_headless() -> None:
    """Child process (no Qt): answers the requests the window made, on an EngineClient of its own.

    Reads one base64 pickled (model, options, messages, sampling) per line on stdin and writes one
    JSON line per answer: the engine's tokens per second, this process's CPU seconds and wake-ups."""
    import queue

    import psutil

    from app.engine import protocol as p
    from app.engine.client import EngineClient

    events: queue.Queue = queue.Queue()
    client = EngineClient(events.put)
    client.start()
    me = psutil.Process()
    print(json.dumps({"pid": os.getpid(), "engine_pid": client.pid}), flush=True)
    for line in sys.stdin:
        model, options, messages, sampling = pickle.loads(base64.b64decode(line))
        engine = psutil.Process(client.pid)
        cpu, switches, preempted = _counters(me)
        engine_cpu = _counters(engine)[0]
        rid = client.generate(model, options, messages, sampling)
        pieces = 0
        while True:
            event = events.get(timeout=600)
            if isinstance(event, p.Token) and event.request_id == rid:
                pieces += 1
            elif isinstance(event, p.Finished) and event.request_id == rid:
                break
            elif isinstance(event, (p.Failed, p.LoadFailed, p.EngineDied)):
                raise SystemExit(f"headless engine failed: {event.message}")
        cpu_after, switches_after, preempted_after = _counters(me)
        print(json.dumps({"tok_s": event.stats.get("tokens_per_second"), "tokens": event.stats["completion_tokens"],
                          "cpu_s": cpu_after - cpu, "wakeups": switches_after - switches,
                          "preempted": preempted_after - preempted, "messages": pieces,
                          "engine_cpu_s": _counters(engine)[0] - engine_cpu, "engine_pid": client.pid}), flush=True)
    client.shutdown()


class Headless:
    """The headless side, in its own process (ui_latency.py --headless-engine)."""

    def __init__(self, script: str):
        self.child = subprocess.Popen([sys.executable, script, "--headless-engine"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)
        ids = json.loads(self.child.stdout.readline())
        self.pids = [ids["pid"], ids["engine_pid"]]

    def ask(self, request: tuple) -> dict:
        self.child.stdin.write(base64.b64encode(pickle.dumps(request)).decode() + "\n")
        self.child.stdin.flush()
        line = self.child.stdout.readline()  # blocks: the window's process sleeps meanwhile
        if not line:
            raise SystemExit("the headless engine process ended")
        return json.loads(line)

    def close(self) -> None:
        self.child.stdin.close()
        self.child.wait(30)


def measure(controller, window, script: str, pairs: int, tokens: int) -> dict:
    """window_over_headless with the engine's threads at the physical cores, then at the app's automatic default
    (run again only where that is another number of threads: on 2 cores both are 2)."""
    from dataclasses import replace

    from common import OtherCpu, load_average

    from app.core.engine_options import auto_threads
    from app.core.system import logical_cores, physical_cores

    headless = Headless(script)
    try:
        results = {}
        cores = physical_cores()
        automatic = auto_threads(cores, logical_cores())
        for name, threads in (("physical_cores", cores), ("automatic", 0)):
            if threads == 0 and automatic == cores:  # the same engine as the run before: not run twice
                results[name] = {"threads": automatic, "same_as": "physical_cores",
                                 "ratio": results["physical_cores"]["ratio"]}
                continue
            engine = replace(controller.settings.engine, n_threads=threads, n_threads_batch=threads)
            sampling = replace(controller.settings.sampling, temperature=0.0, repeat_penalty=1.0, seed=42,
                               max_tokens=tokens)
            controller.update_settings(replace(controller.settings, engine=engine, sampling=sampling))
            result = _pairs(controller, window, headless, pairs, tokens, OtherCpu, load_average)
            result["threads"] = threads or automatic
            results[name] = result
    finally:
        headless.close()
    main = results["physical_cores"]
    return {"window_over_headless": main["ratio"],
            "window_over_headless_automatic_threads": results["automatic"]["ratio"], **results}


def _pairs(controller, window, headless: Headless, pairs: int, tokens: int, other_cpu, load_average) -> dict:
    import psutil
    from PySide6.QtCore import QEventLoop, QTimer

    from app.ui.chat import status_presenter as ctl

    bridge, me = controller.bridge, psutil.Process()
    requests: list[tuple] = []
    real_generate = bridge.generate

    def recording_generate(model, options, messages, sampling, *rest):
        requests.append((model, options, messages, sampling))
        return real_generate(model, options, messages, sampling, *rest)
    bridge.generate = recording_generate  # the headless side is asked exactly what the window asked

    def run_until(signal, condition, timeout_s: float) -> None:
        """Run the event loop until condition() holds, woken by `signal` (no polling timer)."""
        loop, timer = QEventLoop(), QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        signal.connect(loop.quit)
        deadline = time.perf_counter() + timeout_s
        try:
            while not condition():
                if time.perf_counter() > deadline:
                    raise SystemExit(f"timed out after {timeout_s} s")
                timer.start(int(timeout_s * 1000))
                loop.exec()
        finally:
            timer.stop()
            signal.disconnect(loop.quit)

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    if controller.state != ctl.READY:  # the settings change reloads the model
        run_until(controller.status.state_changed, lambda: controller.state == ctl.READY, 300)

    def window_side() -> dict:
        finished: list[int] = []
        on_finished = lambda message_id, _status: finished.append(message_id)  # noqa: E731
        controller.answer_finished.connect(on_finished)
        controller.new_chat()
        cpu, switches, preempted = _counters(me)
        engine = psutil.Process(bridge.client.pid)
        engine_cpu = _counters(engine)[0]
        pieces = [0]
        count = lambda *_: pieces.__setitem__(0, pieces[0] + 1)  # noqa: E731
        bridge.token_received.connect(count)
        window.composer.edit.setPlainText(QUESTION)
        controller.send(window.composer.edit.toPlainText())
        run_until(controller.answer_finished, lambda: bool(finished), 600)
        cpu_after, switches_after, preempted_after = _counters(me)
        bridge.token_received.disconnect(count)
        controller.answer_finished.disconnect(on_finished)
        message = controller.store.message(finished[-1])
        return {"tok_s": message.tokens_per_second, "tokens": message.completion_tokens,
                "cpu_s": cpu_after - cpu, "wakeups": switches_after - switches,
                "preempted": preempted_after - preempted, "messages": pieces[0],
                "engine_cpu_s": _counters(engine)[0] - engine_cpu}

    try:
        window_side()  # warm-up: loads the model, fills the caches, records the request
        headless.ask(requests[-1])
        rounds = []
        for i in range(pairs):
            load = load_average()
            sides = {}
            for side in (("window", "headless") if i % 2 == 0 else ("headless", "window")):
                settle(500)  # no side's idle threads still spinning when the other starts
                pids = [bridge.client.pid, *headless.pids]
                with other_cpu(pids) as other:
                    sides[side] = window_side() if side == "window" else headless.ask(requests[-1])
                sides[side]["other_cores"] = round(other.cores, 3)
            for side in sides.values():
                if side["tokens"] != tokens:
                    raise SystemExit(f"an answer had {side['tokens']} tokens, not {tokens}: no fair comparison")
            rounds.append({"load_average": load, "ratio": round(sides["window"]["tok_s"] / sides["headless"]["tok_s"], 3),
                           "clean": max(s["other_cores"] for s in sides.values()) <= CONTAMINATED,
                           **{k: {f: round(v, 3) if isinstance(v, float) else v for f, v in s.items()}
                              for k, s in sides.items()}})
            print(f"window_over_headless: pair {i + 1}/{pairs}, ratio {rounds[-1]['ratio']}, load {load}, "
                  f"clean {rounds[-1]['clean']}", file=sys.stderr, flush=True)
    finally:
        bridge.generate = real_generate
    clean = [r for r in rounds if r["clean"]]
    used = clean if len(clean) >= 3 else rounds

    def median(side: str, field: str) -> float:
        return round(statistics.median(r[side][field] for r in used), 3)

    return {"ratio": round(statistics.median(r["ratio"] for r in used), 3),
            "window_tok_s": median("window", "tok_s"), "headless_tok_s": median("headless", "tok_s"),
            "app_cpu_s_per_answer": median("window", "cpu_s"), "app_wakeups_per_answer": median("window", "wakeups"),
            "app_preempted_per_answer": median("window", "preempted"),
            "app_messages_per_answer": median("window", "messages"),
            "headless_cpu_s_per_answer": median("headless", "cpu_s"),
            "headless_wakeups_per_answer": median("headless", "wakeups"),
            "engine_cpu_s_window": median("window", "engine_cpu_s"),
            "engine_cpu_s_headless": median("headless", "engine_cpu_s"),
            "pairs": len(rounds), "pairs_used": len(used), "contaminated": len(clean) < 3,
            "contaminated_above_cores": CONTAMINATED, "tokens": tokens, "rounds": rounds}
