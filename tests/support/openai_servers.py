"""Servers for the remote-engine tests: llama-cpp-python's own OpenAI-compatible server, and a small fake.

LlamaServer runs `llama_cpp.server` (the llama-cpp-python[server] extra, code nobody here
wrote) on 127.0.0.1 with the real SmolLM2. It is started through a two-line launcher that
first applies Cove's CPU workaround (app/engine/cpu_quirks.py): on the AMX Xeons CI runs
on, llama.cpp's extra buffers crash any process at its first decode, llama_cpp.server
included, and the server has no option to turn them off.

FakeOpenAI answers the way broken or busy servers do, chosen by the first part of the
path (the server address given to Cove is FakeOpenAI.url_for(mode)):
  ok        models ["fake-model"]; a chat streams "Hello", " world" (needs the key, if set)
  401, 429  that status with an OpenAI-shaped error
  hang      a chat sends its first piece, then nothing (a timeout)
  malformed a chat sends an event that is not JSON
  cut       a chat sends its first piece, then the connection drops
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ("import runpy, sys, llama_cpp; from app.engine import cpu_quirks; cpu_quirks.apply(llama_cpp); "
            "sys.argv[0] = 'llama_cpp.server'; runpy.run_module('llama_cpp.server', run_name='__main__')")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LlamaServer:
    def __init__(self, model: Path, n_ctx: int = 2048, threads: int = 1):
        self.model = model
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.log = open(os.devnull, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, "--model", str(model), "--host", "127.0.0.1", "--port",
             str(self.port), "--model_alias", self.model_id, "--n_ctx", str(n_ctx), "--n_threads", str(threads), "--n_threads_batch", str(threads)],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)

    model_id = "smollm2-remote"  # the name it serves the model under (--model_alias)

    def wait_ready(self, timeout: float = 90.0) -> LlamaServer:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.url + "/models", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("llama_cpp.server did not start in time")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


class FakeOpenAI:
    def __init__(self, key: str = ""):
        self.key = key
        self.requests: list[dict] = []  # {"path", "authorization", "body"} of each request
        self.release = threading.Event()  # ends a "hang"
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _json(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _record(self, body=None) -> str:
                fake.requests.append({"path": self.path, "authorization": self.headers.get("Authorization"),
                                      "body": body})
                return self.path.strip("/").split("/")[0]

            def _refused(self, mode: str) -> bool:
                if mode in ("401", "429"):
                    self._json(int(mode), {"error": {"message": "no" if mode == "401" else "slow down",
                                                     "type": "error"}})
                    return True
                if fake.key and self.headers.get("Authorization") != f"Bearer {fake.key}":
                    self._json(401, {"error": {"message": "Invalid API key", "type": "invalid_request_error"}})
                    return True
                return False

            def do_GET(self):
                mode = self._record()
                if self._refused(mode):
                    return
                self._json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                mode = self._record(body)
                if self._refused(mode):
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()

                def send(data: str) -> None:
                    raw = f"data: {data}\n\n".encode()
                    self.wfile.write(f"{len(raw):x}\r\n".encode() + raw + b"\r\n")
                    self.wfile.flush()

                def piece(text: str, finish=None) -> str:
                    delta = {"content": text} if text else {}
                    return json.dumps({"object": "chat.completion.chunk",
                                       "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})

                send(piece("Hello"))
                if mode == "hang":
                    fake.release.wait(30)
                    return
                if mode == "malformed":
                    send("{this is not json")
                elif mode == "cut":
                    self.connection.shutdown(socket.SHUT_RDWR)  # gone mid-answer: no end of the stream
                    return
                else:
                    send(piece(" world"))
                    send(piece("", "stop"))
                    send(json.dumps({"object": "chat.completion.chunk", "choices": [],
                                     "usage": {"prompt_tokens": 7, "completion_tokens": 2}}))
                    send("[DONE]")
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url_for(self, mode: str = "ok") -> str:
        return f"http://127.0.0.1:{self.port}/{mode}"

    def start(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
