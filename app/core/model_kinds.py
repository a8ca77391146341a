"""Chat models and embedding models: told apart from the GGUF header.

Both are GGUF files in the same models folder, but an embedding model cannot write
text: offered as a chat model it would load and then answer nothing useful. The
chat model picker lists only chat models, and asking to chat with an embedding model
is refused with a message saying what it is for (meaning search over notes).

Kept apart from app/core/notes/embedding.py (which re-exports it) so that the model
library can use it without importing the notes package.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import NotAModelFile
from app.core.gguf_file import read_gguf
from app.core.i18n import _

# llama.cpp architectures that only embed (encoders, or decoders converted for pooling).
EMBEDDING_ARCHITECTURES = frozenset({
    "bert", "nomic-bert", "nomic-bert-moe", "jina-bert-v2", "jina-bert-v3", "modern-bert", "neo-bert",
    "t5encoder", "gemma-embedding",
})


def is_embedding_model(info) -> bool:
    """Whether a GGUF (its GGUFInfo) is an embedding model: by architecture, or a pooling type."""
    architecture = getattr(info, "architecture", "") or ""
    if architecture in EMBEDDING_ARCHITECTURES:
        return True
    # A decoder converted for embeddings (Qwen3-Embedding…) says how to pool; chat models never do.
    pooling = (getattr(info, "metadata", None) or {}).get(f"{architecture}.pooling_type")
    return isinstance(pooling, int) and not isinstance(pooling, bool) and pooling > 0


def is_embedding_file(path: str | Path) -> bool:
    """is_embedding_model for a file; False for a file that is not a readable GGUF."""
    try:
        return is_embedding_model(read_gguf(path))
    except (NotAModelFile, OSError):
        return False


def chat_refusal(info, name: str) -> str | None:
    """Why this model cannot be used for chat (None when it can)."""
    if is_embedding_model(info):
        return (_("{name} is an embedding model: it finds notes by meaning but cannot chat. "
                  "Choose a chat model instead (cove models list shows which is which).").format(name=name))
    return None
