"""benchmarks/notes_recall.py prints the retrieval-quality numbers as one JSON object."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "notes_recall.py"), *args],
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_keyword_only_run_reports_recall_and_says_why_hybrid_is_missing():
    data = run("--keyword-only")
    assert data["questions"] >= 55 and data["passages"] > data["notes"] >= 40
    assert 0.8 <= data["recall_at_5_keyword"] < 1.0
    assert 0 < data["mrr_keyword"] < 1.0
    assert len(data["missed_keyword"]) == round(data["questions"] * (1 - data["recall_at_5_keyword"]))
    assert data["recall_at_5_hybrid"] is None and data["mrr_hybrid"] is None and data["meets_target"] is None
    assert data["hybrid_skipped"] == "--keyword-only"
    assert data["seconds"] > 0 and data["machine"]["logical_cores"] >= 1


def test_a_missing_model_file_leaves_hybrid_null_with_the_reason(tmp_path):
    data = run("--model", str(tmp_path / "absent.gguf"))
    assert data["recall_at_5_hybrid"] is None
    assert data["hybrid_skipped"] == f"--model {tmp_path / 'absent.gguf'}: no such file"
    assert data["recall_at_5_keyword"] >= 0.8
