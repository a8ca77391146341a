"""Dialogs as a user meets them: where file dialogs open, the rename dialog, words on buttons."""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QStyle,
)

from tests.ui.dialog_support import click, when_open


def home_without_documents(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))  # no user-dirs.dirs: Documents is ~/Documents
    return home


def file_dialog_seen(dialog) -> dict:
    return {"folder": Path(dialog.directory().absolutePath()),
            "name": dialog.findChild(QLineEdit, "fileNameEdit").text()}


def export_through_dialogs(qtbot, window, seen, choose: Path | None = None) -> None:
    """File › Export conversation…: Markdown, then the folder dialog (what it shows goes in `seen`)."""
    def folder(dialog):
        seen.update(file_dialog_seen(dialog))
        if choose is None:
            click(qtbot, dialog, QDialogButtonBox.Cancel)
            return
        dialog.setDirectory(str(choose))
        dialog.findChild(QLineEdit, "fileNameEdit").clear()
        click(qtbot, dialog, QDialogButtonBox.Open)  # "Choose"

    def fmt(dialog):
        when_open(QFileDialog, folder)
        click(qtbot, dialog, QDialogButtonBox.Ok)

    when_open(QInputDialog, fmt)
    window.export_action.trigger()


def test_the_export_folder_dialog_opens_at_a_real_folder(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    home = home_without_documents(tmp_path, monkeypatch)
    window, controller = open_window()
    c = controller.store.create_conversation(title="Offsite")
    controller.store.add_user_message(c.id, "Where should the team offsite be?")
    controller.conversations.refresh()
    controller.open_conversation(c.id)
    seen = {}
    export_through_dialogs(qtbot, window, seen)
    assert seen == {"folder": home, "name": ""}  # not home with "Documents" typed in, Choose greyed out
    (home / "Documents").mkdir()
    export_through_dialogs(qtbot, window, seen)
    assert seen == {"folder": home / "Documents", "name": ""}
    out = tmp_path / "exports"
    out.mkdir()
    export_through_dialogs(qtbot, window, seen, choose=out)
    [written] = out.iterdir()
    assert written.name.endswith(" Offsite.md")  # no " (1)": the folder was empty
    assert "Exported 1 file to" in window.state_label.text()
    export_through_dialogs(qtbot, window, seen)
    assert seen == {"folder": out, "name": ""}  # the last folder used


def test_attach_opens_at_a_real_folder_with_no_file_name(qtbot, open_window, no_starter, tmp_path, monkeypatch):
    home = home_without_documents(tmp_path, monkeypatch)
    window, controller = open_window()
    seen = {}

    def look(dialog):
        seen.update(file_dialog_seen(dialog))
        click(qtbot, dialog, QDialogButtonBox.Cancel)

    when_open(QFileDialog, look)
    qtbot.mouseClick(window.composer.attach_button, Qt.LeftButton)
    assert seen == {"folder": home, "name": ""}
    assert window.composer.attachment_bar.attachments() == []


def test_the_rename_dialog_is_wide_enough_for_a_long_name(qtbot, open_window, no_starter):
    window, controller = open_window()
    long_title = "Planning the team offsite in Lisbon for the third quarter, with the budget"
    c = controller.store.create_conversation(title=long_title)
    controller.store.add_user_message(c.id, "hello")
    controller.conversations.refresh()
    controller.open_conversation(c.id)
    seen = {}

    def rename(dialog):
        edit = dialog.findChild(QLineEdit)
        seen.update(width=dialog.width(), fits=edit.width() >= edit.fontMetrics().horizontalAdvance(long_title),
                    title=dialog.windowTitle(), ok=dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok))
        seen["icon"] = seen["ok"].icon().isNull()
        edit.setText("Lisbon offsite")
        click(qtbot, dialog, QDialogButtonBox.Ok)

    when_open(QInputDialog, rename)
    window.rename_action.trigger()
    assert seen["width"] >= 360 and seen["fits"] and seen["title"] == "Rename conversation"
    assert seen["ok"].text() == "Rename" and seen["icon"]
    assert controller.store.conversation(c.id).title == "Lisbon offsite"
    assert window.conversation_title.text() == "Lisbon offsite"


def test_dialog_buttons_have_words_not_stock_icons(qtbot, open_window, no_starter):
    window, controller = open_window()
    style = QApplication.style()
    for picture in (QStyle.SP_DialogOkButton, QStyle.SP_DialogCancelButton, QStyle.SP_DialogSaveButton,
                    QStyle.SP_DialogYesButton, QStyle.SP_DialogNoButton):
        assert style.standardIcon(picture).isNull()  # no green tick, red X, floppy disk
    assert style.styleHint(QStyle.SH_DialogButtonBox_ButtonsHaveIcons) == 0
    # Said to every button box by the application's style sheet (a styleHint() in Python cost a call
    # into Python for each of the thousands of hints Qt asks for): asked for a box, the hint is 0.
    assert "dialogbuttonbox-buttons-have-icons: 0" in QApplication.instance().styleSheet()
    assert style.styleHint(QStyle.SH_DialogButtonBox_ButtonsHaveIcons, None, QDialogButtonBox(window)) == 0
    box = QMessageBox(QMessageBox.Question, "Delete forever", "Sure?", QMessageBox.Yes | QMessageBox.Cancel, window)
    assert all(button.icon().isNull() and button.text() for button in box.buttons())
    assert not style.standardIcon(QStyle.SP_ArrowDown).isNull()  # the other pictures of the style are kept


def test_restyling_keeps_the_one_application_style(qtbot, open_window, no_starter):
    """Changing the theme re-applies palette and style sheets, never a new style: replacing the style
    deleted the one every widget was polished with, and the window crashed now and then."""
    from app.ui import theme

    window, controller = open_window()
    installed = theme._style
    deleted = []
    installed.destroyed.connect(lambda *_: deleted.append(True))
    for appearance in ("dark", "light", "dark"):
        controller.update_settings(replace(controller.settings, appearance=replace(
            controller.settings.appearance, theme=appearance)))
        qtbot.wait(10)
    assert theme._style is installed and not deleted
    assert QApplication.style().styleHint(QStyle.SH_DialogButtonBox_ButtonsHaveIcons) == 0
