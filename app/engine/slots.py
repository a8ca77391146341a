"""Parallel slots for `cove serve`: the answers of several clients decoded together, in one batch.

On a CPU one token costs about one read of the model's weights; a batch that holds the next
token of four answers reads them once for all four, so four clients together get far more
tokens per second than one (llama-server's parallel slots do the same). Cove's own window
keeps worker.py's single sequence; only the server runs this engine.

One llama.cpp context with N sequences (n_seq_max) and a unified KV cache: the slots share
its cells, and each may use up to the whole context. A request waits in the engine until the
tokens the running answers reserved (prompt + max tokens) leave room for its own, so no answer
runs out of cells half-way. Each step decodes one llama_batch: the next token of every
generating slot, and a chunk of a prompt still being read (smaller while others are
generating, so their streams keep flowing). Between steps the loop reads its pipe, so new
requests join the running batch and Stop(request_id) ends only its own slot.

A request gets the free slot whose kept tokens share the longest prefix with its prompt, as
llama-server does, so a conversation's follow-up only reads its new turn; a prefix another slot
holds (a system prompt every client sends) is shared with it, cell for cell, not read again. Sampling is
worker.py's (llama-cpp-python's chain: repeat penalty, top-k, typical, top-p, min-p,
temperature, a seeded draw), one chain per slot. A token decoded beside other sequences can
differ in its low bits from the same token decoded alone (llama.cpp's CPU kernels depend on
the batch), so answers are repeatable with a fixed seed when requests come one at a time,
not when they share a batch.
"""

from __future__ import annotations

import logging
import time
from collections import deque

from app.core import logs, paths
from app.core.i18n import _
from app.core.private_files import private_umask
from app.engine import protocol as p
from app.engine import worker
from app.engine.kv_store import common_prefix
from app.engine.stream_text import AnswerText

log = logging.getLogger("cove.engine")
BUSY_PROMPT_CHUNK = 128  # prompt tokens per step while answers stream: a step stays a few tokens' time
SIMILAR = 0.5           # llama-server's slot_prompt_similarity
MAX_READS = 32           # requests read between two steps at most: a flood never stalls the answers


class Job:
    """A request the engine has tokenized: waiting for a slot, then being answered in one."""

    def __init__(self, req: p.Generate, fitted, max_tokens: int, sampling: dict, seed: int, text: AnswerText):
        self.request_id, self.prompt, self.dropped = req.request_id, fitted.tokens, fitted.dropped
        self.max_tokens, self.sampling, self.seed = max_tokens, sampling, seed
        self.received = time.perf_counter()
        self.text = text  # the answer's text, streamed to the app
        self.sampler = None
        self.reused = 0
        self.generated, self.finish_reason, self.first_token_at = 0, "length", None
        self.most_sequences = 0  # the most sequences decoded in one step beside (and with) this one

    @property
    def reserved(self) -> int:
        return len(self.prompt) + self.max_tokens  # the most cells this answer can hold


class Slot:
    """One sequence of the context; its cells hold `cache`, from position 0."""

    def __init__(self, seq_id: int):
        self.seq_id = seq_id
        self.cache: list[int] = []
        self.job: Job | None = None
        self.pending: int | None = None  # the token to decode next (then the answer's next is sampled)
        self.last_used = 0.0


def choose_slot(free: list[Slot], prompt: list[int]) -> Slot:
    """The free slot whose kept tokens the prompt continues furthest, as llama-server picks one: only
    when the prompt shares at least half of what the slot holds (SIMILAR); else the least recently
    used slot, so that two conversations taking turns do not keep overwriting each other's tokens
    for the sake of the template's first few."""
    shared = {s.seq_id: common_prefix(s.cache, prompt) for s in free}
    similar = [s for s in free if shared[s.seq_id] and shared[s.seq_id] >= SIMILAR * len(s.cache)]
    if similar:
        return max(similar, key=lambda s: (shared[s.seq_id], -s.last_used))
    return min(free, key=lambda s: s.last_used)


def make_sampler(llm, seed: int, sampling: dict):
    """The chain llama-cpp-python's Llama._init_sampler builds for worker.py's answers (same order)."""
    from llama_cpp import _internals

    temp = float(sampling.get("temperature", 0.7))
    sampler = _internals.LlamaSampler()
    sampler.add_penalties(n_vocab=llm.n_vocab(), penalty_last_n=llm.last_n_tokens_size,
                          penalty_repeat=float(sampling.get("repeat_penalty", 1.1)),
                          penalty_freq=0.0, penalty_present=0.0)
    if temp < 0:
        sampler.add_dist(seed)
    elif temp == 0:
        sampler.add_greedy()
    else:
        sampler.add_top_k(int(sampling.get("top_k", 40)))
        sampler.add_typical(1.0, 1)
        sampler.add_top_p(float(sampling.get("top_p", 0.95)), 1)
        sampler.add_min_p(float(sampling.get("min_p", 0.05)), 1)
        sampler.add_temp(temp)
        sampler.add_dist(seed)
    return sampler


class SlotEngine(worker.Engine):
    uses_drafts = False  # several answers share one batch: no room for a draft model's guesses

    def __init__(self, send, n_slots: int):
        super().__init__(send, stop_counter=None)
        self.n_slots = n_slots
        self.slots = [Slot(i) for i in range(n_slots)]
        self._prefix_reuse = True  # set per model when it loads
        self.waiting: deque[Job] = deque()
        self._batch = None
        self._slots_for = None  # the Llama whose cells the slots' caches describe

    def stopped(self, request_id: int) -> bool:
        return False  # stops come as Stop messages, read between steps

    def _make_llama(self, llama_class, **kwargs):
        """A Llama whose context has n_slots sequences sharing one (unified) KV cache."""
        from llama_cpp import _internals

        original, n = _internals.LlamaContext, self.n_slots

        def context(*, model, params, verbose=True):
            params.n_seq_max, params.kv_unified = n, True
            return original(model=model, params=params, verbose=verbose)

        _internals.LlamaContext = context  # Llama() builds its context through this name, nothing else
        try:
            return llama_class(**kwargs)
        finally:
            _internals.LlamaContext = original

    def ensure_loaded(self, model_path: str, options: p.LoadOptions, request_id: int | None = None) -> bool:
        if self.busy() and (model_path, options) != (self.model_path, self.options):
            if request_id is not None:
                self.send(p.Failed(request_id, _("The engine is answering with another model; try again shortly.")))
            return False
        if not super().ensure_loaded(model_path, options, request_id):
            return False
        self.kv_store = None  # saved states hold one sequence: the slots keep their prefixes in memory
        if self._slots_for is not self.llm:
            from llama_cpp import _internals

            for slot in self.slots:
                slot.cache, slot.last_used = [], 0.0
            self._batch = _internals.LlamaBatch(n_tokens=self.llm.n_batch, embd=0, n_seq_max=1, verbose=False)
            self._slots_for = self.llm
            # A recurrent or hybrid model (Mamba, LFM2, Granite-4-H…) keeps a state that can be neither cut at
            # a position nor shared between sequences: its slots read each prompt whole.
            import llama_cpp

            model = self.llm._model.model
            self._prefix_reuse = not any(getattr(llama_cpp, name, lambda _m: False)(model)
                                         for name in ("llama_model_is_recurrent", "llama_model_is_hybrid"))
        return True

    def busy(self) -> bool:
        return bool(self.waiting) or any(slot.job is not None for slot in self.slots)

    # Requests ---------------------------------------------------------------

    def accept(self, req: p.Generate) -> None:
        if not self.ensure_loaded(req.model_path, req.options, req.request_id):
            return
        prepared = self.prepare(req)
        if prepared is None:
            return
        fitted, max_tokens, sampling, seed = prepared
        if not fitted.tokens:
            self.send(p.Failed(req.request_id, _("The prompt is empty: send some text to continue.")))
            return
        stops = list(self.renderer.stop) + [s for s in sampling.get("stop") or () if s]
        self.waiting.append(Job(req, fitted, max(1, max_tokens), sampling, seed,
                                AnswerText(self.send, req.request_id, stops, bool(req.continue_text))))

    def stop(self, request_id: int) -> None:
        for job in self.waiting:
            if job.request_id == request_id:
                self.waiting.remove(job)
                self.send(p.Finished(request_id, p.STOPPED, "user", self._stats(job)))
                return
        for slot in self.slots:
            if slot.job is not None and slot.job.request_id == request_id:
                self._finish(slot, p.STOPPED, "user")
                return

    def _admit(self) -> None:
        """Give waiting requests free slots, first come first served, while the context has room."""
        n_ctx = self.llm.n_ctx()
        while self.waiting:
            free = [s for s in self.slots if s.job is None]
            if not free:
                return
            job = self.waiting[0]
            reserved = sum(s.job.reserved for s in self.slots if s.job is not None)
            if reserved + job.reserved > n_ctx:
                return  # it waits for a running answer to end
            slot = choose_slot(free, job.prompt)
            # Idle slots' cells are only a cache: the least recently used give way when the context is short.
            others = sorted((s for s in free if s is not slot and s.cache), key=lambda s: s.last_used)
            kept = sum(len(s.cache) for s in others)
            for other in others:
                if reserved + job.reserved + kept <= n_ctx:
                    break
                self.llm._ctx.kv_cache_seq_rm(other.seq_id, 0, -1)
                kept -= len(other.cache)
                other.cache = []
            self.waiting.popleft()
            self._start(slot, job)

    def _start(self, slot: Slot, job: Job) -> None:
        # The last prompt token is always decoded on its own step, as when the whole prompt is found
        # in a slot: a fixed seed then gives the same first logits whether the prompt was read or reused.
        own = common_prefix(slot.cache, job.prompt)
        # Another slot (even a busy one) may hold more of this prompt, such as a system prompt every client
        # sends: in a unified cache its cells are shared with this sequence, not copied (llama_memory_seq_cp).
        source, shared = max(((s, common_prefix(s.cache, job.prompt)) for s in self.slots if s is not slot),
                             key=lambda pair: pair[1], default=(None, 0))
        reused = min(max(own, shared), len(job.prompt) - 1)
        if self._prefix_reuse and source is not None and reused > own:
            self.llm._ctx.kv_cache_seq_rm(slot.seq_id, 0, -1)
            self.llm._ctx.kv_cache_seq_cp(source.seq_id, slot.seq_id, 0, reused)
            slot.cache = job.prompt[:reused]
        elif self._prefix_reuse and self.llm._ctx.kv_cache_seq_rm(slot.seq_id, reused, -1):
            slot.cache = slot.cache[:reused]
        else:  # llama.cpp refused to cut this cache at a position: nothing is kept, the prompt is read whole
            self.llm._ctx.kv_cache_seq_rm(slot.seq_id, 0, -1)
            reused, slot.cache = 0, []
        job.reused = reused
        job.sampler = make_sampler(self.llm, job.seed, job.sampling)
        slot.job = job
        slot.pending = job.prompt[-1] if reused == len(job.prompt) - 1 else None

    # Decoding ---------------------------------------------------------------

    def step(self) -> None:
        """Admit what fits, then decode one batch: every answer's next token and a chunk of prompt."""
        self._admit()
        llm, batch = self.llm, self._batch.batch
        answering = [s for s in self.slots if s.job is not None and s.pending is not None]
        reading = sorted((s for s in self.slots if s.job is not None and s.pending is None),
                         key=lambda s: s.job.received)
        if not answering and not reading:
            return
        entries: list[tuple[Slot, list[int]]] = [(s, [s.pending]) for s in answering]
        budget = min(BUSY_PROMPT_CHUNK if answering else llm.n_batch, llm.n_batch - len(answering))
        for slot in reading:
            if budget <= 0:
                break
            chunk = slot.job.prompt[len(slot.cache):len(slot.job.prompt) - 1][:budget]
            entries.append((slot, chunk))
            budget -= len(chunk)
        n = 0
        for slot, tokens in entries:
            for i, token in enumerate(tokens):
                batch.token[n], batch.pos[n] = token, len(slot.cache) + i
                batch.n_seq_id[n], batch.seq_id[n][0] = 1, slot.seq_id
                batch.logits[n] = slot.pending is not None  # only an answer's token needs its logits
                n += 1
        batch.n_tokens = n
        try:
            llm._ctx.decode(self._batch)
        except RuntimeError as exc:
            for slot, _tokens in entries:  # nothing of this step is kept
                llm._ctx.kv_cache_seq_rm(slot.seq_id, len(slot.cache), -1)
                self.send(p.Failed(slot.job.request_id, _("llama.cpp failed while answering ({exc}).").format(exc=exc)))
                self._release(slot)
            return
        index = 0
        for slot, tokens in entries:
            slot.job.most_sequences = max(slot.job.most_sequences, len(entries))
            slot.cache.extend(tokens)
            index += len(tokens)
            if slot.pending is None:
                if len(slot.cache) == len(slot.job.prompt) - 1:
                    slot.pending = slot.job.prompt[-1]  # read: its last token starts the answer next step
                continue
            self._take(slot, slot.job.sampler.sample(llm._ctx, index - 1))

    def _take(self, slot: Slot, token: int) -> None:
        """One sampled token for a slot's answer: streamed, or the end of the answer."""
        import llama_cpp

        job, vocab = slot.job, self.llm._model.vocab
        if job.first_token_at is None:
            job.first_token_at = time.perf_counter()
        if llama_cpp.llama_vocab_is_eog(vocab, token):
            self._finish(slot, p.COMPLETE, "stop")
            return
        job.generated += 1
        hit_stop = job.text.feed(vocab, token)
        if hit_stop:
            self._finish(slot, p.COMPLETE, "stop")
        elif job.generated >= job.max_tokens:
            self._finish(slot, p.COMPLETE, "length")
        else:
            slot.pending = token

    def _stats(self, job: Job) -> dict:
        ended = time.perf_counter()
        first = job.first_token_at
        return {
            "prompt_tokens": len(job.prompt),
            "processed_tokens": len(job.prompt) - job.reused,
            "completion_tokens": job.generated,
            "time_to_first_token": (first - job.received) if first else None,
            "tokens_per_second": (job.generated - 1) / (ended - first)
            if first and job.generated > 1 and ended > first else None,
            "seed": job.seed,
            "n_ctx": self.llm.n_ctx() if self.llm is not None else None,
            "dropped_messages": job.dropped,
            "restored_state": False,
            "batched_sequences": job.most_sequences,
        }

    def _finish(self, slot: Slot, status: str, reason: str) -> None:
        job = slot.job
        job.text.flush()
        self.send(p.Finished(job.request_id, status, reason, self._stats(job)))
        self._release(slot)  # its cells stay: the prompt and answer so far, for the next request's prefix

    def _release(self, slot: Slot) -> None:
        if slot.job is not None and slot.job.sampler is not None:
            slot.job.sampler.close()
        slot.job, slot.pending, slot.last_used = None, None, time.monotonic()

    def fail_all(self, message: str) -> None:
        """After an unexpected error in a step: every answer ends, and no cell of theirs is trusted."""
        for slot in self.slots:
            if slot.job is not None:
                self.send(p.Failed(slot.job.request_id, message))
                self._release(slot)
            if self.llm is not None:
                self.llm._ctx.kv_cache_seq_rm(slot.seq_id, 0, -1)
            slot.cache = []

    # The loop ---------------------------------------------------------------

    def handle(self, request) -> bool:
        """Act on one request from the pipe; False for Shutdown."""
        if isinstance(request, p.Shutdown):
            return False
        if isinstance(request, p.Generate):
            self.accept(request)
        elif isinstance(request, p.Stop):
            self.stop(request.request_id)
        elif isinstance(request, p.Load):
            self.ensure_loaded(request.model_path, request.options)
        elif isinstance(request, p.CountTokens):
            self.count_tokens(request)
        elif isinstance(request, p.Embed):
            self.embed(request)
        elif isinstance(request, p.Prefill):
            self.send(p.Prefilled(request.request_id, 0))  # drafts are the window's; its engine reads them
        return True

    def serve(self, conn) -> None:
        while True:
            # Idle: wait for a request. Busy: only look, and decode the next step.
            timeout = 0 if self.busy() else None
            for _read in range(MAX_READS):
                if not conn.poll(timeout):
                    break
                request = conn.recv()
                try:
                    if not self.handle(request):
                        return
                except Exception as exc:  # keep serving: report, never die on one bad request
                    log.error("unexpected error serving %s", type(request).__name__, exc_info=exc)
                    rid = getattr(request, "request_id", None)
                    if rid is not None and not isinstance(request, p.Stop):
                        self.send(p.Failed(rid, _("The engine hit an unexpected error ({error}: {exc}).").format(error=type(exc).__name__, exc=exc)))
                timeout = 0
            if self.busy():
                try:
                    self.step()
                except Exception as exc:
                    log.error("unexpected error in a decoding step", exc_info=exc)
                    self.fail_all(_("The engine hit an unexpected error ({error}: {exc}).").format(error=type(exc).__name__, exc=exc))


def main(conn, n_slots: int) -> None:
    """Entry point of a slots engine process (EngineClient(slots=N))."""
    private_umask()
    logs.setup(paths.current(), rotate=False)
    engine = SlotEngine(conn.send, n_slots)
    try:
        engine.serve(conn)
    except (BrokenPipeError, EOFError, OSError):
        pass  # the server is gone
    finally:
        engine.unload()
        engine.embedding.unload()
