import pytest

from app.engine.context import ContextFull, fit


def tokenize(messages):  # one token per character: easy to reason about
    return [0] * sum(len(m["content"]) + 4 for m in messages)


def convo(turns, size=100, system=True):
    messages = [{"role": "system", "content": "s" * 20}] if system else []
    for i in range(turns):
        messages += [{"role": "user", "content": f"{i}" + "u" * (size - 1)},
                     {"role": "assistant", "content": "a" * size}]
    return messages + [{"role": "user", "content": "last question"}]


def test_fits_untouched():
    messages = convo(3)
    result = fit(messages, 4096, 256, "drop_oldest", tokenize)
    assert result.messages == messages and result.dropped == 0


def test_drop_oldest_keeps_system_and_newest_turns():
    messages = convo(40)  # ~8,300 tokens for a 4,096 context
    result = fit(messages, 4096, 256, "drop_oldest", tokenize)
    assert result.messages[0]["role"] == "system"
    assert result.messages[1]["role"] == "user"
    assert result.messages[-1]["content"] == "last question"
    assert len(result.tokens) <= int(4096 * 0.6)
    assert result.dropped == len(messages) - len(result.messages)
    assert result.dropped > 0 and result.dropped % 2 == 0  # whole turns


def test_stop_policy_refuses_with_a_message():
    with pytest.raises(ContextFull, match="no longer fits"):
        fit(convo(40), 4096, 256, "stop", tokenize)


def test_a_single_message_too_long():
    messages = [{"role": "user", "content": "x" * 5000}]
    with pytest.raises(ContextFull, match="too long"):
        fit(messages, 4096, 256, "drop_oldest", tokenize)
