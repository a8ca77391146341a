"""History from the window: search into other branches, export and import, pin and archive,
and a long conversation list fetched as the user scrolls."""

from PySide6.QtCore import Qt

from app.core import store as st
from app.ui.chat.conversation_actions import ConversationActions
from app.ui.widgets import conversation_model


def branched_conversation(store):
    c = store.create_conversation()
    q = store.add_user_message(c.id, "Where should the team offsite be?")
    first = store.begin_answer(c.id, "/m/Model-A.gguf", {}, parent_id=q.id)
    first = store.finish_answer(first.id, "Lisbon in May: mild weather and direct flights.", st.COMPLETE)
    second = store.begin_answer(c.id, "/m/Model-A.gguf", {}, parent_id=q.id)
    second = store.finish_answer(second.id, "Porto, for a smaller budget.", st.COMPLETE)
    return store.conversation(c.id), first, second


def test_search_opens_a_message_on_another_branch(qtbot, open_window, no_starter):
    window, controller = open_window()
    conversation, first, second = branched_conversation(controller.store)
    controller.conversations.refresh()
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(window.search_edit, "mild weather")
    qtbot.waitUntil(lambda: window.search_results.isVisible() and window.search_results.count() == 1)
    item = window.search_results.item(0)
    assert "<b style" in item.data(Qt.UserRole + 2) and "mild" in item.data(Qt.UserRole + 2)  # highlighted
    qtbot.mouseClick(window.search_results.viewport(), Qt.LeftButton,
                     pos=window.search_results.visualItemRect(item).center())
    assert controller.conversation_id == conversation.id
    shown = window.transcript.plain_text()
    assert first.content in shown and second.content not in shown and "1/2" in shown


def test_export_markdown_and_json_then_import_from_the_menus(qtbot, open_window, no_starter, tmp_path,
                                                            monkeypatch):
    window, controller = open_window()
    conversation, first, second = branched_conversation(controller.store)
    controller.conversations.refresh()
    controller.open_conversation(conversation.id)
    out = tmp_path / "notes"
    monkeypatch.setattr("app.ui.chat.export_actions.QFileDialog.getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr("app.ui.chat.export_actions.QInputDialog.getItem", lambda parent, title, label, items, *a: (items[0], True))
    window.export_action.trigger()
    [markdown] = list(out.glob("*.md"))
    text = markdown.read_text()
    assert text.startswith("---\n") and "Where should the team offsite be?" in text and second.content in text
    assert "Exported 1 file" in window.state_label.text()

    monkeypatch.setattr("app.ui.chat.export_actions.QInputDialog.getItem", lambda parent, title, label, items, *a: (items[1], True))
    window.export_all_action.trigger()
    [export] = list(out.glob("*.json"))
    # Into an empty Cove: the same conversation, every version.
    controller.store.delete_conversation(conversation.id)
    controller.conversations.refresh()
    monkeypatch.setattr("app.ui.chat.export_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(export), ""))
    window.import_action.trigger()
    assert "Imported 1 conversation and 3 messages" in window.state_label.text()
    assert controller.conversations.rowCount() == 1
    [restored] = controller.store.conversations()
    assert restored.uuid == conversation.uuid
    assert {m.content for m in controller.store.messages(restored.id)} == {
        "Where should the team offsite be?", first.content, second.content}
    window.import_action.trigger()  # again: nothing new
    assert "Imported 0 conversations and 0 messages; 3 were already here" in window.state_label.text()
    assert len(controller.store.messages(restored.id)) == 3


def test_a_broken_import_file_is_reported_and_adds_nothing(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    window, controller = open_window()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cove-conversations", "version": 1, "conversations": [{"uuid": ')
    monkeypatch.setattr("app.ui.chat.export_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.import_action.trigger()
    assert "Import failed" in window.state_label.text() and controller.state == "error"
    assert controller.store.conversations() == []


def choose_from_context_menu(qtbot, window, row, label, monkeypatch):
    def choose(_actions, menu, _pos):
        return next(a for a in menu.actions() if a.text() == label)
    monkeypatch.setattr(ConversationActions, "exec_menu", choose)
    view = window.conversation_list
    view.customContextMenuRequested.emit(view.visualRect(view.model().index(row, 0)).center())


def test_pin_and_archive_from_the_context_menu(qtbot, open_window, no_starter, monkeypatch):
    window, controller = open_window()
    for title in ("oldest", "middle", "newest"):
        c = controller.store.create_conversation(title=title)
        controller.store.add_user_message(c.id, title)
    controller.conversations.refresh()
    def titles():
        return [controller.conversations.index(r, 0).data() for r in range(controller.conversations.rowCount())]

    assert titles() == ["newest", "middle", "oldest"]
    choose_from_context_menu(qtbot, window, 2, "Pin", monkeypatch)
    assert titles() == ["★ oldest", "newest", "middle"]
    choose_from_context_menu(qtbot, window, 1, "Archive", monkeypatch)
    assert titles() == ["★ oldest", "middle"]
    window.view_picker.setCurrentIndex(window.view_picker.findData("archived"))
    assert titles() == ["newest"]
    choose_from_context_menu(qtbot, window, 0, "Unarchive", monkeypatch)
    assert titles() == []
    window.view_picker.setCurrentIndex(window.view_picker.findData("chats"))
    assert titles() == ["★ oldest", "newest", "middle"]


def test_a_long_conversation_list_is_fetched_as_it_scrolls(qtbot, open_window, no_starter):
    window, controller = open_window()
    store = controller.store
    with store.db.atomic():
        for i in range(1000):
            store.db["conversations"].insert({"title": f"chat {i:04}", "created": "t", "updated": f"{i:04}",
                                              "model": "", "uuid": f"u{i}"})
    controller.conversations.refresh()
    model = controller.conversations
    assert model.rowCount() == conversation_model.FETCH_PAGE and model.canFetchMore()
    assert model.index(0, 0).data() == "chat 0999"
    window.conversation_list.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > conversation_model.FETCH_PAGE)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000 and model.index(999, 0).data() == "chat 0000"
