"""The engine's options live in core, and core depends on neither the engine nor Qt; machine facts via psutil."""

import ast
import os
from pathlib import Path

import psutil

from app.core import system

CORE = Path(__file__).resolve().parents[2] / "app" / "core"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_neither_the_engine_nor_qt():
    offenders = {path.name: sorted(m for m in imported_modules(path) if m.startswith(("app.engine", "PySide6")))
                 for path in sorted(CORE.glob("*.py"))}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_load_options_and_overflow_policies_are_core_values_reexported_by_the_engine():
    from app.core import engine_options as core
    from app.engine import context, protocol

    assert protocol.LoadOptions is core.LoadOptions
    assert (context.DROP_OLDEST, context.STOP, context.POLICIES) == (core.DROP_OLDEST, core.STOP,
                                                                     core.OVERFLOW_POLICIES)
    assert core.OVERFLOW_POLICIES == ("drop_oldest", "stop")


def test_memory_is_what_psutil_reports(monkeypatch):
    class Memory:
        available, total = 3 << 30, 16 << 30

    monkeypatch.setattr(psutil, "virtual_memory", lambda: Memory)
    assert system.memory() == (3 << 30, 16 << 30)
    assert system.machine().free_ram == 3 << 30


def fake_cpus(monkeypatch, logical: int, physical: int | None, allowed: int):
    counts = {True: logical, False: physical}
    monkeypatch.setattr(psutil, "cpu_count", lambda logical=True: counts[logical])
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(allowed)), raising=False)


def test_physical_cores_count_each_core_once(monkeypatch):
    fake_cpus(monkeypatch, logical=16, physical=8, allowed=16)  # hyper-threads: two per core
    assert (system.physical_cores(), system.logical_cores()) == (8, 16)
    fake_cpus(monkeypatch, logical=16, physical=8, allowed=4)  # a container allowed four CPUs
    assert (system.physical_cores(), system.logical_cores()) == (2, 4)
    fake_cpus(monkeypatch, logical=4, physical=4, allowed=4)  # no hyper-threads: not halved
    assert system.physical_cores() == 4
    fake_cpus(monkeypatch, logical=2, physical=None, allowed=1)  # unknown physical count
    assert system.physical_cores() == 1


def test_the_real_machine_is_read():
    free, total = system.memory()
    assert 0 < free <= total
    assert 1 <= system.physical_cores() <= system.logical_cores()
