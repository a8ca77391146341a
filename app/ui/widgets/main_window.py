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
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.composer import Composer
from app.ui.widgets.elided_label import ElidedLabel
from app.ui.widgets.header_bar import HeaderBar
from app.ui.widgets.transcript import TranscriptView


class ConversationListView(QListView):
    delete_requested = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Delete and self.currentIndex().isValid():
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


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

        # Right: the header row (header_bar.py), transcript, composer.
        header = HeaderBar()
        self.header = header
        self.sidebar_button, self.conversation_title = header.sidebar_button, header.conversation_title
        self.system_prompt_button, self.use_notes_button = header.system_prompt_button, header.use_notes_button
        self.model_picker, self.models_button = header.model_picker, header.models_button
        self.add_model_button = header.add_model_button
        self.use_notes_button.toggled.connect(lambda _on: self._notes_icon())

        self.transcript = TranscriptView()
        self.transcript.setFrameShape(QFrame.NoFrame)
        self.composer = Composer()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(header)
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
        self.state_label = ElidedLabel(keep_lines=True)  # a long message never widens the window
        self.state_label.setAccessibleName(self.tr("Status"))
        self.model_label = ElidedLabel(minimum=120, keep_lines=True)
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
