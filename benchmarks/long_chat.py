"""How the window handles a long conversation: open it, open all of it, scroll it.

    python benchmarks/long_chat.py [--messages 2000]

Fills a temporary COVE_HOME with one conversation of question/answer pairs (the
answers in Markdown with a list and a code block), opens it in the real window
(offscreen) and prints JSON: seconds to open it (the newest transcript.PAGE
messages, first with Markdown rendered, then again), seconds to show every message
("Show earlier messages"), and the average time of one scroll step. Target: opening
under 0.5 s. Then hostile sizes: seconds to open a conversation whose title is 10 MB
and whose question and answer are each 1 MB on one line, and to "Show all" of that
answer (a minute and more before they were bounded; target: under 2 s each).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ANSWER = ("Here is **an answer** with a list:\n\n- one\n- two\n\n```python\nprint('hi')\n```\n"
          + "Some words to read. " * 20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COVE_HOME"] = tempfile.mkdtemp(prefix="cove-bench-long-")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.core import paths
    from app.ui.main import build
    from app.ui.widgets import transcript

    window, controller = build(paths.current().ensure())
    window.resize(1100, 760)
    window.show()
    app.processEvents()
    store = controller.store
    conversation = store.create_conversation()
    with store.db.atomic():
        for i in range(args.messages // 2):
            question = store.add_user_message(conversation.id, f"question {i} " + "lorem ipsum " * 10)
            answer = store.begin_answer(conversation.id, "m.gguf", {}, parent_id=question.id)
            store.finish_answer(answer.id, ANSWER, "complete")
    controller.conversations.refresh()

    def timed(fn) -> float:
        started = time.perf_counter()
        fn()
        app.processEvents()
        return time.perf_counter() - started

    first = timed(lambda: controller.open_conversation(conversation.id))
    again = timed(lambda: controller.open_conversation(conversation.id))
    everything = timed(lambda: controller.open_conversation(conversation.id, show_all=True))
    bar = window.transcript.verticalScrollBar()
    steps = list(range(0, bar.maximum(), max(1, bar.maximum() // 50)))
    scroll = timed(lambda: [(bar.setValue(v), app.processEvents()) for v in steps]) / max(1, len(steps))

    huge = store.create_conversation(title="T" * 10_000_000)
    question = store.add_user_message(huge.id, "x" * 1_000_000)
    answer = store.begin_answer(huge.id, "m.gguf", {}, parent_id=question.id)
    store.finish_answer(answer.id, "[a](" * 250_000, "complete")
    controller.conversations.refresh()
    open_huge = timed(lambda: controller.open_conversation(huge.id))
    show_all = timed(lambda: window.transcript.show_all(answer.id))
    print(json.dumps({
        "benchmark": "long_chat", "messages": args.messages, "shown_at_first": min(args.messages, transcript.PAGE),
        "open_s": round(first, 3), "open_again_s": round(again, 3), "open_all_s": round(everything, 3),
        "scroll_step_ms": round(scroll * 1000, 1), "target_open_s": 0.5, "meets_target": first <= 0.5,
        "open_1mb_line_10mb_title_s": round(open_huge, 3), "show_all_1mb_s": round(show_all, 3),
        "target_huge_s": 2.0, "meets_huge_target": max(open_huge, show_all) <= 2.0,
    }))
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
