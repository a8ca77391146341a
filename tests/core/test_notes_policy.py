"""Policy keys `notes` and `notes_roots`, and the folders that may (not) be added."""

import pytest

from app.core import paths, policy
from app.core.errors import CoveError
from app.core.notes import folders


def load(tmp_path, text):
    path = tmp_path / "policy.toml"
    path.write_text(text)
    return policy.load(path)


def test_keys_are_read(tmp_path):
    p = load(tmp_path, 'notes = true\nnotes_roots = ["/srv/notes", "~/Documents"]\n')
    assert p.problems == () and p.notes is True
    assert p.notes_roots[0].as_posix() == "/srv/notes" and not str(p.notes_roots[1]).startswith("~")
    assert load(tmp_path, "notes = false\n").notes is False
    assert policy.NO_POLICY.notes is True and policy.NO_POLICY.notes_roots is None


@pytest.mark.parametrize("line, key, expected", [
    ('notes = "yes"', "notes", False),
    ("notes = 1", "notes", False),
    ('notes_roots = "/srv/notes"', "notes_roots", ()),
    ("notes_roots = [3]", "notes_roots", ()),
    ('notes_roots = [""]', "notes_roots", ()),
    ('notes_roots = ["/srv/\\nnotes"]', "notes_roots", ()),
])
def test_malformed_values_read_most_restrictively(tmp_path, line, key, expected):
    p = load(tmp_path, line + "\nexport = true\n")
    assert any(problem.startswith(key) for problem in p.problems)
    assert getattr(p, key) == expected == policy.RESTRICTIVE[key]
    assert p.export is True  # the other keys still apply


def test_a_broken_policy_file_turns_notes_off(tmp_path):
    p = load(tmp_path, "notes = [[[")
    assert p.notes is False and p.notes_roots == ()


def test_a_folder_outside_the_allowed_roots_cannot_be_added(tmp_path):
    allowed_root, outside = tmp_path / "allowed", tmp_path / "outside"
    (allowed_root / "vault").mkdir(parents=True)
    outside.mkdir()
    (allowed_root / "escape").symlink_to(outside)  # resolved first: a link cannot smuggle a folder in
    data = paths.current().ensure().data_dir
    rules = load(tmp_path, f'notes_roots = ["{allowed_root}"]\nmessage = "Ask IT."\n')
    assert folders.check_new_root(allowed_root / "vault", [], rules, data) == allowed_root / "vault"
    for bad in (outside, allowed_root / "escape"):
        with pytest.raises(CoveError, match=f"administrator's policy.*Ask IT.*Allowed notes folders: {allowed_root}"):
            folders.check_new_root(bad, [], rules, data)
    off = load(tmp_path, "notes = false\n")
    with pytest.raises(CoveError, match="Reading notes folders is turned off"):
        folders.check_new_root(allowed_root / "vault", [], off, data)
    assert not folders.allowed(allowed_root / "vault", off)


def test_mistaken_folders_are_refused_with_a_reason(tmp_path):
    data = paths.current().ensure().data_dir
    vault = tmp_path / "area" / "vault"
    (vault / "inner").mkdir(parents=True)
    (tmp_path / "file.md").write_text("x")
    cases = [(tmp_path / "missing", "does not exist"), (tmp_path / "file.md", "is a file, not a folder"),
             (data, "Cove's own data folder"), (data.parent, "Cove's own data folder"),
             (vault / "inner", "already indexed as part of the notes folder"),
             (tmp_path / "area", "contains the notes folder")]
    for path, message in cases:
        with pytest.raises(CoveError, match=message):
            folders.check_new_root(path, [vault], policy.NO_POLICY, data)
    assert folders.check_new_root(vault, [vault], policy.NO_POLICY, data) == vault  # again: re-read it
