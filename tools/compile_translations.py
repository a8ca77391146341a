"""Collect, merge and compile Cove's translations, with no tool beyond Python and PySide6.

    python tools/compile_translations.py update   # collect new strings into every .ts and .po
    python tools/compile_translations.py          # compile .po -> .mo and .ts -> .qm
    python tools/compile_translations.py --check  # exit 1 if a compiled file is out of date

The window's strings (tr()) live in resources/translations/cove_<lang>.ts, compiled to .qm by
pyside6-lrelease; the core's and the CLI's (_() and ngettext()) in
resources/locale/<lang>/LC_MESSAGES/cove.po, compiled to cove.mo here (Python's msgfmt logic, so that
no gettext install is needed). The compiled files are committed, and a test checks they are up to date.
"""

from __future__ import annotations

import array
import ast
import shutil
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / "cove.pot"
# Where the core's and the CLI's messages are marked with _() and ngettext()
GETTEXT_SOURCES = ("app/core", "app/cli.py", "app/cli_*.py", "app/engine", "app/server")


# ---- .po files --------------------------------------------------------------------------------------

def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def parse_po(text: str) -> list[dict]:
    """Entries as dicts: msgid, msgid_plural (or None), msgstr (a list: one per plural form), fuzzy."""
    entries, entry, key = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#,") and "fuzzy" in line:
            finish()
            entry, key = {"fuzzy": True, "msgid_plural": None, "msgstr": []}, None
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            if entry is None or "msgid" in entry:
                finish()
                entry = {"fuzzy": False, "msgid_plural": None, "msgstr": []}
            entry["msgid"], key = _unquote(line[6:]), ("msgid", None)
        elif line.startswith("msgid_plural "):
            entry["msgid_plural"], key = _unquote(line[13:]), ("msgid_plural", None)
        elif line.startswith("msgstr["):
            index = int(line[7:line.index("]")])
            entry["msgstr"].append(_unquote(line[line.index("]") + 1:].strip()))
            key = ("msgstr", index)
        elif line.startswith("msgstr "):
            entry["msgstr"] = [_unquote(line[7:])]
            key = ("msgstr", 0)
        elif line.startswith('"'):
            name, index = key
            if name == "msgstr":
                entry["msgstr"][index] += _unquote(line)
            else:
                entry[name] += _unquote(line)
    finish()
    return entries


def compile_po(text: str) -> bytes:
    """The .mo bytes for a .po text (fuzzy and untranslated entries left out, as msgfmt does)."""
    messages = {}
    for e in parse_po(text):
        if e["fuzzy"] and e["msgid"] or not any(e["msgstr"]):
            continue
        key = e["msgid"] if e["msgid_plural"] is None else e["msgid"] + "\0" + e["msgid_plural"]
        messages[key.encode()] = "\0".join(e["msgstr"]).encode()
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for k in keys:
        offsets.append((len(ids), len(k), len(strs), len(messages[k])))
        ids += k + b"\0"
        strs += messages[k] + b"\0"
    keystart = 7 * 4 + 16 * len(keys)
    valuestart = keystart + len(ids)
    koffsets, voffsets = [], []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + array.array("i", koffsets + voffsets).tobytes() + ids + strs


def _po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def write_po(entries: list[dict], header: str) -> str:
    out = [header.rstrip("\n"), ""]
    for e in entries:
        if e.get("fuzzy"):
            out.append("#, fuzzy")
        out.append("msgid " + _po_quote(e["msgid"]))
        if e["msgid_plural"] is not None:
            out.append("msgid_plural " + _po_quote(e["msgid_plural"]))
            for i, s in enumerate(e["msgstr"] or ["", ""]):
                out.append(f"msgstr[{i}] " + _po_quote(s))
        else:
            out.append("msgstr " + _po_quote((e["msgstr"] or [""])[0]))
        out.append("")
    return "\n".join(out)


# ---- collecting the core's messages ------------------------------------------------------------------

def gettext_files() -> list[Path]:
    files = []
    for pattern in GETTEXT_SOURCES:
        path = ROOT / pattern
        files += sorted(path.rglob("*.py")) if path.is_dir() else sorted(ROOT.glob(pattern))
    return files


def collect_messages() -> list[tuple[str, str | None]]:
    """(msgid, msgid_plural) for every _("...") and ngettext("...", "...", n) call, in source order."""
    found: dict[tuple[str, str | None], None] = {}
    for path in gettext_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            if node.func.id in ("_", "N_") and len(args) == 1 and args[0]:
                found[(args[0], None)] = None
            elif node.func.id == "ngettext" and len(args) == 3 and args[0] and args[1]:
                found[(args[0], args[1])] = None
    # Data read by people: the catalog's model descriptions and languages (app/core/catalog.py translates them)
    import json

    for model in json.loads((ROOT / "resources" / "catalog.json").read_text(encoding="utf-8"))["models"]:
        for key in ("description", "languages"):
            if model.get(key):
                found[(model[key], None)] = None
    return list(found)


def update_po(po: Path, messages: list[tuple[str, str | None]]) -> None:
    """Add new messages (untranslated) to a .po, keep existing translations, drop messages gone from the code."""
    text = po.read_text(encoding="utf-8")
    entries = parse_po(text)
    header_entry = next(e for e in entries if e["msgid"] == "")
    old = {(e["msgid"], e["msgid_plural"]): e for e in entries if e["msgid"]}
    header = "\n".join(["msgid \"\"", "msgstr \"\""] + [_po_quote(line + "\n") for line in
                                                         header_entry["msgstr"][0].splitlines()])
    comments = "".join(line + "\n" for line in text.splitlines() if line.startswith("# "))
    nplurals = int(header_entry["msgstr"][0].split("nplurals=")[1].split(";")[0])
    new = [old.get(m) or {"msgid": m[0], "msgid_plural": m[1], "msgstr": [""] * (nplurals if m[1] else 1),
                          "fuzzy": False} for m in messages]
    po.write_text(write_po(new, comments + header), encoding="utf-8")


# ---- Qt's files ----------------------------------------------------------------------------------------

def qt_tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def ui_sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted((ROOT / "app").rglob("*.py"))]


def update_ts(ts: Path) -> None:
    subprocess.run([qt_tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", "-locations", "none",
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


# ---- commands ------------------------------------------------------------------------------------------

def outputs() -> list[tuple[Path, Path]]:
    """(source, compiled) for every shipped catalogue."""
    pairs = [(ts, ts.with_suffix(".qm")) for ts in sorted(TRANSLATIONS.glob("cove_*.ts"))]
    pairs += [(po, po.with_suffix(".mo")) for po in sorted(LOCALE.glob("*/LC_MESSAGES/cove.po"))]
    return pairs


def compiled_bytes(source: Path, scratch: Path) -> bytes:
    if source.suffix == ".po":
        return compile_po(source.read_text(encoding="utf-8"))
    qm = scratch / (source.stem + ".qm")
    compile_ts(source, qm)
    return qm.read_bytes()


def main(argv: list[str]) -> int:
    import tempfile

    if argv[:1] == ["update"]:
        messages = collect_messages()
        POT.write_text(write_po([{"msgid": m, "msgid_plural": p, "msgstr": [], "fuzzy": False}
                                 for m, p in messages], 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"'),
                       encoding="utf-8")
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/cove.po")):
            update_po(po, messages)
        for ts in sorted(TRANSLATIONS.glob("cove_*.ts")):
            update_ts(ts)
        print(f"{len(messages)} core messages; updated {POT.relative_to(ROOT)} and every .po and .ts")
        return 0
    check = "--check" in argv
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        for source, compiled in outputs():
            data = compiled_bytes(source, Path(scratch))
            if compiled.exists() and compiled.read_bytes() == data:
                continue
            if check:
                stale.append(str(compiled.relative_to(ROOT)))
            else:
                compiled.write_bytes(data)
                print(f"compiled {compiled.relative_to(ROOT)}")
    if stale:
        print("out of date (run python tools/compile_translations.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
