import sqlite3
import time

import pytest

from app.core import backups
from app.core import store as st
from app.core.errors import CoveError


def test_backup_is_a_consistent_private_copy_and_old_ones_go(tmp_path):
    path = tmp_path / "cove.db"
    store = st.Store(path)
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "keep me safe")
    made = [backups.make_backup(path) for _ in range(backups.KEEP + 2)]
    kept = backups.backups(path, backups.DAILY)
    assert len(kept) == backups.KEEP and made[-1] in kept and made[0] not in kept
    copy = sqlite3.connect(kept[0])
    assert copy.execute("SELECT content FROM messages").fetchone()[0] == "keep me safe"
    assert oct(kept[0].stat().st_mode & 0o777) == "0o600"
    store.close()


def test_daily_backup_due_after_a_day(tmp_path):
    path = tmp_path / "cove.db"
    st.Store(path).close()
    assert backups.daily_backup_due(path)
    backups.make_backup(path)
    assert not backups.daily_backup_due(path)
    assert backups.daily_backup_due(path, now=time.time() + backups.DAY + 1)


def test_a_migration_is_preceded_by_a_backup(tmp_path):
    from conftest import first_version_database

    path = tmp_path / "cove.db"
    first_version_database(path).close()
    st.Store(path).close()
    [before] = backups.backups(path, backups.MIGRATION)
    tables = {r[0] for r in sqlite3.connect(before).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "messages_fts" not in tables  # the copy holds the old schema
    st.Store(path).close()
    assert len(backups.backups(path, backups.MIGRATION)) == 1  # nothing to migrate: no new backup


def test_damaged_database_points_to_the_newest_backup(tmp_path):
    path = tmp_path / "cove.db"
    st.Store(path).close()
    good = backups.make_backup(path)
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096] = 0x42  # not a valid b-tree page type: every table page is damaged
    path.write_bytes(bytes(data))
    with pytest.raises(CoveError, match="damaged") as error:
        st.Store(path)
    assert str(good) in str(error.value)
