"""`python -m app` behaves exactly like the `cove` command."""

import multiprocessing

from app.cli import main

if __name__ == "__main__":
    # The engine runs in a spawned child process; a frozen (bundled) app needs this
    # so that the child does not start a second copy of the window.
    multiprocessing.freeze_support()
    raise SystemExit(main())
