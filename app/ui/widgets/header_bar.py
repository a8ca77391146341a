"""The row over the transcript: sidebar toggle, chat title, system prompt, notes, model and models.

The chat title takes the room the buttons leave (elided only when it does not fit).
When there is not room for all, buttons drop their words one by one (their icons stay,
their tooltips and accessible names say what they do): first System prompt and Use my
notes, then Add file and Models, so that at 1366 px the title has room for a real
title and at 800 px (a tiled half screen) the window never asks for more width than
the screen has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSizePolicy, QToolButton, QWidget

from app.ui.widgets.elided_label import ElidedLabel

TITLE_ROOM = 300  # the title's room before buttons drop their words
PICKER_WIDTH = (150, 220)  # the model drop-down's width: narrow, normal (the open list is wider)
GAP = 8  # between neighbouring controls: the drop-down never touches "Models…"


class CompactButton(QPushButton):
    """A push button that can hide its words (compact) and show them again; text() is always the words."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self._words = text
        self._compact = False

    def setText(self, text: str) -> None:
        self._words = text
        super().setText("" if self._compact else text)

    def text(self) -> str:
        return self._words

    def set_compact(self, compact: bool) -> None:
        self._compact = compact
        super().setText("" if compact else self._words)

    def is_compact(self) -> bool:
        return self._compact

    def full_width(self) -> int:
        """The width with words, whichever way it is shown now."""
        return self.fontMetrics().horizontalAdvance(self._words) + self.iconSize().width() + 36


class HeaderBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        tr = self.tr
        self.sidebar_button = QToolButton()
        self.sidebar_button.setAccessibleName(tr("Show or hide the conversation list"))
        self.sidebar_button.setToolTip(tr("Show or hide the conversation list (Ctrl+B)"))
        self.sidebar_button.setAutoRaise(True)
        self.conversation_title = ElidedLabel(minimum=120)
        self.conversation_title.setObjectName("conversationTitle")
        self.conversation_title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.conversation_title.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.system_prompt_button = CompactButton(tr("System prompt…"))
        self.system_prompt_button.setAccessibleName(tr("System prompt for this conversation"))
        self.system_prompt_button.setToolTip(tr("Instructions the model follows in this conversation"))
        # Answer from the notes folders, citing them (notes_chat_actions.py decides what it may do).
        self.use_notes_button = CompactButton(tr("Use my notes"))
        self.use_notes_button.setCheckable(True)
        self.use_notes_button.setAccessibleName(tr("Use my notes in this conversation"))
        self.use_notes_button.setObjectName("useNotes")
        self.model_picker = QComboBox()
        self.model_picker.setAccessibleName(tr("Model"))
        # Not AdjustToContents: a long model name took the title's room. The open list shows names in full.
        self.model_picker.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.model_picker.setMinimumContentsLength(16)
        self.model_picker.view().setTextElideMode(Qt.ElideNone)
        self.model_picker.view().setMinimumWidth(320)
        self.models_button = CompactButton(tr("Models…"))
        self.models_button.setAccessibleName(tr("Open the model library"))
        self.models_button.setToolTip(tr("Installed models, recommended models, Hub search and downloads (Ctrl+M)"))
        self.add_model_button = CompactButton(tr("Add file…"))
        self.add_model_button.setAccessibleName(tr("Add model file"))
        self.add_model_button.setToolTip(tr("Add a model file: copy a .gguf file into Cove's models folder"))

        bar = QHBoxLayout(self)
        bar.setContentsMargins(12, 10, 12, 6)
        bar.setSpacing(GAP)
        bar.addWidget(self.sidebar_button)
        bar.addWidget(self.conversation_title, 1)
        bar.addWidget(self.system_prompt_button)
        bar.addWidget(self.use_notes_button)
        bar.addSpacing(GAP)
        bar.addWidget(self.model_picker)
        bar.addWidget(self.models_button)
        bar.addWidget(self.add_model_button)
        # In the order they drop their words when room is short.
        self.buttons = (self.system_prompt_button, self.use_notes_button, self.add_model_button, self.models_button)
        self.level = -1  # how many of them show their icon only
        self.set_level(0)
        # The layout must not turn the buttons' widths with words into the window's minimum width.
        self.setMinimumWidth(self._needed(len(self.buttons)))

    def _needed(self, level: int) -> int:
        """The width of the row with the first `level` buttons icon-only and TITLE_ROOM for the title
        (all icon-only: the title's minimum, the narrow drop-down)."""
        narrowest = level == len(self.buttons)
        buttons = sum(32 if i < level else b.full_width() for i, b in enumerate(self.buttons))
        picker = PICKER_WIDTH[0] if narrowest else PICKER_WIDTH[1]
        title = self.conversation_title.minimumSizeHint().width() if narrowest else TITLE_ROOM
        return 24 + 32 + title + buttons + picker + GAP * 9

    def set_level(self, level: int) -> None:
        if level == self.level:
            return
        self.level = level
        for i, button in enumerate(self.buttons):
            button.set_compact(i < level)  # the tooltips say what each does, in words
        self.model_picker.setFixedWidth(PICKER_WIDTH[0] if level == len(self.buttons) else PICKER_WIDTH[1])

    def resizeEvent(self, event) -> None:
        width = event.size().width()
        self.set_level(next((level for level in range(len(self.buttons)) if self._needed(level) <= width),
                            len(self.buttons)))
        super().resizeEvent(event)
