"""Numbers, sizes and dates in the core follow the user's language, like the words around them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core import i18n, locale_format
from app.core.locale_format import count_of, format_date, format_number
from app.core.units import human_count, human_size


@pytest.fixture(autouse=True)
def _restore_language():
    yield
    i18n.setup("en")


def test_thousands_and_decimals_per_language():
    assert format_number(1234567.891, 2, "en") == "1,234,567.89"
    assert format_number(1234567.891, 2, "de") == "1.234.567,89"
    assert format_number(1234567.891, 2, "pt_BR") == "1.234.567,89"
    assert format_number(1234567.891, 2, "fr") == "1\u202f234\u202f567,89"
    assert format_number(1234567, language="zh_CN") == "1,234,567"
    # Spanish groups from five digits on (RAE): 1234 but 12.345
    assert format_number(1234, language="es") == "1234"
    assert format_number(12345, language="es") == "12.345"
    assert format_number(-0.5, 1, "es") == "-0,5"
    assert format_number(float("nan"), 1, "es") == "nan"


def test_the_language_in_use_is_followed_and_an_unknown_one_reads_as_english():
    i18n.setup("de")
    assert locale_format.conventions().decimal == ","
    assert format_number(2.5, 1) == "2,5"
    assert locale_format.conventions("es_ES").thousands == "."  # a region finds its language
    assert locale_format.conventions("ja") == locale_format.CONVENTIONS["en"]


def test_dates_in_the_languages_order():
    day = dt.date(2026, 11, 30)
    assert format_date(day, "en") == "2026-11-30"
    assert format_date(day, "es") == "30/11/2026"
    assert format_date(day, "de") == "30.11.2026"
    assert format_date(day, "zh_CN") == "2026/11/30"
    assert format_date("2026-11-30T19:21:45", "fr") == "30/11/2026"
    assert format_date("not a date", "fr") == "not a date"  # shown as stored, not hidden


def test_sizes_and_counts_follow_the_language():
    i18n.setup("en")
    assert human_size(1_500_000) == "1.5 MB" and human_size(1) == "1 byte" and human_size(5) == "5 bytes"
    i18n.setup("es")
    assert human_size(1_500_000) == "1,5 MB"
    assert human_count(12_345_678) == "12,3 millones"
    i18n.setup("fr")
    assert human_size(1_500_000) == "1,5 Mo"  # French counts octets
    assert human_size(1) == "1 octet" and human_size(0) == "0 octet" and human_size(2) == "2 octets"  # fr: n>1
    i18n.setup("de")
    assert human_size(2_000_000_000) == "2,0 GB"


def test_counted_nouns_use_each_languages_plural_forms():
    i18n.setup("es")
    assert count_of(1, "file") == "1 archivo" and count_of(12345, "file") == "12.345 archivos"
    i18n.setup("fr")
    assert count_of(0, "conversation") == "0 conversation"  # French: 0 is singular
    i18n.setup("zh_CN")
    assert count_of(1, "model") == "1 个模型" and count_of(3, "model") == "3 个模型"
    i18n.setup("en")
    assert count_of(1, "notes folder") == "1 notes folder" and count_of(2, "notes folder") == "2 notes folders"


def test_cpu_feature_names_are_translated_and_brand_names_kept():
    from app.core import system

    info = "CPU : AVX2 = 1 | NEON = 1 | DOTPROD = 1 | MATMUL_INT8 = 1 |"
    assert system.accelerations(info) == ["AVX2", "NEON", "dot product", "int8 matrix multiply"]
    i18n.setup("de")
    assert system.accelerations(info) == ["AVX2", "NEON", "Skalarprodukt", "int8-Matrixmultiplikation"]
    i18n.setup("fr")
    assert system.accelerations(info)[2:] == ["produit scalaire", "multiplication de matrices int8"]
