"""`python -m app` behaves exactly like the `cove` command, whose entry point is run().

run() starts the engine process before importing the rest of Cove when the command will
need it (the window, `cove chat`): the engine's start then overlaps the app's imports
(app/engine/prestart.py). This module imports nothing else at the top: the engine process
is spawned, and a spawned child may import its parent's main module again.
"""

import multiprocessing
import sys

EARLY_ENGINE = (None, "chat")  # the window (no command) and `cove chat` load a model at once


def run() -> int:
    from app.core import startup_gc

    startup_gc.pause()  # until the start is over (startup_gc.py says why)
    command = next((arg for arg in sys.argv[1:2]), None)
    if command in EARLY_ENGINE:
        from app.engine import prestart

        prestart.start(window=command is None)
        if command is None:
            prestart.load_default()  # the window's model loads while Qt starts
    from app.cli import main

    return main()


if __name__ == "__main__":
    # The engine runs in a spawned child process; a frozen (bundled) app needs this
    # so that the child does not start a second copy of the window.
    multiprocessing.freeze_support()
    raise SystemExit(run())
