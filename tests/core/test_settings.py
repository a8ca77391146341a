import json
import os
import stat
import subprocess
import sys

import pytest

from app.core import settings as s


def test_missing_file_gives_defaults(tmp_path):
    values, problems = s.load(tmp_path / "settings.json")
    assert values == s.Settings() and problems == []


def test_round_trip_and_private_file(tmp_path):
    path = tmp_path / "settings.json"
    wanted = s.Settings(sampling=s.Sampling(temperature=0.2, seed=7), last_model="/m.gguf")
    s.save(path, wanted)
    assert s.load(path) == (wanted, [])
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_bad_values_fall_back_and_are_reported(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"sampling": {"temperature": "hot", "top_k": 50, "top_p": 7},
                                "engine": [1, 2], "last_model": 3}))
    values, problems = s.load(path)
    assert values.sampling.temperature == s.Sampling().temperature
    assert values.sampling.top_k == 50  # good values survive
    assert values.sampling.top_p == s.Sampling().top_p
    assert values.engine == s.EngineOptions()
    assert values.last_model == ""
    assert len(problems) == 4
    assert any("temperature" in p for p in problems)


def test_integer_accepted_for_float(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"sampling": {"temperature": 0}}))
    values, problems = s.load(path)
    assert values.sampling.temperature == 0.0 and problems == []


def test_unreadable_json_is_kept_aside_not_lost(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{ not json")
    values, problems = s.load(path)
    assert values == s.Settings()
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"
    assert kept[0].name in problems[0]


# A settings file in a bad state (issue 12, item 4) ------------------------------------

@pytest.mark.parametrize("content", [b"\xff\xfe{\x00\"sampling\x00", b"{ \"sampling\": {\"top_k\": 5", b"[" * 100_000])
def test_a_broken_file_is_kept_aside_reported_once_and_defaults_used(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    values, problems = s.load(path)
    assert values == s.Settings()
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content  # nothing the user wrote is lost
    assert len(problems) == 1 and kept[0].name in problems[0] and str(path) in problems[0]
    assert s.load(path) == (s.Settings(), [])  # reported once: the next start is quiet
    s.save(path, values)  # saving later writes a new file; the kept one is not overwritten
    assert kept[0].read_bytes() == content and json.loads(path.read_text())["sampling"]["top_k"] == 40


def test_a_second_broken_file_does_not_overwrite_the_first_kept_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff first")
    s.load(path)
    path.write_bytes(b"\xff second")
    s.load(path)
    kept = sorted(p.read_bytes() for p in tmp_path.glob("settings.json.broken-*"))
    assert kept == [b"\xff first", b"\xff second"]


@pytest.mark.parametrize("raw", [[1, 2], "text", 7, None,
                                 {"sampling": "hot", "engine": [1], "storage": {"trash_days": "30"},
                                  "presets": {"a": 1}, "models": [1], "last_model": 3}])
def test_wrong_types_anywhere_fall_back_to_defaults_and_are_reported(tmp_path, raw):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(raw))
    values, problems = s.load(path)
    assert values.sampling == s.Sampling() and values.storage == s.StorageOptions() and values.last_model == ""
    assert problems and all(isinstance(p, str) for p in problems)
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and json.loads(kept[0].read_text()) == raw  # what the user wrote is kept
    assert kept[0].name in problems[-1]
    assert s.load(path) == (values, [])  # reported once: the file now holds the values used


def test_saving_replaces_a_symlink_instead_of_writing_through_it(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch")
    victim.chmod(0o644)
    path = tmp_path / "settings.json"
    path.symlink_to(victim)
    s.save(path, s.Settings())
    assert victim.read_text() == "do not touch" and stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["sampling"]["top_k"] == 40


def test_commands_run_with_a_settings_file_that_is_not_utf8(cove_home):
    config = cove_home / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run([sys.executable, "-m", "app", "search", "x"], capture_output=True, text=True,
                            timeout=120, env=os.environ.copy(), check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "not UTF-8" in result.stderr and "settings.json.broken-" in result.stderr
    again = subprocess.run([sys.executable, "-m", "app", "search", "x"], capture_output=True, text=True,
                           timeout=120, env=os.environ.copy(), check=False)
    assert again.returncode == 0 and "settings" not in again.stderr


def test_note_templates_and_notes_folder_round_trip_and_bad_values_fall_back(tmp_path):
    path = tmp_path / "settings.json"
    assert {t["name"] for t in s.Settings().note_templates} == {"Meeting notes", "Summary"}
    mine = s.Settings(note_templates=({"name": "Idea", "text": "{title}: {text}"},), notes_folder="/v/ideas")
    s.save(path, mine)
    loaded, problems = s.load(path)
    assert problems == [] and loaded.note_template("Idea") == "{title}: {text}" and loaded.notes_folder == "/v/ideas"
    assert loaded.note_template("Meeting notes") is None
    path.write_text(json.dumps({"note_templates": "nope", "notes_folder": 5}))
    loaded, problems = s.load(path)
    assert loaded.note_templates == s.DEFAULT_NOTE_TEMPLATES and loaded.notes_folder == ""
    assert any("note_templates" in p for p in problems) and any("notes_folder" in p for p in problems)
