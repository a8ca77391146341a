"""The main window's layout: conversation list, transcript, composer, model picker.

This module only builds widgets and exposes them; what happens when they are used is
decided in controller.py, the one place where the window is wired to the core.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.composer import Composer
from app.ui.widgets.model_guard import elide
from app.ui.widgets.transcript import TranscriptView


class ConversationListView(QListView):
    delete_requested = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Delete and self.currentIndex().isValid():
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class ElidedLabel(QLabel):
    """A one-line label that shortens itself with … instead of pushing its neighbours."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(80)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def setText(self, text: str) -> None:
        self._full = elide(text)  # a title of megabytes is cut before Qt measures it (18 s otherwise)
        self.setToolTip(self._full)
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.ElideRight, max(0, self.width() - 4)))


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Cove")
        self.resize(1100, 720)

        # Left: conversations.
        self.new_chat_button = QPushButton(self.tr("New chat"))
        self.new_chat_button.setAccessibleName(self.tr("New chat"))
        self.new_chat_button.setToolTip(self.tr("Start a new conversation (Ctrl+N)"))
        self.conversation_list = ConversationListView()
        self.conversation_list.setAccessibleName(self.tr("Conversations"))
        self.conversation_list.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.conversation_list.setContextMenuPolicy(Qt.CustomContextMenu)
        self.conversation_list.setUniformItemSizes(True)
        self.conversation_list.setSpacing(2)
        self.conversation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.conversation_list.setTextElideMode(Qt.ElideRight)
        left = QWidget()
        self.sidebar = left
        left.setObjectName("sidebar")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 6, 10)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search all chats (Ctrl+K)"))
        self.search_edit.setAccessibleName(self.tr("Search conversations"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_results = QListWidget()
        self.search_results.setAccessibleName(self.tr("Search results"))
        self.search_results.setWordWrap(True)
        self.search_results.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.search_results.setSpacing(3)
        self.search_results.hide()
        # Which conversations the list shows: the chats, the archive or the trash.
        self.view_picker = QComboBox()
        self.view_picker.setAccessibleName(self.tr("Show"))
        self.view_picker.addItem(self.tr("Chats"), "chats")
        self.view_picker.addItem(self.tr("Archived"), "archived")
        self.view_picker.addItem(self.tr("Trash"), "trash")
        self.empty_trash_button = QPushButton(self.tr("Empty trash…"))
        self.empty_trash_button.setAccessibleName(self.tr("Empty trash"))
        self.empty_trash_button.hide()
        left_layout.addWidget(self.new_chat_button)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.view_picker)
        left_layout.addWidget(self.empty_trash_button)
        left_layout.addWidget(self.conversation_list, 1)
        left_layout.addWidget(self.search_results, 1)

        # Right: model bar, transcript, composer.
        self.model_picker = QComboBox()
        self.model_picker.setAccessibleName(self.tr("Model"))
        self.model_picker.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.model_picker.setMinimumWidth(260)
        self.add_model_button = QToolButton()  # an icon: File › Add model file… says it in words
        self.add_model_button.setAccessibleName(self.tr("Add model file"))
        self.add_model_button.setToolTip(self.tr("Copy a .gguf model file into Cove's models folder"))
        self.conversation_title = ElidedLabel()
        self.conversation_title.setObjectName("conversationTitle")
        self.conversation_title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.sidebar_button = QToolButton()
        self.sidebar_button.setAccessibleName(self.tr("Show or hide the conversation list"))
        self.sidebar_button.setToolTip(self.tr("Show or hide the conversation list (Ctrl+B)"))
        self.sidebar_button.setAutoRaise(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 10, 12, 6)
        bar.addWidget(self.sidebar_button)
        bar.addWidget(self.conversation_title, 1)
        self.system_prompt_button = QPushButton(self.tr("System prompt…"))
        self.system_prompt_button.setAccessibleName(self.tr("System prompt for this conversation"))
        self.system_prompt_button.setToolTip(self.tr("Instructions the model follows in this conversation"))
        bar.addWidget(self.system_prompt_button)
        # Answer from the notes folders, citing them (notes_chat_actions.py decides what it may do).
        self.use_notes_button = QPushButton(self.tr("Use my notes"))
        self.use_notes_button.setCheckable(True)
        self.use_notes_button.setAccessibleName(self.tr("Use my notes in this conversation"))
        self.use_notes_button.setObjectName("useNotes")
        self.use_notes_button.toggled.connect(lambda _on: self._notes_icon())
        bar.addWidget(self.use_notes_button)
        bar.addSpacing(12)
        bar.addWidget(self.model_picker)
        self.models_button = QPushButton(self.tr("Models…"))
        self.models_button.setAccessibleName(self.tr("Open the model library"))
        self.models_button.setToolTip(self.tr("Installed models, recommended models, Hub search and downloads (Ctrl+M)"))
        bar.addWidget(self.models_button)
        bar.addWidget(self.add_model_button)

        self.transcript = TranscriptView()
        self.transcript.setFrameShape(QFrame.NoFrame)
        self.composer = Composer()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.transcript, 1)
        right_layout.addWidget(self.composer)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 840])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        # Status bar: what the app is doing (a coloured dot says which state), and the model with its speed.
        self.state_dot = QLabel("●")
        self.state_dot.setAccessibleName(self.tr("State"))
        self.state_label = QLabel()
        self.state_label.setAccessibleName(self.tr("Status"))
        self.model_label = QLabel()
        self.model_label.setAccessibleName(self.tr("Loaded model and speed"))
        status = QStatusBar()
        status.addWidget(self.state_dot)
        status.addWidget(self.state_label, 1)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo delete"))
        self.undo_button.hide()
        status.addPermanentWidget(self.undo_button)
        self.notes_indicator = QPushButton()  # "Indexing notes 45%" while a pass runs; opens Notes folders…
        self.notes_indicator.setAccessibleName(self.tr("Notes indexing progress"))
        self.notes_indicator.setFlat(True)
        self.notes_indicator.hide()
        status.addPermanentWidget(self.notes_indicator)
        status.addPermanentWidget(self.model_label)
        self.setStatusBar(status)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_chat_action = file_menu.addAction(self.tr("&New chat"))
        self.new_chat_action.setShortcut(QKeySequence.New)
        self.add_model_action = file_menu.addAction(self.tr("&Add model file…"))
        self.models_action = file_menu.addAction(self.tr("&Models…"))
        self.models_action.setShortcut(QKeySequence("Ctrl+M"))
        self.settings_action = file_menu.addAction(self.tr("&Settings…"))
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        file_menu.addSeparator()
        self.export_action = file_menu.addAction(self.tr("&Export conversation…"))
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_all_action = file_menu.addAction(self.tr("Export &all conversations…"))
        self.import_action = file_menu.addAction(self.tr("&Import conversations…"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(QKeySequence.Quit)
        self.quit_action.triggered.connect(self.close)
        chat_menu = self.menuBar().addMenu(self.tr("&Chat"))
        self.stop_action = chat_menu.addAction(self.tr("&Stop answer"))
        self.stop_action.setShortcut(QKeySequence(Qt.Key_Escape))
        self.regenerate_action = chat_menu.addAction(self.tr("Re&generate answer"))
        self.regenerate_action.setShortcut(QKeySequence("Ctrl+R"))
        self.continue_action = chat_menu.addAction(self.tr("&Continue answer"))
        self.continue_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.edit_last_action = chat_menu.addAction(self.tr("&Edit last message"))
        self.edit_last_action.setShortcut(QKeySequence("Ctrl+Shift+Up"))
        self.copy_last_action = chat_menu.addAction(self.tr("Cop&y last answer"))
        self.copy_last_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        chat_menu.addSeparator()
        self.rename_action = chat_menu.addAction(self.tr("&Rename conversation…"))
        self.rename_action.setShortcut(QKeySequence(Qt.Key_F2))
        self.pin_action = chat_menu.addAction(self.tr("&Pin / unpin conversation"))
        self.archive_action = chat_menu.addAction(self.tr("Arc&hive / unarchive conversation"))
        self.system_prompt_action = chat_menu.addAction(self.tr("S&ystem prompt…"))
        self.delete_action = chat_menu.addAction(self.tr("&Delete conversation"))
        self.save_conversation_note_action = chat_menu.addAction(self.tr("Save conversation as &note…"))
        chat_menu.addSeparator()
        self.generation_action = chat_menu.addAction(self.tr("&Answer settings…"))
        self.generation_action.setShortcut(QKeySequence("Ctrl+G"))
        notes_menu = self.menuBar().addMenu(self.tr("N&otes"))
        self.notes_folders_action = notes_menu.addAction(self.tr("Notes &folders…"))
        self.notes_folders_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.focus_composer_action = view_menu.addAction(self.tr("&Write a message"))
        self.focus_composer_action.setShortcut(QKeySequence("Ctrl+L"))
        self.search_action = view_menu.addAction(self.tr("&Search all chats"))
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F")])
        self.previous_conversation_action = view_menu.addAction(self.tr("&Previous conversation"))
        self.previous_conversation_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Up")])
        self.next_conversation_action = view_menu.addAction(self.tr("&Next conversation"))
        self.next_conversation_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Down")])
        self.toggle_sidebar_action = view_menu.addAction(self.tr("Show/hide &conversation list"))
        self.toggle_sidebar_action.setShortcut(QKeySequence("Ctrl+B"))
        self.jump_to_latest_action = view_menu.addAction(self.tr("&Jump to latest"))
        self.jump_to_latest_action.setShortcut(QKeySequence("Ctrl+End"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.privacy_action = help_menu.addAction(self.tr("&Privacy…"))
        self.about_action = help_menu.addAction(self.tr("&About Cove"))
        self._search_icon = None
        self.set_icons()
        self.setStyleSheet("""
            #sidebar { background: palette(alternate-base); }
            #conversationTitle { font-size: 15px; font-weight: 600; }
            QListView { border: none; background: transparent; font-size: 13px; }
            QListView::item { padding: 7px 8px; border-radius: 6px; }
            QListView::item:selected { background: palette(highlight); color: palette(highlighted-text); }
            QPlainTextEdit { border: 1px solid palette(mid); border-radius: 8px; padding: 6px; font-size: 14px; }
            QPushButton#useNotes { border: 1px solid palette(mid); border-radius: 4px; padding: 3px 8px;
                                   background: palette(button); }
            QPushButton#useNotes:hover { border-color: palette(highlight); }
            QPushButton#useNotes:checked { background: palette(highlight); color: palette(highlighted-text);
                                           border-color: palette(highlight); }
            QPushButton#useNotes:disabled { color: palette(mid); }
        """)

    def set_icons(self) -> None:
        """Icons in the palette's colours (again after a theme change)."""
        from app.ui.theme import icon

        for widget, name in ((self.new_chat_button, "new-chat"), (self.models_button, "models"),
                             (self.add_model_button, "add-file"), (self.system_prompt_button, "system-prompt"),
                             (self.sidebar_button, "sidebar")):
            widget.setIcon(icon(name))
        self._notes_icon()
        if self._search_icon is None:
            self._search_icon = self.search_edit.addAction(icon("search"), QLineEdit.LeadingPosition)
        self._search_icon.setIcon(icon("search"))
        for action, name in ((self.new_chat_action, "new-chat"), (self.models_action, "models"),
                             (self.settings_action, "settings"), (self.add_model_action, "add-file"),
                             (self.system_prompt_action, "system-prompt"), (self.shortcuts_action, "keyboard"),
                             (self.stop_action, "stop")):
            action.setIcon(icon(name))
        self.composer.set_icons()

    def _notes_icon(self) -> None:
        """On, the toggle is filled with the highlight colour (plainly on, in light and dark): its icon follows."""
        from PySide6.QtGui import QPalette

        from app.ui.theme import icon

        button = self.use_notes_button
        role = QPalette.HighlightedText if button.isChecked() else QPalette.ButtonText
        button.setIcon(icon("use-notes", button.palette().color(role).name()))

    def closeEvent(self, event) -> None:
        self.closing.emit()
        super().closeEvent(event)
