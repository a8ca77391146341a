"""Generating several tokens per model pass: drafts checked in one batch (speculative decoding).

On a CPU, one token at a time runs at the pace of reading the weights once per token.
A batch of a few tokens reads them once for all, so when a cheap guess of the next
tokens (prompt_lookup.py copies them from the prompt) is checked in one batch, every
accepted token saves most of a pass.

The output is exactly what plain decoding gives. At each position of the batch the
sampler chain that llama-cpp-python's generate() builds draws the next token from the
model's logits there, as it would one token at a time; the draft token is kept only
when the drawn token equals it, and the first drawn token that differs ends the batch
(it is the next token; the KV cache past it is discarded). For greedy decoding this is
token-for-token identical output. For sampling it is the standard acceptance rule for a
draft that puts all its probability on one token: the draft token is accepted with
probability p(draft) and otherwise a token is drawn from p without it, so every token
still has probability p(token), and since the sampler draws one random number per
emitted token, as plain decoding does, a fixed seed even gives the same answer.

That needs the batch to compute each position's logits exactly as a single token would.
Measured with llama-cpp-python 0.3.36 (`tests/engine/test_speculative.py` keeps checking it):

- CPU attention without flash attention does not: a batch goes through llamafile's matrix
  kernels and one token through ggml's dot products, which sum in another order (up to 1.5
  apart in SmolLM2's logits, enough to flip a near tie). Nor do unquantized (F32/F16) weight
  matrices, or GPU kernels, which are chosen by batch size.
- CPU flash attention with an F16 KV cache and two or more generation threads does not
  either: one token's attention over 512 cells or more is split between the threads and the
  parts added up, in another order than a batch's.
- CPU flash attention does, bit for bit at every length tested (up to 3,000 tokens, batches
  of 2 to 17, 1 to 4 threads), with a quantized KV cache (q8_0, q4_0: llama.cpp has neither a
  split nor a tiled kernel for it, so a batch and one token run the same code), or with one
  generation thread.

So drafts are only checked there (`exact_batches`); elsewhere generation is plain, as before.
A q8_0 KV cache (Settings › Engine) is the way to have them with every thread: on this 2-core
Xeon it generates as fast as the default F16 cache without flash attention up to ~1,000
tokens of context (84 against 81 tok/s at 512, 0.92x at 2k, 0.85x at 4k) but reads long
prompts slower (0.89x at 512, 0.53x at 4k), so it is not the default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.engine import sampler
from app.engine.prompt_lookup import PromptLookup


def generate(llm, prompt: list[int], drafter: PromptLookup | None, stopped: Callable[[], bool],
             **sampling) -> Iterator[int]:
    """Tokens as llm.generate(prompt, **sampling) yields them; with a drafter, checked in batches.

    The caller reads tokens until it has enough and closes the generator; the context then
    holds exactly what plain decoding would have evaluated (the prompt and the tokens
    before the last one). Every token after the first is decoded here, drafts or none: one
    at a time through OneToken, drafts through one batch each."""
    from llama_cpp import StoppingCriteriaList

    plain = llm.generate(prompt, stopping_criteria=StoppingCriteriaList([lambda _ids, _logits: stopped()]),
                         **sampling)
    drafting = drafter is not None and exact_batches(llm)
    if drafter is not None and not drafting:
        drafter.forget_stats()  # this answer checks no drafts: its stats must not be the last answer's
    # The prompt and the first token as llama-cpp-python does them (prefix reuse, sampler set-up);
    # from then on its sampler chain, llm._sampler, draws every token here (made cheaper: sampler.drawer).
    if drafting:
        drafter.start(prompt)
    try:
        token = next(plain)
    except StopIteration:
        return
    finally:
        plain.close()
    draw = sampler.drawer(llm, **sampling)
    one = OneToken(llm)
    stale = False  # KV cells (and logits) past llm.n_tokens from a batch that was cut short
    try:
        while True:
            if drafting:
                drafter.add(token)
            yield token
            n_past = llm.n_tokens
            room = min(llm.n_ctx() - n_past - 1, MAX_BATCH - 1)  # the batch is the token and the draft
            draft = drafter.draft(room) if drafting and room > 0 else []
            if not draft:
                one.decode(token, clear_after=stale)  # as plain decoding: one token, its logits
                stale = False
                token = draw(-1)
                if stopped():
                    return
                continue
            batch = [token] + draft
            _decode_all(llm, batch, n_past)
            stale = True
            for i in range(len(batch)):
                token = draw(i)
                llm.n_tokens = n_past + i + 1  # batch[:i + 1] is what the answer really holds so far
                if stopped():
                    return
                if i == len(draft) or token != draft[i]:
                    drafter.record(len(draft), i)
                    stale = i < len(draft)
                    break
                drafter.add(token)
                yield token
    finally:
        one.free()
        if stale:
            llm._ctx.kv_cache_seq_rm(-1, llm.n_tokens, -1)
            llm._requires_eval = True  # the last logits are a discarded draft's


class OneToken:
    """A one-token batch for the answer's tokens, filled in place.

    Llama.eval() fills its 512-token batch in a Python loop and clears the KV cache past the
    end before every token; for one token after another only the token and its position
    change, and nothing lies past the end unless a batch was cut short (clear_after)."""

    def __init__(self, llm):
        import llama_cpp

        self.llm, self._decode = llm, llama_cpp.llama_decode
        self.batch = llama_cpp.llama_batch_init(1, 0, 1)
        self.batch.n_tokens, self.batch.n_seq_id[0], self.batch.seq_id[0][0], self.batch.logits[0] = 1, 1, 0, 1

    def decode(self, token: int, clear_after: bool = False) -> None:
        llm, n_past = self.llm, self.llm.n_tokens
        if clear_after:
            llm._ctx.kv_cache_seq_rm(-1, n_past, -1)
        self.batch.token[0], self.batch.pos[0] = token, n_past
        code = self._decode(llm._ctx.ctx, self.batch)
        if code != 0:  # as Llama.eval says it (the worker reports it, or knows a Stop by it)
            raise RuntimeError(f"llama_decode returned {code}")
        llm.input_ids[n_past] = token
        llm.n_tokens = n_past + 1
        llm._requires_eval = False

    def free(self) -> None:
        import llama_cpp

        if self.batch is not None:
            llama_cpp.llama_batch_free(self.batch)
            self.batch = None


def _decode_all(llm, batch: list[int], n_past: int) -> None:
    """Evaluate the batch at n_past with logits at every position (Llama.eval keeps only the last)."""
    llm._ctx.kv_cache_seq_rm(-1, n_past, -1)
    llm._batch.set_batch(batch=batch, n_past=n_past, logits_all=True)
    llm._ctx.decode(llm._batch)
    llm.input_ids[n_past:n_past + len(batch)] = batch
    llm.n_tokens = n_past + len(batch)


# general.file_type of unquantized files: float matrices take another code path in a batch (measured
# up to 9e-8 apart on a tiny F32 model); quantized ones (Q4_1, Q8_0 measured) are bit-identical.
_FLOAT_FILE_TYPES = {"0", "1", "32"}  # ALL_F32, MOSTLY_F16, MOSTLY_BF16
_FLOAT_KV_TYPES = {0, 1}              # GGML_TYPE_F32, GGML_TYPE_F16: the types with split and tiled kernels
# From 64 query rows (GGML_FA_TILE_Q) llama.cpp's CPU flash attention tiles a batch differently, and a CUDA
# build sends batches of 32 tokens or more (GGML_OP_OFFLOAD_MIN_BATCH) to the GPU even with no layer there.
MAX_BATCH = 31


def exact_batches(llm) -> bool:
    """Whether a batch gives every position the logits one token alone would get: on the CPU with flash
    attention, for a quantized model, with a quantized KV cache or one generation thread."""
    import llama_cpp

    params = llm.context_params
    flash = params.flash_attn_type == llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED
    float_kv = params.type_k in _FLOAT_KV_TYPES and params.type_v in _FLOAT_KV_TYPES
    # With an F16 cache, one token's attention over 512 cells or more is split between the generation
    # threads and summed in another order than in a batch (logits up to ~1 apart): one thread only.
    # (The thread governor only ever lowers a count set to 1, so a 1 here stays 1.)
    threads_ok = not float_kv or params.n_threads == 1
    on_gpu = llm.model_params.n_gpu_layers != 0 and llama_cpp.llama_supports_gpu_offload()
    file_type = str(llm.metadata.get("general.file_type", "0"))
    return flash and threads_ok and not on_gpu and file_type not in _FLOAT_FILE_TYPES
