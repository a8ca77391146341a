"""The engine changes `cove serve` relies on, without a model: repeatable prompts, plain-text prompts."""

from app.engine import protocol as p
from app.engine.prompt_progress import read_prompt


class FakeLlama:
    n_batch = 4

    def __init__(self):
        self.evaluated, self.n_tokens, self._requires_eval = [], 0, False

    def eval(self, tokens):
        self.evaluated.append(list(tokens))


def test_a_fixed_seed_evaluates_the_last_prompt_token_on_its_own_as_a_repeat_would():
    sent = []
    llm = FakeLlama()
    read_prompt(llm, 1, [1, 2, 3], 0, sent.append)  # fits a batch: left whole to llama.cpp
    assert llm.evaluated == [] and sent == []
    read_prompt(llm, 1, [1, 2, 3], 0, sent.append, last_alone=True)
    assert llm.evaluated == [[1, 2]] and sent == []  # no progress for a short prompt
    llm = FakeLlama()
    read_prompt(llm, 2, list(range(10)), 1, sent.append, last_alone=True)
    assert llm.evaluated == [[1, 2, 3, 4], [5, 6, 7, 8]]  # all but the last, a batch at a time
    assert [(e.done, e.total) for e in sent] == [(0, 9), (4, 9), (8, 9)]
    llm = FakeLlama()
    read_prompt(llm, 3, [1, 2, 3], 2, sent.append, last_alone=True)  # only the last is new: nothing here
    assert llm.evaluated == []


def test_a_generate_request_can_carry_plain_text_instead_of_a_conversation():
    request = p.Generate(1, "m.gguf", p.LoadOptions(), [], {"stop": ["END"]}, "stop", "", "Once upon")
    assert request.prompt_text == "Once upon" and request.messages == []
    assert p.Generate(1, "m.gguf", p.LoadOptions(), [{"role": "user", "content": "Hi"}], {}).prompt_text is None


def test_a_plain_text_prompt_is_used_whole_or_refused_when_it_leaves_no_room():
    from app.engine.context import ContextFull, fit_text

    assert fit_text([1, 2, 3], 2048, 16).tokens == [1, 2, 3]
    for tokens in ([], list(range(2000))):
        try:
            fit_text(tokens, 2048, 512)
        except ContextFull as exc:
            assert "too long" in str(exc) and "max_tokens" in str(exc)
        else:
            raise AssertionError("not refused")
