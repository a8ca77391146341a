"""Who may use `cove serve`: the address it listens on, the administrator's policy, the API key.

Safe by default: the server listens on 127.0.0.1, where only programs on this computer
can reach it. Any other address needs an API key, since anyone on the network could
otherwise use the models (and the computer's memory and power). The key is made once,
shown once, and kept readable by the user only (like the Hub token); clients send it
as `Authorization: Bearer KEY`, compared in constant time.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from pathlib import Path

from app.core.errors import CoveError
from app.core.i18n import _
from app.core.paths import CovePaths
from app.core.policy import Policy
from app.core.private_files import write_private

KEY_PREFIX = "cove-"
MIN_KEY_CHARS = 16  # a key file with less is refused: a short key can be guessed


def key_file(paths: CovePaths) -> Path:
    return paths.data_dir / "server-key"


def is_loopback(host: str) -> bool:
    """Whether only this computer can reach the address ("localhost", 127.x.x.x, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def check_policy(admin: Policy, host: str) -> None:
    """Refuse serving, or serving beyond this computer, when the administrator's policy says so."""
    if admin.serving == "off":
        raise CoveError(admin.reason(_("Serving models to other programs (cove serve)")))
    if admin.serving == "loopback" and not is_loopback(host):
        raise CoveError(admin.reason(_("Serving to other computers (--host {host})").format(host=host))
                        + _(" Leave out --host to serve this computer only (127.0.0.1)."))


def read_key_file(path: Path) -> str:
    """The key in a file given with --api-key-file (its first line)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CoveError(_("Cannot read the API key file {path} "
                          "({reason}). Give a readable text file holding the key.").format(path=path, reason=getattr(exc, 'strerror', None) or exc)) from None
    lines = text.strip().splitlines()
    key = lines[0].strip() if lines else ""
    if len(key) < MIN_KEY_CHARS or any(c.isspace() or not c.isprintable() for c in key):
        raise CoveError(_("The API key in {path} must be at least {min_key_chars} characters, without "
                          'spaces. Make one with: python -c "import secrets; print(secrets.token_urlsafe(32))"').format(path=path, min_key_chars=MIN_KEY_CHARS))
    return key


def stored_or_new_key(paths: CovePaths) -> tuple[str, bool]:
    """The key kept in Cove's data folder, made (0600) the first time; (key, whether it is new)."""
    path = key_file(paths)
    try:
        return read_key_file(path), False
    except CoveError:
        if path.exists():
            raise CoveError(_("The stored API key file {path} is damaged. "
                              "Delete it to make a new key, or pass --api-key-file.").format(path=path)) from None
    return new_key(paths), True


def new_key(paths: CovePaths) -> str:
    """Make a new key and store it (0600) in place of the old one, which stops working."""
    path = key_file(paths)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    try:
        write_private(path, key + "\n")
    except OSError as exc:
        raise CoveError(_("Cannot store the API key in {path} ({reason}). Check that "
                          "Cove's data folder is writable, or pass --api-key-file.").format(path=path, reason=exc.strerror or exc)) from None
    return key


def key_matches(header: str | None, key: str) -> bool:
    """Whether an Authorization header carries the key (constant time, whatever was sent)."""
    scheme, _sep, given = (header or "").partition(" ")
    if scheme.lower() != "bearer":
        given = ""
    return hmac.compare_digest(given.strip().encode("utf-8", "replace"), key.encode("utf-8"))
