"""Retrieval quality with meaning search: the notes set through the real embedding model in the engine.

all-MiniLM-L6-v2 (converted to GGUF once in the test cache, tests/support/embedding_models.py)
embeds the set's passages in the engine process (EngineEmbedder), they go to the
sqlite-vec store, and retrieval.search fuses keyword and nearest-vector results. The
issue's target: hybrid recall@5 >= 0.9 and above keyword-only. Measured when the test
was written (all-MiniLM-L6-v2 f16, RRF k=60): keyword 0.830 (93/112, MRR 0.688), hybrid
0.973 (109/112, MRR 0.851), vectors alone 0.955. The three hybrid misses were ranked 1st or
2nd by the vectors but found by no keyword: reciprocal rank fusion with both lists 50 deep
(a quarter of this corpus) put every passage on both lists, however low, above them. With
lists 20 deep (retrieval.MIN_DEPTH) hybrid is 0.991 (111/112, MRR 0.855).

Embedding the corpus is the slow part (a minute on two shared cores), so it happens
once for the module.
"""

import pytest

from app.core.notes.index import NotesIndex
from app.core.notes.meaning import embed_missing
from app.core.notes.vectors import VectorStore
from app.engine.client import EngineClient
from app.engine.embedder import EngineEmbedder
from tests.support import notes_recall as nr
from tests.support.embedding_models import minilm_gguf

pytestmark = pytest.mark.model

HYBRID_TARGET = 0.9  # the target
HYBRID_FLOOR = 0.96  # measured 0.991 (111/112); three flipped near-ties (another CPU) still pass, a regression does not


@pytest.fixture(scope="module")
def recall_set(tmp_path_factory):
    """The set indexed (keyword) and embedded (vectors), with the embedder that did it."""
    folder = tmp_path_factory.mktemp("recall")
    client = EngineClient(lambda event: None)
    index = NotesIndex(folder / "notes-index.db")
    store = VectorStore(folder / "notes-vectors.db")
    try:
        passages = nr.build_index(index)
        embedder = EngineEmbedder(client, minilm_gguf())
        embedded = embed_missing(index, store, embedder)
        yield index, store, embedder, passages, embedded
    finally:
        store.close()
        index.close()
        client.shutdown()


def test_every_passage_is_embedded(recall_set):
    index, store, embedder, passages, embedded = recall_set
    assert embedded == passages == store.count()
    assert embedder.dimensions == 384


def test_hybrid_recall_at_5_reaches_the_target_and_beats_keywords(recall_set):
    index, store, embedder, _, _ = recall_set
    qs = nr.questions()
    keyword = nr.measure(index, qs)
    hybrid = nr.measure(index, qs, meaning=(store, embedder))
    report = f"keyword {keyword.summary()}; hybrid {hybrid.summary()}"
    assert hybrid.recall_at_k >= HYBRID_TARGET, report
    assert hybrid.recall_at_k >= HYBRID_FLOOR, report
    assert hybrid.recall_at_k > keyword.recall_at_k, report
    assert hybrid.mrr > keyword.mrr, report
    # Meaning search earns its place on the questions worded unlike their note.
    rescued = [q for q in keyword.missed if q not in hybrid.missed]
    assert len(rescued) >= 0.75 * len(keyword.missed), report
