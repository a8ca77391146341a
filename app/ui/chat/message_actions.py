"""What the links under each message do: copy, edit, regenerate, continue, delete, versions.

The transcript only reports which link was clicked; this object asks the store and
the window (navigation, the answer session) to act, and refuses (with a line in the status bar) what cannot be
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
    def __init__(self, window, store: st.Store, nav, session, regenerate, continue_answer, forget_saved_states,
                 parent=None):
        """`nav` is the window's Navigation; `session` the AnswerSession (nothing changes while it writes)."""
        super().__init__(parent)
        self.window, self.store, self.nav, self.session = window, store, nav, session
        self.regenerate, self.continue_answer = regenerate, continue_answer
        self.forget_saved_states = forget_saved_states
        w = window
        w.transcript.action_requested.connect(self.run)
        w.regenerate_action.triggered.connect(lambda: self._on_last(st.ASSISTANT, tr.REGENERATE))
        w.continue_action.triggered.connect(lambda: self._on_last(st.ASSISTANT, tr.CONTINUE))
        w.edit_last_action.triggered.connect(lambda: self._on_last(st.USER, tr.EDIT))
        w.copy_last_action.triggered.connect(lambda: self._on_last(st.ASSISTANT, tr.COPY))

    def _on_last(self, role: str, action: str) -> None:
        """The menu's versions of the links act on the newest message of that role."""
        conversation_id = self.nav.current()
        if conversation_id is None:
            return
        branch = self.store.branch(conversation_id)
        last = next((m for m in reversed(branch) if m.role == role), None)
        if last is not None:
            self.run(action, last.id)

    def run(self, action: str, message_id: int) -> None:
        if action not in tr.MESSAGE_ACTIONS:
            return  # someone else's link (the welcome page)
        if action == tr.EARLIER:
            if self.nav.current() is not None:
                self.nav.open(self.nav.current(), show_all=True)
            return
        try:
            message = self.store.message(message_id)
        except CoveError:  # gone meanwhile (deleted by `cove` or an import)
            return
        if action in (tr.COPY, tr.COPY_TEXT):
            text = markdown_html.to_plain_text(message.content) if action == tr.COPY_TEXT else message.content
            QGuiApplication.clipboard().setText(text)
            self.window.statusBar().showMessage(self.tr("Message copied."), 3000)
            return
        if self.session.generating:
            self.window.statusBar().showMessage(self.tr("Wait for the answer to finish, or stop it (Esc)."), 5000)
            return
        if action == tr.VERSION:
            self.store.show_version(message_id)
            self.nav.open(message.conversation_id, focus_message_id=message_id)
        elif action == tr.EDIT:
            self.window.composer.begin_edit(message_id, message.content,
                                            self.store.attachments_for([message_id]).get(message_id, []))
        elif action == tr.REGENERATE:
            self.regenerate(message_id)
        elif action == tr.CONTINUE:
            self.continue_answer(message_id)
        elif action == tr.DELETE:
            self.delete(message)

    def delete(self, message: st.Message) -> None:
        answer = QMessageBox.question(
            self.window, self.tr("Delete message"),
            self.tr("Delete this message? The messages after it stay in the conversation."),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        if self.window.composer.editing_message_id == message.id:
            self.window.composer.cancel_edit()
        self.store.delete_message(message.id)
        self.forget_saved_states()
        self.nav.open(message.conversation_id)
