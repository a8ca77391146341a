"""The welcome page: what the starter is good for, and one click to a model that fits and is fast here.

Issue 14, points 4 and 10: on two cores without a GPU the welcome must not push a 9B model.
"""

from app.core import catalog as cat
from app.core import speed
from app.core.system import Machine
from app.ui.chat import welcome_actions as wa
from tests.ui.test_gui_branches import click_link

GB = 1 << 30
BIG = ("qwen2.5-7b-instruct", "gemma-2-9b-it")


def open_welcome(qtbot, open_window, monkeypatch, machine):
    monkeypatch.setattr(wa.system, "machine", lambda: machine)
    window, controller = open_window()
    qtbot.waitUntil(lambda: not controller.welcome_actions.looking, timeout=10_000)
    return window, controller


def test_two_cores_without_a_gpu_get_a_small_fast_model_and_an_honest_starter(qtbot, open_window,
                                                                            starter_installed, monkeypatch):
    machine = Machine(free_ram=32 * GB, total_ram=32 * GB, gpu_backend="", physical_cores=2)
    window, controller = open_welcome(qtbot, open_window, monkeypatch, machine)
    choice, labels = controller.welcome_actions.recommendation
    assert choice.model_id not in BIG and labels == f"{cat.FITS} · {speed.FAST}"
    shown = window.transcript.plain_text()
    assert "try Cove at once" in shown and "makes mistakes" in shown  # what the starter is, plainly
    assert "Gemma 2 9B" not in shown and "7B" not in shown
    assert f"Download {choice.name}" in shown and "fits · fast here." in shown
    started = []
    monkeypatch.setattr("app.ui.models.models_actions.ModelsActions.start_download",
                        lambda self, repo, filename: started.append((repo, filename)))
    click_link(qtbot, window, wa.DOWNLOAD, 0)  # the one button: the download starts
    assert started == [(choice.repo, choice.first_file)]


def test_a_gpu_with_memory_of_its_own_gets_a_large_model(qtbot, open_window, starter_installed, monkeypatch):
    machine = Machine(free_ram=16 * GB, total_ram=32 * GB, gpu_backend="cuda", free_vram=12 * GB, physical_cores=4)
    window, controller = open_welcome(qtbot, open_window, monkeypatch, machine)
    choice, labels = controller.welcome_actions.recommendation
    assert choice.model_id in BIG and speed.FAST in labels
    assert choice.name in window.transcript.plain_text()


def test_when_nothing_would_feel_good_the_starter_is_named_as_the_one_that_runs_well(qtbot, open_window,
                                                                                  starter_installed, monkeypatch):
    machine = Machine(free_ram=int(0.6 * GB), total_ram=2 * GB, gpu_backend="", physical_cores=1)
    window, controller = open_welcome(qtbot, open_window, monkeypatch, machine)
    assert controller.welcome_actions.recommendation is None
    shown = window.transcript.plain_text()
    assert "the built-in model is the one that runs well here" in shown and "Download" not in shown


def test_the_speed_of_an_answer_is_recorded_for_the_next_advice(qtbot, open_window, starter_installed):
    from app.core import paths
    from app.core import store as st

    window, controller = open_window()
    model = controller.models.current_model()
    assert model is not None and model.builtin
    message = st.Message(id=1, conversation_id=1, role="assistant", content="x" * 200, status=st.COMPLETE,
                         created="2026-01-01T00:00:00+00:00", tokens_per_second=42.0, completion_tokens=120)
    controller._show_model_line(message, finished=True)  # written on the pool, not the GUI thread
    qtbot.waitUntil(lambda: speed.load(paths.current().speed_file) != {}, timeout=5_000)
    assert speed.load(paths.current().speed_file) == {model.size: 42.0}


def test_the_speed_of_an_answer_is_written_off_the_gui_thread(qtbot, open_window, starter_installed, monkeypatch):
    """The file is written with an fsync: on the GUI thread it froze the window as each answer ended."""
    import threading

    from app.core import store as st

    window, controller = open_window()
    writers = []
    monkeypatch.setattr(speed, "record", lambda *args: writers.append(threading.current_thread()))
    message = st.Message(id=1, conversation_id=1, role="assistant", content="x" * 200, status=st.COMPLETE,
                         created="2026-01-01T00:00:00+00:00", tokens_per_second=42.0, completion_tokens=120)
    controller._show_model_line(message, finished=True)
    qtbot.waitUntil(lambda: bool(writers), timeout=5_000)
    assert writers[0] is not threading.main_thread()
