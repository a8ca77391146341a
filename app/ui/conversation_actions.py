"""Renaming and deleting conversations from the list (context menu, F2, Delete)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from app.core import store as st


class ConversationActions(QObject):
    def __init__(self, chat_controller):
        super().__init__(chat_controller)
        self.chat = chat_controller

    def show_menu(self, pos) -> None:
        index = self.chat.window.conversation_list.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self.chat.window)
        rename = menu.addAction(self.tr("Rename…"))
        delete = menu.addAction(self.tr("Delete…"))
        chosen = menu.exec(self.chat.window.conversation_list.viewport().mapToGlobal(pos))
        self.chat.select_row(index.row(), is_row=True)
        if chosen is rename:
            self.rename_current()
        elif chosen is delete:
            self.delete_current()

    def rename_current(self) -> None:
        conversation_id = self.chat.selected_conversation_id()
        if conversation_id is None:
            return
        old = self.chat.store.conversation(conversation_id).title
        title, ok = QInputDialog.getText(self.chat.window, self.tr("Rename conversation"), self.tr("Title:"), text=old)
        if ok and title.strip():
            self.chat.store.rename_conversation(conversation_id, title)
            self.chat.conversations.refresh()
            self.chat.select_row(conversation_id)
            if conversation_id == self.chat.conversation_id:
                self.chat.window.conversation_title.setText(title.strip())

    def delete_current(self) -> None:
        conversation_id = self.chat.selected_conversation_id()
        if conversation_id is None:
            return
        title = self.chat.store.conversation(conversation_id).title
        answer = QMessageBox.question(
            self.chat.window, self.tr("Delete conversation"),
            self.tr("Delete “{}” and all its messages? This cannot be undone.").format(title),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        if self.chat.answer_conversation_id == conversation_id and self.chat.generating:
            self.chat.stop()
            self.chat.end_answer(st.STOPPED)
        self.chat.store.delete_conversation(conversation_id)
        # Saved engine states hold conversations' tokens: a deleted chat must not survive there.
        shutil.rmtree(self.chat.paths.data_dir / "kv-cache", ignore_errors=True)
        self.chat.conversations.refresh()
        if conversation_id == self.chat.conversation_id:
            self.chat.new_chat()
