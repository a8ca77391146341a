"""The engine's embedding model: kept loaded beside the chat model, in the same process.

Notes are embedded in batches while the user chats, and each question is embedded
before it is answered; reloading either model for the other would cost seconds each
time, so the engine holds both (an embedding model is small: 25-300 MB).

An embedding model runs with its whole training context as one batch (n_ctx =
n_batch = n_ubatch): encoders attend in both directions, so a sequence cannot be
split across batches, and llama.cpp pools each sequence as a whole. Longer texts are
cut to the context (their first tokens are kept), never refused: a long note already
comes in passages, and a cut passage still embeds what it mostly says.
"""

from __future__ import annotations

from pathlib import Path

from app.core import system
from app.core.engine_options import auto_threads
from app.core.errors import CoveError, NotAModelFile
from app.core.gguf_file import read_gguf
from app.core.i18n import _
from app.engine import cpu_quirks, model_setup

# An encoder's context is 512 tokens (BERT) to 8192 (some long-context models); beyond
# this, one batch would take more memory than a passage is worth.
MAX_CONTEXT = 8192
DEFAULT_CONTEXT = 512
# A question (up to about 64 tokens) is embedded on one thread. Its work is a few million
# multiply-adds, less than what llama.cpp's threads spend waiting for each other at every
# layer; and on a busy machine one of them waiting for a core stalls the rest: measured here
# under load, a question took 0.48 s on two threads and 0.004 s on one. Batches of passages
# are real work and use the engine's automatic thread count (engine_options.auto_threads).
SHORT_REQUEST_CHARS = 256


class EmbeddingModel:
    def __init__(self):
        self.llm = None
        self.last_tokens = 0  # the tokens the last embed() read (the API reports them as usage)
        self.model_path: str | None = None
        self.threads = auto_threads(system.physical_cores(), system.logical_cores())
        self._threads_now = self.threads

    def ensure_loaded(self, model_path: str) -> None:
        """Load the model unless it already is; raise CoveError saying what to do."""
        if self.llm is not None and self.model_path == model_path:
            return
        self.unload()
        name = Path(model_path).name
        try:
            info = read_gguf(model_path)
        except NotAModelFile as exc:
            raise CoveError(str(exc)) from None
        from app.core.notes.embedding import is_embedding_model  # only here: a chat's engine starts without it

        if not is_embedding_model(info):
            raise CoveError(_("{name} is not an embedding model (it is a {architecture} model). "
                              "Choose an embedding model such as nomic-embed-text for meaning search.").format(name=name, architecture=info.architecture or 'unknown'))
        import llama_cpp

        cpu_quirks.apply(llama_cpp)  # the same crash guard as the chat model's
        model_setup.leave_templates_to_cove(llama_cpp)  # an embedding model has no use for one
        n_ctx = min(info.context_length or DEFAULT_CONTEXT, MAX_CONTEXT)
        pooling = info.metadata.get(f"{info.architecture}.pooling_type")
        kwargs = {}
        if not pooling:  # the file does not say how to pool: mean pooling is what most encoders use
            kwargs["pooling_type"] = llama_cpp.LLAMA_POOLING_TYPE_MEAN
        try:
            self.llm = llama_cpp.Llama(
                model_path=model_path, embedding=True, n_ctx=n_ctx, n_batch=n_ctx, n_ubatch=n_ctx,
                n_threads=self.threads, n_threads_batch=self.threads,
                n_gpu_layers=0, verbose=False, **kwargs)
        except (ValueError, RuntimeError, OSError) as exc:
            self.llm = None
            raise CoveError(_("llama.cpp could not load {name} as an embedding model ({exc}). The file "
                              "may be damaged; download it again or choose another embedding model.").format(name=name, exc=exc)) from None
        self.model_path = model_path
        self._threads_now = self.threads

    def _use_threads(self, threads: int) -> None:
        if threads != self._threads_now:
            self.llm._ctx.set_n_threads(threads, threads)  # llama_set_n_threads on the model's context
            self._threads_now = threads

    def embed(self, model_path: str, texts: list[str]) -> list[list[float]]:
        self.ensure_loaded(model_path)
        if not texts:
            return []
        # Text from files can hold what UTF-8 cannot carry (lone surrogates): replaced, not refused.
        texts = [str(text).encode("utf-8", "replace").decode("utf-8") for text in texts]
        short = sum(len(text) for text in texts) <= SHORT_REQUEST_CHARS
        try:
            self._use_threads(1 if short else self.threads)
            vectors, self.last_tokens = self.llm.embed(texts, normalize=True, truncate=True, return_count=True)
        except (ValueError, RuntimeError) as exc:
            raise CoveError(_("llama.cpp could not compute embeddings with {name} ({exc}).").format(name=Path(model_path).name, exc=exc)) from None
        return [[float(x) for x in vector] for vector in vectors]

    def unload(self) -> None:
        if self.llm is not None:
            self.llm.close()
        self.llm = None
        self.model_path = None
