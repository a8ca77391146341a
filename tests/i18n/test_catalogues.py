"""Every shipped translation is complete, keeps the source's placeholders, and is compiled as shipped.

A half-translated language must not ship: a Spanish user would meet English sentences in the middle of
Spanish ones. These checks read the catalogues in resources/ and the strings in the code as they are now,
so a new tr() or _() string without a translation fails here, with the command to collect it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tools import compile_translations as ct

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted(ct.TRANSLATIONS.glob("cove_*.ts"))
PO_FILES = sorted(ct.LOCALE.glob("*/LC_MESSAGES/cove.po"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")
UPDATE = "run `python tools/compile_translations.py update`, translate, then `python tools/compile_translations.py`"


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def ts_entries(path: Path) -> list[tuple[str, list[str], str | None]]:
    """(source, translations (numerus forms or one), type) for every message of a .ts file."""
    rows = []
    for message in ET.parse(path).iter("message"):
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        rows.append((message.find("source").text, forms, translation.get("type")))
    return rows


def test_spanish_is_shipped_for_the_window_and_the_core():
    assert ct.TRANSLATIONS / "cove_es.ts" in TS_FILES
    assert ct.LOCALE / "es" / "LC_MESSAGES" / "cove.po" in PO_FILES
    # a language ships whole: both halves or neither
    assert {p.stem.removeprefix("cove_") for p in TS_FILES} == {p.parents[1].name for p in PO_FILES}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_window_string_is_translated_with_the_same_placeholders(ts, tmp_path):
    # what the code has now: lupdate on a copy, so a string added since the last update counts as missing
    fresh = tmp_path / ts.name
    fresh.write_bytes(ts.read_bytes())
    ct.update_ts(fresh)
    rows = ts_entries(fresh)
    assert len(rows) > 500  # the whole window, not a sample
    unfinished = [source for source, forms, kind in rows if kind in ("unfinished", "vanished", "obsolete")
                  or not all(f.strip() for f in forms)]
    assert unfinished == [], f"{ts.name}: {len(unfinished)} untranslated; {UPDATE}"
    differ = [(source, forms) for source, forms, _kind in rows
              if any(placeholders(f) != placeholders(source) for f in forms)]
    assert differ == [], f"{ts.name}: placeholders differ from the source"
    accelerators = [(s, f) for s, forms, _k in rows for f in forms
                    if re.search(r"&[^&\s]", s) and not re.search(r"&[^&\s]", f)]
    assert accelerators == [], f"{ts.name}: a menu entry lost its keyboard accelerator (&)"


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.parents[1].name)
def test_every_core_message_is_translated_with_the_same_placeholders(po):
    entries = {(e["msgid"], e["msgid_plural"]): e for e in ct.parse_po(po.read_text(encoding="utf-8"))}
    header = entries.pop(("", None))["msgstr"][0]
    assert "charset=UTF-8" in header
    nplurals = int(re.search(r"Plural-Forms: nplurals=(\d+); plural=[^;]+;", header).group(1))
    wanted = ct.collect_messages()
    assert len(wanted) > 40  # the model-file, models-folder, disk and CLI messages at least
    missing = [m for m in wanted if m not in entries]
    assert missing == [], f"{po}: not in the catalogue; {UPDATE}"
    for (msgid, plural), entry in entries.items():
        assert not entry["fuzzy"], f"{po}: fuzzy entry {msgid!r}"
        assert entry["msgstr"] and all(s.strip() for s in entry["msgstr"]), f"{po}: untranslated {msgid!r}"
        if plural is not None:
            assert len(entry["msgstr"]) == nplurals, f"{po}: {msgid!r} needs {nplurals} plural forms"
            assert placeholders(plural) == placeholders(msgid)
        assert all(placeholders(s) == placeholders(msgid) for s in entry["msgstr"]), f"{po}: {msgid!r}"


def test_the_core_marks_plural_messages_with_ngettext():
    plural = [m for m in ct.collect_messages() if m[1] is not None]
    assert any("split into {count} files" in p for _m, p in plural)


def test_compiled_catalogues_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "compile_translations.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    for _source, compiled in ct.outputs():
        assert compiled.is_file(), f"{compiled} is missing: run python tools/compile_translations.py"


def test_the_mo_writer_matches_gettext(tmp_path):
    """The compiler here (no gettext install needed) writes .mo files Python's gettext reads correctly."""
    import gettext

    po = ('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
          'msgid "Hello"\nmsgstr "Hola"\n\n#, fuzzy\nmsgid "Draft"\nmsgstr "Borrador"\n\n'
          'msgid "{n} file"\nmsgid_plural "{n} files"\nmsgstr[0] "{n} archivo"\nmsgstr[1] "{n} archivos"\n\n'
          'msgid "Not yet"\nmsgstr ""\n')
    mo = tmp_path / "x.mo"
    mo.write_bytes(ct.compile_po(po))
    with mo.open("rb") as f:
        catalog = gettext.GNUTranslations(f)
    assert catalog.gettext("Hello") == "Hola"
    assert catalog.gettext("Draft") == "Draft"  # fuzzy: left out, as msgfmt does
    assert catalog.gettext("Not yet") == "Not yet"
    assert catalog.ngettext("{n} file", "{n} files", 1) == "{n} archivo"
    assert catalog.ngettext("{n} file", "{n} files", 3) == "{n} archivos"


def test_package_data_ships_the_compiled_catalogues():
    text = (ROOT / "pyproject.toml").read_text()
    assert '"translations/*.qm"' in text and '"locale/*/LC_MESSAGES/*.mo"' in text
