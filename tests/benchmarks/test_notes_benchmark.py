"""benchmarks/notes.py runs and prints the fields the README's table is made from."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_notes_benchmark_short_run():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "notes.py"), "--notes", "60", "--queries", "20"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    for key in ("index_s", "passages_per_s", "reindex_10_changed_s", "query_p50_s", "query_p95_s", "index_bytes",
                "peak_rss_mb", "corpus_bytes"):
        assert data[key] > 0, key
    assert data["files_indexed"] == 60 and data["reindexed_files"] == 10 and data["passages"] >= 60
    assert data["queries_with_hits"] > 0 and data["query_p50_s"] <= data["query_p95_s"]
    assert set(data["meets_targets"]) == set(data["targets"]) == {"reindex_10_changed_s", "query_p95_s"}
