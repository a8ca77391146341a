"""`cove models …` against a local server that answers like the Hub (HF_ENDPOINT)."""

import hashlib
import os
import subprocess
import sys
import time

from tests.core.test_downloads import payload

REPO = "acme/Tiny-GGUF"




def cove(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=120, env=os.environ.copy(), **kwargs)


def test_download_then_list_then_remove(hub_server, cove_home):
    data = payload(21)
    hub_server.add_file(REPO, "tiny-Q4_K_M.gguf", data)
    result = cove("models", "download", REPO, "tiny-Q4_K_M.gguf")
    assert result.returncode == 0, result.stderr
    target = cove_home / "models" / "acme" / "Tiny-GGUF" / "tiny-Q4_K_M.gguf"
    assert result.stdout.strip() == str(target) and target.read_bytes() == data
    assert "100.0%" in result.stderr and "Traceback" not in result.stderr
    listed = cove("models", "list")
    assert "tiny-Q4_K_M" in listed.stdout and "Q4_K_M" in listed.stdout
    removed = cove("models", "remove", "tiny-Q4_K_M")
    assert removed.returncode == 0 and "3.2 MB freed" in removed.stdout
    assert not (cove_home / "models" / "acme").exists()


def test_interrupted_run_resumes_on_the_next_run(hub_server, cove_home):
    data = payload(22)
    hub_server.add_file(REPO, "tiny.gguf", data)
    hub_server.stall_after = 1_500_000
    part = cove_home / "models" / "acme" / "Tiny-GGUF" / "tiny.gguf.part"
    first = subprocess.Popen([sys.executable, "-m", "app", "models", "download", REPO, "tiny.gguf"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    deadline = time.monotonic() + 30
    while not (part.is_file() and part.stat().st_size >= 1_500_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    first.kill()  # as if the laptop lid closed or the app was killed
    first.wait()
    kept = part.stat().st_size
    assert kept >= 1_500_000
    hub_server.stall_after = None
    hub_server.released.set()
    second = cove("models", "download", REPO, "tiny.gguf")
    assert second.returncode == 0, second.stderr
    assert "resuming at" in second.stderr
    assert hub_server.ranges("tiny.gguf")[-1] == f"bytes={kept}-"
    assert (part.parent / "tiny.gguf").read_bytes() == data


def test_a_file_that_fails_its_hash_never_appears(hub_server, cove_home, no_starter):
    data = payload(23)
    hub_server.add_file(REPO, "evil.gguf", data, sha256=hashlib.sha256(b"something else").hexdigest())
    result = cove("models", "download", REPO, "evil.gguf")
    assert result.returncode == 1
    assert "does not match the SHA-256" in result.stderr and "Traceback" not in result.stderr
    assert "evil" not in cove("models", "list").stdout + cove("models", "list").stderr
    assert not list((cove_home / "models").rglob("evil*"))


def test_search_and_files(hub_server):
    hub_server.add_file(REPO, "tiny-IQ4_XS.gguf", b"x" * 2000)
    found = cove("models", "search", "tiny")
    assert found.returncode == 0 and REPO in found.stdout
    files = cove("models", "files", REPO)
    assert "tiny-IQ4_XS.gguf" in files.stdout and "IQ4_XS" in files.stdout and "2.0 KB" in files.stdout


def test_catalog_shows_fit_labels():
    result = cove("models", "catalog")
    assert result.returncode == 0
    lines = [line for line in result.stdout.splitlines() if "Q4_K_M" in line]
    assert len(lines) == 12
    assert all(any(label in line for label in ("fits", "tight", "too large")) for line in lines)
    assert "Qwen/Qwen2.5-7B-Instruct-GGUF qwen2.5-7b-instruct-q4_k_m-00001-of-00002.gguf" in result.stdout


def test_offline_setting_refuses_network_commands(hub_server, cove_home):
    from tests.support.settings import write_settings

    write_settings(cove_home, hub={"offline": True})
    result = cove("models", "search", "tiny")
    assert result.returncode == 1 and "offline" in result.stderr
    assert hub_server.requests == []
    assert cove("models", "list").returncode == 0  # local things keep working


def test_a_hostile_listing_prints_one_line_per_skipped_file(hub_server):
    hub_server.add_file(REPO, "good-Q4_K_M.gguf", b"g" * 2000)
    hub_server.extra_entries[REPO] = [{"type": "file", "path": "../../escape.gguf", "size": 1},
                                      {"type": "file", "path": "n\x00ul.gguf", "size": 1},
                                      {"type": "file", "path": "y" * 400 + ".gguf", "size": 1},
                                      {"type": "file", "path": "huge.gguf", "size": 10 ** 400}]
    files = cove("models", "files", REPO)
    assert files.returncode == 0 and "good-Q4_K_M.gguf" in files.stdout and len(files.stdout.splitlines()) == 1
    lines = files.stderr.splitlines()
    assert len(lines) == 4 and all(line.startswith("cove: 127.0.0.1:") and "skipped" in line for line in lines)
    assert "Traceback" not in files.stderr


def test_a_mirror_that_is_down_is_one_line_without_library_noise(cove_home, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    started = time.monotonic()
    result = cove("models", "files", REPO)
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert result.stderr.splitlines() == [result.stderr.strip()] and "Could not reach 127.0.0.1:9" in result.stderr
    assert "Retry" not in result.stderr and "Traceback" not in result.stderr
    assert elapsed < 20  # was 24 s of retries; the process start is most of what is left


def test_a_bad_repo_or_file_name_is_one_line(hub_server):
    for args in (("files", "../../etc"), ("download", REPO, "../../escape.gguf"), ("download", "acme", "x.gguf")):
        result = cove("models", *args)
        assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert hub_server.requests == []


def test_list_marks_embedding_models_and_catalog_lists_them_apart(cove_home):
    from tests.support.embedding_models import write_tiny_bert
    from tests.support.tiny_models import write_tiny_model

    models = cove_home / "models"
    models.mkdir(parents=True, exist_ok=True)
    write_tiny_model(models / "chat-Q4_K_M.gguf", "smollm2")
    write_tiny_bert(models / "nomic-embed-text-v1.5.Q8_0.gguf")
    listed = cove("models", "list")
    assert listed.returncode == 0, listed.stderr
    kinds = {line.split()[0]: line.split()[4] for line in listed.stdout.splitlines()}
    assert kinds["chat-Q4_K_M"] == "chat" and kinds["nomic-embed-text-v1.5.Q8_0"] == "embedding"
    shown = cove("models", "catalog").stdout
    chat_part, embedding_part = shown.split("Embedding models: find notes by meaning")
    assert "nomic-embed-text-v1.5.Q8_0.gguf" not in chat_part
    for repo in ("nomic-ai/nomic-embed-text-v1.5-GGUF", "ChristianAzinn/bge-small-en-v1.5-gguf",
                 "cstr/multilingual-e5-small-GGUF"):
        assert repo in embedding_part
    assert "Spanish" in embedding_part and "cannot chat" in embedding_part


def test_chat_with_an_embedding_model_is_one_clear_line_and_saves_nothing(cove_home):
    import sqlite3

    from tests.support.embedding_models import write_tiny_bert

    bert = write_tiny_bert(cove_home.parent / "bge-small-en-v1.5.Q8_0.gguf")
    database = cove_home / "cove.db"
    result = cove("chat", "--model", str(bert), "Hello?")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == ["cove: bge-small-en-v1.5.Q8_0.gguf is an embedding model: it finds notes by meaning but "
                     "cannot chat. Choose a chat model instead (cove models list shows which is which)."]
    if database.exists():  # refused before the question was stored
        assert sqlite3.connect(database).execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0
