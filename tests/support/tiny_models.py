"""Tiny random-weight GGUF models of each family, written with the `gguf` package.

Each has llama.cpp's "llama" architecture at toy size (2 layers, 64-wide), a
SentencePiece-style vocabulary of the 256 byte tokens plus that family's special
tokens, and the family's published chat template. They load in llama.cpp in
milliseconds and generate (nonsense), which is all the template tests need.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

TEMPLATES = Path(__file__).parent / "templates"

# family: (special tokens, bos, eos) — the tokens as each family's tokenizer names them
FAMILY_TOKENS = {
    "qwen2.5": (["<|endoftext|>", "<|im_start|>", "<|im_end|>"], "<|endoftext|>", "<|im_end|>"),
    "llama-3.2": (["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>",
                   "<|eot_id|>"], "<|begin_of_text|>", "<|eot_id|>"),
    "gemma-2": (["<pad>", "<eos>", "<bos>", "<start_of_turn>", "<end_of_turn>"], "<bos>", "<end_of_turn>"),
    "smollm2": (["<|endoftext|>", "<|im_start|>", "<|im_end|>"], "<|im_start|>", "<|im_end|>"),
    "phi-4-mini": (["<|endoftext|>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>"],
                   "<|endoftext|>", "<|end|>"),
}

N_EMBD, N_HEAD, N_HEAD_KV, N_FF, N_LAYER, N_CTX = 64, 4, 2, 128, 2, 1024


def write_tiny_model(path: Path, family: str, with_template: bool = True, seed: int = 0,
                     add_bos: bool = False, quantized: bool = False, n_embd: int = N_EMBD,
                     n_layer: int = N_LAYER, extra_tokens: tuple[str, ...] = (),
                     chat_template: str | None = None) -> Path:
    """chat_template: this one in the file instead of the family's published one.
    quantized: the matrices as Q8_0 (general.file_type 7), as real downloads are, instead of F32.
    n_embd, n_layer: a bigger or smaller model with the same vocabulary (a draft model's pair);
    extra_tokens: a vocabulary that differs from the family's by these tokens."""
    from gguf import GGMLQuantizationType, GGUFWriter, TokenType
    from gguf.quants import quantize

    specials, bos, eos = FAMILY_TOKENS[family]
    tokens = ["<unk>"] + [f"<0x{b:02X}>" for b in range(256)] + specials + ["▁"] + list(extra_tokens)
    types = ([TokenType.UNKNOWN] + [TokenType.BYTE] * 256 + [TokenType.CONTROL] * len(specials)
             + [TokenType.NORMAL] * (1 + len(extra_tokens)))
    scores = [0.0] * len(tokens)
    rng = np.random.default_rng(seed)

    def weights(*shape):
        matrix = (rng.standard_normal(shape) * 0.02).astype(np.float32)
        if quantized:
            return quantize(matrix, GGMLQuantizationType.Q8_0), GGMLQuantizationType.Q8_0
        return matrix, None

    writer = GGUFWriter(str(path), "llama")
    writer.add_name(f"tiny-{family}")
    if quantized:
        writer.add_file_type(7)  # MOSTLY_Q8_0

    def add_matrix(name, shape):
        data, kind = weights(*shape)
        if kind is None:
            writer.add_tensor(name, data)
        else:
            writer.add_tensor(name, data, raw_dtype=kind)  # bytes: the shape follows from the type

    writer.add_context_length(N_CTX)
    writer.add_embedding_length(n_embd)
    writer.add_block_count(n_layer)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEAD)
    writer.add_head_count_kv(N_HEAD_KV)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_dimension_count(n_embd // N_HEAD)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(tokens.index(bos))
    writer.add_eos_token_id(tokens.index(eos))
    writer.add_unk_token_id(0)
    writer.add_add_bos_token(add_bos)
    writer.add_add_eos_token(False)
    if with_template:
        writer.add_chat_template(chat_template or (TEMPLATES / f"{family}.jinja").read_text())
    n_vocab = len(tokens)
    add_matrix("token_embd.weight", (n_vocab, n_embd))
    writer.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
    add_matrix("output.weight", (n_vocab, n_embd))
    head_dim = n_embd // N_HEAD
    for i in range(n_layer):
        writer.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        add_matrix(f"blk.{i}.attn_q.weight", (n_embd, n_embd))
        add_matrix(f"blk.{i}.attn_k.weight", (N_HEAD_KV * head_dim, n_embd))
        add_matrix(f"blk.{i}.attn_v.weight", (N_HEAD_KV * head_dim, n_embd))
        add_matrix(f"blk.{i}.attn_output.weight", (n_embd, n_embd))
        writer.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        add_matrix(f"blk.{i}.ffn_gate.weight", (N_FF, n_embd))
        add_matrix(f"blk.{i}.ffn_up.weight", (N_FF, n_embd))
        add_matrix(f"blk.{i}.ffn_down.weight", (n_embd, N_FF))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
