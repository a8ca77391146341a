"""How long the GUI thread goes without handling events: a timer that notes its own lateness.

A QTimer fires every INTERVAL_MS on the thread it lives in (the GUI thread). When
that thread is busy (a slot that runs long, a layout, a blocking call), the next
firing comes late; each gap beyond the interval is a stall the user would feel as
a frozen window. Used by benchmarks/ui_latency.py and tests/test_ui_latency.py;
it knows nothing about the rest of Cove.

On Linux each gap is also split using the scheduler's statistics
(/proc/self/task/*/schedstat): the time the GUI thread ran (our code, Qt's layout),
the time it was ready but waited for a CPU, and the longest time another thread of
the process waited for one (it may hold the GIL the GUI thread needs). A stall less
those waits is what Cove's own code caused (working, or blocked on a lock, a pipe,
a socket, a sleep), whatever else keeps the machine's cores busy; the wall-clock
stall is what the user saw.

    probe = StallProbe(); probe.start()
    with probe.phase("generation"): ...run the event loop...
    probe.summary("generation")  # {"max_stall_ms": ..., "p99_stall_ms": ..., ...}

With sample_stacks=True a watcher thread also notes the GUI thread's Python stack every
few milliseconds while a firing is overdue, so that each stall says which slot (or which
Qt call made from Python) it was spent in: probe.stacks(stall). The watcher needs the GIL
to look, so it is for finding causes, not for the figures that are reported.
"""

from __future__ import annotations

import bisect
import collections
import os
import sys
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 5
STALL_MS = 50  # a gap beyond this is a stall a user notices


@dataclass(frozen=True)
class Stall:
    at: float            # when the late firing came (the probe's clock)
    ms: float            # how late: gap - interval
    cpu_ms: float        # the GUI thread on a CPU during the gap
    runqueue_ms: float   # the GUI thread ready to run but waiting for a CPU (0 where unknown)
    others_runqueue_ms: float = 0.0  # the longest wait for a CPU of any other thread of the process

    @property
    def own_ms(self) -> float:
        """The stall less the waits for a CPU: the GUI thread working or blocked by our own code."""
        return max(0.0, self.ms - self.runqueue_ms - self.others_runqueue_ms)


class _SchedStat:
    """Time on a CPU and waiting for one (ms), for the calling thread and the process's others (Linux).

    Elsewhere: the thread's CPU time from time.thread_time(), and no waits.
    """

    def __init__(self):
        self.tid = threading.get_native_id()
        self.fds: dict[int, int] = {}  # thread id -> its open schedstat file
        self.others: dict[int, float] | None = None  # other threads' waits at the last read
        self.own = None
        try:
            self.own = self._open(self.tid)
            self.read()
        except (OSError, ValueError, IndexError):
            self.close()
            self.own = None

    def _open(self, tid: int) -> int:
        fd = self.fds[tid] = os.open(f"/proc/self/task/{tid}/schedstat", os.O_RDONLY)
        return fd

    @staticmethod
    def _values(fd: int) -> tuple[float, float]:
        run_ns, wait_ns = os.pread(fd, 128, 0).split()[:2]
        return int(run_ns) / 1e6, int(wait_ns) / 1e6

    def read(self) -> tuple[float, float, float]:
        """(GUI thread's CPU, its wait for a CPU, the longest other thread's wait since the last read)."""
        if self.own is None:
            return time.thread_time() * 1000, 0.0, 0.0
        cpu, waited = self._values(self.own)
        longest, seen = 0.0, {}
        for name in os.listdir("/proc/self/task"):
            tid = int(name)
            if tid == self.tid:
                continue
            try:
                seen[tid] = self._values(self.fds.get(tid) or self._open(tid))[1]
            except (OSError, ValueError, IndexError):
                continue  # the thread just ended
            if self.others is not None:  # a thread started since the last read counts from its start
                longest = max(longest, seen[tid] - self.others.get(tid, 0.0))
        for tid in set(self.fds) - set(seen) - {self.tid}:
            os.close(self.fds.pop(tid))
        self.others = seen
        return cpu, waited, longest

    def close(self) -> None:
        for fd in self.fds.values():
            os.close(fd)
        self.fds = {}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def _short_stack(frame, depth: int = 6) -> str:
    """The innermost frames of Cove's own code (app/, benchmarks/), innermost last: 'file:line fn < ...'."""
    found = []
    for entry in reversed(traceback.extract_stack(frame)):
        if "/app/" in entry.filename or "/benchmarks/" in entry.filename:
            found.append(f"{entry.filename.rsplit('/', 2)[-2]}/{entry.filename.rsplit('/', 1)[-1]}:"
                         f"{entry.lineno} {entry.name}")
        if len(found) == depth:
            break
    return " < ".join(found) or "(Qt, no Python frame)"


class _StackSampler(threading.Thread):
    """Notes the watched thread's stack every SAMPLE_MS while the probe's next firing is overdue."""

    SAMPLE_MS = 3

    def __init__(self, probe: StallProbe, thread_ident: int):
        super().__init__(name="stall-probe-sampler", daemon=True)
        self.probe, self.watched = probe, thread_ident
        self.running = True

    def run(self) -> None:
        overdue = (self.probe.interval_ms + 10) / 1000
        while self.running:
            time.sleep(self.SAMPLE_MS / 1000)
            last = self.probe._last_at
            now = self.probe.clock()
            if last is not None and now - last > overdue:
                frame = sys._current_frames().get(self.watched)
                if frame is not None:
                    self.probe.stack_samples.append((now, _short_stack(frame)))


class StallProbe(QObject):
    def __init__(self, interval_ms: int = INTERVAL_MS, parent=None, clock=time.perf_counter,
                 sample_stacks: bool = False):
        super().__init__(parent)
        self.sample_stacks = sample_stacks
        self._sampler: _StackSampler | None = None
        self._last_at: float | None = None  # the last firing, for the sampler thread
        self.stack_samples: list[tuple[float, str]] = []  # (when, the GUI thread's stack) while overdue
        self.interval_ms = interval_ms
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self._last: tuple[float, float, float] | None = None
        self._sched: _SchedStat | None = None
        self.samples: list[Stall] = []  # one per firing after the first, in time order
        self._phases: dict[str, list[tuple[float, float | None]]] = {}  # name -> [(start, end)]

    def start(self) -> StallProbe:
        """Start measuring; call it on the thread to watch (the probe must live there)."""
        self._sched = self._sched or _SchedStat()
        self._last = None
        self.timer.start()
        if self.sample_stacks and (self._sampler is None or not self._sampler.running):
            self._sampler = _StackSampler(self, threading.get_ident())
            self._sampler.start()
        return self

    def stop(self) -> None:
        self.timer.stop()
        self._last = self._last_at = None
        if self._sampler is not None:
            self._sampler.running = False
            self._sampler.join(1)
        if self._sched is not None:
            self._sched.close()
            self._sched = None

    def _tick(self) -> None:
        now = self.clock()
        cpu, waited, others = self._sched.read()
        if self._last is not None:
            last, last_cpu, last_waited = self._last
            self.samples.append(Stall(now, max(0.0, (now - last) * 1000 - self.interval_ms),
                                      cpu - last_cpu, waited - last_waited, others))
        self._last = (now, cpu, waited)
        self._last_at = now

    @contextmanager
    def phase(self, name: str):
        """Attribute the stalls that end while the block runs (the event loop spinning in it) to name."""
        spans = self._phases.setdefault(name, [])
        spans.append((self.clock(), None))
        try:
            yield self
        finally:
            spans[-1] = (spans[-1][0], self.clock())

    def stalls(self, name: str | None = None) -> list[Stall]:
        if name is None:
            return list(self.samples)
        times = [s.at for s in self.samples]
        found = []
        for start, end in self._phases.get(name, []):
            found += self.samples[bisect.bisect_left(times, start):
                                  bisect.bisect_right(times, end if end is not None else float("inf"))]
        return found

    def summary(self, name: str | None = None) -> dict:
        """All samples' or one phase's: worst stall, 99th percentile and stalls over STALL_MS (ms);
        max_own_stall_ms is the worst stall less the time the process's threads waited for a CPU."""
        stalls = self.stalls(name)
        values = [s.ms for s in stalls]
        return {"max_stall_ms": round(max(values, default=0.0), 1),
                "p99_stall_ms": round(percentile(values, 0.99), 1),
                "stalls_over_50ms": sum(v > STALL_MS for v in values),
                "max_own_stall_ms": round(max((s.own_ms for s in stalls), default=0.0), 1),
                "samples": len(values)}

    def worst(self, name: str | None = None, count: int = 5, own: bool = False) -> list[Stall]:
        """The longest stalls (by wall clock, or less the CPU wait with own=True), for diagnosis."""
        return sorted(self.stalls(name), key=lambda s: -(s.own_ms if own else s.ms))[:count]

    def stacks(self, stall: Stall, count: int = 3) -> list[str]:
        """With sample_stacks: the stacks the GUI thread was seen in during this stall, most seen first,
        each as 'N× stack'."""
        start = stall.at - (stall.ms + self.interval_ms) / 1000
        seen = collections.Counter(stack for at, stack in list(self.stack_samples) if start <= at <= stall.at)
        return [f"{n}× {stack}" for stack, n in seen.most_common(count)]
