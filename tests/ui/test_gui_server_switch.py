"""Settings › Server: the window's switch for `cove serve` (issue 15 item 1), with the real SmolLM2 and the
official openai client; off means nothing listens; the administrator's policy greys it with the reason."""

import json
import os
import urllib.error
import urllib.request

import pytest

from app.server.background import NETWORK

SHOTS = "/tmp/cove-server-shots"


def _status(url, key=None):
    """The HTTP status of a GET (urllib raises ConnectionRefusedError, inside URLError, when nothing listens)."""
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _install(cove_home, smollm2):
    models = cove_home / "models"
    models.mkdir(parents=True, exist_ok=True)
    (models / "smollm2.gguf").symlink_to(smollm2)
    config = cove_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"server": {"port": 0}}))  # a free port: tests run side by side


def _server_page(controller):
    dialog = controller.settings_actions.open_settings()
    index = next(i for i in range(dialog.tabs.count()) if dialog.tabs.tabText(i) == "Server")
    dialog.tabs.setCurrentIndex(index)
    return dialog, dialog.server


def _shot(widget, name):
    os.makedirs(SHOTS, exist_ok=True)
    assert widget.grab().save(f"{SHOTS}/{name}.png")


def test_switch_on_serves_the_address_shown_and_off_stops_listening(qtbot, open_window, smollm2, no_starter,
                                                                    cove_home):
    import openai

    _install(cove_home, smollm2)
    window, controller = open_window()
    dialog, tab = _server_page(controller)
    assert tab.switch.isEnabled() and not tab.switch.isChecked() and tab.address.text() == ""
    assert "smollm2" in tab.served.text()
    tab.switch.setChecked(True)
    local = controller.settings_actions.local_server
    qtbot.waitUntil(lambda: tab.address.text().startswith("http://127.0.0.1:") and not local.busy, timeout=30_000)
    address = tab.address.text()
    assert address.endswith("/v1") and address in tab.state.text()
    assert address in window.statusBar().currentMessage()
    tab.copy_address.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == address
    _shot(dialog, "settings-server-on")
    client = openai.OpenAI(base_url=address, api_key="none", max_retries=0, timeout=120)
    assert [m.id for m in client.models.list().data] == ["smollm2"]
    answer = client.chat.completions.create(model="smollm2", max_tokens=8, temperature=0,
                                            messages=[{"role": "user", "content": "Say hello."}])
    assert answer.choices[0].message.content.strip() and answer.usage.completion_tokens >= 1
    dialog.reject()  # the server outlives the dialog
    assert local.server is not None and _status(address + "/models") == 200

    dialog, tab = _server_page(controller)
    assert tab.switch.isChecked() and tab.address.text() == address and not tab.host.isEnabled()
    tab.switch.setChecked(False)
    # busy is cleared on the stopping thread and the tab hears of it through a queued signal: wait for the tab
    qtbot.waitUntil(lambda: local.server is None and not local.busy and "Not serving" in tab.state.text(),
                    timeout=30_000)
    assert tab.address.text() == ""
    assert address not in window.statusBar().currentMessage()
    with pytest.raises(urllib.error.URLError) as refused:
        _status(address + "/models")
    assert isinstance(refused.value.reason, ConnectionRefusedError)
    dialog.reject()


def test_network_needs_the_key_shown_once_and_a_new_key_replaces_it(qtbot, open_window, smollm2, no_starter,
                                                                   cove_home):
    _install(cove_home, smollm2)
    window, controller = open_window()
    dialog, tab = _server_page(controller)
    tab.host.setCurrentIndex(tab.host.findData(NETWORK))
    tab.switch.setChecked(True)
    local = controller.settings_actions.local_server
    qtbot.waitUntil(lambda: tab.address.text() != "" and not local.busy, timeout=30_000)
    assert "0.0.0.0" not in tab.address.text()  # an address other computers can use
    key = tab.key.text()
    assert key.startswith("cove-") and "shown only this once" in tab.key_note.text()
    _shot(dialog, "settings-server-network")
    port = tab.address.text().rsplit(":", 1)[1].split("/")[0]
    models = f"http://127.0.0.1:{port}/v1/models"
    assert _status(models) == 401
    assert _status(models, key) == 200
    tab.new_key.click()
    new = tab.key.text()
    assert new != key and new.startswith("cove-")
    assert _status(models, key) == 401
    assert _status(models, new) == 200
    dialog.reject()
    dialog, tab = _server_page(controller)
    assert tab.key.text() == ""  # shown once: a page opened later does not show it again
    tab.switch.setChecked(False)
    qtbot.waitUntil(lambda: local.server is None and not local.busy, timeout=30_000)
    dialog.reject()


@pytest.mark.parametrize("serving", ["off", "loopback"])
def test_the_policy_greys_what_it_forbids_with_the_reason(serving, qtbot, open_window, admin_policy, no_starter,
                                                          cove_home):
    admin_policy(f'serving = "{serving}"\nmessage = "Ask IT."\n')
    window, controller = open_window()
    dialog, tab = _server_page(controller)
    network = tab.host.model().item(tab.host.findData(NETWORK))
    assert not network.isEnabled()
    assert "administrator's policy" in tab.state.text() and "Ask IT." in tab.state.text()
    assert tab.switch.isEnabled() == (serving == "loopback")
    local = controller.settings_actions.local_server
    if serving == "off":
        _shot(dialog, "settings-server-policy-off")
        local.start()  # even if asked directly, nothing listens
        assert local.server is None and "administrator's policy" in local.error
    dialog.reject()


def test_closing_the_window_stops_the_server(qtbot, open_window, smollm2, no_starter, cove_home):
    _install(cove_home, smollm2)
    window, controller = open_window()
    dialog, tab = _server_page(controller)
    tab.switch.setChecked(True)
    qtbot.waitUntil(lambda: tab.address.text() != "" and not controller.settings_actions.local_server.busy,
                    timeout=30_000)
    address = tab.address.text()
    assert _status(address + "/models") == 200
    dialog.reject()
    window.close()
    qtbot.waitUntil(lambda: controller.settings_actions.local_server.server is None, timeout=30_000)
    with pytest.raises(urllib.error.URLError) as refused:
        _status(address + "/models")
    assert isinstance(refused.value.reason, ConnectionRefusedError)
