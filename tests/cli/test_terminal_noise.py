"""Started from a shell, `cove` prints its own lines only: llama.cpp's go to Cove's log file."""

import logging
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

from app.engine import llama_logs
from tests.cli.test_engine_interrupt import engine_has_mapped
from tests.support.starter_model import PARIS_QUESTION

# What llama.cpp and ggml print: "decode: removing memory module entries…", "llama_model_loader: …",
# "ggml_…", "load_tensors: …", "process_ubatch: …", "sched_reserve: …".
LLAMA_LINE = re.compile(r"^(decode|llama_\w+|ggml_\w+|load\w*|process_ubatch|sched_\w+|print_info|graph_\w+):")
LONG_QUESTION = "Summarise this: " + " ".join(f"the river {i} flows north" for i in range(500))


def llama_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if LLAMA_LINE.match(line)]


def test_a_chat_from_a_pipe_prints_no_llama_lines_and_keeps_the_question_without_its_newline(smollm2, cove_home):
    result = subprocess.run([sys.executable, "-m", "app", "chat", "-m", str(smollm2), "--temperature", "0",
                             "--seed", "42"], input=PARIS_QUESTION + "\n", capture_output=True, text=True,
                            timeout=120, env=os.environ.copy())
    assert result.returncode == 0 and "Paris" in result.stdout
    assert result.stderr.splitlines() == ["(conversation 1)"]  # Cove's one line; nothing from llama.cpp
    stored = sqlite3.connect(cove_home / "cove.db").execute(
        "SELECT content FROM messages WHERE role = 'user'").fetchone()[0]
    assert stored == PARIS_QUESTION  # `echo`'s newline is not part of the question


def _interrupt_while_reading(model, cove_home, delay):
    chat = subprocess.Popen([sys.executable, "-m", "app", "chat", "-m", str(model), LONG_QUESTION],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    deadline = time.monotonic() + 60
    while not engine_has_mapped(chat.pid, model) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(delay)  # loaded: llama.cpp is reading the long prompt
    chat.send_signal(signal.SIGINT)
    _out, err = chat.communicate(timeout=60)
    log_file = cove_home / "logs" / "cove.log"
    return chat.returncode, err, log_file.read_text(encoding="utf-8") if log_file.exists() else ""


def test_stopping_while_the_model_reads_logs_llama_cpp_instead_of_printing_it(smollm2, cove_home):
    # Ctrl+C while llama.cpp reads the prompt aborts its decode; llama.cpp then warns "decode: removing
    # memory module entries…", which used to reach the terminal. The timing depends on the machine's
    # load, so a few delays are tried until one lands inside the prompt.
    landed = False
    for delay in (0.4, 0.8, 0.2, 1.5):
        code, err, log_text = _interrupt_while_reading(smollm2, cove_home, delay)
        assert code == 130 and "Traceback" not in err
        assert llama_lines(err) == [], err
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and re.fullmatch(r"\(conversation \d+\)", lines[0]), err
        if "removing memory module entries" in log_text:
            landed = True
            break
    assert landed, "no attempt stopped llama.cpp while it read the prompt"
    assert re.search(r"WARNING cove\.engine\.llama: decode: removing memory module entries", log_text)
    # Its informational chatter (model metadata, buffer sizes) is not kept: a few lines, not hundreds.
    assert "llama_model_loader" not in log_text and len(log_text.splitlines()) < 20


def test_llama_cpp_lines_are_joined_and_sorted_by_level(caplog):
    caplog.set_level(logging.DEBUG, logger="cove.engine.llama")
    llama_logs._receive(2, b"llama_model_loader: - kv 0: general.architecture = llama\n")  # INFO
    llama_logs._receive(3, b"decode: removing memory module entries ")  # WARN, in two pieces
    llama_logs._receive(5, b"for seq_id = 0\n")
    llama_logs._receive(4, b"llama_decode: failed to decode, ret = 2\n\n")  # ERROR
    records = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert records == [
        (logging.DEBUG, "llama_model_loader: - kv 0: general.architecture = llama"),
        (logging.WARNING, "decode: removing memory module entries for seq_id = 0"),
        (logging.ERROR, "llama_decode: failed to decode, ret = 2"),
    ]


def test_without_a_log_file_llama_cpp_lines_go_nowhere():
    # An engine run in-process with no log file set up: logging's last resort must not print them either.
    result = subprocess.run([sys.executable, "-c", "from app.engine import llama_logs; "
                             "llama_logs._receive(4, b'llama_decode: failed to decode, ret = 2\\n'); print('done')"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout == "done\n" and result.stderr == ""
