"""Shared by the benchmarks: run Cove's engine process and collect what it sends back."""

from __future__ import annotations

import os
import platform
import queue
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.engine import protocol as p  # noqa: E402
from app.engine.client import EngineClient  # noqa: E402


def machine() -> dict:
    from app.engine.backend import physical_cores

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "logical_cores": os.cpu_count(), "physical_cores": physical_cores(),
            "python": platform.python_version()}


class Engine:
    """EngineClient with blocking helpers; timestamps every event as it arrives."""

    def __init__(self):
        self.events: queue.Queue = queue.Queue()
        self.client = EngineClient(lambda event: self.events.put((time.perf_counter(), event)))

    def load(self, model: str, options: p.LoadOptions) -> p.ModelLoaded:
        self.client.load(model, options)
        while True:
            _, event = self.events.get(timeout=300)
            if isinstance(event, p.ModelLoaded):
                return event
            if isinstance(event, (p.LoadFailed, p.EngineDied)):
                raise SystemExit(f"could not load {model}: {event.message}")

    def ask(self, model: str, options: p.LoadOptions, messages: list[dict], sampling: dict) -> dict:
        sent = time.perf_counter()
        rid = self.client.generate(model, options, messages, sampling)
        pieces, times = [], []
        while True:
            at, event = self.events.get(timeout=600)
            if isinstance(event, p.Token) and event.request_id == rid:
                pieces.append(event.text)
                times.append(at)
            elif isinstance(event, p.Finished) and event.request_id == rid:
                return {"text": "".join(pieces), "token_times": times, "sent": sent, "stats": event.stats}
            elif isinstance(event, (p.Failed, p.LoadFailed, p.EngineDied)):
                raise SystemExit(f"engine failed: {event.message}")

    def prefill(self, model: str, options: p.LoadOptions, messages: list[dict]) -> int:
        """Process a draft as the window does while the user types; wait until done."""
        rid = self.client.prefill(model, options, messages)
        while True:
            _, event = self.events.get(timeout=600)
            if isinstance(event, p.Prefilled) and event.request_id == rid:
                return event.processed_tokens

    def close(self) -> None:
        self.client.shutdown()
