"""Where Cove keeps its files.

Every path Cove writes to comes from here, so there is one place to read to know
what lives where. By default the platform's conventions apply (platformdirs); the
environment variable COVE_HOME puts everything (database, models, settings, logs)
under one folder instead, for tests and portable installs.

Folders are created readable by the user only: conversations are private.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Cove"
HOME_ENV = "COVE_HOME"


@dataclass(frozen=True)
class CovePaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "cove.db"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "cove.log"

    def ensure(self) -> "CovePaths":
        """Create the folders (user-only permissions) and return self."""
        for folder in (self.data_dir, self.models_dir, self.config_dir, self.log_dir):
            make_private_dir(folder)
        return self


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
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)
