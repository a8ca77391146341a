"""llama.cpp's own log lines go to Cove's log file, never to the terminal.

llama-cpp-python hands llama.cpp (and ggml) a log callback that prints every line at
or above its level to stderr; with verbose=False that level is ERROR, which still
lets through lines such as "decode: removing memory module entries for seq_id = 0"
each time Cove stops an answer (stopping aborts a decode, which llama.cpp reports as
an error). Started from a shell, `cove` and the window then print llama.cpp's
internals between the user's own lines. Cove reports what matters itself (a load
that fails, a stopped answer), so llama.cpp's warnings and errors are kept in the
log file for a bug report, and its informational chatter (hundreds of lines per
model load) is dropped.
"""

from __future__ import annotations

import ctypes
import logging

log = logging.getLogger("cove.engine.llama")
# Without a handler anywhere (an engine run in-process by a test or a script that set up no log
# file), logging's last resort would print warnings to stderr: exactly what this module prevents.
log.addHandler(logging.NullHandler())

# ggml.h's ggml_log_level: NONE 0, DEBUG 1, INFO 2, WARN 3, ERROR 4, CONT 5 (continues the previous
# line). llama-cpp-python's own table still has the older order (INFO 1, WARN 2, ERROR 3), so it
# takes llama.cpp's warnings for errors and prints them even with verbose=False.
_LEVELS = {0: logging.DEBUG, 1: logging.DEBUG, 2: logging.DEBUG, 3: logging.WARNING, 4: logging.ERROR}
_CONTINUE = 5
# Cove never gives a model more context than it was trained for (backend.choose); where the KV cache has
# cells past that, they are padding Cove never fills (backend.allocated_cells), so this warning is noise.
_PADDING_WARNING = "possible training context overflow"
_callback = None  # kept referenced: llama.cpp calls it for the life of the process
_pending = {"level": logging.DEBUG, "text": ""}


def _receive(level: int, text: bytes | None) -> None:
    """One piece of a line from llama.cpp; a line is logged once its newline arrives."""
    if level != _CONTINUE:
        _pending["level"] = _LEVELS.get(level, logging.DEBUG)
    _pending["text"] += (text or b"").decode("utf-8", "replace")
    while "\n" in _pending["text"]:
        line, _pending["text"] = _pending["text"].split("\n", 1)
        if line.strip():
            level = logging.DEBUG if _PADDING_WARNING in line else _pending["level"]
            log.log(level, "%s", line.rstrip())


def route(llama_cpp) -> None:
    """Install the callback (once per process) that sends llama.cpp's lines to the log instead of stderr."""
    global _callback
    if _callback is not None:
        return

    @llama_cpp.llama_log_callback
    def callback(level, text, _user_data):
        try:
            _receive(level, text)
        except Exception:  # noqa: BLE001 - an exception must never cross back into C
            pass

    llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))  # llama_log_set sets ggml's callback too
    _callback = callback
