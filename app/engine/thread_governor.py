"""Fewer threads while other programs use the CPU, all of them again when they stop.

llama.cpp's threads meet at a barrier after every step of every layer, so when another program
takes one of the cores a thread runs on, every token waits for the operating system to give
that thread its core back. Measured on this project's 2-core machine with other work running
(load average 5-6): SmolLM2-135M made 2.0 tokens/s with 2 threads and 21.8 with 1
(benchmarks/busy_machine.py measures it with busy-loop processes as the other programs). So
while the user's own threads setting is "automatic", the engine counts, twice a second during an
answer, how many cores the other programs keep busy (the whole machine's CPU time minus this
process's own), and gives llama.cpp one thread per core left to it (a core at least 70% free
counts), never more than the automatic count and never fewer than one. A number the user chose
is theirs: it is never changed.

The engine's own time is left out of the count, so its threads never crowd themselves out:
with one thread, a machine that has become quiet again shows a free core and the next check
takes it back.
"""

from __future__ import annotations

import math
import time

import psutil

CHECK_INTERVAL = 0.5  # seconds between two looks at the machine while an answer runs
FIRST_LOOK = 0.4  # an answer after a pause: its first look, over its own first moments
SHORTEST = 0.4  # CPU times come in 10 ms ticks: over less, a quiet machine can look a third of a core busy
STALE = 2.0  # a count older than this says what the machine did then, not now
FREE_ENOUGH = 0.7  # a core other programs leave at least this free gets a thread
RAISE_MARGIN = 0.15  # a thread comes back only when its core is this much freer than needed: no flapping


def threads_for(others_cores: float, cores: int, most: int) -> int:
    """Threads for llama.cpp when other programs keep `others_cores` cores busy (on average)."""
    free = cores - max(0.0, others_cores)
    return max(1, min(most, math.floor(free + (1 - FREE_ENOUGH))))


class ThreadGovernor:
    """Follows the machine's load for one loaded model; `apply` hands llama.cpp the thread counts."""

    def __init__(self, threads: int, threads_batch: int, adaptive: bool, apply, cores: int | None = None,
                 clock=time.monotonic):
        self.most = (threads, threads_batch)
        self.adaptive = adaptive
        self.cores = cores or psutil.cpu_count(logical=True) or 1
        self._apply = apply  # (threads, threads_batch) -> None: llama_set_n_threads on the model's context
        self._clock = clock
        self._process = psutil.Process()
        self._since: tuple[float, float, float] | None = None
        self._next_look = 0.0
        self.current = self.most
        self.fewest = threads  # the fewest generation threads an answer ran with (its stats say so)

    def _sample(self) -> tuple[float, float, float]:
        total = psutil.cpu_times()
        if hasattr(total, "dpc"):  # Windows: kernel time already holds interrupts and DPCs
            busy = total.user + total.system
        else:  # Linux counts virtual machines' time (guest) inside user time too
            busy = (sum(total) - total.idle - getattr(total, "iowait", 0.0)
                    - getattr(total, "guest", 0.0) - getattr(total, "guest_nice", 0.0))
        own = self._process.cpu_times()
        return self._clock(), busy, own.user + own.system

    def begin_answer(self) -> None:
        """At an answer's start. Right after another answer, what other programs did meanwhile decides its
        threads at once; after a pause, that long a count would mostly tell what they did back then, so the
        answer starts with the threads the last one ended with and looks again FIRST_LOOK into it."""
        self.fewest = self.current[0]
        if not self.adaptive:
            return
        now = self._clock()
        if self._since is not None and now - self._since[0] <= STALE:
            if now - self._since[0] >= SHORTEST:
                self.check(force=True)
                self.fewest = self.current[0]  # what this answer starts with
            return  # a shorter count goes on into the answer
        try:
            self._since = self._sample()
        except (psutil.Error, OSError):
            return
        self._next_look = now + FIRST_LOOK

    def check(self, force: bool = False) -> None:
        """Called per token and between prompt batches: looks at the machine at most every CHECK_INTERVAL."""
        if not self.adaptive:
            return
        now = self._clock()
        if not force and now < self._next_look:
            return
        self._next_look = now + CHECK_INTERVAL
        try:
            sample = self._sample()
        except (psutil.Error, OSError):  # a machine that hides its counters: keep what we have
            return
        if self._since is None:
            self._since = sample
            return
        wall = sample[0] - self._since[0]
        if wall < SHORTEST:
            return  # too short a count to say anything: it goes on
        others = max(0.0, (sample[1] - self._since[1]) - (sample[2] - self._since[2])) / wall
        self._since = sample
        threads = threads_for(others, self.cores, self.most[0])
        if threads > self.current[0]:
            threads = max(self.current[0], threads_for(others + RAISE_MARGIN, self.cores, self.most[0]))
        wanted = (threads, min(self.most[1], threads))
        if wanted != self.current:
            self._apply(*wanted)
            self.current = wanted
        self.fewest = min(self.fewest, self.current[0])
