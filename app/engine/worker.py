"""The engine process: owns the llama.cpp model and answers one request at a time.

Runs `main(conn, stop_counter)` in a spawned child. It loads a GGUF file, renders
the conversation with the model's chat template (prompt.py), fits it into the
context (context.py), and streams tokens back. The loaded model and its KV cache
stay alive between requests, so the next turn of a conversation only processes
the new tokens; saved states (kv_store.py) do the same after switching
conversations or restarting.

Stop requests arrive through `stop_counter`, a shared integer: a request is stopped
once the counter reaches its id. Generation checks it once per token; prompt
processing, which can take seconds on a long conversation, checks it through
llama.cpp's abort callback, which the compute graph polls between operations.
"""

from __future__ import annotations

import logging
import random
import time
from pathlib import Path

from app.core import logs, model_check, paths
from app.core.errors import CoveError, NotAModelFile
from app.core.gguf_file import read_gguf, remember_header
from app.core.i18n import _
from app.core.model_kinds import chat_refusal
from app.core.private_files import private_umask
from app.engine import backend, cpu_quirks, llama_logs, model_setup, sampler, speculative
from app.engine import protocol as p
from app.engine.context import ContextFull, fit, fit_text
from app.engine.draft_model import DraftSlot, same_model
from app.engine.embedding_model import EmbeddingModel
from app.engine.kv_store import KVStore, common_prefix, state_key
from app.engine.opening import Openings
from app.engine.prompt import PromptRenderer
from app.engine.prompt_lookup import PromptLookup
from app.engine.prompt_progress import read_prompt
from app.engine.stream_text import AnswerText, StopText  # noqa: F401 (tests import StopText here)
from app.engine.thread_governor import ThreadGovernor
from app.engine.tokens import IncrementalTokenizer

log = logging.getLogger("cove.engine")

llama_cpp = None  # imported on first load: only this process uses llama.cpp


class Engine:
    def __init__(self, send, stop_counter):
        self.send = send
        self.stop_counter = stop_counter
        self.llm = None
        self.model_path: str | None = None
        self.options: p.LoadOptions | None = None
        self.renderer: PromptRenderer | None = None
        self.kv_store: KVStore | None = None
        self.openings = Openings(self.tokenize)  # with the model's template (ensure_loaded)
        self.tokenizer: IncrementalTokenizer | None = None
        self.bos_id: int | None = None
        self._abort_cb = None
        self.lookup = PromptLookup()  # its index is kept between answers: a chat's prompt grows at its end
        self.draft = DraftSlot()  # a smaller model of the same family drafting for this one (draft_model.py)
        self.embedding = EmbeddingModel()  # beside the chat model: loading one never unloads the other
        self.governor: ThreadGovernor | None = None  # made with each chat model (thread_governor.py)

    # Loading ---------------------------------------------------------------

    def ensure_loaded(self, model_path: str, options: p.LoadOptions, request_id: int | None = None) -> bool:
        if self.llm is not None and self.model_path == model_path and self.options == options:
            return True
        if self.llm is not None and self.model_path == model_path and same_model(self.options, options):
            self.options = options  # only the draft model changed: the chat model and its cache stay
            self.draft.follow(self, options)
            return True
        self.unload()
        self.send(p.ModelLoading(model_path))
        try:
            info = read_gguf(model_path)  # first: a FIFO or device is refused before anything reads it
            verdict = model_setup.policy_verdict(model_path, options)
        except NotAModelFile as exc:
            self.send(p.LoadFailed(model_path, str(exc), request_id))
            return False
        refusal = verdict.refusal or chat_refusal(info, Path(model_path).name)
        if refusal:
            self.send(p.LoadFailed(model_path, refusal, request_id))
            return False
        global llama_cpp
        import llama_cpp
        from llama_cpp import Llama

        llama_logs.route(llama_cpp)  # its lines go to the log file, not the terminal
        cpu_quirks.apply(llama_cpp)
        model_setup.leave_templates_to_cove(llama_cpp)

        started = time.perf_counter()
        try:
            settings = backend.choose(info, options)
            # A model allowed by its hash is read into memory, not mapped: what runs is what was hashed,
            # whatever is written to the file afterwards.
            self.llm = self._make_llama(Llama, model_path=model_path, verbose=False,
                                        use_mmap=verdict.hashed is None, **settings.llama_kwargs())
            model_setup.hold_context(self.llm, settings)
            sampler.install(self.llm)  # the same draws, several times cheaper with a repeat penalty
        except (ValueError, RuntimeError, OSError) as exc:
            self.llm = None
            self.send(p.LoadFailed(
                model_path,
                _("llama.cpp could not load {name} ({exc}). The file may be damaged or made "
                  "for a newer llama.cpp; try downloading it again or choose another model.").format(name=Path(model_path).name, exc=exc),
                request_id,
            ))
            return False
        changed = verdict.hashed and model_check.loaded_file_changed(Path(model_path), verdict.hashed)
        if not changed:
            try:
                self.renderer, self.tokenizer, self.bos_id = model_setup.chat_format(llama_cpp, self.llm,
                                                                                     options, info)
            except ValueError as exc:  # the template cannot be read at all
                changed = _("The chat template for {name} cannot be used: {exc}.").format(name=Path(model_path).name, exc=exc)
        if changed:
            self.unload()
            self.send(p.LoadFailed(model_path, changed, request_id))
            return False
        self.openings = Openings(self.tokenize)
        llm = self.llm
        self.kv_store = None
        if options.kv_cache_dir:
            try:
                key = state_key(model_path, llm._ctx.n_ctx(), settings.kv_type, llama_cpp.__version__)  # its cells
                self.kv_store = KVStore(Path(options.kv_cache_dir), key, options.kv_cache_bytes,
                                        options.kv_cache_key or None)
            except (OSError, ImportError) as exc:  # saved states are a speed-up (a broken cryptography: none)
                log.warning("saved states are off (%s)", exc)
        self.model_path, self.options = model_path, options
        # Fewer threads while other programs use the CPU (thread_governor.py says why): only while the
        # user's threads setting is automatic.
        self.governor = ThreadGovernor(settings.n_threads, settings.n_threads_batch,
                                       options.n_threads <= 0 and options.n_threads_batch <= 0,
                                       llm._ctx.set_n_threads)
        self.draft.follow(self, options)
        self.send(p.ModelLoaded(model_path, llm.n_ctx(), time.perf_counter() - started, self.renderer.source,
                                {**settings.describe(llm.n_ctx()), **self.draft.describe()}))
        return True

    def _make_llama(self, llama_class, **kwargs):
        return llama_class(**kwargs)  # slots.py builds its context with several sequences here

    def unload(self) -> None:
        self.draft.unload()
        if self.llm is not None:
            self.llm.close()
        self.llm = None
        self.model_path = None
        self.renderer = None
        self.kv_store = None

    # Generating ------------------------------------------------------------

    def stopped(self, request_id: int) -> bool:
        return self.stop_counter.value >= request_id

    def _set_abort(self, request_id: int | None) -> None:
        """Let llama.cpp abort prompt processing when this request is stopped."""
        if request_id is None:
            self._abort_cb = llama_cpp.ggml_abort_callback()  # NULL: no callback
        else:
            self._abort_cb = llama_cpp.ggml_abort_callback(lambda _data: self.stopped(request_id))
        llama_cpp.llama_set_abort_callback(self.llm._ctx.ctx, self._abort_cb, None)

    def tokenize(self, messages: list[dict], answer_so_far: str = "") -> list[int]:
        """The prompt's tokens; with answer_so_far, the answer's turn is open and already begun."""
        rendered = self.renderer.render(messages)
        segments = rendered.segments + ((answer_so_far, True),) if answer_so_far else rendered.segments
        return self.tokenizer(segments, self.bos_id if rendered.add_bos else None)

    def _reuse_saved_state(self, prompt: list[int]) -> bool:
        """Load the saved state that shares more of this prompt than the live context does."""
        if self.kv_store is None:
            return False
        live = common_prefix(self.llm.input_ids[: self.llm.n_tokens], prompt)
        match = self.kv_store.best_match(prompt)
        if match is None or match[1] <= live + 32:
            return False
        return self.kv_store.load(self.llm, match[0]) is not None

    def prefill(self, req: p.Prefill) -> None:
        """Evaluate a draft prompt so that sending it later starts from there."""
        rid, processed, kept = req.request_id, 0, None
        if not self.stopped(rid) and self.ensure_loaded(req.model_path, req.options):
            llm = self.llm
            try:
                prompt = fit(req.messages, llm.n_ctx(), 0, req.overflow, self.tokenize).tokens
            except (ContextFull, ValueError):
                prompt = []
            if prompt:
                self._reuse_saved_state(prompt)
                reused, keep_at = common_prefix(llm.input_ids[: llm.n_tokens], prompt), 0
                if self.kv_store is not None:  # a new chat's opening, loaded or read first and kept (opening.py)
                    reused, _loaded, keep_at = self.openings.prepare(llm, self.kv_store, req.messages, prompt,
                                                                     reused)
                # All of it, up to the answer's first position: if the draft is what gets
                # sent, the first token can be sampled at once. If the user types on, the
                # next draft or the real request keeps the common prefix and redoes the rest.
                if reused < len(prompt):
                    llm.n_tokens = reused
                    llm._requires_eval = True  # if this is stopped half-way, the logits are not current
                    self._set_abort(rid)
                    try:
                        if keep_at:
                            llm.eval(prompt[reused:keep_at])
                            kept = self.kv_store.copy(llm)
                        llm.eval(prompt[max(reused, keep_at):])
                        processed = len(prompt) - reused
                    except RuntimeError:
                        pass  # stopped: a real request is waiting
                    finally:
                        self._set_abort(None)
        self.send(p.Prefilled(rid, processed))
        self.openings.save(self.kv_store, kept)

    def count_tokens(self, req: p.CountTokens) -> None:
        """The text's tokens with this model (as plain text: no special tokens, no BOS)."""
        if not self.ensure_loaded(req.model_path, req.options):
            self.send(p.Failed(req.request_id, _("The model could not be loaded to count tokens.")))
            return
        tokens = self.llm.tokenize(req.text.encode("utf-8"), add_bos=False, special=False)
        self.send(p.TokenCount(req.request_id, len(tokens), self.llm.n_ctx()))

    def embed(self, req: p.Embed) -> None:
        try:
            vectors = self.embedding.embed(req.model_path, req.texts)
        except CoveError as exc:
            self.send(p.Failed(req.request_id, str(exc)))
            return
        self.send(p.Embedded(req.request_id, vectors, self.embedding.last_tokens))

    def prepare(self, req: p.Generate):
        """(fitted prompt, max tokens, sampling, seed) for a loaded model, or None once Failed is sent."""
        llm, rid = self.llm, req.request_id
        sampling = dict(req.sampling)
        max_tokens = int(sampling.pop("max_tokens", 1024))
        try:
            if req.prompt_text is not None:
                fitted = fit_text(llm.tokenize(req.prompt_text.encode("utf-8"), special=False,
                                               add_bos=self.renderer.model_adds_bos), llm.n_ctx(), max_tokens)
            else:
                fitted = fit(req.messages, llm.n_ctx(), max_tokens, req.overflow,
                             lambda messages: self.tokenize(messages, req.continue_text))
        except ContextFull as exc:
            self.send(p.Failed(rid, str(exc)))
            return None
        except ValueError as exc:  # the template's own complaint
            self.send(p.Failed(rid, _("The model's chat template could not format this conversation ({exc}).").format(exc=exc)))
            return None
        max_tokens = min(max_tokens, llm.n_ctx() - len(fitted.tokens))
        seed = int(sampling.pop("seed", -1))
        sampling["repeatable"] = seed >= 0  # a fixed seed: the same prompt gives the same answer (read_prompt)
        if seed < 0:
            seed = random.randrange(2**31)
        return fitted, max_tokens, sampling, seed

    def generate(self, req: p.Generate) -> None:
        rid = req.request_id
        if self.stopped(rid):
            self.send(p.Finished(rid, p.STOPPED, "user", {}))
            return
        if not self.ensure_loaded(req.model_path, req.options, rid):
            return
        started = time.perf_counter()  # after loading: load time is reported on its own
        prepared = self.prepare(req)
        if prepared is None:
            return
        fitted, max_tokens, sampling, seed = prepared
        llm, prompt = self.llm, fitted.tokens
        restored = self._reuse_saved_state(prompt)
        reused = common_prefix(llm.input_ids[: llm.n_tokens], prompt)
        if reused >= len(prompt) and (llm._requires_eval or llm.n_tokens != len(prompt)):
            reused = len(prompt) - 1  # the last prompt token is evaluated again for fresh logits
        keep_at, kept = 0, []
        if self.kv_store is not None and req.prompt_text is None:  # a new chat's opening (opening.py)
            held, loaded, keep_at = self.openings.prepare(llm, self.kv_store, req.messages, prompt, reused)
            restored, reused = loaded or (restored and held >= reused), held
        result = self._run(rid, prompt, max_tokens, seed, sampling, continuing=bool(req.continue_text),
                           reused=max(reused, 0), keep_at=keep_at, keep=lambda: kept.append(self.kv_store.copy(llm)))
        if result is None:
            return
        generated, finish_reason, first_token_at, drafts = result
        ended = time.perf_counter()
        stats = {
            "prompt_tokens": len(prompt),
            "processed_tokens": len(prompt) - max(reused, 0),
            "completion_tokens": generated,
            "time_to_first_token": (first_token_at - started) if first_token_at else None,
            "tokens_per_second": (generated - 1) / (ended - first_token_at)
            if first_token_at and generated > 1 and ended > first_token_at else None,
            "seed": seed,
            "n_ctx": llm.n_ctx(),
            "dropped_messages": fitted.dropped,
            "restored_state": restored,
            **drafts,  # draft_tokens, draft_accepted, draft_acceptance, draft_model, draft_problem (_run)
            "threads": self.governor.fewest,  # fewer than set while other programs used the CPU
        }
        if self.stopped(rid):
            self.send(p.Finished(rid, p.STOPPED, "user", stats))
        else:
            self.send(p.Finished(rid, p.COMPLETE, finish_reason, stats))
        if self.kv_store is not None:
            self.openings.save(self.kv_store, kept[0] if kept else None)
            try:
                self.kv_store.save(llm)  # while the user reads: the next turn or a reopen starts from here
            except OSError as exc:  # a full disk: the answer is out; this conversation is read again next time
                log.warning("the conversation's state was not saved (%s)", exc)

    def _run(self, rid: int, prompt: list[int], max_tokens: int, seed: int, sampling: dict,
             continuing: bool = False, reused: int = 0, keep_at: int = 0, keep=None):
        """Generate and stream; returns (tokens generated, finish reason, first token time, draft stats) or None."""
        llm = self.llm
        llm.set_seed(seed)
        # The caller's own stop strings (`cove serve`'s `stop`) end the answer like the template's.
        text_out = AnswerText(self.send, rid, list(self.renderer.stop) + [s for s in sampling.get("stop") or () if s],
                              continuing)
        vocab = llm._model.vocab
        generated, finish_reason, first_token_at = 0, "length", None
        self._set_abort(rid)
        # Drafts from the draft model or copied from the prompt, checked in batches: the same tokens, sooner
        # (speculative.py).
        drafter = self.draft.model if sampling.get("draft_model", True) else None
        if drafter is not None:
            drafter.stopped = lambda: self.stopped(rid)  # its own read of a long prompt heeds Stop
        else:
            drafter = self.lookup if sampling.get("prompt_lookup", True) else None
        tokens = speculative.generate(
            llm, prompt, drafter, lambda: self.stopped(rid),
            temp=float(sampling.get("temperature", 0.7)),
            top_p=float(sampling.get("top_p", 0.95)), top_k=int(sampling.get("top_k", 40)),
            min_p=float(sampling.get("min_p", 0.05)),
            repeat_penalty=float(sampling.get("repeat_penalty", 1.1)),
        )
        try:
            # a long one: "1,200 / 3,400 tokens"
            self.governor.begin_answer()
            read_prompt(llm, rid, prompt, reused, self.send, last_alone=sampling.get("repeatable", False),
                        between_batches=self.governor.check, keep_at=keep_at, keep=keep)
            for token in tokens:
                self.governor.check()
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                    self._set_abort(None)  # prompt done: the per-token check takes over
                if llama_cpp.llama_vocab_is_eog(vocab, token):
                    finish_reason = "stop"
                    break
                generated += 1
                if text_out.feed(vocab, token):
                    finish_reason = "stop"
                    break
                if generated >= max_tokens:
                    break
        except RuntimeError as exc:
            if not self.stopped(rid):
                self.send(p.Failed(rid, _("llama.cpp failed while answering ({exc}).").format(exc=exc)))
                return None
        finally:
            tokens.close()
            self._set_abort(None)
            self.draft.close_dropped()  # a draft model that failed during the answer
        text_out.flush()
        drafts = drafter.stats() if drafter is not None else {}
        if sampling.get("draft_model", True):
            drafts.update(self.draft.answer_stats(drafter))
        return generated, finish_reason, first_token_at, drafts


def main(conn, stop_counter) -> None:
    """Entry point of the engine process (client._engine_main starts it)."""
    private_umask()  # saved states hold conversations' tokens: the user's only
    logs.setup(paths.current(), rotate=False)  # llama.cpp's lines and the engine's own errors go there
    engine = Engine(conn.send, stop_counter)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            break  # the app is gone
        try:
            if isinstance(request, p.Shutdown):
                break
            if isinstance(request, p.Load):
                if request.header is not None:
                    remember_header(request.header)
                engine.ensure_loaded(request.model_path, request.options)
            elif isinstance(request, p.Generate):
                engine.generate(request)
            elif isinstance(request, p.Prefill):
                engine.prefill(request)
            elif isinstance(request, p.CountTokens):
                engine.count_tokens(request)
            elif isinstance(request, p.Embed):
                engine.embed(request)
        except (BrokenPipeError, EOFError):
            break
        except Exception as exc:  # keep serving: report, never die on one bad request
            rid = getattr(request, "request_id", None)
            message = _("The engine hit an unexpected error ({error}: {exc}).").format(error=type(exc).__name__, exc=exc)
            if isinstance(request, p.Load):
                engine.unload()  # nothing half-loaded stays behind; the window leaves "Loading…"
                conn.send(p.LoadFailed(request.model_path, message))
            elif isinstance(request, p.Prefill):
                conn.send(p.Prefilled(request.request_id, 0))
            elif rid is not None:
                conn.send(p.Failed(rid, message))
            log.error("unexpected error serving %s", type(request).__name__, exc_info=exc)
    engine.unload()
    engine.embedding.unload()
