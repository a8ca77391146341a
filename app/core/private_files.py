"""Private, atomic file writes: the one way Cove writes a whole file.

Settings, the Hub token, the download queue, the network log, exports: each is
written to a new temporary file in the same folder (created 0600, refusing to
follow a symlink), flushed to disk, then renamed over the name. So

- a crash or a full disk never leaves half a file, and never destroys the
  previous one (the temporary file is removed when anything fails);
- a symlink at the target name is replaced, never followed: its target is
  neither overwritten nor made private (rename works on the name, not the link);
- nobody else can read the file, not even for a moment.

Also here: the process umask (files SQLite and libraries create get 0600 too)
and the wording for a full disk, so every caller says the same thing.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from app.core.i18n import _

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows, where symlinks need admin rights anyway
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def write_private(path: Path | str, data: bytes | str) -> None:
    """Replace `path` with `data` atomically, readable by the user only (see the module docstring).

    Raises OSError (the caller turns it into a message; `is_disk_full` tells that case apart).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY, 0o600)
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)  # the rename must not reach the disk before the content does
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def private_umask() -> None:
    """Files and folders this process creates are the user's only (0600 / 0700).

    Cove also sets modes explicitly where it creates files; the umask covers what
    others create for it: SQLite's -wal and -shm files (they hold message text),
    log rotation, the engine's saved states.
    """
    if os.name == "posix":
        os.umask(0o077)


def is_disk_full(exc: BaseException) -> bool:
    """Whether an error from a write means the disk (or the user's quota) is full."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    return "database or disk is full" in str(exc).lower()


def disk_full_message(where: Path | str) -> str:
    """The same sentence everywhere a full disk stops a write."""
    return _("The disk holding {where} is full, so Cove could not save there. "
             "Free some space (or choose another place), then try again.").format(where=where)
