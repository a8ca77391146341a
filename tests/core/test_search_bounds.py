"""Search costs the same whatever the length of the messages it finds (issue 12, item 10).

No timings here: the tests assert that the work is bounded. snippet() (whose cost
grows with the square of the text it is given) never sees more than
search.SNIPPET_SOURCE_CHARS, and the query over the index never calls it.
benchmarks/history.py --long-message-mb measures the time.
"""

import random

import pytest

from app.core import search

FILLER = ["the", "time", "to", "test", "that", "this", "text", "takes", "a", "tiny", "toll", "on", "total", "throughput", "other", "words", "here"]


def long_text(megabytes: float, seed: int = 1, insert: dict[float, str] | None = None) -> str:
    rng = random.Random(seed)
    words = [rng.choice(FILLER) for _ in range(int(megabytes * (1 << 20) / 5))]
    for fraction, word in (insert or {}).items():
        words[int(len(words) * fraction)] = word
    return " ".join(words)


@pytest.fixture
def snippet_sources(monkeypatch):
    """The length of every text snippet() is given, and every statement the store's connection runs."""
    seen = []
    original = search._Snippets.of

    def of(self, text):
        seen.append(len(text))
        return original(self, text)

    monkeypatch.setattr(search._Snippets, "of", of)
    return seen


def test_a_ten_megabyte_message_is_found_with_a_bounded_snippet(store, snippet_sources):
    conversation = store.create_conversation()
    big = store.add_user_message(conversation.id, long_text(10, insert={0.5: "needle"}))
    small = store.add_user_message(conversation.id, "a short note about the tiny needle")
    statements = []
    store.db.conn.set_trace_callback(statements.append)
    for query, mark in (("needle", "[needle]"), ("t", "[t"), ("tiny toll", "[tiny]")):
        hits = {h.message_id: h for h in store.search(query)}
        assert big.id in hits, query
        assert mark in hits[big.id].snippet and len(hits[big.id].snippet) < 400, hits[big.id].snippet
    assert small.id in {h.message_id for h in store.search("needle")}
    assert snippet_sources and max(snippet_sources) <= search.SNIPPET_SOURCE_CHARS
    assert not any("snippet(" in s for s in statements)  # the index query never runs snippet() itself


def test_short_messages_get_exactly_the_snippet_fts5_gives(store):
    conversation = store.create_conversation()
    text = ("Notes from the security audit on Tuesday: the auditors asked for the backup policy, "
            "the access review and a list of every audited server, with owners.")
    message = store.add_user_message(conversation.id, text)
    for query in ("audit", "backup policy", "serv"):
        [hit] = store.search(query, marks=("<b>", "</b>"))
        direct = store.db.execute(
            "SELECT snippet(messages_fts, 0, '<b>', '</b>', '…', 12) FROM messages_fts "
            "WHERE messages_fts MATCH ? AND rowid = ?", [search.fts_query(query), message.id]).fetchone()[0]
        assert hit.snippet == direct


def test_a_long_message_matched_only_through_its_stem_still_shows_a_short_snippet(store, snippet_sources):
    conversation = store.create_conversation()
    # The index stems "running" and "runs" alike; the window finder looks for the letters typed.
    message = store.add_user_message(conversation.id, long_text(1, insert={0.7: "running"}))
    [hit] = store.search("runs")
    assert hit.message_id == message.id and 0 < len(hit.snippet) < 400
    assert max(snippet_sources) <= search.SNIPPET_SOURCE_CHARS


def test_many_long_hits_each_cost_one_bounded_snippet(store, snippet_sources):
    conversation = store.create_conversation()
    for n in range(5):
        store.add_user_message(conversation.id, long_text(0.5, seed=n, insert={0.9: "marker"}))
    hits = store.search("marker", limit=3)
    assert len(hits) == 3 and all("[marker]" in h.snippet for h in hits)
    assert len(snippet_sources) == 3 and max(snippet_sources) <= search.SNIPPET_SOURCE_CHARS


def test_search_file_works_on_a_read_only_connection(store):
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, long_text(0.2, insert={0.5: "zeppelin"}))
    [hit] = search.search_file(store.path, "zeppelin")
    assert "[zeppelin]" in hit.snippet
