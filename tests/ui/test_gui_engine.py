"""Engine settings, answer settings, stats and type-ahead, in the window with the real model."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.core import paths
from app.ui.settings.settings_dialog import SettingsDialog
from tests.support.settings import write_settings
from tests.support.starter_model import PARIS_QUESTION
from tests.ui.test_gui import ask, wait_ready


def test_stats_and_context_use_are_shown(qtbot, open_window, starter_installed, greedy):
    window, controller = open_window()
    wait_ready(qtbot, controller)
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as done:
        ask(qtbot, window, PARIS_QUESTION)
    message = controller.store.message(done.args[0])
    shown = window.transcript.plain_text()
    assert f"prompt {message.prompt_tokens:,} tokens" in shown and "first token in" in shown
    assert "tokens/s" in shown
    n_ctx = message.generation_settings["n_ctx"]
    assert n_ctx == 8192  # automatic: SmolLM2's own context fits this machine's memory
    used = message.prompt_tokens + message.completion_tokens
    assert f"context {used:,} / {n_ctx:,} tokens" in window.model_label.text()


def test_typing_pause_reads_the_message_ahead(qtbot, open_window, starter_installed, greedy):
    window, controller = open_window()
    wait_ready(qtbot, controller)
    with qtbot.waitSignal(controller.bridge.draft_prefilled, timeout=30_000) as prefilled:
        qtbot.keyClicks(window.composer.edit, PARIS_QUESTION)  # then the user reads it over: a pause
    assert prefilled.args[1] > 0
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as done:
        qtbot.keyClick(window.composer.edit, Qt.Key_Return)
    message = controller.store.message(done.args[0])
    assert "Paris" in message.content
    assert message.processed_tokens == 0 < message.prompt_tokens


def test_settings_window_saves_engine_choices_and_shows_the_backend(qtbot, open_window, starter_installed, greedy):
    window, controller = open_window()
    wait_ready(qtbot, controller)
    qtbot.keyClick(window, Qt.Key_Comma, Qt.ControlModifier)
    [dialog] = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert "CPU" in dialog.backend_label.text() and "context 8,192" in dialog.backend_label.text()
    dialog.n_ctx.setValue(2048)
    dialog.overflow.setCurrentIndex(dialog.overflow.findData("stop"))
    dialog.sampling.temperature.setValue(0.3)
    with qtbot.waitSignal(controller.bridge.model_loaded, timeout=30_000) as reloaded:
        dialog.buttons.button(QDialogButtonBox.Save).click()
    assert reloaded.args[2]["n_ctx"] == 2048
    saved = json.loads(paths.current().settings_file.read_text())
    assert saved["engine"]["n_ctx"] == 2048 and saved["engine"]["overflow"] == "stop"
    assert saved["sampling"]["temperature"] == 0.3


def test_answer_settings_per_conversation_and_per_model(qtbot, open_window, starter_installed, cove_home):
    write_settings(cove_home, {"temperature": 0.0, "repeat_penalty": 1.0, "max_tokens": 40})
    window, controller = open_window()
    wait_ready(qtbot, controller)
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000):
        ask(qtbot, window, PARIS_QUESTION)
    dialog = controller.settings_actions.open_generation()
    assert dialog.form.temperature.value() == 0.0
    dialog.form.max_tokens.setValue(5)
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert controller.store.conversation(controller.conversation_id).sampling_overrides == {"max_tokens": 5}
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as done:
        ask(qtbot, window, "Write a very long story about a dragon.")
    answer = controller.store.message(done.args[0])
    assert answer.generation_settings["max_tokens"] == 5 and answer.completion_tokens == 5

    dialog = controller.settings_actions.open_generation()
    dialog.form.top_k.setValue(7)
    dialog.as_model_default.click()
    model = controller.models.current_model().name
    assert controller.settings.models[model]["sampling"]["top_k"] == 7
    saved = json.loads(paths.current().settings_file.read_text())
    assert saved["models"][model]["sampling"]["top_k"] == 7
    # A new conversation starts from the model's defaults.
    controller.new_chat()
    dialog = controller.settings_actions.open_generation()
    assert dialog.form.top_k.value() == 7 and dialog.form.max_tokens.value() == 5  # what the dialog showed


def test_chat_template_override_per_model(qtbot, open_window, starter_installed, greedy, monkeypatch):
    window, controller = open_window()
    wait_ready(qtbot, controller)
    custom = "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}" \
             "<|im_start|>assistant\n"
    monkeypatch.setattr("app.ui.settings.settings_actions.QInputDialog.getMultiLineText", lambda *a, **k: (custom, True))
    with qtbot.waitSignal(controller.bridge.model_loaded, timeout=30_000) as reloaded:
        controller.settings_actions.edit_chat_template(controller.models.current_model())
    assert reloaded.args[2]["template_source"] == "user"
    assert controller.settings.chat_template(controller.models.current_model().name) == custom
