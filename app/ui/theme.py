"""Light and dark looks, the conversation's font size, and icons drawn in the theme's colours.

Cove uses Qt's Fusion style with its own two palettes, so the window looks the
same on every desktop and a dark theme is truly dark (native styles ignore a dark
palette in places). "system" follows the desktop's colour scheme, also when it
changes while Cove runs. Icons are SVG files in resources/icons drawn with
`currentColor`, recoloured for the palette and rendered at several sizes so they
stay sharp on high-DPI screens.

The style is Fusion behind a thin proxy (CoveStyle) that drops the desktop's stock
pictures from dialog buttons and message boxes' buttons: under KDE and GNOME Qt adds a
green tick, a red X and a floppy disk to OK, Cancel and Save, which clash with Cove's
flat icons; the best apps of the kind label dialog buttons with words only. The button
boxes are told so by the application's style sheet (dialogbuttonbox-buttons-have-icons),
not by a styleHint() written in Python: Qt asks for style hints thousands of times while
it builds, lays out and paints widgets, and each call into Python (waiting for the GIL
when another thread holds it) made opening a window a frozen moment.
"""

from __future__ import annotations

import gc
from functools import lru_cache

import shiboken6
from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QProxyStyle, QStyle, QWidget

from app.core.resources import resource_path
from app.core.settings import AppearanceOptions

ICON_SIZES = (16, 20, 24, 32, 48, 64)

_LIGHT = {
    QPalette.Window: "#f6f7f9", QPalette.WindowText: "#1f2328", QPalette.Base: "#ffffff",
    QPalette.AlternateBase: "#eef1f5", QPalette.Text: "#1f2328", QPalette.Button: "#ffffff",
    QPalette.ButtonText: "#1f2328", QPalette.Highlight: "#2f6fd6", QPalette.HighlightedText: "#ffffff",
    QPalette.ToolTipBase: "#ffffff", QPalette.ToolTipText: "#1f2328", QPalette.PlaceholderText: "#8c959f",
    QPalette.Link: "#2f6fd6", QPalette.Mid: "#c9ced6", QPalette.Midlight: "#e4e7eb", QPalette.Dark: "#9aa1ab",
}
_DARK = {
    QPalette.Window: "#1e1f22", QPalette.WindowText: "#e6e6e6", QPalette.Base: "#26272b",
    QPalette.AlternateBase: "#2d2f34", QPalette.Text: "#e6e6e6", QPalette.Button: "#2d2f34",
    QPalette.ButtonText: "#e6e6e6", QPalette.Highlight: "#3d7be0", QPalette.HighlightedText: "#ffffff",
    QPalette.ToolTipBase: "#2d2f34", QPalette.ToolTipText: "#e6e6e6", QPalette.PlaceholderText: "#8b8f96",
    QPalette.Link: "#7fb0ff", QPalette.Mid: "#45484f", QPalette.Midlight: "#3a3c42", QPalette.Dark: "#141517",
}


_STOCK_BUTTON_ICONS = {
    QStyle.SP_DialogOkButton, QStyle.SP_DialogCancelButton, QStyle.SP_DialogHelpButton,
    QStyle.SP_DialogOpenButton, QStyle.SP_DialogSaveButton, QStyle.SP_DialogCloseButton,
    QStyle.SP_DialogApplyButton, QStyle.SP_DialogResetButton, QStyle.SP_DialogDiscardButton,
    QStyle.SP_DialogYesButton, QStyle.SP_DialogNoButton, QStyle.SP_DialogAbortButton,
    QStyle.SP_DialogRetryButton, QStyle.SP_DialogIgnoreButton, QStyle.SP_DialogSaveAllButton,
    QStyle.SP_DialogYesToAllButton, QStyle.SP_DialogNoToAllButton,
}


_style = None  # the application's CoveStyle, once installed
_applied = None  # (appearance, dark): what apply() last styled the application with


class CoveStyle(QProxyStyle):
    """Fusion, with words only on dialog buttons (no stock tick, X or floppy disk; see SCROLLBARS too)."""

    def __init__(self):
        super().__init__("Fusion")

    def standardIcon(self, standard_icon, option=None, widget=None) -> QIcon:
        if standard_icon in _STOCK_BUTTON_ICONS:
            return QIcon()
        return super().standardIcon(standard_icon, option, widget)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(appearance: AppearanceOptions) -> bool:
    if appearance.theme == "system":
        return system_prefers_dark()
    return appearance.theme == "dark"


def palette(dark: bool) -> QPalette:
    result = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        result.setColor(QPalette.All, role, QColor(colour))
    disabled = QColor("#6b6f76" if dark else "#a0a6ae")
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        result.setColor(QPalette.Disabled, role, disabled)
    return result


# Thin scroll bars with a rounded handle and no arrows, as in the desktop apps people use daily. Fusion's own,
# under the window's style sheet, drew the track below the handle solid black in the light theme.
# The last rule: dialog buttons in words only (see the module docstring).
SCROLLBARS = """
QScrollBar:vertical { background: transparent; width: 12px; margin: 0; border: none; }
QScrollBar:horizontal { background: transparent; height: 12px; margin: 0; border: none; }
QScrollBar::handle:vertical { background: %(handle)s; border-radius: 4px; min-height: 32px; margin: 2px 3px; }
QScrollBar::handle:horizontal { background: %(handle)s; border-radius: 4px; min-width: 32px; margin: 3px 2px; }
QScrollBar::handle:hover, QScrollBar::handle:pressed { background: %(hover)s; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
"""


def scrollbar_style(dark: bool) -> str:
    colours = {"handle": "#5a5e66", "hover": "#7a7f88"} if dark else {"handle": "#c3c8cf", "hover": "#9aa1ab"}
    return SCROLLBARS % colours


def apply(app, appearance: AppearanceOptions) -> bool:
    """Style the whole application; returns whether the dark palette is in use."""
    dark = is_dark(appearance)
    global _style
    if _style is None:
        # Once per application. (app.style() is Qt's style-sheet wrapper once a style sheet is set, never
        # a CoveStyle: checking it replaced the style, deleting the one every widget was polished with, at
        # each restyle — a crash now and then.) The module keeps the Python side of the style alive.
        _style = CoveStyle()
        app.setStyle(_style)
    app.setPalette(palette(dark))
    app.setStyleSheet(scrollbar_style(dark))
    icon.cache_clear()
    global _applied
    _applied = (appearance, dark)
    return dark


def style_new_window(app, appearance: AppearanceOptions, window) -> None:
    """The look of a window built after apply() with this appearance (main.py applies it first): its
    widgets took the palette, style sheets and icons as they were made, so only the conversation's
    font is left to set. restyle() would do it all again: 50 ms of the window's start."""
    if _applied != (appearance, is_dark(appearance)):
        restyle(app, appearance, window)
        return
    window.transcript.setFont(conversation_font(appearance, app.font()))


def restyle(app, appearance: AppearanceOptions, window) -> None:
    """Apply the look to a running window: palette, style sheets, icons and the conversation's font."""
    apply(app, appearance)
    # Style sheets resolve palette() when set: set them again, on this window's widgets (its dialogs are
    # its children). Not app.allWidgets(): that holds other windows' widgets too, and one deleted while
    # the list is walked (a garbage-collected parent takes its children with it) crashed the process.
    # So: this window's widgets, each checked to be alive, with the collector paused meanwhile.
    widgets = [window, *window.findChildren(QWidget)]
    collecting = gc.isenabled()
    gc.disable()
    try:
        for widget in widgets:
            if shiboken6.isValid(widget) and widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())
    finally:
        if collecting:
            gc.enable()
    window.set_icons()
    window.transcript.setFont(conversation_font(appearance, app.font()))


def conversation_font(appearance: AppearanceOptions, base: QFont) -> QFont:
    """The user's size, or a point above the system's: long answers read better a little larger."""
    font = QFont(base)
    font.setPointSize(appearance.font_size or max(base.pointSize(), 9) + 1)
    return font


@lru_cache(maxsize=128)
def _svg(name: str) -> str:
    return resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=128)
def icon(name: str, colour: str | None = None) -> QIcon:
    """An icon from resources/icons in the given colour (default: the palette's text colour)."""
    if colour is None:
        colour = QGuiApplication.palette().color(QPalette.WindowText).name()
    try:
        svg = _svg(name).replace("currentColor", colour)
    except FileNotFoundError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    result = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
