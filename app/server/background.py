"""The server of `cove serve`, run inside another program (the window's Settings › Server switch).

Why a thread with its own event loop rather than a `cove serve` child process: uvicorn's
Server stops cleanly when told (`should_exit`): it stops listening at once, lets answers in
progress end (or stops them after a short grace), then runs the app's lifespan, which
ends every engine process it started; join() then returns with nothing left behind. A child
process would need a signal and a wait for its own children, and its address, key and
errors would have to be read back from its output. uvicorn installs no signal handlers
outside the main thread, so the window's Ctrl+C and quit stay its own.
"""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Callable

from app.core.errors import CoveError
from app.core.i18n import _
from app.core.paths import CovePaths
from app.core.settings import Settings
from app.core.text import clean_text

LOOPBACK, NETWORK = "127.0.0.1", "0.0.0.0"
START_TIMEOUT_S = 30.0


def listen(host: str, port: int, choose: str = _("Choose another port (0 picks a free one).")) -> socket.socket:
    """A listening socket on host:port (port 0: a free one), or a one-line reason ending with `choose`."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise CoveError(_("Cannot listen on '{host}' ({exc}). Give an address "
                          "of this computer, such as 127.0.0.1 or 0.0.0.0.").format(host=clean_text(host)[:80], exc=exc)) from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise CoveError(_("Port {port} is already in use on {host}. {choose}").format(port=port, host=host, choose=choose)) from None
        raise CoveError(_("Cannot listen on {host}:{port} "
                          "({reason}). Choose another address or port.").format(host=host, port=port, reason=exc.strerror or exc)) from None
    return sock


def address_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://{f'[{host}]' if ':' in host else host}:{port}"


class BackgroundServer:
    """`cove serve` on a thread: start() returns once it listens (or raises CoveError); stop() waits for the end."""

    def __init__(self, paths: CovePaths, settings: Settings, models: Callable[[], list], host: str = LOOPBACK,
                 port: int | None = None, api_key: str | None = None):
        self.paths, self.settings, self.models = paths, settings, models
        self.host, self.api_key = host, api_key
        self.port = settings.server.port if port is None else port
        self.address = ""  # http://HOST:PORT once listening
        self._server = self._config = None
        self._thread: threading.Thread | None = None
        self.failure = ""  # why it stopped on its own, if it did

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> str:
        import uvicorn

        from app.server.app import ServeConfig, build

        sock = listen(self.host, self.port)
        self.address = address_of(sock)
        self._config = ServeConfig(self.paths, self.settings, self.models, api_key=self.api_key)
        app = build(self._config)
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on", timeout_graceful_shutdown=3)
        self._server = server = uvicorn.Server(config)

        def serve() -> None:
            try:
                server.run(sockets=[sock])
            except Exception as exc:  # noqa: BLE001 - said on the page, not a traceback in the window
                self.failure = _("The server stopped: {exc}").format(exc=exc)
            finally:
                sock.close()

        self._thread = threading.Thread(target=serve, name="cove-serve", daemon=True)
        self._thread.start()
        waited = 0.0
        while not server.started and self._thread.is_alive() and waited < START_TIMEOUT_S:
            self._thread.join(0.02)
            waited += 0.02
        if not server.started:
            self.stop()
            raise CoveError(self.failure or _("The server did not start. See Cove's log file for why."))
        return self.address

    def set_key(self, key: str) -> None:
        """Ask for a new key from the next request on (the old one stops working at once)."""
        self.api_key = key
        if self._config is not None:
            self._config.api_key = key

    def stop(self, timeout: float = 15.0) -> bool:
        """Stop listening, end answers in progress and the engines; whether it ended within timeout."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                self._server.force_exit = True
                self._thread.join(5)
            ended = not self._thread.is_alive()
        else:
            ended = True
        if ended:
            self._server = self._thread = None
        return ended
