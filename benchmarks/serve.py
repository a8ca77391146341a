"""`cove serve` under load, against llama-cpp-python's own server with the same model, threads and context.

    python benchmarks/serve.py --clients 1,4,8 [--requests 3] [--max-tokens 64] [--threads 2] [--ctx 2048]

(--threads 1 on a machine whose cores are busy with other work: two llama.cpp threads that wait for
each other at every step slow down many times over when either is not running.)

Both servers are started here on 127.0.0.1 (`cove serve --port 0` in a fresh COVE_HOME, and
`python -m llama_cpp.server`, from the `llama-cpp-python[server]` extra). At each level, N clients
(threads with the official `openai` client) each send several streaming chat requests, one after
the other, every one a different question (no cache shared between clients); the levels run on
the two servers one after the other, in alternating order (interleaved, so a machine that slows
down hurts both alike). Reported per level and server: aggregate_tok_s (completion tokens of all
clients / wall time), ttft_p50_s and ttft_p99_s (request sent → first text), failed (must be 0),
and Cove's figures as ratios of llama_cpp.server's. JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine  # noqa: E402

SAMPLING = {"temperature": 0.7, "top_p": 0.95}
EXTRA = {"top_k": 40, "min_p": 0.05, "repeat_penalty": 1.1}  # llama.cpp's fields, which both servers take
TOPICS = ["the sea", "a city at night", "bread", "mountains", "a library", "rain", "trains", "a garden",
          "winter", "coffee", "the moon", "a market"]


def default_model() -> Path:
    from tests.support.starter_model import model_path

    return model_path()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cove(model: Path, threads: int, ctx: int, home: Path) -> tuple[subprocess.Popen, str, str]:
    (home / "models").mkdir(parents=True)
    (home / "models" / "bench.gguf").symlink_to(model)
    (home / "config").mkdir()
    (home / "config" / "settings.json").write_text(json.dumps(
        {"engine": {"n_threads": threads, "n_threads_batch": threads, "n_ctx": ctx, "n_gpu_layers": 0}}))
    env = {**os.environ, "COVE_HOME": str(home)}
    process = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", "0", "--model", "bench"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                               cwd=Path(__file__).resolve().parent.parent)
    line = process.stdout.readline()
    if not line.startswith("Listening on "):
        raise SystemExit(f"cove serve did not start: {line!r}")
    return process, line.split("Listening on ", 1)[1].strip() + "/v1", "bench"


# llama_cpp.server as `python -m llama_cpp.server` runs it, after the one work-around Cove's engine applies
# too (app/engine/cpu_quirks.py: llama.cpp's AMX buffers crash on some Xeons, this machine's among them).
# Without it the server dies at its first answer here; with it both load the model the same way.
LLAMA_SERVER = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import llama_cpp; "
                "from app.engine import cpu_quirks; cpu_quirks.apply(llama_cpp); "
                "from llama_cpp.server.__main__ import main; sys.argv[0] = 'llama_cpp.server'; main()")


def start_llama_server(model: Path, threads: int, ctx: int) -> tuple[subprocess.Popen, str, str]:
    port = free_port()
    root = str(Path(__file__).resolve().parent.parent)
    process = subprocess.Popen(
        [sys.executable, "-c", LLAMA_SERVER, root, "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
         "--n_threads", str(threads), "--n_threads_batch", str(threads), "--n_ctx", str(ctx),
         "--n_gpu_layers", "0", "--model_alias", "bench",
         # Its default cuts a streaming answer short whenever another request arrives: every client but the
         # last would "fail". Queued like Cove's instead, every request is answered and the figures compare.
         "--interrupt_requests", "False"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/models", timeout=2).read()
            return process, url, "bench"
        except OSError:
            if process.poll() is not None:
                raise SystemExit("llama_cpp.server did not start (is llama-cpp-python[server] installed?)") from None
            time.sleep(0.5)
    raise SystemExit("llama_cpp.server did not answer within 120 s")


def one_client(url: str, model: str, client_no: int, requests: int, max_tokens: int, results: list) -> None:
    import openai

    client = openai.OpenAI(base_url=url, api_key="none", max_retries=0, timeout=600)
    for n in range(requests):
        topic = TOPICS[(client_no * requests + n) % len(TOPICS)]
        sent, first, tokens, chunks = time.perf_counter(), None, None, 0
        try:
            stream = client.chat.completions.create(
                model=model, stream=True, max_tokens=max_tokens, seed=client_no * 100 + n,
                stream_options={"include_usage": True}, extra_body=EXTRA, **SAMPLING,
                messages=[{"role": "user", "content": f"Client {client_no}, question {n}: write about {topic}."}])
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    chunks += 1
                    if first is None:
                        first = time.perf_counter()
                if getattr(chunk, "usage", None):
                    tokens = chunk.usage.completion_tokens
            results.append({"ok": first is not None, "ttft": (first or time.perf_counter()) - sent,
                            "tokens": tokens if tokens is not None else chunks})
        except Exception as exc:  # counted as failed; the run goes on
            results.append({"ok": False, "error": f"{type(exc).__name__}: {exc}"[:200], "ttft": 0, "tokens": 0})


def level(url: str, model: str, clients: int, requests: int, max_tokens: int) -> dict:
    results: list = []
    threads = [threading.Thread(target=one_client, args=(url, model, c, requests, max_tokens, results))
               for c in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ok = [r for r in results if r["ok"]]
    ttfts = sorted(r["ttft"] for r in ok)
    p99 = ttfts[min(len(ttfts) - 1, int(round(0.99 * (len(ttfts) - 1))))] if ttfts else None
    return {"clients": clients, "requests": len(results), "failed": len(results) - len(ok),
            "completion_tokens": sum(r["tokens"] for r in ok), "wall_s": round(wall, 2),
            "aggregate_tok_s": round(sum(r["tokens"] for r in ok) / wall, 2),
            "ttft_p50_s": round(statistics.median(ttfts), 3) if ttfts else None,
            "ttft_p99_s": round(p99, 3) if p99 is not None else None,
            "errors": sorted({r["error"] for r in results if "error" in r})[:3]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="1,4,8")
    parser.add_argument("--requests", type=int, default=3, help="streaming requests per client, one after another")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ctx", type=int, default=2048)
    parser.add_argument("--model", type=Path, default=None, help="a GGUF file (default: SmolLM2-135M, as the tests)")
    args = parser.parse_args()
    model = args.model or default_model()
    levels = [int(c) for c in args.clients.split(",")]
    with tempfile.TemporaryDirectory() as home:
        cove, cove_url, cove_model = start_cove(model, args.threads, args.ctx, Path(home) / "cove")
        llama = None
        try:
            llama, llama_url, llama_model = start_llama_server(model, args.threads, args.ctx)
            for url, name in ((cove_url, cove_model), (llama_url, llama_model)):  # load both before timing
                level(url, name, 1, 1, 4)
            report = {"machine": machine(), "model": model.name, "threads": args.threads, "n_ctx": args.ctx,
                      "max_tokens": args.max_tokens, "requests_per_client": args.requests, "levels": []}
            for i, clients in enumerate(levels):
                order = [("cove", cove_url, cove_model), ("llama_cpp_server", llama_url, llama_model)]
                row = {}
                for name, url, served in order if i % 2 == 0 else order[::-1]:
                    row[name] = level(url, served, clients, args.requests, args.max_tokens)
                    print(f"{clients} clients, {name}: {json.dumps(row[name])}", file=sys.stderr, flush=True)
                c, ll = row["cove"], row["llama_cpp_server"]
                row["ratios_cove_over_llama_cpp_server"] = {
                    "aggregate_tok_s": round(c["aggregate_tok_s"] / ll["aggregate_tok_s"], 2)
                    if ll["aggregate_tok_s"] else None,
                    "ttft_p50_s": round(c["ttft_p50_s"] / ll["ttft_p50_s"], 2) if c["ttft_p50_s"] and ll["ttft_p50_s"]
                    else None}
                report["levels"].append({"clients": clients, **row})
                if llama.poll() is not None or cove.poll() is not None:
                    raise SystemExit(f"a server ended during the run: {json.dumps(report)}")
            by_clients = {r["clients"]: r["cove"]["aggregate_tok_s"] for r in report["levels"]}
            if 1 in by_clients and 4 in by_clients and by_clients[1]:
                report["cove_4_clients_over_1"] = round(by_clients[4] / by_clients[1], 2)
        finally:
            for process in filter(None, (cove, llama)):
                process.terminate()
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
