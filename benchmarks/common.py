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


# --- native llama.cpp, built once for the comparisons ---------------------------------------

LLAMA_CPP_PYTHON_VERSION = "0.3.36"
NATIVE_TARGETS = ("llama-completion", "llama-bench")
# llama.cpp's extra buffer types crash on AMX processors (see app/engine/cpu_quirks.py); the native
# tools get the same work-around as the engine: repacking off, on the command line and through the
# environment variable that llama.cpp's common arguments read.
NATIVE_ENV = {"LLAMA_ARG_REPACK": "0"}


def native_dir(version: str = LLAMA_CPP_PYTHON_VERSION) -> Path:
    return Path.home() / ".cache" / "cove-bench" / f"llama.cpp-{version}"


def native_tools(version: str = LLAMA_CPP_PYTHON_VERSION, targets: tuple[str, ...] = NATIVE_TARGETS) -> dict[str, Path]:
    """Paths of llama.cpp's tools (llama-completion and llama-bench unless `targets` names others) built
    from the llama.cpp that llama-cpp-python vendors.

    Built once into ~/.cache/cove-bench (outside the repository) when missing: the sources come from
    the sdist on the package index (pip download), the build is the CPU build with native flags, as a
    user who compiles llama.cpp on this machine would get.
    """
    import subprocess
    import tarfile
    import tempfile

    root = native_dir(version)
    tools = {name: root / "build" / "bin" / name for name in targets}
    if all(tool.exists() for tool in tools.values()):
        return tools
    source = root / "src"
    if not (source / "CMakeLists.txt").exists():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "pip", "download", f"llama-cpp-python=={version}", "--no-deps",
                            "--no-binary", ":all:", "-d", tmp], check=True,
                           stdout=subprocess.DEVNULL)
            archive = next(Path(tmp).glob("llama_cpp_python-*.tar.gz"))
            with tarfile.open(archive) as tar:
                tar.extractall(tmp, filter="data")
            vendored = next(Path(tmp).glob("llama_cpp_python-*")) / "vendor" / "llama.cpp"
            source.parent.mkdir(parents=True, exist_ok=True)
            vendored.rename(source)
    build = root / "build"
    subprocess.run(["cmake", "-B", str(build), str(source), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                    "-DGGML_NATIVE=ON", "-DLLAMA_CURL=OFF", "-DLLAMA_BUILD_TESTS=OFF"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build), "-j2", "--target", *targets], check=True,
                   stdout=subprocess.DEVNULL)
    return tools


def native_env() -> dict:
    return {**os.environ, **NATIVE_ENV}


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def native_tg_tok_s(tool: Path, model: str, threads: int, tokens: int, flash_attn: bool = False,
                    depth: int = 0) -> float:
    """llama-bench's generation speed (tg): one run (after its warm-up), same model and threads as the engine.

    `depth`: tokens already in the context when it starts (llama-bench's -d), as a prompt is before an answer."""
    import json
    import subprocess

    result = subprocess.run([str(tool), "-m", model, "-p", "0", "-n", str(tokens), "-d", str(depth),
                             "-t", str(threads), "-r", "1",
                             "-ngl", "0", "-fa", "on" if flash_attn else "off", "--repack", "0", "-o", "json"],
                            capture_output=True, text=True, env=native_env(), check=True)
    return float(json.loads(result.stdout)[0]["avg_ts"])


def native_decode_tok_s(tool: Path, model: str, prompt: str, threads: int, tokens: int, n_ctx: int) -> float:
    """llama.cpp's own decoding speed at a given context size: llama-completion generating `tokens`
    greedy tokens after `prompt` (its "eval time": llama_decode alone, as llama-bench's tg).

    llama-bench sizes its context to the test (n_prompt + n_gen: 256 tokens for tg256), and without
    flash attention the V cache is stored transposed, its rows n_ctx apart: at 2,048 llama.cpp itself
    decodes a few percent slower than at 256. This runs it at the engine's context."""
    import re
    import subprocess

    result = subprocess.run([str(tool), "-m", model, "-p", prompt, "-n", str(tokens), "-c", str(n_ctx),
                             "-t", str(threads), "-tb", str(threads), "-ngl", "0", "-fa", "off", "--temp", "0",
                             "--ignore-eos", "-no-cnv", "--no-display-prompt", "-nr"],
                            capture_output=True, text=True, env=native_env(), check=True)
    for line in result.stderr.splitlines():
        found = re.search(r"(?<!prompt )eval time =\s*([\d.]+) ms /\s*(\d+) runs", line)
        if found and "prompt eval" not in line:
            return int(found.group(2)) / (float(found.group(1)) / 1000)
    raise SystemExit("llama-completion printed no eval time")


def _busy_jiffies() -> int:
    """CPU time the whole machine spent busy since boot, in clock ticks (/proc/stat)."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields[:8]) - idle


def _process_jiffies(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


class OtherCpu:
    """CPU seconds that processes other than ours used during a measured run (from /proc/stat)."""

    def __init__(self, pids=()):
        self.pids = [os.getpid(), *pids]

    def __enter__(self):
        import resource

        self._children = resource.getrusage(resource.RUSAGE_CHILDREN)
        self._ours = sum(_process_jiffies(pid) for pid in self.pids)
        self._busy = _busy_jiffies()
        self._wall = time.perf_counter()
        return self

    def __exit__(self, *exc):
        import resource

        tick = os.sysconf("SC_CLK_TCK")
        children = resource.getrusage(resource.RUSAGE_CHILDREN)  # llama-bench, once it has ended
        reaped = (children.ru_utime + children.ru_stime) - (self._children.ru_utime + self._children.ru_stime)
        ours = (sum(_process_jiffies(pid) for pid in self.pids) - self._ours) / tick + reaped
        self.seconds = max(0.0, (_busy_jiffies() - self._busy) / tick - ours)
        self.cores = self.seconds / max(1e-9, time.perf_counter() - self._wall)  # others' average load
        return False
