"""Recommendations consider speed: tokens per second estimated for this machine (issue 14, point 4)."""

import json

from app.core import catalog as cat
from app.core import speed
from app.core.system import Machine

GB = 1 << 30
BIG = ("qwen2.5-7b-instruct", "gemma-2-9b-it")


def q4(choices, model_id):
    return next(c for c in choices if c.model_id == model_id and c.quant == "Q4_K_M")


def two_cores_no_gpu():
    return Machine(free_ram=32 * GB, total_ram=32 * GB, gpu_backend="", physical_cores=2)


def gpu_machine():
    return Machine(free_ram=16 * GB, total_ram=32 * GB, gpu_backend="cuda", free_vram=12 * GB, physical_cores=4)


def test_on_two_cores_without_a_gpu_7b_to_9b_models_are_slow_and_not_recommended():
    choices = cat.load_catalog()
    machine = two_cores_no_gpu()
    for model_id in BIG:
        choice = q4(choices, model_id)
        assert cat.fit_label(choice.size, choice.context, machine) == cat.FITS  # memory alone would say yes
        assert cat.speed_label(choice, machine) == speed.SLOW
        assert not cat.suits(choice, machine)
    picks = cat.recommend(choices, machine)
    assert not {c.model_id for c in picks.values()} & set(BIG)
    assert all(cat.speed_label(c, machine) != speed.SLOW for c in picks.values())
    first = cat.feels_good(choices, machine)
    assert first is not None and first.model_id not in BIG and first.size < 1.5 * GB
    assert cat.speed_label(first, machine) == speed.FAST


def test_with_a_gpu_and_its_memory_7b_to_9b_models_are_fast_and_recommended():
    choices = cat.load_catalog()
    machine = gpu_machine()
    for model_id in BIG:
        assert cat.speed_label(q4(choices, model_id), machine) == speed.FAST
    picks = cat.recommend(choices, machine)
    assert picks["Qwen2.5"].model_id == "qwen2.5-7b-instruct" and picks["Gemma 2"].model_id == "gemma-2-9b-it"
    assert cat.feels_good(choices, machine).model_id in BIG  # the welcome page may suggest one now


def test_a_model_larger_than_the_gpu_memory_runs_partly_on_the_cpu_and_slows_down():
    small_gpu = Machine(free_ram=32 * GB, total_ram=32 * GB, gpu_backend="cuda", free_vram=2 * GB, physical_cores=2)
    assert speed.tokens_per_second(1 * GB, small_gpu) > speed.tokens_per_second(6 * GB, small_gpu)
    assert speed.label(6 * GB, small_gpu) == speed.SLOW and speed.label(1 * GB, small_gpu) == speed.FAST


def test_speed_grows_with_cores_and_falls_with_model_size():
    sizes = [speed.tokens_per_second(2 * GB, Machine(8 * GB, 8 * GB, "", physical_cores=n)) for n in (1, 2, 4, 8, 16)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    machine = Machine(8 * GB, 8 * GB, "", physical_cores=4)
    assert speed.tokens_per_second(1 * GB, machine) > speed.tokens_per_second(4 * GB, machine)


def test_nothing_is_said_about_speed_when_the_machine_is_unknown():
    unknown = Machine(free_ram=64 * GB, total_ram=64 * GB, gpu_backend="")
    assert speed.label(5 * GB, unknown) == "" and speed.tokens_per_second(0, two_cores_no_gpu()) is None
    assert cat.recommend(cat.load_catalog(), unknown)["Qwen2.5"].model_id == "qwen2.5-7b-instruct"


def test_a_measured_answer_replaces_the_guess(tmp_path):
    path = tmp_path / "speed.json"
    machine = Machine(free_ram=32 * GB, total_ram=32 * GB, gpu_backend="", physical_cores=16)
    assert speed.label(4 * GB, machine) == speed.USABLE or speed.label(4 * GB, machine) == speed.FAST
    assert speed.record(path, 1 * GB, 3.0, 200)  # a 1 GB model wrote 3 tokens/s here: 3 GB/s in practice
    measured = speed.with_measurements(machine, path)
    assert (measured.measured_bandwidth, measured.measured_size) == (3.0 * GB, 1 * GB)
    assert speed.label(4 * GB, measured) == speed.SLOW and speed.label(1 * GB, measured) == speed.SLOW
    assert json.loads(path.read_text()) == {"measured": {str(GB): 3.0}}
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_the_best_figure_per_size_is_kept_so_a_busy_moment_does_not_stick(tmp_path):
    path = tmp_path / "speed.json"
    assert speed.record(path, 1 * GB, 12.0, 100)
    assert not speed.record(path, 1 * GB, 4.0, 100)  # slower (the machine was busy): the best stays
    assert speed.load(path) == {1 * GB: 12.0}
    assert speed.record(path, 1 * GB, 14.0, 100)
    assert speed.load(path) == {1 * GB: 14.0}


def test_a_tiny_models_speed_is_only_a_floor_under_the_guess(tmp_path):
    path = tmp_path / "speed.json"
    starter = 100 << 20
    assert speed.record(path, starter, 40.0, 100)  # 4 GB/s "bandwidth": per-token work, not memory
    machine = speed.with_measurements(Machine(8 * GB, 8 * GB, "", physical_cores=8), path)
    assert speed.tokens_per_second(4 * GB, machine) == speed.tokens_per_second(4 * GB, Machine(8 * GB, 8 * GB, "", physical_cores=8))
    bare = speed.with_measurements(Machine(8 * GB, 8 * GB, ""), path)  # cores unknown: the floor is all there is
    assert speed.tokens_per_second(starter, bare) == 40.0


def test_short_or_absurd_answers_and_broken_files_tell_nothing(tmp_path):
    path = tmp_path / "speed.json"
    assert not speed.record(path, 1 * GB, 20.0, 5)        # five tokens time the start, not the speed
    assert not speed.record(path, 1 * GB, None, 500)
    assert not speed.record(path, 0, 20.0, 500)
    assert not speed.record(path, 1 * GB, float("inf"), 500)
    assert not path.exists()
    path.write_text("{not json")
    assert speed.load(path) == {}
    machine = two_cores_no_gpu()
    assert speed.with_measurements(machine, path) == machine
    path.write_text(json.dumps({"measured": {"-5": 3, "abc": 1}}))
    assert speed.load(path) == {}


def test_an_unwritable_speed_file_is_not_an_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert speed.record(blocker / "speed.json", 1 * GB, 10.0, 100) is False  # no exception either
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert blocker.read_text() == "a file where the data folder should be"
