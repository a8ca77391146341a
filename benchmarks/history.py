"""A large conversation history: opening, searching, loading and appending stay fast.

Builds a database of --conversations conversations holding --messages messages in
a temporary COVE_HOME, through Cove's real schema (Store opens it first, so every
migration runs; the search index is filled by the schema's own triggers), in one
transaction. The history is generated, deterministically (--seed): two years of
conversations, questions and answers of 20 to 400 words drawn from a Zipf-distributed
vocabulary (so search terms are as unevenly spread as in real text), one
conversation of --long messages (2,000) and the rest of various lengths, message
ids in time order as a real history has them (conversations interleave).

Then times what Cove does with it and prints one JSON object:
open_s (Store(path, check=False) and the 50 most recent conversations, as the
window lists them; median of 5), quick_check_s (the integrity check Store runs at
open after an unclean end, and the window at start; on its own), open_with_check_s
(Store(path, check=True): an open with the check included), search_s (median of
20 searches through Store.search, words drawn from the vocabulary log-uniformly by
rank, some of two words; search_queries gives each), load_conversation_s (Store.branch of the long conversation, median of
5), append_s (median of 50 user messages committed with Store.add_user_message),
build_s, db_bytes, and targets / meets_targets.

With --long-message-mb N, one message of N MB (words of the same vocabulary) is added
first, and long_message_search gives the time of searches that find it: a one-letter
prefix (the worst case for snippets: nearly every word matches), a word from its
middle and two words; each must stay within search_s's target whatever N is.

With --encrypted, the same database is then converted to an encrypted one (SQLCipher,
as `cove encrypt` does: conversion_s, the passphrase's key derivation unlock_s) and
measured again: encrypted_open_s, encrypted_search_s, encrypted_load_conversation_s,
encrypted_append_s (and encrypted_quick_check_s), each timed in turn with the same operation on
a plain copy of the database (paired_plain_open_s and so on: 9 opens and loads, the 20 searches,
100 appends, alternating which goes first; medians), so that the machine's load hits both alike;
encrypted_ratios gives encrypted over paired plain, and encrypted_targets is the lower of 1.5x the
paired plain figure and the plain target.

    python benchmarks/history.py [--conversations 10000] [--messages 500000] [--long 2000] [--seed 1] [--keep]
                                 [--long-message-mb 10] [--encrypted]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core import encryption, paths, store_encryption  # noqa: E402
from app.core.store import Store  # noqa: E402

TARGETS = {"open_s": 0.2, "search_s": 0.05, "load_conversation_s": 0.3, "append_s": 0.005}
ENCRYPTED_SLOWDOWN = 1.5  # encrypted figures stay within this factor of the plain ones (and the plain targets)
PASSPHRASE = "benchmark passphrase"
END = datetime(2025, 6, 1, tzinfo=timezone.utc).timestamp()
START = END - 2 * 365 * 86400
VOCABULARY_SIZE = 30000
BATCH = 5000

# The most frequent words of English text first; invented words make up the long tail.
FUNCTION_WORDS = ["the", "of", "and", "to", "a", "in", "is", "that", "it", "for", "you", "was", "on", "are", "with", "as", "be", "this", "have", "not", "but", "at", "by", "from", "or", "i", "an", "they", "which", "we", "can", "all", "your", "will", "one", "there", "their", "has", "been", "if", "more", "when", "would", "so", "what", "about", "do", "no", "some", "up", "out", "them", "into", "could", "than", "other", "its", "only", "then", "these", "how", "also", "my", "our", "like", "just", "any", "may", "two", "should", "time", "very", "make", "use", "way", "because", "each", "such", "over"]
COMMON_WORDS = ["data", "file", "model", "system", "code", "function", "error", "project", "team", "question", "answer", "example", "value", "report", "user", "meeting", "budget", "plan", "time", "work", "test", "change", "number", "version", "server", "list", "table", "page", "issue", "result", "problem", "process", "image", "design", "support", "language", "review", "email", "document", "python", "script", "database", "query", "search", "window", "message", "performance", "memory", "network", "security", "policy", "customer", "product", "market", "price", "cost", "sales", "quarter", "month", "week", "year", "day", "account", "password", "login", "update", "install", "release", "build", "deploy", "config", "setting", "option", "feature", "summary", "draft", "letter", "article", "story", "chapter", "book", "note", "idea", "point", "reason", "case", "step", "method", "approach", "solution", "research", "study", "paper", "analysis", "chart", "graph", "trend", "growth", "revenue", "invoice", "schedule", "deadline", "task", "goal", "priority", "risk", "contract", "vendor", "client", "partner", "office", "travel", "hotel", "flight", "recipe", "garden", "health", "doctor", "exercise", "training", "course", "lesson", "student", "teacher", "school", "family", "friend", "house", "kitchen", "music", "movie", "photo", "camera", "phone", "laptop", "screen", "keyboard", "battery", "cable", "printer", "storage", "backup", "cloud", "folder", "archive", "export", "import", "format", "text", "word", "sentence", "paragraph", "title", "translate", "explain", "describe", "compare", "improve", "fix", "write", "read", "create", "delete", "rename", "move", "copy", "open", "close", "start", "stop", "run", "check", "verify", "measure", "estimate", "calculate"]
ONSETS = ["", "b", "br", "c", "ch", "d", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "r", "s",
          "sh", "st", "t", "th", "tr", "v", "w", "z"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
CODAS = ["", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "x"]


def progress(text: str) -> None:
    print(f"history: {text}", file=sys.stderr, flush=True)


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Words by frequency rank, with Zipf-Mandelbrot cumulative weights."""
    words = list(dict.fromkeys(FUNCTION_WORDS + COMMON_WORDS))
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                       for _ in range(rng.choice((1, 2, 2, 2, 3))))
        if len(word) >= 3 and word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1.0 / (rank + 2.7) ** 1.05 for rank in range(1, len(words) + 1)]
    return words, list(itertools.accumulate(weights))


class TextMaker:
    def __init__(self, rng: random.Random, words: list[str], cumulative: list[float]):
        self.rng, self.words, self.cumulative = rng, words, cumulative

    def words_for(self, role: str) -> int:
        # Questions are short, answers longer; both 20 to 400 words.
        median = 35 if role == "user" else 180
        return max(20, min(400, int(self.rng.lognormvariate(math.log(median), 0.6))))

    def message(self, role: str) -> str:
        rng = self.rng
        tokens = rng.choices(self.words, cum_weights=self.cumulative, k=self.words_for(role))
        sentences, i = [], 0
        while i < len(tokens):
            n = rng.randint(6, 22)
            sentence = " ".join(tokens[i:i + n])
            i += n
            end = "?" if role == "user" and rng.random() < 0.4 else "."
            sentences.append(sentence[0].upper() + sentence[1:] + end)
        if role == "user":
            return " ".join(sentences)
        paragraphs = []
        while sentences:
            n = rng.randint(2, 5)
            paragraphs.append(" ".join(sentences[:n]))
            del sentences[:n]
        return "\n\n".join(paragraphs)

    def title(self) -> str:
        title = " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(3, 7)))
        return title[0].upper() + title[1:]


def conversation_sizes(rng: random.Random, conversations: int, messages: int, long: int) -> list[int]:
    """Message counts: one conversation of `long`, the rest spread unevenly (at least 2 each)."""
    rest = conversations - 1
    if rest == 0:
        return [messages]
    long = max(2, min(long, messages - 2 * rest))
    spare = messages - long - 2 * rest
    if spare < 0:
        raise SystemExit("too few messages for that many conversations (at least 2 each)")
    weights = [rng.lognormvariate(0, 1.0) for _ in range(rest)]
    total = sum(weights)
    sizes = [2 + int(spare * w / total) for w in weights]
    for i in rng.sample(range(rest), messages - long - sum(sizes)):
        sizes[i] += 1
    place = rng.randrange(conversations)
    return sizes[:place] + [long] + sizes[place:]


def timeline(rng: random.Random, sizes: list[int]) -> list[list[float]]:
    """Each conversation's message times: answers seconds after questions, pauses between turns."""
    result = []
    for size in sizes:
        long_running = size > 200
        offsets, at = [], 0.0
        for position in range(size):
            if position:
                if position % 2:  # the answer
                    at += rng.uniform(3, 40)
                elif rng.random() < (0.3 if long_running else 0.08):  # back another day
                    at += rng.expovariate(1 / (5 * 86400))
                else:
                    at += rng.expovariate(1 / 120) + 10
            offsets.append(at)
        span = END - START
        scale = min(1.0, span / (offsets[-1] + 1))  # longer than two years: squeezed in
        begin = START + rng.random() * (span - offsets[-1] * scale)
        result.append([begin + o * scale for o in offsets])
    return result


def stamp(t: float) -> str:
    return datetime.fromtimestamp(t, timezone.utc).isoformat(timespec="microseconds")


def build(path: Path, args) -> dict:
    rng = random.Random(args.seed)
    words, cumulative = vocabulary(rng)
    maker = TextMaker(rng, words, cumulative)
    Store(path).close()  # the real schema: every migration
    sizes = conversation_sizes(rng, args.conversations, args.messages, args.long)
    times = timeline(rng, sizes)
    long_index = max(range(len(sizes)), key=sizes.__getitem__)

    # Ids in time order, as a history grown over two years has them.
    conversation_order = sorted(range(len(sizes)), key=lambda c: times[c][0])
    conversation_id = {c: i + 1 for i, c in enumerate(conversation_order)}
    progress(f"ordering {args.messages} messages in time")
    order = sorted(((t, c, position) for c, ts in enumerate(times) for position, t in enumerate(ts)))
    last_id: dict[int, int] = {}
    parent: list[int | None] = []
    for message_id, (_t, c, _position) in enumerate(order, start=1):
        parent.append(last_id.get(c))
        last_id[c] = message_id

    db = sqlite3.connect(path, isolation_level=None)
    # Nothing to protect while building a throwaway database; the window opens it in WAL mode again.
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")
    db.execute("BEGIN")
    conversation_rows = []
    for c in conversation_order:
        flags = rng.random()
        conversation_rows.append((
            conversation_id[c], maker.title(), stamp(times[c][0]), stamp(times[c][-1]), "model.gguf",
            last_id[c], uuid.UUID(int=rng.getrandbits(128), version=4).hex,
            int(flags < 0.0005), int(0.0005 <= flags < 0.03),
            stamp(times[c][-1] + 86400) if flags > 0.99 else None))
    db.executemany(
        "INSERT INTO conversations (id, title, created, updated, model, current_message_id, uuid, pinned, "
        "archived, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", conversation_rows)

    def message_rows():
        for message_id, (t, c, position) in enumerate(order, start=1):
            role = "user" if position % 2 == 0 else "assistant"
            created = stamp(t)
            yield (message_id, conversation_id[c], role, maker.message(role), "complete", created, created,
                   "model.gguf" if role == "assistant" else None, parent[message_id - 1],
                   uuid.UUID(int=rng.getrandbits(128), version=4).hex)

    rows = message_rows()
    started, done = time.perf_counter(), 0
    while batch := list(itertools.islice(rows, BATCH)):
        db.executemany(
            "INSERT INTO messages (id, conversation_id, role, content, status, created, updated, model_file, "
            "parent_id, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
        done += len(batch)
        if done % 50000 < BATCH or done == len(order):
            rate = done / (time.perf_counter() - started)
            progress(f"{done}/{len(order)} messages ({rate:.0f}/s, about {(len(order) - done) / rate:.0f} s left)")
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    return {"long_conversation_id": conversation_id[long_index], "long_conversation_messages": sizes[long_index],
            "words": words}


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def queries(rng: random.Random, words: list[str], db, count: int = 20) -> list[str]:
    """What people search for: a word of any frequency (log-uniform by rank, common words left out),
    or two words that appear together in some message."""
    first = len(FUNCTION_WORDS)
    common = set(FUNCTION_WORDS)
    highest = db.execute("SELECT MAX(id) FROM messages").fetchone()[0]
    result = []
    while len(result) < count:
        if len(result) % 3:
            text = words[int(math.exp(rng.uniform(math.log(first), math.log(len(words)))))]
        else:
            content = db.execute("SELECT content FROM messages WHERE id = ?", [rng.randint(1, highest)]).fetchone()[0]
            found = list(dict.fromkeys(w for w in content.lower().replace(".", " ").replace("?", " ").split()
                                       if w not in common))
            if len(found) < 2:
                continue
            text = " ".join(rng.sample(found, 2))
        if text not in result:
            result.append(text)
    return result


def add_long_message(path: Path, megabytes: float, words: list[str], seed: int) -> list[str]:
    """One message of `megabytes` MB in a conversation of its own; the searches that find it."""
    rng = random.Random(seed + 2)
    text_words = [rng.choice(words[:2000]) for _ in range(int(megabytes * (1 << 20) / 7))]
    middle = text_words[len(text_words) // 2]
    store = Store(path, check=False)
    conversation = store.create_conversation(title="A very long message")
    store.add_user_message(conversation.id, " ".join(text_words))
    store.close()
    return ["t", middle, f"{text_words[10]} {middle}"]


def measure(path: Path, built: dict, seed: int, long_queries: list[str] | None = None) -> dict:
    def open_and_list():
        store = Store(path, check=False)
        store.conversations(limit=50)
        store.close()

    def open_as_app():
        store = Store(path, check=True)
        store.conversations(limit=50)
        store.close()

    progress("timing open")
    open_s = statistics.median(timed(open_and_list) for _ in range(5))
    store = Store(path, check=False)
    quick_check_s = timed(store.check)
    store.close()
    open_with_check_s = timed(open_as_app)

    store = Store(path, check=False)
    progress("timing search")
    rng = random.Random(seed + 1)
    searched = []
    for text in queries(rng, built["words"], store.db):
        started = time.perf_counter()
        hits = store.search(text)
        searched.append({"query": text, "hits": len(hits), "s": round(time.perf_counter() - started, 4)})

    long_searched = {}
    for text in long_queries or []:
        started = time.perf_counter()
        store.search(text)
        long_searched[text] = round(time.perf_counter() - started, 4)

    progress("timing load and append")
    long_id = built["long_conversation_id"]
    loaded = store.branch(long_id)
    load_s = statistics.median(timed(lambda: store.branch(long_id)) for _ in range(5))
    maker = TextMaker(rng, built["words"], list(itertools.accumulate(
        1.0 / (rank + 2.7) ** 1.05 for rank in range(1, len(built["words"]) + 1))))
    texts = [maker.message("user") for _ in range(50)]
    append_s = statistics.median(timed(lambda text=text: store.add_user_message(long_id, text)) for text in texts)
    conversations, messages = (store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                               for t in ("conversations", "messages"))
    store.close()
    return {
        "open_s": round(open_s, 4),
        "quick_check_s": round(quick_check_s, 4),
        "open_with_check_s": round(open_with_check_s, 4),
        "search_s": round(statistics.median(q["s"] for q in searched), 4),
        "search_max_s": round(max(q["s"] for q in searched), 4),
        "load_conversation_s": round(load_s, 4),
        "load_conversation_messages": len(loaded),
        "append_s": round(append_s, 5),
        "conversations": conversations,
        "messages": messages - len(texts),
        "search_queries": searched,
        "long_message_search": long_searched,
    }


def paired(plain: Path, encrypted: Path, built: dict, seed: int) -> dict[str, dict[str, float]]:
    """Each timing of measure(), on the plain copy and on the encrypted store in turn (which goes first
    alternates): on a shared machine a burst of load then hits both alike. {"plain"|"encrypted": {field: s}}."""
    kinds = ("plain", "encrypted")
    paths_of = {"plain": plain, "encrypted": encrypted}
    times: dict[str, dict[str, list[float]]] = {kind: {key: [] for key in TARGETS} for kind in kinds}

    def in_turn(key: str, rounds: int, action) -> None:
        for i in range(rounds):
            for kind in kinds if i % 2 == 0 else kinds[::-1]:
                times[kind][key].append(action(kind, i))

    def open_and_list(kind: str, _i: int) -> float:
        def run():
            store = Store(paths_of[kind], check=False)
            store.conversations(limit=50)
            store.close()
        return timed(run)

    in_turn("open_s", 9, open_and_list)
    stores = {kind: Store(paths_of[kind], check=False) for kind in kinds}
    try:
        searches = queries(random.Random(seed + 1), built["words"], stores["plain"].db)
        in_turn("search_s", len(searches), lambda kind, i: timed(lambda: stores[kind].search(searches[i])))
        long_id = built["long_conversation_id"]
        in_turn("load_conversation_s", 9, lambda kind, _i: timed(lambda: stores[kind].branch(long_id)))
        rng = random.Random(seed + 3)
        maker = TextMaker(rng, built["words"], list(itertools.accumulate(
            1.0 / (rank + 2.7) ** 1.05 for rank in range(1, len(built["words"]) + 1))))
        texts = [maker.message("user") for _ in range(100)]
        in_turn("append_s", len(texts),
                lambda kind, i: timed(lambda: stores[kind].add_user_message(long_id, texts[i])))
    finally:
        for store in stores.values():
            store.close()
    return {kind: {key: statistics.median(values) for key, values in times[kind].items()} for kind in kinds}


def measure_encrypted(path: Path, built: dict, seed: int) -> dict:
    """Encrypt the database as `cove encrypt` does, then time open, search, load and append on it and on a
    plain copy of the same database in turn (paired): the ratio is what the machine's load moves least."""
    data_dir = path.parent
    plain_copy = Path(tempfile.mkdtemp(prefix="cove-bench-history-plain-")) / path.name
    shutil.copyfile(path, plain_copy)
    try:
        progress("encrypting")
        started = time.perf_counter()
        store_encryption.turn_on(data_dir, path, PASSPHRASE)
        conversion_s = time.perf_counter() - started
        encryption.forget()
        started = time.perf_counter()
        encryption.unlock(data_dir, path, PASSPHRASE)  # what each start pays once: the passphrase's scrypt
        unlock_s = time.perf_counter() - started
        progress("timing plain and encrypted in turn")
        both = paired(plain_copy, path, built, seed)
        store = Store(path, check=False)
        quick_check_s = timed(store.check)
        store.close()
    finally:
        shutil.rmtree(plain_copy.parent, ignore_errors=True)
    fields = {f"encrypted_{key}": round(both["encrypted"][key], 5) for key in TARGETS}
    targets = {f"encrypted_{key}": round(min(target, both["plain"][key] * ENCRYPTED_SLOWDOWN), 5)
               for key, target in TARGETS.items()}
    return {
        **fields,
        **{f"paired_plain_{key}": round(both["plain"][key], 5) for key in TARGETS},
        "encrypted_ratios": {key: round(both["encrypted"][key] / both["plain"][key], 2) for key in TARGETS},
        "encrypted_quick_check_s": round(quick_check_s, 4),
        "encrypted_targets": targets,
        "encrypted_meets_targets": {key: fields[key] <= target for key, target in targets.items()},
        "conversion_s": round(conversion_s, 2),
        "unlock_s": round(unlock_s, 3),
        "encrypted_db_bytes": path.stat().st_size,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=10000)
    parser.add_argument("--messages", type=int, default=500000)
    parser.add_argument("--long", type=int, default=2000, help="messages in the longest conversation")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database (its folder is printed)")
    parser.add_argument("--long-message-mb", type=float, default=0,
                        help="also add one message this large and time searches that find it")
    parser.add_argument("--encrypted", action="store_true",
                        help="then encrypt the database and time the same operations on it")
    args = parser.parse_args()

    from common import machine

    home = Path(tempfile.mkdtemp(prefix="cove-bench-history-"))
    os.environ[paths.HOME_ENV] = str(home)
    path = paths.current().ensure().database
    try:
        progress(f"building {args.conversations} conversations, {args.messages} messages in {home}")
        started = time.perf_counter()
        built = build(path, args)
        build_s = time.perf_counter() - started
        db_bytes = path.stat().st_size
        progress(f"built in {build_s:.0f} s, {db_bytes / 1e6:.0f} MB")
        long_queries = None
        if args.long_message_mb > 0:
            progress(f"adding a message of {args.long_message_mb} MB")
            long_queries = add_long_message(path, args.long_message_mb, built["words"], args.seed)
        result = measure(path, built, args.seed, long_queries)
        encrypted = measure_encrypted(path, built, args.seed) if args.encrypted else {}
    finally:
        if args.keep:
            progress(f"kept {path}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    searched = result.pop("search_queries")
    print(json.dumps({
        "benchmark": "history",
        **{k: result[k] for k in ("open_s", "quick_check_s", "open_with_check_s", "search_s", "search_max_s",
                                  "load_conversation_s", "load_conversation_messages", "append_s")},
        "targets": TARGETS,
        "meets_targets": {key: result[key] <= target for key, target in TARGETS.items()},
        "db_bytes": db_bytes,
        "conversations": result["conversations"],
        "messages": result["messages"],
        "long_conversation_messages": built["long_conversation_messages"],
        "build_s": round(build_s, 1),
        "search_queries": searched,
        "long_message_mb": args.long_message_mb,
        "long_message_search": result["long_message_search"],
        **encrypted,
        "machine": machine(),
    }))


if __name__ == "__main__":
    main()
