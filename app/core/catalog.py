"""The curated catalog of models, and which of them suit this machine.

Suiting the machine is two questions: does the model fit in memory (fit_label), and
will it answer fast enough to be pleasant (speed.label: fast, usable or slow here).
A model is recommended only when both answers are good.

The catalog itself is data (resources/catalog.json): the five chat families Cove
recommends, with their Hub repos and files, and the embedding models that let notes
be found by meaning (kind "embedding"; they cannot chat, so they are kept apart:
load_catalog() gives the chat models unless asked for another kind). Sizes and
facts in it are what we knew when we wrote it, and the ones we could not check are
marked; at download time Cove reads the real size and SHA-256 from the Hub.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from app.core import speed
from app.core.i18n import N_, _
from app.core.model_names import parse_quant  # noqa: F401 - part of this module's API (catalog.parse_quant)
from app.core.resources import resource_path
from app.core.system import Machine

FITS, TIGHT, TOO_LARGE = N_("fits"), N_("tight"), N_("too large")  # shown translated: _(label)
PREFERRED_QUANTS = ("Q4_K_M", "Q8_0")
CHAT, EMBEDDING = "chat", "embedding"

_OVERHEAD = 400 << 20  # llama.cpp's compute buffers and the engine process


@dataclass(frozen=True)
class CatalogChoice:
    model_id: str
    family: str
    name: str
    params: str
    repo: str
    quant: str
    files: tuple[str, ...]
    size: int
    size_confirmed: bool
    license: str
    gated: bool
    context: int
    description: str
    kind: str = CHAT
    dimensions: int = 0       # an embedding model's vector length
    languages: str = ""
    unconfirmed: tuple[str, ...] = ()  # facts in this entry nobody has checked against the Hub

    @property
    def first_file(self) -> str:
        return self.files[0]


def load_catalog(path: Path | None = None, kind: str | None = CHAT) -> list[CatalogChoice]:
    """The catalog's choices of one kind (CHAT or EMBEDDING), or of every kind with kind=None."""
    if path is None:
        path = resource_path("catalog.json")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    choices = []
    for model in data["models"]:
        if kind is not None and model.get("kind", CHAT) != kind:
            continue
        for quant, variant in model["files"].items():
            choices.append(CatalogChoice(
                model_id=model["id"], family=model["family"], name=model["name"], params=model["params"],
                repo=variant.get("repo", model["repo"]), quant=quant, files=tuple(variant["files"]),
                size=int(variant["size"]), size_confirmed=bool(variant.get("size_confirmed", False)),
                license=model["license"], gated=bool(model.get("gated", False)),
                # the descriptions are read by people: translated like the code's messages (collected from
                # this file by tools/compile_translations.py); an empty text is not looked up (gettext's header)
                context=int(model["context"]), description=_(model["description"]) if model["description"] else "",
                kind=model.get("kind", CHAT), dimensions=int(model.get("dimensions", 0)),
                languages=_(model["languages"]) if model.get("languages") else "",
                unconfirmed=tuple(model.get("unconfirmed", ())),
            ))
    return choices


def family_of(basename: str, architecture: str, choices: list[CatalogChoice]) -> str:
    """The catalog family a model file belongs to ("SmolLM2"), from its GGUF base name."""
    def norm(text: str) -> str:
        return re.sub(r"[^a-z0-9]", "", text.lower())

    key = norm(basename)
    for family in sorted({c.family for c in choices}, key=len, reverse=True):
        if key and key.startswith(norm(family)):
            return family
    return basename or architecture


def memory_needed(file_size: int, n_ctx: int) -> int:
    """Rough memory to run a model: weights, KV cache for n_ctx tokens, and overhead.

    The KV cache per token grows with the model; 16 KB plus 8 KB per GB of weights
    per token is close for the families in the catalog at f16 cache.
    """
    kv_per_token = (16 << 10) + (8 << 10) * file_size / (1 << 30)
    return int(file_size + kv_per_token * n_ctx + _OVERHEAD)


def fit_label(file_size: int, context: int, machine: Machine, n_ctx: int = 4096) -> str:
    need = memory_needed(file_size, min(context, n_ctx))
    room = machine.model_memory
    if need <= room * 0.75:
        return FITS
    if need <= room:
        return TIGHT
    return TOO_LARGE


def speed_label(choice: CatalogChoice, machine: Machine) -> str:
    """speed.FAST, USABLE or SLOW for this choice here ("" when the machine's speed is not known)."""
    return speed.label(choice.size, machine)


def suits(choice: CatalogChoice, machine: Machine, n_ctx: int = 4096) -> bool:
    """Fits with room to spare, and answers at reading speed or better."""
    return fit_label(choice.size, choice.context, machine, n_ctx) == FITS and speed_label(choice, machine) != speed.SLOW


def recommend(choices: list[CatalogChoice], machine: Machine, n_ctx: int = 4096) -> dict[str, CatalogChoice]:
    """One choice per family: the biggest Q4_K_M build that fits and is not slow here (best quality per GB)."""
    best: dict[str, CatalogChoice] = {}
    for choice in choices:
        if choice.kind != CHAT:
            continue  # an embedding model is never a chat recommendation
        if choice.quant != "Q4_K_M" or not suits(choice, machine, n_ctx):
            continue
        current = best.get(choice.family)
        if current is None or choice.size > current.size:
            best[choice.family] = choice
    return best


def feels_good(choices: list[CatalogChoice], machine: Machine, n_ctx: int = 4096) -> CatalogChoice | None:
    """The one model to suggest first: the biggest that suits this machine and is fast here, else usable here.

    Speed first: a smaller model that answers at once feels better than a cleverer one that
    makes the user wait for every word. Open to anyone: gated models need a Hub account,
    so they are left to the catalog.
    """
    picks = [c for c in choices
             if c.kind == CHAT and c.quant == "Q4_K_M" and not c.gated and suits(c, machine, n_ctx)]
    fast = [c for c in picks if speed_label(c, machine) in (speed.FAST, "")]
    return max(fast or picks, key=lambda c: c.size, default=None)
