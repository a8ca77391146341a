"""The server's request checks and answer shapes, without a model or a server."""

import base64
import struct

import pytest

from app.server import api
from app.server.api import ApiError


def chat(**fields):
    return api.parse_chat({"model": "smollm2", "messages": [{"role": "user", "content": "Hi"}], **fields})


def refused(parse, body) -> ApiError:
    before = repr(body)
    with pytest.raises(ApiError) as caught:
        parse(body)
    assert repr(body) == before  # the request is never changed by checking it
    assert caught.value.status == 400 and caught.value.body()["error"]["type"] == "invalid_request_error"
    return caught.value


def test_a_chat_request_keeps_roles_text_and_only_the_sampling_asked_for():
    parsed = api.parse_chat({
        "model": " smollm2 ", "stream": True, "stream_options": {"include_usage": True},
        "messages": [{"role": "developer", "content": "Be brief."},
                     {"role": "user", "content": [{"type": "text", "text": "Hi "}, {"type": "text", "text": "there"}]},
                     {"role": "assistant", "content": None}],
        "temperature": 0, "top_p": 0.5, "max_tokens": 10, "max_completion_tokens": 7, "stop": "END", "seed": -1,
        "user": "ignored", "n": 1, "tools": [], "response_format": {"type": "text"}})
    assert parsed.model == "smollm2" and parsed.stream and parsed.include_usage
    assert parsed.messages == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi there"},
                               {"role": "assistant", "content": ""}]
    assert parsed.sampling == {"temperature": 0.0, "top_p": 0.5, "max_tokens": 7, "stop": ["END"], "seed": 2**31 - 1}
    assert chat().sampling == {} and not chat().stream


@pytest.mark.parametrize("fields, param", [
    ({"temperature": 2.5}, "temperature"), ({"temperature": "hot"}, "temperature"), ({"top_p": 1.5}, "top_p"),
    ({"max_tokens": 0}, "max_tokens"), ({"max_tokens": 10**9}, "max_tokens"), ({"max_tokens": 1.5}, "max_tokens"),
    ({"max_completion_tokens": True}, "max_completion_tokens"), ({"seed": "1"}, "seed"),
    ({"stop": ["a", "b", "c", "d", "e"]}, "stop"), ({"stop": [""]}, "stop"), ({"stop": 3}, "stop"),
    ({"n": 2}, "n"), ({"tools": [{"type": "function"}]}, "tools"), ({"logprobs": True}, "logprobs"),
    ({"response_format": {"type": "json_object"}}, "response_format"), ({"stream": "yes"}, "stream"),
    ({"stream_options": "usage"}, "stream_options"), ({"model": ""}, "model"), ({"model": 3}, "model"),
    ({"messages": []}, "messages"), ({"messages": "Hi"}, "messages"), ({"messages": ["Hi"]}, "messages[0]"),
    ({"messages": [{"role": "tool", "content": "x"}]}, "messages[0].role"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]}, "messages[0].content"),
    ({"messages": [{"role": "user", "content": 5}]}, "messages[0].content"),
    ({"top_k": -1}, "top_k"), ({"repeat_penalty": 9}, "repeat_penalty"),
])
def test_a_bad_chat_field_is_a_400_naming_it(fields, param):
    body = {"model": "smollm2", "messages": [{"role": "user", "content": "Hi"}], **fields}
    error = refused(api.parse_chat, body)
    assert error.param == param and param.split("[")[0].split(".")[0] in error.message


def test_a_body_that_is_not_an_object_is_refused():
    for body in ([], "text", None, 3):
        assert refused(api.parse_chat, body).code == "invalid_json"


def test_a_completion_takes_one_prompt_and_embeddings_one_or_more_texts():
    assert api.parse_completion({"model": "m", "prompt": ["Once"], "max_tokens": 3}).prompt == "Once"
    for prompt in ("", ["a", "b"], [1, 2], None):
        assert refused(api.parse_completion, {"model": "m", "prompt": prompt}).param == "prompt"
    assert refused(api.parse_completion, {"model": "m", "prompt": "x", "echo": True}).param == "echo"
    assert api.parse_embeddings({"model": "e", "input": "one"}).texts == ["one"]
    assert api.parse_embeddings({"model": "e", "input": ["a", "b"], "dimensions": 384}).dimensions == 384
    for bad in ([], [1, 2], [[1, 2]], None, ["x"] * (api.MAX_EMBED_INPUTS + 1)):
        assert refused(api.parse_embeddings, {"model": "e", "input": bad}).param == "input"
    assert refused(api.parse_embeddings, {"model": "e", "input": "x", "encoding_format": "int8"}).param == \
        "encoding_format"
    as_base64 = api.parse_embeddings({"model": "e", "input": "x", "encoding_format": "base64"})
    packed = api.embeddings_answer("e", [[0.5, -1.0]], 0, as_base64.base64)["data"][0]["embedding"]
    assert struct.unpack("<2f", base64.b64decode(packed)) == (0.5, -1.0)


def test_answers_have_openais_shape():
    stats = {"prompt_tokens": 5, "completion_tokens": 3}
    answer = api.chat_answer("chatcmpl-1", "m", "Hello", "length", stats)
    assert answer["choices"][0]["message"] == {"role": "assistant", "content": "Hello"}
    assert answer["choices"][0]["finish_reason"] == "length" and answer["usage"]["total_tokens"] == 8
    assert "prompt_tokens_details" not in answer["usage"]
    assert api.usage({**stats, "processed_tokens": 2})["prompt_tokens_details"] == {"cached_tokens": 3}
    assert api.chat_chunk("c", "m", {"content": "x"})["choices"][0]["finish_reason"] is None
    usage_chunk = api.chat_chunk("c", "m", None, stats=stats)
    assert usage_chunk["choices"] == [] and usage_chunk["usage"]["completion_tokens"] == 3
    assert api.completion_answer("c", "m", "x", "user", stats)["choices"][0]["finish_reason"] == "stop"
    assert api.embeddings_answer("e", [[1.0], [0.0]], 0)["data"][1] == {"object": "embedding", "index": 1,
                                                                        "embedding": [0.0]}
    error = ApiError(429, "Busy.", None, "rate_limit_exceeded").body()
    assert error == {"error": {"message": "Busy.", "type": "rate_limit_error", "param": None,
                               "code": "rate_limit_exceeded"}}
