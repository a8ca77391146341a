import pytest

from app.core.errors import CoveError, ModelNotFound, NotAModelFile
from app.core.models import ModelLibrary, starter_model_path


def test_starter_is_found_through_package_metadata(starter_installed):
    assert starter_model_path() == starter_installed
    library = ModelLibrary(starter_installed.parent / "empty-models")
    [entry] = library.installed()
    assert entry.builtin and entry.path == starter_installed
    assert library.default_model() == entry  # first launch: the starter is selected


def test_no_starter_and_no_models(tmp_path, no_starter):
    library = ModelLibrary(tmp_path / "models")
    assert library.installed() == [] and library.default_model() is None


def test_folder_listing_groups_split_parts(tmp_path, no_starter):
    models = tmp_path / "models"
    (models / "sub").mkdir(parents=True)
    (models / "b.gguf").write_bytes(b"x" * 10)
    (models / "sub" / "big-00001-of-00002.gguf").write_bytes(b"x" * 5)
    (models / "sub" / "big-00002-of-00002.gguf").write_bytes(b"x" * 7)
    (models / "notes.txt").write_text("not a model")
    entries = ModelLibrary(models).installed()
    assert [(e.name, e.size) for e in entries] == [("b", 10), ("big-00001-of-00002", 12)]


def test_import_copies_a_checked_model(smollm2, tmp_path, no_starter):
    library = ModelLibrary(tmp_path / "models")
    seen = []
    entry = library.import_file(smollm2, progress=lambda done, total: seen.append((done, total)))
    assert entry.path == tmp_path / "models" / smollm2.name
    assert entry.path.stat().st_size == smollm2.stat().st_size
    assert seen[-1] == (smollm2.stat().st_size, smollm2.stat().st_size)
    assert [e.path for e in library.installed()] == [entry.path]
    assert not list((tmp_path / "models").glob("*.part"))
    # Importing again does not copy twice.
    assert library.import_file(smollm2).path == entry.path


def test_import_refuses_bad_files_and_leaves_nothing(tmp_path, no_starter):
    fake = tmp_path / "fake.gguf"
    fake.write_text("hello")
    library = ModelLibrary(tmp_path / "models")
    with pytest.raises(NotAModelFile):
        library.import_file(fake)
    assert library.installed() == []


def test_cancelled_import_leaves_no_partial_file(smollm2, tmp_path, no_starter):
    library = ModelLibrary(tmp_path / "models")
    with pytest.raises(CoveError, match="cancelled"):
        library.import_file(smollm2, cancelled=lambda: True)
    assert list((tmp_path / "models").iterdir()) == []


def test_resolve_by_name_or_path(smollm2, tmp_path, no_starter):
    library = ModelLibrary(tmp_path / "models")
    library.import_file(smollm2)
    assert library.resolve("SmolLM2-135M-Instruct.Q4_1").path.name == smollm2.name
    assert library.resolve(str(smollm2)).path == smollm2.resolve()
    with pytest.raises(ModelNotFound, match="No model named 'llama'"):
        library.resolve("llama")
    with pytest.raises(ModelNotFound, match="No model file at"):
        library.resolve(str(tmp_path / "missing.gguf"))


def test_the_starter_is_looked_up_once_per_sys_path(starter_installed, monkeypatch):
    import importlib.metadata

    assert starter_model_path() == starter_installed
    looked_up = []
    real = importlib.metadata.distribution
    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: looked_up.append(name) or real(name))
    assert starter_model_path() == starter_installed and looked_up == []  # the window refreshes often
    monkeypatch.syspath_prepend(str(starter_installed.parent / "elsewhere"))
    assert starter_model_path() == starter_installed and len(looked_up) == 1  # sys.path changed: again
