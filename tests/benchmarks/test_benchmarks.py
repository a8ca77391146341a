"""The benchmark scripts run and print the fields the README's table is made from."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(script, *args):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def _gone(pid: int) -> bool:
    """Whether a process has ended (a zombie has: it only waits for its parent to read its status)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")


def test_multiturn_benchmark_short_run(smollm2):
    data = run("multiturn.py", "--model", str(smollm2), "--turns", "3", "--max-tokens", "40")
    for key in ("ttft_first_s", "ttft_turn2_s", "ttft_last_s", "new_tokens_last", "tokens_processed_last",
                "ttft_reopen_s", "ttft_cold_s", "prompt_extends_previous", "ttft_last_typeahead_s",
                "ttft_last_enter_after_last_word_s"):
        assert key in data, key
    assert data["prompt_extends_previous"] is True and data["reopen_restored_state"] is True
    assert data["tokens_processed_last"] <= data["new_tokens_last"] + 32
    # The figure after Enter without type-ahead leads; type-ahead is the second row, the server the third.
    assert [row["case"] for row in data["rows"]] == ["cove_after_enter_no_typeahead", "cove_with_typeahead",
                                                     "llama_cpp_server_prompt_cache"]
    assert data["rows"][0]["ttft_last_s"] == data["ttft_last_s"] == data["per_turn"][-1]["cove_s"]
    assert data["tokens_processed_last_typeahead"] < data["tokens_processed_last"]  # the draft was read ahead
    # llama.cpp's own server answered every turn of the same conversation, and was stopped at the end.
    assert [t["turn"] for t in data["per_turn"]] == [1, 2, 3]
    assert all(t["server_s"] > 0 and t["cove_s"] > 0 and t["load_average"] >= 0 for t in data["per_turn"])
    assert all(0 < t["cove_engine_s"] <= t["cove_s"] for t in data["per_turn"])
    server = data["server"]
    assert server["ttft_last_s"] == data["rows"][2]["ttft_last_s"] == data["per_turn"][-1]["server_s"]
    assert server["options"]["cache"] is True and server["options"]["n_ctx"] == data["engine"]["n_ctx"]
    assert server["options"]["n_threads"] == data["engine"]["n_threads"]
    # The script divides the unrounded times: the ratio of the rounded ones may differ in the last digit.
    assert data["ratio_last_vs_server"] == pytest.approx(data["ttft_last_s"] / server["ttft_last_s"], abs=2e-3)
    ratios = sorted(t["cove_s"] / t["server_s"] for t in data["per_turn"])
    assert data["ratio_median_vs_server"] == pytest.approx(ratios[1], abs=2e-3)
    assert 0 <= server["same_answers"] <= 3 and _gone(server["pid"])


def test_multiturn_benchmark_without_the_server(smollm2):
    data = run("multiturn.py", "--model", str(smollm2), "--turns", "2", "--max-tokens", "16", "--no-server")
    assert data["server"] is None and data["ratio_last_vs_server"] is None and data["ratio_median_vs_server"] is None
    assert data["rows"][2]["ttft_last_s"] is None and all("server_s" not in t for t in data["per_turn"])
    assert data["ttft_last_s"] > 0 and data["ttft_last_typeahead_s"] > 0


def test_multiturn_benchmark_rejects_bad_numbers_in_one_line(smollm2):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "multiturn.py"), "--model", str(smollm2),
                             "--turns", "1"], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "--turns must be at least 2 (turn 2 is the reference for the last turn), --max-tokens at least 1 and "
        "--threads 0 (automatic) or more"]


def test_llama_server_is_stopped_when_the_benchmark_is(smollm2):
    """A benchmark stopped with SIGTERM (a timeout, a CI job cancelled) stops the server it started."""
    script = ("import sys, time; sys.path.insert(0, sys.argv[1]); from llama_server import LlamaServer\n"
              "with LlamaServer(sys.argv[2], n_ctx=512, n_threads=1, n_threads_batch=1, flash_attn=False) as s:\n"
              "    print(s.pid, flush=True); time.sleep(600)\n")
    bench = subprocess.Popen([sys.executable, "-c", script, str(ROOT / "benchmarks"), str(smollm2)],
                             stdout=subprocess.PIPE, text=True)
    try:
        pid = int(bench.stdout.readline())
        assert not _gone(pid)  # it is serving
        bench.send_signal(signal.SIGTERM)
        assert bench.wait(30) == 128 + signal.SIGTERM
        assert _gone(pid)
    finally:
        if bench.poll() is None:
            bench.kill()
        if "pid" in locals() and not _gone(pid):
            os.kill(pid, signal.SIGKILL)


def test_flash_attention_benchmark_short_run(smollm2):
    data = run("flash_attention.py", "--model", str(smollm2), "--contexts", "128,256", "--runs", "2,1",
               "--generated", "8", "--threads", "1")
    assert data["n_ctx_train"] == 8192 and data["threads"] == data["threads_batch"] == 1
    assert set(data["contexts"]) == {"128", "256"} and data["unreachable"] == {}
    assert data["runs"] == {"128": 2, "256": 1} and data["largest_context"] == 256
    for n_ctx, result in data["contexts"].items():
        assert result["n_ctx"] == int(n_ctx) and result["prompt_tokens"] == int(n_ctx) - 8
        assert result["rope_scaling"] is None and len(result["pairs"]) == data["runs"][n_ctx]
        for side in ("on", "off"):
            assert result["ttft_s"][side] > 0 and result["gen_tok_s"][side] > 0
        assert result["prompt_speedup_flash"] > 0 and result["gen_speedup_flash"] > 0
        assert all(set(pair["other_cores"]) == {"on", "off"} for pair in result["pairs"])
    assert data["load_average"]["start"] >= 0 and data["automatic_flash_attn_cpu"] is False


def test_flash_attention_benchmark_rejects_bad_contexts_in_one_line(smollm2):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "flash_attention.py"), "--model",
                             str(smollm2), "--contexts", "4k"], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.strip().splitlines() == ["--contexts and --runs take whole numbers separated by commas"]


def test_generation_benchmark_short_run(smollm2):
    # --no-native: llama-bench is built from the sources on the package index, which tests cannot reach.
    data = run("generation.py", "--model", str(smollm2), "--runs", "1", "--no-native")
    assert data["tokens"] == 256 and data["cove_tok_s"] > 0 and data["raw_tok_s"] > 0 and data["ratio"] > 0
    assert data["cove_default_tok_s"] > 0 and data["default_over_greedy"] > 0
    assert data["native_tok_s"] is None and data["ratio_native"] is None and data["native_empty_tok_s"] is None
    assert 20 < data["prompt_tokens"] < 80  # the question in its chat template: llama-bench starts that deep
    (only,) = data["rounds"]
    assert set(only["tok_s"]) == set(only["other_cores"]) == {"raw", "cove", "cove_default", "cove_unpadded"}
    assert data["context"] == 8192 and data["cove_unpadded_tok_s"] > 0 and data["padding_gain"] > 0
    assert all(cores >= 0 for cores in only["other_cores"].values()) and only["load_average"] >= 0


def test_speculative_benchmark_short_run(smollm2):
    data = run("speculative.py", "--model", str(smollm2), "--runs", "1", "--tasks", "list")
    (name,) = data["tasks"]
    task = data["tasks"][name]
    assert name == "list" and task["identical_output"] is True and task["tokens"] > 0
    # The ceiling, drafts that are never wrong, and the lookup's speed-up, both measured in the benchmark's process.
    assert task["ceiling"] > 0 and task["in_process_speedup"] > 0 and task["in_process_tok_s"] > 0
    assert 0 <= task["answer_repeats"] <= 1 and "typos_left" not in task


def _benchmark(name: str):
    """A benchmark script imported as a module (its folder is not a package), for its parts."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_speculative_benchmark_tells_a_corrected_note_from_a_loop():
    speculative = _benchmark("speculative")
    corrected = speculative.answer_quality("typos", speculative.CORRECTED)
    assert corrected == {"answer_repeats": 0.0, "similarity_to_corrected_note": 1.0, "typos_left": 0}
    unchanged = speculative.answer_quality("typos", speculative.NOTE)
    assert unchanged["typos_left"] == 10 and unchanged["answer_repeats"] == 0.0
    looping = speculative.answer_quality("typos", "Attendees: Maria (product), Tom (QA)," + " Tom (QA)," * 60)
    assert looping["answer_repeats"] > 0.8 and looping["similarity_to_corrected_note"] < 0.1


def test_coldstart_benchmark_short_run(smollm2):
    data = run("coldstart.py", "--model", str(smollm2), "--runs", "1", "--no-native")
    assert 0 < data["cove_first_token_s"] < 60 and 0 < data["window_ready_s"] < 60
    assert data["llama_cli_first_token_s"] is None and len(data["window_runs"]) == 1
    assert data["llama_server_ready_s"] is None and data["window_over_llama_server"] is None


# Stands in for llama-server: listening after 0.2 s, /health says 503 (loading) until 0.6 s, then 200.
FAKE_LLAMA_SERVER = """
import http.server, sys, time
time.sleep(0.2)
listening = time.monotonic()

class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        loaded = time.monotonic() - listening > 0.4
        self.send_response(200 if self.path == "/health" and loaded else 503)
        self.end_headers()

    def log_message(self, *args):
        pass

http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
"""


def test_coldstart_times_llama_server_until_its_health_says_loaded(tmp_path):
    coldstart = _benchmark("coldstart")
    script = tmp_path / "fake_llama_server.py"
    script.write_text(FAKE_LLAMA_SERVER)
    port = coldstart.free_port()
    elapsed = coldstart.server_ready([sys.executable, str(script), str(port)], port)
    assert 0.6 <= elapsed < 30  # not when it listens (0.2 s), nor at a 503: at the first 200
    with pytest.raises(OSError):  # and the server was stopped
        coldstart.socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_coldstart_says_when_llama_server_ends_before_it_is_ready():
    coldstart = _benchmark("coldstart")
    with pytest.raises(SystemExit, match="exit code 3"):
        coldstart.server_ready([sys.executable, "-c", "raise SystemExit(3)"], coldstart.free_port())


def test_history_benchmark_short_run():
    data = run("history.py", "--conversations", "200", "--messages", "5000")
    for key in ("open_s", "quick_check_s", "open_with_check_s", "search_s", "search_max_s", "load_conversation_s",
                "append_s", "build_s", "db_bytes"):
        assert data[key] > 0, key
    assert (data["conversations"], data["messages"]) == (200, 5000)
    assert data["load_conversation_messages"] == data["long_conversation_messages"] == 2000
    assert len(data["search_queries"]) == 20 and any(q["hits"] for q in data["search_queries"])
    assert set(data["meets_targets"]) == set(data["targets"]) == {"open_s", "search_s", "load_conversation_s",
                                                                  "append_s"}


def test_history_benchmark_encrypted_short_run():
    data = run("history.py", "--conversations", "200", "--messages", "5000", "--encrypted")
    keys = ("open_s", "search_s", "load_conversation_s", "append_s")
    for key in keys:
        assert data[key] > 0 and data[f"encrypted_{key}"] > 0, key
        assert data["encrypted_targets"][f"encrypted_{key}"] <= data["targets"][key]
    assert set(data["encrypted_meets_targets"]) == {f"encrypted_{key}" for key in keys}
    # each target is 1.5x the plain copy's figure (timed in turn with the encrypted one), at most the plain target
    for key in keys:
        paired_plain = data[f"paired_plain_{key}"]
        target = min(data["targets"][key], 1.5 * paired_plain)  # from rounded figures: equal within rounding
        assert paired_plain > 0 and abs(data["encrypted_targets"][f"encrypted_{key}"] - target) <= 2e-5, key
        # figures rounded to 1e-5 s: their ratio may differ from the unrounded one by that much relatively
        assert abs(data["encrypted_ratios"][key] - data[f"encrypted_{key}"] / paired_plain) < 0.02 + 2e-5 / paired_plain, key
    assert data["conversion_s"] > 0 and data["unlock_s"] > 0 and data["encrypted_db_bytes"] > 0


def test_long_chat_benchmark_short_run():
    data = run("long_chat.py", "--messages", "300")
    from app.ui.widgets.transcript import PAGE

    assert data["messages"] == 300 and data["shown_at_first"] == min(300, PAGE)
    assert data["open_s"] > 0 and data["open_all_s"] > 0 and data["scroll_step_ms"] >= 0
    assert "meets_target" in data
    assert 0 < data["open_1mb_line_10mb_title_s"] < 20 and 0 < data["show_all_1mb_s"] < 20  # bounded, not a minute
