"""The one way Cove writes a whole file: private, atomic, never through a symlink."""

import errno
import os
import stat

import pytest

from app.core import private_files
from app.core.private_files import disk_full_message, is_disk_full, write_private


def test_a_new_file_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        write_private(tmp_path / "token", "hf_secret")
    finally:
        os.umask(old)
    assert (tmp_path / "token").read_text() == "hf_secret"
    assert stat.S_IMODE((tmp_path / "token").stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["token"]


def test_an_existing_readable_file_is_replaced_by_a_private_one(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("old")
    path.chmod(0o644)
    write_private(path, b"new bytes")
    assert path.read_bytes() == b"new bytes" and stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_symlink_at_the_name_is_replaced_and_its_target_left_alone(tmp_path):
    victim = tmp_path / "elsewhere" / "victim"
    victim.parent.mkdir()
    victim.write_text("precious")
    victim.chmod(0o644)
    link = tmp_path / "export.json"
    link.symlink_to(victim)
    write_private(link, "{}")
    assert not link.is_symlink() and link.read_text() == "{}"
    assert victim.read_text() == "precious" and stat.S_IMODE(victim.stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary_one(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    write_private(path, "previous")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(private_files.os, "write", full)
    with pytest.raises(OSError) as caught:
        write_private(path, "x" * 100_000)
    assert is_disk_full(caught.value)
    monkeypatch.undo()
    assert path.read_text() == "previous" and os.listdir(tmp_path) == ["settings.json"]


def test_a_full_disk_is_recognised_from_the_os_and_from_sqlite(tmp_path):
    import sqlite3

    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    message = disk_full_message(tmp_path / "cove.db")
    assert str(tmp_path / "cove.db") in message and "Free some space" in message and "\n" not in message


def test_the_umask_makes_what_others_create_private(tmp_path):
    old = os.umask(0o022)
    try:
        private_files.private_umask()
        (tmp_path / "by-a-library").write_text("x")
        (tmp_path / "folder").mkdir()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "by-a-library").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "folder").stat().st_mode) == 0o700
