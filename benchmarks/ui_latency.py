"""How long the window's GUI thread stalls while a model loads, an answer streams, a download runs, notes are indexed.

Opens the real window (offscreen, in a temporary COVE_HOME with the model copied
in) and keeps a timer probe (benchmarks/stall_probe.py) firing every 5 ms on the GUI
thread; a firing that comes late by N ms means the window could not react for N ms.
Everything the window does runs inside Qt's event loop, as in the app, so each
slot's cost (token appends, the Markdown re-render of the streaming answer, the
throttled database writes, the end of an answer, download progress rows) shows.

Phases, each measured separately:
  load                        the window shown while the model loads (engine process
                              start included), then a reload after a settings change
  generation                  a long answer ("Write a very long story about a dragon.",
                              greedy, --max-tokens) at full speed, until its end is shown
  download                    a download from a local fake Hub (tests/support/fake_hub.py, in a
                              subprocess, paced by --chunk-delay), Models window open
  download_during_generation  a second download and a second long answer together
  notes_indexing              a folder of --notes generated Markdown notes (benchmarks/notes.py's
                              generator, ~5 KB each) added through Notes › Notes folders…, which
                              stays open showing progress, until its pass has ended
  window_over_headless        after the others, with the probe stopped (it would wake the process every
                              5 ms): the engine's speed with the window streaming its answer over the
                              same engine's headless, in --pairs interleaved pairs of --pair-tokens
                              greedy tokens, with the app's CPU seconds and wake-ups per answer
                              (benchmarks/window_speed.py); `--only window_over_headless` runs it alone

The Models window is opened between generation and download (its opening is
reported as models_window_open, not one of the phases).

Prints one JSON object: max_stall_ms (the worst stall of the phases, wall clock:
what the user sees), p99_stall_ms, stalls_over_50ms, max_own_stall_ms (the worst
stall less the time this process's threads waited for a CPU, i.e. apart from the
machine's load), per phase the same and the worst stalls broken down, tokens and
tokens_per_second (as the engine timed them), target_ms 50 and meets_target
(max_stall_ms <= 50), and the machine's load average before and after.

    python benchmarks/ui_latency.py --model PATH [--max-tokens 400] [--download-mb 16] [--notes 1000] [--stacks]
                                    [--pairs 9] [--pair-tokens 256] [--only window_over_headless]

--stacks adds to each worst stall the Python stacks the GUI thread was seen in during it
(benchmarks/stall_probe.py's sampler): where the time went. The sampler takes the GIL
every few ms, so figures measured with it are not the ones to report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 50
QUESTION = "Write a very long story about a dragon."
QUESTION_2 = "Now write another very long story, about a knight who befriends the dragon."
REPO = "bench/Latency-GGUF"
PHASES = ("load", "generation", "download", "download_during_generation", "notes_indexing")


def payload(size: int) -> bytes:
    block = hashlib.sha256(b"ui-latency").digest() * 2048
    return (block * (size // len(block) + 1))[:size]


def serve_hub(size: int, chunk_delay: float) -> None:
    """Child process: the tests' fake Hub (tests/support/fake_hub.py), serving two files of `size` bytes."""
    from tests.support.fake_hub import FakeHub

    hub = FakeHub(chunk_delay=chunk_delay)
    data = payload(size)
    hub.add_file(REPO, "first-Q4_K_M.gguf", data)
    hub.add_file(REPO, "second-Q4_K_M.gguf", data)
    hub.start()
    print(hub.url, flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin
    hub.stop()


def write_notes(vault: Path, count: int) -> Path:
    """`count` Markdown notes from benchmarks/notes.py's generator (deterministic: seed 1)."""
    import random

    from notes import note, vocabulary

    rng = random.Random(1)
    words, weights = vocabulary(rng)
    for i in range(count):
        folder = vault / f"area-{i % 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"note-{i:05d}.md").write_text(note(rng, words, weights, i), encoding="utf-8")
    return vault


def start_hub(size: int, chunk_delay: float) -> tuple[subprocess.Popen, str]:
    # In its own process, as a real server would be: a server thread in this process
    # would compete with the GUI thread for the GIL and distort the measure.
    child = subprocess.Popen([sys.executable, __file__, "--serve-hub", str(size), str(chunk_delay)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    return child, child.stdout.readline().strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", help="a .gguf file (the SmolLM2 starter model for the README's numbers)")
    parser.add_argument("--max-tokens", type=int, default=400)
    parser.add_argument("--download-mb", type=float, default=16)
    parser.add_argument("--chunk-delay", type=float, default=0.02, help="seconds between 64 KB chunks")
    parser.add_argument("--notes", type=int, default=1000, help="notes indexed in the notes_indexing phase")
    parser.add_argument("--pairs", type=int, default=9, help="window/headless pairs (0: leave the phase out)")
    parser.add_argument("--pair-tokens", type=int, default=256, help="tokens of each answer in those pairs")
    parser.add_argument("--only", choices=["window_over_headless"], help="run only this phase")
    parser.add_argument("--serve-hub", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--headless-engine", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep-home", action="store_true", help="keep the temporary COVE_HOME")
    parser.add_argument("--stacks", action="store_true", help="say where each worst stall was spent (diagnosis)")
    args = parser.parse_args()
    if args.serve_hub:
        return serve_hub(int(args.serve_hub[0]), float(args.serve_hub[1]))
    if args.headless_engine:  # window_over_headless's other side: no Qt in this process
        from window_speed import serve_headless
        return serve_headless()
    if not args.model:
        parser.error("--model is required")

    home = Path(tempfile.mkdtemp(prefix="cove-ui-latency-"))
    hub_process, hub_url = start_hub(int(args.download_mb * 1_000_000), args.chunk_delay)
    try:
        result = run(args, home, hub_url)
    finally:
        hub_process.stdin.close()
        hub_process.wait(10)
        if not args.keep_home:
            shutil.rmtree(home, ignore_errors=True)
            shutil.rmtree(home.with_name(home.name + "-notes"), ignore_errors=True)
    print(json.dumps(result))


def run(args, home: Path, hub_url: str) -> dict:
    os.environ["COVE_HOME"] = str(home)
    os.environ["HF_ENDPOINT"] = hub_url
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    from common import machine
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    from stall_probe import StallProbe

    from app.core import paths
    from app.core.download_queue import DONE, FAILED
    from app.ui.chat import status_presenter as ctl
    from app.ui.main import build

    app_paths = paths.current().ensure()
    model = app_paths.models_dir / Path(args.model).name
    shutil.copyfile(args.model, model)
    app_paths.settings_file.write_text(json.dumps({
        "sampling": {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 42, "max_tokens": args.max_tokens},
        "engine": {"n_ctx": 4096}}))

    app = QApplication.instance() or QApplication([])
    if args.only == "window_over_headless":
        return speed_only(args, app_paths, app)
    # Written before the probe starts: generating them keeps this thread busy for a while.
    vault = write_notes(home.with_name(home.name + "-notes"), args.notes)  # not inside Cove's data folder
    load_before = os.getloadavg()[0]  # other programs on the machine make stalls longer
    probe = StallProbe(sample_stacks=args.stacks).start()

    def wait_until(condition, timeout_s: float, settle_ms: int = 0) -> None:
        """Run the event loop until condition() holds (checked every 10 ms), then settle_ms more."""
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(10)
        poll.timeout.connect(lambda: condition() and loop.quit())
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        if not condition():
            poll.start()
            loop.exec()
            poll.stop()
        if not condition():
            raise SystemExit(f"timed out after {timeout_s} s")
        if settle_ms:
            QTimer.singleShot(settle_ms, loop.quit)
            loop.exec()

    started = time.perf_counter()
    window, controller = build(app_paths)  # starts the engine process and asks it to load the model
    build_ms = (time.perf_counter() - started) * 1000

    tokens: list[float] = []
    finished: list[int] = []
    controller.bridge.token_received.connect(lambda _rid, _text: tokens.append(time.perf_counter()))
    controller.answer_finished.connect(lambda message_id, _status: finished.append(message_id))

    def ask(text: str) -> None:
        window.composer.edit.setPlainText(text)
        controller.send(window.composer.edit.toPlainText())

    def answer_stats(first_token: int, sent_at: float) -> dict:
        message = controller.store.message(finished[-1])
        return {"tokens": message.completion_tokens, "tokens_per_second": round(message.tokens_per_second or 0, 2),
                "token_events": len(tokens) - first_token,  # the engine batches tokens a few ms apart
                "last_text_after_s": round(tokens[-1] - sent_at, 2), "status": message.status,
                "answer_chars": len(message.content)}

    # (a) Loading: the window shown while the engine starts and loads the model, then a
    # reload with another context size (what changing it in the settings does).
    with probe.phase("load"):
        window.show()
        wait_until(lambda: controller.state == ctl.READY, 300, settle_ms=200)
        load_s = time.perf_counter() - started

        def change_context():
            controller.update_settings(replace(controller.settings, engine=replace(
                controller.settings.engine, n_ctx=2048)))
            controller.models.reload()
        QTimer.singleShot(0, change_context)
        wait_until(lambda: controller.state == ctl.LOADING, 30)
        wait_until(lambda: controller.state == ctl.READY, 300, settle_ms=200)

    # (b) A long answer at full speed, until it is finished and shown with its actions.
    with probe.phase("generation"):
        sent_at = time.perf_counter()
        QTimer.singleShot(0, lambda: ask(QUESTION))
        wait_until(lambda: len(finished) == 1, 600, settle_ms=300)
    generation = answer_stats(0, sent_at)

    # The Models window, open for the downloads (its opening is not one of the phases).
    with probe.phase("models_window_open"):
        QTimer.singleShot(0, controller.model_sources.open_dialog)
        wait_until(lambda: controller.model_sources.dialog is not None
                   and controller.model_sources.dialog.isVisible(), 30,
                   settle_ms=200)
    queue = controller.model_sources.downloads.queue

    def download_done(filename: str) -> bool:
        item = next((i for i in queue.items() if i.filename == filename), None)
        if item is not None and item.state == FAILED:
            raise SystemExit(f"download failed: {item.message}")
        return item is not None and item.state == DONE

    # (c) A download through the window's queue, alone.
    with probe.phase("download"):
        download_started = time.perf_counter()
        QTimer.singleShot(0, lambda: controller.model_sources.actions.start_download(REPO, "first-Q4_K_M.gguf"))
        wait_until(lambda: download_done("first-Q4_K_M.gguf"), 600, settle_ms=300)
        download_s = time.perf_counter() - download_started

    # (d) Another download and another long answer at the same time.
    first_token = len(tokens)
    with probe.phase("download_during_generation"):
        sent_at = time.perf_counter()
        QTimer.singleShot(0, lambda: controller.model_sources.actions.start_download(REPO, "second-Q4_K_M.gguf"))
        QTimer.singleShot(50, lambda: ask(QUESTION_2))
        wait_until(lambda: len(finished) == 2 and download_done("second-Q4_K_M.gguf"), 600, settle_ms=300)
    generation_2 = answer_stats(first_token, sent_at)

    # (e) Indexing a folder of notes in the background, the Notes folders dialog open with its progress.
    notes = controller.notes_actions
    synced, failed = [], []
    notes.service.folder_synced.connect(lambda folder, result: synced.append(result))
    notes.service.failed.connect(failed.append)
    with probe.phase("notes_indexing"):
        notes_started = time.perf_counter()

        def add_folder():
            notes.open_dialog()
            notes.service.add_folder(vault)
        QTimer.singleShot(0, add_folder)
        wait_until(lambda: bool(synced or failed), 900, settle_ms=300)
        notes_s = time.perf_counter() - notes_started
    if failed:
        raise SystemExit(f"notes indexing failed: {failed[0]}")
    if synced[-1].files != args.notes or synced[-1].cancelled:
        raise SystemExit(f"notes indexing did not finish: {synced[-1]}")

    probe.stop()
    speed = {}
    if args.pairs > 0:
        controller.model_sources.dialog.close()
        from window_speed import measure
        speed = measure(controller, window, __file__, args.pairs, args.pair_tokens)
    window.close()  # shutdown: stops the engine and the queue
    # Destroy the widgets now, while Qt is whole, rather than at the interpreter's exit.
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()

    phases = {name: probe.summary(name) for name in PHASES}
    for name in (*PHASES, "models_window_open"):
        # The worst stalls, with the GUI thread's time on a CPU and waiting for one in each, and the
        # other threads' waits for a CPU: cpu_ms near ms means work on the GUI thread; runqueue_ms
        # near ms means the cores were busy (the engine's threads, other programs); neither means
        # it was blocked (on a lock, or on the GIL held by another thread, itself maybe waiting).
        # worst_own: the same for the worst stalls less the waits for a CPU (on a busy machine the
        # wall-clock worst are the scheduler's; these are the ones Cove's own code can shorten).
        def described(w) -> dict:
            return {"ms": round(w.ms, 1), "cpu_ms": round(w.cpu_ms, 1), "runqueue_ms": round(w.runqueue_ms, 1),
                    "others_runqueue_ms": round(w.others_runqueue_ms, 1), "at_s": round(w.at - started, 2),
                    **({"stacks": probe.stacks(w)} if args.stacks else {})}
        phase = phases.setdefault(name, probe.summary(name))
        phase["worst"] = [described(w) for w in probe.worst(name, 3)]
        phase["worst_own"] = [described(w) for w in probe.worst(name, 3, own=True)]
    max_stall = max(phases[name]["max_stall_ms"] for name in PHASES)
    return {
        "benchmark": "ui_latency", "model": str(args.model), "probe_interval_ms": probe.interval_ms,
        "max_stall_ms": max_stall,
        "p99_stall_ms": max(phases[name]["p99_stall_ms"] for name in PHASES),
        # The worst stall less the time this process's threads waited for a CPU: what Cove's own
        # code costs the GUI thread, apart from the machine's load (see benchmarks/stall_probe.py).
        "max_own_stall_ms": max(phases[name]["max_own_stall_ms"] for name in PHASES),
        "stalls_over_50ms": sum(phases[name]["stalls_over_50ms"] for name in PHASES),
        "phases": phases,
        "tokens": generation["tokens"], "tokens_per_second": generation["tokens_per_second"],
        "generation": generation, "generation_with_download": generation_2,
        "download_bytes": int(args.download_mb * 1_000_000), "download_s": round(download_s, 2),
        "window_build_ms": round(build_ms, 1), "first_load_s": round(load_s, 2),
        "notes": args.notes, "notes_passages": synced[-1].passages, "notes_index_s": round(notes_s, 2),
        "target_ms": TARGET_MS, "meets_target": max_stall <= TARGET_MS,
        **({"window_over_headless": speed.pop("window_over_headless"),
            "window_speed": speed} if speed else {}),
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],  # before, after
        "machine": machine(),
    }


def speed_only(args, app_paths, app) -> dict:
    """The window_over_headless phase alone: the window built, the model loaded, then the pairs."""
    from common import machine
    from PySide6.QtCore import QCoreApplication, QEvent
    from window_speed import measure

    from app.ui.main import build

    window, controller = build(app_paths)
    window.show()
    load_before = os.getloadavg()[0]
    speed = measure(controller, window, __file__, args.pairs, args.pair_tokens)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    app.processEvents()
    return {"benchmark": "ui_latency", "phase": "window_over_headless", "model": str(args.model),
            "window_over_headless": speed.pop("window_over_headless"), "window_speed": speed,
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)], "machine": machine()}


if __name__ == "__main__":
    main()
