"""A second Cove for the same data folder brings the first window forward and exits."""

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget

from app.core import paths
from app.ui.single_instance import ALREADY_RUNNING, SingleInstance, bring_to_front, server_name

ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return paths.current().ensure().data_dir


def test_second_cove_for_the_folder_switches_to_the_first_and_exits(qtbot, cove_home):
    first = SingleInstance(data_dir())
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.activated, timeout=30000):
            # The real `cove` (python -m app), same COVE_HOME (inherited), no display needed.
            second = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)
        try:
            _out, err = second.communicate(timeout=60)
        finally:
            second.kill()
        assert second.returncode == 0, err
        assert ALREADY_RUNNING in err
        assert not (cove_home / "cove.db").exists()  # it opened nothing
    finally:
        first.release()


def test_second_guard_in_process_sees_the_first(qtbot, cove_home):
    first = SingleInstance(data_dir())
    assert first.acquire()
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert not SingleInstance(data_dir()).acquire()
    first.release()
    # Once the first has gone, the next start is the first again.
    again = SingleInstance(data_dir())
    assert again.acquire()
    again.release()


def test_other_data_folders_run_side_by_side(qtbot, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert server_name(one) != server_name(two)
    assert server_name(one) == server_name(tmp_path / "x" / ".." / "one")  # the folder, however written
    a, b = SingleInstance(one), SingleInstance(two)
    assert a.acquire() and b.acquire()
    a.release()
    b.release()


CRASHING_FIRST = """
import sys, time
from PySide6.QtCore import QCoreApplication
from app.ui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(sys.argv[1])
assert guard.acquire()
print("listening", flush=True)
time.sleep(60)
"""


def test_a_killed_cove_does_not_block_the_next_start(qtbot, cove_home):
    folder = data_dir()
    first = subprocess.Popen([sys.executable, "-c", CRASHING_FIRST, str(folder)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout.readline().strip() == "listening"
    finally:
        first.kill()  # SIGKILL: its socket file (on Unix) stays behind, answered by no one
        first.wait()
        first.stdout.close()
    if os.name == "posix":
        assert Path(QDir.tempPath(), server_name(folder)).exists()  # the stale socket
    started = time.monotonic()
    guard = SingleInstance(folder)
    assert guard.acquire()
    assert time.monotonic() - started < 5
    with qtbot.waitSignal(guard.activated, timeout=5000):
        assert not SingleInstance(folder).acquire()
    guard.release()


def test_bring_to_front_restores_a_minimized_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()
    bring_to_front(None)  # before the window exists: nothing to do
