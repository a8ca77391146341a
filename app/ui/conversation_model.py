"""The conversation list as a Qt item model over the store (most recent first)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from app.core.store import Conversation, Store

ConversationIdRole = Qt.UserRole + 1


class ConversationListModel(QAbstractListModel):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self._rows: list[Conversation] = []
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self.store.conversations()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        conversation = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return conversation.title
        if role == Qt.ToolTipRole:
            return f"{conversation.title}\n{self.tr('Last activity')}: {conversation.updated[:16].replace('T', ' ')} UTC"
        if role == ConversationIdRole:
            return conversation.id
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        return base | Qt.ItemIsEditable if index.isValid() else base

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid():
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

    def conversation_at(self, row: int) -> Conversation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
