"""Numbers in the window follow its language: "1,234" and "12.5" in English, "1.234" and "12,5" in German.

Python's "{:,}" groups with a comma in every language, so a German status line read "1,234 Tokens"; the window
formats its counts and decimals with QLocale instead, which Settings › Appearance sets to the chosen language.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from app.core import i18n as core_i18n
from app.core import store as st
from app.core.attachments import Attachment
from app.ui import i18n
from app.ui.chat.status_presenter import StatusPresenter
from app.ui.widgets.attachment_bar import AttachmentChip
from app.ui.widgets.message_html import MessageHtml

STATS = {"prompt_tokens": 1000, "processed_tokens": 1000, "completion_tokens": 1234, "tokens_per_second": 12.5,
         "time_to_first_token": 0.25, "seed": 7, "n_ctx": 8192}


@pytest.fixture(params=["en", "de"])
def language(qapp, request):
    used = i18n.install_language(qapp, request.param)
    assert request.param == "en" or used.endswith(f"cove_{request.param}.qm")
    yield request.param
    for translator in i18n._installed:
        qapp.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    core_i18n.setup("en")


@pytest.fixture
def answer(tmp_path):
    store = st.Store(tmp_path / "cove.db")
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "Summarise this")
    message = store.begin_answer(conversation.id, "/models/x.gguf", {"temperature": 0.0})
    yield store.finish_answer(message.id, "A summary.", st.COMPLETE, STATS)
    store.close()


# What each language shows: a count over a thousand, and a number with one decimal
GROUPED = {"en": ("1,234", "8,192", "12.5", "0.25", "2,234"), "de": ("1.234", "8.192", "12,5", "0,25", "2.234")}


def test_the_attachment_chip_groups_its_count_the_language_s_way(qtbot, language):
    chip = AttachmentChip(Attachment("report.txt", "", 5000))
    qtbot.addWidget(chip)
    chip.show_count(1234, exact=True)
    count = GROUPED[language][0]
    assert f"report.txt · {count} " in chip.label.text()
    chip.show_count(1234, exact=False)
    assert f"≈{count}" in chip.label.text() and f"≈{count}" in chip.toolTip()


def test_the_status_line_shows_speed_and_context_in_the_language(qtbot, language, answer):
    labels = [QLabel(), QLabel(), QLabel()]
    for label in labels:
        qtbot.addWidget(label)
    presenter = StatusPresenter(*labels)
    presenter.show_model_line("x", answer)
    _count, context, speed, _first, used = GROUPED[language]  # used: the prompt's 1,000 and the answer's 1,234
    text = labels[2].text()
    assert f"{speed} " in text and f"{used} / {context} " in text
    other = GROUPED["de" if language == "en" else "en"]
    assert f"{other[2]} " not in text and other[1] not in text


def test_the_answer_s_stats_line_follows_the_language(qtbot, language, answer):
    class Line(MessageHtml):  # the transcript's mixin alone: its words as written, its numbers formatted
        def tr(self, text):
            return text

    line = Line()._stats_line(answer)
    count, _context, speed, first, _used = GROUPED[language]
    thousand = "1,000" if language == "en" else "1.000"
    assert line.startswith(f"{count} ") and f"{speed} " in line and f" {first} s" in line
    assert f"{thousand} " in line and f"({thousand} " in line  # the prompt and how much of it was new


def test_number_and_decimal_use_the_default_locale_and_english_for_c():
    try:
        QLocale.setDefault(QLocale("fr_FR"))
        assert i18n.number(1234567) == "1\u202f234\u202f567" and i18n.decimal(2.25, 1) in ("2,2", "2,3")
        QLocale.setDefault(QLocale.c())  # a server's "C.UTF-8": the window's English, not an ungrouped 1234
        assert i18n.number(1234) == "1,234" and i18n.decimal(12.5) == "12.5"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert i18n.number(1234) == "1,234"


def test_the_notes_progress_line_is_in_the_language(language):
    from app.core.notes.indexer import Progress
    from app.ui.notes.notes_folder_model import progress_text

    text = progress_text(Progress("/n", 1200, 5000, 64000, 60.0, 190.0))
    expected = {"en": "1,200 of 5,000 files · 64,000 passages · about 3 min 10 s left",
                "de": "1.200 von 5.000 Dateien · 64.000 Abschnitte · noch etwa 3 min 10 s"}[language]
    assert text == expected
