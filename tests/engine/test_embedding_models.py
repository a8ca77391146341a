"""The test embedding models are right: the converted MiniLM embeds as the original does.

The reference is a NumPy forward pass of the original safetensors (BERT, 6 layers, mean
pooling over the tokens, L2 norm: what sentence-transformers computes for this model),
fed the token ids of the model's own `tokenizers` tokenizer. llama.cpp embeds the same
sentences from the GGUF with its own WordPiece tokenizer, so this checks the vocabulary,
the special tokens, the tensor mapping, the hyperparameters and the pooling together.
"""

from __future__ import annotations

import math
import zipfile

import numpy as np
import pytest

from tests.support.embedding_models import (
    CONVERTER_VERSION,
    MINILM_DIMENSIONS,
    minilm_weights,
    minilm_zip,
    tiny_bert_tokens,
    write_tiny_bert,
)

SENTENCES = [
    "A man is playing a guitar.",
    "Someone plays the guitar.",
    "The stock market fell today.",
    "Notes from Tuesday's meeting: the budget for the garden project is approved.",
    "Unbelievably, naïve résumés don't mention 42 años in São Paulo!",
]

_erf = np.vectorize(math.erf)


def _layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _linear(x, w, name):
    return x @ w[f"{name}.weight"].T + w[f"{name}.bias"]


def reference_embedding(w: dict, ids: list[int], n_head: int = 12) -> np.ndarray:
    """BERT encoder over ids (float64), mean pooling, L2 normalisation."""
    w = {k: v.astype(np.float64) for k, v in w.items()}
    n = len(ids)
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    layer = 0
    while f"encoder.layer.{layer}.attention.self.query.weight" in w:
        pre = f"encoder.layer.{layer}"
        q, k, v = (_linear(x, w, f"{pre}.attention.self.{name}") for name in ("query", "key", "value"))
        d = x.shape[1] // n_head
        heads = []
        for h in range(n_head):
            part = slice(h * d, (h + 1) * d)
            scores = q[:, part] @ k[:, part].T / math.sqrt(d)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            heads.append(scores / scores.sum(-1, keepdims=True) @ v[:, part])
        attended = _linear(np.concatenate(heads, axis=1), w, f"{pre}.attention.output.dense")
        x = _layer_norm(x + attended, w[f"{pre}.attention.output.LayerNorm.weight"],
                        w[f"{pre}.attention.output.LayerNorm.bias"])
        hidden = _linear(x, w, f"{pre}.intermediate.dense")
        hidden = 0.5 * hidden * (1 + _erf(hidden / math.sqrt(2)))  # exact GELU, as HF's "gelu"
        x = _layer_norm(x + _linear(hidden, w, f"{pre}.output.dense"), w[f"{pre}.output.LayerNorm.weight"],
                        w[f"{pre}.output.LayerNorm.bias"])
        layer += 1
    assert layer == 6
    pooled = x.mean(axis=0)
    return pooled / np.linalg.norm(pooled)


@pytest.fixture(scope="module")
def tokenizer():
    from tokenizers import Tokenizer

    with zipfile.ZipFile(minilm_zip()) as archive:
        tok = Tokenizer.from_str(archive.read("tokenizer.json").decode())
    tok.no_padding()
    tok.no_truncation()
    return tok


@pytest.fixture(scope="module")
def llama_embeddings(minilm):
    import llama_cpp

    model = llama_cpp.Llama(str(minilm), embedding=True, n_ctx=0, verbose=False)
    try:
        assert model.n_embd() == MINILM_DIMENSIONS and model.n_ctx() == 512
        assert model.pooling_type() == llama_cpp.LLAMA_POOLING_TYPE_MEAN
        tokens = [model.tokenize(s.encode()) for s in SENTENCES]
        vectors = np.array(model.embed(SENTENCES, normalize=True))
    finally:
        model.close()
    return tokens, vectors


def test_minilm_is_cached_under_a_versioned_name(minilm):
    assert minilm.name == f"all-MiniLM-L6-v2.f16.v{CONVERTER_VERSION}.gguf"
    assert minilm.stat().st_size > 40_000_000
    assert not list(minilm.parent.glob("*.part"))  # written under a temp name, then renamed


def test_llama_cpp_tokenizes_as_the_original_tokenizer(tokenizer, llama_embeddings):
    tokens, _ = llama_embeddings
    for sentence, ids in zip(SENTENCES, tokens):
        assert ids == tokenizer.encode(sentence).ids, sentence
        assert ids[0] == 101 and ids[-1] == 102  # [CLS] ... [SEP]


def test_minilm_embeds_as_the_original_model(tokenizer, llama_embeddings):
    _, vectors = llama_embeddings
    weights = minilm_weights()
    for sentence, vector in zip(SENTENCES, vectors):
        reference = reference_embedding(weights, tokenizer.encode(sentence).ids)
        assert vector.shape == (MINILM_DIMENSIONS,)
        assert float(vector @ reference) >= 0.99, sentence


def test_minilm_puts_paraphrases_nearer_than_unrelated_sentences(llama_embeddings):
    _, v = llama_embeddings
    guitar, plays, stocks = v[0], v[1], v[2]
    assert float(guitar @ plays) > float(guitar @ stocks) + 0.2


def test_tiny_bert_loads_tokenizes_and_embeds(tmp_path):
    import llama_cpp

    path = write_tiny_bert(tmp_path / "tiny-bert.gguf")
    model = llama_cpp.Llama(str(path), embedding=True, n_ctx=0, verbose=False)
    try:
        vocab = tiny_bert_tokens()
        ids = model.tokenize(b"the cat plays music zz9")
        assert [vocab[i] for i in ids] == ["[CLS]", "the", "cat", "plays", "music", "[UNK]", "[SEP]"]
        one, other = np.array(model.embed(["the cat plays music", "the stock market fell today"]))
        assert one.shape == (64,) and np.isfinite(one).all()
        assert not np.allclose(one, other)
        assert model.n_ctx() == 512
    finally:
        model.close()
    assert write_tiny_bert(tmp_path / "again.gguf").read_bytes() == path.read_bytes()  # same seed, same file
