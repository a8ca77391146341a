"""How the engine should run a model, as the app asks for it: load options and overflow policies.

These are plain values that the settings, the CLI and the window build and the
engine process reads, so they live in core: app/core never imports app.engine, and
the engine imports them from here (app.engine.protocol and app.engine.context keep
their old names for them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# When a conversation outgrows the model's context (see app/engine/context.py):
DROP_OLDEST = "drop_oldest"  # leave out the oldest turns, and say how many
STOP = "stop"                # refuse, and say so
OVERFLOW_POLICIES = (DROP_OLDEST, STOP)


@dataclass(frozen=True)
class LoadOptions:
    """How to load a model. Any change reloads it (and starts a fresh set of saved KV states)."""

    n_ctx: int = 0              # 0: the model's own context, or less if memory is short
    n_threads: int = 0          # generation threads; 0: automatic (see thread_counts)
    n_threads_batch: int = 0    # prompt processing threads; 0: automatic (see thread_counts)
    n_gpu_layers: int = -1      # -1: all that fit the GPU (none without a GPU build); 0: CPU only
    flash_attn: str = "auto"    # "auto", "on", "off"
    kv_type: str = "f16"        # "f16", "q8_0", "q4_0"
    chat_template: str = ""     # the user's template for this model; "" uses the file's
    kv_cache_dir: str = ""      # where conversation states are saved; "" saves none
    kv_cache_bytes: int = 2 << 30
    # Seals the saved states while the store is encrypted (derived from its key, see kv_store.py); sent
    # through the engine's pipe with these options, never in argv or the environment, never printed.
    kv_cache_key: bytes = field(default=b"", repr=False)
    # The administrator's allowed models (None: any), checked before loading (model_check).
    allowed_models: tuple[str, ...] | None = None
    policy_note: str = ""
    models_dir: str = ""
    # A smaller model of the same family that drafts tokens for this one ("": none; app/engine/draft_model.py).
    # Loaded beside the model: changing it loads or unloads the draft only, never the model itself.
    draft_model: str = ""


def auto_threads(physical: int, logical: int) -> int:
    """The automatic thread count: physical cores, minus one when there are more than two.

    llama.cpp's threads wait for each other at every step, so one thread that the
    operating system pauses for another program stalls them all: with every core
    taken, a browser or a build in the background cut generation from ~40 to ~5
    tokens/s. Leaving one core free keeps the window, the desktop and other programs
    off Cove's threads, at a small cost on a quiet machine. With one or two cores
    there is none to spare. Hyper-threads share a core's arithmetic units, so they
    add contention, not speed.
    """
    physical, logical = max(1, physical), max(1, logical)
    return max(1, min(physical - 1 if physical > 2 else physical, logical))


def thread_counts(n_threads: int, n_threads_batch: int, physical: int, logical: int) -> tuple[int, int]:
    """(generation, prompt) threads: the user's numbers, or automatic for 0; never more than the cores.

    Prompt reading and generation take turns in one process, so each may use the
    machine's cores, but neither more than the CPUs this process may run on: more
    threads than cores only makes them queue for each other.
    """
    auto = auto_threads(physical, logical)
    cores = max(1, logical)
    return (min(n_threads, cores) if n_threads > 0 else auto,
            min(n_threads_batch, cores) if n_threads_batch > 0 else auto)
