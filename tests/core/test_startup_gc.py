"""The cycle collector sleeps while Cove starts and wakes when the start is over (app/core/startup_gc.py)."""

import gc

import pytest

from app.core import startup_gc


@pytest.fixture(autouse=True)
def collector_as_it_was():
    was_enabled = gc.isenabled()
    yield
    startup_gc._paused = False
    gc.unfreeze()  # the test process's objects go back in the collector's sight
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_sleeps_until_resumed_then_leaves_what_the_start_made_out():
    gc.enable()
    startup_gc.pause()
    assert not gc.isenabled() and startup_gc.paused()
    made_during_the_start = [[] for _ in range(100)]
    startup_gc.resume()
    assert gc.isenabled() and not startup_gc.paused()
    assert gc.get_freeze_count() >= len(made_during_the_start)
    startup_gc.resume()  # a second resume changes nothing
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off():
    gc.disable()  # an embedding program's own choice, say
    startup_gc.pause()
    startup_gc.resume()
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_resuming_without_a_pause_changes_nothing():
    gc.enable()
    startup_gc.resume()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_command_collects_again_once_its_arguments_are_read(cove_home, capsys):
    from app import cli

    gc.enable()
    startup_gc.pause()
    assert cli.main(["models", "list"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() > 0
