"""Cold start: how long until the first word of an answer, and until the window is ready.

- cove_first_token_s: `python -m app chat --model M "question"` from the process start to
  the first byte of the answer on its standard output.
- llama_cli_first_token_s: the same for llama.cpp's one-shot `llama-completion` (built once
  by common.native_tools() from the llama.cpp that llama-cpp-python vendors), same model,
  same prompt as Cove renders it (chat template), same context, threads, greedy sampling.
- ratio: Cove's median over llama.cpp's (target <= 1.3).
- cove_no_saved_states_s, ratio_no_saved_states: the same with Settings › Engine › saved states
  off. With them on (the default) a new conversation's opening, the template's start and system
  prompt, is loaded from the state the warm-up's conversation saved (app/engine/opening.py);
  llama-completion processes it every time. The question is the same every run, but no state of
  the whole question is kept (conversations under 64 tokens are not saved).
- window_ready_s: `python -m app` (the window, offscreen) in a fresh COVE_HOME whose only
  model is the starter model, from the process start to the window saying "Ready" (the
  engine has loaded the model; COVE_READY_PROBE makes the window say so on stderr).
- llama_server_ready_s, window_over_llama_server: llama.cpp's own `llama-server` (built with
  the tools above), same model, context, threads and flash attention, one slot, from the
  process start to its /health answering 200 (the model loaded: what "Ready" means in the
  window), asked every 5 ms on 127.0.0.1. Without its warm-up run (--no-warmup): the window's
  engine runs none before "Ready" either.

- baseline_first_token_s, baseline_window_ready_s (with --baseline CHECKOUT): `cove chat` and the
  window from another checkout (an earlier version), in the same rounds, for a before/after on a
  machine whose speed moves with its load.

The runs are interleaved (the order rotates each round), --runs rounds; medians; the load
average is recorded with every run. Prints one JSON object.

    python benchmarks/coldstart.py [--model PATH] [--runs 7] [--baseline OTHER_CHECKOUT] [--no-native]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import load_average, machine, native_env, native_tools

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "What is the capital of France? Answer in one sentence."
MAX_TOKENS = 8
DEFAULT_MODEL = Path.home() / ".cache" / "cove-tests" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def user_env(**extra: str) -> dict:
    """The environment for Cove's runs: this one, where Python writes its bytecode files.

    An installed copy has its modules compiled (pip compiles them at install time); an
    environment with PYTHONDONTWRITEBYTECODE set would have every run compile Cove's modules
    from source again, a cost no user pays (0.25 s of the window's start on the 2-core EPYC).
    The warm-up runs write them."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def first_byte(command: list[str], env: dict, timeout: float = 120.0, cwd: Path = ROOT) -> float:
    """Seconds from starting `command` to the first byte on its stdout; the process is then left to end."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL)
    try:
        if not os.read(process.stdout.fileno(), 1):
            raise SystemExit(f"{command[0]} printed nothing")
        elapsed = time.perf_counter() - started
        process.stdout.read()  # let it finish: the next run starts on a quiet machine
        process.wait(timeout)
        return elapsed
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def window_ready(env: dict, timeout: float = 120.0, cwd: Path = ROOT) -> float:
    """Seconds from starting the window to its "ready" line on stderr; the window is then closed."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "app"], env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    try:
        for line in process.stderr:
            if line.strip() == "cove: ready":
                elapsed = time.perf_counter() - started
                break
        else:
            raise SystemExit("the window ended without saying it was ready")
        process.terminate()  # SIGTERM closes the window properly
        process.wait(timeout)
        return elapsed
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def server_ready(command: list[str], port: int, timeout: float = 120.0) -> float:
    """Seconds from starting llama-server to /health answering 200 on `port`; the server is then stopped."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=native_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < timeout:
            if process.poll() is not None:
                raise SystemExit(f"llama-server ended (exit code {process.returncode}) before it was ready")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                try:
                    connection.request("GET", "/health")
                    if connection.getresponse().status == 200:
                        return time.perf_counter() - started
                finally:
                    connection.close()
            except OSError:
                pass  # not listening yet
            time.sleep(0.005)
        raise SystemExit(f"llama-server was not ready within {timeout:.0f} s")
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def engine_choice(model: str):
    """The settings Cove's engine loads this model with by default (what `cove chat` and the window run)."""
    from app.core.engine_options import LoadOptions
    from app.core.gguf_file import read_gguf
    from app.engine import backend

    return backend.choose(read_gguf(model), LoadOptions())


def server_command(tool: Path, model: str, port: int) -> list[str]:
    """llama-server set up as Cove's engine sets itself up for this model, one slot, no warm-up."""
    chosen = engine_choice(model)
    return [str(tool), "-m", model, "-c", str(chosen.n_ctx), "-t", str(chosen.n_threads),
            "-tb", str(chosen.n_threads_batch), "-ngl", "0", "-fa", "on" if chosen.flash_attn else "off",
            "-np", "1", "--no-warmup", "--host", "127.0.0.1", "--port", str(port), "-nr"]


def llama_command(tool: Path, model: str) -> list[str]:
    """llama-completion as one-shot CLI, set up as Cove's engine sets itself up for this model."""
    from llama_cpp import Llama

    from app.core.gguf_file import read_gguf
    from app.engine.prompt import PromptRenderer

    info = read_gguf(model)
    chosen = engine_choice(model)
    vocab = Llama(model, vocab_only=True, verbose=False)
    renderer = PromptRenderer(info.chat_template, vocab._model.token_get_text(vocab.token_bos()),
                              vocab._model.token_get_text(vocab.token_eos()))
    rendered = renderer.render([{"role": "user", "content": QUESTION}])
    return [str(tool), "-m", model, "-p", rendered.text, "-n", str(MAX_TOKENS), "-no-cnv", "--no-display-prompt",
            "-c", str(chosen.n_ctx), "-t", str(chosen.n_threads), "-tb", str(chosen.n_threads_batch),
            "-ngl", "0", "-fa", "on" if chosen.flash_attn else "off", "--temp", "0", "--seed", "1",
            "-nr"]  # -nr: repacking off, as Cove on AMX processors (common.NATIVE_ENV)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-native", action="store_true", help="leave llama.cpp out (no build, no network)")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT",
                        help="also time `cove chat` and the window from another checkout of Cove (an earlier version), "
                             "interleaved")
    args = parser.parse_args()
    model = str(Path(args.model).resolve())
    homes = Path(tempfile.mkdtemp(prefix="cove-coldstart-"))
    try:
        chat_home = homes / "chat"
        cove_env = user_env(COVE_HOME=str(chat_home))
        cove = [sys.executable, "-m", "app", "chat", "--model", model, "--temperature", "0",
                "--max-tokens", str(MAX_TOKENS), QUESTION]

        def window(checkout: Path = ROOT) -> float:
            home = Path(tempfile.mkdtemp(dir=homes))  # fresh every time: the first start of a new user
            (home / "models").mkdir()
            os.symlink(model, home / "models" / Path(model).name)
            return window_ready(user_env(COVE_HOME=str(home), COVE_READY_PROBE="1", QT_QPA_PLATFORM="offscreen"),
                                cwd=checkout)

        bare_home = homes / "no-saved-states"
        (bare_home / "config").mkdir(parents=True)
        (bare_home / "config" / "settings.json").write_text(json.dumps({"engine": {"saved_states_mb": 0}}))
        bare_env = user_env(COVE_HOME=str(bare_home))
        runs = {"cove": lambda: first_byte(cove, cove_env), "cove_no_saved_states": lambda: first_byte(cove, bare_env),
                "window": window}
        if args.baseline:
            baseline_env = user_env(COVE_HOME=str(homes / "baseline"))
            runs["baseline"] = lambda: first_byte(cove, baseline_env, cwd=args.baseline.resolve())
            runs["baseline_window"] = lambda: window(args.baseline.resolve())
        if not args.no_native:
            tools = native_tools(targets=("llama-completion", "llama-server"))
            native = llama_command(tools["llama-completion"], model)
            runs["native"] = lambda: first_byte(native, native_env())
            port = free_port()
            server = server_command(tools["llama-server"], model, port)
            runs["llama_server"] = lambda: server_ready(server, port)
        for run in runs.values():  # warm-up: files in the page cache, the database created
            run()
        results: dict[str, list[float]] = {name: [] for name in runs}
        loads: list[float] = []
        names = list(runs)
        for i in range(args.runs):
            for name in names[i % len(names):] + names[:i % len(names)]:
                time.sleep(0.3)
                loads.append(load_average())
                results[name].append(runs[name]())
    finally:
        shutil.rmtree(homes, ignore_errors=True)
    cove_s = statistics.median(results["cove"])
    bare_s = statistics.median(results["cove_no_saved_states"])
    native_s = statistics.median(results["native"]) if "native" in results else None
    window_s = statistics.median(results["window"])
    server_s = statistics.median(results["llama_server"]) if "llama_server" in results else None
    print(json.dumps({
        "benchmark": "coldstart", "model": model, "runs": args.runs, "max_tokens": MAX_TOKENS,
        "cove_first_token_s": round(cove_s, 3), "llama_cli_first_token_s": native_s and round(native_s, 3),
        "ratio": native_s and round(cove_s / native_s, 3),
        "cove_no_saved_states_s": round(bare_s, 3), "ratio_no_saved_states": native_s and round(bare_s / native_s, 3),
        "window_ready_s": round(window_s, 3),
        "llama_server_ready_s": server_s and round(server_s, 3),
        "window_over_llama_server": server_s and round(window_s / server_s, 3),
        "baseline_first_token_s": round(statistics.median(results["baseline"]), 3) if args.baseline else None,
        "baseline_runs": [round(x, 3) for x in results.get("baseline", [])],
        "baseline_window_ready_s": round(statistics.median(results["baseline_window"]), 3) if args.baseline else None,
        "baseline_window_runs": [round(x, 3) for x in results.get("baseline_window", [])],
        "cove_runs": [round(x, 3) for x in results["cove"]],
        "cove_no_saved_states_runs": [round(x, 3) for x in results["cove_no_saved_states"]],
        "native_runs": [round(x, 3) for x in results.get("native", [])],
        "window_runs": [round(x, 3) for x in results["window"]],
        "llama_server_runs": [round(x, 3) for x in results.get("llama_server", [])],
        "load_average": {"median": round(statistics.median(loads), 2), "max": max(loads)},
        "native_tool": "llama-completion -no-cnv", "machine": machine(),
    }))


if __name__ == "__main__":
    main()
