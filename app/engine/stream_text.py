"""From generated tokens to the text the user sees, as it streams.

Kept apart from the engine loop: a token's bytes come straight from llama.cpp (a
character can span tokens, so an incremental UTF-8 decoder sits between), stop
strings are held back until it is clear whether they end the answer, and the text
goes to the app in batches (AnswerText), for one answer (worker.py) or several at
once (slots.py).
"""

from __future__ import annotations

import codecs
import ctypes
import time

from app.engine import protocol as p

# Text goes to the app in small batches: each message wakes the app's process (its reader
# thread, then the window's thread), and on a small machine every wake-up takes a core from
# llama.cpp's threads, which wait for each other at every token. The window lays the answer
# out at most every 80 ms (app/ui/widgets/live_answer.py), so a message more often than that
# only costs wake-ups: at 40 ms the engine ran at 0.91x its headless speed with the window open.
SEND_INTERVAL = 0.08


def token_bytes(vocab, token: int) -> bytes:
    """A token's text. (llama-cpp-python's detokenize drops tokens longer than 32 bytes.)"""
    import llama_cpp

    size = 64
    while True:
        buffer = ctypes.create_string_buffer(size)
        n = llama_cpp.llama_token_to_piece(vocab, token, buffer, size, 0, False)
        if n >= 0:
            return buffer.raw[:n]
        size = -n


class StopText:
    """Streams text while holding back what might be the start of a stop string.

    Most answers end on an end-of-turn token; stop strings matter for templates
    whose end marker can also come out as plain text.
    """

    def __init__(self, stops: list[str]):
        self.stops = stops
        self.pending = ""
        self.started = False

    def feed(self, piece: str) -> tuple[str, bool]:
        """Return (text safe to show now, whether a stop string was reached)."""
        if not self.started:
            piece = piece.lstrip()  # answers start at their first visible character
            if not piece:
                return "", False
            self.started = True
        self.pending += piece
        for stop in self.stops:
            at = self.pending.find(stop)
            if at != -1:
                ready, self.pending = self.pending[:at], ""
                return ready, True
        keep = 0
        for stop in self.stops:
            for n in range(min(len(stop) - 1, len(self.pending)), 0, -1):
                if self.pending.endswith(stop[:n]):
                    keep = max(keep, n)
                    break
        ready = self.pending[: len(self.pending) - keep]
        self.pending = self.pending[len(ready):]
        return ready, False

    def flush(self, tail: str = "") -> str:
        rest, self.pending = self.pending + tail, ""
        return rest if self.started else rest.lstrip()


class AnswerText:
    """One answer's tokens on their way to the app as text: decoded, stop strings held back, sent in
    batches (the first piece at once: it is the time to first token)."""

    def __init__(self, send, request_id: int, stops: list[str], continuing: bool = False):
        self.send, self.request_id = send, request_id
        self.text = StopText(stops)
        self.text.started = continuing  # a continued answer keeps the space its next word starts with
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.outbox: list[str] = []
        self.last_send = 0.0

    def feed(self, vocab, token: int) -> bool:
        """Take a generated token; True when it completed a stop string (the answer ends before it)."""
        ready, hit_stop = self.text.feed(self.decoder.decode(token_bytes(vocab, token)))
        if ready:
            self.outbox.append(ready)
            now = time.perf_counter()
            if now - self.last_send >= SEND_INTERVAL:
                self._send()
                self.last_send = now
        return hit_stop

    def flush(self) -> None:
        """The answer ended: send what is held back."""
        self.outbox.append(self.text.flush(self.decoder.decode(b"", final=True)))
        self._send()

    def _send(self) -> None:
        text = "".join(self.outbox)
        self.outbox.clear()
        if text:
            self.send(p.Token(self.request_id, text))
