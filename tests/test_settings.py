import json
import os
import stat

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
