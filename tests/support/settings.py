"""Settings files written as a user's Cove leaves them, for tests that start Cove on them."""

from __future__ import annotations

import json
from pathlib import Path

# Repeatable answers: greedy sampling, fixed seed, short.
GREEDY = {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 42, "max_tokens": 64}


def write_settings(home: Path, sampling: dict | None = None, **extra) -> Path:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    path = config / "settings.json"
    path.write_text(json.dumps({"sampling": sampling or {}, **extra}))
    return path
