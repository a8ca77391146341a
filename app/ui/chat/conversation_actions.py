"""Organising conversations: rename, pin, archive, system prompt, trash with undo.

Deleting moves a conversation to the trash, with an Undo button for UNDO_SECONDS;
the trash empties itself of conversations deleted more than the configured number
of days ago (Settings › storage), and can be emptied or restored from by hand.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from app.core import policy
from app.core import store as st
from app.ui.chat.system_prompt_dialog import SystemPromptDialog

UNDO_SECONDS = 10


class ConversationActions(QObject):
    def __init__(self, chat_controller):
        super().__init__(chat_controller)
        self.chat = chat_controller
        self.pending_system_prompt: str | None = None  # for a new chat, until its first message
        self.undo_conversation_id: int | None = None
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_SECONDS * 1000)
        self.undo_timer.timeout.connect(self._hide_undo)
        w = chat_controller.window
        w.undo_button.clicked.connect(self.undo_delete)
        w.view_picker.currentIndexChanged.connect(self._on_view_picked)
        w.empty_trash_button.clicked.connect(self.empty_trash)
        w.system_prompt_button.clicked.connect(self.edit_system_prompt)
        w.system_prompt_action.triggered.connect(self.edit_system_prompt)
        w.pin_action.triggered.connect(lambda: self.toggle_pinned())
        w.archive_action.triggered.connect(lambda: self.toggle_archived())
        removed = chat_controller.store.empty_trash(older_than_days=chat_controller.settings.storage.trash_days)
        removed += chat_controller.store.apply_retention(policy.current().retention_days)
        if removed:
            chat_controller.forget_saved_states()

    # Context menu ----------------------------------------------------------

    def show_menu(self, pos) -> None:
        view = self.chat.window.conversation_list
        index = view.indexAt(pos)
        if not index.isValid():
            return
        self.chat.select_row(index.row(), is_row=True)
        conversation = self.chat.conversations.conversation_at(index.row())
        menu = QMenu(self.chat.window)
        if self.chat.conversations.view == st.TRASH:
            actions = {menu.addAction(self.tr("Restore")): self.restore_current,
                       menu.addAction(self.tr("Delete forever…")): self.delete_forever_current}
        else:
            actions = {
                menu.addAction(self.tr("Rename…")): self.rename_current,
                menu.addAction(self.tr("Unpin") if conversation.pinned else self.tr("Pin")): self.toggle_pinned,
                menu.addAction(self.tr("Unarchive") if conversation.archived else self.tr("Archive")):
                    self.toggle_archived,
                menu.addAction(self.tr("System prompt…")): self.edit_system_prompt,
            }
            if policy.current().export:
                actions[menu.addAction(self.tr("Export…"))] = lambda: self.chat.export_conversations([conversation.id])
            menu.addSeparator()
            actions[menu.addAction(self.tr("Delete"))] = self.delete_current
        chosen = self.exec_menu(menu, view.viewport().mapToGlobal(pos))
        if chosen in actions:
            actions[chosen]()

    def exec_menu(self, menu: QMenu, global_pos):
        return menu.exec(global_pos)

    def _selected(self) -> st.Conversation | None:
        conversation_id = self.chat.selected_conversation_id()
        return self.chat.store.conversation(conversation_id) if conversation_id is not None else None

    def _refresh(self, keep: int | None = None) -> None:
        self.chat.conversations.refresh()
        if keep is not None:
            self.chat.select_row(keep)

    # Rename, pin, archive ----------------------------------------------------

    def rename_current(self) -> None:
        conversation = self._selected()
        if conversation is None:
            return
        title, ok = QInputDialog.getText(self.chat.window, self.tr("Rename conversation"), self.tr("Title:"),
                                         text=conversation.title)
        if ok and title.strip():
            self.chat.store.rename_conversation(conversation.id, title)
            self._refresh(conversation.id)
            if conversation.id == self.chat.conversation_id:
                self.chat.window.conversation_title.setText(title.strip())

    def toggle_pinned(self) -> None:
        conversation = self._selected()
        if conversation is not None:
            self.chat.store.set_pinned(conversation.id, not conversation.pinned)
            self._refresh(conversation.id)

    def toggle_archived(self) -> None:
        conversation = self._selected()
        if conversation is None:
            return
        self.chat.store.set_archived(conversation.id, not conversation.archived)
        self._refresh()
        self.chat.window.statusBar().showMessage(
            self.tr("Moved “{}” to the archive.").format(conversation.title) if not conversation.archived
            else self.tr("Moved “{}” back to the chats.").format(conversation.title), 5000)

    # System prompt -----------------------------------------------------------

    def show_system_prompt(self, text: str | None) -> None:
        button = self.chat.window.system_prompt_button
        if not text:
            button.setText(self.tr("System prompt…"))
            button.setToolTip(self.tr("Instructions the model follows in this conversation"))
            return
        name = next((p["name"] for p in self.chat.settings.presets if p["text"] == text), self.tr("custom"))
        button.setText(self.tr("System prompt: {}").format(name))
        button.setToolTip(text)

    def edit_system_prompt(self) -> None:
        conversation_id = self.chat.conversation_id
        current = (self.chat.store.conversation(conversation_id).system_prompt if conversation_id
                   else self.pending_system_prompt) or ""
        dialog = SystemPromptDialog(current, self.chat.settings.presets, self.chat.window)
        self.chat.system_prompt_dialog = dialog  # tests drive it
        accepted = dialog.exec() == SystemPromptDialog.Accepted
        if tuple(dialog.presets) != tuple(self.chat.settings.presets):
            self.chat.update_settings(replace(self.chat.settings, presets=tuple(dialog.presets)))
        if not accepted:
            return
        text = dialog.text() or None
        if conversation_id:
            self.chat.store.set_system_prompt(conversation_id, text)
        else:
            self.pending_system_prompt = text
        self.show_system_prompt(text)

    # Trash -------------------------------------------------------------------

    def delete_current(self) -> None:
        """Move to the trash at once; Undo brings it back."""
        if self.chat.conversations.view == st.TRASH:
            self.delete_forever_current()
            return
        conversation = self._selected()
        if conversation is None:
            return
        if self.chat.answer_conversation_id == conversation.id and self.chat.generating:
            self.chat.stop()
            self.chat.end_answer(st.STOPPED)
        self.chat.store.move_to_trash(conversation.id)
        self._refresh()
        if conversation.id == self.chat.conversation_id:
            self.chat.new_chat()
        self.undo_conversation_id = conversation.id
        w = self.chat.window
        w.state_label.setText(self.tr("Moved “{}” to the trash.").format(conversation.title))
        w.undo_button.show()
        self.undo_timer.start()

    def undo_delete(self) -> None:
        if self.undo_conversation_id is None:
            return
        conversation_id, self.undo_conversation_id = self.undo_conversation_id, None
        self.chat.store.restore_from_trash(conversation_id)
        self._hide_undo()
        self._refresh()
        if self.chat.conversations.view != st.TRASH:
            self.chat.open_conversation(conversation_id)
        self.chat.window.state_label.setText(self.tr("Restored."))

    def _hide_undo(self) -> None:
        self.undo_timer.stop()
        self.chat.window.undo_button.hide()

    def restore_current(self) -> None:
        conversation = self._selected()
        if conversation is not None:
            self.chat.store.restore_from_trash(conversation.id)
            self._refresh()
            self.chat.window.statusBar().showMessage(
                self.tr("Restored “{}” to the chats.").format(conversation.title), 5000)

    def delete_forever_current(self) -> None:
        conversation = self._selected()
        if conversation is None:
            return
        answer = QMessageBox.question(
            self.chat.window, self.tr("Delete forever"),
            self.tr("Delete “{}” and all its messages for good? This cannot be undone.").format(conversation.title),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer == QMessageBox.Yes:
            self.chat.store.delete_conversation(conversation.id)
            self.chat.forget_saved_states()
            self._refresh()

    def empty_trash(self) -> None:
        count = self.chat.store.count_conversations(st.TRASH)
        if not count:
            return
        answer = QMessageBox.question(
            self.chat.window, self.tr("Empty trash"),
            self.tr("Delete the {} conversations in the trash for good? This cannot be undone.").format(count),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer == QMessageBox.Yes:
            self.chat.store.empty_trash()
            self.chat.forget_saved_states()
            self._refresh()

    def _on_view_picked(self, _index: int) -> None:
        view = self.chat.window.view_picker.currentData()
        self.chat.window.empty_trash_button.setVisible(view == st.TRASH)
        self.chat.conversations.set_view(view)
        self.chat.new_chat()
