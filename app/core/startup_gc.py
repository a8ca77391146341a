"""Python's cycle collector sleeps while Cove starts.

Starting the window makes about 56,000 objects the collector tracks (modules, classes,
dataclasses' methods, Qt's enums, the widgets' wrappers), and almost all of them live as
long as the process. With the collector on, Python walks them again and again as they are
made and finds almost nothing to free: on the 2-core EPYC it ran 118 times, 75-100 ms in
all, while the window imported and built itself, and about 20 ms in the engine's imports
(benchmarks/coldstart.py's window_ready_s). So `cove` pauses it first (app/__main__.py) and
resumes it once the start is over: the window once it is shown, a command once its
arguments are read, the engine process (a copy made while it slept) once it has imported
llama.cpp.

On resuming, what the start made is frozen (gc.freeze): moved out of the collector's sight,
so that the full collections a long session runs, while an answer streams, do not walk
those objects again either. The price is that cycles among them are never collected: about
1,500 objects in the window's 56,000 (500 in the engine's 39,000) were garbage already, and
what the start made and a later step drops (the welcome page a first chat replaces) stays
too. A one-time cost, bounded by what the start made, against a 0.04 s collection to find
them.
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
