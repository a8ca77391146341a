"""Every HTTP request Cove sends to the Hub goes through here, and here are the rules it keeps.

(Remote servers that answer for Cove, which the user or the administrator added, are asked
through remote_client.py, under rules of their own: see remote_servers.py.)

The endpoint (the public Hub, the user's mirror, or the one the administrator's
policy names) is the only server Cove asks anything. A hostile or broken mirror
must not be able to send Cove, or the user's Hub token, anywhere else:

- API requests (a search, a repo's file list and every page of it) go to the
  endpoint only: the same scheme, host and port, under its path. A redirect or a
  "next page" link that leads elsewhere is refused, as is a next link already
  followed (a loop), and a listing longer than MAX_PAGES pages.
- A file download starts at the endpoint, which may redirect it to a storage host
  (the public Hub serves files from a CDN; a mirror may use S3). Such hops may go
  to another host, but never from https down to http, never with a user name or
  password in the address, and at most MAX_REDIRECTS of them. Nothing is lost by
  trusting the storage host this far: the SHA-256 every download is checked
  against comes from the endpoint's own file list.
- The token (Authorization header) goes only with requests to the endpoint's own
  scheme, host and port: a hop to any other host carries none.
- Every request, each page and each redirect hop, is written to the request log
  (network_log.py) before it is sent, with its own host.
- No retries and short timeouts: a mirror that is down is one clear line at once.
  (Downloads resume on their own after a dropped connection; see downloads.py.)
- The host's name is looked up first, with its own short limit (LOOKUP_TIMEOUT):
  the system's resolver, with no network, tries each name server several times
  (25-45 s before it gives up) and the HTTP library's timeouts do not cover the
  lookup. Without this, a search on a computer that is offline sat at "Searching…"
  for half a minute. A host looked up once is not looked up again by this client, so
  a download whose connection drops still resumes on its own (downloads.py retries).

Redirects are followed here, hop by hop, rather than by the HTTP library, because
the rules depend on what is being fetched. The HTTP client itself is
huggingface_hub's shared session, so proxies and certificates set up for the
library apply to Cove too.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import socket
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from app.core import network_log
from app.core.endpoints import origin
from app.core.errors import CoveError
from app.core.i18n import _

MAX_REDIRECTS = 5
MAX_PAGES = 200
MAX_JSON_BYTES = 32 << 20      # one page of a listing; the Hub's are well under 1 MB
# (connect, read, write, pool) seconds: a server that does not answer is reported quickly.
TIMEOUT = (5.0, 30.0, 30.0, 5.0)
LOOKUP_TIMEOUT = 5.0  # seconds to find a host's address; a working resolver answers in well under 1 s
_REDIRECTS = (301, 302, 303, 307, 308)
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\\]")
warnings.filterwarnings("ignore", module="huggingface_hub")


class HubError(CoveError):
    """The Hub or mirror answered with an error, could not be reached, or broke the rules above."""


class Unreachable(HubError):
    """The host's name could not be looked up: no network, no DNS, or a wrong name. Not worth retrying."""


class StatusError(Exception):
    """An HTTP error answer; `response` carries the status for the message (see hub.Hub.explain)."""

    def __init__(self, response):
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def host_of(url: str) -> str:
    """host[:port] of an address, as the request log shows it (never a user name or password)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{host}:{port}" if port else host


def _uses_proxy(url: str) -> bool:
    """Whether the HTTP client will go through a proxy for this address (then the proxy looks the name up)."""
    import urllib.request  # here, with the first request: http.client and ssl are not part of the window's start

    proxies = urllib.request.getproxies()
    scheme = urlsplit(url).scheme
    return bool(proxies.get(scheme) or proxies.get("all")) and not urllib.request.proxy_bypass(
        urlsplit(url).hostname or "")


def look_up(host: str, port: int, timeout: float | None = None) -> str | None:
    """None when the name resolves within `timeout` seconds; else why not, in words.

    The lookup runs on a thread of its own because getaddrinfo() has no timeout; when it
    takes too long the thread is left to finish on its own (it only holds a name)."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None  # an address: nothing to look up
    except ValueError:
        pass
    outcome: list[BaseException | None] = []

    def run():
        try:
            socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            outcome.append(exc)

    timeout = LOOKUP_TIMEOUT if timeout is None else timeout
    worker = threading.Thread(target=run, name="cove-lookup", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        return _("finding its address took longer than {timeout:g} s").format(timeout=timeout)
    if outcome[0] is None:
        return None
    return _("its address could not be found") if isinstance(outcome[0], socket.gaierror) else str(outcome[0])


def _page_key(url: str) -> tuple:
    """A page's address with its query in a fixed order: the same page however a server spells its link."""
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower(), parts.path, tuple(sorted(parse_qsl(parts.query, True)))


def _session():
    # Imported when first needed: huggingface_hub takes a while to import, and most runs never use the network.
    from huggingface_hub.utils import get_session

    # Its import sets its logger's level (from HF_HUB_VERBOSITY) and gives it a terminal handler;
    # Cove reports every outcome once itself, so the library's own lines never reach the terminal.
    logging.getLogger("huggingface_hub").setLevel(logging.CRITICAL)
    return get_session()


class HubHttp:
    def __init__(self, endpoint: str, token: str | None = None):
        self.endpoint = endpoint.rstrip("/")
        self.origin = origin(self.endpoint)
        self.prefix = urlsplit(self.endpoint).path.rstrip("/") + "/"
        self.token = token
        self.host = host_of(self.endpoint)
        self.found: set[str] = set()  # hosts whose address was found (see the module's docstring)

    def _look_up(self, url: str, what: str) -> None:
        """Fail at once, in words, when the host's name cannot be looked up (module docstring)."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host in self.found or _uses_proxy(url):
            return
        problem = look_up(host, parts.port or (443 if parts.scheme == "https" else 80))
        if problem:
            raise Unreachable(_("Could not reach {host_of} to {what}: {problem}. This computer "
                                "seems to be offline, or the address is wrong: check your "
                                "connection (or the mirror address in Models › Network), then try again.").format(host_of=host_of(url), what=what, problem=problem))
        self.found.add(host)

    def on_endpoint(self, url: str) -> bool:
        """The same scheme, host and port as the endpoint, and under its path."""
        try:
            return origin(url) == self.origin and urlsplit(url).path.startswith(self.prefix)
        except ValueError:  # a port that is not a number
            return False

    def _headers(self, url: str, extra: dict[str, str]) -> dict[str, str]:
        headers = dict(extra)
        if self.token and origin(url) == self.origin:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _check_hop(self, previous: str, url: str, what: str, storage: bool) -> None:
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018 - raises ValueError for a port out of range
            bad = (_UNSAFE.search(url) or parts.scheme not in ("http", "https") or not parts.hostname
                   or parts.username is not None or parts.password is not None)
        except ValueError:
            bad = True
        if bad:
            raise HubError(_("{host} sent an address Cove cannot use when asked to "
                             "{what}. Check the mirror address, or ask its admin.").format(host=self.host, what=what))
        if self.on_endpoint(url):
            return
        if not storage:
            raise HubError(_("{host} sent Cove to another server ({host_of}) when asked to {what}; Cove "
                             "only asks {host} for that, so it stopped. Check the mirror address.").format(host=self.host, host_of=host_of(url), what=what))
        if urlsplit(previous).scheme == "https" and parts.scheme != "https":
            raise HubError(_("{host} redirected a download to an unencrypted address ({host_of}) when asked "
                             "to {what}; Cove refused it. Ask the mirror's admin to serve it over https.").format(host=self.host, host_of=host_of(url), what=what))

    @contextmanager
    def open(self, url: str, purpose: str, what: str, *, params: dict | None = None,
             headers: dict[str, str] | None = None, storage: bool = False) -> Iterator:
        """A streamed answer to GET url, after following redirects by the rules above.

        `purpose` is what the request log says; `what` completes error messages ("list the
        files of x"); `storage`: a file download, which may be redirected to a storage host.
        """
        if params:
            url = f"{url}?{urlencode(params)}"
        if not self.on_endpoint(url):  # a bug if it happens: every caller builds addresses from the endpoint
            raise HubError(_("Cove will not send a request outside {host} (asked to {what}).").format(host=self.host, what=what))
        session = _session()
        for hop in range(MAX_REDIRECTS + 1):
            logged = network_log.record(host_of(url), purpose if hop == 0 else f"{purpose} (redirected)")
            try:
                self._look_up(url, what)
                request = session.build_request("GET", url, headers=self._headers(url, headers or {}),
                                                timeout=TIMEOUT)
                response = session.send(request, stream=True, follow_redirects=False)
            except Exception as exc:  # the Privacy page shows how each request ended; the error goes on
                network_log.settle(logged, network_log.outcome_of(exc))
                raise
            network_log.settle(logged, network_log.outcome_of(status=response.status_code))
            location = response.headers.get("location") if response.status_code in _REDIRECTS else None
            if location is None:
                try:
                    yield response
                finally:
                    response.close()
                return
            response.close()
            following = urljoin(url, location)
            self._check_hop(url, following, what, storage)
            url = following
        raise HubError(_("{host} redirected more than {max_redirects} times when "
                         "asked to {what}. Check the mirror address, or ask its admin.").format(host=self.host, max_redirects=MAX_REDIRECTS, what=what))

    def get_json(self, url: str, purpose: str, what: str, params: dict | None = None) -> tuple[object, str | None]:
        """The decoded JSON answer and the address of its "next page" link (None if none)."""
        with self.open(url, purpose, what, params=params) as response:
            if response.status_code != 200:
                raise StatusError(response)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_JSON_BYTES:
                    raise HubError(_("{host} sent more than {megabytes} MB when asked to {what}; Cove "
                                     "stopped reading. Check the mirror address, or ask its admin.").format(host=self.host, megabytes=MAX_JSON_BYTES >> 20, what=what))
            following = response.links.get("next", {}).get("url")
            base = str(response.url)
        try:
            data = json.loads(bytes(body))
        except (ValueError, RecursionError):
            raise HubError(_("{host} sent an answer Cove cannot read when asked to "
                             "{what}. Check the mirror address, or ask its admin.").format(host=self.host, what=what)) from None
        return data, (urljoin(base, following) if following else None)

    def pages(self, url: str, purpose: str, what: str, params: dict | None = None) -> Iterator[object]:
        """Each page of a listing the server splits with "Link: <…>; rel=next" headers (as the Hub does)."""
        seen: set[tuple] = set()
        page = 1
        while url is not None:
            data, following = self.get_json(url, purpose if page == 1 else f"{purpose} (page {page})", what,
                                            params if page == 1 else None)
            seen.add(_page_key(url if page > 1 or not params else f"{url}?{urlencode(params)}"))
            yield data
            if following is None:
                return
            if _page_key(following) in seen:
                raise HubError(_("{host} keeps sending the same page when asked to {what} (its next-page link "
                                 "points back to a page already read); Cove stopped. Ask the mirror's admin.").format(host=self.host, what=what))
            self._check_hop(url, following, what, storage=False)  # listings stay on the endpoint
            page += 1
            if page > MAX_PAGES:
                raise HubError(_("{host} sent more than {max_pages} pages when asked "
                                 "to {what}; Cove stopped. Ask the mirror's admin.").format(host=self.host, max_pages=MAX_PAGES, what=what))
            url = following
