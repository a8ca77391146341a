"""Translations: every string the user sees goes through Qt's tr(), so a language is a file.

A translation is a Qt .qm file named cove_<language>.qm (cove_fr.qm, cove_pt_BR.qm)
in resources/translations, or in the folder named by COVE_TRANSLATIONS. Making one
needs no code change:

    pyside6-lupdate app -ts cove_fr.ts      # collect the strings
    pyside6-linguist cove_fr.ts             # translate them
    pyside6-lrelease cove_fr.ts -qm resources/translations/cove_fr.qm

Qt's own strings (standard buttons, context menus) come from Qt's translations.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from app.core.resources import resource_path

_installed: list[QTranslator] = []  # kept alive for as long as the app runs


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
        own = QTranslator(app)
        if own.load(locale, "cove", "_", str(folder)):
            app.installTranslator(own)
            _installed.append(own)
            return own.filePath()
    return None
