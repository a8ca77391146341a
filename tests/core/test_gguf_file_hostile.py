"""Hostile GGUF headers: every number is range-checked, refusals are short and human.

The headers are written by hand, byte by byte, so that each one says exactly the
one impossible thing under test.
"""

import os
import re
import struct
import threading
from pathlib import Path

import pytest

from app.core.errors import NotAModelFile
from app.core.gguf_file import read_gguf

U32, I32, F32, STRING, U64 = 4, 5, 6, 8, 10


def text(s: str | bytes) -> bytes:
    data = s.encode() if isinstance(s, str) else s
    return struct.pack("<Q", len(data)) + data


def kv(key: str, vtype: int, payload: bytes) -> bytes:
    return text(key) + struct.pack("<I", vtype) + payload


def tensor(name: str, dims: list[int], ggml_type: int = 0, offset: int = 0) -> bytes:
    return (text(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
            + struct.pack("<IQ", ggml_type, offset))


ARCH = kv("general.architecture", STRING, text("llama"))
ONE_TENSOR = [tensor("w", [8])]


def header(kvs=(ARCH,), tensors=ONE_TENSOR, version=3, n_tensors=None, n_kv=None, pad=64) -> bytes:
    return (b"GGUF" + struct.pack("<IQQ", version, len(tensors) if n_tensors is None else n_tensors,
                                  len(kvs) if n_kv is None else n_kv)
            + b"".join(kvs) + b"".join(tensors) + b"\0" * pad)


def refusal(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "hostile.gguf"
    path.write_bytes(data)
    with pytest.raises(NotAModelFile) as caught:
        read_gguf(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert not re.search(r"\d{8,}", message), message  # human units, never a 20- or 141-digit number
    return message


def test_the_well_formed_base_header_is_accepted(tmp_path):
    path = tmp_path / "ok.gguf"
    path.write_bytes(header())
    info = read_gguf(path)
    assert (info.architecture, info.tensor_count) == ("llama", 1)


HOSTILE = {
    "tensor count near 2^63": (header(n_tensors=2**63 - 1), r"damaged \(declares 9\.2 quintillion tensors\)"),
    "metadata count 2^64-1": (header(n_kv=2**64 - 1), r"damaged \(declares 18\.4 quintillion metadata"),
    "9.2 EB of tensor data": (header(tensors=[tensor("w", [8], offset=2**63 - 32)]),
                              r"damaged \(declares 9\.2 EB of tensors\)"),
    "dimensions that overflow": (header(tensors=[tensor("w", [2**62, 2**62, 2**62, 2**62])]),
                                 r"damaged \(tensor 'w' declares .* values\)"),
    "a dimension near 2^64": (header(tensors=[tensor("w", [2**64 - 1])]), r"declares 18\.4 quintillion values"),
    "five dimensions": (header(tensors=[tensor("w", [1] * 5)]), r"declares 5 dimensions"),
    "a text field near 2^64": (header(kvs=[ARCH, struct.pack("<Q", 2**64 - 1)]), r"a text field declares 18\.4 EB"),
    "an array near 2^64": (header(kvs=[ARCH, text("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, 2**64 - 1)]),
                           r"an array declares 18\.4 quintillion items"),
    "infinite alignment": (header(kvs=[ARCH, kv("general.alignment", F32, struct.pack("<f", float("inf")))]),
                           r"general\.alignment must be a power-of-two whole number, not inf"),
    "text alignment": (header(kvs=[ARCH, kv("general.alignment", STRING, text("32"))]),
                       r"general\.alignment must be a power-of-two"),
    "alignment of 3": (header(kvs=[ARCH, kv("general.alignment", U32, struct.pack("<I", 3))]),
                       r"general\.alignment must be a power-of-two whole number, not 3"),
    "alignment of 0": (header(kvs=[ARCH, kv("general.alignment", U32, struct.pack("<I", 0))]),
                       r"general\.alignment must be"),
    "alignment as UINT64": (header(kvs=[ARCH, kv("general.alignment", U64, struct.pack("<Q", 32))]),
                            r"general\.alignment must be"),
    "duplicate key": (header(kvs=[ARCH, ARCH]), r"the key 'general\.architecture' appears twice"),
    "duplicate tensor": (header(tensors=[tensor("w", [8]), tensor("w", [8], offset=32)]),
                         r"two tensors are named 'w'"),
    "text context length": (header(kvs=[ARCH, kv("llama.context_length", STRING, text("8k"))]),
                            r"llama\.context_length should be a whole number"),
    "negative context length": (header(kvs=[ARCH, kv("llama.context_length", I32, struct.pack("<i", -1))]),
                                r"llama\.context_length declares -1"),
    "huge split count": (header(kvs=[ARCH, kv("split.count", U64, struct.pack("<Q", 2**63))]),
                         r"split\.count declares 9\.2 quintillion"),
    "float architecture": (header(kvs=[kv("general.architecture", F32, struct.pack("<f", 1.0))]),
                           r"general\.architecture should be text"),
    "misaligned tensor": (header(tensors=[tensor("w", [8], offset=3)]), r"not aligned to 32 bytes"),
    "unknown tensor type": (header(tensors=[tensor("w", [8], ggml_type=2**32 - 1)]), r"has unknown type 4\.3 billion"),
    "partial block": (header(tensors=[tensor("w", [33], ggml_type=2)]), r"not whole blocks"),
    "long tensor name": (header(tensors=[tensor("w" * 64, [8])]), r"tensor name declares 64 bytes"),
    "nested array": (header(kvs=[ARCH, text("x") + struct.pack("<IIQ", 9, 9, 1)]), r"unknown type 9"),
    "nonsense version": (header(version=2**32 - 7), r"uses an unknown GGUF version"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_header_is_refused_in_human_terms(tmp_path, case):
    data, expected = HOSTILE[case]
    assert re.search(expected, refusal(tmp_path, data)), case


def test_big_endian_file_is_named_as_such(tmp_path):
    data = b"GGUF" + struct.pack(">IQQ", 3, 1, 1) + b"\0" * 64
    message = refusal(tmp_path, data)
    assert "big-endian GGUF files are not supported" in message
    assert "version" not in message


def _read_within(path: Path, seconds: float = 5.0) -> str:
    """read_gguf in a thread, so that a hang fails the test instead of freezing it."""
    result: list = []

    def run():
        try:
            read_gguf(path)
            result.append("accepted")
        except NotAModelFile as exc:
            result.append(str(exc))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"read_gguf({path}) still running after {seconds} s"
    return result[0]


def test_fifo_named_gguf_is_refused_without_reading_it(tmp_path):
    fifo = tmp_path / "model.gguf"
    os.mkfifo(fifo)
    assert _read_within(fifo) == f"{fifo} is a named pipe, not a model file. Choose a .gguf file."


def test_device_folder_and_empty_file_are_refused(tmp_path):
    assert _read_within(Path(os.devnull)) == f"{os.devnull} is a device, not a model file. Choose a .gguf file."
    assert "is a folder" in _read_within(tmp_path)
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    assert _read_within(empty) == "empty.gguf is empty (0 bytes): it is not a GGUF model file. Download it again."


def test_a_file_fixed_in_place_is_read_again(tmp_path):
    path = tmp_path / "m.gguf"
    path.write_bytes(header(kvs=[ARCH, ARCH]))
    with pytest.raises(NotAModelFile, match="appears twice"):
        read_gguf(path)
    path.write_bytes(header())
    assert read_gguf(path).architecture == "llama"
