"""How fast a model will answer on this machine: tokens per second, estimated, and a label for it.

Fitting in memory is not enough: on two cores without a GPU a 9B model fits in 16 GB
and writes two words a second. Writing one token reads every weight once, so a
model's speed is close to the memory bandwidth that llama.cpp gets divided by the
size of the file. That bandwidth is guessed from the hardware (cores, a GPU and its
free memory) until Cove has answered on this machine: the engine reports tokens per
second after every answer, and that figure times the model's size is this machine's
real bandwidth, recorded in a small file (CovePaths.speed_file) and used from then on.

A very small model (the built-in 135M one) spends its time on per-token work, not
on reading weights, so its figure understates the bandwidth: it is only a floor
under the guess. Measurements are kept per model size, best figure each, so that
one answer written while the machine was busy does not mark every model slow.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from app.core.i18n import N_
from app.core.private_files import write_private
from app.core.system import Machine

GB = 1e9
FAST, USABLE, SLOW = N_("fast here"), N_("usable here"), N_("slow here")  # shown translated: _(label)
FAST_TPS = 10.0    # faster than anyone reads: feels instant
USABLE_TPS = 5.0   # about reading speed: fine to wait for
# What llama.cpp reads per second from memory (bytes/s): a few GB/s per core, up to
# what a desktop's memory delivers; a GPU's own memory, or Apple's unified memory.
CPU_PER_CORE, CPU_MOST = 5 * GB, 60 * GB
GPU = {"cuda": 300 * GB, "hip": 300 * GB, "metal": 100 * GB}
MIN_MEASURED_SIZE = 300 << 20   # smaller models measure per-token work more than bandwidth
MIN_MEASURED_TOKENS = 32         # shorter answers time the start more than the speed
_KEPT = 12                       # measurements kept (one per model size)
_GPU_OVERHEAD = 600 << 20        # the KV cache and compute buffers beside the weights


def _cpu_bandwidth(machine: Machine) -> float:
    guess = min(machine.physical_cores * CPU_PER_CORE, CPU_MOST)
    if machine.measured_size >= MIN_MEASURED_SIZE:
        return machine.measured_bandwidth
    return max(guess, machine.measured_bandwidth)


def tokens_per_second(file_size: int, machine: Machine) -> float | None:
    """Estimated generation speed of a model file of this size here; None when nothing is known."""
    if file_size <= 0:
        return None
    cpu = _cpu_bandwidth(machine)
    gpu = GPU.get(machine.gpu_backend, 0.0)
    if machine.gpu_backend == "metal":  # the GPU reads the system's memory: no split
        bandwidth = cpu if machine.measured_size >= MIN_MEASURED_SIZE else max(cpu, gpu)
        return bandwidth / file_size if bandwidth > 0 else None
    if gpu and machine.free_vram > _GPU_OVERHEAD:
        # Layers that fit the GPU's memory run there; the rest on the CPU, one after the other.
        on_gpu = min(1.0, (machine.free_vram - _GPU_OVERHEAD) / file_size)
        if on_gpu < 1 and cpu <= 0:
            return None
        seconds = file_size * on_gpu / gpu + (file_size * (1 - on_gpu) / cpu if on_gpu < 1 else 0.0)
        return 1 / seconds if seconds > 0 else None
    return cpu / file_size if cpu > 0 else None


def label(file_size: int, machine: Machine) -> str:
    """FAST, USABLE or SLOW for a model file of this size here; "" when the speed cannot be told."""
    speed = tokens_per_second(file_size, machine)
    if speed is None:
        return ""
    return FAST if speed >= FAST_TPS else USABLE if speed >= USABLE_TPS else SLOW


# Measurements ------------------------------------------------------------------------

def load(path: Path) -> dict[int, float]:
    """{model file size: best tokens per second} recorded here; {} when none or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {int(size): float(tps) for size, tps in data["measured"].items()
                if int(size) > 0 and 0 < float(tps) < 1e5}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def record(path: Path, file_size: int, tokens_per_second: float | None, tokens: int | None) -> bool:
    """Keep an answer's speed (the best per model size); False when it tells nothing or cannot be saved."""
    if not file_size or not tokens_per_second or (tokens or 0) < MIN_MEASURED_TOKENS:
        return False
    if not 0 < tokens_per_second < 1e5:
        return False
    measured = load(path)
    if measured.get(file_size, 0.0) >= tokens_per_second:
        return False
    measured[file_size] = tokens_per_second
    kept = dict(sorted(measured.items(), key=lambda item: -item[0])[:_KEPT])  # the largest models tell most
    try:
        write_private(path, json.dumps({"measured": {str(k): round(v, 2) for k, v in kept.items()}}))
    except OSError:
        return False  # a read-only or full disk: the estimate stays a guess
    return True


def best_bandwidth(measured: dict[int, float]) -> tuple[float, int]:
    """(bytes/s, model size) from the measurements: the best among models large enough to tell, else any."""
    large = {size: tps for size, tps in measured.items() if size >= MIN_MEASURED_SIZE}
    pool = large or measured
    if not pool:
        return 0.0, 0
    size = max(pool, key=lambda s: s * pool[s])
    return size * pool[size], size


def with_measurements(machine: Machine, path: Path | None) -> Machine:
    """The machine with the speed its answers showed (from the file at path), when there is one."""
    bandwidth, size = best_bandwidth(load(path)) if path is not None else (0.0, 0)
    return replace(machine, measured_bandwidth=bandwidth, measured_size=size) if bandwidth else machine
