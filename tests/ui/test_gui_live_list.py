"""The conversation list follows the database, written to by another process, and the highlighted
row is always the conversation shown."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.core import paths
from app.core import store as st
from app.ui.widgets.conversation_model import FETCH_PAGE


def listed(controller) -> list[str]:
    model = controller.conversations
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def highlighted(window):
    index = window.conversation_list.currentIndex()
    return index.data(Qt.UserRole + 1) if index.isValid() else None


def test_a_chat_written_by_another_process_appears_and_the_selection_stays(qtbot, open_window, no_starter):
    window, controller = open_window()
    mine = controller.store.create_conversation()
    controller.store.add_user_message(mine.id, "written in the window")
    controller.conversations.refresh()
    window.conversation_list.setCurrentIndex(controller.conversations.index(0, 0))
    assert controller.conversation_id == mine.id

    other = st.Store(paths.current().database)  # another connection: what `cove chat` does
    try:
        elsewhere = other.create_conversation()
        other.add_user_message(elsewhere.id, "asked with cove chat")
        qtbot.waitUntil(lambda: "asked with cove chat" in listed(controller), timeout=5000)
        assert listed(controller) == ["asked with cove chat", "written in the window"]
        assert controller.conversation_id == mine.id and highlighted(window) == mine.id  # still the one shown
        assert "written in the window" in window.transcript.plain_text()

        # The conversation shown gets a message elsewhere: it is shown with it.
        other.add_user_message(mine.id, "a follow-up from the terminal")
        qtbot.waitUntil(lambda: "a follow-up from the terminal" in window.transcript.plain_text(), timeout=5000)
        assert highlighted(window) == mine.id and listed(controller)[0] == "written in the window"

        # Deleted for good elsewhere: the window leaves it for a new chat.
        other.delete_conversation(mine.id)
        qtbot.waitUntil(lambda: controller.conversation_id is None, timeout=5000)
        assert listed(controller) == ["asked with cove chat"] and highlighted(window) is None
    finally:
        other.close()


def test_the_list_is_read_again_when_the_window_is_activated(qtbot, open_window, no_starter):
    window, controller = open_window()
    controller.list_sync.timer.stop()  # only the activation may bring it in
    other = st.Store(paths.current().database)
    try:
        c = other.create_conversation()
        other.add_user_message(c.id, "made while the window was in the background")
    finally:
        other.close()
    assert listed(controller) == []
    QApplication.sendEvent(window, QEvent(QEvent.WindowActivate))
    assert listed(controller) == ["made while the window was in the background"]
    assert controller.list_sync.check() is False  # nothing new: the list is not read again


def test_after_a_search_the_highlighted_chat_is_the_one_shown(qtbot, open_window, no_starter):
    window, controller = open_window()
    store = controller.store
    oldest = store.create_conversation()
    store.add_user_message(oldest.id, "the walrus migration plan")
    archived = store.create_conversation()
    store.add_user_message(archived.id, "the walrus feeding schedule")
    store.set_archived(archived.id, True)
    for i in range(FETCH_PAGE + 5):  # the oldest chat is beyond the first page of the list
        c = store.create_conversation()
        store.add_user_message(c.id, f"chat number {i}")
    controller.conversations.refresh()
    first = controller.conversations.index(0, 0)
    window.conversation_list.setCurrentIndex(first)
    assert highlighted(window) == controller.conversation_id != oldest.id

    def open_hit(text):
        window.search_edit.clear()
        qtbot.keyClicks(window.search_edit, "walrus")
        qtbot.waitUntil(lambda: window.search_results.count() == 2 and window.search_results.item(0).data(
            Qt.UserRole + 1) is not None)
        results = window.search_results
        item = next(results.item(r) for r in range(results.count()) if text in results.item(r).toolTip())
        qtbot.mouseClick(results.viewport(), Qt.LeftButton, pos=results.visualItemRect(item).center())
        window.search_edit.clear()
        qtbot.waitUntil(lambda: window.conversation_list.isVisible())

    open_hit("migration")
    assert controller.conversation_id == oldest.id and highlighted(window) == oldest.id
    assert "walrus migration" in window.transcript.plain_text()
    open_hit("feeding")  # archived: not in the list of chats, so no row is highlighted
    assert controller.conversation_id == archived.id and highlighted(window) is None
    assert window.conversation_list.selectionModel().selectedIndexes() == []
