"""The engine turns llama.cpp's extra buffers off where they crash (Intel AMX)."""

from app.engine import cpu_quirks

AMX_INFO = "CPU : SSE3 = 1 | AVX2 = 1 | AVX512 = 1 | AMX_INT8 = 1 | REPACK = 1 |"
PLAIN_INFO = "CPU : SSE3 = 1 | AVX2 = 1 | REPACK = 1 |"


def test_extra_buffers_are_off_where_amx_is_reported():
    assert cpu_quirks.extra_buffers_allowed(AMX_INFO, environ={}) is False
    assert cpu_quirks.extra_buffers_allowed(PLAIN_INFO, environ={}) is True


def test_the_environment_decides_when_set():
    assert cpu_quirks.extra_buffers_allowed(AMX_INFO, environ={cpu_quirks.ENV: "1"}) is True
    assert cpu_quirks.extra_buffers_allowed(PLAIN_INFO, environ={cpu_quirks.ENV: "0"}) is False
    assert cpu_quirks.extra_buffers_allowed(PLAIN_INFO, environ={cpu_quirks.ENV: "maybe"}) is True


class _Params:
    use_extra_bufts = True


class _LowLevel:
    @staticmethod
    def llama_model_default_params():
        return _Params()


class _LlamaCpp:
    llama_cpp = _LowLevel

    def __init__(self, info: str):
        self.info = info

    def llama_print_system_info(self):
        return self.info.encode()


def test_apply_changes_the_defaults_every_model_starts_from(monkeypatch):
    monkeypatch.delenv(cpu_quirks.ENV, raising=False)
    fake = _LlamaCpp(AMX_INFO)
    assert cpu_quirks.apply(fake) is False
    assert _LowLevel.llama_model_default_params().use_extra_bufts is False
    fake.info = PLAIN_INFO  # applying again wraps the original, not the wrapper
    assert cpu_quirks.apply(fake) is True
    assert _LowLevel.llama_model_default_params().use_extra_bufts is True
