"""Whether the administrator's policy lets a model file run, by its SHA-256 or where it came from.

This runs in the engine process, just before a model is loaded, so the window
never waits for it. Hashing a multi-gigabyte file takes a while; the hash is kept
in the engine's memory only, never in a file the user could edit to pass the check.

What is hashed must be what is loaded. The hash is read through one open file and
kept under that file's identity: device, inode, size, modification time and change
time. A user can set a file's modification time back (os.utime) but not its change
time, which the kernel sets on every write, rename or utime; so a file rewritten in
place, or swapped by renames, has a new identity and is hashed again. After loading,
the engine compares the path's identity with the hashed one (`loaded_file_changed`),
and loads a hash-allowed model without mmap, so that nothing written to the file
later reaches the running model.

An "owner/repo/file" entry (or "owner/repo/sub/file", for a file in a sub-folder of
the repo) matches a download by where Cove saved it: the same rule, in model_names.py,
decides both. That decides what may be downloaded; but a user who can write to their own data folder could put
another file at that path, so an administrator who must be sure lists SHA-256 values.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from app.core.gguf_file import open_regular
from app.core.i18n import _
from app.core.model_names import BUILTIN, origin_entry  # not policy's: the engine need not import the policy

CHUNK = 4 << 20
ATTEMPTS = 3  # a file that keeps changing while it is hashed is refused after this many tries


def identity(st: os.stat_result) -> tuple:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


_hashes: dict[tuple, str] = {}


def sha256_of(path: Path) -> tuple[str | None, tuple]:
    """(SHA-256 of the file, identity of the file hashed); the digest is None if it kept changing.

    Non-regular and empty files are refused (NotAModelFile) before a byte is read.
    """
    for _attempt in range(ATTEMPTS):
        stream, st = open_regular(path)
        with stream:
            before = identity(st)
            if before in _hashes:
                return _hashes[before], before
            digest = hashlib.sha256()
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
            after = identity(os.fstat(stream.fileno()))
        if after == before:
            _hashes[before] = digest.hexdigest()
            return _hashes[before], before
    return None, before


def repo_file(path: Path, models_dir: Path) -> str | None:
    """owner/repo/path for a download (saved at models/<owner>/<repo>/<path>, see model_names), else None."""
    try:
        parts = path.resolve().relative_to(models_dir.resolve()).parts
    except ValueError:
        return None
    return origin_entry(parts)


@dataclass(frozen=True)
class Verdict:
    refusal: str | None          # the message refusing the model, or None if it may run
    hashed: tuple | None = None  # identity of the file whose hash allowed it: load exactly that


def check(allowed: tuple[str, ...] | None, note: str, path: Path, models_dir: Path, builtin: bool) -> Verdict:
    """Whether the policy allows this model file, and (if by hash) which file was hashed."""
    if allowed is None or (builtin and BUILTIN in allowed):
        return Verdict(None)
    origin = repo_file(path, models_dir)
    if origin is not None and origin in allowed:
        return Verdict(None)
    if any(entry.startswith("sha256:") for entry in allowed):
        digest, hashed = sha256_of(path)
        if digest is None:
            return Verdict(_("{name} kept changing while it was being checked. Wait "
                             "until it is completely copied, then choose it again.").format(name=path.name))
        if f"sha256:{digest}" in allowed:
            return Verdict(None, hashed)
    return Verdict(_("{name} is not among the models your administrator "
                     "allows on this computer. Choose another model.{value}").format(name=path.name, value=' ' + note if note else ''))


def refusal(allowed: tuple[str, ...] | None, note: str, path: Path, models_dir: Path, builtin: bool) -> str | None:
    """The message refusing this model, or None if the policy allows it."""
    return check(allowed, note, path, models_dir, builtin).refusal


def loaded_file_changed(path: Path, hashed: tuple) -> str | None:
    """After loading: a refusal if the file at `path` is no longer the one that was hashed."""
    try:
        now = identity(os.stat(path))
    except OSError:
        now = None
    if now == hashed:
        return None
    return (_("{name} changed while it was being checked and loaded, so it "
              "was not used. Choose it again once it is completely copied.").format(name=path.name))
