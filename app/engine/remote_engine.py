"""A remote model behind the same calls and events as the local engine.

The window (EngineBridge) and `cove chat` drive the local engine with generate()
and stop() and read its events (Token, Finished, Failed); this class answers the
same calls for a model on a remote server (app/core/remote_client.py) and reports
with the same events, so everything above it (the answer session, the recorder, the
store) is the same code for a local and a remote answer. Nothing here runs in a
child process: the work is waiting on a socket, done on a thread per answer.

Stop closes the stream at once (the server sees the client go and stops). A server
that fails or goes away ends the answer with Failed and a message in words; the
text written until then was handed out token by token, so it is saved, with that
message, by whoever records the answer.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from app.core import remote_servers as rs
from app.core.errors import CoveError
from app.core.i18n import _
from app.core.remote_client import READ_TIMEOUT, RemoteChat
from app.engine import protocol as p

# Request ids of remote answers: apart from the local engine's (which count up from 1), so an
# event can never be taken for the other's; below 2**31 because Qt signals carry them as int.
FIRST_ID = 1_000_000_000


class RemoteEngine:
    def __init__(self, on_event: Callable[[object], None], servers: Callable[[], list[rs.RemoteServer]],
                 read_timeout: float = READ_TIMEOUT, log_paths=None):
        """`servers` gives the servers in use now (with their keys), looked up at each answer."""
        self._on_event = on_event
        self._servers = servers
        self.read_timeout = read_timeout
        self.log_paths = log_paths
        self._ids = itertools.count(FIRST_ID)
        self._lock = threading.Lock()
        self._active: tuple[int, RemoteChat] | None = None

    @staticmethod
    def handles(model_ref: str) -> bool:
        return rs.is_remote_ref(str(model_ref))

    @property
    def active_request(self) -> int | None:
        active = self._active
        return active[0] if active else None

    def generate(self, model_ref: str, _options, messages: list[dict], sampling: dict,
                 _overflow: str = "drop_oldest", continue_text: str = "") -> int:
        request_id = next(self._ids)
        url, model_id = rs.parse_ref(model_ref)
        server = rs.find_server(self._servers(), url)
        problem = None
        if server is None:
            problem = (_("The remote server {url} is no longer set up (or no longer allowed): pick "
                         "another model, or add the server again in Settings › Remote servers.").format(url=url))
        elif continue_text:
            problem = (_("A remote model cannot carry on a stopped answer where it ended: regenerate it "
                         "instead (a new version, beside this one)."))
        if problem is not None:
            threading.Thread(target=self._on_event, args=(p.Failed(request_id, problem),), daemon=True).start()
            return request_id
        remote_chat = RemoteChat(server, model_id, messages, sampling, self.read_timeout, self.log_paths)
        with self._lock:
            previous, self._active = self._active, (request_id, remote_chat)
        if previous is not None:
            previous[1].cancel()
        threading.Thread(target=self._run, args=(request_id, remote_chat), name="cove-remote-answer",
                         daemon=True).start()
        return request_id

    def _run(self, request_id: int, remote_chat: RemoteChat) -> None:
        try:
            result = remote_chat.run(lambda text: self._on_event(p.Token(request_id, text)))
            event = p.Finished(request_id, result.status, result.finish_reason, result.stats)
        except CoveError as exc:
            event = p.Failed(request_id, str(exc))
        except Exception as exc:  # a bug must still end the answer, in words, with its text kept
            event = p.Failed(request_id, _("The answer from {host} failed "
                                           "({error}); what was written is saved.").format(host=remote_chat.server.host, error=type(exc).__name__))
        with self._lock:
            if self._active is not None and self._active[0] == request_id:
                self._active = None
        self._on_event(event)

    def stop(self, request_id: int | None = None) -> None:
        with self._lock:
            active = self._active
        if active is not None and (request_id is None or request_id == active[0]):
            active[1].cancel()

    def shutdown(self, timeout: float = 0.0) -> None:
        self.stop()
