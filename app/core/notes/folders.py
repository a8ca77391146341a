"""Which folders may be notes folders: the administrator's policy, and a few mistakes refused early.

A folder is compared by its resolved path (symlinks and `..` removed), so a
link cannot smuggle a folder past the policy's allowed roots. Refused too:
a folder inside Cove's own data folder or containing it (indexing would read the
index it writes, forever), and one inside or around a folder already added (its
files would be indexed twice).
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import CoveError
from app.core.i18n import _
from app.core.policy import Policy
from app.core.text import clean_text


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or under it (both resolved)."""
    return path == folder or folder in path.parents


_inside = inside


def resolve(text: str | Path) -> Path:
    """The folder the user named, as an absolute resolved path (it may not exist)."""
    try:
        return Path(text).expanduser().resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        raise CoveError(_("'{text}' is not a usable folder path ({exc}).").format(text=clean_text(str(text)), exc=exc)) from None


def allowed(path: Path, policy: Policy) -> bool:
    """Whether the policy lets Cove read notes from `path` (already resolved)."""
    if not policy.notes:
        return False
    if policy.notes_roots is None:
        return True
    return any(_inside(path, resolve(root)) for root in policy.notes_roots)


def require_notes(policy: Policy) -> None:
    policy.require(policy.notes, _("Reading notes folders"))


def check_new_root(text: str | Path, existing: list[Path], policy: Policy, data_dir: Path) -> Path:
    """The resolved folder if it may be added; otherwise a CoveError saying why and what to do."""
    require_notes(policy)
    path = resolve(text)
    shown = clean_text(str(path))
    if not path.exists():
        raise CoveError(_("The folder {shown} does not exist. Check the path and try again.").format(shown=shown))
    if not path.is_dir():
        raise CoveError(_("{shown} is a file, not a folder. Give the folder that holds your notes.").format(shown=shown))
    if not allowed(path, policy):
        roots = ", ".join(clean_text(str(r)) for r in policy.notes_roots or ()) or "none"
        raise CoveError(policy.reason(_("Reading notes from {shown}").format(shown=shown)) +
                        _(" Allowed notes folders: {roots}.").format(roots=roots))
    data = resolve(data_dir)
    if _inside(path, data) or _inside(data, path):
        raise CoveError(_("{shown} holds Cove's own data folder ({data}) or is "
                          "inside it; choose a folder with only your notes.").format(shown=shown, data=clean_text(str(data))))
    for root in existing:
        if root == path:
            continue  # adding again re-reads it: handled by the caller
        if _inside(path, root):
            raise CoveError(_("{shown} is already indexed as part of the notes folder {root}.").format(shown=shown, root=clean_text(str(root))))
        if _inside(root, path):
            raise CoveError(_("{shown} contains the notes folder {root}; "
                              'remove that one first (cove notes remove "{root}").').format(shown=shown, root=clean_text(str(root))))
    return path
