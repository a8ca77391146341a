"""Telling when other programs keep the CPUs busy, with Cove's own work counted apart (issue 14, point 2)."""

import psutil

from app.core import system


def test_others_load_subtracts_coves_own_processes():
    # 4 CPUs at 75%: three CPUs' worth; Cove itself used 200% (two CPUs): others use one
    assert system.others_load(75, 200, 4) == 1.0
    assert system.others_load(10, 200, 4) == 0.0  # never below zero (the figures are sampled apart)


def test_busy_means_others_use_half_the_cpus_and_at_least_one():
    assert not system.is_busy(100, 200, 2)      # a 2-CPU machine full of Cove's own answer: not busy
    assert system.is_busy(100, 100, 2)          # one CPU for Cove, one for others: busy
    assert not system.is_busy(40, 0, 8)         # others use 3.2 of 8 CPUs
    assert system.is_busy(90, 300, 8)           # others use 4.2 of 8
    assert not system.is_busy(80, 0, 1)         # a single CPU at 80%: under one CPU's worth
    assert system.is_busy(100, 0, 1)


class IdleCove:
    """Cove's own process, idle, with no engine child.

    The real test process cannot stand in: between two calls a few microseconds apart,
    psutil divides one clock tick of CPU time by almost no wall time and can report
    this process at 1000% (seen in CI).
    """

    pid = 1

    def children(self, recursive=False):
        return []

    def cpu_percent(self, interval=None):
        return 0.0


def test_the_watch_reports_nothing_until_it_has_two_samples(monkeypatch):
    figures = iter([90.0, 95.0])
    monkeypatch.setattr(psutil, "Process", lambda *a: IdleCove())
    monkeypatch.setattr(psutil, "cpu_percent", lambda interval=None: next(figures))
    monkeypatch.setattr(psutil, "cpu_count", lambda logical=True: 4)
    watch = system.CpuWatch()
    assert watch.busy() is None          # the first call starts the measurement
    assert watch.busy() is True          # 95% of 4 CPUs, none of it Cove's


def test_the_watch_counts_the_engine_child_as_coves(monkeypatch):
    class Child:
        pid = 999_999

        def cpu_percent(self, interval=None):
            return 300.0  # three CPUs of engine work

    class Me:
        pid = 1

        def children(self, recursive=False):
            return [Child()]

        def cpu_percent(self, interval=None):
            return 50.0

    monkeypatch.setattr(psutil, "Process", lambda *a: Me())
    monkeypatch.setattr(psutil, "cpu_percent", lambda interval=None: 100.0)
    monkeypatch.setattr(psutil, "cpu_count", lambda logical=True: 4)
    watch = system.CpuWatch()
    watch.busy()
    assert watch.busy() is False  # 4 CPUs full, 3.5 of them Cove's: others use half a CPU
