"""The conversation list as a Qt item model over the store.

Pinned conversations first, then the most recent activity. The rows are fetched a
page at a time as the user scrolls (canFetchMore/fetchMore), so ten thousand
conversations open as fast as ten. The same model shows the archive or the trash.

Rows may come from imported data: each is checked on the way in (a title that is
not text, or of ten megabytes, a date that is not one), and a title is cut to what
a list shows before Qt lays it out (a 10 MB title took 18 s per paint). The model
is `guarded`: whatever still fails is logged, never raised inside a paint.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from app.core.store import ARCHIVED, CHATS, TRASH, Conversation, Store
from app.ui.widgets import model_guard as g

ConversationIdRole = Qt.UserRole + 1
PinnedRole = Qt.UserRole + 2
FETCH_PAGE = 100


def _clean(conversation: Conversation) -> Conversation:
    """The fields the list shows, as text of a size it can show."""
    return replace(conversation, title=g.elide(conversation.title) or "New chat",
                   updated=g.text(conversation.updated, 40), pinned=conversation.pinned in (1, True),
                   deleted=g.text(conversation.deleted, 40) if conversation.deleted is not None else None)


@g.guarded
class ConversationListModel(QAbstractListModel):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.view = CHATS
        self._rows: list[Conversation] = []
        self._total = 0
        self.refresh()

    def set_view(self, view: str) -> None:
        self.view = view
        self.refresh()

    def refresh(self) -> None:
        """Reload, keeping as many rows as were loaded (so the selection and scroll survive)."""
        wanted = max(FETCH_PAGE, len(self._rows))
        self.beginResetModel()
        self._total = self.store.count_conversations(self.view)
        self._rows = [_clean(c) for c in self.store.conversations(limit=wanted, view=self.view)]
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self.store.conversations(limit=FETCH_PAGE, offset=len(self._rows), view=self.view)
        more = [_clean(c) for c in more]
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        else:
            self._total = len(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        conversation = self._rows[index.row()]
        if role == Qt.DisplayRole:
            return ("★ " if conversation.pinned and self.view != TRASH else "") + conversation.title
        if role == Qt.EditRole:
            return conversation.title
        if role == Qt.ToolTipRole:
            when = (conversation.deleted if self.view == TRASH else conversation.updated) or ""
            label = self.tr("Deleted") if self.view == TRASH else self.tr("Last activity")
            pinned = "\n" + self.tr("Pinned") if conversation.pinned else ""
            return f"{conversation.title}\n{label}: {when[:16].replace('T', ' ')} UTC{pinned}"
        if role == Qt.AccessibleTextRole:
            return (self.tr("Pinned: ") if conversation.pinned else "") + conversation.title
        if role == Qt.FontRole and conversation.pinned and self.view != TRASH:
            font = QFont()
            font.setBold(True)
            return font
        if role == ConversationIdRole:
            return conversation.id
        if role == PinnedRole:
            return bool(conversation.pinned)
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        return base | Qt.ItemIsEditable if index.isValid() and self.view != TRASH else base

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        title = str(value).strip()
        if not title:
            return False
        self.store.rename_conversation(self._rows[index.row()].id, title)
        self.refresh()
        return True

    def row_of(self, conversation_id: int) -> int:
        for row, conversation in enumerate(self._rows):
            if conversation.id == conversation_id:
                return row
        return -1

    def find_row(self, conversation_id: int) -> int:
        """Its row, loading more pages if it is in this view but not loaded yet (a search hit in an old
        chat); -1 when it is not in this view (archived, in the trash, deleted)."""
        row = self.row_of(conversation_id)
        if row >= 0 or not self.store.has_conversation(conversation_id):
            return row
        conversation = self.store.conversation(conversation_id)
        in_view = {CHATS: conversation.deleted is None and not conversation.archived,
                   ARCHIVED: conversation.deleted is None and bool(conversation.archived),
                   TRASH: conversation.deleted is not None}[self.view]
        while in_view and row < 0 and self.canFetchMore():
            self.fetchMore()
            row = self.row_of(conversation_id)
        return row

    def conversation_at(self, row: int) -> Conversation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
