"""packaging/screenshots.py makes every screen the README shows, and the README shows only screens it makes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "packaging" / "screenshots"
SCREENS = ("welcome", "chat", "search", "streaming", "models", "downloads", "settings", "settings-engine",
           "settings-privacy", "privacy", "notes")


def test_the_readme_gallery_shows_committed_screenshots_in_every_theme_and_size():
    linked = re.findall(r"\(packaging/screenshots/([\w.-]+\.png)\)", (ROOT / "README.md").read_text())
    assert len(linked) >= 10 and all((SHOTS / name).is_file() for name in linked), linked
    for screen in SCREENS:
        for variant in ("light-1366", "light-800", "dark-1366", "dark-800"):
            assert (SHOTS / f"{screen}-{variant}.png").is_file(), f"{screen}-{variant}"


def test_the_script_drives_the_real_window_and_saves_each_screen(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "screenshots.py"), "--out", str(tmp_path),
                             "--themes", "dark", "--sizes", "800x500"], capture_output=True, text=True,
                            timeout=600, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    made = {p.name for p in tmp_path.glob("*.png")}
    expected = {f"{screen}-dark-800.png" for screen in SCREENS}
    if "skipped streaming" in result.stdout:  # no model installed here: every other screen is still made
        expected.discard("streaming-dark-800.png")
    assert expected <= made, expected - made
    chat = QImage(str(tmp_path / "chat-dark-800.png"))
    assert (chat.width(), chat.height()) == (800, 500)
    assert chat.pixelColor(400, 250).lightness() < 100  # the dark theme, drawn (not a blank image)
    models = QImage(str(tmp_path / "models-dark-800.png"))
    assert models.width() <= 800 and models.height() <= 500  # dialogs fit the small screen


def test_a_bad_size_is_one_clear_line(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "screenshots.py"), "--out", str(tmp_path),
                             "--sizes", "big"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 1 and result.stderr.strip().count("\n") == 0 and "WIDTHxHEIGHT" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_language_that_is_not_shipped_is_one_clear_line(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "screenshots.py"), "--out", str(tmp_path),
                             "--lang", "xx"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 1 and result.stderr.strip().count("\n") == 0
    assert "xx is not shipped" in result.stderr and "es" in result.stderr
    assert list(tmp_path.iterdir()) == []
