"""A whole chat turn opens no network socket, in the app process or the engine's."""

import os
import socket
import subprocess
import sys

from tests.support.starter_model import PARIS_QUESTION

AUDIT_HOOK = '''
import os, sys
_log = os.environ["COVE_SOCKET_AUDIT"]

def _write(line):
    with open(_log, "a") as f:
        f.write(f"{os.getpid()} {line}\\n")

_write("start " + " ".join(sys.argv[:2]))

def _hook(event, args):
    if event == "import" and args[0] == "llama_cpp":
        _write("imports llama_cpp")  # the engine (forked: it has no start line of its own)
    elif event == "socket.__new__":
        _write(f"socket family={int(args[1])}")
    elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
                   "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        _write(f"{event} {args[1:]!r}")

sys.addaudithook(_hook)
'''


def test_chat_turn_opens_no_network_socket(smollm2, tmp_path):
    hook_dir = tmp_path / "hook"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(AUDIT_HOOK)
    audit = tmp_path / "audit.log"
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hook_dir), env.get("PYTHONPATH")]))
    env["COVE_SOCKET_AUDIT"] = str(audit)
    result = subprocess.run(
        [sys.executable, "-m", "app", "chat", "--model", str(smollm2), "--temperature", "0", PARIS_QUESTION],
        capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Paris" in result.stdout
    lines = audit.read_text().splitlines()
    app = {line.split()[0] for line in lines if " start -m chat" in line}
    engine = {line.split()[0] for line in lines if " imports llama_cpp" in line}
    assert len(app) == 1 and engine and not engine & app, lines  # the hook watched the app and the engine process
    network_families = {int(socket.AF_INET), int(socket.AF_INET6)}
    offending = [
        line for line in lines
        if (" socket family=" in line and int(line.rsplit("=", 1)[1]) in network_families)
        or any(f" socket.{verb}" in line for verb in ("getaddrinfo", "gethostbyname", "gethostbyaddr", "sendto"))
        or (" socket.connect" in line and "'/" not in line)
    ]
    assert offending == []
