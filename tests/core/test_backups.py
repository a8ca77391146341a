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
    from tests.support.databases import first_version_database

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


def test_a_damaged_database_is_replaced_by_the_newest_good_backup_and_kept(tmp_path):
    from app.core.errors import DatabaseDamaged

    path = tmp_path / "cove.db"
    store = st.Store(path)
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "a note worth keeping")
    store.close()
    good = backups.make_backup(path)
    time.sleep(0.01)
    broken_backup = backups.make_backup(path, backups.MIGRATION)
    broken_backup.write_bytes(b"garbage" * 1000)  # the newest backup is no good: the one before is offered
    damaged = bytearray(path.read_bytes())
    for page in range(1, len(damaged) // 4096):
        damaged[page * 4096] = 0x42
    path.write_bytes(bytes(damaged))
    with pytest.raises(DatabaseDamaged) as error:
        st.Store(path)
    assert error.value.backup == good
    kept = backups.restore(path, error.value.backup)
    assert kept.read_bytes() == bytes(damaged)  # the damaged file is kept, not deleted
    restored = st.Store(path)
    assert [m.content for m in restored.branch(conversation.id)] == ["a note worth keeping"]


def test_the_window_offers_the_backup_of_a_damaged_database_and_opens_with_it(qtbot, cove_home):
    from app.core import paths
    from app.core.errors import DatabaseDamaged
    from app.ui.main import build, offer_restore

    app_paths = paths.current().ensure()
    window, controller = build(app_paths)
    conversation = controller.store.create_conversation()
    controller.store.add_user_message(conversation.id, "minutes of the March meeting")
    controller.shutdown()
    controller.store.close()
    backups.make_backup(app_paths.database)
    data = bytearray(app_paths.database.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096] = 0x42
    app_paths.database.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged) as error:
        build(app_paths)
    asked = []
    assert not offer_restore(app_paths.database, error.value, ask=lambda db, backup: asked.append(backup) or False)
    assert asked == [error.value.backup] and app_paths.database.read_bytes() == bytes(data)  # "Quit": untouched
    assert offer_restore(app_paths.database, error.value, ask=lambda db, backup: True)
    window, controller = build(app_paths)
    qtbot.addWidget(window)
    assert [c.title for c in controller.store.conversations()] == ["minutes of the March meeting"]
    assert list(app_paths.database.parent.glob("cove.db.damaged-*"))
    controller.shutdown()


def test_a_large_database_is_checked_in_the_background_and_restored_on_request(qtbot, cove_home, monkeypatch):
    from app.core import paths
    from app.ui import main as main_mod

    app_paths = paths.current().ensure()
    store = st.Store(app_paths.database)
    conversation = store.create_conversation()
    for i in range(400):
        store.add_user_message(conversation.id, f"note {i} " + "lorem ipsum dolor " * 40)
    store.close()
    good = backups.make_backup(app_paths.database)
    data = bytearray(app_paths.database.read_bytes())
    last_page = len(data) // 4096 - 1
    data[last_page * 4096: last_page * 4096 + 16] = b"\x42" * 16  # a data page, not one read at opening
    app_paths.database.write_bytes(bytes(data))
    monkeypatch.setattr(main_mod, "INLINE_CHECK_BYTES", 0)  # as if it were a large database
    asked, restarted = [], []
    monkeypatch.setattr(main_mod, "_ask_restore", lambda db, backup: asked.append(backup) or True)
    monkeypatch.setattr(main_mod.QProcess, "startDetached", lambda *args: restarted.append(args))
    window, controller = main_mod.build(app_paths)  # opens at once, unchecked
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == [good] and restarted
    assert list(app_paths.database.parent.glob("cove.db.damaged-*"))
    assert backups.is_good(app_paths.database)
