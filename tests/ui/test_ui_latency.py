"""The window stays responsive while a model loads, an answer streams at full speed and a download runs.

A timer probe (benchmarks/stall_probe.py) fires every 5 ms on the GUI thread and notes
how late each firing is: any work that blocks the GUI thread (waiting on the engine
or the network, a slow slot) shows as a late firing. benchmarks/ui_latency.py
measures the same probe against the 50 ms target; this test catches blocking.
"""

import importlib.util
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from app.core import download_queue as q
from app.ui.chat import status_presenter as ctl
from tests.core.test_downloads import REPO, payload
from tests.support.settings import write_settings


def _benchmark_module(name: str):
    """A module of benchmarks/ (not a package, and not shipped with Cove), loaded by its path."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"cove_benchmarks_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


StallProbe = _benchmark_module("stall_probe").StallProbe

# The target is 50 ms of wall-clock stall (the benchmark measures it), but this test
# runs on shared 2-core CI machines, beside the engine process that keeps both cores
# busy while it generates and beside other jobs: the scheduler alone can leave the
# GUI thread, or a thread holding the GIL it needs, waiting for a CPU for 100 ms or
# more. So the test takes each stall less the time this process's threads were
# ready to run but had no CPU (the probe reads it from the scheduler on Linux), and
# allows 250 ms of that: room for a slow machine's slots, while real blocking (the
# GUI thread waiting on the engine, a download or a lock, or a slot doing seconds of
# work) stalls for 500 ms or more. Checked by adding time.sleep(0.5) to
# AnswerSession._on_token: the test fails.
MAX_STALL_MS = 250


def test_no_stall_while_loading_generating_and_downloading(qtbot, open_window, starter_installed, cove_home,
                                                           hub_server):
    write_settings(cove_home, {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 42, "max_tokens": 200})
    data = payload(7, 4_000_000)
    hub_server.add_file(REPO, "latency-Q4_K_M.gguf", data)
    hub_server.chunk_delay = 0.01  # about a second for 4 MB: it runs while the answer streams
    window, controller = open_window()  # the engine process starts and the model loads from here
    probe = StallProbe(parent=window).start()
    with probe.phase("load"):
        qtbot.waitUntil(lambda: controller.state in (ctl.READY, ctl.ERROR), timeout=60_000)
    assert controller.state == ctl.READY, window.state_label.text()

    controller.model_sources.open_dialog()  # its rows follow the download's progress
    qtbot.wait(200)
    tokens = []
    controller.bridge.token_received.connect(lambda _rid, text: tokens.append(text))
    queue = controller.model_sources.downloads.queue
    finished = []
    controller.answer_finished.connect(lambda message_id, status: finished.append((message_id, status)))
    with probe.phase("generation and download"):
        QTimer.singleShot(0, lambda: controller.model_sources.actions.start_download(REPO, "latency-Q4_K_M.gguf"))
        window.composer.edit.setPlainText("Write a very long story about a dragon.")
        QTimer.singleShot(20, lambda: controller.send(window.composer.edit.toPlainText()))
        qtbot.waitUntil(lambda: bool(finished) and queue.items()[0].state in (q.DONE, q.FAILED), timeout=120_000)
        qtbot.wait(300)  # the end of the answer and of the download, shown
    probe.stop()

    assert finished[0][1] == "complete" and queue.items()[0].state == q.DONE, queue.items()[0].message
    answer = controller.store.message(finished[0][0])
    assert answer.completion_tokens >= 100 and len(tokens) >= 10  # it streamed, at full speed
    assert (controller.paths.models_dir / "acme" / "Tiny-GGUF" / "latency-Q4_K_M.gguf").read_bytes() == data
    for phase in ("load", "generation and download"):
        summary = probe.summary(phase)
        print(phase, summary, probe.worst(phase, 3))  # shown with -s, and when the test fails
        assert summary["samples"] > 50, (phase, summary)  # the probe ran through the phase
        assert summary["max_own_stall_ms"] < MAX_STALL_MS, f"{phase}: {summary}, worst: {probe.worst(phase, 3, own=True)}"
