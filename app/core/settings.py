"""User settings, stored as JSON in the config folder.

Settings are read once at start-up and validated field by field: a value of the
wrong type or out of range falls back to its default and is reported, so a hand-
edited or damaged file never stops Cove from starting. Whatever is wrong, the file
as written is kept aside (settings.json.broken-<time>), never overwritten, so
nothing the user wrote is lost, and it is reported once: a file that is not UTF-8
or not JSON is moved aside (the defaults are used), one with unusable values is
copied aside and saved with the values actually used.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timezone
from pathlib import Path

from app.core import i18n
from app.core.endpoints import valid_endpoint
from app.core.i18n import _
from app.core.private_files import write_private
from app.core.remote_servers import parse_servers

# A model's "draft model" setting (app/core/draft_pairs.py): none, or the paired smaller model when installed.
DRAFT_OFF, DRAFT_AUTO = "off", "auto"
DRAFT_CHOICES = (DRAFT_OFF, DRAFT_AUTO)


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

    n_ctx: int = 0            # 0: the model's own context, or less if memory is short
    n_threads: int = 0        # generation threads; 0: automatic (engine_options.thread_counts)
    n_threads_batch: int = 0  # prompt processing threads; 0: automatic
    n_gpu_layers: int = -1    # -1: as many as fit the GPU; 0: CPU only
    flash_attn: str = "auto"
    kv_type: str = "f16"
    overflow: str = "drop_oldest"  # when a chat outgrows the context: "drop_oldest" or "stop"
    saved_states_mb: int = 2048    # disk space for saved conversation states (0: none)
    typeahead: bool = True         # process the message while it is being typed

    LIMITS = {
        "n_ctx": (0, 1_048_576),
        "n_threads": (0, 512),
        "n_threads_batch": (0, 512),
        "n_gpu_layers": (-1, 1000),
        "saved_states_mb": (0, 1_000_000),
    }
    CHOICES = {
        "flash_attn": ("auto", "on", "off"),
        "kv_type": ("f16", "q8_0", "q4_0"),
        "overflow": ("drop_oldest", "stop"),
    }


@dataclass(frozen=True)
class HubOptions:
    """Where models come from, and whether Cove may use the network at all."""

    endpoint: str = ""     # a mirror's address; "" means HF_ENDPOINT, else the public Hub
    offline: bool = False  # refuse every network action at once

    LIMITS = {}  # no numbers here; the endpoint is checked as a web address


@dataclass(frozen=True)
class StorageOptions:
    """How long deleted conversations and backups are kept."""

    trash_days: int = 30    # conversations in the trash are deleted for good after this many days
    backups_kept: int = 7   # daily backups of the database kept (the newest ones)
    idle_lock_minutes: int = 0  # an encrypted store locks after this many idle minutes; 0: never

    LIMITS = {"trash_days": (1, 3650), "backups_kept": (1, 365), "idle_lock_minutes": (0, 1440)}


@dataclass(frozen=True)
class AppearanceOptions:
    """How the window looks."""

    theme: str = "system"  # "system" follows the desktop's light or dark setting
    font_size: int = 0     # points for the conversation; 0: the system's size
    language: str = "system"  # "system" follows the desktop's language; applied at the next start

    LIMITS = {"font_size": (0, 40)}
    CHOICES = {"theme": ("system", "light", "dark"), "language": i18n.CHOICES}


@dataclass(frozen=True)
class ServerOptions:
    """`cove serve`: the OpenAI-compatible server for other programs (app/server)."""

    port: int = 11435              # next to Ollama's 11434, so the two can run side by side
    idle_unload_minutes: int = 15  # a model nobody asked for this long is unloaded (its memory freed)
    max_loaded_models: int = 2     # models loaded at once; the least recently used one makes way
    cors_origins: list = field(default_factory=list)  # web pages allowed to call it ("": none, the safe default)
    # Answers decoded together per chat model, in one batch (app/engine/slots.py); they share the
    # model's context. 1: one at a time, as the window's engine does.
    parallel: int = 4

    LIMITS = {"port": (0, 65535), "idle_unload_minutes": (1, 10_080), "max_loaded_models": (1, 16),
              "parallel": (1, 16)}


# System prompts the user can pick for a conversation; they can edit and add their own.
DEFAULT_PRESETS = (
    {"name": "Meeting notes", "text": "Turn what I give you into clear meeting notes: a short summary, "
                                      "decisions, and action items with owners. Do not invent details."},
    {"name": "Translate to English", "text": "Translate everything I write into natural English. "
                                             "Reply with the translation only."},
    {"name": "Concise answers", "text": "Answer briefly and directly. Use a list when it helps."},
)


# Templates for new notes (Save as note, `cove notes new --template`): {date}, {title} and {text}
# are filled in; the user can edit and add their own, like the presets above.
DEFAULT_NOTE_TEMPLATES = (
    {"name": "Meeting notes", "text": "# {title}\n\nDate: {date}\n\n## Notes\n\n{text}\n\n"
                                      "## Decisions\n\n- \n\n## Action items\n\n- [ ] \n"},
    {"name": "Summary", "text": "# {title}\n\n*Summary written {date}.*\n\n{text}\n"},
)


@dataclass(frozen=True)
class Settings:
    sampling: Sampling = field(default_factory=Sampling)
    engine: EngineOptions = field(default_factory=EngineOptions)
    hub: HubOptions = field(default_factory=HubOptions)
    storage: StorageOptions = field(default_factory=StorageOptions)
    appearance: AppearanceOptions = field(default_factory=AppearanceOptions)
    server: ServerOptions = field(default_factory=ServerOptions)
    last_model: str = ""  # path of the model used last
    # Per model file name: {"sampling": {...overrides}, "chat_template": "...", "draft_model": "off"|"auto",
    # "draft_gain": {...}} (the draft model and its measured gain: app/core/draft_pairs.py)
    models: dict = field(default_factory=dict)
    # System prompt presets: [{"name": ..., "text": ...}], in the order shown.
    presets: tuple = DEFAULT_PRESETS
    note_templates: tuple = DEFAULT_NOTE_TEMPLATES  # same shape as presets
    notes_folder: str = ""  # the notes folder new notes were last saved into
    notes_embedding_model: str = ""  # the embedding model notes use ("": the first installed one)
    # OpenAI-compatible servers that answer for Cove: [{"url": ..., "ca_bundle": ...}]; keys are stored
    # apart, like the Hub token (app/core/remote_servers.py).
    remote_servers: tuple = ()

    def preset_text(self, name: str) -> str | None:
        return next((p["text"] for p in self.presets if p["name"] == name), None)

    def note_template(self, name: str) -> str | None:
        return next((p["text"] for p in self.note_templates if p["name"] == name), None)

    def model_sampling(self, model_name: str) -> Sampling:
        """The defaults for a model: the global ones, with that model's own on top."""
        own = self.models.get(model_name, {}).get("sampling", {})
        return parse_sampling({**asdict(self.sampling), **own})[0]

    def chat_template(self, model_name: str) -> str:
        return self.models.get(model_name, {}).get("chat_template", "")

    def draft_model(self, model_name: str) -> str:
        """DRAFT_OFF or DRAFT_AUTO (a smaller model of the same family drafts for it, when installed)."""
        return self.models.get(model_name, {}).get("draft_model", DRAFT_OFF)

    def draft_gain(self, model_name: str) -> dict | None:
        """The speed-up measured with the draft model on this machine, if it was measured."""
        return self.models.get(model_name, {}).get("draft_gain")

    def with_model_value(self, model_name: str, key: str, value) -> Settings:
        """These settings with one per-model value set (None removes it)."""
        models = dict(self.models)
        entry = dict(models.get(model_name, {}))
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
        models[model_name] = entry
        return replace(self, models=models)

    def to_json(self) -> dict:
        return asdict(self)


def _coerce_section(cls, raw, problems: list[str], section: str):
    if not isinstance(raw, dict):
        if raw is not None:
            problems.append(_("'{section}' should be a group of settings; using defaults").format(section=section))
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
        choices = getattr(cls, "CHOICES", {}).get(f.name)
        in_range = (low is None or (type(value) is expected and low <= value <= high)) and \
            (choices is None or value in choices)
        if type(value) is not expected or not in_range or not _valid_text(section, f.name, value):
            wanted = f"a {expected.__name__}" + (f" from {low} to {high}" if low is not None else "")
            if choices:
                wanted = "one of " + ", ".join(choices)
            if (section, f.name) == ("hub", "endpoint"):
                wanted = _("a web address starting with http:// or https://")
            if (section, f.name) == ("server", "cors_origins"):
                wanted = _('a list of origins such as "http://localhost:3000"')
                value = str(value)[:80]
            problems.append(
                _("{section}.{name} = {value!r} is not "
                  "valid (expected {wanted}); using {default!r}").format(section=section, name=f.name, value=value, wanted=wanted, default=getattr(default, f.name))
            )
            continue
        values[f.name] = value
    return cls(**values)


def _valid_text(section: str, name: str, value) -> bool:
    if (section, name) == ("hub", "endpoint") and value:
        return valid_endpoint(value)
    if (section, name) == ("server", "cors_origins"):
        return all(isinstance(o, str) and _ORIGIN.fullmatch(o) for o in value)
    return True


# A web origin as browsers send it: scheme, host and optional port, nothing after.
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.\-\[\]:]+")


def parse(raw: object) -> tuple[Settings, list[str]]:
    """Build Settings from decoded JSON; returns (settings, problems found)."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        return Settings(), [_("the settings file does not hold a group of settings; using defaults")]
    last_model = raw.get("last_model", "")
    if not isinstance(last_model, str):
        problems.append(_("last_model should be a file path; ignoring it"))
        last_model = ""
    notes_folder = raw.get("notes_folder", "")
    if not isinstance(notes_folder, str):
        problems.append(_("notes_folder should be a folder path; ignoring it"))
        notes_folder = ""
    notes_embedding_model = raw.get("notes_embedding_model", "")
    if not isinstance(notes_embedding_model, str):
        problems.append(_("notes_embedding_model should be a file path; ignoring it"))
        notes_embedding_model = ""
    models = {}
    for name, entry in (raw.get("models") or {}).items() if isinstance(raw.get("models"), dict) else ():
        if not isinstance(entry, dict):
            problems.append(_("models.{name} should be a group of settings; ignoring it").format(name=name))
            continue
        kept = {}
        if isinstance(entry.get("sampling"), dict):
            checked, sub = parse_sampling(entry["sampling"])
            problems += [f"models.{name}.{p}" for p in sub]
            kept["sampling"] = {k: v for k, v in asdict(checked).items()
                                if k in entry["sampling"] and entry["sampling"][k] == v}
        if isinstance(entry.get("chat_template"), str) and entry["chat_template"].strip():
            kept["chat_template"] = entry["chat_template"]
        if "draft_model" in entry:
            if entry["draft_model"] in DRAFT_CHOICES:
                kept["draft_model"] = entry["draft_model"]
            else:
                problems.append(_("models.{name}.draft_model = {value!r} is not valid (expected one of {choices}); "
                                  "using {default!r}").format(name=name, value=str(entry["draft_model"])[:40],
                                                              choices=", ".join(DRAFT_CHOICES), default=DRAFT_OFF))
        if _valid_gain(entry.get("draft_gain")):
            kept["draft_gain"] = entry["draft_gain"]
        models[str(name)] = kept
    settings = Settings(
        sampling=_coerce_section(Sampling, raw.get("sampling"), problems, "sampling"),
        engine=_coerce_section(EngineOptions, raw.get("engine"), problems, "engine"),
        hub=_coerce_section(HubOptions, raw.get("hub"), problems, "hub"),
        storage=_coerce_section(StorageOptions, raw.get("storage"), problems, "storage"),
        appearance=_coerce_section(AppearanceOptions, raw.get("appearance"), problems, "appearance"),
        server=_coerce_section(ServerOptions, raw.get("server"), problems, "server"),
        last_model=last_model,
        models=models,
        presets=_parse_presets(raw.get("presets", DEFAULT_PRESETS), problems),
        note_templates=_parse_presets(raw.get("note_templates", DEFAULT_NOTE_TEMPLATES), problems,
                                      "note_templates", DEFAULT_NOTE_TEMPLATES),
        notes_folder=notes_folder,
        notes_embedding_model=notes_embedding_model,
        remote_servers=parse_servers(raw.get("remote_servers", []), problems),
    )
    return settings, problems


def _valid_gain(gain: object) -> bool:
    """A measurement as draft_pairs.measured_gain records it; anything else is dropped (it is measured again)."""
    number = (int, float)
    return (isinstance(gain, dict) and isinstance(gain.get("draft"), str)
            and isinstance(gain.get("speedup"), number) and not isinstance(gain.get("speedup"), bool)
            and 0 < gain["speedup"] < 100
            and (gain.get("acceptance") is None or isinstance(gain.get("acceptance"), number)))


def _parse_presets(raw: object, problems: list[str], key: str = "presets", default: tuple = DEFAULT_PRESETS) -> tuple:
    if not isinstance(raw, (list, tuple)):
        problems.append(_("{key} should be a list of {{name, text}}; using the built-in ones").format(key=key))
        return default
    kept, names = [], set()
    for entry in raw:
        if (isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip()
                and isinstance(entry.get("text"), str) and entry["name"].strip() not in names):
            kept.append({"name": entry["name"].strip(), "text": entry["text"]})
            names.add(entry["name"].strip())
        else:
            problems.append(_("{key}: {entry!r} is not a {{name, text}} pair with a new name; ignoring it").format(key=key, entry=str(entry)[:60]))
    return tuple(kept)


def parse_sampling(raw: object) -> tuple[Sampling, list[str]]:
    """Sampling values from a dict (a conversation's or a model's), checked like the file's."""
    problems: list[str] = []
    return _coerce_section(Sampling, raw, problems, "sampling"), problems


def load(path: Path) -> tuple[Settings, list[str]]:
    """Read settings; never raises for a bad file (see module docstring)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [_("could not read {path} ({reason}); using defaults").format(path=path, reason=exc.strerror or exc)]
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Settings(), [_set_aside(path, _("is not UTF-8 text"))]
    except (ValueError, RecursionError):
        return Settings(), [_set_aside(path, _("is not valid JSON"))]
    settings, problems = parse(raw)
    if problems:
        problems[-1] += _keep_and_correct(path, data, settings)
    return settings, problems


def _kept_name(path: Path) -> Path:
    """settings.json.broken-<time>, never the name of one kept earlier."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.broken-{stamp}")
    for n in range(1, 100):
        if not kept.exists():
            break
        kept = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    return kept


def _keep_and_correct(path: Path, data: bytes, settings: Settings) -> str:
    """Values Cove cannot use: keep the file as written beside it and save the values used, so the
    problems are reported once (not at every start) and nothing the user wrote is lost."""
    kept = _kept_name(path)
    try:
        write_private(kept, data)
        save(path, settings)
    except OSError:
        return ""  # a read-only folder: reported again next time, the file untouched
    return _(". Your file is kept as {name}; {name2} now holds the values used").format(name=kept.name, name2=path.name)


def _set_aside(path: Path, what: str) -> str:
    """Move a file that cannot be read out of the way (never overwritten); the problem, in words."""
    kept = _kept_name(path)
    try:
        path.rename(kept)
    except OSError as exc:
        return (_("{path} {what} and could not be set aside "
                  "({reason}); defaults are used. Fix or delete that file.").format(path=path, what=what, reason=exc.strerror or exc))
    return _("{path} {what}; it was kept as {name} and defaults are used").format(path=path, what=what, name=kept.name)


def save(path: Path, settings: Settings) -> None:
    """Write atomically (temp file + rename) so a crash or a full disk never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, json.dumps(settings.to_json(), indent=2) + "\n")
