"""What the Models window lists that comes from files and the machine, read on a pool thread.

The window reads these when it opens (models_actions.py) and the installed models again
whenever they change: each model file's header (its family, its context), the catalogs'
JSON, this machine's memory and measured speed, the Hub token. Read on the GUI thread
they froze the window as it opened; here nothing touches a widget or the store (what
the store knows, when each model was last used, is asked on the GUI thread and passed in).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core import catalog as cat
from app.core import hub as hub_mod
from app.core import speed, system
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.models import ModelLibrary
from app.core.notes.embedding import installed_embedding_model
from app.core.paths import CovePaths


def read(paths: CovePaths, library: ModelLibrary, used: dict, settings) -> dict:
    """Everything the window's pages list, by name (see ModelsActions._facts_read)."""
    machine = speed.with_measurements(system.machine(), paths.speed_file)
    choices = cat.load_catalog()
    return {"machine": machine, "choices": choices, "installed": installed_rows(library, used, choices),
            "embedding_choices": cat.load_catalog(kind=cat.EMBEDDING),
            "embedding_in_use": installed_embedding_model(paths, settings),
            "has_token": hub_mod.load_token(paths.data_dir) is not None}


def installed_rows(library: ModelLibrary, used: dict, choices: list) -> list[dict]:
    """A row per installed model, with what its file says (or what is wrong with it)."""
    rows = []
    for entry in library.installed(include_embedding=True):
        row = {"name": entry.name, "path": str(entry.path), "size": entry.size, "builtin": entry.builtin,
               "quant": cat.parse_quant(entry.path.name), "family": "", "context": None,
               "last_used": used.get(str(entry.path)), "entry": entry, "problem": ""}
        try:
            info = read_gguf(entry.path)
            row["family"] = (QCoreApplication.translate("ModelsActions", "Embedding (notes)") if entry.embedding
                             else cat.family_of(info.basename, info.architecture, choices))
            row["context"] = info.context_length
        except CoveError as exc:
            row["problem"] = str(exc)
        rows.append(row)
    return rows
