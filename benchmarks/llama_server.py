"""llama.cpp's own server (llama-cpp-python's `python -m llama_cpp.server`) for the comparisons, stopped whatever happens.

A benchmark that starts a server must not leave it running: a forgotten server holds a
model in memory and a port, and its threads slow every later measurement on the machine.
LlamaServer is a context manager that stops it on leaving (normally, on an error, on
Ctrl+C), and the first one started turns SIGTERM and SIGHUP into an ordinary exit so that
`with` blocks and atexit run when the benchmark itself is stopped; atexit stops what is
left. The server runs in its own process group, killed as a whole.

It is started through a two-line launcher that first applies Cove's CPU work-around
(app/engine/cpu_quirks.py): llama.cpp's AMX buffers crash on some Xeons (the CI machine's
among them) and llama_cpp.server has no option to turn them off. Both sides then load the
model the same way.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import llama_cpp; "
            "from app.engine import cpu_quirks; cpu_quirks.apply(llama_cpp); "
            "from llama_cpp.server.__main__ import main; sys.argv[0] = 'llama_cpp.server'; main()")
_RUNNING: list[LlamaServer] = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop_all() -> None:
    for server in list(_RUNNING):
        server.stop()


def _exit_on_signal(signum, _frame) -> None:
    raise SystemExit(128 + signum)  # unwinds the `with` blocks, then atexit runs


class LlamaServer:
    """`with LlamaServer(model, n_ctx=…, n_threads=…, …) as server:` → server.url, server.chat_stream(…)."""

    def __init__(self, model: str, *, n_ctx: int, n_threads: int, n_threads_batch: int, flash_attn: bool,
                 n_gpu_layers: int = 0, kv_type_id: int | None = None, cache: bool = True):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.args = [
            "--model", model, "--host", "127.0.0.1", "--port", str(self.port), "--model_alias", "bench",
            "--n_ctx", str(n_ctx), "--n_threads", str(n_threads), "--n_threads_batch", str(n_threads_batch),
            "--n_gpu_layers", str(n_gpu_layers), "--flash_attn", str(bool(flash_attn)),
            # Its prompt cache: the KV state of earlier prompts is kept (in RAM) and the longest
            # matching one restored, llama.cpp's answer to "don't read the conversation again".
            "--cache", str(bool(cache))]
        if kv_type_id is not None:
            self.args += ["--type_k", str(kv_type_id), "--type_v", str(kv_type_id)]
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> LlamaServer:
        self.start()
        return self

    def __exit__(self, *exc) -> bool:
        self.stop()
        return False

    def start(self, timeout: float = 120.0) -> None:
        if not _RUNNING:
            atexit.register(_stop_all)
            for sig in (signal.SIGTERM, signal.SIGHUP):
                if signal.getsignal(sig) in (signal.SIG_DFL, None):
                    signal.signal(sig, _exit_on_signal)
        self.process = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(ROOT), *self.args],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        _RUNNING.append(self)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise SystemExit("llama_cpp.server did not start: is llama-cpp-python[server] installed? "
                                 "(pip install 'llama-cpp-python[server]')")
            try:
                with urllib.request.urlopen(self.url + "/models", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"llama_cpp.server did not answer within {timeout:.0f} s")

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def stop(self) -> None:
        """Terminate its process group, kill it if it lingers; safe to call twice."""
        if self in _RUNNING:
            _RUNNING.remove(self)
        process = self.process
        if process is None or process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue

    def chat_stream(self, messages: list[dict], sampling: dict) -> dict:
        """One streamed chat completion: {"text", "sent", "first", "pieces"} (perf_counter times)."""
        body = {"model": "bench", "messages": messages, "stream": True, "max_tokens": sampling["max_tokens"],
                "temperature": sampling["temperature"], "seed": sampling["seed"],
                "repeat_penalty": sampling["repeat_penalty"]}
        request = urllib.request.Request(self.url + "/chat/completions", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        pieces, first = [], None
        sent = time.perf_counter()
        with urllib.request.urlopen(request, timeout=600) as response:
            for raw in response:
                line = raw.decode().strip()
                if not line.startswith("data:") or line == "data: [DONE]":
                    continue
                choices = json.loads(line[5:]).get("choices") or [{}]
                text = (choices[0].get("delta") or {}).get("content")
                if text:
                    if first is None:
                        first = time.perf_counter()
                    pieces.append(text)
        if first is None:
            raise SystemExit("llama_cpp.server streamed no text")
        return {"text": "".join(pieces), "sent": sent, "first": first, "pieces": len(pieces)}
