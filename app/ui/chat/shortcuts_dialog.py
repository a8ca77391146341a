"""The keyboard shortcuts cheat sheet (Ctrl+/).

It is built from the menus' own actions, so it always lists the shortcuts that
really work; the few keys that are not menu actions (Enter, Shift+Enter, Esc while
editing) are added by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

EXTRA_KEYS = (  # marked for translators; translated when shown
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "Send the message")),
    ("Shift+Enter", QT_TRANSLATE_NOOP("ShortcutsDialog", "New line in the message")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Stop the answer, or cancel editing a message")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Move between controls")),
    ("F2", QT_TRANSLATE_NOOP("ShortcutsDialog", "Rename the selected conversation")),
    ("Delete", QT_TRANSLATE_NOOP("ShortcutsDialog", "Move the selected conversation to the trash")),
)


def shortcut_rows(window) -> list[tuple[str, str]]:
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu else ():
            keys = [k.toString(QKeySequence.NativeText) for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                rows.append((" / ".join(keys), action.text().replace("&", "")))
    known = {keys for keys, _ in rows}
    return rows + [(keys, QCoreApplication.translate("ShortcutsDialog", what))
                   for keys, what in EXTRA_KEYS if keys not in known]


class ShortcutsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)
