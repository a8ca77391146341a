"""Saved KV caches, so a conversation resumes without processing its history again.

After each answer the engine writes the KV cache of the conversation so far to
disk (llama.cpp's per-sequence state file: only the cells in use). When a prompt
arrives that the loaded context does not already hold, the saved state sharing
the longest token prefix with it is loaded and only the rest is processed: after
switching conversations, and after the engine or the whole app restarts.

States live under <data>/kv-cache/<key>/, where the key covers everything that
makes a state valid: the model file (path, size, modification time), the context
size, the KV cache type and the llama.cpp version. Change any of them and the old
states are simply never matched again (and are deleted first when space runs out).
The whole folder is kept under a size limit, least recently used first.

While the store is encrypted, states hold conversation tokens too, so they are sealed:
AES-256-GCM (authenticated: a changed or swapped file is refused, not loaded) with a key
derived from the store's key (encryption.kv_cache_key), which reaches this process through
the engine's pipe inside LoadOptions, never through argv or the environment. A sealed
state is the sequence's raw state (llama_state_seq_get_data) encrypted in memory and
written at once, its tokens kept in the sealed index. A new conversation's opening
(opening.py) is kept that way in either store (in the clear in a plain one): it is
copied in memory while the prompt is read and written after the answer. Measured on SmolLM2-135M with a
2,000-token conversation (46 MB state): saving 0.24 s plain vs 0.76 s sealed (after the
answer, while the user reads), loading 0.08 s vs 0.33 s; not saving states at all would
mean processing the whole conversation again on every switch, seconds to minutes on a
CPU. So they are sealed rather than left out.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import secrets
import time
from pathlib import Path

from app.core.private_files import write_private

MIN_TOKENS = 64          # shorter conversations are cheap to process again
OPENING = "opening-"     # a state of a new conversation's opening (opening.py), whatever its length
INDEX = "index.json"
SEALED_INDEX = "index.sealed"
NONCE = 12


def state_key(model_path: str, n_ctx: int, kv_type: str, version: str) -> str:
    stat = os.stat(model_path)
    text = f"{os.path.realpath(model_path)}|{stat.st_size}|{stat.st_mtime_ns}|{n_ctx}|{kv_type}|{version}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def common_prefix(a, b) -> int:
    """How many leading tokens two sequences share (vectorised: conversations are long)."""
    import numpy as np

    n = min(len(a), len(b))
    if n == 0:
        return 0
    differs = np.asarray(a[:n], dtype=np.int64) != np.asarray(b[:n], dtype=np.int64)
    first = int(np.argmax(differs))
    return first if differs[first] else n


class _NeverRaised(Exception):
    """Stands for cryptography's InvalidTag where nothing is sealed (nothing can fail to open)."""


def _aead(seal_key: bytes):
    """AES-GCM with this key, and the error of a forged or damaged blob. Imported only for sealed
    states (an encrypted store): cryptography's import would add ~12 ms to every engine's start."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(seal_key), InvalidTag


class KVStore:
    def __init__(self, root: Path, key: str, capacity_bytes: int, seal_key: bytes | None = None):
        self.root = Path(root)
        self.seal, self._forged = _aead(seal_key) if seal_key else (None, _NeverRaised)
        self.folder = self.root / (key + ("-sealed" if self.seal else ""))
        self.capacity = capacity_bytes
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(self.root, 0o700)
        try:
            if self.seal:
                raw = json.loads(self._open(SEALED_INDEX, (self.folder / SEALED_INDEX).read_bytes()))
            else:
                raw = json.loads((self.folder / INDEX).read_text())
            self.index = {name: list(tokens) for name, tokens in raw.items() if (self.folder / name).is_file()}
        except (OSError, ValueError, AttributeError, self._forged):
            self.index = {}

    def _sealed(self, name: str, data: bytes) -> bytes:
        nonce = os.urandom(NONCE)
        return nonce + self.seal.encrypt(nonce, data, name.encode())  # the name is authenticated too

    def _open(self, name: str, blob: bytes) -> bytes:
        return self.seal.decrypt(blob[:NONCE], blob[NONCE:], name.encode())

    def _write_index(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)  # the app empties the folder when chats are deleted
        if self.seal:
            write_private(self.folder / SEALED_INDEX, self._sealed(SEALED_INDEX, json.dumps(self.index).encode()))
        else:
            write_private(self.folder / INDEX, json.dumps(self.index))

    def best_match(self, prompt: list[int]) -> tuple[str, int] | None:
        """The saved state sharing the longest prefix with the prompt, and that length."""
        best = None
        for name, tokens in self.index.items():
            shared = common_prefix(tokens, prompt)
            if shared >= MIN_TOKENS and (best is None or shared > best[1]):
                best = (name, shared)
        return best

    def opening(self, tokens: list[int]) -> str | None:
        """The saved opening of exactly these tokens, if there is one."""
        return next((name for name, saved in self.index.items() if name.startswith(OPENING) and saved == tokens),
                    None)

    def load(self, llm, name: str) -> list[int] | None:
        """Replace the context's sequence 0 with a saved state; returns its tokens."""
        import llama_cpp

        path = self.folder / name
        capacity = llm.n_ctx()
        tokens = (llama_cpp.llama_token * capacity)()
        count = ctypes.c_size_t(0)
        llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(llm._ctx.ctx), True)
        llm.n_tokens = 0  # the context is empty now, whatever happens next
        if self.seal or name.startswith(OPENING):
            read = self._load_copy(llm, name, path, tokens, count)
        else:
            read = llama_cpp.llama_state_seq_load_file(llm._ctx.ctx, str(path).encode(), 0, tokens, capacity,
                                                       ctypes.byref(count))
        if read == 0:
            self.forget(name)
            llm.reset()
            return None
        loaded = list(tokens[: count.value])
        llm.input_ids[: len(loaded)] = loaded
        llm.n_tokens = len(loaded)
        llm._requires_eval = True  # logits are not part of the state: the next token is evaluated again
        try:
            os.utime(path)  # recently used
        except OSError:  # deleted meanwhile (the window forgetting saved states): what is loaded stays
            pass
        return loaded

    def _load_copy(self, llm, name: str, path: Path, tokens, count) -> int:
        """A state written by save_copy(): llama.cpp's sequence data (sealed in a sealed store), its tokens
        in the index."""
        import llama_cpp

        known = self.index.get(name)
        try:
            blob = path.read_bytes()
            data = self._open(name, blob) if self.seal else blob
        except (OSError, self._forged):
            return 0
        if known is None or len(known) > len(tokens):
            return 0
        source = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        if llama_cpp.llama_state_seq_set_data(llm._ctx.ctx, source, len(data), 0) == 0:
            return 0
        # As many cells as the index has tokens: the index and the file were written together.
        if llama_cpp.llama_memory_seq_pos_max(llama_cpp.llama_get_memory(llm._ctx.ctx), 0) != len(known) - 1:
            return 0
        tokens[: len(known)] = known
        count.value = len(known)
        return len(data)

    @staticmethod
    def copy(llm) -> tuple[list[int], bytes] | None:
        """The context's tokens and llama.cpp's data for them, in memory, for save_copy()."""
        import llama_cpp

        size = llama_cpp.llama_state_seq_get_size(llm._ctx.ctx, 0)
        buffer = (ctypes.c_uint8 * size)()
        written = llama_cpp.llama_state_seq_get_data(llm._ctx.ctx, buffer, size, 0)
        return (llm.input_ids[: llm.n_tokens].tolist(), ctypes.string_at(buffer, written)) if written else None

    def save_copy(self, tokens: list[int], data: bytes, opening: bool = False) -> None:
        """Write a copy(); sealed, never on disk in the clear, in a sealed store."""
        name = self._new_name(tokens, opening)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_private(self.folder / name, self._sealed(name, data) if self.seal else data)
        self._saved(name, tokens, opening)

    def save(self, llm, opening: bool = False) -> None:
        """Save the context's tokens; opening: as a new conversation's opening (kept apart from the
        conversations that begin with it, however short)."""
        import llama_cpp

        tokens = llm.input_ids[: llm.n_tokens].tolist()
        if len(tokens) < MIN_TOKENS and not opening:
            return
        if self.seal or opening:
            kept = self.copy(llm)
            if kept is not None:
                self.save_copy(*kept, opening=opening)
            return
        name = self._new_name(tokens, opening)
        self.folder.mkdir(parents=True, exist_ok=True)
        array = (llama_cpp.llama_token * len(tokens))(*tokens)
        if llama_cpp.llama_state_seq_save_file(llm._ctx.ctx, str(self.folder / name).encode(), 0, array,
                                               len(tokens)):
            self._saved(name, tokens, opening)

    @staticmethod
    def _new_name(tokens: list[int], opening: bool) -> str:
        # The random part: two engines (the window's, a `cove chat` ending on its own) may save in one millisecond.
        return f"{OPENING if opening else ''}{int(time.time() * 1000)}-{secrets.token_hex(3)}-{len(tokens)}.state"

    def _saved(self, name: str, tokens: list[int], opening: bool) -> None:
        # A conversation's state that is a prefix of the new one is superseded by it. Openings stay:
        # every new conversation starts from one.
        for old, old_tokens in list(self.index.items()):
            if not opening and not old.startswith(OPENING) and len(old_tokens) <= len(tokens) \
                    and common_prefix(old_tokens, tokens) == len(old_tokens):
                self.forget(old, write=False)
        self.index[name] = tokens
        self._write_index()
        self.trim()

    def forget(self, name: str, write: bool = True) -> None:
        (self.folder / name).unlink(missing_ok=True)
        self.index.pop(name, None)
        if write:
            self._write_index()

    def trim(self) -> None:
        """Delete the least recently used states (of any model) beyond the capacity."""
        # Another engine (a `cove chat` that has just answered, ending on its own) may be deleting states of
        # this folder at the same moment: a file gone between the listing and its stat is simply not counted.
        stats = {}
        for path in self.root.glob("*/*.state"):
            try:
                stats[path] = path.stat()
            except FileNotFoundError:
                pass
        files = sorted(stats, key=lambda p: stats[p].st_mtime)
        total = sum(st.st_size for st in stats.values())
        for path in files:
            if total <= self.capacity:
                break
            total -= stats[path].st_size
            if path.parent == self.folder:
                self.forget(path.name)
            else:
                path.unlink(missing_ok=True)
