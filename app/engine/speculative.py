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
llama.cpp's CPU flash attention does (bit for bit, measured); its CPU attention without
flash attention does not (up to 1.06 apart on SmolLM2's logits, enough to flip a near
tie), nor do unquantized (F32/F16) matrices or GPU kernels, which are chosen by batch
size. So drafts are only checked where a batch matches (`exact_batches`); elsewhere
generation is plain, as before.

One difference remains, measured with llama-cpp-python 0.3.36: with two or more generation
threads and a context past ~256 tokens, llama.cpp splits one token's attention over the
context between the threads, which sums it in another order than a batch does (~3e-3 in the
logits). With one generation thread the draft batches are bit-identical at any length
tested; with more, a greedy answer can differ where two tokens are that close, as an
answer already can between a prompt read in one batch and the same prompt read from the
cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from app.engine.prompt_lookup import PromptLookup


def generate(llm, prompt: list[int], drafter: PromptLookup | None, stopped: Callable[[], bool],
             **sampling) -> Iterator[int]:
    """Tokens as llm.generate(prompt, **sampling) yields them; with a drafter, checked in batches.

    The caller reads tokens until it has enough and closes the generator; the context then
    holds exactly what plain decoding would have evaluated (the prompt and the tokens
    before the last one)."""
    from llama_cpp import StoppingCriteriaList

    plain = llm.generate(prompt, stopping_criteria=StoppingCriteriaList([lambda _ids, _logits: stopped()]),
                         **sampling)
    if drafter is None or not exact_batches(llm):
        yield from plain
        return
    # The prompt and the first token as llama-cpp-python does them (prefix reuse, sampler set-up);
    # from then on its sampler chain, llm._sampler, draws every token here.
    drafter.start(prompt)
    try:
        token = next(plain)
    except StopIteration:
        return
    finally:
        plain.close()
    stale = False  # KV cells (and logits) past llm.n_tokens from a batch that was cut short
    try:
        while True:
            drafter.add(token)
            yield token
            n_past = llm.n_tokens
            room = llm.n_ctx() - n_past - 1
            draft = drafter.draft(room) if room > 0 else []
            if not draft:
                llm.eval([token])  # as plain decoding: one token, its logits
                stale = False
                token = llm._sampler.sample(llm._ctx, -1)
                if stopped():
                    return
                continue
            batch = [token] + draft
            _decode_all(llm, batch, n_past)
            stale = True
            for i in range(len(batch)):
                token = llm._sampler.sample(llm._ctx, i)
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
        if stale:
            llm._ctx.kv_cache_seq_rm(-1, llm.n_tokens, -1)
            llm._requires_eval = True  # the last logits are a discarded draft's


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


def exact_batches(llm) -> bool:
    """Whether a batch gives every position the logits one token alone would get: on the CPU with flash
    attention, for a quantized model."""
    import llama_cpp

    flash = llm.context_params.flash_attn_type == llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED
    # Past ~256 tokens of context llama.cpp splits one token's attention over its threads and sums the
    # parts in another order than in a batch (logits ~3e-3 apart, enough to change a greedy answer), so
    # only one thread, for single tokens and for batches, gives identical answers.
    one_thread = llm.context_params.n_threads == 1 and llm.context_params.n_threads_batch == 1
    on_gpu = llm.model_params.n_gpu_layers != 0 and llama_cpp.llama_supports_gpu_offload()
    file_type = str(llm.metadata.get("general.file_type", "0"))
    return flash and one_thread and not on_gpu and file_type not in _FLOAT_FILE_TYPES
