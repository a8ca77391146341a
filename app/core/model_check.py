"""Whether the administrator's policy lets a model file run, by its SHA-256 or where it came from.

Hashing a multi-gigabyte file takes a while, so each file's hash is kept in a small
cache keyed by path, size and modification time; a changed file is hashed again.
This runs in the engine process, just before a model is loaded, so the window
never waits for it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from app.core.paths import make_private_file

CHUNK = 4 << 20


def sha256_of(path: Path, cache_file: Path | None = None) -> str:
    stat = path.stat()
    key, stamp = str(path.resolve()), [stat.st_size, stat.st_mtime_ns]
    cache = {}
    if cache_file is not None:
        try:
            cache = json.loads(cache_file.read_text())
        except (OSError, ValueError):
            cache = {}
        if isinstance(cache.get(key), list) and cache[key][:2] == stamp:
            return cache[key][2]
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    value = digest.hexdigest()
    if cache_file is not None:
        cache[key] = stamp + [value]
        tmp = cache_file.with_name(cache_file.name + ".tmp")
        try:
            tmp.write_text(json.dumps(cache))
            make_private_file(tmp)
            os.replace(tmp, cache_file)
        except OSError:
            pass  # the hash is only a cache; it is worked out again next time
    return value


def repo_file(path: Path, models_dir: Path) -> str | None:
    """owner/repo/file for a download (they live in models/<owner>/<repo>/), else None."""
    try:
        parts = path.resolve().relative_to(models_dir.resolve()).parts
    except ValueError:
        return None
    return "/".join(parts) if len(parts) >= 3 else None


def refusal(allowed: tuple[str, ...] | None, note: str, path: Path, models_dir: Path,
            cache_file: Path | None, builtin: bool) -> str | None:
    """The message refusing this model, or None if the policy allows it."""
    from app.core.policy import BUILTIN

    if allowed is None or (builtin and BUILTIN in allowed):
        return None
    origin = repo_file(path, models_dir)
    if origin is not None and origin in allowed:
        return None
    if any(entry.startswith("sha256:") for entry in allowed) and f"sha256:{sha256_of(path, cache_file)}" in allowed:
        return None
    return (f"{path.name} is not among the models your administrator allows on this computer. "
            f"Choose another model.{(' ' + note) if note else ''}")
