"""How the engine should run a model, as the app asks for it: load options and overflow policies.

These are plain values that the settings, the CLI and the window build and the
engine process reads, so they live in core: app/core never imports app.engine, and
the engine imports them from here (app.engine.protocol and app.engine.context keep
their old names for them).
"""

from __future__ import annotations

from dataclasses import dataclass

# When a conversation outgrows the model's context (see app/engine/context.py):
DROP_OLDEST = "drop_oldest"  # leave out the oldest turns, and say how many
STOP = "stop"                # refuse, and say so
OVERFLOW_POLICIES = (DROP_OLDEST, STOP)


@dataclass(frozen=True)
class LoadOptions:
    """How to load a model. Any change reloads it (and starts a fresh set of saved KV states)."""

    n_ctx: int = 0              # 0: the model's own context, or less if memory is short
    n_threads: int = 0          # generation threads; 0: physical cores
    n_threads_batch: int = 0    # prompt processing threads; 0: all cores
    n_gpu_layers: int = -1      # -1: all that fit the GPU (none without a GPU build); 0: CPU only
    flash_attn: str = "auto"    # "auto", "on", "off"
    kv_type: str = "f16"        # "f16", "q8_0", "q4_0"
    chat_template: str = ""     # the user's template for this model; "" uses the file's
    kv_cache_dir: str = ""      # where conversation states are saved; "" saves none
    kv_cache_bytes: int = 2 << 30
    # The administrator's allowed models (None: any), checked before loading (model_check).
    allowed_models: tuple[str, ...] | None = None
    policy_note: str = ""
    models_dir: str = ""
