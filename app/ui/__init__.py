"""The Qt window, by feature: chat/, models/, settings/ and widgets/; main.py starts it (see README)."""

import sys


def _guard_emit_refcount() -> None:
    """PySide6 6.12.0's Signal.emit() returns True without taking a reference to it.

    Every emit from Python (a token arriving, a download's progress, a state change)
    then takes one reference off True; before Python 3.12 (where True is immortal)
    Python aborts with "Fatal Python error: bool_dealloc" once they run out: after a
    few thousand emits, i.e. a few long answers. Where that happens, give True
    references enough for any session. 6.11.2 does not have the bug.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        signal = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    probe.signal.emit()
    if sys.getrefcount(True) < before:
        ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40  # ob_refcnt, PyObject's first field


_guard_emit_refcount()
