"""Check that a file is a GGUF model before it reaches llama.cpp.

llama.cpp given a file that is not a model, or a model cut short by a broken
download, fails deep inside native code with messages no user can act on (or, for
some damage, crashes). Reading the header here is cheap (the metadata is a few MB
at most) and lets Cove refuse a bad file with a message that says what to do.

The reader follows the GGUF specification (versions 2 and 3): magic, version,
tensor and metadata counts, the metadata key/value pairs, then the tensor table.
From the tensor table we know how long the file must be, which catches truncated
downloads whose header is intact.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from app.core.errors import NotAModelFile
from app.core.units import human_size

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)
DEFAULT_ALIGNMENT = 32

# Metadata value types (gguf_type in ggml/include/gguf.h).
_SCALARS = {
    0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
    10: "<Q", 11: "<q", 12: "<d",
}
_STRING, _ARRAY = 8, 9

# ggml tensor types: (elements per block, bytes per block). Only used to compute
# how long a complete file is; a type missing here (Q8_1 is never stored in
# files and its size differs between sources) is checked by offset only.
GGML_BLOCK_SIZES = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24),
    8: (32, 34), 10: (256, 84), 11: (256, 110), 12: (256, 144),
    13: (256, 176), 14: (256, 210), 15: (256, 292), 16: (256, 66), 17: (256, 74),
    18: (256, 98), 19: (256, 50), 20: (32, 18), 21: (256, 110), 22: (256, 82),
    23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8),
    29: (256, 56), 30: (1, 2), 34: (256, 54), 35: (256, 66), 39: (32, 17), 40: (64, 36),
    41: (128, 18),
}

# Metadata we keep; everything else is skipped without decoding (the tokenizer's
# vocabulary alone can be hundreds of thousands of strings).
_KEPT_SCALAR_KEYS = {"general.architecture", "general.name", "general.alignment", "general.basename",
                     "general.size_label", "general.file_type", "tokenizer.chat_template",
                     "split.count", "split.no"}

# Per-architecture numbers ("llama.block_count"…) that size the context and the KV cache.
_KEPT_SUFFIXES = (".context_length", ".block_count", ".embedding_length", ".attention.head_count",
                  ".attention.head_count_kv", ".attention.key_length", ".attention.value_length")

# Upper bounds that no real file reaches; beyond them the header is garbage.
_MAX_COUNT = 1 << 24
_MAX_STRING = 64 << 20
_MAX_DIMS = 8
_U64 = struct.Struct("<Q")


@dataclass
class GGUFInfo:
    path: Path
    version: int
    tensor_count: int
    metadata: dict = field(default_factory=dict)
    file_size: int = 0

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name", "")) or self.path.stem

    @property
    def basename(self) -> str:
        """The model's base name as its publisher wrote it ("smollm2", "Qwen2.5"…), if recorded."""
        return str(self.metadata.get("general.basename", "") or "")

    @property
    def context_length(self) -> int | None:
        value = self.metadata.get(f"{self.architecture}.context_length")
        return int(value) if value is not None else None

    def arch_value(self, name: str) -> int | None:
        """A per-architecture number such as "block_count" (None if absent or per-layer)."""
        value = self.metadata.get(f"{self.architecture}.{name}")
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    @property
    def chat_template(self) -> str | None:
        return self.metadata.get("tokenizer.chat_template")

    @property
    def split_count(self) -> int:
        return int(self.metadata.get("split.count", 1) or 1)


class _Truncated(Exception):
    pass


class _Reader:
    def __init__(self, stream: BinaryIO):
        self.stream = stream

    def take(self, n: int) -> bytes:
        data = self.stream.read(n)
        if len(data) != n:
            raise _Truncated
        return data

    def unpack(self, fmt: str):
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        length = self.unpack("<Q")
        if length > _MAX_STRING:
            raise ValueError(f"a text field claims {length} bytes")
        return self.take(length).decode("utf-8", errors="replace")

    def skip_string(self) -> None:
        length = self.unpack("<Q")
        if length > _MAX_STRING:
            raise ValueError(f"a text field claims {length} bytes")
        self.stream.seek(length, 1)

    def skip_strings(self, count: int) -> None:
        """skip_string() count times, walking 1 MB blocks (a vocabulary has 100,000s of strings)."""
        stream, unpack_from = self.stream, _U64.unpack_from
        buf, pos = b"", 0
        for _ in range(count):
            if pos + 8 > len(buf):
                if pos > len(buf):  # the last string ran past the block
                    stream.seek(pos - len(buf), 1)
                    buf, pos = b"", 0
                buf = buf[pos:] + stream.read(1 << 20)
                pos = 0
                if len(buf) < 8:
                    raise _Truncated
            length = unpack_from(buf, pos)[0]
            if length > _MAX_STRING:
                raise ValueError(f"a text field claims {length} bytes")
            pos += 8 + length
        stream.seek(pos - len(buf), 1)  # back to just after the last string

    def value(self, vtype: int, keep: bool):
        if vtype in _SCALARS:
            return self.unpack(_SCALARS[vtype])
        if vtype == _STRING:
            if keep:
                return self.string()
            self.skip_string()
            return None
        if vtype == _ARRAY:
            item_type = self.unpack("<I")
            count = self.unpack("<Q")
            if count > _MAX_COUNT * 16:
                raise ValueError(f"an array claims {count} items")
            if item_type in _SCALARS:
                self.stream.seek(struct.calcsize(_SCALARS[item_type]) * count, 1)
            elif item_type == _STRING:
                self.skip_strings(count)
            else:
                raise ValueError(f"unsupported array item type {item_type}")
            return None
        raise ValueError(f"unknown metadata type {vtype}")


# Headers already read, by path and the file's identity on disk (size, mtime, inode):
# the window checks the current model on every send and model change, and a large
# vocabulary takes ~50 ms of Python to step over, too long for the GUI thread
# (benchmarks/ui_latency.py). A file changed on disk has another key and is read again.
_CACHE: dict[tuple, GGUFInfo] = {}
_CACHE_SIZE = 64


def read_gguf(path: str | Path) -> GGUFInfo:
    """Read and check a GGUF file's header; raise NotAModelFile with a clear reason."""
    try:
        st = Path(path).stat()
        key = (str(path), st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)
    except OSError:
        key = None  # _read_gguf explains what is wrong with the path
    info = _CACHE.get(key) if key is not None else None
    if info is None:
        info = _read_gguf(path)  # errors are not kept: a file fixed in place is read again
        if key is not None:
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.clear()
            _CACHE[key] = info
    return replace(info, metadata=dict(info.metadata))  # a caller's changes stay its own


def _read_gguf(path: str | Path) -> GGUFInfo:
    path = Path(path)
    shown = path.name
    try:
        file_size = path.stat().st_size
        stream = path.open("rb")
    except FileNotFoundError:
        raise NotAModelFile(f"{path} does not exist. Check the path and try again.") from None
    except IsADirectoryError:
        raise NotAModelFile(f"{path} is a folder, not a model file.") from None
    except OSError as exc:
        raise NotAModelFile(f"Cannot read {path}: {exc.strerror}. Check that you have access to it.") from None

    with stream:
        reader = _Reader(stream)
        head = stream.read(4)
        if head != MAGIC:
            raise NotAModelFile(
                f"{shown} is not a GGUF model file (it does not start with the GGUF signature). "
                "Cove runs models in GGUF format: choose a .gguf file (most open models are "
                "published in GGUF builds)."
            )
        try:
            version = reader.unpack("<I")
            if version not in SUPPORTED_VERSIONS:
                raise NotAModelFile(
                    f"{shown} uses GGUF version {version}, which this version of Cove cannot read "
                    f"(it reads versions {', '.join(map(str, SUPPORTED_VERSIONS))}). "
                    "Try a newer build of the model file or update Cove."
                )
            tensor_count = reader.unpack("<Q")
            kv_count = reader.unpack("<Q")
            if tensor_count > _MAX_COUNT or kv_count > _MAX_COUNT:
                raise ValueError("implausible tensor or metadata counts")
            metadata: dict = {}
            for _ in range(kv_count):
                key = reader.string()
                vtype = reader.unpack("<I")
                keep = key in _KEPT_SCALAR_KEYS or key.endswith(_KEPT_SUFFIXES)
                value = reader.value(vtype, keep)
                if keep:
                    metadata[key] = value
            data_end = _tensor_data_end(reader, tensor_count, metadata)
        except _Truncated:
            raise NotAModelFile(
                f"{shown} is incomplete: the file ends inside its header. It was probably cut short "
                "while downloading or copying. Download it again."
            ) from None
        except (ValueError, UnicodeDecodeError, struct.error) as exc:
            raise NotAModelFile(
                f"{shown} is damaged: its GGUF header cannot be read ({exc}). Download it again."
            ) from None

    split_count = int(metadata.get("split.count", 1) or 1)
    if tensor_count == 0 and split_count <= 1:
        raise NotAModelFile(f"{shown} holds no model weights (no tensors). Download a complete model file.")
    if data_end > file_size:
        missing = data_end - file_size
        raise NotAModelFile(
            f"{shown} is incomplete: {human_size(missing)} of model data are missing "
            f"({human_size(file_size)} of {human_size(data_end)}). It was probably cut short "
            "while downloading or copying. Download it again."
        )
    return GGUFInfo(path=path, version=version, tensor_count=tensor_count,
                    metadata=metadata, file_size=file_size)


def _tensor_data_end(reader: _Reader, tensor_count: int, metadata: dict) -> int:
    """Read the tensor table and return the byte offset where the last tensor ends."""
    furthest = 0
    for _ in range(tensor_count):
        reader.skip_string()  # tensor name
        n_dims = reader.unpack("<I")
        if n_dims > _MAX_DIMS:
            raise ValueError(f"a tensor claims {n_dims} dimensions")
        elements = 1
        for _ in range(n_dims):
            elements *= reader.unpack("<Q")
        ggml_type = reader.unpack("<I")
        offset = reader.unpack("<Q")
        block = GGML_BLOCK_SIZES.get(ggml_type)
        size = (elements // block[0]) * block[1] if block else 0
        furthest = max(furthest, offset + size)
    alignment = int(metadata.get("general.alignment", DEFAULT_ALIGNMENT) or DEFAULT_ALIGNMENT)
    header_end = reader.stream.tell()
    data_start = -(-header_end // alignment) * alignment
    return data_start + furthest if tensor_count else header_end
