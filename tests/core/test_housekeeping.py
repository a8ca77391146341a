"""One start-up housekeeping, the same for the window and every command."""

from datetime import datetime, timedelta, timezone

from app import cli
from app.core import housekeeping, paths
from app.core import store as st


def _trashed_days_ago(store: st.Store, title: str, days: float) -> int:
    conversation = store.create_conversation(title=title)
    store.add_user_message(conversation.id, f"text of {title}")
    stamp = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="microseconds")
    store._update_conversation(conversation.id, {"deleted": stamp})
    return conversation.id


def _setup(app_paths: paths.CovePaths) -> tuple[int, int, int]:
    store = st.Store(app_paths.database)
    old = _trashed_days_ago(store, "long gone", 40)
    recent = _trashed_days_ago(store, "yesterday", 1)
    kept = store.create_conversation(title="current").id
    store.close()
    app_paths.kv_cache_dir.mkdir(parents=True, exist_ok=True)
    (app_paths.kv_cache_dir / "state.bin").write_bytes(b"tokens of deleted words")
    return old, recent, kept


def test_the_trash_expires_and_saved_states_of_deleted_words_go(cove_home):
    app_paths = paths.current().ensure()
    old, recent, kept = _setup(app_paths)
    store = st.Store(app_paths.database)
    assert housekeeping.at_start(store, app_paths, trash_days=30) == [old]
    assert not app_paths.kv_cache_dir.exists()
    assert {c.id for c in store.conversations(view=st.TRASH)} == {recent}
    assert [c.id for c in store.conversations()] == [kept]
    app_paths.kv_cache_dir.mkdir()
    assert housekeeping.at_start(store, app_paths, trash_days=30) == []
    assert app_paths.kv_cache_dir.exists()  # nothing deleted: saved states are kept
    store.close()


def test_the_administrators_retention_rule_applies_too(cove_home, admin_policy):
    admin_policy("retention_days = 10\n")
    app_paths = paths.current().ensure()
    store = st.Store(app_paths.database)
    stale = store.create_conversation(title="stale").id
    store._update_conversation(stale, {"updated": (datetime.now(timezone.utc) - timedelta(days=11)).isoformat()})
    fresh = store.create_conversation(title="fresh").id
    assert housekeeping.at_start(store, app_paths, trash_days=30) == [stale]
    assert [c.id for c in store.conversations()] == [fresh]
    store.close()


def test_every_command_does_the_same_housekeeping_as_the_window(cove_home, monkeypatch, capsys):
    app_paths = paths.current().ensure()
    old, recent, kept = _setup(app_paths)
    monkeypatch.setattr(cli, "private_umask", lambda: None)
    assert cli.main(["search", "text"]) == 0
    store = st.Store(app_paths.database)
    assert {c.id for c in store.conversations(view=st.TRASH)} == {recent}
    assert not store.has_conversation(old) and store.has_conversation(kept)
    store.close()
    assert not app_paths.kv_cache_dir.exists()


def test_the_window_starts_with_the_same_housekeeping(cove_home, monkeypatch, qtbot):
    from app.ui import main as main_mod

    calls = []
    real = housekeeping.at_start
    monkeypatch.setattr(housekeeping, "at_start", lambda *args, **kw: calls.append(args[2]) or real(*args, **kw))
    app_paths = paths.current().ensure()
    old, recent, _ = _setup(app_paths)
    window, controller = main_mod.build(app_paths)
    qtbot.addWidget(window)
    assert calls == [controller.settings.storage.trash_days]
    assert not controller.store.has_conversation(old) and controller.store.has_conversation(recent)
    controller.shutdown()
