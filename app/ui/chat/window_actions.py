"""Keyboard-first moves around the window (focus, search, previous/next conversation, sidebar),
the shortcuts cheat sheet (Ctrl+/) and About."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from app import APP_NAME, __version__
from app.ui.chat.shortcuts_dialog import ShortcutsDialog


class WindowActions(QObject):
    def __init__(self, window, conversations, current_conversation, parent=None):
        """`conversations` is the list's model; current_conversation() the id shown (None: a new chat)."""
        super().__init__(parent)
        self.window, self.conversations, self.current_conversation = window, conversations, current_conversation
        w = window
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
        edit = self.window.composer.edit
        edit.setFocus(Qt.ShortcutFocusReason)

    def step_conversation(self, step: int) -> None:
        """The previous or next conversation in the list (wrapping is not done: the ends stay put)."""
        model = self.conversations
        current = self.current_conversation()
        row = model.row_of(current) if current is not None else -1
        target = row + step if row >= 0 else 0
        if target >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        if 0 <= target < model.rowCount():
            self.window.conversation_list.setCurrentIndex(model.index(target, 0))

    def toggle_sidebar(self) -> None:
        sidebar = self.window.sidebar
        sidebar.setVisible(not sidebar.isVisible())

    def show_shortcuts(self) -> ShortcutsDialog:
        self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    def show_about(self) -> None:
        QMessageBox.about(self.window, self.tr("About Cove"), self.tr(
            "<b>{} {}</b><br>A private chat assistant that runs open models on this computer.<br>"
            "Your conversations stay on this computer. Cove sends nothing except the requests listed on the "
            "Privacy page, which you start: model search and downloads from the Hub.").format(APP_NAME, __version__))
