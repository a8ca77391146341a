"""Translations: every string the user sees goes through Qt's tr(), so a language is a file.

A translation is a Qt .qm file named cove_<language>.qm (cove_fr.qm, cove_pt_BR.qm)
in resources/translations, or in the folder named by COVE_TRANSLATIONS. Making one
needs no code change:

    pyside6-lupdate app -ts cove_fr.ts      # collect the strings
    pyside6-linguist cove_fr.ts             # translate them
    pyside6-lrelease cove_fr.ts -qm resources/translations/cove_fr.qm

Qt's own strings (standard buttons, context menus) come from Qt's translations. The core's
messages (errors, summaries) use gettext (app/core/i18n.py); install_language() sets both to the
same language, the one chosen in Settings › Appearance or the system's.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from app.core import i18n as core_i18n
from app.core.resources import resource_path

_installed: list[QTranslator] = []  # kept alive for as long as the app runs


class _Translator(QTranslator):
    """Cove's translator: a string marked with a bare `tr = self.tr` alias is collected by lupdate without
    its class (the empty context); at run time Qt asks with the class's name, so look there second."""

    def translate(self, context, source, disambiguation=None, n=-1):
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        # None is Qt's null string, "not found here": Qt then asks the next translator or keeps the source.
        # An empty string would be taken as the translation, and the text would vanish.
        return found or None


def translation_folders() -> list[Path]:
    folders = []
    if os.environ.get("COVE_TRANSLATIONS"):
        folders.append(Path(os.environ["COVE_TRANSLATIONS"]))
    try:
        folders.append(resource_path("catalog.json").parent / "translations")
    except FileNotFoundError:
        pass
    return folders


def install(app, locale: QLocale | None = None) -> str | None:
    """Load Cove's and Qt's translations for the locale; returns the .qm file used, if any."""
    locale = locale or QLocale.system()
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    for folder in translation_folders():
        own = _Translator(app)
        if own.load(locale, "cove", "_", str(folder)):
            app.installTranslator(own)
            _installed.append(own)
            return own.filePath()
    return None


def locale_for(language: str | None) -> QLocale:
    """The QLocale for a Settings choice: "system" (or nothing) is the desktop's."""
    if not language or language == core_i18n.SYSTEM:
        return QLocale.system()
    return QLocale(language)


def install_language(app, language: str | None) -> str | None:
    """Window, Qt and core in one language; numbers and dates formatted the same way. Returns the .qm used."""
    locale = locale_for(language)
    QLocale.setDefault(locale)
    # The core's gettext takes the language code Qt resolved ("es_ES" also finds "es").
    core_i18n.setup(locale.name() if locale.language() != QLocale.Language.C else None)
    return install(app, locale)


def _number_locale() -> QLocale:
    """The default QLocale (install_language sets it to the window's language). The C locale of a server
    or a container ("C.UTF-8") writes 1234 ungrouped; the window's English is then the US convention, as
    the core's (app.core.locale_format) falls back to English too."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def number(n: int) -> str:
    """A count in the window's language: "1,234" in English, "1.234" in German, "1 234" in French."""
    return _number_locale().toString(int(n))


def decimal(x: float, places: int = 1) -> str:
    """A number with `places` decimals in the window's language: "12.5" in English, "12,5" in German."""
    return _number_locale().toString(float(x), "f", places)
