"""What the links under each message do: copy, edit, regenerate, continue, delete, versions.

The transcript only reports which link was clicked; this object asks the store and
the controller to act, and refuses (with a line in the status bar) what cannot be
done while an answer is being written.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.core import store as st
from app.core.errors import CoveError
from app.ui.widgets import markdown_html
from app.ui.widgets import transcript as tr


class MessageActions(QObject):
    def __init__(self, chat_controller):
        super().__init__(chat_controller)
        self.chat = chat_controller
        w = chat_controller.window
        w.transcript.action_requested.connect(self.run)
        w.regenerate_action.triggered.connect(lambda: self._on_last(st.ASSISTANT, tr.REGENERATE))
        w.continue_action.triggered.connect(lambda: self._on_last(st.ASSISTANT, tr.CONTINUE))
        w.edit_last_action.triggered.connect(lambda: self._on_last(st.USER, tr.EDIT))
        w.copy_last_action.triggered.connect(lambda: self._on_last(st.ASSISTANT, tr.COPY))

    def _on_last(self, role: str, action: str) -> None:
        """The menu's versions of the links act on the newest message of that role."""
        if self.chat.conversation_id is None:
            return
        branch = self.chat.store.branch(self.chat.conversation_id)
        last = next((m for m in reversed(branch) if m.role == role), None)
        if last is not None:
            self.run(action, last.id)

    def run(self, action: str, message_id: int) -> None:
        if action not in tr.MESSAGE_ACTIONS:
            return  # someone else's link (the welcome page)
        chat = self.chat
        if action == tr.EARLIER:
            if chat.conversation_id is not None:
                chat.open_conversation(chat.conversation_id, show_all=True)
            return
        try:
            message = chat.store.message(message_id)
        except CoveError:  # gone meanwhile (deleted by `cove` or an import)
            return
        if action in (tr.COPY, tr.COPY_TEXT):
            text = markdown_html.to_plain_text(message.content) if action == tr.COPY_TEXT else message.content
            QGuiApplication.clipboard().setText(text)
            chat.window.statusBar().showMessage(self.tr("Message copied."), 3000)
            return
        if chat.generating:
            chat.window.statusBar().showMessage(self.tr("Wait for the answer to finish, or stop it (Esc)."), 5000)
            return
        if action == tr.VERSION:
            chat.store.show_version(message_id)
            chat.open_conversation(message.conversation_id, focus_message_id=message_id)
        elif action == tr.EDIT:
            chat.window.composer.begin_edit(message_id, message.content,
                                            chat.store.attachments_for([message_id]).get(message_id, []))
        elif action == tr.REGENERATE:
            chat.regenerate(message_id)
        elif action == tr.CONTINUE:
            chat.continue_answer(message_id)
        elif action == tr.DELETE:
            self.delete(message)

    def delete(self, message: st.Message) -> None:
        answer = QMessageBox.question(
            self.chat.window, self.tr("Delete message"),
            self.tr("Delete this message? The messages after it stay in the conversation."),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        if self.chat.window.composer.editing_message_id == message.id:
            self.chat.window.composer.cancel_edit()
        self.chat.store.delete_message(message.id)
        self.chat.forget_saved_states()
        self.chat.open_conversation(message.conversation_id)
