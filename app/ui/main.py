"""Start the window: paths, settings and store first, then Qt, then the wiring."""

from __future__ import annotations

import logging
import signal
import socket
import sqlite3
import sys
from datetime import datetime

from PySide6.QtCore import QProcess, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.core import backups, encryption, logs, open_marks, paths, policy, startup_gc
from app.core import i18n as core_i18n
from app.core import settings as settings_mod
from app.core.errors import CoveError, DatabaseDamaged
from app.core.private_files import private_umask
from app.core.store import Store
from app.ui import i18n, theme
from app.ui.chat.chat_controller import ChatController
from app.ui.lock_actions import LockActions
from app.ui.lock_screen import encrypt_at_start, unlock_at_start
from app.ui.resources import app_icon
from app.ui.single_instance import ALREADY_RUNNING, SingleInstance, bring_to_front
from app.ui.widgets import markdown_html
from app.ui.widgets.main_window import MainWindow

log = logging.getLogger("cove.ui")
INLINE_CHECK_BYTES = 64 << 20
# The window's thread shares the GIL with background threads that run Python for long stretches
# (notes indexing, downloads, the engine bridge). Each slot, delegate or filter Qt calls runs
# Python and must take the GIL back first: by default a busy thread keeps it for up to 5 ms, so a
# layout that calls Python twenty times froze the window for up to 100 ms while notes were indexed
# (benchmarks/ui_latency.py). At 1 ms the window waits a fifth as long; the background threads'
# work is the same, cut into shorter turns.
GIL_SWITCH_INTERVAL_S = 0.001
ENCRYPTED_CHECK_SLOWDOWN = 8  # quick_check of an SQLCipher file, measured by benchmarks/history.py --encrypted


def _install_excepthook(parent_getter) -> None:
    """A bug in a slot is logged and shown in one line; the window stays up."""

    def hook(kind, value, tb):
        log.error("unexpected error", exc_info=(kind, value, tb))
        parent = parent_getter()
        if parent is not None:
            QMessageBox.warning(parent, APP_NAME, f"Something went wrong ({kind.__name__}: {value}). "
                                f"Your conversations are safe. Details are in {paths.current().log_file}.")

    sys.excepthook = hook


def _daily_backup(database, keep: int) -> None:
    try:
        backups.make_backup(database, backups.DAILY, keep=keep)
    except (OSError, sqlite3.Error) as exc:
        log.warning("daily backup failed: %s", exc)  # never stops Cove from working


def _ask_restore(database, backup) -> bool:
    when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    box = QMessageBox(QMessageBox.Critical, APP_NAME,
                      f"The conversation database {database} is damaged and cannot be opened. It has not been "
                      f"changed.\n\nCove can restore the newest good backup, from {when}. Messages written "
                      "after it are not in it; the damaged file is kept beside it.")
    restore_button = box.addButton("Restore backup", QMessageBox.AcceptRole)
    box.addButton("Quit", QMessageBox.RejectRole)
    box.exec()
    return box.clickedButton() is restore_button


def offer_restore(database, damage: DatabaseDamaged, ask=_ask_restore) -> bool:
    """The database failed its check: offer the newest good backup; True if it was restored."""
    if not ask(database, damage.backup):
        return False
    try:
        kept = backups.restore(database, damage.backup)
    except (OSError, sqlite3.Error) as exc:
        QMessageBox.critical(None, APP_NAME, f"The backup could not be restored ({exc}). Nothing was deleted.")
        return False
    log.warning("restored %s from %s; the damaged database is kept as %s", database, damage.backup, kept)
    return True


def build(app_paths: paths.CovePaths) -> tuple[MainWindow, ChatController]:
    """Create the window and its controller; raises CoveError for a store that cannot open."""
    sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
    config, problems = settings_mod.load(app_paths.settings_file)
    database = app_paths.database
    # The integrity check reads the whole file (about a second per 800 MB here): a large
    # database opens at once and is checked on a thread while the user starts working.
    # Checking an encrypted file decrypts every page, several times slower: a smaller one is checked on a thread.
    inline = INLINE_CHECK_BYTES // ENCRYPTED_CHECK_SLOWDOWN if encryption.is_encrypted(database) else INLINE_CHECK_BYTES
    check_now = not database.exists() or database.stat().st_size <= inline
    store = Store(database, check=check_now)
    recovered = store.recover_interrupted_answers()
    theme.apply(QApplication.instance(), config.appearance)  # before the widgets: they take the look as they are made
    window = MainWindow()
    window.setWindowIcon(app_icon())
    controller = ChatController(window, store, app_paths, config)
    if backups.daily_backup_due(app_paths.database):
        # Off the GUI thread: a large database takes a while to copy.
        controller.tasks.run(lambda: _daily_backup(app_paths.database, config.storage.backups_kept))
    window.destroyed.connect(store.close)
    controller.lock_actions = LockActions(window, controller, app_paths, controller)  # Lock now, idle lock
    if problems:
        QMessageBox.warning(window, APP_NAME, "Some settings were not valid and were reset:\n\n" + "\n".join(problems))
    admin = policy.current()
    if admin.problems:
        QMessageBox.warning(window, APP_NAME, f"Your administrator's policy file ({admin.source}) has mistakes, so "
                            "Cove follows its most restrictive reading for them. Tell your administrator:\n\n"
                            + "\n".join(admin.problems))
    if recovered:
        log.info("marked %d interrupted answers", recovered)
    if not check_now:
        unclean = open_marks.unclosed(database)  # the unclean ends this check covers (open_marks.py)
        controller.tasks.run(lambda: backups.is_good(database),
                             lambda good: open_marks.forget(unclean) if good
                             else _damage_found_while_running(window, controller, database))
    return window, controller


def _damage_found_while_running(window, controller, database) -> None:
    """The background check failed: stop writing, offer the newest good backup, restart with it."""
    backup = backups.newest_good_backup(database)
    log.error("the database failed its integrity check; newest good backup: %s", backup)
    if backup is None:
        QMessageBox.critical(window, APP_NAME, f"The conversation database {database} is damaged. No good backup "
                             "was found. Close Cove and move the file away to start fresh; it has not been changed.")
        return
    if not _ask_restore(database, backup):
        return
    controller.shutdown()
    controller.store.close()
    try:
        kept = backups.restore(database, backup)
    except (OSError, sqlite3.Error) as exc:
        QMessageBox.critical(window, APP_NAME, f"The backup could not be restored ({exc}). Nothing was deleted.")
        return
    log.warning("restored %s from %s; the damaged database is kept as %s", database, backup, kept)
    QProcess.startDetached(sys.executable, sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv)
    QApplication.instance().quit()


def wake_on_signals(app: QApplication) -> QSocketNotifier:
    """Let Python run its signal handlers while Qt waits, without waking the process to look.

    Python runs a handler only once the interpreter gets control, which Qt's event loop does not
    give it by itself. A timer every 250 ms did, and woke the process four times a second even
    while nothing happened; while an answer streams, each wake-up takes a core from the engine's
    threads on a small machine. Instead the signal writes a byte to a socket (signal.set_wakeup_fd)
    that Qt watches: the process wakes only when a signal comes, and the handler runs then."""
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)
    signal.set_wakeup_fd(sender.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Read, app)

    def drain(*_):  # entering Python runs the handler; Windows may also wake it with nothing to read
        try:
            receiver.recv(512)
        except OSError:
            pass

    notifier.activated.connect(drain)
    notifier.sockets = (receiver, sender)  # open as long as the notifier lives
    return notifier


def stop_waking_on_signals(notifier) -> None:
    """After the window: signals no longer write to sockets about to close (or to a file given their number)."""
    if isinstance(notifier, QSocketNotifier):
        signal.set_wakeup_fd(-1)
        notifier.setEnabled(False)
        for sock in notifier.sockets:
            sock.close()


def signal_waker(app: QApplication):
    """wake_on_signals, or where a socket pair cannot be made (a firewall refusing Windows' loopback pair),
    the timer it replaced: four wake-ups a second are better than Ctrl+C that never ends the window."""
    try:
        return wake_on_signals(app)
    except (OSError, ValueError) as exc:
        log.warning("signals wake the window through a timer (%s)", exc)
        heartbeat = QTimer(app)
        heartbeat.timeout.connect(lambda: None)
        heartbeat.start(250)
        return heartbeat


def _cannot_start(message: str) -> int:
    """Cove cannot start (data folder, database): say why and what to do, in the terminal and a dialog."""
    print(f"cove: {message}", file=sys.stderr)
    QMessageBox.critical(None, APP_NAME, message)
    return 1


def run_gui() -> int:
    private_umask()  # every file Cove creates (SQLite's -wal and -shm too) is the user's only
    app = QApplication.instance() or QApplication(sys.argv)
    try:
        app_paths = paths.current().ensure()
    except CoveError as exc:
        return _cannot_start(str(exc))
    logs.setup(app_paths)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("cove")
    app.setWindowIcon(app_icon())
    i18n.install_language(app, core_i18n.chosen_language(app_paths.settings_file))
    instance = SingleInstance(app_paths.data_dir)  # one window per data folder
    if not instance.acquire():
        print(ALREADY_RUNNING, file=sys.stderr)
        return 0
    window = None
    _install_excepthook(lambda: window)
    # An encrypted store is unlocked (or encrypted, when the administrator requires it) before anything opens it.
    if not encrypt_at_start(app_paths) or not unlock_at_start(app_paths):
        instance.release()
        return 0
    try:
        window, controller = build(app_paths)
    except DatabaseDamaged as exc:
        if exc.backup is None:
            return _cannot_start(str(exc))
        if not offer_restore(app_paths.database, exc):
            return 1
        try:
            window, controller = build(app_paths)
        except CoveError as again:
            return _cannot_start(str(again))
    except CoveError as exc:
        return _cannot_start(str(exc))
    # Ctrl+C in the terminal or a plain `kill` closes the window properly (the
    # answer in progress is saved as stopped), instead of killing Python mid-write.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: window.close())
    signal_wakeup = signal_waker(app)  # kept, with its sockets, while the window runs
    instance.activated.connect(lambda: bring_to_front(window))
    window.show()
    startup_gc.resume()  # the start is over (app/core/startup_gc.py)
    # The Markdown renderer's libraries load on a thread now that the window is up (markdown_html.py).
    controller.tasks.run(markdown_html.warm_up, on_failure=lambda error: log.warning("markdown: %s", error))
    code = app.exec()
    stop_waking_on_signals(signal_wakeup)
    controller.shutdown()
    instance.release()
    return code
