"""The engine process: owns the llama.cpp model and answers one request at a time.

Runs `main(conn, stop_counter)` in a spawned child. It loads a GGUF file, renders
the conversation with the chat template stored in that file, and streams tokens
back. The loaded model and its KV cache stay alive between requests, so the next
turn of a conversation only processes the tokens that are new (llama-cpp-python
keeps the longest common prefix of the previous prompt).

Stop requests arrive through `stop_counter`, a shared integer: a request is stopped
once the counter reaches its id. Generation checks it once per token; prompt
processing, which can take seconds on a long conversation, checks it through
llama.cpp's abort callback, which the compute graph polls between operations.
"""

from __future__ import annotations

import codecs
import os
import random
import signal
import sys
import time
from pathlib import Path

from app.core.errors import NotAModelFile
from app.core.gguf_file import read_gguf
from app.engine import protocol as p

llama_cpp = None  # imported on first load: only this process uses llama.cpp

# Used when a GGUF file carries no chat template: ChatML, which most small
# instruction-tuned models (Qwen, SmolLM2 and others) were trained on.
DEFAULT_CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
DEFAULT_STOP = ["<|im_end|>"]


def default_threads() -> int:
    """Physical cores, approximated as half the logical ones (SMT), at least 1."""
    logical = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, logical // 2) if logical > 2 else logical


def common_prefix(a, b) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class Engine:
    def __init__(self, send, stop_counter):
        self.send = send
        self.stop_counter = stop_counter
        self.llm = None
        self.model_path: str | None = None
        self.options: p.LoadOptions | None = None
        self.formatter = None
        self.template_source = "gguf"
        self._abort_cb = None

    # Loading ---------------------------------------------------------------

    def ensure_loaded(self, model_path: str, options: p.LoadOptions, request_id: int | None = None) -> bool:
        if self.llm is not None and self.model_path == model_path and self.options == options:
            return True
        self.unload()
        self.send(p.ModelLoading(model_path))
        try:
            info = read_gguf(model_path)
        except NotAModelFile as exc:
            self.send(p.LoadFailed(model_path, str(exc), request_id))
            return False
        global llama_cpp
        import llama_cpp
        from llama_cpp import Llama
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        n_ctx = options.n_ctx
        if info.context_length:
            n_ctx = min(n_ctx, info.context_length)
        started = time.perf_counter()
        try:
            self.llm = Llama(
                model_path=model_path,
                n_ctx=n_ctx,
                n_threads=options.n_threads or default_threads(),
                n_gpu_layers=options.n_gpu_layers,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            self.llm = None
            self.send(p.LoadFailed(
                model_path,
                f"llama.cpp could not load {Path(model_path).name} ({exc}). The file may be damaged or "
                "made for a newer llama.cpp; try downloading it again or choose another model.",
                request_id,
            ))
            return False
        llm = self.llm
        template = llm.metadata.get("tokenizer.chat_template") or info.chat_template
        self.template_source = "gguf" if template else "default"
        eos_id, bos_id = llm.token_eos(), llm.token_bos()
        eos = llm._model.token_get_text(eos_id) if eos_id != -1 else ""
        bos = llm._model.token_get_text(bos_id) if bos_id != -1 else ""
        self.formatter = Jinja2ChatFormatter(
            template=template or DEFAULT_CHAT_TEMPLATE, eos_token=eos, bos_token=bos,
            stop_token_ids=[eos_id] if eos_id != -1 else None,
        )
        self.model_path, self.options = model_path, options
        self.send(p.ModelLoaded(model_path, llm.n_ctx(), time.perf_counter() - started, self.template_source))
        return True

    def unload(self) -> None:
        if self.llm is not None:
            self.llm.close()
        self.llm = None
        self.model_path = None
        self.formatter = None

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

    def generate(self, req: p.Generate) -> None:
        rid = req.request_id
        if self.stopped(rid):
            self.send(p.Finished(rid, p.STOPPED, "user", {}))
            return
        if not self.ensure_loaded(req.model_path, req.options, rid):
            return
        llm = self.llm
        try:
            rendered = self.formatter(messages=req.messages)
        except Exception as exc:  # template errors come from the model's own Jinja code
            self.send(p.Failed(rid, f"The model's chat template could not format this conversation ({exc})."))
            return
        prompt = llm.tokenize(rendered.prompt.encode("utf-8"), add_bos=not rendered.added_special, special=True)
        sampling = dict(req.sampling)
        max_tokens = int(sampling.pop("max_tokens", 1024))
        room = llm.n_ctx() - len(prompt)
        if room <= 0:
            self.send(p.Failed(rid, f"This conversation ({len(prompt)} tokens) no longer fits the model's "
                                    f"context ({llm.n_ctx()} tokens). Start a new chat."))
            return
        max_tokens = min(max_tokens, room)
        seed = int(sampling.pop("seed", -1))
        if seed < 0:
            seed = random.randrange(2**31)
        reused = common_prefix(llm._input_ids.tolist(), prompt)
        if reused == len(prompt):
            reused -= 1  # the last prompt token is always evaluated again for fresh logits

        llm.set_seed(seed)
        stops = DEFAULT_STOP if self.template_source == "default" else [t for t in (rendered.stop or []) if t]
        text_out = StopText(stops)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        vocab = llm._model.vocab
        generated = 0
        finish_reason = "length"
        first_token_at: float | None = None
        started = time.perf_counter()

        def stop_requested(_ids, _logits) -> bool:
            return self.stopped(rid)

        self._set_abort(rid)
        tokens = llm.generate(
            prompt,
            temp=float(sampling.get("temperature", 0.7)),
            top_p=float(sampling.get("top_p", 0.95)), top_k=int(sampling.get("top_k", 40)),
            min_p=float(sampling.get("min_p", 0.05)),
            repeat_penalty=float(sampling.get("repeat_penalty", 1.1)),
            stopping_criteria=self._criteria(stop_requested),
        )
        try:
            for token in tokens:
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                    self._set_abort(None)  # prompt done: the per-token check takes over
                if llama_cpp.llama_vocab_is_eog(vocab, token):
                    finish_reason = "stop"
                    break
                generated += 1
                ready, hit_stop = text_out.feed(decoder.decode(llm._model.detokenize([token])))
                if ready:
                    self.send(p.Token(rid, ready))
                if hit_stop:
                    finish_reason = "stop"
                    break
                if generated >= max_tokens:
                    break
        except RuntimeError as exc:
            if not self.stopped(rid):
                self.send(p.Failed(rid, f"llama.cpp failed while answering ({exc})."))
                return
        finally:
            tokens.close()
            self._set_abort(None)
        rest = text_out.flush(decoder.decode(b"", final=True))
        if rest:
            self.send(p.Token(rid, rest))
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
        }
        if self.stopped(rid):
            self.send(p.Finished(rid, p.STOPPED, "user", stats))
        else:
            self.send(p.Finished(rid, p.COMPLETE, finish_reason, stats))

    @staticmethod
    def _criteria(check):
        from llama_cpp import StoppingCriteriaList

        return StoppingCriteriaList([check])


class StopText:
    """Streams text while holding back what might be the start of a stop string.

    Most answers end on an end-of-turn token; stop strings matter for templates
    whose end marker can also come out as plain text.
    """

    def __init__(self, stops: list[str]):
        self.stops = stops
        self.pending = ""
        self.started = False

    def feed(self, piece: str) -> tuple[str, bool]:
        """Return (text safe to show now, whether a stop string was reached)."""
        if not self.started:
            piece = piece.lstrip()  # answers start at their first visible character
            if not piece:
                return "", False
            self.started = True
        self.pending += piece
        for stop in self.stops:
            at = self.pending.find(stop)
            if at != -1:
                ready, self.pending = self.pending[:at], ""
                return ready, True
        keep = 0
        for stop in self.stops:
            for n in range(min(len(stop) - 1, len(self.pending)), 0, -1):
                if self.pending.endswith(stop[:n]):
                    keep = max(keep, n)
                    break
        ready = self.pending[: len(self.pending) - keep]
        self.pending = self.pending[len(ready):]
        return ready, False

    def flush(self, tail: str = "") -> str:
        rest, self.pending = self.pending + tail, ""
        return rest if self.started else rest.lstrip()


def main(conn, stop_counter) -> None:
    """Entry point of the engine process."""
    # Ctrl+C in a terminal reaches the whole process group; the app decides what
    # to stop, so the engine ignores it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
                engine.ensure_loaded(request.model_path, request.options)
            elif isinstance(request, p.Generate):
                engine.generate(request)
        except (BrokenPipeError, EOFError):
            break
        except Exception as exc:  # keep serving: report, never die on one bad request
            rid = getattr(request, "request_id", None)
            if rid is not None:
                conn.send(p.Failed(rid, f"The engine hit an unexpected error ({type(exc).__name__}: {exc})."))
            print(f"cove engine: {type(exc).__name__}: {exc}", file=sys.stderr)
    engine.unload()
