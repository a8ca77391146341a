"""Whether a process that had the conversation database open ended without closing it.

SQLite's quick_check reads every page of the file: about 2 s for an 800 MB store, 19 s when
it is encrypted (every page decrypted). Running it on every `cove` command made each one wait
that long. What it protects against is damage nobody has touched yet; damage that is touched
is found anyway, because SQLite checks each page it reads (and SQLCipher checks each page's
MAC: a changed byte anywhere in an encrypted page fails it). So the whole file is read only
when damage is likely to be new: after a process that had it open ended without closing it
(a crash, a kill, a power cut, where a lying disk cache can tear pages). The window also
checks it at every start (inline when small, on a thread when large: app/ui/main.py).

Each open store leaves an empty file in `cove.db.open/`, named after its process (pid and
start time, so a reused pid does not pass for the old process); closing the store, or the
process ending normally, removes it. A mark whose process is gone means an unclean end: the
next open runs quick_check, and the marks it covered are removed once the check passes.
"""

from __future__ import annotations

import atexit
import os
import secrets
import threading
from pathlib import Path

import psutil

START_TOLERANCE_MS = 2000
_ours: set[Path] = set()  # this process's marks, removed at exit if the stores were not closed
_lock = threading.Lock()


def _folder(database: Path) -> Path:
    return database.with_name(database.name + ".open")


def _start_ms(pid: int) -> int | None:
    try:
        return int(psutil.Process(pid).create_time() * 1000)
    except (psutil.Error, OSError):
        return None


_own: tuple[int, int | None] | None = None  # this process's (pid, start time), read once


def mark_open(database: Path) -> Path | None:
    """Note that this process has `database` open; None where the folder cannot be written (nothing to note)."""
    global _own
    if _own is None or _own[0] != os.getpid():  # a forked child is another process
        _own = (os.getpid(), _start_ms(os.getpid()))
    folder = _folder(Path(database))
    mark = folder / f"{_own[0]}-{_own[1]}-{secrets.token_hex(4)}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        os.close(os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:  # a read-only data folder: only the window's own check then covers it
        return None
    with _lock:
        _ours.add(mark)
    return mark


def mark_closed(mark: Path | None) -> None:
    """The store that wrote `mark` was closed."""
    if mark is None:
        return
    with _lock:
        _ours.discard(mark)
    try:
        mark.unlink()
    except OSError:
        pass


def unclosed(database: Path) -> list[Path]:
    """The marks left by processes that ended without closing `database` (empty: every earlier end was clean)."""
    try:
        marks = list(_folder(Path(database)).iterdir())
    except OSError:
        return []
    left = []
    for mark in marks:
        pid, _, rest = mark.name.partition("-")
        if _gone(pid, rest.partition("-")[0]):
            left.append(mark)  # its process is gone (or the name is not ours: checked, then removed)
    return left


def _gone(pid: str, started: str) -> bool:
    if not pid.isdigit() or not psutil.pid_exists(int(pid)):
        return True
    now = _start_ms(int(pid))
    if now is None or not started.isdigit():
        return False  # alive, its start time unreadable (another user's, another namespace): assume it is it
    # Start times are read from the clock at boot plus ticks: a clock stepped since (NTP, resume) moves them a
    # little; a pid reused by a later process starts seconds or more after the one that wrote the mark.
    return abs(now - int(started)) > START_TOLERANCE_MS


def check_as_needed(database: Path, check: bool | None, run_check) -> Path | None:
    """Mark `database` open and call `run_check` (quick_check) when asked to (True), or, when left to
    decide (None), after an unclean end; False: never (the caller checks on a thread). Returns the mark."""
    unclean = unclosed(database) if check is not False else []
    mark = mark_open(database)
    try:
        if check or unclean:
            run_check()
            forget(unclean)  # only the marks seen before the check: a process gone since is checked next time
    except BaseException:
        mark_closed(mark)
        raise
    return mark


def forget(marks: list[Path]) -> None:
    """The database passed its check after the unclean ends these marks stand for."""
    for mark in marks:
        try:
            mark.unlink()
        except OSError:
            pass


@atexit.register
def _at_exit() -> None:
    # A normal end (even with a store left open) leaves nothing half-written: SQLite's WAL is intact.
    with _lock:
        left = list(_ours)
        _ours.clear()
    forget(left)
