"""Where Cove keeps its files.

Every path Cove writes to comes from here, so there is one place to read to know
what lives where. By default the platform's conventions apply (platformdirs); the
environment variable COVE_HOME puts everything (database, models, settings, logs)
under one folder instead, for tests and portable installs.

Folders are created readable by the user only: conversations are private.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.core.errors import CoveError
from app.core.i18n import _

APP_DIR_NAME = "Cove"
HOME_ENV = "COVE_HOME"


@dataclass(frozen=True)
class CovePaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return database_in(self.data_dir)

    @property
    def models_dir(self) -> Path:
        return models_in(self.data_dir)

    @property
    def backups_dir(self) -> Path:
        return backups_in(self.data_dir)

    @property
    def kv_cache_dir(self) -> Path:
        """The engine's saved conversation states (see app/engine/kv_store.py)."""
        return kv_cache_in(self.data_dir)

    @property
    def downloads_file(self) -> Path:
        """The download queue, so that downloads resume after a restart."""
        return self.data_dir / "downloads.json"

    @property
    def hub_token_file(self) -> Path:
        return hub_token_in(self.data_dir)

    @property
    def model_hashes_file(self) -> Path:
        return self.data_dir / "model-hashes.json"

    @property
    def speed_file(self) -> Path:
        """How fast answers came on this machine, per model size (see speed.py): a measurement, no content."""
        return self.data_dir / "speed.json"

    @property
    def notes_index(self) -> Path:
        """The notes index (app/core/notes): derived from the notes folders, rebuildable, never exported."""
        return self.data_dir / "notes-index.db"

    @property
    def notes_vectors(self) -> Path:
        """The notes' embeddings for meaning search (app/core/notes/vectors.py): a file of its own, because it
        is opened through another SQLite library (one that can load sqlite-vec), and two libraries must never
        open the same file in one process. Derived, rebuildable, never exported."""
        return self.data_dir / "notes-vectors.db"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "cove.log"

    @property
    def network_log_file(self) -> Path:
        """Every network request Cove made (see network_log.py)."""
        return self.log_dir / "network.jsonl"

    def ensure(self) -> CovePaths:
        """Create the folders (user-only permissions) and return self.

        A data folder Cove cannot use (a file in its place, a read-only disk, no
        permission) raises CoveError naming the folder and the fix, never a traceback.
        """
        for folder in (self.data_dir, self.models_dir, self.config_dir, self.log_dir):
            try:
                make_private_dir(folder)
            except OSError as exc:
                raise CoveError(_unusable(folder, exc)) from None
            if not os.access(folder, os.W_OK):
                raise CoveError(_unusable(folder, OSError(errno.EACCES, _("not writable"))))
        return self


# Where a file lives when only the data folder is known (the engine, the Hub client).

def database_in(data_dir: Path) -> Path:
    return Path(data_dir) / "cove.db"


def models_in(data_dir: Path) -> Path:
    return Path(data_dir) / "models"


def backups_in(data_dir: Path) -> Path:
    return Path(data_dir) / "backups"


def kv_cache_in(data_dir: Path) -> Path:
    return Path(data_dir) / "kv-cache"


def hub_token_in(data_dir: Path) -> Path:
    return Path(data_dir) / "hub-token"


def _unusable(folder: Path, exc: OSError) -> str:
    blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        return (_("Cove cannot use the folder {folder}: {blocker} is a file, not a "
                  "folder. Move that file away, or set {home_env} to a folder.").format(folder=folder, blocker=blocker, home_env=HOME_ENV))
    if exc.errno == errno.EROFS:
        return (_("Cove cannot write to {folder}: it is on a read-only disk. Make "
                  "it writable, or set {home_env} to a folder on a writable disk.").format(folder=folder, home_env=HOME_ENV))
    if exc.errno == errno.ENOSPC:
        return _("Cove cannot create {folder}: the disk is full. Free some space and try again.").format(folder=folder)
    return (_("Cove cannot write to {folder} ({reason}). Check that you "
              "may write there, or set {home_env} to a folder you own.").format(folder=folder, reason=exc.strerror or exc, home_env=HOME_ENV))


def current() -> CovePaths:
    """The paths for this process, honouring COVE_HOME at the time of the call."""
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        root = Path(home).expanduser().resolve()
        return CovePaths(data_dir=root, config_dir=root / "config", log_dir=root / "logs")
    return CovePaths(
        data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
    )


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) and make it accessible to the user only."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def make_private_file(path: Path) -> None:
    """Make an existing file the user's only (files Cove creates itself are made 0600 at creation)."""
    if os.name == "posix" and path.exists() and not path.is_symlink():
        os.chmod(path, 0o600)
