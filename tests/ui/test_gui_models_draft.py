"""The Models window's details offer a draft model when its smaller relative is installed, with the gain."""

import json

import pytest

from app.core import settings as s
from app.core.errors import CoveError
from app.core.models import ModelEntry
from app.ui.models.draft_details import DraftDetails
from app.ui.models.models_dialog import ModelsDialog
from app.ui.settings_model import SettingsModel
from app.ui.tasks import ErrorPresenter, TaskRunner
from tests.support.tiny_models import write_tiny_model

MAIN = "SmolLM2-1.7B-Instruct-Q4_K_M"
GAIN = {"draft": "SmolLM2-135M-Instruct-Q4_K_M.gguf", "speedup": 1.65, "plain_tok_s": 10.0,
        "drafted_tok_s": 16.5, "acceptance": 0.72}


def row(path):
    return {"name": path.stem, "path": str(path), "entry": ModelEntry(path, path.stat().st_size), "problem": ""}


@pytest.fixture
def details(qtbot, tmp_path):
    """The dialog and its draft details over two tiny SmolLM2 files (a '1.7B' and a '135M' with one vocabulary)."""
    models = tmp_path / "models"
    models.mkdir()
    main = write_tiny_model(models / f"{MAIN}.gguf", "smollm2", quantized=True, n_embd=128, n_layer=3)
    draft = write_tiny_model(models / "SmolLM2-135M-Instruct-Q4_K_M.gguf", "smollm2", quantized=True, seed=2)
    dialog = ModelsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    settings = SettingsModel(s.Settings(), tmp_path / "settings.json")
    tasks = TaskRunner(ErrorPresenter())
    measured = []

    def measure(model_path, options):
        measured.append((model_path, options.draft_model))
        if measured[0] == "fail":
            raise CoveError("The model could not be loaded.")
        return dict(GAIN)

    panel = DraftDetails(dialog, settings, tasks, lambda: sorted(models.glob("*.gguf")), tmp_path, measure)
    return dialog, panel, settings, tasks, main, draft, measured


def settle(qtbot, tasks):
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=10_000)


def test_the_draft_model_is_offered_and_the_choice_is_saved(qtbot, details, tmp_path):
    dialog, panel, settings, tasks, main, draft, _measured = details
    panel.show_for(row(main))
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    assert draft.stem in dialog.draft_label.text()
    assert dialog.draft_combo.currentData() == s.DRAFT_OFF
    assert "not measured yet" in dialog.draft_gain_label.text()
    dialog.draft_combo.setCurrentIndex(dialog.draft_combo.findData(s.DRAFT_AUTO))
    dialog.draft_combo.activated.emit(dialog.draft_combo.currentIndex())
    assert settings.value.draft_model(MAIN) == s.DRAFT_AUTO
    saved, problems = s.load(tmp_path / "settings.json")
    assert problems == [] and saved.draft_model(MAIN) == s.DRAFT_AUTO
    # Another model selected and this one again: the saved choice is shown.
    panel.show_for(None)
    assert not dialog.draft_box.isVisible()
    panel.show_for(row(main))
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    assert dialog.draft_combo.currentData() == s.DRAFT_AUTO


def test_nothing_is_offered_without_a_paired_model_of_the_same_vocabulary(qtbot, details):
    dialog, panel, _settings, tasks, main, draft, _measured = details
    panel.show_for(row(draft))  # the small one has nothing smaller to draft for it
    settle(qtbot, tasks)
    assert not dialog.draft_box.isVisible() and panel.draft is None
    draft.unlink()
    write_tiny_model(draft, "smollm2", quantized=True, extra_tokens=("▁x",))  # same name, other token list
    panel.show_for(row(main))
    settle(qtbot, tasks)
    assert not dialog.draft_box.isVisible() and panel.draft is None


def test_the_measured_gain_is_shown_and_kept(qtbot, details, tmp_path):
    dialog, panel, settings, tasks, main, draft, measured = details
    panel.show_for(row(main))
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    dialog.draft_measure_button.click()
    settle(qtbot, tasks)
    assert measured == [(str(main), str(draft))]  # measured with the draft, though the setting is off
    assert "1.65×" in dialog.draft_gain_label.text() and "72%" in dialog.draft_gain_label.text()
    assert settings.value.draft_gain(MAIN) == GAIN
    assert s.load(tmp_path / "settings.json")[0].draft_gain(MAIN) == GAIN
    assert dialog.draft_measure_button.isEnabled()


def test_a_failed_measurement_says_why_and_keeps_the_settings(qtbot, details, tmp_path):
    dialog, panel, settings, tasks, main, _draft, measured = details
    measured.append("fail")
    panel.show_for(row(main))
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    before = settings.value
    dialog.draft_measure_button.click()
    settle(qtbot, tasks)
    assert dialog.draft_gain_label.text() == "Could not measure the speed-up: The model could not be loaded."
    assert settings.value == before and not (tmp_path / "settings.json").exists()
    assert dialog.draft_measure_button.isEnabled()


def test_a_measurement_without_drafts_says_the_settings_prevent_them(qtbot, details):
    dialog, panel, settings, _tasks, main, _draft, _measured = details
    settings.update(settings.value.with_model_value(MAIN, "draft_gain", {**GAIN, "speedup": 0.99,
                                                                           "acceptance": None}))
    panel.show_for(row(main))
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    assert "flash attention" in dialog.draft_gain_label.text()
    assert json.loads((panel.data_dir / "settings.json").read_text())["models"][MAIN]["draft_gain"]["speedup"] == 0.99


def test_the_models_window_offers_it_for_the_selected_model(qtbot, no_starter):
    """Through the whole window: selecting the big model in Installed shows its draft model."""
    from app.core import paths
    from app.ui.main import build

    home = paths.current().ensure()
    write_tiny_model(home.models_dir / f"{MAIN}.gguf", "smollm2", quantized=True, n_embd=128, n_layer=3)
    write_tiny_model(home.models_dir / "SmolLM2-135M-Instruct-Q4_K_M.gguf", "smollm2", quantized=True, seed=2)
    window, controller = build(home)
    qtbot.addWidget(window)
    window.show()
    try:
        models = controller.model_sources.open_dialog()
        actions = controller.model_sources.actions
        qtbot.waitUntil(actions.is_filled, timeout=10_000)
        qtbot.waitUntil(lambda: actions.installed.rowCount() == 2, timeout=10_000)
        models.tabs.setCurrentIndex(0)
        names = [actions.installed.index(r, 0).data() for r in range(2)]
        models.installed_table.selectRow(next(r for r, n in enumerate(names) if "135M" in n))
        panel = actions.draft_details
        assert panel.model is not None and "135M" in panel.model["name"]  # asked for the selected model
        qtbot.waitUntil(lambda: controller.tasks.running() == 0, timeout=10_000)  # its answer is in
        assert not models.draft_box.isVisible() and panel.draft is None
        models.installed_table.selectRow(next(r for r, n in enumerate(names) if "1.7B" in n))
        qtbot.waitUntil(models.draft_box.isVisible, timeout=10_000)
        assert "SmolLM2-135M-Instruct-Q4_K_M" in models.draft_label.text()
    finally:
        controller.shutdown()


def blocking_measure(panel, outcome):
    """Make the panel's measurement wait for `release`; it then returns GAIN or raises, as `outcome` says."""
    import threading

    release, calls = threading.Event(), []

    def measure(model_path, options):
        calls.append((model_path, options))
        assert release.wait(10)
        if outcome == "fail":
            raise CoveError("The model could not be loaded.")
        return dict(GAIN)
    panel.measure = measure
    return release, calls


@pytest.mark.parametrize("outcome", ["ok", "fail"])
def test_a_measurement_survives_the_list_being_refreshed_and_runs_once(qtbot, details, outcome):
    """A list refresh rebuilds the row dicts: the running measurement still belongs to the model's path."""
    dialog, panel, settings, tasks, main, _draft, _measured = details
    release, calls = blocking_measure(panel, outcome)
    panel.show_for(row(main))
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    dialog.draft_measure_button.click()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    panel.show_for(row(main))  # the same model, a new row dict (modelReset, or selected again)
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    assert not dialog.draft_measure_button.isEnabled()
    assert dialog.draft_gain_label.text().startswith("Measuring")
    panel._measure()  # as a click would: no second measurement of the same model
    release.set()
    settle(qtbot, tasks)
    assert len(calls) == 1 and panel.measuring == set()
    assert dialog.draft_measure_button.isEnabled()
    if outcome == "ok":
        assert "1.65×" in dialog.draft_gain_label.text() and settings.value.draft_gain(MAIN) == GAIN
    else:
        assert dialog.draft_gain_label.text() == "Could not measure the speed-up: The model could not be loaded."
        assert settings.value.draft_gain(MAIN) is None


def test_the_measurement_keeps_away_from_the_saved_states(qtbot, details, monkeypatch):
    """The measuring engine gets no kv-cache folder nor its seal key, and a short context."""
    from dataclasses import replace

    from app.core import chat

    dialog, panel, _settings, tasks, main, draft, _measured = details
    release, calls = blocking_measure(panel, "ok")
    release.set()
    real = chat.load_options
    monkeypatch.setattr(chat, "load_options", lambda *a, **k: replace(
        real(*a, **k), kv_cache_dir="/somewhere/kv", kv_cache_key=b"k" * 32, n_ctx=8192))
    panel.show_for(row(main))
    qtbot.waitUntil(dialog.draft_box.isVisible, timeout=10_000)
    dialog.draft_measure_button.click()
    settle(qtbot, tasks)
    [(path, options)] = calls
    assert path == str(main) and options.draft_model == str(draft)
    assert (options.kv_cache_dir, options.kv_cache_key, options.n_ctx) == ("", b"", 2048)


def test_the_draft_model_is_looked_up_off_the_gui_thread_and_loaded_beside(qtbot, no_starter, monkeypatch):
    """Finding the draft model lists the models folders and reads two vocabularies: never on the GUI thread,
    neither when a model is picked nor for each answer's options."""
    import threading

    from app.core import paths
    from app.ui.chat import model_picker
    from app.ui.main import build

    home = paths.current().ensure()
    main = write_tiny_model(home.models_dir / f"{MAIN}.gguf", "smollm2", quantized=True, n_embd=128, n_layer=3)
    draft = write_tiny_model(home.models_dir / "SmolLM2-135M-Instruct-Q4_K_M.gguf", "smollm2", quantized=True,
                             seed=2)
    window, controller = build(home)
    qtbot.addWidget(window)
    try:
        picker, settings = controller.models, controller.settings_model
        threads, real = [], model_picker.chosen_draft
        monkeypatch.setattr(model_picker, "chosen_draft",
                            lambda *a: (threads.append(threading.current_thread()), real(*a))[1])
        loads = []
        monkeypatch.setattr(controller.bridge, "load", lambda path, options: loads.append((path, options)))
        settings.update(settings.value.with_model_value(MAIN, "draft_model", s.DRAFT_AUTO))
        qtbot.waitUntil(lambda: picker.combo.findData(str(main)) >= 0, timeout=10_000)
        picker.select(str(draft))
        picker.loaded_model = None
        loads.clear()
        picker.select(str(main))
        qtbot.waitUntil(lambda: controller.tasks.running() == 0, timeout=10_000)
        qtbot.waitUntil(lambda: len(loads) == 2, timeout=10_000)
        # Loaded at once without it, then (found on the pool) with it: the engine keeps the model, adds the draft.
        assert [(path, o.draft_model) for path, o in loads] == [(str(main), ""), (str(main), str(draft))]
        assert threads and threading.main_thread() not in threads
        looked = len(threads)
        model = picker.current_model()
        for _answer in range(3):  # each answer's options: what was found, nothing looked up again
            assert picker.engine_options(model).draft_model == str(draft)
        assert len(threads) == looked
        # Off in the Models window: the engine is told at once, with no draft model.
        loads.clear()
        settings.update(settings.value.with_model_value(MAIN, "draft_model", s.DRAFT_OFF))
        assert [o.draft_model for _p, o in loads] == [""]
        assert picker.engine_options(model).draft_model == "" and len(threads) == looked
    finally:
        controller.shutdown()


def test_a_model_without_a_draft_is_loaded_once(qtbot, no_starter, monkeypatch):
    """No draft model found (the usual case): the lookup ends without loading the model a second time, which
    would reach the window as a second "loaded" in the middle of the first answer."""
    import threading

    from app.core import paths
    from app.ui.chat import model_picker
    from app.ui.main import build

    home = paths.current().ensure()
    main = write_tiny_model(home.models_dir / f"{MAIN}.gguf", "smollm2", quantized=True, n_embd=128, n_layer=3)
    # Every lookup waits until the load is sent: its answer comes after, as on a busy machine.
    release, real = threading.Event(), model_picker.chosen_draft
    monkeypatch.setattr(model_picker, "chosen_draft", lambda *a: (release.wait(10), real(*a))[1])
    window, controller = build(home)
    qtbot.addWidget(window)
    try:
        picker, settings = controller.models, controller.settings_model
        loads = []
        monkeypatch.setattr(controller.bridge, "load", lambda path, options: loads.append((path, options)))
        settings.update(settings.value.with_model_value(MAIN, "draft_model", s.DRAFT_AUTO))
        qtbot.waitUntil(lambda: picker.combo.findData(str(main)) >= 0, timeout=10_000)
        picker.select(str(main))
        loads.clear()
        picker.reload()
        assert [(path, o.draft_model) for path, o in loads] == [(str(main), "")]
        asked = set(picker._draft_asked)
        assert asked  # the lookup for this model and setting is under way
        release.set()
        qtbot.waitUntil(lambda: controller.tasks.running() == 0 and not picker._draft_asked, timeout=10_000)
        qtbot.wait(100)  # the lookup's answer is delivered on the GUI thread
        assert picker._drafts[MAIN][2] == ""  # looked up: none
        assert [(path, o.draft_model) for path, o in loads] == [(str(main), "")]
    finally:
        release.set()
        controller.shutdown()
