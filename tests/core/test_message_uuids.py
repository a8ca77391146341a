"""Messages and conversations get time-ordered uuids (version 7), so a new message's uuid goes at the end
of the uuid index instead of a random place in it (a random leaf rewritten, and split, per commit)."""

import time
import uuid

from app.core.records import new_uuid


def test_new_uuids_are_version_7_and_carry_the_time():
    before = int(time.time() * 1000)
    value = new_uuid()
    after = int(time.time() * 1000)
    parsed = uuid.UUID(value)
    assert len(value) == 32 and value == value.lower() and parsed.hex == value
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert before <= parsed.int >> 80 <= after


def test_new_uuids_rise_even_within_one_millisecond_and_never_repeat():
    values = [new_uuid() for _ in range(20000)]  # many per millisecond
    assert values == sorted(values)
    assert len(set(values)) == len(values)
    assert all(uuid.UUID(v).version == 7 and uuid.UUID(v).variant == uuid.RFC_4122 for v in values)


def test_a_conversations_messages_get_rising_uuids(store):
    conversation = store.create_conversation()
    for n in range(30):
        store.add_user_message(conversation.id, f"message {n}")
    uuids = [row[0] for row in store.db.execute("SELECT uuid FROM messages ORDER BY id")]
    assert uuids == sorted(uuids) and len(set(uuids)) == 30
    assert uuid.UUID(store.conversation(conversation.id).uuid).version == 7


def test_a_message_commit_rewrites_few_pages(tmp_path):
    """Each page a commit writes is encrypted and MACed in an encrypted store (issue 16's append target):
    with random uuids and the `updated` index this store's commits wrote a median of 14 pages, now 12.5."""
    from app.core.store import Store

    store = Store(tmp_path / "cove.db")
    conversations = [store.create_conversation() for _ in range(30)]
    for i in range(3000):
        store.add_user_message(conversations[i % 30].id, f"message number {i} about budget {i * 7} and meeting {i % 13}")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.db.execute("PRAGMA wal_autocheckpoint = 0")  # every commit's pages stay in the WAL, to be counted
    wal = tmp_path / "cove.db-wal"
    frames = []
    for i in range(40):
        before = max(wal.stat().st_size if wal.exists() else 0, 32)
        store.add_user_message(conversations[0].id, f"a new message {i} with some words about travel plans and hotel {i}")
        frames.append((wal.stat().st_size - before) // (store.db.execute("PRAGMA page_size").fetchone()[0] + 24))
    store.close()
    frames.sort()
    assert (frames[19] + frames[20]) / 2 <= 13, frames
