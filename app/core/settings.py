"""User settings, stored as JSON in the config folder.

Settings are read once at start-up and validated field by field: a value of the
wrong type or out of range falls back to its default and is reported, so a hand-
edited or damaged file never stops Cove from starting. A file that is not JSON at
all is kept aside (settings.json.bad) rather than overwritten, so nothing the user
wrote is lost.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from app.core.paths import make_private_file


@dataclass(frozen=True)
class Sampling:
    """How the next token is chosen. Stored with every answer it produced."""

    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    max_tokens: int = 1024
    seed: int = -1  # -1: a new random seed for every answer

    # (min, max) for each field; the UI and the validator share them.
    LIMITS = {
        "temperature": (0.0, 5.0),
        "top_p": (0.0, 1.0),
        "top_k": (0, 1000),
        "min_p": (0.0, 1.0),
        "repeat_penalty": (0.5, 3.0),
        "max_tokens": (1, 32768),
        "seed": (-1, 2**31 - 1),
    }


@dataclass(frozen=True)
class EngineOptions:
    """How a model is loaded. Changing these reloads the model."""

    n_ctx: int = 4096
    n_threads: int = 0  # 0: let Cove pick (physical cores)
    n_gpu_layers: int = 0

    LIMITS = {
        "n_ctx": (256, 1_048_576),
        "n_threads": (0, 512),
        "n_gpu_layers": (-1, 1000),
    }


@dataclass(frozen=True)
class HubOptions:
    """Where models come from, and whether Cove may use the network at all."""

    endpoint: str = ""     # a mirror's address; "" means HF_ENDPOINT, else the public Hub
    offline: bool = False  # refuse every network action at once

    LIMITS = {}  # no numbers here; the endpoint is checked as a web address


@dataclass(frozen=True)
class Settings:
    sampling: Sampling = field(default_factory=Sampling)
    engine: EngineOptions = field(default_factory=EngineOptions)
    hub: HubOptions = field(default_factory=HubOptions)
    last_model: str = ""  # path of the model used last

    def to_json(self) -> dict:
        return asdict(self)


def _coerce_section(cls, raw, problems: list[str], section: str):
    if not isinstance(raw, dict):
        if raw is not None:
            problems.append(f"'{section}' should be a group of settings; using defaults")
        return cls()
    default = cls()
    values = {}
    for f in fields(cls):
        if f.name not in raw:
            continue
        value = raw[f.name]
        expected = type(getattr(default, f.name))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        low, high = cls.LIMITS.get(f.name, (None, None))
        in_range = low is None or (type(value) is expected and low <= value <= high)
        if type(value) is not expected or not in_range or not _valid_text(section, f.name, value):
            wanted = f"a {expected.__name__}" + (f" from {low} to {high}" if low is not None else "")
            if (section, f.name) == ("hub", "endpoint"):
                wanted = "a web address starting with http:// or https://"
            problems.append(
                f"{section}.{f.name} = {value!r} is not valid (expected {wanted}); "
                f"using {getattr(default, f.name)!r}"
            )
            continue
        values[f.name] = value
    return cls(**values)


def _valid_text(section: str, name: str, value) -> bool:
    if (section, name) == ("hub", "endpoint") and value:
        from app.core.hub import valid_endpoint

        return valid_endpoint(value)
    return True


def parse(raw: object) -> tuple[Settings, list[str]]:
    """Build Settings from decoded JSON; returns (settings, problems found)."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        return Settings(), ["the settings file does not hold a group of settings; using defaults"]
    last_model = raw.get("last_model", "")
    if not isinstance(last_model, str):
        problems.append("last_model should be a file path; ignoring it")
        last_model = ""
    settings = Settings(
        sampling=_coerce_section(Sampling, raw.get("sampling"), problems, "sampling"),
        engine=_coerce_section(EngineOptions, raw.get("engine"), problems, "engine"),
        hub=_coerce_section(HubOptions, raw.get("hub"), problems, "hub"),
        last_model=last_model,
    )
    return settings, problems


def load(path: Path) -> tuple[Settings, list[str]]:
    """Read settings; never raises for a bad file (see module docstring)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [f"could not read {path} ({exc.strerror}); using defaults"]
    try:
        raw = json.loads(text)
    except ValueError:
        backup = path.with_name(path.name + ".bad")
        os.replace(path, backup)
        return Settings(), [f"{path} is not valid JSON; it was kept as {backup.name} and defaults are used"]
    return parse(raw)


def save(path: Path, settings: Settings) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(settings.to_json(), indent=2) + "\n", encoding="utf-8")
    make_private_file(tmp)
    os.replace(tmp, path)
