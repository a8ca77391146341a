"""The window takes its look (palette, icons, conversation font) as it is built, once."""

import pytest

from app.ui import theme


@pytest.mark.parametrize("look", ["dark", "light"])
def test_the_window_takes_its_look_as_it_is_built_not_twice(qtbot, open_window, no_starter, monkeypatch, look):
    import json

    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from app.core import paths

    paths.current().ensure().settings_file.write_text(json.dumps({"appearance": {"theme": look, "font_size": 15}}))
    restyled = []
    monkeypatch.setattr(theme, "restyle", lambda *args: restyled.append(args))
    monkeypatch.setattr(theme, "_applied", None)  # nothing left from an earlier window
    window, _controller = open_window()
    assert restyled == []  # styled once, before its widgets were made (50 ms of the start)
    palette = QApplication.palette()
    dark = palette.color(QPalette.Window).lightness() < 128
    assert dark == (look == "dark")
    # Style sheets took palette() as it is: the conversation list's background is the theme's.
    sidebar = window.sidebar.grab().toImage()
    assert sidebar.pixelColor(5, sidebar.height() - 5).name() == palette.color(QPalette.AlternateBase).name()
    assert window.transcript.font().pointSize() == 15
    image = window.new_chat_button.icon().pixmap(16, 16).toImage()
    inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
             if image.pixelColor(x, y).alpha() > 200]
    assert inked and all((colour.lightness() > 128) == dark for colour in inked)  # drawn in the theme's text colour
