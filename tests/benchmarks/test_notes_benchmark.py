"""benchmarks/notes.py runs and prints the fields the README's table is made from."""

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

from app.core import paths
from app.core.notes.index import NotesIndex
from app.core.notes.indexer import Indexer
from tests.support.fake_embedder import FakeEmbedder

ROOT = Path(__file__).resolve().parents[2]


def benchmark_module():
    spec = importlib.util.spec_from_file_location("notes_benchmark", ROOT / "benchmarks" / "notes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_notes_benchmark_short_run():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "notes.py"), "--notes", "60", "--queries", "20",
                             "--no-embedding"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    for key in ("index_s", "passages_per_s", "reindex_10_changed_s", "query_p50_s", "query_p95_s", "index_bytes",
                "peak_rss_mb", "corpus_bytes"):
        assert data[key] > 0, key
    assert data["files_indexed"] == 60 and data["reindexed_files"] == 10 and data["passages"] >= 60
    assert data["queries_with_hits"] > 0 and data["query_p50_s"] <= data["query_p95_s"]
    assert set(data["meets_targets"]) == set(data["targets"]) == {"reindex_10_changed_s", "query_p95_s"}
    assert data["embedding"] is None and data["embedding_reason"] == "not asked for (--no-embedding)"


def test_a_missing_embedding_model_is_reported_not_a_crash(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "notes.py"), "--notes", "5", "--queries", "3",
                             "--embedding-model", str(tmp_path / "nothing.gguf")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert data["embedding"] is None and data["embedding_reason"] == f"{tmp_path / 'nothing.gguf'} is not a file"
    assert data["index_s"] > 0  # the keyword figures are still there


def make_index(bench, tmp_path, notes=12):
    rng = random.Random(3)
    words, weights = bench.vocabulary(rng, 500)
    vault = tmp_path / "vault"
    vault.mkdir()
    for i in range(notes):
        (vault / f"n{i}.md").write_text(bench.note(rng, words, weights, i + 1))
    index = NotesIndex(paths.current().ensure().notes_index)
    Indexer(index).sync(index.add_root(vault))
    return index, [" ".join(rng.choices(words, k=3)) for _ in range(10)]


def test_embedding_figures_all_passages(tmp_path):
    bench = benchmark_module()
    index, queries = make_index(bench, tmp_path)
    embedder = FakeEmbedder()
    figures = bench.embedding_figures(index, embedder, queries, 1.0, None, random.Random(1))
    total = index.db.execute("SELECT count(DISTINCT sha256) FROM passages").fetchone()[0]
    assert figures["passages"] == figures["passages_embedded"] == figures["vectors"] == total > 12
    assert "extrapolated" not in figures and figures["index_s"] >= 1.0
    assert figures["queries"] == 10 and embedder.queries == queries
    assert 0 < figures["query_p50_s"] <= figures["query_p95_s"]
    assert figures["index_bytes"] > figures["vectors_bytes"] > 0 and figures["peak_rss_mb"] > 0
    assert figures["meets_targets"] == {"query_p95_s": figures["query_p95_s"] <= 0.15}
    index.close()


def test_embedding_figures_from_a_sample_are_labelled_extrapolated(tmp_path):
    bench = benchmark_module()
    index, queries = make_index(bench, tmp_path)
    embedder = FakeEmbedder()
    figures = bench.embedding_figures(index, embedder, queries, 1.0, 40, random.Random(1))
    assert figures["passages_embedded"] == 64 == len(embedder.documents)  # two batches of 32
    assert figures["vectors"] == figures["passages"] > 64  # the rest: random vectors, so queries see full size
    extrapolated = figures["extrapolated"]
    assert extrapolated["note"].startswith("EXTRAPOLATED: only 64 of ")
    assert extrapolated["embed_s"] > figures["embed_s"] and "index_s" not in figures
    index.close()
