"""The window in each shipped language: labels translated, and none cut off at the default size.

Spanish, French and German strings run longer than English ones; a button or a label whose text is wider than the widget
shows a clipped word. Checked on the main window and the settings window, as a new user opens them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QPushButton, QTabBar, QTabWidget, QToolButton

from app.core import i18n as core_i18n
from app.ui import i18n
from app.ui.settings.settings_dialog import SettingsDialog

SHIPPED = [code for code in core_i18n.shipped_languages() if code != "en"]
# In each language: what the Send button, the settings window's title, the note beside Language and the
# core's "The question is empty." say (the core follows the window's language).
EXPECTED = {
    "es": ("Enviar", "Ajustes", "Se aplica al reiniciar Cove", "La pregunta está vacía."),
    "fr": ("Envoyer", "Paramètres", "Appliqué au redémarrage de Cove", "La question est vide."),
    "de": ("Senden", "Einstellungen", "Gilt nach einem Neustart von Cove", "Die Frage ist leer."),
    "pt_BR": ("Enviar", "Configurações", "Vale quando o Cove reiniciar", "A pergunta está vazia."),
    "zh_CN": ("发送", "设置", "重启 Cove 后生效", "问题为空。"),
}


def english_left(root, language: str) -> list[str]:
    """Visible texts still in English although the language's catalogue translates them."""
    import xml.etree.ElementTree as ET

    from tools.compile_translations import TRANSLATIONS

    translated = set()
    for message in ET.parse(TRANSLATIONS / f"cove_{language}.ts").iter("message"):
        source, translation = message.find("source").text, message.find("translation").text
        if translation and translation != source:
            translated.add(_plain(source))
    shown = [QPushButton.text(b) for b in root.findChildren(QPushButton) if b.isVisible()]
    shown += [label.text() for label in root.findChildren(QLabel) if label.isVisible()]
    shown += [bar.tabText(i) for bar in root.findChildren(QTabBar) if bar.isVisible() for i in range(bar.count())]
    for header in root.findChildren(QHeaderView):
        if header.isVisible() and header.model() is not None and header.orientation() == Qt.Horizontal:
            model = header.model()
            shown += [str(model.headerData(i, Qt.Horizontal)) for i in range(model.columnCount())]
    return sorted({_plain(text) for text in shown if _plain(text) in translated})


def test_every_shipped_language_is_checked_here():
    assert "es" in SHIPPED and set(SHIPPED) <= set(EXPECTED)


@pytest.fixture(params=SHIPPED)
def language(qapp, request):
    code = request.param
    used = i18n.install_language(qapp, code)
    assert used and used.endswith(f"cove_{code}.qm")
    yield code
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    core_i18n.setup("en")


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped(root) -> list[str]:
    """Visible buttons, one-line plain labels and tabs whose text is wider than the room they have."""
    found = []
    for button in root.findChildren(QPushButton):
        shown = QPushButton.text(button)  # a compact header button shows its icon alone: no words to cut
        if button.isVisible() and shown:
            room = button.width() - 8  # the frame and the margins Qt styles draw around the text
            if not button.icon().isNull():
                room -= button.iconSize().width() + 4
            if button.fontMetrics().horizontalAdvance(_plain(shown)) > room:
                found.append(f"button {shown!r}: {button.width()} px")
    for label in root.findChildren(QLabel):
        text = label.text()
        if (label.isVisible() and text and not label.wordWrap() and "\n" not in text
                and label.textFormat() != Qt.RichText and "<" not in text):
            shown = _plain(text) if label.buddy() else text
            if hasattr(label, "is_elided"):  # the status line ends long messages with "…", whole in its tooltip
                if label.is_elided() and label.toolTip() != text:
                    found.append(f"elided label {text!r} without its tooltip")
                continue
            if label.fontMetrics().horizontalAdvance(shown) > label.width():
                found.append(f"label {text!r}: {label.width()} px")
    for bar in root.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            needed = bar.fontMetrics().horizontalAdvance(_plain(bar.tabText(index)))
            if needed > bar.tabRect(index).width():
                found.append(f"tab {bar.tabText(index)!r}")
    return found


def test_the_window_is_translated_and_nothing_is_cut_off(qtbot, language, open_window, no_starter):
    send, _title, _note, empty = EXPECTED[language]
    window, _controller = open_window()
    assert window.composer.button.text() == send
    texts = {b.text() for b in window.findChildren(QPushButton)}
    assert "Send" not in texts
    assert core_i18n._("The question is empty.") == empty  # the core follows the window
    assert english_left(window, language) == []
    assert clipped(window) == []
    window.resize(800, 500)  # the smallest size the layout tests use
    QApplication.processEvents()
    assert clipped(window) == []


WELCOME_LANGUAGE_PATH = {
    "es": "Ajustes › Apariencia › Idioma", "fr": "Paramètres › Apparence › Langue",
    "de": "Einstellungen › Darstellung › Sprache", "pt_BR": "Configurações › Aparência › Idioma",
    "zh_CN": "设置 › 外观 › 语言",
}


def test_the_welcome_names_the_languages_and_where_to_change_them(qtbot, language, open_window, no_starter):
    window, controller = open_window()
    qtbot.waitUntil(lambda: not controller.welcome_actions.looking, timeout=10_000)
    shown = window.transcript.plain_text()
    # every shipped language in its own name, and the way to another one in this language's words
    assert all(core_i18n.LANGUAGE_NAMES[code] in shown for code in core_i18n.shipped_languages())
    assert WELCOME_LANGUAGE_PATH[language] in shown
    assert "Settings › Appearance" not in shown and "Welcome to Cove" not in shown


def test_the_check_sees_a_cut_off_button_and_label(qtbot):
    button, label = QPushButton("Eliminar todos mis datos…"), QLabel("Tamaño del texto de la conversación")
    for widget in (button, label):
        qtbot.addWidget(widget)
        widget.show()
        widget.setFixedWidth(40)
    QApplication.processEvents()
    assert clipped(button) == [] and clipped(label) == []  # findChildren: the widgets inside a root
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    for widget in (button, label):
        row.addWidget(widget)
    root.show()
    QApplication.processEvents()
    assert len(clipped(root)) == 2


def test_the_settings_window_fits_at_its_default_size(qtbot, language, open_window, no_starter):
    _send, title, note, _empty = EXPECTED[language]
    window, _controller = open_window()
    qtbot.keyClick(window, Qt.Key_Comma, Qt.ControlModifier)
    [dialog] = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert dialog.windowTitle() == title
    assert dialog.language.itemData(0) == "system" and dialog.language.findText("Español") > 0
    assert dialog.language_note.text() == note
    problems = []
    tabs = dialog.findChildren(QTabWidget)
    pages = [(tab, index) for tab in tabs for index in range(tab.count())] or [(None, 0)]
    for tab, index in pages:
        if tab is not None:
            tab.setCurrentIndex(index)
        QApplication.processEvents()
        problems += clipped(dialog)
        problems += english_left(dialog, language)
    for tab in tabs:  # every tab's name in full, none behind scroll arrows
        bar = tab.tabBar()
        hidden = [tab.tabText(i) for i in range(tab.count()) if bar.tabRect(i).right() >= bar.width()]
        arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        problems += [f"tab {text!r} past the tab bar's edge" for text in hidden] + (["scroll arrows"] if arrows else [])
    assert problems == []


def test_the_language_choice_is_saved_for_the_next_start(qtbot, open_window, no_starter, cove_home):
    from app.core import paths
    from app.core import settings as settings_mod
    from app.core.i18n import chosen_language

    window, _controller = open_window()
    qtbot.keyClick(window, Qt.Key_Comma, Qt.ControlModifier)
    [dialog] = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert dialog.language.currentData() == "system"
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.buttons.accepted.emit()  # OK: what the user's click does
    settings_file = paths.current().settings_file
    assert settings_mod.load(settings_file)[0].appearance.language == "es"
    assert chosen_language(settings_file) == "es"
    settings_file.write_text('{"appearance": {"language": "xx"}}')
    assert chosen_language(settings_file) is None  # unknown: the system's language


def test_untranslated_strings_keep_their_words_and_aliased_tr_is_found(qapp):
    from PySide6.QtCore import QCoreApplication

    i18n.install_language(qapp, "es")
    try:
        # a string no catalogue has: shown as written, never blank (the translator says "not found")
        assert QCoreApplication.translate("NoSuchWidget", "Not in any catalogue") == "Not in any catalogue"
        # `tr = self.tr` strings are collected without their class; they are found all the same
        assert QCoreApplication.translate("HeaderBar", "Use my notes") == "Usar mis notas"
        assert QCoreApplication.translate("WelcomeActions", "Welcome to Cove") == "Bienvenido a Cove"
        assert QCoreApplication.translate("ModelTables", "fits") == "cabe"
    finally:
        for translator in i18n._installed:
            qapp.removeTranslator(translator)
        i18n._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        core_i18n.setup("en")
