"""Keyboard-first moves around the window, and the shortcuts cheat sheet (Ctrl+/).

The cheat sheet is built from the menus' own actions, so it always lists the
shortcuts that really work; the few keys that are not menu actions (Enter,
Shift+Enter, Esc while editing) are added by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from app import APP_NAME, __version__

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


class WindowActions(QObject):
    def __init__(self, chat_controller):
        super().__init__(chat_controller)
        self.chat = chat_controller
        w = chat_controller.window
        self.shortcuts_dialog: ShortcutsDialog | None = None
        w.focus_composer_action.triggered.connect(self.focus_composer)
        w.search_action.triggered.connect(lambda: (w.search_edit.setFocus(), w.search_edit.selectAll()))
        w.previous_conversation_action.triggered.connect(lambda: self.step_conversation(-1))
        w.next_conversation_action.triggered.connect(lambda: self.step_conversation(+1))
        w.toggle_sidebar_action.triggered.connect(self.toggle_sidebar)
        w.sidebar_button.clicked.connect(self.toggle_sidebar)
        w.jump_to_latest_action.triggered.connect(w.transcript.scroll_to_bottom)
        w.shortcuts_action.triggered.connect(self.show_shortcuts)
        w.about_action.triggered.connect(self.show_about)

    def focus_composer(self) -> None:
        edit = self.chat.window.composer.edit
        edit.setFocus(Qt.ShortcutFocusReason)

    def step_conversation(self, step: int) -> None:
        """The previous or next conversation in the list (wrapping is not done: the ends stay put)."""
        model = self.chat.conversations
        row = model.row_of(self.chat.conversation_id) if self.chat.conversation_id is not None else -1
        target = row + step if row >= 0 else 0
        if target >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        if 0 <= target < model.rowCount():
            self.chat.window.conversation_list.setCurrentIndex(model.index(target, 0))

    def toggle_sidebar(self) -> None:
        sidebar = self.chat.window.sidebar
        sidebar.setVisible(not sidebar.isVisible())

    def show_shortcuts(self) -> ShortcutsDialog:
        self.shortcuts_dialog = ShortcutsDialog(self.chat.window)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    def show_about(self) -> None:
        QMessageBox.about(self.chat.window, self.tr("About Cove"), self.tr(
            "<b>{} {}</b><br>A private chat assistant that runs open models on this computer.<br>"
            "Your conversations stay here: Cove sends nothing anywhere.").format(APP_NAME, __version__))
