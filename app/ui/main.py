"""Start the window: paths, settings and store first, then Qt, then the wiring."""

from __future__ import annotations

import logging
import signal
import sqlite3
import sys
import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.core import backups, logs, paths
from app.core import settings as settings_mod
from app.core.errors import CoveError
from app.core.store import Store
from app.ui.controller import ChatController
from app.ui.main_window import MainWindow
from app.ui.resources import app_icon

log = logging.getLogger("cove.ui")


def _install_excepthook(parent_getter) -> None:
    """A bug in a slot is logged and shown in one line; the window stays up."""

    def hook(kind, value, tb):
        log.error("unexpected error", exc_info=(kind, value, tb))
        parent = parent_getter()
        if parent is not None:
            QMessageBox.warning(parent, APP_NAME, f"Something went wrong ({kind.__name__}: {value}). "
                                f"Your conversations are safe. Details are in {paths.current().log_file}.")

    sys.excepthook = hook


def _daily_backup(database) -> None:
    try:
        backups.make_backup(database, backups.DAILY)
    except (OSError, sqlite3.Error) as exc:
        log.warning("daily backup failed: %s", exc)  # never stops Cove from working


def build(app_paths: paths.CovePaths) -> tuple[MainWindow, ChatController]:
    """Create the window and its controller; raises CoveError for a store that cannot open."""
    config, problems = settings_mod.load(app_paths.settings_file)
    store = Store(app_paths.database)
    if backups.daily_backup_due(app_paths.database):
        # Off the GUI thread: a large database takes a while to copy.
        threading.Thread(target=_daily_backup, args=(app_paths.database,), name="cove-backup", daemon=True).start()
    recovered = store.recover_interrupted_answers()
    window = MainWindow()
    window.setWindowIcon(app_icon())
    controller = ChatController(window, store, app_paths, config)
    window.destroyed.connect(store.close)
    if problems:
        QMessageBox.warning(window, APP_NAME, "Some settings were not valid and were reset:\n\n" + "\n".join(problems))
    if recovered:
        log.info("marked %d interrupted answers", recovered)
    return window, controller


def run_gui() -> int:
    app_paths = paths.current().ensure()
    logs.setup(app_paths)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("cove")
    app.setWindowIcon(app_icon())
    window = None
    _install_excepthook(lambda: window)
    try:
        window, controller = build(app_paths)
    except CoveError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    # Ctrl+C in the terminal or a plain `kill` closes the window properly (the
    # answer in progress is saved as stopped), instead of killing Python mid-write.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: window.close())
    heartbeat = QTimer()  # lets Python run its signal handlers while Qt waits
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    window.show()
    code = app.exec()
    controller.shutdown()
    return code
