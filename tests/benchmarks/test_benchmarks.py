"""The benchmark scripts run and print the fields the README's table is made from."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(script, *args):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_multiturn_benchmark_short_run(smollm2):
    data = run("multiturn.py", "--model", str(smollm2), "--turns", "3")
    for key in ("ttft_first_s", "ttft_turn2_s", "ttft_last_s", "new_tokens_last", "tokens_processed_last",
                "ttft_reopen_s", "ttft_cold_s", "prompt_extends_previous"):
        assert key in data, key
    assert data["prompt_extends_previous"] is True and data["reopen_restored_state"] is True
    assert data["tokens_processed_last"] <= data["new_tokens_last"] + 32


def test_generation_benchmark_short_run(smollm2):
    # --no-native: llama-bench is built from the sources on the package index, which tests cannot reach.
    data = run("generation.py", "--model", str(smollm2), "--runs", "1", "--no-native")
    assert data["tokens"] == 256 and data["cove_tok_s"] > 0 and data["raw_tok_s"] > 0 and data["ratio"] > 0
    assert data["cove_default_tok_s"] > 0 and data["default_over_greedy"] > 0
    assert data["native_tok_s"] is None and data["ratio_native"] is None
    (only,) = data["rounds"]
    assert set(only["tok_s"]) == set(only["other_cores"]) == {"raw", "cove", "cove_default"}
    assert all(cores >= 0 for cores in only["other_cores"].values()) and only["load_average"] >= 0


def test_coldstart_benchmark_short_run(smollm2):
    data = run("coldstart.py", "--model", str(smollm2), "--runs", "1", "--no-native")
    assert 0 < data["cove_first_token_s"] < 60 and 0 < data["window_ready_s"] < 60
    assert data["llama_cli_first_token_s"] is None and len(data["window_runs"]) == 1


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
        assert abs(data["encrypted_ratios"][key] - data[f"encrypted_{key}"] / paired_plain) < 0.05, key
    assert data["conversion_s"] > 0 and data["unlock_s"] > 0 and data["encrypted_db_bytes"] > 0


def test_long_chat_benchmark_short_run():
    data = run("long_chat.py", "--messages", "300")
    from app.ui.widgets.transcript import PAGE

    assert data["messages"] == 300 and data["shown_at_first"] == min(300, PAGE)
    assert data["open_s"] > 0 and data["open_all_s"] > 0 and data["scroll_step_ms"] >= 0
    assert "meets_target" in data
    assert 0 < data["open_1mb_line_10mb_title_s"] < 20 and 0 < data["show_all_1mb_s"] < 20  # bounded, not a minute
