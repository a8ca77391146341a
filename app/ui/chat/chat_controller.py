"""The chat window put together: which part does what, and which conversation is shown.

The controller composes the window's parts, each with only what it needs: the
answer session (turns, streaming, stopping), the model picker, the status bar
presenter, the settings object, the background task runner, and the actions on
conversations, messages, attachments, search, export, settings and models. What it
does itself is navigation: a new chat, opening a conversation (its branch, focused on
a message or not), and keeping the conversation list's selection in step. Widgets
never see SQLite or llama.cpp; the engine never sees a widget.
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.core import housekeeping, policy, speed
from app.core import settings as settings_mod
from app.core import store as st
from app.core.models import ModelLibrary
from app.core.paths import CovePaths
from app.ui import theme
from app.ui.chat.answer_session import AnswerSession, Draft
from app.ui.chat.attachment_actions import AttachmentActions
from app.ui.chat.conversation_actions import ConversationActions
from app.ui.chat.export_actions import ExportActions
from app.ui.chat.list_sync import ListSync
from app.ui.chat.message_actions import MessageActions
from app.ui.chat.model_picker import ModelPicker
from app.ui.chat.navigation import Navigation
from app.ui.chat.note_saving_actions import NoteSavingActions
from app.ui.chat.notes_chat_actions import NotesChatActions
from app.ui.chat.remote_models import RemoteModels
from app.ui.chat.search_actions import SearchActions
from app.ui.chat.status_presenter import GENERATING, StatusPresenter
from app.ui.chat.welcome_actions import WelcomeActions
from app.ui.chat.window_actions import WindowActions
from app.ui.engine_bridge import EngineBridge
from app.ui.models.model_sources_actions import ModelSourcesActions
from app.ui.notes.meaning_search import MeaningSearch
from app.ui.notes.notes_actions import NotesActions
from app.ui.settings.data_deletion_actions import DataDeletionActions
from app.ui.settings.privacy_actions import PrivacyActions
from app.ui.settings.settings_actions import SettingsActions
from app.ui.settings_model import SettingsModel
from app.ui.tasks import ErrorPresenter, TaskRunner
from app.ui.widgets import transcript as transcript_mod
from app.ui.widgets.conversation_model import ConversationIdRole, ConversationListModel
from app.ui.widgets.main_window import MainWindow


class ChatController(QObject):
    answer_finished = Signal(int, str)   # message id, status

    def __init__(self, window: MainWindow, store: st.Store, paths: CovePaths,
                 settings: settings_mod.Settings, bridge: EngineBridge | None = None,
                 tasks: TaskRunner | None = None):
        super().__init__(window)
        self.window = window
        self.store = store
        self.paths = paths
        self.settings_model = SettingsModel(settings, paths.settings_file, self)
        self.bridge = bridge or EngineBridge(self)
        self.conversations = ConversationListModel(store, self)
        self.conversation_id: int | None = None
        self._selecting = False
        w = window

        self.status = StatusPresenter(w.state_label, w.state_dot, w.model_label, self)
        self.state_changed = self.status.state_changed
        self.status.state_changed.connect(self._on_state)
        self.errors = ErrorPresenter(self.status.show_error, self)
        self.tasks = tasks or TaskRunner(self.errors, self)
        self.settings_model.changed.connect(self._on_settings_changed)
        self.settings_model.save_failed.connect(self.status.show_error)

        self.library = ModelLibrary(paths.models_dir, shared_dir=policy.current().shared_models_folder)
        # Remote servers' models beside the local ones; the bridge answers with them through its RemoteEngine.
        self.remote_models = RemoteModels(self.settings_model, paths.data_dir, self.tasks, self)
        self.remote_models.failed.connect(lambda _url, text: self.status.show_error(text))
        if hasattr(self.bridge, "remote_servers"):
            self.bridge.remote_servers = self.remote_models.servers
        self.models = ModelPicker(w.model_picker, self.library, self.settings_model, self.bridge, self.status,
                                  paths.data_dir, busy=lambda: self.session.generating, parent=self,
                                  remote=self.remote_models, tasks=self.tasks)
        self.session = AnswerSession(store, self.bridge, self.settings_model, self.models, draft=self._draft,
                                     parent=self)
        s = self.session
        s.status.connect(self.status.set_state)
        s.sent.connect(self._on_sent)
        s.started.connect(self._on_answer_started)
        s.token.connect(self._on_token)
        s.reading.connect(lambda cid, done, total: self.window.transcript.show_reading(done, total)
                          if cid == self.conversation_id else None)
        s.ended.connect(self._on_answer_ended)
        s.finished.connect(lambda message, _status, _reason: self._show_model_line(message, finished=True))

        self.model_sources = ModelSourcesActions(w, paths, self.library, self.settings_model, self.tasks,
                                                 self.models, store.model_last_used, self)

        w.conversation_list.setModel(self.conversations)
        w.conversation_list.selectionModel().currentChanged.connect(self._on_conversation_picked)
        self.nav = Navigation(current=lambda: self.conversation_id, open=self.open_conversation,
                              new_chat=self.new_chat, select=self.select_row,
                              select_row=lambda row: self.select_row(row, is_row=True),
                              selected=self.selected_conversation_id, refresh=self.conversations.refresh)
        self.export_actions = ExportActions(w, store, self.status, self.nav, self)
        self.list_sync = ListSync(w, store, self.conversations, self.nav, lambda: self.session.generating, self)
        # The same start-up housekeeping as `cove`: expired trash, the admin's retention rule
        housekeeping.at_start(store, paths, settings.storage.trash_days)
        self.conversation_actions = ConversationActions(
            w, store, self.conversations, self.settings_model, self.nav, self.session,
            self.forget_saved_states, self.export_actions.export, self)
        self.conversation_actions.note = self.status.show_note
        self.search_actions = SearchActions(w, store, self.tasks, self.nav, self)
        self.message_actions = MessageActions(w, store, self.nav, self.session, self.regenerate,
                                              self.continue_answer, self.forget_saved_states, self)
        self.attachment_actions = AttachmentActions(
            w, store, self.bridge, self.settings_model, self.models, self.nav, self.status.state_changed,
            lambda: self.conversation_actions.pending_system_prompt, self.tasks, self)
        self.notes_chat = NotesChatActions(w, store, paths, self.settings_model, self.models, self.tasks,
                                           self.session, lambda: self.conversation_id, self)
        self.note_saving = NoteSavingActions(w, store, paths, self.settings_model, self.tasks,
                                             self.notes_chat.offer_add_folder, lambda: self.conversation_id, self)
        self.window_actions = WindowActions(w, self.conversations, lambda: self.conversation_id, self)
        self.privacy_actions = PrivacyActions(w, self.settings_model, paths, self)
        self.notes_actions = NotesActions(w, paths, self.tasks, self.errors, self)  # indexes in the background
        self.welcome_actions = WelcomeActions(
            w.transcript, store, self.library, self.tasks, lambda: self.conversation_id,
            self.window_actions.focus_composer, self.model_sources.choose_file, self.model_sources.open_for, self,
            speed_file=paths.speed_file)
        self.settings_actions = SettingsActions(
            w, store, paths, self.settings_model, self.models, self.nav,
            DataDeletionActions(w, paths, store, self.bridge, self.session, self.models, self._show_empty), self,
            tasks=self.tasks)
        self.model_sources.edit_chat_template = self.settings_actions.edit_chat_template
        self.welcome_actions.remote_model = self._picked_remote
        w.model_picker.currentIndexChanged.connect(lambda *_: self.welcome_actions.render_again())
        self.remote_models.changed.connect(self.welcome_actions.render_again)  # after the picker listed them
        self.settings_actions.data_deletion.notes = self.notes_actions
        self.notes_actions.connect_chat(self.notes_chat, MeaningSearch(paths, lambda: self.settings,
                                                                       lambda: self.bridge.client, self),
                                        self.model_sources.downloads.item_changed)
        w.new_chat_button.clicked.connect(self.new_chat)
        w.new_chat_action.triggered.connect(self.new_chat)
        w.stop_action.triggered.connect(self.stop)
        w.composer.send_requested.connect(self.send)
        w.composer.edit.textChanged.connect(self.session.draft_changed)
        w.composer.stop_requested.connect(self.stop)
        w.closing.connect(self.shutdown)

        theme.style_new_window(QApplication.instance(), self.settings.appearance, self.window)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(
                lambda _scheme: self.apply_appearance() if self.settings.appearance.theme == "system" else None)
        self.models.refresh()
        self.remote_models.refresh()
        self.new_chat()

    # What the parts share ------------------------------------------------------

    @property
    def settings(self) -> settings_mod.Settings:
        return self.settings_model.value

    def update_settings(self, settings: settings_mod.Settings) -> None:
        self.settings_model.update(settings)

    @property
    def state(self) -> str:
        return self.status.state

    def _on_state(self, state: str) -> None:
        w = self.window
        w.composer.set_generating(state == GENERATING)
        # The model cannot change under an answer being written.
        w.model_picker.setEnabled(state != GENERATING and bool(w.model_picker.currentData()))

    def _on_settings_changed(self, settings: settings_mod.Settings, previous: settings_mod.Settings) -> None:
        if settings.appearance != previous.appearance:
            self.apply_appearance()
        if settings.remote_servers != previous.remote_servers:
            self.remote_models.refresh()
            self.models.refresh()

    def apply_appearance(self) -> None:
        """Theme and font size, now and whenever they change (also when the desktop switches light/dark)."""
        theme.restyle(QApplication.instance(), self.settings.appearance, self.window)
        if self.conversation_id is not None:
            self.open_conversation(self.conversation_id)  # code colours follow the theme

    def forget_saved_states(self) -> None:
        """Saved engine states hold conversations' tokens: deleted words must not survive there."""
        shutil.rmtree(self.paths.kv_cache_dir, ignore_errors=True)

    # Conversations -----------------------------------------------------------

    def new_chat(self) -> None:
        self.conversation_id = None
        self.window.composer.cancel_edit()
        self.window.composer.set_read_only("")
        self.conversation_actions.pending_system_prompt = None
        self.conversation_actions.show_system_prompt(None)
        self.notes_chat.refresh(None)
        self._selecting = True
        self.window.conversation_list.clearSelection()
        self.window.conversation_list.setCurrentIndex(self.conversations.index(-1, 0))
        self._selecting = False
        self.window.conversation_title.setText(self.tr("New chat"))
        self.status.clear_answer_stats()  # not the last chat's speed and context
        if not self.welcome_actions.show():
            self.window.transcript.set_placeholder(
                self.tr("Everything you write stays on this computer.\nType a message below to start."))
        self.window.composer.edit.setFocus()

    def _on_conversation_picked(self, current, _previous) -> None:
        if self._selecting or not current.isValid():
            return
        self.open_conversation(current.data(ConversationIdRole))

    def open_conversation(self, conversation_id: int, focus_message_id: int | None = None,
                          show_all: bool = False) -> None:
        """Show a conversation's branch: its newest messages, or down from the one to focus."""
        if focus_message_id is not None and focus_message_id not in {
                m.id for m in self.store.branch(conversation_id)}:
            self.store.show_version(focus_message_id)  # a search hit on another branch: show that branch
        if conversation_id != self.conversation_id:
            self.window.composer.cancel_edit()
        self.conversation_id = conversation_id
        conversation = self.store.conversation(conversation_id)
        self.window.conversation_title.setText(conversation.title)
        self.conversation_actions.show_system_prompt(conversation.system_prompt)
        self.notes_chat.refresh(conversation)
        self.window.composer.set_read_only(
            self.tr("This conversation is in the trash. Restore it to write in it.") if conversation.deleted else "")
        live_id, live_text = self.session.live_text(conversation_id)
        branch = self.store.branch(conversation_id)
        start = 0 if show_all else max(0, len(branch) - transcript_mod.PAGE)
        if focus_message_id is not None:
            start = min(start, next((i for i, m in enumerate(branch) if m.id == focus_message_id), start))
        shown = branch[start:]
        self.window.transcript.show_messages(
            shown, self.store.versions(shown), hidden_before=start,
            live_answer_id=live_id, live_text=live_text,
            attachments=self.store.attachments_for((m.id for m in shown if m.role == "user"), text=False),
            sources=self.store.sources_for(m.id for m in shown if m.role == "assistant"),
        )
        if focus_message_id is not None:
            self.window.transcript.scroll_to_message(focus_message_id)
        if not self.session.generating:
            answers = [m for m in shown if m.role == "assistant" and m.prompt_tokens is not None]
            self._show_model_line(answers[-1] if answers else None)
        self.select_row(conversation_id)

    def select_row(self, conversation_id_or_row: int, is_row: bool = False) -> None:
        """Highlight a conversation in the list without opening it again. One not in the list (archived
        while the chats are listed) highlights nothing: a row left highlighted would name another chat."""
        row = conversation_id_or_row if is_row else self.conversations.find_row(conversation_id_or_row)
        view = self.window.conversation_list
        self._selecting = True
        if row >= 0:
            view.setCurrentIndex(self.conversations.index(row, 0))
        else:
            view.selectionModel().clear()
        self._selecting = False

    def selected_conversation_id(self) -> int | None:
        index = self.window.conversation_list.currentIndex()
        return index.data(ConversationIdRole) if index.isValid() else None

    # Chat turns (the answer session does the work) ------------------------------

    def send(self, text: str) -> None:
        """Send the composer's text: a new message, or a new version of the one being edited."""
        self.session.send(self.conversation_id, text, edit_of=self.window.composer.editing_message_id,
                          system_prompt=self.conversation_actions.pending_system_prompt,
                          attachments=self.attachment_actions.for_sending())

    def regenerate(self, answer_id: int) -> None:
        self.session.regenerate(self.conversation_id, answer_id)

    def continue_answer(self, answer_id: int) -> None:
        self.session.continue_answer(self.conversation_id, answer_id)

    def stop(self) -> None:
        """Esc: stop the answer being written, or else leave editing a message."""
        if not self.session.stop():
            self.window.composer.cancel_edit()

    def _draft(self) -> Draft:
        composer = self.window.composer
        return Draft(composer.edit.toPlainText(), self.conversation_id, composer.attachment_bar.attachments(),
                     self.conversation_actions.pending_system_prompt, composer.editing_message_id is not None)

    def _on_sent(self) -> None:
        self.window.composer.clear()
        self.conversation_actions.pending_system_prompt = None

    def _on_answer_started(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        self.conversations.refresh()
        self.open_conversation(conversation_id)

    def _on_token(self, conversation_id: int, text: str) -> None:
        if self.conversation_id == conversation_id:
            self.window.transcript.append_answer_text(text)

    def _on_answer_ended(self, message: st.Message, status: str) -> None:
        self.conversations.refresh()
        if self.conversation_id == message.conversation_id:
            self.open_conversation(message.conversation_id)  # the finished answer, with its actions
        elif self.conversation_id is not None:
            self.select_row(self.conversation_id)
        self.answer_finished.emit(message.id, status)

    def _picked_remote(self):
        """The remote model picked, or None (a local one, or none)."""
        model = self.models.current_model()
        return model if getattr(model, "remote", False) else None

    def _show_model_line(self, message: st.Message | None, finished: bool = False) -> None:
        model = self.models.current_model()
        self.status.show_model_line(model.name if model else None, message)
        if finished and model is not None and message is not None and not getattr(model, "remote", False):
            # This machine's real speed, for advice (a remote model's speed is its server's). On the pool:
            # the file is written with an fsync, which froze the window as an answer ended.
            size, rate, tokens = model.size, message.tokens_per_second, message.completion_tokens
            self.tasks.run(lambda: speed.record(self.paths.speed_file, size, rate, tokens))

    # All data deleted, closing ------------------------------------------------------

    def _show_empty(self) -> None:
        """After "Delete all my data": the window shows the empty database (and what models are left)."""
        self.window.search_edit.clear()
        self.conversations.refresh()
        self.new_chat()  # first: the conversation on screen is gone
        self.notes_chat.folders_changed()  # the notes index went with the rest
        self.models.refresh()
        self.model_sources.refresh_installed()

    def shutdown(self) -> None:
        """Window closing: keep what was written, let background work (a daily backup) finish, end the engine."""
        self.session.stop_and_end()
        self.settings_actions.local_server.stop(wait=True)  # nothing left listening once the window is gone
        self.model_sources.close()
        self.notes_actions.close()
        self.tasks.wait_for_done(5.0)  # a backup still copying holds the database open
        self.bridge.shutdown()
