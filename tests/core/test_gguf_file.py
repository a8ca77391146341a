import struct

import pytest

from app.core.errors import NotAModelFile
from app.core.gguf_file import GGML_BLOCK_SIZES, read_gguf


def test_real_model_header(smollm2):
    info = read_gguf(smollm2)
    assert info.version == 3
    assert info.architecture == "llama"
    assert info.context_length == 8192
    assert info.tensor_count > 100
    assert "<|im_start|>" in info.chat_template


@pytest.mark.parametrize("keep", [4, 24, 1_000_000, 60_000_000])
def test_truncated_model_is_refused_as_incomplete(smollm2, tmp_path, keep):
    cut = tmp_path / "cut.gguf"
    with smollm2.open("rb") as f:
        cut.write_bytes(f.read(keep))
    with pytest.raises(NotAModelFile, match="incomplete"):
        read_gguf(cut)


def test_missing_last_bytes_are_noticed(smollm2, tmp_path):
    cut = tmp_path / "almost.gguf"
    data = smollm2.read_bytes()
    cut.write_bytes(data[:-100])
    with pytest.raises(NotAModelFile, match="100 bytes of model data are missing"):
        read_gguf(cut)


def test_text_file_named_gguf_is_refused(tmp_path):
    fake = tmp_path / "model.gguf"
    fake.write_text("<html>Sign in to download this model</html>")
    with pytest.raises(NotAModelFile, match="not a GGUF model file"):
        read_gguf(fake)


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.gguf"
    empty.write_bytes(b"")
    with pytest.raises(NotAModelFile, match="not a GGUF"):
        read_gguf(empty)
    with pytest.raises(NotAModelFile, match="does not exist"):
        read_gguf(tmp_path / "nope.gguf")
    with pytest.raises(NotAModelFile, match="folder"):
        read_gguf(tmp_path)


def test_unknown_version_and_garbage_counts(tmp_path):
    future = tmp_path / "future.gguf"
    future.write_bytes(b"GGUF" + struct.pack("<IQQ", 99, 1, 1))
    with pytest.raises(NotAModelFile, match="version 99"):
        read_gguf(future)
    garbage = tmp_path / "garbage.gguf"
    garbage.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 2**60, 2**60) + b"\0" * 64)
    with pytest.raises(NotAModelFile, match="damaged"):
        read_gguf(garbage)


def test_block_sizes_match_ggml():
    """Our table of ggml type sizes agrees with llama.cpp's own gguf package."""
    from gguf.constants import GGML_QUANT_SIZES

    for ggml_type, (block, size) in GGML_BLOCK_SIZES.items():
        assert GGML_QUANT_SIZES[ggml_type] == (block, size), ggml_type


def _write_small_model(path, context_length=512):
    import numpy as np
    from gguf import GGUFWriter

    writer = GGUFWriter(str(path), "llama")
    writer.add_context_length(context_length)
    writer.add_tensor("a", np.zeros((4, 32), dtype=np.float32))
    writer.add_tensor("b", np.ones(7, dtype=np.float16))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def test_small_file_written_by_gguf_package(tmp_path):
    path = _write_small_model(tmp_path / "tiny.gguf")
    info = read_gguf(path)
    assert (info.architecture, info.context_length, info.tensor_count) == ("llama", 512, 2)
    data = path.read_bytes()
    path.write_bytes(data[:-20])  # past the 18 bytes of end padding, into tensor b
    with pytest.raises(NotAModelFile, match="incomplete"):
        read_gguf(path)


def test_a_header_read_in_another_process_is_used_while_the_file_is_unchanged(tmp_path, monkeypatch):
    import os
    import pickle

    from app.core import gguf_file

    path = _write_small_model(tmp_path / "m.gguf", context_length=777)
    assert gguf_file.known_header(path) is None  # not read yet
    read_gguf(path)
    sent = pickle.loads(pickle.dumps(gguf_file.known_header(path)))  # as the Load message carries it
    gguf_file._CACHE.clear()  # the engine's process: it has read nothing
    reads = []
    real = gguf_file._read_gguf
    monkeypatch.setattr(gguf_file, "_read_gguf", lambda p: reads.append(p) or real(p))
    gguf_file.remember_header(sent)
    assert read_gguf(path).context_length == 777 and reads == []
    os.utime(path, ns=(1, 1))  # changed since the app read it: read again, not taken on trust
    assert read_gguf(path).context_length == 777 and reads == [path]
    gguf_file.remember_header((("x",), "not a header"))  # anything else is ignored
    assert ("x",) not in gguf_file._CACHE
