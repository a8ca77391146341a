"""Which installed model can draft for another: the catalog's pairs, checked against the files' vocabularies.

Speculative decoding with a draft model (app/engine/draft_model.py) has a small model of the
same family guess the next few tokens, which the big one checks in one batch. It only works
when both read and write the same tokens: the same tokenizer, token for token. The catalog
lists the pairs its families publish with one tokenizer (resources/catalog.json, "draft_pairs":
Qwen2.5 0.5B for 3B and 7B, Llama 3.2 1B for 3B, SmolLM2 135M/360M for 1.7B, Gemma 2 2B for 9B),
and a name is only a claim: a re-uploaded or converted file can carry another vocabulary, so
each pair is also checked against the token lists the two GGUF files hold (vocab_fingerprint).

A model's "draft model" setting is off or automatic (settings.DRAFT_AUTO: the paired model when
it is installed); chosen_draft() turns it into the file the engine loads beside the model.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.core import model_check, paths, policy
from app.core.catalog import load_catalog
from app.core.errors import CoveError
from app.core.model_names import SPLIT_PART, parse_quant
from app.core.models import ModelLibrary, starter_model_path
from app.core.resources import resource_path
from app.core.settings import DRAFT_OFF, Settings
from app.core.vocabulary import same_vocabulary, vocab_fingerprint  # noqa: F401 (tests and callers reach them here)


def load_pairs(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Catalog model id -> the ids of the models that can draft for it, preferred first."""
    data = json.loads(Path(path or resource_path("catalog.json")).read_text(encoding="utf-8"))
    return {main: tuple(drafts) for main, drafts in data.get("draft_pairs", {}).items()}


def _model_key(file_name: str) -> str:
    """A file name without its quantization, split part and punctuation: 'SmolLM2-135M-Instruct.Q4_1.gguf'
    and 'SmolLM2-135M-Instruct-Q4_K_M.gguf' both read 'smollm2135minstruct'."""
    stem = SPLIT_PART.sub("", file_name)
    stem = re.sub(r"\.gguf$", "", stem, flags=re.IGNORECASE)
    quant = parse_quant(file_name)
    if quant:
        stem = re.sub(r"[-_.]?(ud-)?" + re.escape(quant) + r"$", "", stem, flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]", "", stem.lower())


def catalog_id(path: str | Path, choices) -> str | None:
    """The catalog model a file is a build of (by its file name, whatever the quantization), or None."""
    key = _model_key(Path(path).name)
    for choice in choices:
        if any(_model_key(name) == key for name in choice.files):
            return choice.model_id
    return None


def draft_candidates(main: str | Path, installed: list[Path], choices=None,
                     pairs: dict | None = None) -> list[Path]:
    """The installed files that can draft for `main`, preferred first: paired with it in the catalog
    and holding the same token list."""
    choices = load_catalog() if choices is None else choices
    pairs = load_pairs() if pairs is None else pairs
    main_id = catalog_id(main, choices)
    found = []
    for draft_id in pairs.get(main_id, ()):
        for path in installed:
            path = Path(path)
            if path != Path(main) and catalog_id(path, choices) == draft_id and same_vocabulary(main, path):
                found.append(path)
    return found


def draft_for(main: str | Path, installed: list[Path], choices=None, pairs: dict | None = None) -> Path | None:
    """The installed model that drafts for `main` when its setting is automatic, or None."""
    return next(iter(draft_candidates(main, installed, choices, pairs)), None)


def chosen_draft(settings: Settings, model_name: str, data_dir: Path) -> str:
    """The draft model file the engine should load beside `model_name` ("" for none), from its setting."""
    if settings.draft_model(model_name) == DRAFT_OFF:
        return ""
    library = ModelLibrary(paths.models_in(data_dir), shared_dir=policy.current().shared_models_folder)
    entries = library.installed()
    main = next((e.path for e in entries if e.name == model_name), None)
    if main is None:
        return ""
    admin = policy.current()
    candidates = draft_candidates(main, [e.path for e in entries])
    # The administrator's allowed_models apply to a draft model as to any model (the engine checks again).
    draft = next((path for path in candidates if _allowed(admin, path, data_dir)), None)
    return str(draft) if draft is not None else ""


def _allowed(admin, path: Path, data_dir: Path) -> bool:
    if admin.allowed_models is None:
        return True

    starter = starter_model_path()
    builtin = starter is not None and Path(path).resolve() == starter.resolve()
    try:
        return model_check.refusal(admin.allowed_models, admin.message, Path(path), paths.models_in(data_dir),
                                   builtin) is None
    except (CoveError, OSError):
        return False


def measuring_options(options):
    """The load options a draft model's gain is measured with: the user's model settings, but no saved states
    (the measuring engine would write its answers into the user's kv-cache, evicting real ones, and would get
    its seal key) and a context no longer than the short measurement needs."""
    from dataclasses import replace

    return replace(options, kv_cache_dir="", kv_cache_key=b"", n_ctx=min(options.n_ctx or 2048, 2048))


def measured_gain(draft: str | Path, plain_tok_s: float, drafted_tok_s: float, acceptance: float | None) -> dict:
    """What is stored in a model's settings ("draft_gain") after measuring its draft model here."""
    return {"draft": Path(draft).name, "speedup": round(drafted_tok_s / plain_tok_s, 2) if plain_tok_s else 1.0,
            "plain_tok_s": round(plain_tok_s, 1), "drafted_tok_s": round(drafted_tok_s, 1),
            "acceptance": None if acceptance is None else round(acceptance, 3)}
