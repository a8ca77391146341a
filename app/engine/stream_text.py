"""From generated tokens to the text the user sees, as it streams.

Kept apart from the engine loop: a token's bytes come straight from llama.cpp (a
character can span tokens, so an incremental UTF-8 decoder sits between), and stop
strings are held back until it is clear whether they end the answer.
"""

from __future__ import annotations

import ctypes


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
