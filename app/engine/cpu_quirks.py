"""Work around llama.cpp features that crash on some processors.

llama.cpp moves weights into "extra buffer types" when the CPU offers them: repacked
layouts for AVX2/AVX-512 and Intel AMX tiles. On Xeon processors with AMX (seen on a
virtual machine with AMX_INT8 advertised) the AMX path crashes the process in the first
decode, whatever the model. Cove turns the extra buffers off where AMX is reported:
a few percent of speed on those machines against an engine that cannot answer at all.

COVE_EXTRA_BUFFERS=1 turns them back on (for a llama.cpp build where this is fixed),
COVE_EXTRA_BUFFERS=0 turns them off everywhere.
"""

from __future__ import annotations

import os

ENV = "COVE_EXTRA_BUFFERS"


def extra_buffers_allowed(system_info: str, environ=os.environ) -> bool:
    """Whether llama.cpp may use its extra buffer types on this machine."""
    choice = environ.get(ENV, "").strip()
    if choice in ("0", "1"):
        return choice == "1"
    return "AMX_INT8 = 1" not in system_info


def apply(llama_cpp_module) -> bool:
    """Make every model loaded from now on follow extra_buffers_allowed(); returns the choice.

    Llama() takes no argument for this, so the defaults it starts from are adjusted; the
    engine process is the only user of llama.cpp, so this stays inside it.
    """
    low_level = llama_cpp_module.llama_cpp
    info = llama_cpp_module.llama_print_system_info().decode(errors="replace")
    allowed = extra_buffers_allowed(info)
    defaults = getattr(low_level, "_cove_original_default_params", low_level.llama_model_default_params)
    low_level._cove_original_default_params = defaults

    def model_default_params():
        params = defaults()
        if hasattr(params, "use_extra_bufts"):
            params.use_extra_bufts = allowed
        return params

    low_level.llama_model_default_params = model_default_params
    return allowed
