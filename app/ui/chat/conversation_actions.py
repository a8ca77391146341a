"""Organising conversations: rename, pin, archive, system prompt, trash with undo.

Deleting moves a conversation to the trash, with an Undo button for UNDO_SECONDS;
the trash empties itself of conversations deleted more than the configured number
of days ago (Settings › storage), and can be emptied or restored from by hand.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox

from app.core import policy
from app.core import store as st
from app.ui.chat.system_prompt_dialog import SystemPromptDialog
from app.ui.i18n import number
from app.ui.widgets.model_guard import text as capped

UNDO_SECONDS = 10
RENAME_WIDTH = (360, 640)  # the rename dialog's width: its title and a long name fit, within reason


class ConversationActions(QObject):
    def __init__(self, window, store: st.Store, conversations, settings, nav, session, forget_saved_states,
                 export, parent=None):
        """`settings` is the window's SettingsModel, `nav` its Navigation, `session` the AnswerSession,
        `export(conversation_ids)` the export dialog."""
        super().__init__(parent)
        self.window, self.store, self.conversations = window, store, conversations
        self.settings, self.nav, self.session = settings, nav, session
        self.forget_saved_states, self.export = forget_saved_states, export
        self.system_prompt_dialog: SystemPromptDialog | None = None  # the last one opened (tests drive it)
        self.rename_dialog: QInputDialog | None = None  # likewise
        self.pending_system_prompt: str | None = None  # for a new chat, until its first message
        self.undo_conversation_id: int | None = None
        # A passing line in the status bar (the controller gives the status presenter's, which clears it).
        self.note = lambda text, _ms=0: window.state_label.setText(text)
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_SECONDS * 1000)
        self.undo_timer.timeout.connect(self._hide_undo)
        w = window
        w.undo_button.clicked.connect(self.undo_delete)
        w.view_picker.currentIndexChanged.connect(self._on_view_picked)
        w.empty_trash_button.clicked.connect(self.empty_trash)
        w.system_prompt_button.clicked.connect(self.edit_system_prompt)
        w.system_prompt_action.triggered.connect(self.edit_system_prompt)
        w.pin_action.triggered.connect(lambda: self.toggle_pinned())
        w.archive_action.triggered.connect(lambda: self.toggle_archived())
        w.rename_action.triggered.connect(self.rename_current)
        w.delete_action.triggered.connect(self.delete_current)
        w.conversation_list.delete_requested.connect(self.delete_current)
        w.conversation_list.customContextMenuRequested.connect(self.show_menu)

    # Context menu ----------------------------------------------------------

    def show_menu(self, pos) -> None:
        view = self.window.conversation_list
        index = view.indexAt(pos)
        if not index.isValid():
            return
        self.nav.select_row(index.row())
        conversation = self.conversations.conversation_at(index.row())
        menu = QMenu(self.window)
        if self.conversations.view == st.TRASH:
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
                actions[menu.addAction(self.tr("Export…"))] = lambda: self.export([conversation.id])
            menu.addSeparator()
            actions[menu.addAction(self.tr("Delete"))] = self.delete_current
        chosen = self.exec_menu(menu, view.viewport().mapToGlobal(pos))
        if chosen in actions:
            actions[chosen]()

    def exec_menu(self, menu: QMenu, global_pos):
        return menu.exec(global_pos)

    def _selected(self) -> st.Conversation | None:
        conversation_id = self.nav.selected()
        return self.store.conversation(conversation_id) if conversation_id is not None else None

    def _refresh(self, keep: int | None = None) -> None:
        self.conversations.refresh()
        if keep is not None:
            self.nav.select(keep)

    # Rename, pin, archive ----------------------------------------------------

    def rename_current(self) -> None:
        conversation = self._selected()
        if conversation is None:
            return
        # Not QInputDialog.getText: that dialog is ~200 px wide ("Renam… ation", a long name cut off).
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Rename conversation"))
        dialog.setLabelText(self.tr("Title:"))
        dialog.setOkButtonText(self.tr("Rename"))
        dialog.setTextValue(conversation.title)
        # On its line edit: QInputDialog sets its own minimum width from its contents when shown.
        wanted = dialog.fontMetrics().horizontalAdvance(capped(conversation.title, 200)) + 16
        dialog.findChild(QLineEdit).setMinimumWidth(max(RENAME_WIDTH[0] - 24, min(wanted, RENAME_WIDTH[1])))
        self.rename_dialog = dialog
        accepted = dialog.exec() == QInputDialog.Accepted
        title = dialog.textValue()
        dialog.deleteLater()
        if accepted and title.strip():
            self.store.rename_conversation(conversation.id, title)
            self._refresh(conversation.id)
            if conversation.id == self.nav.current():
                self.window.conversation_title.setText(title.strip())

    def toggle_pinned(self) -> None:
        conversation = self._selected()
        if conversation is not None:
            self.store.set_pinned(conversation.id, not conversation.pinned)
            self._refresh(conversation.id)

    def toggle_archived(self) -> None:
        conversation = self._selected()
        if conversation is None:
            return
        self.store.set_archived(conversation.id, not conversation.archived)
        self._refresh()
        self.window.statusBar().showMessage(
            self.tr("Moved “{}” to the archive.").format(conversation.title) if not conversation.archived
            else self.tr("Moved “{}” back to the chats.").format(conversation.title), 5000)

    # System prompt -----------------------------------------------------------

    def show_system_prompt(self, text: str | None) -> None:
        button = self.window.system_prompt_button
        if not text:
            button.setText(self.tr("System prompt…"))
            button.setToolTip(self.tr("Instructions the model follows in this conversation"))
            return
        name = next((p["name"] for p in self.settings.value.presets if p["text"] == text), self.tr("custom"))
        button.setText(self.tr("System prompt: {}").format(name))
        button.setToolTip(capped(text))  # an imported prompt of megabytes would freeze the hover

    def edit_system_prompt(self) -> None:
        conversation_id = self.nav.current()
        current = (self.store.conversation(conversation_id).system_prompt if conversation_id
                   else self.pending_system_prompt) or ""
        dialog = SystemPromptDialog(current, self.settings.value.presets, self.window)
        self.system_prompt_dialog = dialog
        accepted = dialog.exec() == SystemPromptDialog.Accepted
        if tuple(dialog.presets) != tuple(self.settings.value.presets):
            self.settings.update(replace(self.settings.value, presets=tuple(dialog.presets)))
        if not accepted:
            return
        text = dialog.text() or None
        if conversation_id:
            self.store.set_system_prompt(conversation_id, text)
        else:
            self.pending_system_prompt = text
        self.show_system_prompt(text)

    # Trash -------------------------------------------------------------------

    def delete_current(self) -> None:
        """Move to the trash at once; Undo brings it back."""
        if self.conversations.view == st.TRASH:
            self.delete_forever_current()
            return
        conversation = self._selected()
        if conversation is None:
            return
        if self.session.conversation_id == conversation.id and self.session.generating:
            self.session.stop_and_end()
        self.store.move_to_trash(conversation.id)
        self._refresh()
        if conversation.id == self.nav.current():
            self.nav.new_chat()
        self.undo_conversation_id = conversation.id
        w = self.window
        self.note(self.tr("Moved “{}” to the trash.").format(conversation.title), UNDO_SECONDS * 1000)
        w.undo_button.show()
        self.undo_timer.start()

    def undo_delete(self) -> None:
        if self.undo_conversation_id is None:
            return
        conversation_id, self.undo_conversation_id = self.undo_conversation_id, None
        self.store.restore_from_trash(conversation_id)
        self._hide_undo()
        self._refresh()
        if self.conversations.view != st.TRASH:
            self.nav.open(conversation_id)
        self.note(self.tr("Restored."))

    def _hide_undo(self) -> None:
        self.undo_timer.stop()
        self.window.undo_button.hide()

    def restore_current(self) -> None:
        conversation = self._selected()
        if conversation is not None:
            self.store.restore_from_trash(conversation.id)
            self._refresh()
            self.window.statusBar().showMessage(
                self.tr("Restored “{}” to the chats.").format(conversation.title), 5000)

    def delete_forever_current(self) -> None:
        conversation = self._selected()
        if conversation is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Delete forever"),
            self.tr("Delete “{}” and all its messages for good? This cannot be undone.").format(conversation.title),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer == QMessageBox.Yes:
            self.store.delete_conversation(conversation.id)
            self.forget_saved_states()
            self._refresh()

    def empty_trash(self) -> None:
        count = self.store.count_conversations(st.TRASH)
        if not count:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Empty trash"),
            self.tr("Delete the {} conversations in the trash for good? This cannot be undone.").format(number(count)),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer == QMessageBox.Yes:
            self.store.empty_trash()
            self.forget_saved_states()
            self._refresh()

    def _on_view_picked(self, _index: int) -> None:
        view = self.window.view_picker.currentData()
        self.window.empty_trash_button.setVisible(view == st.TRASH)
        self.conversations.set_view(view)
        self.nav.new_chat()
