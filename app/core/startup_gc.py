"""Python's cycle collector sleeps while Cove starts.

Starting the window makes about 56,000 objects the collector tracks (modules, classes,
dataclasses' methods, Qt's enums, the widgets' wrappers), and almost all of them live as
long as the process. With the collector on, Python walks them again every few hundred
allocations and finds almost nothing to free: 0.04 s of the window's 0.5 s of imports on the 2-core EPYC
(benchmarks/coldstart.py's window_ready_s). So `cove` pauses it first (app/__main__.py)
and resumes it once the start is over: the window once it is shown, a command once its
arguments are read, the engine process (a copy made while it slept) before it starts work.

On resuming, what the start made is frozen (gc.freeze): moved out of the collector's sight,
so that the full collections a long session runs, while an answer streams, do not walk
those objects again either. What a start leaves for the collector is small: about 1,500
objects in the window's 56,000, 500 in the engine's 39,000, kept rather than found by a
0.04 s collection.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting cycles until resume(); nothing happens if the collector is off already."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect cycles again, as before pause(), leaving the objects made so far out of it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused
