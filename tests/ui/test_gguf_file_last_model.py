"""A damaged model picked once is never restored as the last model without a check."""

import json
import struct

from app import cli
from app.core import paths
from app.core.models import ModelLibrary
from tests.support.settings import write_settings
from tests.support.tiny_models import write_tiny_model


def damaged_model(folder):
    """A header with an infinite general.alignment (once a traceback, then "invalid literal for int()")."""
    key, value = b"general.alignment", struct.pack("<f", float("inf"))
    data = (b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + struct.pack("<Q", len(key)) + key + struct.pack("<I", 6)
            + value + b"\0" * 64)
    path = folder / "broken.gguf"
    path.write_bytes(data)
    return path


def test_cli_passes_over_a_damaged_last_model(cove_home, no_starter, capsys):
    models = paths.current().ensure().models_dir
    bad = damaged_model(models)
    good = write_tiny_model(models / "tiny.gguf", "smollm2")
    library = ModelLibrary(models)
    assert cli._restored_model(library, str(bad.resolve())).path == good.resolve()
    assert "Not using the last model: broken.gguf is damaged (general.alignment" in capsys.readouterr().err
    assert cli._restored_model(library, str(good.resolve())).path == good.resolve()  # a good one is kept


def test_window_clears_a_damaged_last_model_instead_of_failing_on_every_start(qtbot, open_window, cove_home,
                                                                              no_starter):
    from app.ui.chat import status_presenter as ctl

    models = paths.current().ensure().models_dir
    bad = damaged_model(models)
    settings_file = write_settings(cove_home, last_model=str(bad.resolve()))
    window, controller = open_window()
    assert controller.state == ctl.ERROR
    assert "broken.gguf is damaged (general.alignment must be a power-of-two" in window.state_label.text()
    assert json.loads(settings_file.read_text())["last_model"] == ""
    good = write_tiny_model(models / "tiny.gguf", "smollm2")
    controller.models.refresh(select=str(good.resolve()))
    qtbot.waitUntil(lambda: controller.state == ctl.READY, timeout=30_000)  # the good one loads
    assert json.loads(settings_file.read_text())["last_model"] == str(good.resolve())
    window.close()
    controller.store.close()
