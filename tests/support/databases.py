"""Databases as earlier Cove releases left them, for the migration and backup tests."""

from __future__ import annotations

from pathlib import Path


def database_at_version(path: Path, version: int):
    """A database as an earlier Cove left it: only its first `version` migrations applied."""
    import sqlite_utils

    from app.core import schema

    db = sqlite_utils.Database(path)
    earlier = sqlite_utils.Migrations(schema.MIGRATION_SET)
    for migration in schema.migrations._migrations[:version]:
        earlier(name=migration.name)(migration.fn)
    earlier.apply(db)
    return db


def first_version_database(path: Path):
    """A database as Cove's first release left it (only migration m001 applied)."""
    return database_at_version(path, 1)
