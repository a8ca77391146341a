"""Notes at scale: indexing a large folder of Markdown, re-indexing a few edits, keyword queries.

Generates --notes Markdown notes (deterministic, --seed) of about 5 KB each on
average (so 5,000 notes make ~25 MB): YAML front matter on some, a title, sections
with headings, paragraphs, lists and code blocks, and one note in fifty ten times
longer. Words come from a Zipf-distributed vocabulary, so query terms are as
unevenly spread as in real notes. Everything lives in a temporary folder and a
temporary COVE_HOME; nothing else is touched.

Then, through Cove's own code (NotesIndex, Indexer, retrieval.search), prints one
JSON object: index_s (a first full pass, keyword-only), passages, passages_per_s,
reindex_10_changed_s (ten notes edited, one incremental pass), query_p50_s and
query_p95_s (--queries keyword searches of one to five words, ten results each),
index_bytes (database and its WAL), peak_rss_mb (resource.getrusage), corpus_bytes,
the machine, and targets / meets_targets.

Then meaning search, under "embedding" (null, with "embedding_reason", when there is no
embedding model or no engine to run it): the passages embedded through the engine
(EngineEmbedder), index_s and passages_per_s with embeddings (the keyword pass plus
embedding), hybrid query_p50_s / query_p95_s (the same queries, each embedding the
question, then keyword + nearest vectors fused), index_bytes (the index and the vectors
file), and peak memory of this process and of the engine. The model is --embedding-model,
else the test suite's all-MiniLM-L6-v2 GGUF (tests/support/embedding_models.py).

Embedding every passage of 5,000 notes takes a long while on a small CPU; --embed-sample N
embeds only the first N passages, measures that, and extrapolates the full embedding time
(fields marked "extrapolated"). The passages not embedded then get random unit vectors, so
that queries still search a store of the full size (their cost depends on how many vectors
there are, not on what they say).

    python benchmarks/notes.py [--notes 5000] [--queries 200] [--seed 1] [--keep]
                               [--embedding-model PATH] [--embed-sample N] [--no-embedding]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGETS = {"reindex_10_changed_s": 2.0, "query_p95_s": 0.15}
EMBEDDING_TARGETS = {"query_p95_s": 0.15}
COMMON = ["the", "of", "and", "to", "a", "in", "is", "it", "you", "that", "he", "was", "for", "on", "are", "with", "as", "his", "they", "be", "at", "one", "have", "this", "from", "or", "had", "by", "not", "word", "but", "what", "some", "we", "can", "out", "other", "were", "all", "there", "when", "up", "use", "your", "how", "said", "an", "each", "she", "which", "do", "their", "time", "if", "will", "way", "about", "many", "then", "them", "write", "would", "like", "so", "these", "her", "long", "make", "thing", "see", "him", "two", "has", "look", "more", "day", "could", "go", "come", "did", "number", "sound", "no", "most", "people", "my", "over", "know", "water", "than", "call", "first", "who", "may", "down", "side", "been", "now", "find", "budget", "meeting", "project", "garden", "travel", "recipe", "invoice", "plan", "review", "team", "client", "design", "release", "server", "backup", "family", "doctor", "school"]


def vocabulary(rng: random.Random, size: int = 20000) -> tuple[list[str], list[float]]:
    syllables = ["ka", "lo", "mi", "ter", "shan", "vo", "rel", "du", "pra", "zin", "qu", "ben", "tor", "al", "ex"]
    words = list(COMMON)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    return words, weights


def sentence(rng, words, weights, n) -> str:
    chosen = rng.choices(words, weights, k=n)
    return " ".join(chosen).capitalize() + "."


def note(rng: random.Random, words, weights, number: int) -> str:
    target = rng.randint(2000, 6000) * (10 if number % 50 == 0 else 1)
    parts = []
    if rng.random() < 0.3:
        parts.append(f"---\ntitle: Note {number}\ntags: [{rng.choice(COMMON)}, {rng.choice(COMMON)}]\n---")
    parts.append(f"# {sentence(rng, words, weights, 4)[:-1]}")
    size = 0
    while size < target:
        kind = rng.random()
        if kind < 0.15:
            block = f"{'#' * rng.randint(2, 3)} {sentence(rng, words, weights, 3)[:-1]}"
        elif kind < 0.3:
            block = "\n".join(f"- {sentence(rng, words, weights, rng.randint(3, 10))}" for _ in range(rng.randint(2, 6)))
        elif kind < 0.37:
            block = "```python\n" + "\n".join(f"{rng.choice(words)} = {rng.randint(0, 999)}"
                                              for _ in range(rng.randint(2, 8))) + "\n```"
        else:
            block = " ".join(sentence(rng, words, weights, rng.randint(6, 20)) for _ in range(rng.randint(2, 6)))
        parts.append(block)
        size += len(block) + 2
    return "\n\n".join(parts) + "\n"


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    info = {"cpu": cpu, "logical_cores": os.cpu_count(), "python": platform.python_version(),
            "system": platform.system()}
    if hasattr(os, "getloadavg"):  # on a shared machine, how busy it was explains slow figures
        info["load_average_1m"] = round(os.getloadavg()[0], 2)
    return info


def file_bytes(database: Path) -> int:
    """An SQLite database with its -wal and -shm."""
    return sum(p.stat().st_size for p in database.parent.glob(database.name + "*"))


def percentile(times: list[float], share: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(len(times) * share))]


def timed_queries(index, queries: list[str], meaning) -> tuple[list[float], int]:
    """Each query's seconds (hybrid when `meaning` is given: embedding the question included) and how many
    found anything."""
    from app.core.notes.retrieval import search

    times, hits = [], 0
    for query in queries:
        started = time.perf_counter()
        found = search(index, query, limit=10, meaning=meaning)
        times.append(time.perf_counter() - started)
        hits += bool(found)
    return times, hits


def embedding_model(given: Path | None) -> tuple[Path | None, str | None]:
    """The embedding model to measure, or None and why not."""
    if given is not None:
        return (given, None) if given.is_file() else (None, f"{given} is not a file")
    try:
        from tests.support.embedding_models import minilm_gguf
    except ImportError:
        return None, "no --embedding-model, and tests/support/embedding_models.py is not in this checkout"
    try:
        return minilm_gguf(), None
    except Exception as exc:  # a benchmark reports why it could not measure, whatever the reason
        return None, f"the tests' all-MiniLM-L6-v2 GGUF could not be made ({type(exc).__name__}: {exc})"


def engine_figures(index, model: Path, queries: list[str], keyword_index_s: float, sample: int | None,
                   rng: random.Random) -> tuple[dict | None, str | None]:
    """Meaning search's figures with `model` run by the engine (EngineEmbedder), or None and why not."""
    from app.core.errors import CoveError

    try:
        from app.engine.client import EngineClient
        from app.engine.embedder import EngineEmbedder
    except ImportError as exc:
        return None, f"this build has no engine embedder ({exc})"
    client = EngineClient(lambda event: None)
    try:
        embedder = EngineEmbedder(client, model)
        embedder.embed_query("warm up: load the model")  # loading the model is not indexing
        figures = embedding_figures(index, embedder, queries, keyword_index_s, sample, rng)
    except CoveError as exc:
        return None, f"embedding with {model.name} failed: {exc}"
    finally:
        client.shutdown()
    figures.update({"model": model.name, "model_bytes": model.stat().st_size,
                    "engine_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)})
    return figures, None


def embedding_figures(index, embedder, queries: list[str], keyword_index_s: float, sample: int | None,
                      rng: random.Random) -> dict:
    """Embed the passages (or a sample of them), then time the hybrid queries."""
    from app.core import paths
    from app.core.notes import meaning
    from app.core.notes.vectors import VectorStore

    with VectorStore(paths.current().notes_vectors) as store:
        wanted = len(store.missing(index))
        stop = (lambda: store.count() >= sample) if sample is not None else None
        started = time.perf_counter()
        embedded = meaning.embed_missing(index, store, embedder, should_stop=stop)
        embed_s = time.perf_counter() - started
        figures = {"passages": wanted, "passages_embedded": embedded, "embed_s": round(embed_s, 3),
                   "embed_passages_per_s": round(embedded / embed_s, 2) if embed_s else None}
        if embedded < wanted:
            full = embed_s * wanted / embedded if embedded else None
            figures["extrapolated"] = {
                "note": f"EXTRAPOLATED: only {embedded} of {wanted} passages were embedded (--embed-sample); "
                        "embed_s, index_s and passages_per_s here scale that time to all passages; the other "
                        "passages got random unit vectors, so queries searched a store of the full size",
                "embed_s": round(full, 3) if full else None,
                "index_s": round(keyword_index_s + full, 3) if full else None,
                "passages_per_s": round(wanted / (keyword_index_s + full), 2) if full else None}
            rest = [sha for sha, _ in store.missing(index)]
            for start in range(0, len(rest), 1000):  # a thousand at a time: the filler is not peak memory
                store.add(embedder.model_id, [(sha, unit_vector(rng, store.dimensions))
                                              for sha in rest[start:start + 1000]])
        else:
            figures["index_s"] = round(keyword_index_s + embed_s, 3)
            figures["passages_per_s"] = round(wanted / (keyword_index_s + embed_s), 2) if wanted else None
        times, hits = timed_queries(index, queries, (store, embedder))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        figures.update({
            "vectors": store.count(), "dimensions": store.dimensions, "queries": len(times),
            "queries_with_hits": hits, "query_p50_s": round(statistics.median(times), 5),
            "query_p95_s": round(percentile(times, 0.95), 5),
            "index_bytes": file_bytes(index.path) + file_bytes(store.path),
            "vectors_bytes": file_bytes(store.path),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "targets": EMBEDDING_TARGETS})
    figures["meets_targets"] = {key: figures[key] <= limit for key, limit in EMBEDDING_TARGETS.items()}
    return figures


def unit_vector(rng: random.Random, dimensions: int) -> list[float]:
    values = [rng.gauss(0.0, 1.0) for _ in range(dimensions)]
    norm = sum(v * v for v in values) ** 0.5 or 1.0
    return [v / norm for v in values]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path goes to stderr)")
    parser.add_argument("--embedding-model", type=Path, metavar="PATH",
                        help="a GGUF embedding model (default: the tests' all-MiniLM-L6-v2, when converted)")
    parser.add_argument("--embed-sample", type=int, metavar="N",
                        help="embed only N passages and extrapolate the full time (random vectors for the rest)")
    parser.add_argument("--no-embedding", action="store_true", help="keyword figures only")
    args = parser.parse_args()
    if args.embed_sample is not None and args.embed_sample < 1:
        parser.error("--embed-sample must be at least 1")
    work = Path(tempfile.mkdtemp(prefix="cove-notes-bench-"))
    os.environ["COVE_HOME"] = str(work / "home")
    from app.core import paths
    from app.core.notes.index import NotesIndex
    from app.core.notes.indexer import Indexer

    try:
        rng = random.Random(args.seed)
        words, weights = vocabulary(rng)
        vault = work / "vault"
        for i in range(args.notes):
            folder = vault / f"area-{i % 20:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"note-{i:05d}.md").write_text(note(rng, words, weights, i), encoding="utf-8")
        corpus = folder_bytes(vault)

        index = NotesIndex(paths.current().ensure().notes_index)
        root = index.add_root(vault)
        started = time.perf_counter()
        first = Indexer(index).sync(root)
        index_s = time.perf_counter() - started

        edited = rng.sample(sorted(vault.rglob("*.md")), min(10, args.notes))
        for path in edited:
            with open(path, "a", encoding="utf-8") as f:
                f.write("\n" + sentence(rng, words, weights, 12) + "\n")
            st = path.stat()
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        started = time.perf_counter()
        again = Indexer(index).sync(root)
        reindex_s = time.perf_counter() - started

        queries = []
        for _ in range(args.queries):
            # Terms drawn log-uniformly by rank: common words and rare ones, as people type.
            terms = [words[min(len(words) - 1, int(len(words) ** rng.random()) - 1)] for _ in range(rng.randint(1, 5))]
            queries.append(" ".join(terms))
        times, hits = timed_queries(index, queries, None)
        index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        index_bytes = file_bytes(index.path)
        result = {
            "notes": args.notes, "corpus_bytes": corpus, "files_indexed": first.read,
            "passages": first.passages, "index_s": round(index_s, 3),
            "passages_per_s": round(first.passages / index_s, 1) if index_s else None,
            "reindex_10_changed_s": round(reindex_s, 4), "reindexed_files": again.read,
            "queries": args.queries, "queries_with_hits": hits,
            "query_p50_s": round(statistics.median(times), 5),
            "query_p95_s": round(percentile(times, 0.95), 5),
            "index_bytes": index_bytes,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "machine": machine(),
            "targets": TARGETS,
        }
        result["meets_targets"] = {key: result[key] <= limit for key, limit in TARGETS.items()}
        result["embedding"], reason = None, "not asked for (--no-embedding)"
        if not args.no_embedding:
            model, reason = embedding_model(args.embedding_model)
            if model is not None:
                result["embedding"], reason = engine_figures(index, model, queries, index_s, args.embed_sample,
                                                             random.Random(args.seed))
        if result["embedding"] is None:
            result["embedding_reason"] = reason
        index.close()
        print(json.dumps(result, indent=1))
        return 0
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
