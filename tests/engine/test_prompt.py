"""Exact prompts for the five families, rendered from their published templates."""

from datetime import datetime
from pathlib import Path

import pytest

from app.engine.prompt import PromptRenderer, fold_system, merge_same_roles

TEMPLATES = Path(__file__).parents[1] / "support" / "templates"
SYSTEM = {"role": "system", "content": "You are terse."}
Q1 = {"role": "user", "content": "Hi"}
A1 = {"role": "assistant", "content": "Hello!"}
Q2 = {"role": "user", "content": "Capital of France?"}

FAMILIES = {
    # family: (bos, eos)
    "qwen2.5": ("", "<|im_end|>"),
    "llama-3.2": ("<|begin_of_text|>", "<|eot_id|>"),
    "gemma-2": ("<bos>", "<eos>"),
    "smollm2": ("<|im_start|>", "<|im_end|>"),
    "phi-4-mini": ("<|endoftext|>", "<|endoftext|>"),
}


def renderer(family: str) -> PromptRenderer:
    bos, eos = FAMILIES[family]
    return PromptRenderer((TEMPLATES / f"{family}.jinja").read_text(), bos, eos)


def expected(family: str, with_system: bool) -> str:
    today = datetime.now().strftime("%d %b %Y")
    if family == "qwen2.5":
        system = "You are terse." if with_system else "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."
        return (f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nCapital of France?<|im_end|>\n"
                "<|im_start|>assistant\n")
    if family == "smollm2":
        system = "You are terse." if with_system else "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
        return (f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nCapital of France?<|im_end|>\n"
                "<|im_start|>assistant\n")
    if family == "llama-3.2":
        system = "You are terse." if with_system else ""
        return ("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                f"Cutting Knowledge Date: December 2023\nToday Date: {today}\n\n{system}<|eot_id|>"
                "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"
                "<|start_header_id|>user<|end_header_id|>\n\nCapital of France?<|eot_id|>"
                "<|start_header_id|>assistant<|end_header_id|>\n\n")
    if family == "gemma-2":
        first = "You are terse.\n\nHi" if with_system else "Hi"
        return (f"<bos><start_of_turn>user\n{first}<end_of_turn>\n<start_of_turn>model\nHello!<end_of_turn>\n"
                "<start_of_turn>user\nCapital of France?<end_of_turn>\n<start_of_turn>model\n")
    if family == "phi-4-mini":
        system = "<|system|>You are terse.<|end|>" if with_system else ""
        return f"{system}<|user|>Hi<|end|><|assistant|>Hello!<|end|><|user|>Capital of France?<|end|><|assistant|>"
    raise AssertionError(family)


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("with_system", [False, True])
def test_exact_prompt(family, with_system):
    messages = ([SYSTEM] if with_system else []) + [Q1, A1, Q2]
    rendered = renderer(family).render(messages)
    assert rendered.text == expected(family, with_system)
    assert rendered.system_folded == (with_system and family == "gemma-2")
    assert rendered.add_bos is False  # the templates write BOS themselves where the model needs it


def test_turn_n_plus_one_extends_turn_n():
    for family in FAMILIES:
        r = renderer(family)
        turn1 = r.render([Q1]).text
        turn2 = r.render([Q1, A1, Q2]).text
        assert turn2.startswith(turn1 + "Hello!"), family


def test_two_user_messages_in_a_row_are_joined():
    assert merge_same_roles([Q1, Q2]) == [{"role": "user", "content": "Hi\n\nCapital of France?"}]
    text = renderer("gemma-2").render([Q1, Q2]).text  # Gemma's template insists on alternation
    assert "Hi\n\nCapital of France?" in text
    assert fold_system([SYSTEM]) == [{"role": "user", "content": "You are terse."}]


def test_no_template_falls_back_to_chatml():
    r = PromptRenderer(None, "", "")
    assert r.source == "default" and r.stop == ("<|im_end|>",)
    assert r.render([Q1]).text == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"


def test_broken_template_reports_why():
    with pytest.raises(ValueError, match="nope"):
        PromptRenderer("{{ raise_exception('nope') }}", "", "").render([Q1])
