"""Driving the window's modal dialogs as a user would: wait until one is open, then act on it.

A modal dialog's exec() does not return until it is closed, so what the user does
in it runs from a timer that polls for the open dialog (a QFileDialog, a
QInputDialog…), looks, and clicks its real buttons.
"""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

POLL_MS = 20
GIVE_UP_MS = 10_000


def when_open(kind, act, waited: int = 0) -> None:
    """Call act(dialog) once a modal dialog of `kind` is open (it must close it)."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, kind) and dialog.isVisible():
        QTimer.singleShot(0, lambda: act(dialog))
    elif waited < GIVE_UP_MS:
        QTimer.singleShot(POLL_MS, lambda: when_open(kind, act, waited + POLL_MS))


def click(qtbot, dialog, role) -> None:
    """Click a button of the dialog's button box (QDialogButtonBox.Ok, .Open, .Cancel…)."""
    from PySide6.QtCore import Qt

    button = dialog.findChild(QDialogButtonBox).button(role)
    assert button is not None and button.isEnabled(), f"{role} is not there or greyed out"
    qtbot.mouseClick(button, Qt.LeftButton)
