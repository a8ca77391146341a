"""A small HTTP server on 127.0.0.1 that answers like the Hugging Face Hub.

It serves the calls Cove makes: model search (/api/models), a repo's file tree
(/api/models/REPO/tree/main), and file downloads (/REPO/resolve/main/FILE) with the
Hub's metadata headers and HTTP Range support. Tests can make it drop connections,
stall, serve corrupted bytes, or refuse a gated repo, and it records every request.

It can also behave like a hostile or broken mirror: split a file list into pages
(`page_size`) whose "next" link points wherever a test says (`next_link`), redirect
listings or downloads to another server (`redirect_listing_to`, `redirect_downloads_to`),
add raw entries to a listing (`extra_entries`), or keep sending bytes after a file
(`endless`). Start it on another loopback address with `FakeHub(host="127.0.0.2")`.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse


@dataclass
class Served:
    data: bytes
    sha256: str  # what the Hub reports; may differ from the bytes to simulate corruption


@dataclass
class Request:
    method: str
    path: str
    headers: dict


@dataclass
class FakeHub:
    repos: dict = field(default_factory=dict)        # repo_id -> {filename: Served}
    gated: set = field(default_factory=set)
    requests: list = field(default_factory=list)
    drop_after: int | None = None    # close each download response after this many bytes
    stall_after: int | None = None   # after this many bytes, stop sending until released
    chunk_delay: float = 0.0         # seconds between 64 KB chunks (a slow connection)
    released: threading.Event = field(default_factory=threading.Event)
    host: str = "127.0.0.1"
    page_size: int | None = None            # split file lists into pages of this many entries
    next_link: str | None = None             # the "next" link of every file list page, if set
    redirect_listing_to: str | None = None   # answer file lists with a 302 to this base URL
    redirect_downloads_to: str | None = None  # answer downloads with a 302 to this base URL
    extra_entries: dict = field(default_factory=dict)  # repo_id -> raw listing entries added as they are
    endless: bytes | None = None             # after a file's bytes, send this block again and again

    def add_file(self, repo_id: str, filename: str, data: bytes, sha256: str | None = None) -> Served:
        served = Served(data, sha256 or hashlib.sha256(data).hexdigest())
        self.repos.setdefault(repo_id, {})[filename] = served
        return served

    def ranges(self, filename: str) -> list[str | None]:
        """The Range header of every GET of this file, in order."""
        return [r.headers.get("range") for r in self.requests
                if r.method == "GET" and r.path.endswith("/" + filename)]

    # Server lifecycle -----------------------------------------------------

    def start(self) -> FakeHub:
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                hub._handle(self, head=True)

            def do_GET(self):
                hub._handle(self, head=False)

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        # Polled every 50 ms, not the default 500: stop() waits for the next poll, once per test.
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    # Answers --------------------------------------------------------------

    def _redirect(self, handler, location: str) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def _json(self, handler, payload, status=200, link: str | None = None):
        body = json.dumps(payload).encode()
        handler.send_response(status)
        if link:
            handler.send_header("Link", f'<{link}>; rel="next"')
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def _handle(self, handler, head: bool) -> None:
        url = urlparse(handler.path)
        path = unquote(url.path)
        self.requests.append(Request(handler.command, path, {k.lower(): v for k, v in handler.headers.items()}))
        if path == "/api/models":
            query = parse_qs(url.query)
            text = query.get("search", [""])[0].lower()
            found = [{"id": repo, "modelId": repo, "downloads": 1000 - i, "likes": i, "tags": ["gguf"],
                      "gated": repo in self.gated, "private": False}
                     for i, repo in enumerate(sorted(self.repos)) if text in repo.lower()]
            return self._json(handler, found)
        tree = re.fullmatch(r"/api/models/(.+?)/tree/main(?:/.*)?", path)
        if tree and self.redirect_listing_to:
            return self._redirect(handler, self.redirect_listing_to + handler.path)
        if tree:
            repo = tree.group(1)
            if repo not in self.repos:
                return self._json(handler, {"error": "Repository not found"}, 404)
            if repo in self.gated and "authorization" not in {k.lower() for k in handler.headers}:
                return self._json(handler, {"error": "gated"}, 401)
            listing = [{"type": "file", "path": name, "size": len(s.data), "oid": s.sha256[:40],
                        "lfs": {"oid": s.sha256, "size": len(s.data), "pointerSize": 134}}
                       for name, s in sorted(self.repos[repo].items())] + list(self.extra_entries.get(repo, []))
            if self.page_size:
                start = int(parse_qs(url.query).get("cursor", ["0"])[0])
                end = start + self.page_size
                link = self.next_link or (f"{self.url}{url.path}?cursor={end}" if end < len(listing) else None)
                return self._json(handler, listing[start:end], link=link)
            return self._json(handler, listing, link=self.next_link)
        resolve = re.fullmatch(r"/(.+?)/resolve/main/(.+)", path)
        if resolve and resolve.group(2) in self.repos.get(resolve.group(1), {}):
            if resolve.group(1) in self.gated and "authorization" not in {k.lower() for k in handler.headers}:
                return self._json(handler, {"error": "gated"}, 401)
            if self.redirect_downloads_to:
                return self._redirect(handler, self.redirect_downloads_to + handler.path)
            return self._send_file(handler, self.repos[resolve.group(1)][resolve.group(2)], head)
        return self._json(handler, {"error": "not found"}, 404)

    def _send_file(self, handler, served: Served, head: bool) -> None:
        data = served.data
        start = 0
        wanted = handler.headers.get("Range")
        if wanted:
            match = re.fullmatch(r"bytes=(\d+)-", wanted)
            start = int(match.group(1))
            if start >= len(data):
                handler.send_response(416)
                handler.send_header("Content-Range", f"bytes */{len(data)}")
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            handler.send_response(206)
            handler.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            handler.send_response(200)
        if self.endless is None:
            handler.send_header("Content-Length", str(len(data) - start))
        else:
            handler.close_connection = True  # no length: the body ends when the connection does (never)
        handler.send_header("Accept-Ranges", "bytes")
        handler.send_header("ETag", f'"{served.sha256}"')
        handler.send_header("X-Linked-Etag", f'"{served.sha256}"')
        handler.send_header("X-Linked-Size", str(len(data)))
        handler.send_header("X-Repo-Commit", "0" * 40)
        handler.end_headers()
        if head:
            return
        sent, position = 0, start
        while position < len(data):
            if self.drop_after is not None and sent >= self.drop_after:
                handler.close_connection = True
                handler.connection.shutdown(2)  # like a dropped connection: no more bytes, no error
                return
            if self.stall_after is not None and sent >= self.stall_after:
                self.released.wait(60)
                if self.stall_after is not None:
                    return
            piece = data[position: position + 65536]
            if self.drop_after is not None:
                piece = piece[: max(0, self.drop_after - sent)] or piece
            handler.wfile.write(piece)
            handler.wfile.flush()
            sent += len(piece)
            position += len(piece)
            if self.chunk_delay:
                time.sleep(self.chunk_delay)
        while self.endless is not None:
            try:
                handler.wfile.write(self.endless)
            except OSError:  # the client hung up: what a test wants to see
                return
