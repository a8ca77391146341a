"""Drafts from a second, smaller model of the same family, loaded beside the chat model.

Prompt lookup (prompt_lookup.py) guesses the next tokens only where the answer copies the
prompt. A small model of the same family (Qwen2.5 0.5B for 7B, SmolLM2 135M for 1.7B…) guesses
them everywhere, at a fraction of the big model's cost per token; the big model checks the guess
in one batch (speculative.py, the same acceptance rule and the same exactness gate as prompt
lookup), so the answer is still exactly the one plain decoding gives, only sooner when the small
model guessed well.

The draft model proposes greedily, one token at a time from its own context, which follows the
answer: before each draft, the tokens the big model accepted since are read, and the cells of
the draft tokens it rejected are removed from the draft model's KV cache (the common prefix of
what it holds and what the answer is, as for a prompt). How much to draft adapts as for prompt
lookup (this class is a PromptLookup with another source of guesses): longer while drafts are
accepted, shorter after misses, and none for a while after drafts are wholly rejected.

Both models must read and write the same tokens: a draft model whose token list differs from
the chat model's is refused when it loads (a clear message; answers go on without drafts), as is
one llama.cpp cannot load, one the administrator's policy does not allow (checked as the chat model is:
model_setup.policy_verdict), and one that would sit unused because batches are not exact here. A draft model is
never a reason for an answer to fail: one whose llama.cpp fails mid-answer is dropped, and the answer
goes on plainly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.core import model_check, vocabulary
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.i18n import _
from app.engine import backend, model_setup
from app.engine.kv_store import common_prefix
from app.engine.prompt_lookup import PromptLookup

log = logging.getLogger("cove.engine")


class DraftModel(PromptLookup):
    """A loaded draft model, used as speculative.generate()'s drafter."""

    def __init__(self, llm, path: str, n_vocab: int | None = None):
        # Each drafted token costs the draft model a decode of its own, so drafts stay at 7 tokens (8 was
        # measured best; 7 makes a batch of 8, see prompt_lookup.py), where prompt lookup's copies, which cost
        # nothing, may reach 15.
        super().__init__(max_draft=7)
        self.llm, self.path = llm, path
        # The chat model's vocabulary size: a draft's vocabulary may have more padding entries at its end
        # (vocabulary.vocab_fingerprint), which the chat model cannot read; a draft stops before one.
        self.n_vocab = n_vocab if n_vocab is not None else llm.n_vocab()
        from llama_cpp._internals import LlamaSampler

        self._greedy = LlamaSampler()
        self._greedy.add_greedy()
        # The answer's Stop (set by the engine for each answer): a long prompt's read checks it between batches.
        self.stopped: Callable[[], bool] = lambda: False
        # Called with the reason when the draft model's llama.cpp fails: the slot drops it (DraftSlot).
        self.on_failure: Callable[[str], None] = lambda _reason: None
        self.broken = False

    def draft(self, room: int) -> list[int]:
        """Up to the adaptive length (and `room`) tokens the draft model would write next, greedily.

        A failure of the draft model's llama.cpp never fails the answer: the draft model is dropped
        (on_failure) and the answer goes on without drafts."""
        if self.broken:
            return []
        try:
            return self._draft(room)
        except RuntimeError as exc:
            self.broken = True
            log.warning("draft model %s failed: %s", Path(self.path).name, exc)
            self.on_failure(_("The draft model {draft} failed ({exc}); answers go on without it.").format(
                draft=Path(self.path).name, exc=exc))
            return []

    def _draft(self, room: int) -> list[int]:
        if self.wait > 0:
            self.wait -= 1
            return []
        tokens, llm = self.tokens, self.llm
        size = min(self.length, room, llm.n_ctx() - len(tokens))
        if size <= 0 or not tokens:
            return []
        if not self._catch_up(tokens):
            return []  # stopped while reading: the answer ends
        import llama_cpp

        vocab, draft = llm._model.vocab, []
        while True:
            token = self._greedy.sample(llm._ctx, -1)
            if llama_cpp.llama_vocab_is_eog(vocab, token) or token >= self.n_vocab:
                break  # the answer ends here, if the draft is right: nothing to guess past it
            draft.append(token)
            if len(draft) >= size:
                break
            llm.eval([token])
        return draft

    def _catch_up(self, tokens: list[int]) -> bool:
        """Make the draft model's context hold `tokens`, with the logits after the last one; False when the
        answer was stopped before it was done (a long prompt is read in batches, Stop checked between)."""
        llm = self.llm
        kept = common_prefix(llm.input_ids[: llm.n_tokens], tokens)
        kept = min(kept, len(tokens) - 1)  # the last token is read again for its logits
        # Rejected draft tokens (and anything after the common prefix) leave the KV cache; a model whose
        # cache cannot be cut at a position (recurrent) reads everything again.
        if kept == 0 or not llm._ctx.kv_cache_seq_rm(-1, kept, -1):
            llm._ctx.kv_cache_clear()
            kept = 0
        llm.n_tokens = kept
        step = max(1, llm.n_batch)
        for start in range(kept, len(tokens), step):
            if self.stopped():
                return False
            llm.eval(tokens[start:start + step])
        return True

    def close(self) -> None:
        self._greedy.close()
        self.llm.close()


def load(path: str, main_llm, main_path: str, options, policy=None) -> tuple[DraftModel | None, str]:
    """(the draft model, "") or (None, why it is not used): never raises for a bad draft model.

    policy(path, options) -> model_check.Verdict: the administrator's policy, as for the chat model
    (model_setup.policy_verdict): a draft model runs on the computer like any model, so it is allowed the same way."""
    name = Path(path).name
    try:
        info = read_gguf(path)  # first: a FIFO or device is refused before anything reads it
        verdict = policy(path, options) if policy is not None else model_check.Verdict(None)
        if verdict.refusal:
            return None, verdict.refusal
        if not vocabulary.same_vocabulary(main_path, path):
            return None, _("{draft} cannot draft for {model}: their vocabularies differ. Answers go on without "
                           "a draft model; choose a model of the same family.").format(
                               draft=name, model=Path(main_path).name)
        from llama_cpp import Llama

        # Its context follows the chat model's, so every position the answer can reach has a cell here.
        settings = backend.choose(info, _same_threads(options, main_llm))
        kwargs = {**settings.llama_kwargs(), "n_ctx": main_llm.n_ctx()}
        # A model allowed by its hash is read into memory, not mapped: what runs is what was hashed.
        llm = Llama(model_path=path, verbose=False, use_mmap=verdict.hashed is None, **kwargs)
    except (CoveError, ValueError, RuntimeError, OSError) as exc:
        log.warning("draft model %s not loaded: %s", name, exc)
        return None, _("The draft model {draft} could not be loaded ({exc}); answers go on without it.").format(
            draft=name, exc=exc)
    changed = verdict.hashed and model_check.loaded_file_changed(Path(path), verdict.hashed)
    if changed:
        llm.close()
        return None, changed
    return DraftModel(llm, path, main_llm.n_vocab()), ""


def _same_threads(options, main_llm):
    """The chat model's load options, with the threads it actually got (the two take turns on the cores)."""
    from dataclasses import replace

    params = main_llm.context_params
    return replace(options, n_threads=params.n_threads, n_threads_batch=params.n_threads_batch, draft_model="")


def same_model(a, b) -> bool:
    """Whether two load options load the chat model the same way (they may differ in the draft model)."""
    from dataclasses import replace

    return a is not None and b is not None and replace(a, draft_model="") == replace(b, draft_model="")


class DraftSlot:
    """The draft model an engine holds beside its chat model, or why it holds none though one was asked for."""

    def __init__(self):
        self.model: DraftModel | None = None
        self.path, self.problem = "", ""
        self._dropped: list[DraftModel] = []

    def follow(self, engine, options) -> None:
        """Load, change or unload the draft model as the chat model's load options say."""
        wanted = options.draft_model if getattr(engine, "uses_drafts", True) else ""
        if wanted == self.path:
            return
        self.unload()
        self.path = wanted
        if not wanted:
            return
        from app.engine import speculative

        if not speculative.exact_batches(engine.llm):
            # Drafts are only checked where a batch gives the same logits as one token (speculative.py): a draft
            # model loaded now would only take memory.
            self.problem = _("The draft model {draft} is not used with these settings: drafts need a q8_0 KV cache, "
                             "or flash attention on and one thread (Settings › Engine).").format(draft=Path(wanted).name)
            return
        self.model, self.problem = load(wanted, engine.llm, engine.model_path, options, model_setup.policy_verdict)
        if self.model is not None:
            self.model.on_failure = self._failed

    def _failed(self, reason: str) -> None:
        """The draft model's llama.cpp failed mid-answer: it is dropped (the answer goes on plainly); the same
        options do not load it again."""
        model, self.model, self.problem = self.model, None, reason
        if model is not None:
            self._dropped.append(model)  # closed after the answer: the answer's loop still holds it

    def close_dropped(self) -> None:
        """Close draft models dropped during the answer that just ended."""
        while self._dropped:
            self._dropped.pop().close()

    def unload(self) -> None:
        self.close_dropped()
        if self.model is not None:
            self.model.close()
        self.model, self.path, self.problem = None, "", ""

    def describe(self) -> dict:
        """For ModelLoaded's info: the draft model loaded, or why none is."""
        if self.model is not None:
            return {"draft_model": Path(self.path).name}
        return {"draft_problem": self.problem} if self.problem else {}

    def answer_stats(self, drafter) -> dict:
        """For an answer's stats: the draft model when it drafted this answer, and why none does if one is
        wanted but not used."""
        stats = {}
        if drafter is not None and drafter is self.model:
            stats["draft_model"] = Path(self.path).name
        if self.problem:
            stats["draft_problem"] = self.problem
        return stats
