"""How to run a model on this machine: context size, threads, GPU offload, KV cache.

Decided in the engine process when a model loads, from the user's settings (where
"auto" is the default) and what the machine and the installed llama.cpp offer.
What was chosen is reported back, so the window can show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import system
from app.core.engine_options import LoadOptions, thread_counts
from app.core.gguf_file import GGUFInfo
from app.core.system import physical_cores  # noqa: F401 (benchmarks import it here)

KV_TYPES = {"f16": 1, "q8_0": 8, "q4_0": 2}          # ggml type ids
_KV_BYTES = {"f16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}
_OVERHEAD = 512 << 20


def kv_bytes_per_token(info: GGUFInfo, kv_type: str = "f16") -> int:
    layers = info.arch_value("block_count")
    heads = info.arch_value("attention.head_count")
    width = info.arch_value("embedding_length")
    if not (layers and heads and width):
        return 128 << 10  # unknown: assume a mid-sized model
    kv_heads = info.arch_value("attention.head_count_kv") or heads
    key = info.arch_value("attention.key_length") or width // heads
    value = info.arch_value("attention.value_length") or width // heads
    return int(layers * kv_heads * (key + value) * _KV_BYTES.get(kv_type, 2.0))


def auto_context(info: GGUFInfo, kv_type: str, free_ram: int) -> int:
    """The model's own context, or less when the KV cache would not fit in half the free memory."""
    native = info.context_length or 4096
    budget = (free_ram - info.file_size - _OVERHEAD) // 2
    fits = budget // kv_bytes_per_token(info, kv_type) if budget > 0 else 0
    return max(512, min(native, int(fits)) // 256 * 256)


# Without flash attention llama.cpp stores the V cache transposed: a row per value dimension, n_ctx cells
# long. Where that row is a multiple of 16 KiB (F16 at 8,192 or 16,384 cells) the rows fall on the same few
# sets of the CPU's cache and evict one another as each token's attention reads them; 256 more cells break
# the pattern. Measured with SmolLM2-135M on the 2-core Xeon, 2 threads, generation after a 40-token prompt,
# interleaved rounds: 8,448 cells ran 1.04x as fast as 8,192 (medians of the rounds' ratios, 4 runs of 9-15
# rounds: 1.03 to 1.06, one run 1.005), 16,640 1.05x 16,384; 4,352 and 2,304 the same as 4,096 and 2,048.
# Through the engine (benchmarks/generation.py, padding_gain): 1.021 and 1.023.
# The context Cove uses stays n_ctx (model_setup.hold_context): the extra cells are never filled.
PAD_CELLS = 256
_ALIASED_CELLS = 8192


def allocated_cells(n_ctx: int, flash_attn: bool) -> int:
    """KV cells to allocate for a context of n_ctx tokens (more than n_ctx where that is faster: see above)."""
    return n_ctx + PAD_CELLS if not flash_attn and n_ctx % _ALIASED_CELLS == 0 else n_ctx


@dataclass(frozen=True)
class BackendSettings:
    n_ctx: int
    n_threads: int
    n_threads_batch: int
    n_gpu_layers: int
    flash_attn: bool
    kv_type: str
    gpu_offload: bool
    backend: str

    def llama_kwargs(self) -> dict:
        return {"n_ctx": allocated_cells(self.n_ctx, self.flash_attn),
                "n_threads": self.n_threads, "n_threads_batch": self.n_threads_batch,
                "n_gpu_layers": self.n_gpu_layers, "flash_attn": self.flash_attn,
                "type_k": KV_TYPES[self.kv_type], "type_v": KV_TYPES[self.kv_type]}

    def describe(self, n_ctx: int) -> dict:
        import llama_cpp

        return {"n_ctx": n_ctx, "n_threads": self.n_threads, "n_threads_batch": self.n_threads_batch,
                "n_gpu_layers": self.n_gpu_layers, "flash_attn": self.flash_attn, "kv_type": self.kv_type,
                "gpu_offload": self.gpu_offload, "backend": self.backend or "cpu",
                "system_info": llama_cpp.llama_print_system_info().decode(errors="replace").strip(),
                "llama_cpp_version": llama_cpp.__version__}


def _gpu_layers(info: GGUFInfo, requested: int, backend: str, kv_total: int) -> int:
    if requested >= 0:
        return requested
    if backend != "cuda":
        return -1  # Metal shares the system memory; other GPU builds: offload everything
    free_vram = system.machine().free_vram
    layers = info.arch_value("block_count") or 32
    if free_vram >= info.file_size + kv_total + _OVERHEAD:
        return -1
    room = free_vram - kv_total - _OVERHEAD
    return max(0, int(layers * room / info.file_size)) if room > 0 else 0


# Flash attention's "automatic", per backend ("" is the CPU). On a GPU it is llama.cpp's own default
# (its "auto" turns it on for CUDA and Metal) and the faster kernel there. On the CPU it stays off:
# benchmarks/flash_attention.py (issue 17; SmolLM2-135M Q4_1, 2-core Xeon, llama-cpp-python 0.3.36,
# interleaved on/off pairs, medians, 1 thread, load average 4-7 from other work) measured, with it on,
# prompts read 1.05x as fast at 512 tokens and 1.12x at 4k but 0.66x at 16k (RoPE-scaled, one pair),
# and generation at 0.69x the speed after a 512-token prompt, 0.37x after 4k and 0.11x after 16k (the
# earlier ad-hoc run: 1.09x / 0.95x at 512, 1.13x / 0.43x at 4k). Generated tokens outweigh the few
# tokens a chat turn reads after Enter, and long contexts lose on both, so off is the faster default. A user may still turn it on (settings), which also lets prompt-lookup
# drafts be checked (speculative.exact_batches); a quantized KV cache turns it on (see choose()).
FLASH_AUTO = {"": False, "cuda": True, "metal": True}


def auto_flash_attn(backend: str, gpu_layers: int) -> bool:
    """Flash attention when the user left it on "auto": per FLASH_AUTO for the backend that runs the layers.

    With no layer on the GPU (none offloaded, or a CPU build), the CPU runs the attention: its entry
    applies. Other GPU backends (Vulkan, HIP, SYCL) keep it on when they hold layers, as before: not
    measured here, and llama.cpp's own default is on where the device supports it.
    """
    runs_on = backend if backend and gpu_layers != 0 else ""
    return FLASH_AUTO.get(runs_on, True)


def choose(info: GGUFInfo, options: LoadOptions) -> BackendSettings:
    import llama_cpp

    kv_type = options.kv_type if options.kv_type in KV_TYPES else "f16"
    free_ram, _total = system.memory()
    n_ctx = options.n_ctx or auto_context(info, kv_type, free_ram)
    if info.context_length:
        n_ctx = min(n_ctx, info.context_length)
    offload = bool(llama_cpp.llama_supports_gpu_offload())
    backend = system.gpu_backend() if offload else ""
    gpu_layers = _gpu_layers(info, options.n_gpu_layers, backend, kv_bytes_per_token(info, kv_type) * n_ctx) \
        if offload else 0
    # An offloading build whose backend has no name here (its library files named otherwise) still has a GPU.
    flash = {"on": True, "off": False}.get(options.flash_attn,
                                           auto_flash_attn(backend or ("gpu" if offload else ""), gpu_layers))
    if kv_type != "f16":
        flash = True  # llama.cpp needs flash attention for a quantized V cache
    threads, threads_batch = thread_counts(options.n_threads, options.n_threads_batch,
                                           system.physical_cores(), system.logical_cores())
    return BackendSettings(
        n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads_batch,
        n_gpu_layers=gpu_layers, flash_attn=flash, kv_type=kv_type, gpu_offload=offload, backend=backend)
