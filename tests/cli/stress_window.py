"""The window's part in test_stress.py: the real window and chat controller, offscreen, asking questions.

    python -m tests.cli.stress_window LOG NAME DEADLINE CONVERSATION_ID   (from the repository root)

Builds the window as `cove` does (app.ui.main.build: same store, same engine bridge,
the real model from the settings' last_model), opens the shared conversation and sends
questions through ChatController.send, as the Send button does, until DEADLINE (a Unix
time). A question is appended to LOG (outside the data folder) only once the
controller has committed it: that is when the window shows it as sent. Every few
questions it also makes a backup, as the window's daily backup does, so the `cove chat`
processes write while a backup is being copied.
"""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def pump(until, timeout: float) -> bool:
    """Run the event loop until until() is true or timeout seconds have passed."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return until()


def main() -> int:
    log_path, name, deadline, conversation_id = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    app = QApplication([])
    from app.core import backups, paths
    from app.ui.chat import status_presenter as ctl
    from app.ui.main import build

    cove_paths = paths.current().ensure()
    window, controller = build(cove_paths)
    window.show()
    controller.open_conversation(conversation_id)
    finished = []
    controller.answer_finished.connect(lambda message_id, status: finished.append(status))
    idle = (ctl.READY, ctl.STOPPED, ctl.ERROR, ctl.NO_MODEL)
    pump(lambda: controller.state in idle, 60)
    sent = 0
    with open(log_path, "a", encoding="utf-8") as log:
        while time.time() < deadline:
            text = f"{name} pid {os.getpid()} question {sent}"
            before = len(finished)
            controller.send(text)
            if controller.session.recorder is None:  # not committed (it says why in the status bar): not reported
                print(f"not sent: {controller.window.state_label.text()}", file=sys.stderr, flush=True)
                pump(lambda: False, 0.5)
                continue
            log.write(text + "\n")
            log.flush()
            os.fsync(log.fileno())
            sent += 1
            pump(lambda before=before: len(finished) > before, 120)
            if sent % 3 == 0:
                backups.make_backup(cove_paths.database, backups.DAILY)
    controller.shutdown()
    window.close()
    controller.store.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
