"""Remote servers in the window: add one in Settings, pick its model, ask, stop, regenerate; a server that
goes away mid-answer; a refused key; the administrator's policy; the Privacy page. Real servers:
llama-cpp-python's own `llama_cpp.server`, and a small fake for the failures."""

import json
from dataclasses import replace

from app.core import paths
from app.core import remote_servers as rs
from app.core import store as st
from app.ui.chat import status_presenter as sp
from app.ui.widgets import transcript as tr
from tests.support.openai_servers import LlamaServer
from tests.support.settings import write_settings
from tests.ui.test_gui import ask
from tests.ui.test_gui_branches import answer_after, click_link

SHOTS = "/tmp/cove-remote-shots"


def _remote_settings(home, url, last_model="", **sampling):
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({
        "sampling": {"temperature": 0.0, "seed": 42, "max_tokens": 12, **sampling},
        "remote_servers": [{"url": url, "ca_bundle": ""}], "last_model": last_model}))


def _shot(widget, name):
    import os

    os.makedirs(SHOTS, exist_ok=True)
    assert widget.grab().save(f"{SHOTS}/{name}.png")


def _picker_items(window):
    combo = window.model_picker
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_add_a_server_pick_its_model_ask_regenerate_and_stop(qtbot, open_window, llama_server, no_starter, cove_home):
    write_settings(cove_home, {"temperature": 0.0, "seed": 42, "max_tokens": 12})
    window, controller = open_window()
    dialog = controller.settings_actions.open_settings()
    dialog.tabs.setCurrentIndex(2)
    tab = dialog.remote_servers
    tab.url.setText(llama_server.url)
    tab.key.setText("any-key")  # llama_cpp.server without --api_key accepts any
    tab.add_button.click()
    qtbot.waitUntil(lambda: tab.servers.count() == 1, timeout=15_000)
    assert "Added" in tab.message.text() and llama_server.model_id in tab.message.text()
    assert "any-key" not in json.dumps(json.loads(paths.current().settings_file.read_text()))
    assert rs.load_key(cove_home, llama_server.url) == "any-key"
    _shot(dialog, "settings-remote-servers")
    dialog.reject()

    label = f"{llama_server.model_id} — on 127.0.0.1:{llama_server.port}"
    ref = rs.model_ref(llama_server.url, llama_server.model_id)
    qtbot.waitUntil(lambda: (label, ref) in _picker_items(window), timeout=15_000)
    window.model_picker.setCurrentIndex(window.model_picker.findData(ref))
    assert controller.state == sp.READY and "127.0.0.1" in window.state_label.text()
    welcome = window.transcript.plain_text()  # the first run's page says where the messages go
    assert f"{label} is ready" in welcome and "your messages are sent to it" in welcome
    assert window.model_picker.toolTip() == label  # whole, where the box cuts it
    window.model_picker.showPopup()
    _shot(window.model_picker.view().window(), "picker-popup")
    _shot(window, "window-remote-model")
    window.model_picker.hidePopup()

    first = answer_after(qtbot, controller, lambda: ask(qtbot, window, "Say hello."))
    assert first.status == st.COMPLETE and first.content.strip() and first.model_file == ref
    assert first.completion_tokens >= 1 and first.time_to_first_token is not None
    assert controller.settings.last_model == ref

    second = answer_after(qtbot, controller, lambda: click_link(qtbot, window, tr.REGENERATE, first.id))
    assert second.id != first.id and second.parent_id == first.parent_id and second.status == st.COMPLETE
    assert "2/2" in window.transcript.plain_text()

    settings = controller.settings
    controller.settings_model.update(replace(settings, sampling=replace(settings.sampling, max_tokens=2000)))
    tokens = []
    controller.session.token.connect(lambda _cid, text: tokens.append(text))
    with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as done:
        ask(qtbot, window, "Write a very long story about a lighthouse keeper.")
        qtbot.waitUntil(lambda: len(tokens) >= 3, timeout=30_000)
        window.stop_action.trigger()
    stopped = controller.store.message(done.args[0])
    assert stopped.status == st.STOPPED and stopped.content and stopped.completion_tokens < 2000
    assert "Stopped" in window.state_label.text()
    # Carrying on a stopped answer is refused before the answer is touched (the API cannot continue a text).
    assert not controller.session.continue_answer(controller.conversation_id, stopped.id)
    assert "regenerate it instead" in window.state_label.text()
    assert controller.store.message(stopped.id) == stopped


def test_a_server_that_goes_away_mid_answer_leaves_the_partial_answer_with_why(qtbot, open_window, smollm2,
                                                                               no_starter, cove_home):
    server = LlamaServer(smollm2).wait_ready()
    ref = rs.model_ref(server.url, server.model_id)
    _remote_settings(cove_home, server.url, last_model=ref, max_tokens=2000, temperature=1.0)
    try:
        window, controller = open_window()
        qtbot.waitUntil(lambda: controller.state == sp.READY, timeout=15_000)
        tokens = []
        controller.session.token.connect(lambda _cid, text: tokens.append(text))
        with qtbot.waitSignal(controller.answer_finished, timeout=60_000) as done:
            ask(qtbot, window, "Write a very long story about a lighthouse keeper.")
            qtbot.waitUntil(lambda: len(tokens) >= 3, timeout=30_000)
            server.kill()
    finally:
        server.stop()
    answer = controller.store.message(done.args[0])
    assert answer.status == st.ERROR and answer.content.startswith("".join(tokens[:3]))
    assert "closed the connection in the middle of the answer" in answer.error
    assert controller.state == sp.ERROR and "closed the connection" in window.state_label.text()


def test_a_refused_key_and_a_busy_server_are_one_line_each(qtbot, open_window, fake_openai, no_starter, cove_home):
    for mode, words in (("401", "refused the key"), ("429", "is busy")):
        url = fake_openai.url_for(mode)
        _remote_settings(cove_home, url, last_model=rs.model_ref(url, "fake-model"))
        window, controller = open_window()
        answer = answer_after(qtbot, controller, lambda: ask(qtbot, window, "hello"))  # noqa: B023
        assert answer.status == st.ERROR and words in answer.error and "\n" not in answer.error
        assert words in window.state_label.text()
        controller.shutdown()


def test_policy_servers_only_remote_only_and_the_privacy_page(qtbot, open_window, fake_openai, admin_policy,
                                                             starter_installed, cove_home):
    url = fake_openai.url_for("ok")
    _remote_settings(cove_home, "https://mine.example.org/v1")
    admin_policy(f'remote_only = true\n[[remote_servers]]\nurl = "{url}"\nkey = "from-it"\n')
    fake_openai.key = "from-it"
    window, controller = open_window()
    ref = rs.model_ref(url, "fake-model")
    qtbot.waitUntil(lambda: _picker_items(window) == [(f"fake-model — on 127.0.0.1:{fake_openai.port}", ref)],
                    timeout=15_000)  # no local model, not the user's own server: only the policy's
    answer = answer_after(qtbot, controller, lambda: ask(qtbot, window, "hi"))
    assert answer.content == "Hello world" and answer.model_file == ref
    assert fake_openai.requests[-1]["authorization"] == "Bearer from-it"

    dialog = controller.settings_actions.open_settings()
    tab = dialog.remote_servers
    assert tab.servers.count() == 1 and "set by your administrator" in tab.servers.item(0).text()
    tab.servers.setCurrentRow(0)
    assert not tab.remove_button.isEnabled()
    before = paths.current().settings_file.read_text()
    tab.url.setText("https://other.example.org/v1")
    tab.add_button.click()
    assert "administrator's policy" in tab.message.text() and tab.servers.count() == 1
    assert paths.current().settings_file.read_text() == before
    dialog.reject()

    privacy = controller.privacy_actions.show()
    text = privacy.summary.text()
    assert f"127.0.0.1:{fake_openai.port}" in text and "your messages" in text
    privacy.refresh()
    purposes = [privacy.table.item(row, 2).text() for row in range(privacy.table.rowCount())]
    assert "remote chat fake-model" in purposes
    _shot(privacy, "privacy-remote")
