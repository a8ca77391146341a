"""What this machine offers a model: free memory, cores, and GPU memory when llama.cpp can use it.

Memory and cores come from psutil, which reads them the same way on Linux, macOS and
Windows (no /proc parsing, no guess of half the RAM on macOS).

Read without importing llama.cpp (the engine process owns it): the GPU backend is
detected from the shared libraries that llama-cpp-python installed.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psutil

from app.core.i18n import N_, _


@dataclass(frozen=True)
class Machine:
    free_ram: int           # bytes available to a new program now
    total_ram: int
    gpu_backend: str        # "", "cuda", "metal", "vulkan"…
    free_vram: int = 0      # bytes, for a discrete GPU that llama.cpp can use
    physical_cores: int = 0  # 0: not known (then no speed is estimated, see speed.py)
    # From this machine's answers (speed.with_measurements): bytes/s and the model size it was measured with.
    measured_bandwidth: float = 0.0
    measured_size: int = 0

    @property
    def model_memory(self) -> int:
        """Memory a model may use: a discrete GPU adds its own to the system's."""
        return self.free_ram + self.free_vram


def memory() -> tuple[int, int]:
    """(available, total) bytes of RAM, as the operating system counts them (psutil, on every platform)."""
    try:
        found = psutil.virtual_memory()
        return int(found.available), int(found.total)
    except (OSError, RuntimeError, AttributeError):
        return 4 << 30, 8 << 30  # cannot be read (a locked-down sandbox): a modest machine


def logical_cores() -> int:
    """CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, psutil.cpu_count(logical=True) or os.cpu_count() or 1)


def physical_cores() -> int:
    """Physical cores among the CPUs this process may use: hyper-threads of one core count once.

    Generation runs best with one thread per physical core. psutil knows the machine's
    physical cores on every platform; the share of them this process may use follows
    its CPU affinity.
    """
    machine_logical = psutil.cpu_count(logical=True) or logical_cores()
    machine_physical = psutil.cpu_count(logical=False) or machine_logical
    threads_per_core = max(1, machine_logical // machine_physical)
    return max(1, min(machine_physical, logical_cores() // threads_per_core))


def gpu_backend() -> str:
    """The GPU backend the installed llama.cpp was built with, from its library files."""
    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or spec.origin is None:
        return ""
    names = " ".join(p.name.lower() for p in Path(spec.origin).parent.rglob("*ggml*"))
    for backend in ("cuda", "metal", "vulkan", "hip", "sycl"):
        if f"ggml-{backend}" in names:
            return backend
    return "metal" if sys.platform == "darwin" and "ggml" in names else ""


def _nvidia_free_vram() -> int:
    tool = shutil.which("nvidia-smi")
    if not tool:
        return 0
    try:
        out = subprocess.run([tool, "--query-gpu=memory.free", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=5, check=True).stdout
        return max(int(line.strip()) for line in out.splitlines() if line.strip()) * (1 << 20)
    except (OSError, subprocess.SubprocessError, ValueError):
        return 0


def machine() -> Machine:
    free, total = memory()
    backend = gpu_backend()
    # Apple's GPUs share the system memory, so only CUDA adds memory of its own.
    vram = _nvidia_free_vram() if backend == "cuda" else 0
    return Machine(free_ram=free, total_ram=total, gpu_backend=backend, free_vram=vram,
                   physical_cores=physical_cores())


# When other programs use at least this share of the CPUs, Cove's threads wait for them
# (see engine_options.auto_threads) and answers come noticeably slower.
BUSY_SHARE = 0.5


def others_load(total_percent: float, own_percent: float, cpus: int) -> float:
    """CPUs' worth of work done by other programs: the machine's load less Cove's own.

    total_percent is psutil's machine-wide figure (100 = every CPU busy); own_percent
    is the sum of Cove's processes' figures (100 = one CPU busy, as psutil counts them).
    """
    cpus = max(1, cpus)
    return max(0.0, total_percent / 100 * cpus - own_percent / 100)


def is_busy(total_percent: float, own_percent: float, cpus: int) -> bool:
    """Other programs keep at least half the CPUs (and at least one) busy."""
    cpus = max(1, cpus)
    return others_load(total_percent, own_percent, cpus) >= max(1.0, BUSY_SHARE * cpus)


class CpuWatch:
    """Measures, between two calls, how busy the machine is with work that is not Cove's.

    Cove's own processes (this one and its children: the engine) are counted apart,
    so a long answer never reports itself as "busy". psutil's figures are deltas
    since the previous call, so the first call only starts the measurement.
    """

    def __init__(self):
        self._own: dict[int, psutil.Process] = {}
        self._started = False

    def _own_percent(self) -> float:
        try:
            me = psutil.Process()
            current = [me, *me.children(recursive=True)]
        except (psutil.Error, OSError):
            return 0.0
        total = 0.0
        own = {}
        for process in current:
            known = self._own.get(process.pid, process)
            try:
                percent = known.cpu_percent(None)  # 0.0 the first time a process is seen
            except (psutil.Error, OSError):
                continue
            own[process.pid] = known
            total += percent
        self._own = own
        return total

    def busy(self) -> bool | None:
        """True when other programs load the CPUs heavily since the last call; None on the first call."""
        try:
            total = psutil.cpu_percent(None)
        except (OSError, RuntimeError):
            return None
        own = self._own_percent()
        if not self._started:
            self._started = True
            return None
        return is_busy(total, own, psutil.cpu_count(logical=True) or logical_cores())


def cpu_name() -> str:
    """The processor's marketing name ("AMD Ryzen 7 7840U…"), or "" when the system does not say."""
    try:
        if sys.platform.startswith("linux"):
            for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
                key, _, value = line.partition(":")
                if key.strip() in ("model name", "Model", "Hardware") and value.strip():
                    return " ".join(value.split())[:120]
        elif sys.platform == "darwin":
            out = subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True, text=True,
                                 timeout=5, check=True).stdout
            return " ".join(out.split())[:120]
    except (OSError, subprocess.SubprocessError):
        pass
    return " ".join(platform.processor().split())[:120]


# llama.cpp's feature names as people know them from spec sheets. Features every 64-bit CPU of the last
# decade has (SSE3, FMA, F16C…) and build switches (OPENMP, REPACK, LLAMAFILE) say nothing and are left out.
_ACCELERATIONS = (("AVX", "AVX"), ("AVX2", "AVX2"), ("AVX_VNNI", "AVX-VNNI"), ("AVX512", "AVX-512"),
                  ("AVX512_VNNI", "AVX-512 VNNI"), ("AVX512_BF16", "AVX-512 BF16"), ("AMX_INT8", "AMX"),
                  ("NEON", "NEON"), ("DOTPROD", N_("dot product")), ("MATMUL_INT8", N_("int8 matrix multiply")),
                  ("SVE", "SVE"), ("SME", "SME"))


def accelerations(system_info: str) -> list[str]:
    """The CPU accelerations llama.cpp uses, in words ("AVX2", "AVX-512"…), from its system-info string
    ("CPU : SSE3 = 1 | AVX2 = 1 | …")."""
    on = set(re.findall(r"([A-Z0-9_]+) = 1", system_info or ""))
    # Brand names (AVX2, NEON) read the same in every language; _() leaves them as they are
    return [_(words) for feature, words in _ACCELERATIONS if feature in on]
