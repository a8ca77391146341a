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
the machine, and targets / meets_targets. Meaning search (embeddings) adds its own
fields when it arrives.

    python benchmarks/notes.py [--notes 5000] [--queries 200] [--seed 1] [--keep]
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
    return {"cpu": cpu, "logical_cores": os.cpu_count(), "python": platform.python_version(),
            "system": platform.system()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path goes to stderr)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cove-notes-bench-"))
    os.environ["COVE_HOME"] = str(work / "home")
    from app.core import paths
    from app.core.notes.index import NotesIndex
    from app.core.notes.indexer import Indexer
    from app.core.notes.retrieval import search

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

        times, hits = [], 0
        for _ in range(args.queries):
            # Terms drawn log-uniformly by rank: common words and rare ones, as people type.
            terms = [words[min(len(words) - 1, int(len(words) ** rng.random()) - 1)] for _ in range(rng.randint(1, 5))]
            started = time.perf_counter()
            found = search(index, " ".join(terms), limit=10)
            times.append(time.perf_counter() - started)
            hits += bool(found)
        index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        index_bytes = sum(p.stat().st_size for p in index.path.parent.glob(index.path.name + "*"))
        index.close()
        times.sort()
        result = {
            "notes": args.notes, "corpus_bytes": corpus, "files_indexed": first.read,
            "passages": first.passages, "index_s": round(index_s, 3),
            "passages_per_s": round(first.passages / index_s, 1) if index_s else None,
            "reindex_10_changed_s": round(reindex_s, 4), "reindexed_files": again.read,
            "queries": args.queries, "queries_with_hits": hits,
            "query_p50_s": round(statistics.median(times), 5),
            "query_p95_s": round(times[min(len(times) - 1, int(len(times) * 0.95))], 5),
            "index_bytes": index_bytes,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "machine": machine(),
            "embeddings": False,
            "targets": TARGETS,
        }
        result["meets_targets"] = {key: result[key] <= limit for key, limit in TARGETS.items()}
        print(json.dumps(result, indent=1))
        return 0
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
