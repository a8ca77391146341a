"""The one place where the window meets the core.

The controller listens to the widgets (send, stop, pick a model, pick or manage a
conversation), calls the core (store, chat turn, model library, settings) and the
engine bridge, and updates the widgets from what comes back. Widgets never see
SQLite or llama.cpp; the engine never sees a widget.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import asdict, replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.core import chat
from app.core import hub as hub_mod
from app.core import policy
from app.core import settings as settings_mod
from app.core import store as st
from app.core.errors import CoveError
from app.core.gguf_file import read_gguf
from app.core.models import ModelEntry, ModelLibrary
from app.core.paths import CovePaths
from app.engine.protocol import LoadOptions
from app.ui.conversation_model import ConversationIdRole, ConversationListModel
from app.ui.engine_bridge import EngineBridge
from app.ui.jobs import ImportModelJob
from app.ui.main_window import MainWindow
from app.ui.models_controller import DownloadsBridge, ModelsController
from app.ui.models_window import ModelsWindow
from app.ui.conversation_actions import ConversationActions
from app.ui.model_import import ModelFileImport
from app.ui.search_panel import SearchPanel
from app.ui.settings_controller import SettingsController
from app.ui import transcript as transcript_mod
from app.ui.message_actions import MessageActions
from app.ui.attachment_actions import AttachmentActions
from app.ui import theme
from app.ui.transfer import Transfer
from app.ui.welcome import Welcome
from app.ui.window_actions import WindowActions
from app.ui.privacy_window import PrivacyActions

# What the window is doing, for the status bar (and tests).
NO_MODEL, LOADING, READY, GENERATING, STOPPED, ERROR = (
    "no model", "loading", "ready", "generating", "stopped", "error")
TYPEAHEAD_PAUSE_MS = 400
STATE_COLOURS = {NO_MODEL: "#d4a017", LOADING: "#3d7be0", READY: "#2e9d5b", GENERATING: "#3d7be0",
                 STOPPED: "#8c959f", ERROR: "#c0392b"}


class ChatController(QObject):
    state_changed = Signal(str)
    answer_finished = Signal(int, str)   # message id, status
    model_import_finished = Signal(bool, str)  # ok, path or message

    def __init__(self, window: MainWindow, store: st.Store, paths: CovePaths,
                 settings: settings_mod.Settings, bridge: EngineBridge | None = None):
        super().__init__(window)
        self.window = window
        self.store = store
        self.paths = paths
        self.library = ModelLibrary(paths.models_dir)
        self.settings = settings
        self.settings_path = paths.settings_file
        self.bridge = bridge or EngineBridge(self)
        self.conversations = ConversationListModel(store, self)
        self.state = ""
        self.conversation_id: int | None = None
        self.loaded_model: str | None = None
        # The answer being generated, if any.
        self.request_id: int | None = None
        self.recorder: chat.AnswerRecorder | None = None
        self.answer_conversation_id: int | None = None
        self.answer_model: str = ""
        self.import_job: ImportModelJob | None = None
        self._selecting = False
        self.downloads = DownloadsBridge(
            paths, lambda: hub_mod.hub_for(self.settings.hub, paths.data_dir), self)
        self.models_window: ModelsWindow | None = None
        self.models_controller: ModelsController | None = None

        self.backend_info: dict = {}
        # Type-ahead: when typing pauses, the engine reads the draft, so that after
        # Enter only what changed is left to process.
        self.typeahead_timer = QTimer(self)
        self.typeahead_timer.setSingleShot(True)
        self.typeahead_timer.setInterval(TYPEAHEAD_PAUSE_MS)
        self.typeahead_timer.timeout.connect(self._prefill_draft)

        self.save_timer = QTimer(self)
        self.save_timer.setInterval(int(chat.SAVE_INTERVAL * 1000))
        self.save_timer.timeout.connect(self._flush_answer)

        w = window
        w.conversation_list.setModel(self.conversations)
        w.conversation_list.selectionModel().currentChanged.connect(self._on_conversation_picked)
        self.conversation_actions = ConversationActions(self)
        self.model_import = ModelFileImport(self)
        self.search_panel = SearchPanel(self)
        self.message_actions = MessageActions(self)
        self.transfer = Transfer(self)
        self.attachments = AttachmentActions(self)
        self.window_actions = WindowActions(self)
        self.privacy = PrivacyActions(self)
        self.welcome = Welcome(self)
        self.system_prompt_dialog = None
        w.conversation_list.customContextMenuRequested.connect(self.conversation_actions.show_menu)
        w.conversation_list.delete_requested.connect(self.delete_current_conversation)
        w.new_chat_button.clicked.connect(self.new_chat)
        w.new_chat_action.triggered.connect(self.new_chat)
        w.add_model_action.triggered.connect(self.choose_model_file)
        w.stop_action.triggered.connect(self.stop)
        w.rename_action.triggered.connect(self.rename_current_conversation)
        self.settings_controller = SettingsController(self)
        w.settings_action.triggered.connect(self.settings_controller.open_settings)
        w.generation_action.triggered.connect(self.settings_controller.open_generation)
        w.delete_action.triggered.connect(self.delete_current_conversation)
        w.composer.send_requested.connect(self.send)
        w.composer.edit.textChanged.connect(self.typeahead_timer.start)
        w.composer.stop_requested.connect(self.stop)
        w.model_picker.currentIndexChanged.connect(self._on_model_picked)
        w.add_model_button.clicked.connect(self.choose_model_file)
        w.models_button.clicked.connect(self.open_models_window)
        w.models_action.triggered.connect(self.open_models_window)
        w.closing.connect(self.shutdown)

        b = self.bridge
        b.model_loading.connect(self._on_model_loading)
        b.model_loaded.connect(self._on_model_loaded)
        b.model_load_failed.connect(self._on_model_load_failed)
        b.token_received.connect(self._on_token)
        b.generation_finished.connect(self._on_finished)
        b.generation_failed.connect(self._on_failed)
        b.engine_died.connect(self._on_engine_died)

        self.apply_appearance()
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(
                lambda _scheme: self.apply_appearance() if self.settings.appearance.theme == "system" else None)
        self.refresh_models()
        self.new_chat()

    # State -----------------------------------------------------------------

    def _set_state(self, state: str, text: str) -> None:
        self.state = state
        label = self.window.state_label
        label.setText(text)
        label.setStyleSheet("color: #c0392b;" if state == ERROR else "")
        self.window.state_dot.setStyleSheet(f"color: {STATE_COLOURS.get(state, '#8c959f')};")
        self.window.state_dot.setToolTip(state)
        self.window.composer.set_generating(state == GENERATING)
        # The model cannot change under an answer being written.
        self.window.model_picker.setEnabled(state != GENERATING and self.window.model_picker.currentData() is not None
                                            and bool(self.window.model_picker.currentData()))
        self.state_changed.emit(state)

    def show_error(self, text: str) -> None:
        self._set_state(ERROR, text)

    @property
    def generating(self) -> bool:
        return self.request_id is not None

    # Models ----------------------------------------------------------------

    def refresh_models(self, select: str | None = None) -> None:
        picker = self.window.model_picker
        models = self.library.installed()
        default = self.library.default_model(select or self.settings.last_model)
        picker.blockSignals(True)
        picker.clear()
        for entry in models:
            picker.addItem(entry.label, str(entry.path))
        picker.setEnabled(bool(models))
        if not models:
            picker.addItem(self.tr("No model yet"), "")
        elif default is not None:
            picker.setCurrentIndex(max(0, picker.findData(str(default.path))))
        picker.blockSignals(False)
        if not models:
            self._set_state(NO_MODEL, self.tr("No model yet: open “Models…” to download one, "
                                              "or click “Add model file…” to use a .gguf file you have.")
                            if policy.current().downloads else self.tr(
                                "No model yet: click “Add model file…” to use a .gguf file from your "
                                "administrator (downloads are turned off on this computer)."))
            self.window.model_label.setText("")
        else:
            self._on_model_picked()

    def apply_appearance(self) -> None:
        """Theme and font size, now and whenever they change (also when the desktop switches light/dark)."""
        app = QApplication.instance()
        theme.apply(app, self.settings.appearance)
        for widget in app.allWidgets():  # style sheets resolve palette() when set: set them again
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())
        self.window.set_icons()
        self.window.transcript.setFont(theme.conversation_font(self.settings.appearance, app.font()))
        if self.conversation_id is not None:
            self.open_conversation(self.conversation_id)  # code colours follow the theme

    def update_settings(self, settings: settings_mod.Settings) -> None:
        appearance_changed = settings.appearance != self.settings.appearance
        self.settings = settings
        if appearance_changed:
            self.apply_appearance()
        try:
            settings_mod.save(self.settings_path, settings)
        except OSError as exc:
            self._set_state(ERROR, self.tr("Could not save settings to {} ({}).").format(
                self.settings_path, exc.strerror))

    def open_models_window(self) -> ModelsWindow:
        if self.models_window is None:
            self.models_window = ModelsWindow(self.window)
            self.models_controller = ModelsController(
                self.models_window, self.paths, self.library, lambda: self.settings, self.update_settings,
                self.store.model_last_used, self.downloads, self.choose_model_file,
                self.settings_controller.edit_chat_template)
            self.models_controller.models_changed.connect(self.refresh_models)
        else:
            self.models_controller.refresh_installed()
        self.models_window.show()
        self.models_window.raise_()
        return self.models_window

    def current_model(self) -> ModelEntry | None:
        path = self.window.model_picker.currentData()
        if not path:
            return None
        return next((m for m in self.library.installed() if str(m.path) == path), None)

    def _engine_options(self, model: ModelEntry) -> LoadOptions:
        return chat.load_options(self.settings, model.name, self.paths.data_dir)

    def _on_model_picked(self, *_args) -> None:
        model = self.current_model()
        if model is None or self.generating:
            return
        try:
            read_gguf(model.path)
        except CoveError as exc:  # a bad file is never kept (or restored) as the last model
            if str(model.path) == self.settings.last_model:
                self.update_settings(replace(self.settings, last_model=""))
            self._set_state(ERROR, str(exc))
            return
        if str(model.path) != self.settings.last_model:
            self.update_settings(replace(self.settings, last_model=str(model.path)))
        if self.loaded_model != str(model.path):
            self.bridge.load(str(model.path), self._engine_options(model))

    def _on_model_loading(self, path: str) -> None:
        self.loaded_model = None
        if not self.generating:
            self._set_state(LOADING, self.tr("Loading {}…").format(Path(path).stem))
        self.window.model_label.setText(self.tr("Loading {}…").format(Path(path).stem))

    def reload_model(self) -> None:
        """Settings that change how a model runs take effect with a fresh load."""
        self.loaded_model = None
        self._on_model_picked()

    def _on_model_loaded(self, path: str, seconds: float, info: dict) -> None:
        self.loaded_model = path
        self.backend_info = info
        self.window.model_label.setText(Path(path).stem)
        if not self.generating:
            self._set_state(READY, self.tr("Ready. Loaded {} in {:.1f} s.").format(Path(path).stem, seconds))

    def _on_model_load_failed(self, path: str, message: str, request_id) -> None:
        self.loaded_model = None
        self.window.model_label.setText("")
        if request_id is not None and request_id == self.request_id:
            self.end_answer(st.ERROR, error=message)
        self._set_state(ERROR, message)

    def choose_model_file(self) -> None:
        self.model_import.choose()

    def import_model(self, source: Path) -> None:
        self.model_import.start(source)

    # Conversations -----------------------------------------------------------

    def new_chat(self) -> None:
        self.conversation_id = None
        self.window.composer.cancel_edit()
        self.window.composer.set_read_only("")
        self.conversation_actions.pending_system_prompt = None
        self.conversation_actions.show_system_prompt(None)
        self._selecting = True
        self.window.conversation_list.clearSelection()
        self.window.conversation_list.setCurrentIndex(self.conversations.index(-1, 0))
        self._selecting = False
        self.window.conversation_title.setText(self.tr("New chat"))
        if not self.welcome.show():
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
        self.window.composer.set_read_only(
            self.tr("This conversation is in the trash. Restore it to write in it.") if conversation.deleted else "")
        live = self.recorder if self.answer_conversation_id == conversation_id else None
        branch = self.store.branch(conversation_id)
        start = 0 if show_all else max(0, len(branch) - transcript_mod.PAGE)
        if focus_message_id is not None:
            start = min(start, next((i for i, m in enumerate(branch) if m.id == focus_message_id), start))
        shown = branch[start:]
        self.window.transcript.show_messages(
            shown, self.store.versions(shown), hidden_before=start,
            live_answer_id=live.message_id if live else None,
            live_text=live.text if live else "",
            attachments=self.store.attachments_for((m.id for m in shown if m.role == "user"), text=False),
        )
        if focus_message_id is not None:
            self.window.transcript.scroll_to_message(focus_message_id)
        if not self.generating:
            answers = [m for m in shown if m.role == "assistant" and m.prompt_tokens is not None]
            self._show_model_line(answers[-1] if answers else None)
        self.select_row(conversation_id)

    def select_row(self, conversation_id_or_row: int, is_row: bool = False) -> None:
        """Highlight a conversation in the list without opening it again."""
        row = conversation_id_or_row if is_row else self.conversations.row_of(conversation_id_or_row)
        if row >= 0:
            self._selecting = True
            self.window.conversation_list.setCurrentIndex(self.conversations.index(row, 0))
            self._selecting = False

    def selected_conversation_id(self) -> int | None:
        index = self.window.conversation_list.currentIndex()
        return index.data(ConversationIdRole) if index.isValid() else None

    def forget_saved_states(self) -> None:
        """Saved engine states hold conversations' tokens: deleted words must not survive there."""
        shutil.rmtree(self.paths.data_dir / "kv-cache", ignore_errors=True)

    def rename_current_conversation(self) -> None:
        self.conversation_actions.rename_current()

    def delete_current_conversation(self) -> None:
        self.conversation_actions.delete_current()

    def export_conversations(self, conversation_ids: list[int] | None = None) -> None:
        self.transfer.export(conversation_ids)

    # Chat turns --------------------------------------------------------------

    def send(self, text: str) -> None:
        """Send the composer's text: a new message, or a new version of the one being edited."""
        edit_of = self.window.composer.editing_message_id
        files = self.attachments.for_sending()
        self._answer(lambda model, sampling: chat.start_turn(
            self.store, self.conversation_id, text, str(model.path), sampling, edit_of=edit_of,
            system_prompt=self.conversation_actions.pending_system_prompt, attachments=files),
            unsaved=self.tr("Your message could not be saved ({}), so it was not sent. It is still "
                            "in the box: try again in a moment."), text=text)

    def regenerate(self, answer_id: int) -> None:
        """A new version of an answer; the old one stays, one click away."""
        self._answer(lambda model, sampling: chat.start_regenerate(self.store, answer_id, str(model.path), sampling))

    def continue_answer(self, answer_id: int) -> None:
        """A stopped answer carries on where it ended, with the model picked now and the answer's own settings."""
        self._answer(lambda model, sampling: chat.start_continue(self.store, answer_id))

    def _answer(self, start, unsaved: str | None = None, text: str | None = None) -> None:
        if self.generating or (text is not None and not text.strip()):
            return
        model = self.current_model()
        if model is None:
            self._set_state(NO_MODEL, self.tr("Add a model first: click “Add model file…”."))
            return
        try:
            read_gguf(model.path)
            conversation = self.store.conversation(self.conversation_id) if self.conversation_id else None
            sampling = chat.effective_sampling(self.settings, model.name, conversation)
            turn = start(model, sampling)
        except CoveError as exc:
            self._set_state(ERROR, str(exc))
            return
        except sqlite3.Error as exc:
            self._set_state(ERROR, (unsaved or self.tr("Cove could not write to its database ({}).")).format(exc))
            return
        if text is not None:
            self.window.composer.clear()
            self.conversation_actions.pending_system_prompt = None
        if turn.continue_text:  # continue with what the answer was started with
            settings = turn.answer.generation_settings or {}
            sampling = settings_mod.parse_sampling({k: v for k, v in settings.items() if k != "n_ctx"})[0]
        self.conversation_id = turn.conversation.id
        self.answer_conversation_id = turn.conversation.id
        self.answer_model = model.name
        self.recorder = chat.AnswerRecorder(self.store, turn.answer.id, text=turn.continue_text)
        self.conversations.refresh()
        self.typeahead_timer.stop()
        self.request_id = self.bridge.generate(
            str(model.path), self._engine_options(model), turn.prompt_messages, asdict(sampling),
            self.settings.engine.overflow, turn.continue_text)
        self.open_conversation(turn.conversation.id)
        self.save_timer.start()
        self._set_state(GENERATING, self.tr("Generating… (Esc to stop)"))

    def _prefill_draft(self) -> None:
        model = self.current_model()
        draft = self.window.composer.edit.toPlainText()
        if (not self.settings.engine.typeahead or self.generating or model is None or not draft.strip()
                or self.loaded_model != str(model.path)):
            return
        if self.window.composer.editing_message_id is not None:
            return  # an edited message is not where the conversation ends: nothing to reuse
        history = []
        if self.conversation_id:
            conversation = self.store.conversation(self.conversation_id)
            history = chat.branch_prompt(self.store, self.store.branch(self.conversation_id), conversation.system_prompt)
        elif self.conversation_actions.pending_system_prompt:
            history = chat.prompt_messages([], self.conversation_actions.pending_system_prompt)
        self.bridge.prefill(str(model.path), self._engine_options(model),
                            history + [{"role": "user", "content": chat.prompt_content(
                                draft, self.window.composer.attachment_bar.attachments())}],
                            self.settings.engine.overflow)

    def stop(self) -> None:
        """Esc: stop the answer being written, or else leave editing a message."""
        if self.generating:
            self.bridge.stop()
            self._set_state(GENERATING, self.tr("Stopping…"))
        else:
            self.window.composer.cancel_edit()

    def _flush_answer(self) -> None:
        if self.recorder is not None:
            self.recorder.flush()

    def _on_token(self, request_id: int, text: str) -> None:
        if request_id != self.request_id or self.recorder is None:
            return
        self.recorder.append(text)
        if self.conversation_id == self.answer_conversation_id:
            self.window.transcript.append_answer_text(text)

    def _on_finished(self, request_id: int, status: str, reason: str, stats: dict) -> None:
        if request_id != self.request_id:
            return
        message = self.end_answer(status, stats=stats)
        if message is None:
            return
        self._show_model_line(message)
        if status == st.STOPPED:
            self._set_state(STOPPED, self.tr("Stopped. What was written is saved."))
        elif reason == "length":
            self._set_state(READY, self.tr("The answer reached the length limit."))
        else:
            self._set_state(READY, self.tr("Ready."))

    def _show_model_line(self, message: st.Message | None) -> None:
        """Status bar, right: the model, its last speed, and how full the context is."""
        model = self.current_model()
        parts = [model.name] if model else []
        if message is not None and message.role == "assistant":
            if message.tokens_per_second:
                parts.append(self.tr("{:.1f} tok/s").format(message.tokens_per_second))
            n_ctx = (message.generation_settings or {}).get("n_ctx")
            if n_ctx and message.prompt_tokens is not None:
                used = message.prompt_tokens + (message.completion_tokens or 0)
                parts.append(self.tr("context {:,} / {:,} tokens").format(used, n_ctx))
        self.window.model_label.setText(" · ".join(parts))

    def _on_failed(self, request_id: int, message: str) -> None:
        if request_id == self.request_id:
            self.end_answer(st.ERROR, error=message)
            self._set_state(ERROR, message)

    def _on_engine_died(self, message: str, request_id) -> None:
        self.loaded_model = None
        self.window.model_label.setText("")
        if request_id is not None and request_id == self.request_id:
            self.end_answer(st.ERROR, error=message)
        self._set_state(ERROR, message)

    def end_answer(self, status: str, stats: dict | None = None, error: str | None = None) -> st.Message | None:
        recorder, self.recorder = self.recorder, None
        self.request_id = None
        self.save_timer.stop()
        if recorder is None or recorder.finished:
            return None
        try:
            message = recorder.finish(status, stats, error)
        except sqlite3.Error as exc:
            self._set_state(ERROR, self.tr("The answer could not be saved ({}). It stays on screen; copy what "
                                           "you need before closing.").format(exc))
            return None
        self.answer_conversation_id = None
        self.conversations.refresh()
        if self.conversation_id == message.conversation_id:
            self.open_conversation(message.conversation_id)  # the finished answer, with its actions
        elif self.conversation_id is not None:
            self.select_row(self.conversation_id)
        self.answer_finished.emit(message.id, status)
        return message

    def shutdown(self) -> None:
        """Window closing: keep what was written, then end the engine."""
        if self.generating:
            self.bridge.stop()
            self.end_answer(st.STOPPED)
        if self.import_job is not None:
            self.import_job.cancel()
            self.import_job.wait()
        self.downloads.queue.close()  # a download in progress pauses; it resumes next time
        self.bridge.shutdown()
