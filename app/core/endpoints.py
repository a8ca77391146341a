"""Which Hub address Cove talks to, and whether it may talk at all.

Three modules need these answers (the admin's policy checks its `endpoint` key,
the settings check the user's mirror, the Hub client resolves the address), so
they live here, below all three, rather than in any one of them: that keeps the
imports inside app/core one-way.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from app.core.errors import CoveError
from app.core.i18n import _

DEFAULT_ENDPOINT = "https://huggingface.co"
# Spaces and control characters are never part of a web address; a URL library may
# silently drop or re-encode them, so an address holding any is refused outright.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\\]")


class EndpointError(CoveError):
    """An address that is not an http(s) web address Cove can use."""


def valid_endpoint(url: str) -> bool:
    """True for an http:// or https:// address with a host (and a valid port, if any)."""
    if not isinstance(url, str) or not url or len(url) > 2048 or _UNSAFE.search(url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not parts.query and not parts.fragment \
        and parts.username is None and parts.password is None


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an address: what "the same server" means for requests and the token."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def resolve_endpoint(setting: str = "") -> str:
    """The mirror set in Cove's settings, else HF_ENDPOINT, else the public Hub."""
    for candidate in (setting, os.environ.get("HF_ENDPOINT", "")):
        candidate = candidate.strip().rstrip("/")
        if candidate:
            if not valid_endpoint(candidate):
                raise EndpointError(_("The Hub address '{candidate}' is not a web address "
                                      "(http:// or https://). Fix the mirror setting or HF_ENDPOINT.").format(candidate=candidate))
            return candidate
    return DEFAULT_ENDPOINT


def offline_from_env() -> bool:
    """HF_HUB_OFFLINE read the way huggingface_hub reads it (its `_is_true`): 1, ON, YES or TRUE, any case."""
    return os.environ.get("HF_HUB_OFFLINE", "").strip().upper() in ("1", "ON", "YES", "TRUE")
