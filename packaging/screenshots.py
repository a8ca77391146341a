"""Screenshots of the real app for the README, made offscreen.

    python packaging/screenshots.py [--out packaging/screenshots]

Opens Cove's own window in a temporary COVE_HOME (the model picker shows what is
installed here, e.g. the built-in starter), fills it with a demonstration
conversation, and saves PNGs: the first-run welcome, a code-heavy answer in the
light and the dark theme, and the settings window. Nothing from your own data
folder is read or shown.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUESTION = "How do I find the 10 largest files in a folder, in Python and in the shell?"
ANSWER = """Two ways, depending on where you are.

### In Python

```python
from pathlib import Path

def largest_files(folder, count=10):
    files = (p for p in Path(folder).rglob("*") if p.is_file())
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:count]

for path in largest_files("."):
    print(f"{path.stat().st_size:>12,}  {path}")
```

### In the shell

```bash
find . -type f -printf '%s %p\\n' | sort -nr | head -n 10
```

| Tool | Good for |
|---|---|
| Python | scripts you keep, any platform |
| `find` + `sort` | a quick look on Linux |

On macOS, `find` has no `-printf`: use `du -ah . | sort -rh | head -n 10` instead."""


def _demo(store) -> int:
    older = store.create_conversation(title="Meeting notes, 12 May")
    store.add_user_message(older.id, "Summarise: budget approved, launch moved to June, Ana owns the press kit.")
    for title in ("Translate the contract summary", "Ideas for the team offsite", "Explain GGUF quantization"):
        conversation = store.create_conversation(title=title)
        store.add_user_message(conversation.id, title)
    conversation = store.create_conversation()
    question = store.add_user_message(conversation.id, QUESTION)
    answer = store.begin_answer(conversation.id, "Qwen2.5-Coder-7B-Instruct-Q4_K_M.gguf", {}, parent_id=question.id)
    store.finish_answer(answer.id, ANSWER, "complete", {
        "completion_tokens": 214, "tokens_per_second": 14.2, "time_to_first_token": 0.31,
        "prompt_tokens": 58, "processed_tokens": 58})
    store.set_pinned(older.id, True)
    return conversation.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "packaging" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COVE_HOME"] = tempfile.mkdtemp(prefix="cove-screenshots-")
    os.environ["HF_HUB_OFFLINE"] = "1"  # the welcome's recommendation needs no network anyway
    sys.path.insert(0, str(ROOT))

    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from app.core import paths
    from app.ui.main import build

    window, controller = build(paths.current().ensure())
    window.resize(1180, 760)
    window.show()

    def settle(seconds: float = 0.6) -> None:
        import time

        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def save(widget, name: str) -> None:
        settle()
        path = out / name
        widget.grab().save(str(path))
        print(path)

    settle(2.0)  # the welcome's recommendation is worked out in the background
    save(window, "welcome.png")
    conversation_id = _demo(controller.store)
    controller.conversations.refresh()
    controller.open_conversation(conversation_id)
    save(window, "light.png")
    controller.update_settings(replace(controller.settings, appearance=replace(controller.settings.appearance,
                                                                                 theme="dark")))
    controller.open_conversation(conversation_id)
    save(window, "dark.png")
    controller.update_settings(replace(controller.settings, appearance=replace(controller.settings.appearance,
                                                                                 theme="light")))
    dialog = controller.settings_actions.open_settings()
    dialog.tabs.setCurrentIndex(1)
    save(dialog, "settings.png")
    dialog.reject()
    controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
