"""Check that a file is a GGUF model before it reaches llama.cpp.

llama.cpp given a file that is not a model, or a model cut short by a broken
download, fails deep inside native code with messages no user can act on (or, for
some damage, crashes). Reading the header here is cheap (the metadata is a few MB
at most) and lets Cove refuse a bad file with a message that says what to do.

The reader follows the GGUF specification (versions 2 and 3): magic, version,
tensor and metadata counts, the metadata key/value pairs, then the tensor table.
From the tensor table we know how long the file must be, which catches truncated
downloads whose header is intact.

The header is hostile input: every number in it is range-checked before it is used
(a count near 2**64 is refused, not allocated or printed), what llama.cpp refuses is
refused here too (duplicate keys, an alignment that is not a power-of-two UINT32), and
a FIFO, device or empty file is refused before a single byte is read from it.
"""

from __future__ import annotations

import os
import stat as stat_mod
import struct
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from app.core.errors import NotAModelFile
from app.core.i18n import _
from app.core.units import human_count, human_size

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
# vocabulary alone can be hundreds of thousands of strings). Each kept key has the
# type llama.cpp expects of it; a file that gives another is damaged.
_KEPT_TEXT = {"general.architecture", "general.name", "general.basename", "general.size_label",
              "tokenizer.chat_template"}
_KEPT_INTEGER = {"general.alignment", "general.file_type", "split.count", "split.no"}

# Per-architecture numbers ("llama.block_count"…) that size the context and the KV cache.
_KEPT_SUFFIXES = (".context_length", ".block_count", ".embedding_length", ".attention.head_count",
                  ".attention.head_count_kv", ".attention.key_length", ".attention.value_length",
                  ".pooling_type")  # an embedding model's (app/core/notes/embedding.py)

# Upper bounds that no real file reaches; beyond them the header is garbage.
_MAX_COUNT = 1 << 24
_MAX_STRING = 64 << 20
_MAX_NAME = 63             # GGML_MAX_NAME - 1
_MAX_DIMS = 4              # GGML_MAX_DIMS
_MAX_ELEMENTS = (1 << 63) - 1
_MAX_TYPE = 63             # ggml type ids beyond any llama.cpp knows
_MAX_TENSOR_DATA = 1 << 50  # 1.1 PB: the largest published models are ~1 TB
_INTEGER_TYPES = {0, 1, 2, 3, 4, 5, 10, 11}
_UINT32 = 4
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
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def chat_template(self) -> str | None:
        return self.metadata.get("tokenizer.chat_template")

    @property
    def split_count(self) -> int:
        return int(self.metadata.get("split.count", 1) or 1)


class _Truncated(Exception):
    pass


class _Damaged(Exception):
    """The header says something no real model file says; the message says what, in human units."""


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


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

    def _length(self, limit: int = _MAX_STRING) -> int:
        length = self.unpack("<Q")
        if length > limit:
            raise _Damaged(_("a text field declares {length_size}").format(length_size=human_size(length)) if limit == _MAX_STRING
                           else _("a tensor name declares {length_size}; the limit is {limit} bytes").format(length_size=human_size(length), limit=limit))
        return length

    def string(self, limit: int = _MAX_STRING) -> str:
        return self.take(self._length(limit)).decode("utf-8", errors="replace")

    def skip_string(self) -> None:
        self.stream.seek(self._length(), 1)

    def skip_strings(self, count: int) -> None:
        """skip_string() count times, walking 1 MB blocks (a vocabulary has 100,000s of strings)."""
        stream, unpack_from = self.stream, _U64.unpack_from
        buf, pos = b"", 0
        for _index in range(count):
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
                raise _Damaged(_("a text field declares {length_size}").format(length_size=human_size(length)))
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
                raise _Damaged(_("an array declares {number} items").format(number=human_count(count)))
            if item_type in _SCALARS:
                self.stream.seek(struct.calcsize(_SCALARS[item_type]) * count, 1)
            elif item_type == _STRING:
                self.skip_strings(count)
            else:
                raise _Damaged(_("an array holds values of unknown type {number}").format(number=human_count(item_type)))
            return None
        raise _Damaged(_("a value has unknown type {number}").format(number=human_count(vtype)))


def _checked(key: str, vtype: int, value):
    """A kept metadata value, once its type and range are what llama.cpp expects."""
    if key == "general.alignment":
        # llama.cpp: a UINT32, non-zero power of two; anything else and it refuses the file.
        if vtype != _UINT32 or value <= 0 or value & (value - 1):
            raise _Damaged(_("general.alignment must be a power-of-two whole number, not {value}").format(value=_short(value)))
        return value
    if key in _KEPT_TEXT:
        if vtype != _STRING:
            raise _Damaged(_("{key} should be text").format(key=key))
        return value
    if value is None and key not in _KEPT_INTEGER:
        return None  # an array: a per-layer value
    if vtype not in _INTEGER_TYPES:
        raise _Damaged(_("{key} should be a whole number, not {value}").format(key=key, value=_short(value)))
    if not 0 <= value <= 0xFFFFFFFF:
        raise _Damaged(_("{key} declares {number}").format(key=key, number=human_count(value)))
    return value


# Headers already read, by path and the file's identity on disk (size, mtime, ctime, inode):
# the window checks the current model on every send and model change, and a large
# vocabulary takes ~50 ms of Python to step over, too long for the GUI thread
# (benchmarks/ui_latency.py). A file changed on disk has another key and is read again.
_CACHE: dict[tuple, GGUFInfo] = {}
_CACHE_SIZE = 64


def _identity(path: str | Path) -> tuple | None:
    try:
        st = Path(path).stat()
    except OSError:
        return None  # _read_gguf explains what is wrong with the path
    return (str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def known_header(path: str | Path) -> tuple | None:
    """The header read_gguf() has already read from this file as it is now, with the file's
    identity, for remember_header() in another process; None if it has not read it."""
    key = _identity(path)
    info = _CACHE.get(key) if key is not None else None
    return (key, info) if info is not None else None


def remember_header(known: tuple) -> None:
    """Take a header another process read (known_header()): the engine need not step over the
    vocabulary again (about 30 ms of `cove chat`'s first word). Kept under the file's identity as
    it was read, so a file changed or replaced since is read again, not taken on trust."""
    key, info = known
    if isinstance(info, GGUFInfo) and isinstance(key, tuple) and len(key) == 6:
        _keep(key, info)


def _keep(key: tuple, info: GGUFInfo) -> None:
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = info


def read_gguf(path: str | Path) -> GGUFInfo:
    """Read and check a GGUF file's header; raise NotAModelFile with a clear reason."""
    key = _identity(path)
    info = _CACHE.get(key) if key is not None else None
    if info is None:
        info = _read_gguf(path)  # errors are not kept: a file fixed in place is read again
        if key is not None:
            _keep(key, info)
    return replace(info, metadata=dict(info.metadata))  # a caller's changes stay its own


def N_(message: str) -> str:
    """Marks a message for translators; it is translated where it is shown."""
    return message


_KINDS = ((stat_mod.S_ISFIFO, N_("a named pipe")), (stat_mod.S_ISCHR, N_("a device")),
          (stat_mod.S_ISBLK, N_("a device")), (stat_mod.S_ISSOCK, N_("a socket")))


def _refuse_irregular(path: Path, st: os.stat_result) -> None:
    if stat_mod.S_ISDIR(st.st_mode):
        raise NotAModelFile(_("{path} is a folder, not a model file.").format(path=path))
    if not stat_mod.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), N_("not a regular file"))
        raise NotAModelFile(_("{path} is {kind}, not a model file. Choose a .gguf file.").format(path=path, kind=_(kind)))
    if st.st_size == 0:
        raise NotAModelFile(_("{name} is empty (0 bytes): it is not a GGUF model file. Download it again.").format(
            name=path.name))


def open_regular(path: str | Path) -> tuple[BinaryIO, os.stat_result]:
    """Open a model file for reading, refusing anything but a non-empty regular file first.

    A FIFO or a device named .gguf would block or never end when read (and hashed);
    it is refused from its stat, and the open itself cannot block (O_NONBLOCK), so a
    file swapped for a FIFO between the two is caught by the second check.
    """
    path = Path(path)
    try:
        _refuse_irregular(path, path.stat())
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise NotAModelFile(_("{path} does not exist. Check the path and try again.").format(path=path)) from None
    except IsADirectoryError:
        raise NotAModelFile(_("{path} is a folder, not a model file.").format(path=path)) from None
    except OSError as exc:
        raise NotAModelFile(_("Cannot read {path}: {reason}. Check that you have access to it.").format(
            path=path, reason=exc.strerror)) from None
    try:
        st = os.fstat(fd)
        _refuse_irregular(path, st)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), st
    except BaseException:
        os.close(fd)
        raise


def _read_gguf(path: str | Path) -> GGUFInfo:
    path = Path(path)
    shown = path.name
    stream, st = open_regular(path)
    file_size = st.st_size

    with stream:
        reader = _Reader(stream)
        head = stream.read(4)
        if head != MAGIC:
            raise NotAModelFile(_(
                "{name} is not a GGUF model file (it does not start with the GGUF signature). "
                "Cove runs models in GGUF format: choose a .gguf file (most open models are "
                "published in GGUF builds)."
            ).format(name=shown))
        try:
            version = reader.unpack("<I")
            if version and not version & 0xFFFF:  # llama.cpp's test: the bytes of 2 or 3, swapped
                raise NotAModelFile(_("{name} is a big-endian GGUF file; big-endian GGUF files are not "
                                      "supported. Download the ordinary (little-endian) build of the model.").format(
                                          name=shown))
            if version not in SUPPORTED_VERSIONS:
                said = (_("GGUF version {version}").format(version=version) if version < 1000
                        else _("an unknown GGUF version"))
                raise NotAModelFile(_(
                    "{name} uses {version}, which this version of Cove cannot read "
                    "(it reads versions {supported}). "
                    "Try a newer build of the model file or update Cove."
                ).format(name=shown, version=said, supported=", ".join(map(str, SUPPORTED_VERSIONS))))
            tensor_count = reader.unpack("<Q")
            kv_count = reader.unpack("<Q")
            for count, what in ((tensor_count, "tensors"), (kv_count, "metadata entries")):
                if count > _MAX_COUNT:
                    raise _Damaged(_("declares {number} {what}").format(number=human_count(count), what=what))
            metadata: dict = {}
            seen: set[str] = set()
            for _index in range(kv_count):
                key = reader.string()
                if key in seen:  # llama.cpp refuses the file: which value would count?
                    raise _Damaged(_("the key {name} appears twice").format(name=_short(key)))
                seen.add(key)
                vtype = reader.unpack("<I")
                keep = key in _KEPT_TEXT or key in _KEPT_INTEGER or key.endswith(_KEPT_SUFFIXES)
                value = reader.value(vtype, keep)
                if keep:
                    metadata[key] = _checked(key, vtype, value)
            data_start, data_size = _tensor_data(reader, tensor_count,
                                                 metadata.get("general.alignment", DEFAULT_ALIGNMENT))
        except _Truncated:
            raise NotAModelFile(_(
                "{name} is incomplete: the file ends inside its header. It was probably cut short "
                "while downloading or copying. Download it again."
            ).format(name=shown)) from None
        except _Damaged as exc:
            raise NotAModelFile(_("{name} is damaged ({reason}). Download it again, or choose another model.").format(
                name=shown, reason=exc)) from None
        except (ValueError, UnicodeDecodeError, struct.error) as exc:
            raise NotAModelFile(_(
                "{name} is damaged: its GGUF header cannot be read ({reason}). Download it again."
            ).format(name=shown, reason=exc)) from None

    if data_size > _MAX_TENSOR_DATA:
        raise NotAModelFile(_("{name} is damaged (declares {size} of tensors). "
                              "Download it again, or choose another model.").format(name=shown, size=human_size(data_size)))
    split_count = int(metadata.get("split.count", 1) or 1)
    if tensor_count == 0 and split_count <= 1:
        raise NotAModelFile(_("{name} holds no model weights (no tensors). Download a complete model file.").format(
            name=shown))
    data_end = data_start + data_size
    if data_end > file_size:
        missing = data_end - file_size
        raise NotAModelFile(_(
            "{name} is incomplete: {missing} of model data are missing "
            "({size} of {expected}). It was probably cut short "
            "while downloading or copying. Download it again."
        ).format(name=shown, missing=human_size(missing), size=human_size(file_size), expected=human_size(data_end)))
    return GGUFInfo(path=path, version=version, tensor_count=tensor_count,
                    metadata=metadata, file_size=file_size)


def _tensor_data(reader: _Reader, tensor_count: int, alignment: int) -> tuple[int, int]:
    """Read the tensor table; return where tensor data starts and how far past that the last one ends."""
    furthest = 0
    names: set[str] = set()
    for _index in range(tensor_count):
        name = reader.string(_MAX_NAME)
        if name in names:  # llama.cpp refuses duplicate tensor names
            raise _Damaged(_("two tensors are named {name}").format(name=_short(name)))
        names.add(name)
        n_dims = reader.unpack("<I")
        if n_dims > _MAX_DIMS:
            raise _Damaged(_("tensor {name} declares {number} dimensions").format(name=_short(name), number=human_count(n_dims)))
        dims = [reader.unpack("<Q") for _dim in range(n_dims)]
        elements = 1
        for dim in dims:
            elements *= dim
            if dim > _MAX_ELEMENTS or elements > _MAX_ELEMENTS:
                raise _Damaged(_("tensor {name} declares {number} values").format(name=_short(name), number=human_count(elements)))
        ggml_type = reader.unpack("<I")
        if ggml_type > _MAX_TYPE:
            raise _Damaged(_("tensor {name} has unknown type {number}").format(name=_short(name), number=human_count(ggml_type)))
        offset = reader.unpack("<Q")
        if offset % alignment:
            raise _Damaged(_("tensor {name} is not aligned to {alignment} bytes").format(name=_short(name), alignment=alignment))
        block = GGML_BLOCK_SIZES.get(ggml_type)
        if block and dims and dims[0] % block[0]:
            raise _Damaged(_("tensor {name} has rows that are not whole blocks of its type").format(name=_short(name)))
        size = (elements // block[0]) * block[1] if block else 0
        furthest = max(furthest, offset + size)
    header_end = reader.stream.tell()
    if not tensor_count:
        return header_end, 0
    return -(-header_end // alignment) * alignment, furthest
