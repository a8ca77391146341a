"""What a chat model needs before it answers: the admin's verdict on its file, and its chat format.

Kept out of worker.py's loading sequence so that it reads as the steps it takes; each
step's details are here. The chat format is the model's template (or the user's own,
from the model's settings) rendered into text (prompt.py), and the tokenizer that reads
that text with special tokens recognised only in the template's markup (tokens.py).
"""

from __future__ import annotations

from pathlib import Path

from app.core import model_check
from app.engine import protocol as p
from app.engine.prompt import PromptRenderer
from app.engine.tokens import IncrementalTokenizer, Special


def policy_verdict(model_path: str, options: p.LoadOptions) -> model_check.Verdict:
    """The admin policy's verdict on this file (no policy: allowed, unhashed)."""
    if options.allowed_models is None:
        return model_check.Verdict(None)
    from app.core.models import starter_model_path

    starter = starter_model_path()
    return model_check.check(options.allowed_models, options.policy_note, Path(model_path),
                             Path(options.models_dir),
                             builtin=starter is not None and Path(model_path).resolve() == starter.resolve())


class _UnusedChatHandler:
    """Stands in for llama-cpp-python's Jinja2ChatFormatter (see leave_templates_to_cove)."""

    def __init__(self, **_kwargs):
        pass

    def to_chat_handler(self):
        return None


def leave_templates_to_cove(llama_cpp) -> None:
    """Keep Llama() from compiling the model's chat templates into chat handlers of its own.

    It compiles every template in the file for create_chat_completion(), which Cove never
    calls: Cove renders prompts itself (prompt.py: sandboxed, time-limited, the user's own
    template where one is set). That compile took about 9 ms of every load, and a template
    Jinja cannot parse ended the load with an error that said nothing of the template, even
    where the user had set a template of their own. For this engine process only."""
    llama_cpp.llama_chat_format.Jinja2ChatFormatter = _UnusedChatHandler


def hold_context(llm, settings) -> None:
    """Make llm.n_ctx(), the context every part of the engine fits prompts and answers into, the one the
    settings chose where the KV cache has more cells than that (backend.allocated_cells: a faster layout).
    The model's context, the saved states' fit and the window's figures stay that; llama-cpp-python's own
    checks keep the cache's real size (llm._ctx.n_ctx())."""
    padding = settings.llama_kwargs()["n_ctx"] - settings.n_ctx
    if padding:
        held = llm.n_ctx() - padding
        llm.n_ctx = lambda: held


def chat_format(llama_cpp, llm, options: p.LoadOptions, info) -> tuple[PromptRenderer, IncrementalTokenizer,
                                                                        int | None]:
    """(renderer, tokenizer, BOS token id or None) for a loaded model; ValueError when the template
    cannot be read at all."""
    template, source = options.chat_template, "user"
    if not template:
        template, source = llm.metadata.get("tokenizer.chat_template") or info.chat_template, "gguf"
    eos_id, bos_id = llm.token_eos(), llm.token_bos()
    vocab = llm._model.vocab
    renderer = PromptRenderer(
        template,
        bos_token=llm._model.token_get_text(bos_id) if bos_id != -1 else "",
        eos_token=llm._model.token_get_text(eos_id) if eos_id != -1 else "",
        source=source,
        model_adds_bos=bool(llama_cpp.llama_vocab_get_add_bos(vocab)) and bos_id != -1,
    )

    def special(token: int) -> Special | None:
        attr = llama_cpp.llama_vocab_get_attr(vocab, token)
        if not attr & llama_cpp.LLAMA_TOKEN_ATTR_CONTROL:
            return None
        return Special(token, llm._model.token_get_text(token), bool(attr & llama_cpp.LLAMA_TOKEN_ATTR_LSTRIP),
                       bool(attr & llama_cpp.LLAMA_TOKEN_ATTR_RSTRIP))

    tokenizer = IncrementalTokenizer(
        lambda text, parse_special: llm.tokenize(text.encode("utf-8"), add_bos=False, special=parse_special),
        special)
    return renderer, tokenizer, bos_id if bos_id != -1 else None
