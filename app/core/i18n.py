"""Translations for the Qt-free core and the command line: Python's gettext over resources/locale.

The window translates its own strings with Qt's tr() (app/ui/i18n.py); the core's messages
(errors, fit labels, summaries) and the CLI's reach the user through the window or the terminal
too, so they are marked with _() / ngettext() here and translated from
resources/locale/<lang>/LC_MESSAGES/cove.po (compiled to cove.mo by tools/compile_translations.py).

The language follows the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them) unless
setup() is given one: the window passes the language chosen in Settings › Appearance. English is the
source language: a message without a translation is shown as written.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "cove"
SYSTEM = "system"
# The languages offered in Settings › Appearance, in their own names. A language is offered only when its
# catalogues are shipped (shipped_languages), so a half-done translation never reaches a user.
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "pt_BR": "Português (Brasil)",
    "zh_CN": "中文（简体）",
}

_HERE = Path(__file__).resolve().parent
_LOCALE_CANDIDATES = (
    _HERE.parent / "resources" / "locale",         # installed: app/resources/locale
    _HERE.parent.parent / "resources" / "locale",  # source checkout: resources/locale beside app/
)

_translation: gettext.NullTranslations | None = None
_language: str | None = None


def locale_dir() -> Path:
    for folder in _LOCALE_CANDIDATES:
        if folder.is_dir():
            return folder
    return _LOCALE_CANDIDATES[-1]


def shipped_languages() -> list[str]:
    """English plus every language whose compiled catalogue is installed (a translator's new one too)."""
    found = {p.parent.parent.name for p in locale_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.mo")} - {"en"}
    return ["en", *(code for code in LANGUAGE_NAMES if code in found), *sorted(found - set(LANGUAGE_NAMES))]


# What Settings › Appearance › Language accepts: the system's, the planned languages, and any shipped one
CHOICES = (SYSTEM, *dict.fromkeys([*LANGUAGE_NAMES, *shipped_languages()]))


def setup(language: str | None = None) -> str | None:
    """Use `language` ("es", "pt_BR"; None or "system": the environment's); returns the language in use."""
    global _translation, _language
    languages = None if language in (None, "", SYSTEM) else [language]
    _translation = gettext.translation(DOMAIN, str(locale_dir()), languages=languages, fallback=True)
    _language = _translation.info().get("language") or (languages[0] if languages else None)
    return _language


def chosen_language(settings_file: Path) -> str | None:
    """Settings › Appearance › Language, read without settings.load()'s repairs (the window's own load
    reports a bad file) and before anything else is imported; None: the system's (also when unreadable)."""
    import json

    try:
        chosen = json.loads(Path(settings_file).read_bytes().decode("utf-8-sig"))["appearance"]["language"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return chosen if isinstance(chosen, str) and chosen in CHOICES and chosen != SYSTEM else None


def language() -> str | None:
    """The language in use ("es", "pt_BR"; None: English as written), for numbers and dates (locale_format)."""
    _current()
    return _language


def _current() -> gettext.NullTranslations:
    if _translation is None:
        setup()
    return _translation


def _(message: str) -> str:
    """The message in the user's language (as written when there is no translation)."""
    return _current().gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined (a module constant); _() translates it where shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for n in the user's language (its own plural rules)."""
    return _current().ngettext(singular, plural, n)
