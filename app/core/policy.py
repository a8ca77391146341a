"""The administrator's policy: what Cove may do on this machine, whatever the user's settings say.

IT teams install one TOML file, readable by everyone and writable only by
administrators, in the platform's site configuration folder (platformdirs, read
without the user's environment so a user cannot point Cove elsewhere):

    Linux    /etc/xdg/Cove/policy.toml
    macOS    /Library/Application Support/Cove/policy.toml
    Windows  C:\\ProgramData\\Cove\\policy.toml

    message = "Set by IT (help@example.com)."   # shown wherever the policy decides
    downloads = false             # no model downloads
    hub_search = false            # no searching the Hub
    endpoint = "https://models.example.com"     # the only Hub (mirror) Cove may contact
    allowed_models = ["sha256:3f1c…", "bartowski/Qwen2.5-7B-Instruct-GGUF/Qwen2.5-7B-Instruct-Q4_K_M.gguf"]
    shared_models_folder = "/mnt/models"       # read-only models everyone can use
    retention_days = 90           # conversations older than this are deleted
    export = false                # no exporting conversations
    notes = true                  # reading notes folders (false: Notes is off)
    notes_roots = ["/home/shared/notes", "~/Documents"]   # only folders inside these may be notes folders
    encryption_required = true    # conversations encrypted at rest: converted at next start, never run plain
    max_idle_lock_minutes = 15    # the window locks after at most this many idle minutes (users may lower it)
    serving = "loopback"          # `cove serve`: "off", "loopback" (this computer only) or "network"
    remote_only = true            # no local models: every answer comes from a remote server (thin desktops)
    [[remote_servers]]            # the only remote servers allowed, with their keys (staff never see them)
    url = "https://gpu.example.org/v1"
    key = "sk-team-…"             # optional
    ca_bundle = "/etc/ssl/certs/example-ca.pem"   # optional: the on-prem certificate's authority

A malformed `notes` turns Notes off; a malformed `notes_roots` allows no folder; a malformed
`remote_servers` allows no remote server; a malformed `remote_only` hides local models; a malformed
`encryption_required` requires encryption; a malformed `max_idle_lock_minutes` locks after
RESTRICTIVE_IDLE_LOCK minutes. Like retention, a file that cannot be read at all does not
require encryption: converting asks the user for a passphrase, which a typo must not force. A
malformed `serving` turns serving off.

A file that cannot be read as TOML, or a key with a wrong value, is never taken
as "no policy": the affected keys fall back to their most restrictive reading
(no downloads, no search, no export, only the built-in model), and the user is
told. Retention is the exception: deleting conversations cannot be undone, so a
malformed retention value deletes nothing, and one too large to compute with
(more than MAX_RETENTION_DAYS) is read as MAX_RETENTION_DAYS and reported.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from app.core.endpoints import valid_endpoint
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.model_names import BUILTIN  # noqa: F401 (policy.BUILTIN: in allowed_models, the starter model)
from app.core.remote_servers import RemoteServer, normalise_url, url_problem

FILE_NAME = "policy.toml"
_SHA256 = re.compile(r"^sha256:[0-9a-f]{64}$")
# Longer than anyone keeps a conversation, and well inside what dates can count to: a larger
# value (10**12, 2**63-1) overflows date sums downstream, and a cut-off before 1970 is an
# error for some platforms' clocks. Deleting cannot be undone, so the most restrictive
# reading of "too many days" is the most days: the longest valid value.
MAX_RETENTION_DAYS = 18_250  # 50 years
RESTRICTIVE_IDLE_LOCK = 5  # minutes: a malformed max_idle_lock_minutes locks this soon
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Policy:
    source: Path | None = None          # the file it came from (None: no policy)
    message: str = ""                   # the administrator's note
    downloads: bool = True
    hub_search: bool = True
    endpoint: str = ""
    allowed_models: tuple[str, ...] | None = None  # None: any model
    shared_models_folder: Path | None = None
    retention_days: int | None = None
    export: bool = True
    notes: bool = True
    notes_roots: tuple[Path, ...] | None = None  # None: any folder
    remote_servers: tuple[RemoteServer, ...] | None = None  # None: any server the user adds
    remote_only: bool = False           # no local models
    encryption_required: bool = False
    max_idle_lock_minutes: int | None = None  # None: the user chooses (off by default)
    serving: str = "network"            # `cove serve`: "off", "loopback" or "network" (with an API key)
    problems: tuple[str, ...] = field(default_factory=tuple)  # what was wrong in the file

    @property
    def active(self) -> bool:
        return self.source is not None

    def reason(self, what: str) -> str:
        """Why something is not allowed, for the user."""
        note = f" {self.message}" if self.message else ""
        return _("{what} is turned off by your administrator's policy ({source}).{note}").format(what=what, source=self.source, note=note)

    def require(self, allowed: bool, what: str) -> None:
        if not allowed:
            raise CoveError(self.reason(what))

    def model_allowed(self, sha256: str | None, repo_file: str | None = None, builtin: bool = False) -> bool:
        if self.allowed_models is None:
            return True
        if builtin and BUILTIN in self.allowed_models:
            return True
        return (sha256 is not None and f"sha256:{sha256.lower()}" in self.allowed_models) or \
            (repo_file is not None and repo_file in self.allowed_models)


NO_POLICY = Policy()
RESTRICTIVE = dict(downloads=False, hub_search=False, endpoint="", allowed_models=(BUILTIN,),
                   shared_models_folder=None, retention_days=None, export=False,
                   notes=False, notes_roots=(), remote_servers=(), remote_only=True, encryption_required=False,
                   max_idle_lock_minutes=RESTRICTIVE_IDLE_LOCK, serving="off")
SERVING = ("off", "loopback", "network")  # the `serving` key's values, least allowed first


_current: Policy | None = None


def current() -> Policy:
    """The policy for this process, read once (an admin's change applies at the next start)."""
    global _current
    if _current is None:
        _current = load()
    return _current


def reset() -> None:
    global _current
    _current = None


def policy_path() -> Path:
    """The site-wide policy file, from platformdirs, ignoring the user's XDG_CONFIG_DIRS."""
    saved = os.environ.pop("XDG_CONFIG_DIRS", None)
    try:
        folder = platformdirs.site_config_dir("Cove", appauthor=False, multipath=False)
    finally:
        if saved is not None:
            os.environ["XDG_CONFIG_DIRS"] = saved
    return Path(folder) / FILE_NAME


def parse(raw: dict, source: Path) -> Policy:
    problems: list[str] = []
    values: dict = {}

    def bad(key: str, expected: str) -> None:
        shown = repr(raw[key])
        shown = shown if len(shown) <= 80 else shown[:77] + "..."  # one readable line, whatever the file holds
        problems.append(_("{key} = {shown} is not {expected}; using the most restrictive reading").format(key=key, shown=shown, expected=expected))
        values[key] = RESTRICTIVE[key]

    for key in ("downloads", "hub_search", "export", "notes", "remote_only"):
        if key in raw:
            if isinstance(raw[key], bool):
                values[key] = raw[key]
            else:
                bad(key, _("true or false"))
    if "endpoint" in raw:
        if isinstance(raw["endpoint"], str) and (raw["endpoint"] == "" or valid_endpoint(raw["endpoint"])):
            values["endpoint"] = raw["endpoint"].rstrip("/")
        else:
            bad("endpoint", _("a web address starting with http:// or https://"))
            values["downloads"] = values["hub_search"] = False  # no address is known to be allowed
    if "allowed_models" in raw:
        entries = raw["allowed_models"]
        if isinstance(entries, list) and all(isinstance(e, str) and (
                _SHA256.match(e.lower()) or e == BUILTIN or e.count("/") >= 2) for e in entries):
            values["allowed_models"] = tuple(e.lower() if e.lower().startswith("sha256:") else e for e in entries)
        else:
            bad("allowed_models", _('a list of "sha256:<64 hex digits>", "owner/repo/file.gguf" or "builtin"'))
    if "shared_models_folder" in raw:
        folder = raw["shared_models_folder"]
        if isinstance(folder, str) and folder.strip() and not _CONTROL.search(folder) and len(folder) <= 4096:
            values["shared_models_folder"] = Path(raw["shared_models_folder"]).expanduser()
        else:
            bad("shared_models_folder", _("a folder path"))
    if "notes_roots" in raw:
        roots = raw["notes_roots"]
        if isinstance(roots, list) and all(isinstance(r, str) and r.strip() and not _CONTROL.search(r)
                                           and len(r) <= 4096 for r in roots):
            values["notes_roots"] = tuple(Path(r).expanduser() for r in roots)
        else:
            bad("notes_roots", _("a list of folder paths"))
    if "remote_servers" in raw:
        servers = _remote_servers(raw["remote_servers"])
        if servers is None:  # not shown as written: it may hold keys
            problems.append(_("remote_servers is not a list of [[remote_servers]] tables with an https url (and "
                              "optional key, ca_bundle); no remote server is allowed"))
            values["remote_servers"] = RESTRICTIVE["remote_servers"]
        else:
            values["remote_servers"] = servers
    if "encryption_required" in raw:
        if isinstance(raw["encryption_required"], bool):
            values["encryption_required"] = raw["encryption_required"]
        else:
            bad("encryption_required", _("true or false"))
            values["encryption_required"] = True  # the admin meant to say something: the safe side
    if "max_idle_lock_minutes" in raw:
        minutes = raw["max_idle_lock_minutes"]
        if isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= 24 * 60:
            values["max_idle_lock_minutes"] = minutes
        else:
            bad("max_idle_lock_minutes", _("a whole number of minutes from 1 to 1440"))
    if "serving" in raw:
        if raw["serving"] in SERVING:
            values["serving"] = raw["serving"]
        else:
            bad("serving", _('"off", "loopback" or "network"'))
    if "retention_days" in raw:
        days = raw["retention_days"]
        if isinstance(days, int) and not isinstance(days, bool) and days > MAX_RETENTION_DAYS:
            problems.append(_("retention_days = {days} is more than "
                              "{max_retention_days} (50 years); using {max_retention_days}").format(days=days, max_retention_days=MAX_RETENTION_DAYS))
            values["retention_days"] = MAX_RETENTION_DAYS
        elif isinstance(days, int) and not isinstance(days, bool) and days >= 1:
            values["retention_days"] = days
        else:
            bad("retention_days", _("a whole number of days, 1 or more"))
    message = raw.get("message", "")
    unknown = sorted(set(raw) - {"message", *RESTRICTIVE})
    if unknown:
        problems.append(_("unknown keys ignored: ") + ", ".join(unknown))
    return Policy(source=source, message=message if isinstance(message, str) else "",
                  problems=tuple(problems), **values)


def _remote_servers(entries) -> tuple[RemoteServer, ...] | None:
    """The policy's servers, or None if any entry is malformed (then none is allowed)."""
    if not isinstance(entries, list):
        return None
    servers = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str) or url_problem(entry["url"]):
            return None
        key, ca = entry.get("key", ""), entry.get("ca_bundle", "")
        if not isinstance(key, str) or not isinstance(ca, str) or set(entry) - {"url", "key", "ca_bundle"}:
            return None
        servers.append(RemoteServer(normalise_url(entry["url"]), ca, key.strip(), managed=True))
    return tuple(servers)


def load(path: Path | None = None) -> Policy:
    """The policy in force: none if there is no file, the most restrictive if it cannot be read."""
    path = path or policy_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return NO_POLICY
    except (OSError, UnicodeDecodeError) as exc:
        return Policy(source=path, problems=(_("the policy file cannot be read "
                                               "({exc}); using the most restrictive reading").format(exc=exc),), **RESTRICTIVE)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Policy(source=path, problems=(_("the policy file is not valid TOML "
                                               "({exc}); using the most restrictive reading").format(exc=exc),), **RESTRICTIVE)
    return parse(raw, path)
