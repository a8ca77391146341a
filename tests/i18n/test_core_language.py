"""The core and the CLI speak the user's language: the system's by default, or the one chosen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import i18n
from app.core import settings as settings_mod
from app.core.errors import NotAModelFile
from app.core.gguf_file import read_gguf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _restore_language():
    yield
    i18n.setup("en")


def _error_for(path: Path) -> str:
    with pytest.raises(NotAModelFile) as caught:
        read_gguf(path)
    return str(caught.value)


def test_a_model_error_in_spanish_and_unchanged_in_english(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    assert i18n.setup("en") == "en"
    english = _error_for(bad)
    assert english.startswith("notes.txt is not a GGUF model file (it does not start with the GGUF signature).")
    assert i18n.setup("es") == "es"
    spanish = _error_for(bad)
    assert spanish.startswith("notes.txt no es un archivo de modelo GGUF")
    assert _error_for(tmp_path / "gone.gguf").endswith("no existe. Compruebe la ruta e inténtelo de nuevo.")


def test_the_system_language_is_followed_from_the_environment(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    i18n.setup(i18n.SYSTEM)
    assert i18n._("The question is empty.") == "La pregunta está vacía."
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")  # not shipped: English, not an error
    i18n.setup(None)
    assert i18n._("The question is empty.") == "The question is empty."


def test_plural_forms_follow_the_language():
    i18n.setup("es")
    one = i18n.ngettext("This model is split into {count} file and {missing} is missing next to the first one. "
                        "Put all parts in one folder and try again.",
                        "This model is split into {count} files and {missing} is missing next to the first one. "
                        "Put all parts in one folder and try again.", 3)
    assert one.startswith("Este modelo está dividido en {count} archivos")


def test_shipped_languages_are_those_with_catalogues():
    shipped = i18n.shipped_languages()
    assert shipped[0] == "en" and "es" in shipped
    assert set(shipped) <= set(i18n.CHOICES) and i18n.SYSTEM in i18n.CHOICES
    assert i18n.LANGUAGE_NAMES["es"] == "Español"


def test_the_language_setting_is_kept_and_a_bad_one_corrected(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"appearance": {"language": "es"}}))
    settings, problems = settings_mod.load(path)
    assert settings.appearance.language == "es" and problems == []
    path.write_text(json.dumps({"appearance": {"language": "klingon", "theme": "dark"}}))
    settings, problems = settings_mod.load(path)
    assert settings.appearance.language == "system" and settings.appearance.theme == "dark"
    assert len(problems) == 1 and "language" in problems[0]
    assert settings_mod.AppearanceOptions().language == "system"


def _cove(*args: str, lang: str, home: Path, site: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG=lang, COVE_HOME=str(home), PYTHONPATH=os.pathsep.join(str(p) for p in (site, ROOT) if p))
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_cli_error_in_spanish(tmp_path):
    result = _cove("chat", "--model", "/etc/passwd", "hi", lang="es_ES.UTF-8", home=tmp_path / "home")
    assert result.returncode == 1
    assert result.stderr.startswith("cove: passwd no es un archivo de modelo GGUF (no empieza con la firma GGUF).")
    assert "Traceback" not in result.stderr and result.stdout == ""
    before = sorted(p.name for p in (tmp_path / "home").rglob("*.sqlite*"))
    usage = _cove("chat", "--bogus", lang="es_ES.UTF-8", home=tmp_path / "home")
    assert usage.returncode == 2 and "Uso: cove chat" in usage.stderr and "(más: `cove chat --help`)" in usage.stderr
    assert sorted(p.name for p in (tmp_path / "home").rglob("*.sqlite*")) == before


def test_cli_error_in_english_is_unchanged(tmp_path):
    result = _cove("chat", "--model", "/etc/passwd", "hi", lang="C.UTF-8", home=tmp_path / "home")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "cove: passwd is not a GGUF model file (it does not start with the GGUF signature). Cove runs models in "
        "GGUF format: choose a .gguf file (most open models are published in GGUF builds).")


def test_cli_help_and_argparse_words_in_spanish(tmp_path):
    """argparse's own words ("usage:", "options", "-h"'s help) come from Cove's catalogue too."""
    helped = _cove("--help", lang="es_ES.UTF-8", home=tmp_path / "home")
    assert helped.returncode == 0
    assert helped.stdout.startswith("uso: cove")
    assert "opciones:" in helped.stdout and "muestra este mensaje de ayuda y sale" in helped.stdout
    assert "hacer una pregunta a un modelo e imprimir la respuesta" in helped.stdout  # Cove's own help
    assert "show this help message" not in helped.stdout and "usage:" not in helped.stdout
    sub = _cove("models", "--help", lang="es_ES.UTF-8", home=tmp_path / "home")
    assert "modelos instalados con sus tamaños" in sub.stdout and "argumentos posicionales:" in sub.stdout


def test_cli_mistakes_in_spanish_keep_the_usage_line(tmp_path):
    unknown = _cove("search", "--bogus", "x", lang="es_ES.UTF-8", home=tmp_path / "home")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("cove: argumentos no reconocidos: --bogus. Uso: cove search")
    missing = _cove("search", lang="es_ES.UTF-8", home=tmp_path / "home")
    assert missing.returncode == 2
    assert missing.stderr.startswith("cove: se requieren los siguientes argumentos: TEXT. Uso: cove search")
    choice = _cove("export", "--format", "pdf", "--out", str(tmp_path), lang="es_ES.UTF-8", home=tmp_path / "home")
    assert choice.returncode == 2
    assert choice.stderr.startswith("cove: argumento --format/-f: opción no válida: 'pdf' (elija entre 'md', 'json')")
    english = _cove("search", "--bogus", "x", lang="C.UTF-8", home=tmp_path / "home")
    assert english.stderr.startswith("cove: unrecognized arguments: --bogus. Usage: cove search")


def test_cli_output_and_sizes_in_german(tmp_path, starter_installed):
    # The starter model installed (as README command 1 does; the test environment has only its file)
    site = starter_installed.parent.parent
    listed = _cove("models", "list", lang="de_DE.UTF-8", home=tmp_path / "home", site=site)
    assert listed.returncode == 0
    # the built-in starter model: its size with a decimal comma, its tags in German
    assert "eingebaut" in listed.stdout and " MB" in listed.stdout
    assert "," in listed.stdout.split(" MB")[0][-5:]
    assert "built-in" not in listed.stdout


def test_the_engine_process_speaks_the_apps_language(tmp_path):
    """The engine runs in a spawned process: it gets the app's language, not only the system's."""
    import queue

    from app.engine import protocol as p
    from app.engine.client import EngineClient

    bad = tmp_path / "notes.gguf"
    bad.write_text("hello, not a model")
    i18n.setup("de")  # chosen in Settings, different from the environment's (the tests run in C/English)
    events: queue.Queue = queue.Queue()
    client = EngineClient(events.put)
    try:
        client.load(str(bad), p.LoadOptions(n_ctx=512))
        while not isinstance(event := events.get(timeout=120), p.LoadFailed | p.EngineDied):
            pass
    finally:
        client.shutdown()
    assert isinstance(event, p.LoadFailed)
    assert "ist keine GGUF-Modelldatei" in event.message
