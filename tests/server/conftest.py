"""`cove serve` started as its own process, as a user would, on 127.0.0.1 with the real SmolLM2."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

MODEL = "smollm2"  # the name the served model has here (its file name without .gguf)


class Served:
    def __init__(self, process: subprocess.Popen, url: str, stderr: Path):
        self.process, self.url, self._stderr = process, url, stderr

    @property
    def stderr(self) -> str:
        return self._stderr.read_text(errors="replace")

    def client(self, key: str = "none", **kwargs):
        import openai

        return openai.OpenAI(base_url=self.url + "/v1", api_key=key, max_retries=0, timeout=600, **kwargs)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(2)  # Ctrl+C
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode


@pytest.fixture
def serve(cove_home, smollm2, tmp_path):
    """Start `cove serve --port 0 ARGS…` with SmolLM2 installed as `smollm2`; returns a Served."""
    models = cove_home / "models"
    models.mkdir(parents=True, exist_ok=True)
    if not (models / f"{MODEL}.gguf").exists():
        (models / f"{MODEL}.gguf").symlink_to(smollm2)
    started = []

    def start(*args: str) -> Served:
        stderr = tmp_path / f"serve-{len(started)}.err"
        process = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", "0", *args],
                                   stdout=subprocess.PIPE, stderr=stderr.open("w"), text=True,
                                   env=os.environ.copy())
        line = []
        reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(60)
        if not line or not line[0].startswith("Listening on http://"):
            process.kill()
            raise AssertionError(f"no address line: {line!r}; stderr: {stderr.read_text()}")
        served = Served(process, line[0].split("Listening on ", 1)[1].strip(), stderr)
        deadline = time.monotonic() + 30
        while "Press Ctrl+C" not in served.stderr and time.monotonic() < deadline:
            time.sleep(0.05)  # what it says on stderr comes right after the address
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()
