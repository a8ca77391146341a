"""The Hub address and the offline switch: one reading of each, shared by every caller."""

import pytest

from app.core import endpoints
from app.core.hub import Hub


@pytest.mark.parametrize("value, offline", [
    ("1", True), ("ON", True), ("on", True), ("Yes", True), ("TRUE", True), ("true", True), (" 1 ", True),
    ("0", False), ("off", False), ("no", False), ("false", False), ("", False), ("2", False)])
def test_hf_hub_offline_is_read_as_huggingface_hub_reads_it(monkeypatch, value, offline):
    from huggingface_hub.constants import _is_true

    monkeypatch.setenv("HF_HUB_OFFLINE", value)
    assert endpoints.offline_from_env() is offline is _is_true(value.strip())
    assert Hub("http://127.0.0.1:9").offline is offline


def test_an_unset_hf_hub_offline_is_online(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    assert endpoints.offline_from_env() is False


@pytest.mark.parametrize("url", ["https://huggingface.co", "http://127.0.0.1:8080", "https://hub.corp/hf",
                                 "http://[::1]:8080"])
def test_plain_web_addresses_are_valid(url):
    assert endpoints.valid_endpoint(url)


@pytest.mark.parametrize("url", ["", "huggingface.co", "ftp://x", "http://x:70000", "http://x:abc", "http://",
                                 "https://a b", "https://a\x00b", "https://a.com#frag", "http://u:p@a.com",
                                 "https://a.com\\@evil.com", 5, None])
def test_other_addresses_are_not(url):
    assert not endpoints.valid_endpoint(url)


def test_a_bad_hf_endpoint_is_one_message(monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://x:99999")
    with pytest.raises(endpoints.EndpointError, match="is not a web address"):
        endpoints.resolve_endpoint("")
