"""Remote servers: OpenAI-compatible servers (vLLM, llama-server, Ollama, another Cove) that answer for Cove.

An on-prem GPU server does the inference while every conversation stays in this
computer's database; only the messages of the answer being written travel. So the
rules here are about where those messages may go:

- An address is http(s) with a host and no user name or password. TLS is always
  verified (with the system's certificates, or the CA bundle given for an on-prem
  certificate); plain http is allowed only to this computer itself (127.0.0.1, ::1,
  localhost), since anything else would carry the conversation unencrypted.
- The key is stored like the Hub token: a 0600 file per server in the data folder
  (never in settings.json, never logged, never shown back).
- The administrator's policy may name the only servers allowed (`remote_servers`,
  with their keys, so staff never handle them) and hide local models (`remote_only`).

A remote model is named by a reference string, "remote:<server url>#<model id>": it
is what the picker, the settings' last model and a conversation's `model` hold, in
the place a local model's file path goes, so the store needs nothing new.
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from app.core.endpoints import offline_from_env, valid_endpoint
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.private_files import write_private

PREFIX = "remote:"
KEYS_FOLDER = "remote-keys"
MAX_KEY_BYTES = 8192
_LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


class RemoteError(CoveError):
    """A remote server could not be used; the message says what to do."""


@dataclass(frozen=True)
class RemoteServer:
    url: str              # normalised: no trailing "/", e.g. https://gpu.example.org/v1
    ca_bundle: str = ""   # a PEM file of the certificate authority for an on-prem certificate ("": the system's)
    key: str = ""         # filled in when used (from the key file or the policy); never saved in settings
    managed: bool = False  # named by the administrator's policy: not removable by the user
    offline: bool = False  # Cove is offline (Settings › Privacy, HF_HUB_OFFLINE): only this computer may be asked

    @property
    def host(self) -> str:
        parts = urlsplit(self.url)
        return parts.netloc.lower()

    @property
    def api_base(self) -> str:
        """Where /models and /chat/completions live: the address as given if it ends in /v1, else with /v1."""
        return self.url if self.url.endswith("/v1") else self.url + "/v1"

    def check_online(self) -> None:
        """Offline, Cove sends nothing over the network: a server on this computer is still fine."""
        if self.offline and not is_loopback(urlsplit(self.url).hostname or ""):
            raise RemoteError(_("Cove is offline, so it sends nothing to {host}: turn "
                                "offline mode off (Settings › Privacy) to use its models.").format(host=self.host))

    def settings_entry(self) -> dict:
        return {"url": self.url, "ca_bundle": self.ca_bundle}

    def __repr__(self) -> str:  # the key never reaches a log line or a traceback
        return f"RemoteServer(url={self.url!r}, ca_bundle={self.ca_bundle!r}, managed={self.managed})"


@dataclass(frozen=True)
class RemoteModel:
    """A model a remote server offers; `path` is its reference (module docstring)."""

    server: RemoteServer
    model_id: str
    remote: bool = True
    builtin: bool = False
    shared: bool = False
    embedding: bool = False

    @property
    def path(self) -> str:
        return model_ref(self.server.url, self.model_id)

    @property
    def name(self) -> str:
        return self.model_id

    @property
    def label(self) -> str:
        return f"{self.model_id} — on {self.server.host}"


def is_loopback(host: str) -> bool:
    host = (host or "").strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_url(url: str) -> str:
    return url.strip().rstrip("/")


def url_problem(url: str) -> str | None:
    """Why this address cannot be a remote server (None: it can)."""
    url = normalise_url(url) if isinstance(url, str) else url
    if not valid_endpoint(url):
        return (_("'{url}' is not a server address: give one like "
                  "https://gpu.example.org/v1 (http or https, a host, no user name or password)").format(url=str(url)[:80]))
    parts = urlsplit(url)
    if parts.scheme == "http" and not is_loopback(parts.hostname or ""):
        return (_("{url} uses plain http, which would send your messages unencrypted over the "
                  "network: use an https:// address (with --ca-bundle for an on-prem "
                  "certificate); http is allowed only for this computer (127.0.0.1, localhost)").format(url=url))
    return None


def model_ref(url: str, model_id: str) -> str:
    return f"{PREFIX}{normalise_url(url)}#{model_id}"


def is_remote_ref(ref: str) -> bool:
    return isinstance(ref, str) and ref.startswith(PREFIX)


def parse_ref(ref: str) -> tuple[str, str]:
    """(server url, model id) of a reference."""
    url, _sep, model_id = ref[len(PREFIX):].partition("#")
    return url, model_id


# Settings ---------------------------------------------------------------------

def parse_servers(raw: object, problems: list[str]) -> tuple[dict, ...]:
    """settings.json's `remote_servers`: a list of {"url", "ca_bundle"}; a bad entry is reported and left out."""
    if not isinstance(raw, (list, tuple)):
        problems.append(_("remote_servers should be a list of {url, ca_bundle}; ignoring it"))
        return ()
    kept, seen = [], set()
    for entry in raw:
        url = entry.get("url") if isinstance(entry, dict) else None
        ca = entry.get("ca_bundle", "") if isinstance(entry, dict) else ""
        problem = url_problem(url) if isinstance(url, str) else _("it has no url")
        if problem is None and not isinstance(ca, str):
            problem = _("its ca_bundle is not a file path")
        if problem is None and normalise_url(url) in seen:
            problem = _("it is listed twice")
        if problem is not None:
            problems.append(_("remote_servers: {entry!r} is left out: {problem}").format(entry=str(entry)[:80], problem=problem))
            continue
        seen.add(normalise_url(url))
        kept.append({"url": normalise_url(url), "ca_bundle": ca})
    return tuple(kept)


# Keys -------------------------------------------------------------------------

def key_path(data_dir: Path, url: str) -> Path:
    """One 0600 file per server, named by a hash of its address (the address itself may hold a port, a path)."""
    digest = hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()[:24]
    return Path(data_dir) / KEYS_FOLDER / digest


def load_key(data_dir: Path, url: str) -> str:
    try:
        return key_path(data_dir, url).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def save_key(data_dir: Path, url: str, key: str) -> None:
    path = key_path(data_dir, url)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(path, key.strip())


def clear_key(data_dir: Path, url: str) -> None:
    key_path(data_dir, url).unlink(missing_ok=True)


def read_key_file(path: str | Path) -> str:
    """A key given as a file (so it is never on a command line, in the shell's history or `ps`)."""
    try:
        data = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise RemoteError(_("Could not read the key file {path} ({reason}). Check the path.").format(path=path, reason=exc.strerror or exc)) from None
    if len(data) > MAX_KEY_BYTES:
        raise RemoteError(_("The key file {path} is larger than a key ({count} "
                            "bytes): give the file that holds only the key.").format(path=path, count=len(data)))
    try:
        key = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise RemoteError(_("The key file {path} is not text: give the file that holds only the key.").format(path=path)) from None
    if not key or any(ord(c) < 33 or ord(c) == 127 for c in key):
        raise RemoteError(_("The key file {path} must hold one key on one line, with no spaces.").format(path=path))
    return key


def check_ca_bundle(path: str) -> str:
    """A CA bundle must be a readable file; returns its absolute path."""
    if not path:
        return ""
    file = Path(path).expanduser()
    if not file.is_file():
        raise RemoteError(_("There is no CA bundle file at {path}: give the "
                            "PEM file of your server's certificate authority.").format(path=path))
    return str(file.resolve())


# Which servers are in use -----------------------------------------------------

def servers_in_use(settings, admin, data_dir: Path) -> list[RemoteServer]:
    """The servers Cove may use now: the user's (with their stored keys), within the administrator's policy.

    With a policy list, those servers are used (with the policy's keys, or the user's key where
    the policy gives none) and the user's own other servers are not."""
    offline = bool(getattr(getattr(settings, "hub", None), "offline", False)) or offline_from_env()
    own = [RemoteServer(e["url"], e.get("ca_bundle", "")) for e in getattr(settings, "remote_servers", ())]
    if admin.remote_servers is None:
        return [RemoteServer(s.url, s.ca_bundle, load_key(data_dir, s.url), offline=offline) for s in own]
    return [RemoteServer(entry.url, entry.ca_bundle, entry.key or load_key(data_dir, entry.url), managed=True,
                         offline=offline) for entry in admin.remote_servers]


def check_allowed(admin, url: str) -> None:
    """Refuse a server the administrator's policy does not list."""
    if admin.remote_servers is None:
        return
    if normalise_url(url) not in {s.url for s in admin.remote_servers}:
        allowed = ", ".join(s.url for s in admin.remote_servers) or "none"
        raise RemoteError(admin.reason(_("Using the remote server {normalise_url}").format(normalise_url=normalise_url(url))) +
                          _(" Allowed servers: {allowed}.").format(allowed=allowed))


def find_server(servers: list[RemoteServer], url: str) -> RemoteServer | None:
    return next((s for s in servers if s.url == normalise_url(url)), None)
