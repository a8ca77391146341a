"""Encryption in the window: turning it on from Settings, Lock now, the idle lock, unlocking at start."""

import os

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.core import encryption, paths, policy, store_encryption
from app.core import store as st
from app.ui.lock_actions import idle_minutes
from app.ui.lock_screen import LockScreen, unlock_at_start
from tests.support.starter_model import PARIS_QUESTION
from tests.ui.test_gui import ask, wait_ready

MARKER = "Zanzibar marmalade protocol forty-two"
PASSPHRASE = "correct horse battery"
SHOTS = os.environ.get("COVE_TEST_SCREENSHOTS")  # a folder: the screens are saved there to look at


@pytest.fixture(autouse=True)
def no_key_left():
    encryption.forget()
    yield
    encryption.forget()


def encrypted_home_with_a_conversation() -> tuple[paths.CovePaths, int]:
    home = paths.current().ensure()
    store = st.Store(home.database)
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, MARKER)
    store.close()
    store_encryption.turn_on(home.data_dir, home.database, PASSPHRASE)
    return home, conversation.id


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name))


def test_lock_hides_everything_and_unlocking_brings_the_window_back(qtbot, open_window, no_starter):
    home, conversation_id = encrypted_home_with_a_conversation()
    window, controller = open_window()
    controller.open_conversation(conversation_id)
    assert MARKER in window.transcript.plain_text()
    lock = controller.lock_actions
    assert lock.lock_action.isEnabled() and lock.lock_action.shortcut().toString() == "Ctrl+Shift+L"
    window.lock_action.trigger()
    assert lock.locked and isinstance(window.centralWidget(), LockScreen)
    assert not window.transcript.isVisible() and not window.menuBar().isEnabled()
    assert not encryption.is_unlocked(home.data_dir)
    assert not any(a.isEnabled() for a in (window.new_chat_action, window.search_action, window.settings_action))
    qtbot.waitUntil(window.centralWidget().passphrase.isVisible)
    qtbot.wait(200)  # the wrapped hint settles its height
    shot(window, "locked.png")
    screen = window.centralWidget()
    screen.passphrase.setText("not the passphrase")
    screen.unlock_button.click()
    assert lock.locked and "does not open" in screen.error.text() and screen.passphrase.text() == ""
    screen.passphrase.setText(PASSPHRASE)
    screen.unlock_button.click()
    assert not lock.locked and window.centralWidget() is not screen and window.menuBar().isEnabled()
    assert window.new_chat_action.isEnabled()
    qtbot.waitUntil(window.transcript.isVisible)
    assert controller.conversation_id == conversation_id and MARKER in window.transcript.plain_text()
    assert controller.selected_conversation_id() == conversation_id  # the list highlights the chat shown
    assert controller.store.search("marmalade")  # the store is open again, with the key


def test_lock_is_off_for_a_plain_store(qtbot, open_window, no_starter):
    window, controller = open_window()
    assert not controller.lock_actions.lock_action.isEnabled()
    assert controller.lock_actions.lock() is False and window.centralWidget() is not None
    assert not isinstance(window.centralWidget(), LockScreen)


def test_a_lock_during_streaming_saves_the_answer_and_ends_the_engine(qtbot, open_window, starter_installed, greedy):
    home, _ = encrypted_home_with_a_conversation()
    window, controller = open_window()
    wait_ready(qtbot, controller)
    engine = controller.bridge.client
    with qtbot.waitSignal(controller.session.token, timeout=60_000):
        ask(qtbot, window, PARIS_QUESTION + " Then tell me a long story about it.")
    answer_id = controller.session.recorder.message_id
    assert controller.lock_actions.lock()
    assert controller.bridge.client is not engine  # the process holding the conversation's state is gone
    assert not controller.session.generating
    encryption.unlock(home.data_dir, home.database, PASSPHRASE)
    store = st.Store(home.database)
    saved = store.message(answer_id)
    store.close()
    assert saved.status == st.STOPPED and saved.content.strip()
    encryption.forget()
    assert controller.lock_actions.unlock(PASSPHRASE)
    assert controller.store.message(answer_id).status == st.STOPPED


def test_the_idle_lock_locks_after_its_minutes_and_activity_postpones_it(qtbot, open_window, no_starter):
    encrypted_home_with_a_conversation()
    window, controller = open_window()
    lock = controller.lock_actions
    assert not lock.idle.isActive()  # off by default
    settings = controller.settings_model.value
    from dataclasses import replace
    controller.settings_model.update(replace(settings, storage=replace(settings.storage, idle_lock_minutes=3)))
    assert lock.idle.isActive() and lock.idle.interval() == 3 * 60_000
    qtbot.wait(300)
    before = lock.idle.remainingTime()
    qtbot.keyClick(window.composer.edit, "a")  # someone typing: the count starts again
    assert lock.idle.remainingTime() > before and not lock.locked
    lock.idle.start(300)  # the same timer, with a test-sized wait
    qtbot.waitUntil(lambda: lock.locked, timeout=5_000)
    assert isinstance(window.centralWidget(), LockScreen)


@pytest.mark.parametrize("user, cap, expected", [(0, None, 0), (10, None, 10), (0, 15, 15), (30, 15, 15),
                                                 (5, 15, 5)])
def test_the_administrators_maximum_caps_the_idle_lock(user, cap, expected):
    assert idle_minutes(user, policy.Policy(max_idle_lock_minutes=cap)) == expected


def test_turning_encryption_on_from_settings(qtbot, open_window, no_starter, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)  # no Secret Service here: it says so
    home = paths.current().ensure()
    window, controller = open_window()
    conversation = controller.store.create_conversation()
    controller.store.add_user_message(conversation.id, MARKER)
    dialog = controller.lock_actions.show_encryption()
    assert "cannot be recovered" in dialog.warning.text() and "recovery key" in dialog.warning.text()
    shot(dialog, "encryption-dialog.png")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")
    before = home.database.read_bytes()
    assert not dialog.apply() and "differ" in dialog.error.text()
    assert home.database.read_bytes() == before and not encryption.is_encrypted(home.database)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE)
    dialog.keyring.setChecked(True)
    assert dialog.apply()
    assert encryption.is_encrypted(home.database)
    box = dialog.recovery_box
    key = encryption.key_for(home.database)[0]
    assert encryption.recovery_key_text(key) in box.text() and "shown only this once" in box.text()
    assert "No keyring is available" in box.text()
    shot(box, "recovery-key.png")
    box.done(QMessageBox.Ok)
    assert controller.store.search("marmalade")  # the window goes on, on the encrypted store
    assert controller.lock_actions.lock_action.isEnabled()
    assert dialog.turn_off(confirm=lambda: True) and not encryption.is_encrypted(home.database)
    assert controller.store.search("marmalade")


def test_the_unlock_screen_at_start_asks_until_the_passphrase_is_right(qtbot):
    home, _ = encrypted_home_with_a_conversation()
    encryption.forget()
    tries = []

    def ask(dialog):
        qtbot.addWidget(dialog)
        shot(dialog, "unlock-at-start.png")
        for secret in ("", "wrong passphrase", PASSPHRASE):
            tries.append((secret, dialog.try_unlock(secret), dialog.screen_panel.error.text()))
        return dialog.result() == QDialog.Accepted

    assert unlock_at_start(home, ask)
    assert [ok for _, ok, _ in tries] == [False, False, True]
    assert "empty" in tries[0][2] and "does not open" in tries[1][2]
    assert encryption.is_unlocked(home.data_dir)


def test_cancelling_the_unlock_screen_opens_nothing(qtbot):
    home, _ = encrypted_home_with_a_conversation()
    encryption.forget()
    assert unlock_at_start(home, lambda dialog: False) is False
    assert not encryption.is_unlocked(home.data_dir)


def test_the_export_dialog_says_exported_files_are_not_encrypted(qtbot, open_window, no_starter, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: (asked.append(args[2]), ("", False))[1]))
    window, controller = open_window()
    controller.export_actions.export(None)
    home = paths.current()
    controller.lock_actions.with_store_closed(lambda: store_encryption.turn_on(home.data_dir, home.database,
                                                                               PASSPHRASE))
    controller.export_actions.export(None)
    assert "not" not in asked[0] and "exported files are not" in asked[1]


def test_a_policy_requiring_encryption_encrypts_before_the_window_opens(qtbot, admin_policy):
    from app.ui.lock_screen import encrypt_at_start

    home = paths.current().ensure()
    store = st.Store(home.database)
    store.create_conversation()
    store.close()
    admin_policy("encryption_required = true\n")
    assert encrypt_at_start(home, lambda dialog: None) is False  # closed without encrypting: Cove quits
    assert not encryption.is_encrypted(home.database)

    def fill(dialog):
        qtbot.addWidget(dialog)
        assert "administrator" in dialog.state.text() and not dialog.off_button.isVisible()
        dialog.passphrase.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        assert dialog.apply()
        assert not dialog.off_button.isEnabled()  # the policy forbids turning it off

    assert encrypt_at_start(home, fill) is True and encryption.is_encrypted(home.database)


def test_enter_in_the_unlock_dialog_tries_the_passphrase_once(qtbot):
    """Enter used to submit twice (the field's Enter and the dialog's default button): the second time with the
    field the first had cleared, so a wrong passphrase was reported as "The passphrase is empty"."""
    from PySide6.QtCore import Qt

    from app.ui.lock_screen import UnlockDialog

    home, _ = encrypted_home_with_a_conversation()
    encryption.forget()
    dialog = UnlockDialog(home.data_dir, home.database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.screen_panel.passphrase
    assert dialog.focusWidget() is field  # typing goes into the field without a click
    tried = []
    dialog.screen_panel.unlock_requested.connect(tried.append)
    qtbot.keyClicks(field, "wrong passphrase")
    qtbot.keyClick(field, Qt.Key_Return)
    assert tried == ["wrong passphrase"]
    assert "does not open" in dialog.screen_panel.error.text() and not encryption.is_unlocked(home.data_dir)
    qtbot.keyClicks(field, PASSPHRASE)
    qtbot.keyClick(field, Qt.Key_Return)
    assert tried == ["wrong passphrase", PASSPHRASE] and encryption.is_unlocked(home.data_dir)
    assert dialog.result() == QDialog.Accepted


def _failing_keyring(monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)


def test_the_unlock_screen_mentions_the_keyring_only_to_whoever_chose_it(qtbot, monkeypatch):
    _failing_keyring(monkeypatch)  # a computer without a Secret Service
    home, _ = encrypted_home_with_a_conversation()
    encryption.forget()
    hints = []

    def ask(dialog):
        qtbot.addWidget(dialog)
        hints.append(dialog.screen_panel.hint.text())
        return False

    unlock_at_start(home, ask)  # typed passphrases only: the missing keyring is none of the user's business
    (home.data_dir / encryption.KEYRING_MARK).touch()  # the key was put in a keyring once
    unlock_at_start(home, ask)
    assert "keyring" not in hints[0].lower()
    assert "No keyring is available" in hints[1]


def test_the_privacy_button_says_what_it_does_on_an_encrypted_store(qtbot, open_window, no_starter):
    encrypted_home_with_a_conversation()
    window, controller = open_window()
    dialog = controller.settings_actions.open_settings()
    qtbot.addWidget(dialog)
    assert dialog.encryption_button.text() == "Encryption and passphrase…"
