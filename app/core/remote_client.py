"""Talking to a remote OpenAI-compatible server: its model list, and an answer streamed as server-sent events.

Shared by the window (through app/engine/remote_engine.py, which turns what happens
here into the engine's events) and `cove chat`. The HTTP client is httpx2, the one
huggingface_hub (and the openai client) already bring; TLS is always verified.

Every request is written to the request log (network_log.py) before it is sent: the
host and what for ("remote chat llama3"), then its outcome with the token counts.
What anyone wrote is never logged, nor is the key.

Whatever goes wrong becomes a RemoteError with one line that says what happened and
what to do: a refused key (401/403), a busy server (429), no answer in time, a
stream that is not server-sent events, or a server that went away mid-answer (the
text written until then has been handed out already, so the caller keeps it).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core import network_log
from app.core.i18n import _
from app.core.remote_servers import RemoteError, RemoteServer
from app.core.text import clean_text

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 120.0  # seconds without a byte: a long prompt on a busy GPU can take a while to start
MAX_LIST_BYTES = 4 << 20
# Settings Cove has that every OpenAI-compatible server understands (top_k, min_p and the repeat
# penalty are not in the OpenAI API; some servers refuse unknown fields, so they are not sent).
_SENT = ("temperature", "top_p", "max_tokens")


@dataclass
class StreamResult:
    status: str                 # "complete" or "stopped"
    finish_reason: str          # "stop", "length", "user"
    stats: dict = field(default_factory=dict)


def _client(server: RemoteServer, read_timeout: float):
    import ssl

    import httpx2  # imported when first needed, like huggingface_hub: most runs never use the network

    verify: ssl.SSLContext | bool = True
    if server.ca_bundle:
        try:
            verify = ssl.create_default_context(cafile=server.ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise RemoteError(_("The CA bundle {ca_bundle} for {host} cannot be used ({exc}). "
                                "Give the PEM file of your server's certificate authority.").format(ca_bundle=server.ca_bundle, host=server.host, exc=exc)) from None
    return httpx2.Client(verify=verify, trust_env=False, follow_redirects=False,
                         timeout=httpx2.Timeout(CONNECT_TIMEOUT, read=read_timeout))


def _headers(server: RemoteServer) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if server.key:
        headers["Authorization"] = f"Bearer {server.key}"
    return headers


def _server_says(response) -> str:
    """The server's own error message, if any, short and clean (never the request's content)."""
    try:
        body = json.loads(response.read()[:4096] or b"{}")
        message = body.get("error", {}).get("message") if isinstance(body.get("error"), dict) else body.get("detail")
    except (ValueError, AttributeError, TypeError):
        return ""
    return f" It said: {clean_text(str(message))[:160]}" if message else ""


def status_problem(server: RemoteServer, status: int, said: str = "") -> RemoteError:
    host = server.host
    if status in (401, 403):
        return RemoteError(_("{host} refused the key (HTTP {status}): check the server's key in "
                             "Settings › Remote servers, or `cove remote add {url} --key-file FILE`.").format(host=host, status=status, url=server.url))
    if status == 429:
        return RemoteError(_("{host} is busy (HTTP 429, too many requests): try again in a moment.{said}").format(host=host, said=said))
    if status == 404:
        return RemoteError(_("{host} does not know that model or address (HTTP 404): "
                             "pick another model, or check the server address.{said}").format(host=host, said=said))
    if status >= 500:
        return RemoteError(_("{host} failed to answer (HTTP {status}): try again, or ask its admin.{said}").format(host=host, status=status, said=said))
    return RemoteError(_("{host} refused the request (HTTP {status}).{said}").format(host=host, status=status, said=said))


def transport_problem(server: RemoteServer, exc: Exception, read_timeout: float, streaming: bool) -> RemoteError:
    import httpx2

    host = server.host
    if isinstance(exc, httpx2.ConnectTimeout):
        return RemoteError(_("{host} did not answer within {connect_timeout:g} s: "
                             "check the address and that the server is running.").format(host=host, connect_timeout=CONNECT_TIMEOUT))
    if isinstance(exc, httpx2.TimeoutException):
        return RemoteError(_("{host} sent nothing for {read_timeout:g} s, so Cove stopped waiting: the "
                             "server may be overloaded. What was written is saved; try again later.").format(host=host, read_timeout=read_timeout))
    if isinstance(exc, httpx2.ConnectError):
        text = str(exc)
        if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
            return RemoteError(_("The certificate of {host} could not be verified: if it "
                                 "is an on-prem certificate, add its CA bundle to the "
                                 "server (Settings › Remote servers, or --ca-bundle).").format(host=host))
        return RemoteError(_("Could not reach {host}: check the address, "
                             "your network, and that the server is running.").format(host=host))
    if streaming:
        return RemoteError(_("{host} closed the connection in the middle of the answer (the server stopped or "
                             "the network dropped). What was written is saved; try again when it is back.").format(host=host))
    return RemoteError(_("The connection to {host} failed ({error}): try again.").format(host=host, error=type(exc).__name__))


def list_models(server: RemoteServer, read_timeout: float = 30.0, log_paths=None) -> list[str]:
    """The model ids the server offers (GET /v1/models), in its order."""
    import httpx2

    server.check_online()
    request_id = network_log.record(server.host, "remote model list", log_paths)
    try:
        with _client(server, read_timeout) as client:
            response = client.get(server.api_base + "/models", headers=_headers(server))
            network_log.settle(request_id, network_log.outcome_of(status=response.status_code), log_paths)
            if response.status_code != 200:
                raise status_problem(server, response.status_code, _server_says(response))
            body = response.content[:MAX_LIST_BYTES]
    except httpx2.HTTPError as exc:
        network_log.settle(request_id, network_log.outcome_of(exc), log_paths)
        raise transport_problem(server, exc, read_timeout, streaming=False) from None
    try:
        entries = json.loads(body)["data"]
        ids = [clean_text(str(e["id"]))[:200] for e in entries if isinstance(e, dict) and e.get("id")]
    except (ValueError, KeyError, TypeError):
        raise RemoteError(_("{host} did not send a model list Cove can read: is "
                            "{url} an OpenAI-compatible server (its /v1 address)?").format(host=server.host, url=server.url)) from None
    return list(dict.fromkeys(ids))


def request_body(model_id: str, messages: list[dict], sampling: dict) -> dict:
    body = {"model": model_id, "messages": messages, "stream": True, "stream_options": {"include_usage": True}}
    body.update({k: sampling[k] for k in _SENT if k in sampling})
    if int(sampling.get("seed", -1)) >= 0:
        body["seed"] = int(sampling["seed"])
    return body


class RemoteChat:
    """One streamed answer. run() blocks (call it on a worker thread); cancel() from any thread closes the stream."""

    def __init__(self, server: RemoteServer, model_id: str, messages: list[dict], sampling: dict,
                 read_timeout: float = READ_TIMEOUT, log_paths=None):
        self.server = server
        self.model_id = model_id
        self.body = request_body(model_id, messages, sampling)
        self.read_timeout = read_timeout
        self.log_paths = log_paths
        self.cancelled = threading.Event()
        self._response = None
        self._lock = threading.Lock()

    def cancel(self) -> None:
        """Stop: close the stream now, so the server stops generating (it sees the client go)."""
        self.cancelled.set()
        with self._lock:
            response = self._response
        if response is None:
            return
        # A read blocked waiting for the server is not woken by closing the response from another
        # thread: shutting the socket down is (the reader then sees the stream end, and stops).
        try:
            stream = response.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)
        except (OSError, AttributeError):
            pass
        try:
            response.close()
        except Exception:  # closing from another thread may race with the reader: it stops either way
            pass

    def run(self, on_token: Callable[[str], None]) -> StreamResult:
        import httpx2

        self.server.check_online()
        started = time.perf_counter()
        first_at: float | None = None
        pieces, usage, finish = 0, {}, ""
        request_id = network_log.record(self.server.host, f"remote chat {self.model_id}", self.log_paths)
        outcome = "sent"
        try:
            with _client(self.server, self.read_timeout) as client, client.stream(
                    "POST", self.server.api_base + "/chat/completions", json=self.body,
                    headers={**_headers(self.server), "Accept": "text/event-stream"}) as response:
                with self._lock:
                    self._response = response
                outcome = network_log.outcome_of(status=response.status_code)
                if response.status_code != 200:
                    raise status_problem(self.server, response.status_code, _server_says(response))
                for data in _events(response, self.server):
                    if self.cancelled.is_set():
                        break
                    if data == "[DONE]":
                        finish = finish or "stop"
                        break
                    chunk = _chunk(data, self.server)
                    if isinstance(chunk.get("usage"), dict):
                        usage = chunk["usage"]
                    for choice in chunk.get("choices") or ():
                        text = (choice.get("delta") or {}).get("content") or ""
                        if text:
                            first_at = first_at or time.perf_counter()
                            pieces += 1
                            on_token(text)
                        finish = choice.get("finish_reason") or finish
        except httpx2.HTTPError as exc:
            if not self.cancelled.is_set():
                outcome = network_log.outcome_of(exc)
                raise transport_problem(self.server, exc, self.read_timeout, streaming=True) from None
        except RemoteError:
            outcome = outcome if outcome.startswith("HTTP") and outcome != "HTTP 200" else "failed: bad stream"
            raise
        except Exception as exc:
            if not self.cancelled.is_set():  # a stream closed by cancel() fails in the library's own ways
                outcome = network_log.outcome_of(exc)
                raise
        finally:
            with self._lock:
                self._response = None
            stats = self._stats(started, first_at, pieces, usage)
            network_log.settle(request_id, f"{outcome} · {stats['prompt_tokens'] or '?'} prompt + "
                                           f"{stats['completion_tokens']} answer tokens", self.log_paths)
        if self.cancelled.is_set():
            return StreamResult("stopped", "user", stats)
        if not finish:
            raise RemoteError(_("{host} ended the answer without finishing it (the server stopped or "
                                "the connection dropped). What was written is saved; try again.").format(host=self.server.host))
        return StreamResult("complete", "length" if finish == "length" else "stop", stats)

    def _stats(self, started: float, first_at: float | None, pieces: int, usage: dict) -> dict:
        ended = time.perf_counter()
        completion = usage.get("completion_tokens") if isinstance(usage.get("completion_tokens"), int) else pieces
        return {
            "prompt_tokens": usage.get("prompt_tokens") if isinstance(usage.get("prompt_tokens"), int) else None,
            "completion_tokens": completion,
            "time_to_first_token": (first_at - started) if first_at else None,
            "tokens_per_second": (completion - 1) / (ended - first_at)
            if first_at and completion > 1 and ended > first_at else None,
            "seed": self.body.get("seed", -1),
            "remote_host": self.server.host,
        }


def _events(response, server: RemoteServer):
    """The data of each server-sent event (SSE: "data:" lines, an event ends at a blank line)."""
    content_type = response.headers.get("content-type", "")
    if "text/event-stream" not in content_type:
        raise RemoteError(_("{host} did not stream the answer (it sent {content_type} "
                            "instead of server-sent events): is it an OpenAI-compatible server?").format(host=server.host, content_type=clean_text(content_type)[:40] or 'no type'))
    data: list[str] = []
    for line in response.iter_lines():
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue  # a comment (keep-alive)
        name, _sep, value = line.partition(":")
        if name == "data":
            data.append(value[1:] if value.startswith(" ") else value)
        elif name not in ("event", "id", "retry"):
            raise RemoteError(_("{host} sent a stream Cove cannot read (not "
                                "server-sent events): is it an OpenAI-compatible server?").format(host=server.host))
    if data:
        yield "\n".join(data)


def _chunk(data: str, server: RemoteServer) -> dict:
    try:
        chunk = json.loads(data)
    except ValueError:
        chunk = None
    if not isinstance(chunk, dict):
        raise RemoteError(_("{host} sent part of the answer in a form Cove cannot read (not "
                            "JSON): is it an OpenAI-compatible server? What was written is saved.").format(host=server.host))
    if "error" in chunk:
        error = chunk["error"]
        message = error.get("message") if isinstance(error, dict) else error
        raise RemoteError(_("{host} stopped with an error: {message}").format(host=server.host, message=clean_text(str(message))[:160]))
    return chunk
