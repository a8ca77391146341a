"""Entry point of the bundled (PyInstaller) Cove: the same as `python -m app`.

multiprocessing.freeze_support() must run before anything else: the llama.cpp engine
runs in a spawned child process, and in a frozen app that child is this same
executable started with `--multiprocessing-fork`; freeze_support() turns it into the
engine worker instead of a second copy of Cove.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from app.__main__ import run  # starts the engine before the rest of Cove is imported

    raise SystemExit(run())
