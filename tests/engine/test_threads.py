"""Thread defaults that degrade gracefully on a busy machine (issue 14, point 2)."""

from pathlib import Path

import pytest

from app.core import engine_options as eo
from app.core import system
from app.core.gguf_file import GGUFInfo


@pytest.mark.parametrize("physical, logical, expected", [
    (1, 1, 1),    # one core: nothing to spare
    (1, 2, 1),    # one core with a hyper-thread: still one
    (2, 2, 2),    # two cores: both (leaving one free would halve the speed)
    (2, 4, 2),
    (4, 4, 3),    # more than two: one left for the window and other programs
    (4, 8, 3),    # hyper-threads never add threads
    (8, 8, 7),
    (8, 16, 7),
    (16, 16, 15),
    (16, 32, 15),
])
def test_automatic_threads_leave_a_core_free_above_two(physical, logical, expected):
    assert eo.auto_threads(physical, logical) == expected
    assert eo.thread_counts(0, 0, physical, logical) == (expected, expected)


@pytest.mark.parametrize("physical, logical", [(1, 1), (2, 2), (4, 8), (8, 16), (16, 32)])
def test_threads_never_exceed_the_cores_for_prompt_or_generation(physical, logical):
    for asked in (0, 1, 3, 64, 512):
        threads, batch = eo.thread_counts(asked, asked, physical, logical)
        assert 1 <= threads <= logical and 1 <= batch <= logical
        assert threads <= physical or asked > 0  # automatic never goes past the physical cores


def test_the_users_thread_counts_are_kept_up_to_the_cores():
    assert eo.thread_counts(2, 6, 4, 8) == (2, 6)
    assert eo.thread_counts(12, 0, 4, 8) == (8, 3)
    assert eo.thread_counts(0, 99, 2, 2) == (2, 2)


def test_a_container_with_fewer_cpus_than_cores_gets_fewer_threads():
    assert eo.auto_threads(physical=8, logical=3) == 3  # affinity allows three CPUs


def test_the_engine_chooses_the_automatic_counts(monkeypatch):
    from app.engine import backend

    monkeypatch.setattr(system, "physical_cores", lambda: 8)
    monkeypatch.setattr(system, "logical_cores", lambda: 16)
    chosen = backend.choose(_info(), eo.LoadOptions(n_gpu_layers=0))
    assert (chosen.n_threads, chosen.n_threads_batch) == (7, 7)
    chosen = backend.choose(_info(), eo.LoadOptions(n_threads=32, n_threads_batch=4, n_gpu_layers=0))
    assert (chosen.n_threads, chosen.n_threads_batch) == (16, 4)


def _info() -> GGUFInfo:
    return GGUFInfo(path=Path("model.gguf"), version=3, tensor_count=0, file_size=100 << 20)
