"""Whether two model files hold the same token list: a digest of the vocabulary a GGUF file stores.

A draft model (app/engine/draft_model.py) must read and write the same tokens as the model it drafts
for; names are only a claim, so the token lists are compared. Its own module, apart from the catalog
pairs (draft_pairs.py), because the engine process checks this too and must not import the model
library and settings to do it (the engine's start is on a chat's critical path).
"""

from __future__ import annotations

import hashlib
import re
import struct
from pathlib import Path

from app.core.errors import CoveError, NotAModelFile
from app.core.gguf_file import _ARRAY, _MAX_COUNT, _STRING, MAGIC, _Reader, _Truncated, open_regular, read_gguf

_TOKENS_KEY = "tokenizer.ggml.tokens"

# Fingerprints already computed, by the file's identity on disk: a vocabulary is up to 150,000 strings.
_FINGERPRINTS: dict[tuple, str | None] = {}
_UNKNOWN = object()
# Padding entries a converter appends to fill the model's embedding matrix (convert_hf_to_gguf names them
# "[PAD<id>]"): Qwen2.5 7B holds 152,064 entries, 0.5B 151,936, over the same 151,665 real tokens. Nobody
# writes them, so they are left out of the fingerprint; the engine never lets a draft propose one the
# chat model lacks (draft_model.py).
_PAD = re.compile(rb"\[PAD\d+\]")


def vocab_fingerprint(path: str | Path) -> str | None:
    """A digest of the file's token list (tokenizer.ggml.tokens, as stored, without trailing padding
    entries), or None when it has none.

    Raises CoveError (NotAModelFile) for a file that is not a readable GGUF model."""
    path = Path(path)
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns, st.st_ino)
    fp = _FINGERPRINTS.get(key, _UNKNOWN)
    if fp is _UNKNOWN:
        # Read into a local and returned from it: another thread (the window's pool) may clear the cache
        # between this store and any read back.
        fp = _read_fingerprint(path)
        if len(_FINGERPRINTS) > 64:
            _FINGERPRINTS.clear()
        _FINGERPRINTS[key] = fp
    return fp


def _read_fingerprint(path: Path) -> str | None:
    read_gguf(path)  # the header checked first: a damaged file gets its own clear message
    stream, _st = open_regular(path)
    with stream:
        reader = _Reader(stream)
        try:
            if stream.read(4) != MAGIC:
                return None
            reader.unpack("<I")  # version: read_gguf accepted it
            reader.unpack("<Q")  # tensor count
            for _index in range(min(reader.unpack("<Q"), _MAX_COUNT)):
                name = reader.string()
                vtype = reader.unpack("<I")
                if name == _TOKENS_KEY and vtype == _ARRAY:
                    item_type, count = reader.unpack("<I"), reader.unpack("<Q")
                    if item_type != _STRING:
                        return None
                    start = stream.tell()
                    reader.skip_strings(count)  # checks every length; then the bytes between are hashed
                    end = stream.tell()
                    stream.seek(start)
                    blob = stream.read(end - start)  # a few MB for the largest vocabularies
                    if len(blob) != end - start:
                        raise _Truncated
                    kept, cut = _without_padding(blob, count)
                    return hashlib.sha256(kept.to_bytes(8, "little") + blob[:cut]).hexdigest()
                reader.value(vtype, keep=False)
        except (_Truncated, CoveError, ValueError) as exc:
            raise NotAModelFile(str(exc) or path.name) from None
        except Exception:  # noqa: BLE001 - _Damaged and struct errors: read_gguf said the header was sound
            return None
    return None


def _without_padding(blob: bytes, count: int) -> tuple[int, int]:
    """(how many tokens are left, where their bytes end) once the trailing [PADn] entries are dropped."""
    kept, cut, pos = 0, 0, 0
    unpack_from = struct.Struct("<Q").unpack_from
    for index in range(count):
        (length,) = unpack_from(blob, pos)
        text = blob[pos + 8:pos + 8 + length]
        pos += 8 + length
        if not _PAD.fullmatch(text):
            kept, cut = index + 1, pos
    return kept, cut


def same_vocabulary(a: str | Path, b: str | Path) -> bool:
    """Whether two model files hold the same token list (False when either cannot be read)."""
    try:
        first, second = vocab_fingerprint(a), vocab_fingerprint(b)
    except (CoveError, OSError):
        return False
    return first is not None and first == second
