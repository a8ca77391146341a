"""What this machine offers a model: free memory, and GPU memory when llama.cpp can use it.

Read without importing llama.cpp (the engine process owns it): the GPU backend is
detected from the shared libraries that llama-cpp-python installed.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Machine:
    free_ram: int           # bytes available to a new program now
    total_ram: int
    gpu_backend: str        # "", "cuda", "metal", "vulkan"…
    free_vram: int = 0      # bytes, for a discrete GPU that llama.cpp can use

    @property
    def model_memory(self) -> int:
        """Memory a model may use: a discrete GPU adds its own to the system's."""
        return self.free_ram + self.free_vram


def _meminfo() -> tuple[int, int] | None:
    try:
        fields = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines() if ":" in line)
        return int(fields["MemAvailable"].split()[0]) * 1024, int(fields["MemTotal"].split()[0]) * 1024
    except (OSError, KeyError, ValueError):
        return None


def _windows_memory() -> tuple[int, int] | None:
    class MEMORYSTATUSEX(ctypes.Structure):
        _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                    ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                    ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                    ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                    ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

    status = MEMORYSTATUSEX()
    status.dwLength = ctypes.sizeof(MEMORYSTATUSEX)
    if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
        return status.ullAvailPhys, status.ullTotalPhys
    return None


def memory() -> tuple[int, int]:
    """(available, total) bytes of RAM."""
    found = _windows_memory() if sys.platform == "win32" else _meminfo()
    if found:
        return found
    try:  # macOS and other POSIX: total only; count on about half of it being free
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        return total // 2, total
    except (ValueError, OSError, AttributeError):
        return 4 << 30, 8 << 30


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
    return Machine(free_ram=free, total_ram=total, gpu_backend=backend, free_vram=vram)
