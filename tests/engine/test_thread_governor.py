"""While other programs use the CPU the engine runs fewer threads (thread_governor.py), only when the user's
threads setting is automatic, and takes the cores back when the machine is quiet again."""

import multiprocessing
import os
import time

import pytest

from app.engine import protocol as p
from app.engine import thread_governor as tg
from app.engine.client import EngineClient
from tests.engine.test_engine import Events
from tests.support.settings import GREEDY


@pytest.mark.parametrize("others, cores, most, expected", [
    (0.0, 2, 2, 2),   # a quiet machine: every thread
    (0.2, 2, 2, 2),   # a little background work: a core 80% free still counts
    (0.4, 2, 2, 1),   # a core 60% free does not: one thread waiting for it would stall the other
    (1.0, 2, 2, 1),
    (2.0, 2, 2, 1),   # never fewer than one
    (5.0, 2, 2, 1),
    (1.0, 8, 7, 7),   # one core busy of eight: the automatic seven still fit
    (3.0, 8, 7, 5),
    (0.0, 8, 3, 3),   # never more than the automatic count
    (-1.0, 2, 2, 2),  # a counter that went backwards is no load
])
def test_threads_for_the_cores_other_programs_leave(others, cores, most, expected):
    assert tg.threads_for(others, cores, most) == expected


class Machine:
    """psutil's counters as the governor reads them, driven by the test: busy and own CPU seconds."""

    def __init__(self, monkeypatch):
        self.now, self.busy, self.own = 100.0, 0.0, 0.0
        monkeypatch.setattr(tg.ThreadGovernor, "_sample", lambda governor: (self.now, self.busy, self.own))

    def run(self, seconds, others, own):
        self.now += seconds
        self.busy += (others + own) * seconds
        self.own += own * seconds


def make(monkeypatch, adaptive=True, threads=2, batch=2, cores=2):
    machine = Machine(monkeypatch)
    applied = []
    governor = tg.ThreadGovernor(threads, batch, adaptive, lambda t, b: applied.append((t, b)), cores=cores,
                                 clock=lambda: machine.now)
    return machine, governor, applied


def test_other_programs_taking_a_core_leave_one_thread_and_a_quiet_machine_gives_it_back(monkeypatch):
    machine, governor, applied = make(monkeypatch)
    governor.begin_answer()  # nothing counted yet: the first look comes a moment into the answer
    machine.run(0.5, others=1.0, own=1.0)
    governor.check()
    assert applied == [(1, 1)] and governor.current == (1, 1) and governor.fewest == 1
    machine.run(0.6, others=0.0, own=1.0)  # the other program ended; the engine's own thread is not "others"
    governor.check()
    assert applied == [(1, 1), (2, 2)] and governor.current == (2, 2)
    assert governor.fewest == 1  # this answer ran with one thread for a while: its stats say so
    governor.begin_answer()
    assert governor.fewest == 2


def test_the_machine_is_looked_at_at_most_twice_a_second_over_counts_long_enough_to_trust(monkeypatch):
    machine, governor, applied = make(monkeypatch)
    governor.begin_answer()
    machine.run(0.25, others=2.0, own=0.0)
    governor.check()  # 0.25 s into the answer: not yet
    assert applied == []
    machine.run(0.25, others=2.0, own=0.0)
    governor.check()  # the first look
    assert applied == [(1, 1)]
    machine.run(0.3, others=0.0, own=1.0)
    governor.check()  # 0.3 s after it: not yet
    assert applied == [(1, 1)]
    machine.run(0.3, others=0.0, own=1.0)
    governor.check()
    assert applied == [(1, 1), (2, 2)]
    machine.run(0.1, others=2.0, own=0.0)
    governor.begin_answer()  # 0.1 s since the last look: ten-millisecond ticks over so short a time say little
    assert applied == [(1, 1), (2, 2)] and governor.fewest == 2


def test_a_core_on_the_edge_does_not_make_the_threads_flap(monkeypatch):
    machine, governor, applied = make(monkeypatch)
    governor.begin_answer()
    machine.run(0.5, others=0.35, own=1.0)  # 65% free: not enough for a second thread
    governor.check()
    assert applied == [(1, 1)]
    for _ in range(4):
        machine.run(0.5, others=0.25, own=1.0)  # 75% free would do for a first look, not to raise again
        governor.check()
    assert applied == [(1, 1)]
    machine.run(0.5, others=0.05, own=1.0)
    governor.check()
    assert applied == [(1, 1), (2, 2)]


def test_an_answer_right_after_busy_moments_starts_with_fewer_threads_but_a_pause_is_not_held_against_it(
        monkeypatch):
    machine, governor, applied = make(monkeypatch)
    governor.begin_answer()
    machine.run(1.0, others=0.0, own=2.0)
    governor.check()
    assert applied == []
    machine.run(1.0, others=2.0, own=0.0)  # between two answers, another program ran: the next starts with one
    governor.begin_answer()
    assert applied == [(1, 1)] and governor.fewest == 1
    machine.run(1.0, others=0.0, own=1.0)
    governor.check()
    assert applied == [(1, 1), (2, 2)]
    machine.run(30.0, others=2.0, own=0.0)  # busy long ago, quiet for the last moment:
    machine.run(0.1, others=0.0, own=0.0)
    governor.begin_answer()  # a count over the pause would say "busy": it starts as the last answer ended
    assert applied == [(1, 1), (2, 2)]
    machine.run(0.5, others=0.0, own=2.0)
    governor.check()  # and looks at its own first moments
    assert applied == [(1, 1), (2, 2)] and governor.current == (2, 2)


def test_a_users_thread_count_is_never_changed(monkeypatch):
    machine, governor, applied = make(monkeypatch, adaptive=False)
    governor.begin_answer()
    machine.run(1.0, others=2.0, own=0.0)
    governor.check()
    governor.check(force=True)
    assert applied == [] and governor.current == (2, 2) and governor.fewest == 2


def test_prompt_threads_follow_but_never_rise_above_their_own_count(monkeypatch):
    machine, governor, applied = make(monkeypatch, threads=6, batch=3, cores=8)
    governor.begin_answer()
    machine.run(1.0, others=4.0, own=0.0)  # four cores left: four generation threads, prompt keeps three
    governor.check()
    assert applied == [(4, 3)]


def _spin(stop):
    while not stop.is_set():
        pass


def test_the_engine_answers_with_one_thread_while_other_programs_keep_every_core_busy(smollm2):
    """Real processes keep the cores busy; the real engine's answer says how many threads it ended up with."""
    stop = multiprocessing.get_context("spawn").Event()
    events = Events()
    client = EngineClient(events)
    hogs = []
    try:
        automatic = p.LoadOptions(n_ctx=1024, n_gpu_layers=0)
        cores = os.cpu_count() or 1
        chosen = p.LoadOptions(n_ctx=1024, n_gpu_layers=0, n_threads=min(2, cores), n_threads_batch=min(2, cores))
        question = [{"role": "user", "content": "Write a long story about a dragon."}]
        client.load(str(smollm2), automatic)
        events.next((p.ModelLoaded,), timeout=120)
        hogs = [multiprocessing.get_context("spawn").Process(target=_spin, args=(stop,)) for _ in range(cores)]
        for hog in hogs:
            hog.start()
        time.sleep(1.0)
        rid = client.generate(str(smollm2), automatic, question, {**GREEDY, "max_tokens": 48})
        _, done = events.answer(rid, timeout=300)
        assert isinstance(done, p.Finished) and done.stats["threads"] == 1, done
        rid = client.generate(str(smollm2), chosen, question, {**GREEDY, "max_tokens": 8})
        _, done = events.answer(rid, timeout=300)
        assert isinstance(done, p.Finished) and done.stats["threads"] == min(2, cores), done  # the user's number stays
    finally:
        stop.set()
        for hog in hogs:
            hog.join(10)
        client.shutdown()


def test_virtual_machines_and_interrupts_are_not_counted_twice(monkeypatch):
    from collections import namedtuple

    linux = namedtuple("scputimes", "user nice system idle iowait irq softirq steal guest guest_nice")
    windows = namedtuple("scputimes", "user system idle interrupt dpc")
    governor = tg.ThreadGovernor(2, 2, True, lambda t, b: None, cores=2)
    monkeypatch.setattr(tg.psutil, "cpu_times", lambda: linux(10, 1, 5, 100, 3, 1, 1, 0, 4, 1))
    assert governor._sample()[1] == 10 + 1 + 5 + 1 + 1 + 0  # guest time is already in user and nice
    monkeypatch.setattr(tg.psutil, "cpu_times", lambda: windows(10, 5, 100, 2, 1))
    assert governor._sample()[1] == 15  # kernel time already holds interrupts and DPCs
