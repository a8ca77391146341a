"""Refuse every socket connect and name lookup in this process, for the privacy tests; or run a
command in a Linux network namespace with no network at all.

Python's audit hooks cannot be removed, so one hook is installed per process (the
first time process_guard() is called) and switched on and off by the tests.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys

BLOCKED = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
           "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg")


class Guard:
    """This process's audit hook, off until a test sets `active`; what it refused is in `seen`."""

    def __init__(self):
        self.active = False
        self.seen: list[str] = []

    def __call__(self, event, args):
        if self.active and event in BLOCKED:
            self.seen.append(f"{event} {args[1:]!r}")
            raise OSError("network access blocked by the privacy test: " + event)


@contextlib.contextmanager
def sockets_refused():
    """This process's guard switched on (and shown to work) for the duration; yields it."""
    guard = process_guard()
    guard.seen.clear()
    guard.active = True
    try:
        # The guard works: a connection attempt (even to this machine) is refused before it is made.
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        except OSError as exc:
            assert "blocked by the privacy test" in str(exc), exc
        else:
            raise AssertionError("the network guard let a connection through")
        guard.seen.clear()
        yield guard
    finally:
        guard.active = False


def process_guard() -> Guard:
    guard = getattr(sys, "_cove_privacy_guard", None)
    if guard is None:
        guard = sys._cove_privacy_guard = Guard()
        sys.addaudithook(guard)
    return guard


def namespace_command() -> list[str] | None:
    """How to run a command without network here (`unshare -n` as root, `unshare -rn` otherwise), or None."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return None
    for command in (["unshare", "-n"] if os.geteuid() == 0 else [], ["unshare", "-rn"]):
        if command and subprocess.run(command + ["true"], capture_output=True).returncode == 0:
            return command
    return None
