"""What Cove tidies when it starts, the same for the window and every command.

Conversations in the trash longer than the user's `storage.trash_days` are deleted
for good, and so are those an administrator's retention rule has expired. Saved
engine states hold the tokens of conversations, so when anything was deleted they
go too: deleted words must not survive on disk.
"""

from __future__ import annotations

import shutil

from app.core import policy
from app.core.paths import CovePaths


def at_start(store, app_paths: CovePaths, trash_days: int) -> list[int]:
    """Expire the trash and apply the retention rule; the ids of the conversations deleted."""
    removed = store.empty_trash(older_than_days=trash_days)
    removed += store.apply_retention(policy.current().retention_days)
    if removed:
        shutil.rmtree(app_paths.kv_cache_dir, ignore_errors=True)
    return removed
