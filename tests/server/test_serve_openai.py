"""The official `openai` client against `cove serve` (a subprocess on 127.0.0.1, the real SmolLM2)."""

import http.client
import json
import os
import signal
import stat
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import openai
import pytest

from app.core import network_log
from tests.server.conftest import MODEL

COUNTING = "1, 2, 3, 4, 5, 6, 7,"  # a prompt SmolLM2 continues for as long as it is let (without a repeat penalty)
PLAIN = {"repeat_penalty": 1.0}   # llama.cpp's own field, which Cove's server accepts like llama-server


def get(url: str, key: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def served_lines():
    return [r for r in network_log.read() if r.purpose.startswith("served ")]


def test_lists_models_and_answers_a_chat_with_usage(serve):
    server = serve()
    client = server.client()
    assert MODEL in [m.id for m in client.models.list()]
    answer = client.chat.completions.create(
        model=MODEL, max_tokens=8, temperature=0,
        messages=[{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Say hello."}])
    choice = answer.choices[0]
    assert choice.message.role == "assistant" and choice.message.content.strip()
    assert choice.finish_reason in ("stop", "length")
    assert 0 < answer.usage.completion_tokens <= 8 and answer.usage.prompt_tokens > 5
    assert answer.usage.total_tokens == answer.usage.prompt_tokens + answer.usage.completion_tokens
    # The request log has the client's address, the model and the counts, never the words.
    line = [r for r in served_lines() if r.purpose.startswith("served chat")][-1]
    assert line.host == "127.0.0.1" and MODEL in line.purpose and line.outcome == "HTTP 200"
    assert f"{answer.usage.prompt_tokens} prompt + {answer.usage.completion_tokens} completion" in line.purpose
    assert "hello" not in network_log.log_path().read_text().lower()


def test_streams_a_chat_with_usage_at_the_end_like_the_whole_answer(serve):
    client = serve().client()
    messages = [{"role": "user", "content": "Name three colours."}]
    whole = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=20, temperature=0)
    chunks = list(client.chat.completions.create(model=MODEL, messages=messages, max_tokens=20, temperature=0,
                                                 stream=True, stream_options={"include_usage": True}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content and text
    assert chunks[0].choices[0].delta.role == "assistant"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == whole.choices[0].finish_reason
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == whole.usage.completion_tokens


def test_stop_sequences_end_the_answer_before_them(serve):
    client = serve().client()
    full = client.completions.create(model=MODEL, prompt=COUNTING, max_tokens=12, temperature=0)
    assert " 9" in full.choices[0].text, full.choices[0].text
    cut = client.completions.create(model=MODEL, prompt=COUNTING, max_tokens=12, temperature=0, stop=[" 9", "zz"])
    assert cut.choices[0].text == full.choices[0].text.split(" 9")[0]
    assert cut.choices[0].finish_reason == "stop" and " 9" not in cut.choices[0].text


def test_max_tokens_and_max_completion_tokens_limit_the_answer(serve):
    client = serve().client()
    first = client.completions.create(model=MODEL, prompt=COUNTING, max_tokens=5, temperature=0)
    assert first.usage.completion_tokens == 5 and first.choices[0].finish_reason == "length"
    chat = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Count to 50."}],
                                          max_completion_tokens=3, temperature=0)
    assert chat.usage.completion_tokens == 3 and chat.choices[0].finish_reason == "length"


def test_the_same_seed_and_temperature_give_the_same_text(serve):
    client = serve().client()
    messages = [{"role": "user", "content": "Tell me a short story about a cat."}]

    def ask(seed):
        return client.chat.completions.create(model=MODEL, messages=messages, max_tokens=24, temperature=1.0,
                                              seed=seed).choices[0].message.content

    first, again = ask(1234), ask(1234)
    assert first == again and first
    assert any(ask(seed) != first for seed in (1, 2, 3))  # the seed is what made them equal


def test_four_clients_at_once_all_get_their_whole_answer(serve):
    server = serve()
    results, errors = {}, []

    def one(n):
        try:
            stream = server.client().chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": f"Write {n} words about the sea."}],
                max_tokens=16, temperature=0.5, seed=n, stream=True, stream_options={"include_usage": True})
            chunks = list(stream)
            results[n] = (chunks[-1].usage.completion_tokens,
                          [c.choices[0].finish_reason for c in chunks if c.choices][-1])
        except Exception as exc:  # reported below with the others
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert errors == [] and sorted(results) == [0, 1, 2, 3]
    assert all(0 < tokens <= 16 and reason in ("stop", "length") for tokens, reason in results.values())
    assert sum(line.outcome == "HTTP 200" for line in served_lines() if "served chat" in line.purpose) == 4


def test_a_client_that_leaves_stops_its_generation(serve):
    server = serve()
    client = server.client()
    whole = client.completions.create(model=MODEL, prompt=COUNTING, max_tokens=300, temperature=0, extra_body=PLAIN)
    assert whole.usage.completion_tokens == 300  # left alone, it writes all 300
    address = urlsplit(server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    connection.request("POST", "/v1/completions", json.dumps(
        {"model": MODEL, "prompt": COUNTING, "max_tokens": 300, "temperature": 0, "stream": True, **PLAIN}),
        {"Content-Type": "application/json"})
    response = connection.getresponse()
    first = response.readline().decode()
    assert response.status == 200 and first.startswith("data: ") and json.loads(first[6:])["choices"]
    connection.sock.close()  # the client goes away mid-answer
    connection.close()
    # The server learns the engine's own count when it stops: far fewer than 300 tokens were written.
    after = client.completions.create(model=MODEL, prompt="Hello", max_tokens=2)  # queued behind it, if it ran on
    assert after.usage.completion_tokens <= 2
    # With parallel slots `after` no longer waits behind it: the stop's report may come a moment later.
    deadline = time.monotonic() + 30
    while not [r for r in served_lines() if r.outcome.startswith("cancelled")] and time.monotonic() < deadline:
        time.sleep(0.1)
    cancelled = [r for r in served_lines() if r.outcome == "cancelled: the client left"]
    assert len(cancelled) == 1, served_lines()
    written = int(cancelled[0].purpose.split(" prompt + ")[1].split()[0])
    assert written < 150, cancelled[0].purpose


def test_a_wrong_or_missing_key_is_refused_with_401(serve, tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("a-long-enough-test-key-1234\n")
    server = serve("--api-key-file", str(key_file))
    with pytest.raises(openai.AuthenticationError) as refused:
        server.client("wrong-key-wrong-key").models.list()
    assert refused.value.status_code == 401 and refused.value.code == "invalid_api_key"
    assert get(server.url + "/v1/models")[0] == 401  # no key at all
    assert MODEL in [m.id for m in server.client("a-long-enough-test-key-1234").models.list()]
    assert [r.outcome for r in served_lines()][:2] == ["HTTP 401", "HTTP 401"]


def test_a_too_large_request_is_refused_with_413_and_the_server_keeps_serving(serve):
    client = serve().client()
    with pytest.raises(openai.APIStatusError) as refused:
        client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "x" * (9 << 20)}])
    assert refused.value.status_code == 413 and refused.value.code == "request_too_large"
    assert client.completions.create(model=MODEL, prompt="Hi", max_tokens=1).usage.completion_tokens == 1


def test_errors_come_in_openais_shape_with_their_status(serve):
    client = serve().client()
    with pytest.raises(openai.NotFoundError) as unknown:
        client.chat.completions.create(model="no-such-model", messages=[{"role": "user", "content": "Hi"}])
    assert unknown.value.code == "model_not_found" and MODEL in unknown.value.message
    with pytest.raises(openai.BadRequestError) as bad:
        client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}], temperature=9)
    assert bad.value.param == "temperature"
    with pytest.raises(openai.BadRequestError) as too_long:  # more than the model's context
        client.completions.create(model=MODEL, prompt="word " * 20_000, max_tokens=4)
    assert "context" in too_long.value.message


def test_elsewhere_than_loopback_a_key_is_made_once_stored_privately_and_required(serve, cove_home):
    server = serve("--host", "0.0.0.0")
    url = server.url.replace("0.0.0.0", "127.0.0.1")
    key_path = cove_home / "server-key"
    key = key_path.read_text().strip()
    assert stat.S_IMODE(os.stat(key_path).st_mode) == 0o600 and len(key) > 30
    assert key in server.stderr  # shown once, when made
    assert get(url + "/v1/models")[0] == 401
    status, text = get(url + "/v1/models", key)
    assert status == 200 and MODEL in text
    assert server.stop() == 0
    again = serve("--host", "0.0.0.0")
    assert key not in again.stderr and str(key_path) in again.stderr and key_path.read_text().strip() == key


def test_ctrl_c_stops_the_server_and_its_engine(serve):
    server = serve()
    server.client().completions.create(model=MODEL, prompt="Hi", max_tokens=1)  # an engine is running
    assert server.stop() == 0
    assert "Stopped." in server.stderr and "Traceback" not in server.stderr


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b)) / (sum(x * x for x in a) * sum(y * y for y in b)) ** 0.5


def test_embeddings_come_from_an_embedding_model_and_only_from_one(serve, minilm, cove_home):
    (cove_home / "models").mkdir(parents=True, exist_ok=True)
    (cove_home / "models" / "minilm.gguf").symlink_to(minilm)
    client = serve().client()
    result = client.embeddings.create(model="minilm", input=["a cat sat", "a cat sat", "stock prices fell"])
    vectors = [d.embedding for d in result.data]
    assert [d.index for d in result.data] == [0, 1, 2] and len(vectors[0]) == 384
    # The same text twice in one batch: llama.cpp's matrix kernels may add a row up in another order by its
    # place in the batch (on an AVX2 EPYC the two vectors differed by 1.5e-5), so alike, not bit for bit.
    assert max(abs(a - b) for a, b in zip(vectors[0], vectors[1])) < 1e-3
    assert cosine(vectors[0], vectors[1]) > 0.9999 > 0.95 > cosine(vectors[0], vectors[2])
    assert abs(sum(x * x for x in vectors[0]) - 1) < 1e-4
    one = client.embeddings.create(model="minilm", input="a cat sat").usage
    assert one.prompt_tokens >= 3 and one.total_tokens == one.prompt_tokens  # [CLS] a cat sat [SEP]: counted
    assert result.usage.prompt_tokens > 2 * one.prompt_tokens and result.usage.total_tokens == result.usage.prompt_tokens
    with pytest.raises(openai.BadRequestError) as chat_model:
        client.embeddings.create(model=MODEL, input="hello")
    assert "not an embedding model" in chat_model.value.message
    with pytest.raises(openai.BadRequestError) as embedding_model:
        client.chat.completions.create(model="minilm", messages=[{"role": "user", "content": "Hi"}])
    assert "embedding model" in embedding_model.value.message


def test_cors_is_off_unless_origins_are_listed(serve, cove_home):
    def allowed(server):
        request = urllib.request.Request(server.url + "/v1/models", method="OPTIONS", headers={
            "Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.headers.get("access-control-allow-origin")
        except urllib.error.HTTPError as exc:
            return exc.headers.get("access-control-allow-origin")

    first = serve()
    assert allowed(first) is None
    first.stop()
    (cove_home / "config").mkdir(parents=True, exist_ok=True)
    (cove_home / "config" / "settings.json").write_text(json.dumps(
        {"server": {"cors_origins": ["http://localhost:3000"]}}))
    assert allowed(serve()) == "http://localhost:3000"


def test_a_follow_up_that_repeats_the_conversation_reuses_what_the_model_already_read(serve):
    client = serve().client()
    messages = [{"role": "system", "content": "You are a helpful assistant who answers in detail. " * 8},
                {"role": "user", "content": "What is bread made of?"}]
    first = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=16, temperature=0)
    messages += [{"role": "assistant", "content": first.choices[0].message.content},
                 {"role": "user", "content": "And butter?"}]
    follow_up = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=4, temperature=0)
    cached = follow_up.usage.prompt_tokens_details.cached_tokens
    assert follow_up.usage.prompt_tokens > first.usage.prompt_tokens
    assert cached >= first.usage.prompt_tokens - 1, (cached, first.usage)  # only the new turn was read


def test_a_prompt_longer_than_one_batch_is_answered_streamed_or_not(serve):
    client = serve().client()
    long_text = "The meeting moved to room 4. " * 250  # over 1,500 tokens: read in several batches
    for stream in (False, True):
        messages = [{"role": "user", "content": long_text + f"Where is the meeting? ({stream})"}]
        answer = client.chat.completions.create(model=MODEL, messages=messages, max_tokens=4, stream=stream,
                                                **({"stream_options": {"include_usage": True}} if stream else {}))
        usage = list(answer)[-1].usage if stream else answer.usage
        assert usage.prompt_tokens > 1500 and 0 < usage.completion_tokens <= 4


def test_sigterm_stops_the_server_like_ctrl_c(serve):
    server = serve()
    server.client().completions.create(model=MODEL, prompt="Hi", max_tokens=1)  # an engine is running
    server.process.send_signal(signal.SIGTERM)  # what `kill` and service managers send
    assert server.process.wait(20) == 0
    assert server.stderr.rstrip().endswith("Stopped.") and "Traceback" not in server.stderr
