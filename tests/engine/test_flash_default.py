"""Flash attention's automatic value per backend, as measured (benchmarks/flash_attention.py, issue 17)."""

import llama_cpp
import pytest

from app.core import engine_options as eo
from app.core import system
from app.engine import backend
from tests.engine.test_threads import _info


@pytest.mark.parametrize("gpu_backend, gpu_layers, expected", [
    ("", 0, False),        # a CPU build: the CPU measurement decides (off)
    ("cuda", -1, True),    # every layer on an NVIDIA GPU: llama.cpp's own default, on
    ("cuda", 12, True),    # some layers on the GPU: on
    ("cuda", 0, False),    # a CUDA build told to keep every layer on the CPU: the CPU's choice
    ("metal", -1, True),   # Apple's GPU: on
    ("metal", 0, False),
    ("vulkan", -1, True),  # not measured here: on where it holds layers, as before
    ("gpu", -1, True),     # a GPU build whose backend has no name here
])
def test_automatic_flash_attention_per_backend(gpu_backend, gpu_layers, expected):
    assert backend.auto_flash_attn(gpu_backend, gpu_layers) is expected


def _choose(monkeypatch, gpu_backend: str, options: eo.LoadOptions) -> backend.BackendSettings:
    offload = bool(gpu_backend)
    monkeypatch.setattr(llama_cpp, "llama_supports_gpu_offload", lambda: offload)
    monkeypatch.setattr(system, "gpu_backend", lambda: gpu_backend)
    monkeypatch.setattr(system, "machine", lambda: system.Machine(
        free_ram=8 << 30, total_ram=16 << 30, gpu_backend=gpu_backend, free_vram=24 << 30, physical_cores=4))
    return backend.choose(_info(), options)


@pytest.mark.parametrize("gpu_backend, expected", [("", False), ("cuda", True), ("metal", True)])
def test_the_engine_loads_with_the_backends_automatic_value(monkeypatch, gpu_backend, expected):
    chosen = _choose(monkeypatch, gpu_backend, eo.LoadOptions())
    assert chosen.flash_attn is expected and chosen.backend == gpu_backend
    assert chosen.llama_kwargs()["flash_attn"] is expected


@pytest.mark.parametrize("gpu_backend", ["", "cuda", "metal"])
def test_the_users_choice_and_a_quantized_cache_override_automatic(monkeypatch, gpu_backend):
    assert _choose(monkeypatch, gpu_backend, eo.LoadOptions(flash_attn="on")).flash_attn is True
    assert _choose(monkeypatch, gpu_backend, eo.LoadOptions(flash_attn="off")).flash_attn is False
    # llama.cpp needs flash attention for a quantized V cache, whatever "auto" would say.
    assert _choose(monkeypatch, gpu_backend, eo.LoadOptions(kv_type="q8_0")).flash_attn is True


def test_a_cuda_build_with_every_layer_on_the_cpu_follows_the_cpu(monkeypatch):
    chosen = _choose(monkeypatch, "cuda", eo.LoadOptions(n_gpu_layers=0))
    assert chosen.n_gpu_layers == 0 and chosen.flash_attn is backend.FLASH_AUTO[""] is False


@pytest.mark.parametrize("n_ctx, flash, cells", [
    (8192, False, 8192 + 256),    # V's rows 16 KiB apart (F16, transposed): 256 cells more
    (16384, False, 16384 + 256),
    (4096, False, 4096),          # 8 KiB apart: measured as fast as 4,352 cells
    (2048, False, 2048),
    (8192 + 256, False, 8192 + 256),
    (8192, True, 8192),           # with flash attention V is not transposed
])
def test_kv_cells_allocated_for_a_context(n_ctx, flash, cells):
    assert backend.allocated_cells(n_ctx, flash) == cells


def test_the_settings_ask_llama_for_the_allocated_cells(monkeypatch):
    chosen = _choose(monkeypatch, "", eo.LoadOptions(n_ctx=8192))
    assert chosen.n_ctx == 8192 and chosen.llama_kwargs()["n_ctx"] == 8192 + backend.PAD_CELLS
    assert chosen.describe(8192)["n_ctx"] == 8192
