"""The notes' embeddings, for meaning search: one vector per distinct passage text, in sqlite-vec.

Why a file of its own (CovePaths.notes_vectors, notes-vectors.db) and not a table in the
notes index: sqlite-vec is an SQLite extension, and Python's own sqlite3 cannot always
load extensions (it cannot on builds without enable_load_extension). Then the vectors
are opened through sqlcipher3, a second SQLite library, and two SQLite libraries must
never open the same file in one process: each keeps its own POSIX locks, and closing
one library's handle drops the other's locks, which can corrupt a database in WAL
mode. So the index stays with sqlite3, the vectors get their own file, and nothing
joins them in SQL: the few set operations needed (which passages have no vector yet,
which vectors no passage uses any more) are done in Python over the content hashes.

Vectors are keyed by the passage's content hash (passages.sha256), not its row id:
a renamed file, a re-read file whose passages did not change, and the same text in
two notes all reuse one vector, so only new text is ever embedded. The model that
made the vectors is recorded (`model_id`); vectors of another model mean nothing
next to a new query's, so changing the model resets the store (`use_model`).

Like the index, this is derived data: 0600, removed by "Delete all my data", never
exported, and when it is damaged the message says to delete it (it is rebuilt). Its
errors (which come from whichever library opened it) become CoveError here.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from app.core import cipher_db, db_access, encryption
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.paths import database_in, make_private_file
from app.core.private_files import disk_full_message, is_disk_full

MAX_K = 4096  # sqlite-vec's limit on k in one nearest-neighbour query
_IN_CHUNK = 900  # values in one `IN (...)` list, well under SQLite's limit on variables
SCHEMA = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"


def _driver():
    """The DB-API module that can load sqlite-vec in this Python, or None."""
    import sqlite3

    if hasattr(sqlite3.Connection, "enable_load_extension"):
        return sqlite3
    try:
        import sqlcipher3.dbapi2 as driver
    except ImportError:
        return None
    return driver


def unavailable_reason() -> str | None:
    """Why meaning search cannot store vectors on this machine, or None when it can."""
    try:
        import sqlite_vec  # noqa: F401
    except ImportError:
        return _("the sqlite-vec package is not installed (reinstall Cove to get it)")
    if _driver() is None:
        return ("this Python's SQLite cannot load extensions and sqlcipher3 is not installed "
                "(reinstall Cove to get it)")
    return None


def _chunks(items: list, size: int = _IN_CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class VectorStore:
    """The vectors file, open. Safe to share between threads (one lock around every call)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        reason = unavailable_reason()
        if reason is not None:
            raise CoveError(_("Meaning search is not available: {reason}. Keyword search still works.").format(reason=reason))
        import sqlite_vec

        self._driver = _driver()
        self._lock = threading.RLock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        old_umask = os.umask(0o077) if os.name == "posix" else None  # the db, -wal and -shm: 0600
        self.db = None
        try:
            self.db = self._connect()
            self.db.enable_load_extension(True)
            sqlite_vec.load(self.db)
            self.db.enable_load_extension(False)
            db_access.use_wal(self.db, self.path)
            self.db.execute("PRAGMA synchronous = NORMAL")  # derived data: losing the last second is fine
            # Every query scans all the vectors (~1.5 KB each): read them mapped, not copied through the cache.
            self.db.execute("PRAGMA mmap_size = 268435456")
            self.db.execute(SCHEMA)
            self._meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
            if self._has_table():
                self.db.execute("SELECT count(*) FROM vectors").fetchone()  # damage shows here, not mid-search
        except self._driver.Error as exc:
            if self.db is not None:
                self.db.close()
            raise self._error(exc) from None
        except OSError as exc:  # the extension's file could not be loaded
            raise CoveError(_("Meaning search is not available: sqlite-vec could "
                              "not be loaded ({exc}). Keyword search still works.").format(exc=exc)) from None
        finally:
            if old_umask is not None:
                os.umask(old_umask)
        for suffix in ("", "-wal", "-shm"):
            make_private_file(self.path.with_name(self.path.name + suffix))

    def _connect(self):
        """The file opened plain through the driver that loads extensions, or encrypted with the store's key
        (SQLCipher loads extensions too; its errors then arrive as sqlite3's, see cipher_db.py)."""
        keyed = encryption.key_for(self.path)
        if keyed is None:
            # Encrypted only when the store is (its key is this file's key); otherwise a file without
            # SQLite's header is a damaged one, reported as such below.
            if encryption.is_encrypted(self.path) and encryption.is_encrypted(database_in(self.path.parent)):
                raise encryption.Locked(_("The notes' vectors in {parent} are encrypted and "
                                          "locked: unlock Cove with the passphrase first.").format(parent=self.path.parent))
            return self._driver.connect(str(self.path), isolation_level=None, check_same_thread=False, timeout=10.0)
        self._driver = sqlite3
        new = not self.path.exists() or self.path.stat().st_size == 0
        return cipher_db.connect(str(self.path), keyed[0], keyed[1] if new else None, isolation_level=None,
                                 check_same_thread=False, timeout=10.0)

    @staticmethod
    def available() -> bool:
        return unavailable_reason() is None

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> VectorStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Errors

    def _error(self, exc: Exception) -> CoveError:
        """One line the user can act on, for an error from whichever SQLite library opened the file."""
        text = str(exc).lower()
        if is_disk_full(exc):
            return CoveError(disk_full_message(self.path))
        if "locked" in text or "busy" in text:
            return CoveError(_("The meaning-search file {path} is busy: "
                               "another Cove is writing it. Try again in a moment.").format(path=self.path))
        return CoveError(_("The meaning-search file {path} is damaged ({exc}). Delete "
                           "{name}: it is rebuilt from your notes. Keyword search still works.").format(path=self.path, exc=exc, name=self.path.name))

    def _run(self, work):
        with self._lock:
            try:
                return work()
            except self._driver.Error as exc:
                if self.db.in_transaction:
                    try:
                        self.db.execute("ROLLBACK")
                    except self._driver.Error:
                        pass
                raise self._error(exc) from None

    def _has_table(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'vectors'").fetchone() is not None

    # What is stored

    @property
    def model_id(self) -> str | None:
        """The model that made the vectors here; None when there are none."""
        return self._meta.get("model_id")

    @property
    def dimensions(self) -> int | None:
        value = self._meta.get("dimensions")
        return int(value) if value else None

    def count(self) -> int:
        return self._run(lambda: self.db.execute("SELECT count(*) FROM vectors").fetchone()[0]
                         if self._has_table() else 0)

    def hashes(self) -> set[str]:
        return self._run(lambda: {row[0] for row in self.db.execute("SELECT sha256 FROM vectors")}
                         if self._has_table() else set())

    def missing(self, index) -> list[tuple[str, str]]:
        """(sha256, text) of every distinct passage text in `index` that has no vector yet, in index order."""
        have = self.hashes()
        firsts = index.db.execute("SELECT sha256, min(id) FROM passages GROUP BY sha256 ORDER BY 2").fetchall()
        wanted = [(sha, passage_id) for sha, passage_id in firsts if sha not in have]
        texts: dict[int, str] = {}
        for chunk in _chunks([passage_id for _sha, passage_id in wanted]):
            marks = ",".join("?" * len(chunk))
            texts.update(index.db.execute(f"SELECT id, text FROM passages WHERE id IN ({marks})", chunk).fetchall())
        return [(sha, texts[passage_id]) for sha, passage_id in wanted if passage_id in texts]

    # Changes

    def use_model(self, model_id: str) -> bool:
        """Make the store hold `model_id`'s vectors: another model's are dropped. True when it reset."""
        if self.model_id is None or self.model_id == model_id:
            return False
        self.reset()
        return True

    def reset(self) -> None:
        """Drop every vector (another model's vectors mean nothing next to this one's queries)."""
        def work():
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DROP TABLE IF EXISTS vectors")
            self.db.execute("DELETE FROM meta")
            self.db.execute("COMMIT")
            self._meta = {}
            self.db.execute("VACUUM")  # give the old vectors' space back: a model change is rare
        self._run(work)

    def add(self, model_id: str, items: list[tuple[str, list[float]]]) -> None:
        """Store vectors by content hash, replacing any for the same hash; another model's are dropped first."""
        if not items:
            return
        self.use_model(model_id)
        dimensions = self.dimensions or len(items[0][1])
        if dimensions <= 0 or any(len(vector) != dimensions for _sha, vector in items):
            raise CoveError(_("The embedding model {model_id} returned vectors of the wrong size "
                              "(expected {dimensions} numbers each). Choose another embedding model.").format(model_id=model_id, dimensions=dimensions))
        import sqlite_vec

        def work():
            self.db.execute("BEGIN IMMEDIATE")
            if not self._has_table():
                self.db.execute(f"CREATE VIRTUAL TABLE vectors USING vec0(sha256 TEXT PRIMARY KEY, "
                                f"embedding float[{dimensions}] distance_metric=cosine)")
                self.db.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                                    [("model_id", model_id), ("dimensions", str(dimensions))])
            self.db.executemany("DELETE FROM vectors WHERE sha256 = ?", [(sha,) for sha, _vector in items])
            self.db.executemany("INSERT INTO vectors(sha256, embedding) VALUES (?, ?)",
                                [(sha, sqlite_vec.serialize_float32(vector)) for sha, vector in items])
            self.db.execute("COMMIT")
            self._meta = {"model_id": model_id, "dimensions": str(dimensions)}
        self._run(work)

    def prune(self, index) -> int:
        """Drop the vectors of texts no passage in `index` has any more (deleted or edited notes)."""
        used = {row[0] for row in index.db.execute("SELECT DISTINCT sha256 FROM passages")}
        stale = sorted(self.hashes() - used)
        if not stale:
            return 0

        def work():
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("DELETE FROM vectors WHERE sha256 = ?", [(sha,) for sha in stale])
            self.db.execute("COMMIT")
        self._run(work)
        return len(stale)

    # Search

    def nearest(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        """The `k` (at most MAX_K) stored texts nearest to `vector`: (sha256, cosine distance), nearest first."""
        if self.dimensions is None:
            return []
        if len(vector) != self.dimensions:
            raise CoveError(_("The question's vector has {count} numbers but the stored ones have "
                              "{dimensions}: the embedding model changed. Run `cove notes refresh`.").format(count=len(vector), dimensions=self.dimensions))
        import sqlite_vec

        k = max(1, min(int(k), MAX_K))
        query = sqlite_vec.serialize_float32(vector)
        # A zero vector has no direction (no cosine distance): count it as unrelated (1.0).
        return self._run(lambda: [(sha, 1.0 if distance is None else float(distance)) for sha, distance in self.db.execute(
            "SELECT sha256, distance FROM vectors WHERE embedding MATCH ? AND k = ? ORDER BY distance",
            (query, k))] if self._has_table() else [])
