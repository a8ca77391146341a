"""Each family's template through the engine itself, on tiny generated models."""

from ctypes import c_longlong

import pytest

from tests.engine.test_prompt import A1, FAMILIES, Q1, Q2, SYSTEM, expected
from tests.support.tiny_models import write_tiny_model
from app.engine import protocol as p
from app.engine.worker import Engine

OPTIONS = p.LoadOptions(n_ctx=512)


def engine_with(model_path, options=OPTIONS):
    events = []
    engine = Engine(events.append, c_longlong(0))
    assert engine.ensure_loaded(str(model_path), options), events
    return engine, events


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_prompt_and_generation(tmp_path, family):
    model = write_tiny_model(tmp_path / f"{family}.gguf", family)
    engine, events = engine_with(model)
    messages = [SYSTEM, Q1, A1, Q2]
    assert engine.renderer.source == "gguf"
    assert engine.renderer.render(messages).text == expected(family, with_system=True)
    engine.generate(p.Generate(1, str(model), OPTIONS, messages, {"temperature": 0.0, "max_tokens": 8, "seed": 1}))
    [done] = [e for e in events if isinstance(e, (p.Finished, p.Failed))]
    assert isinstance(done, p.Finished), done
    assert done.stats["prompt_tokens"] == len(engine.tokenize(messages)) > 20
    assert 0 <= done.stats["completion_tokens"] <= 8
    engine.unload()


def test_file_without_template_uses_the_documented_default(tmp_path):
    model = write_tiny_model(tmp_path / "bare.gguf", "qwen2.5", with_template=False)
    engine, events = engine_with(model)
    loaded = [e for e in events if isinstance(e, p.ModelLoaded)][0]
    assert loaded.template_source == "default"
    assert engine.renderer.render([Q1]).text == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
    engine.unload()


def test_user_template_overrides_the_file(tmp_path):
    model = write_tiny_model(tmp_path / "m.gguf", "phi-4-mini")
    custom = "{% for m in messages %}[{{ m['role'] }}] {{ m['content'] }}\n{% endfor %}[assistant] "
    engine, events = engine_with(model, p.LoadOptions(n_ctx=512, chat_template=custom))
    assert [e for e in events if isinstance(e, p.ModelLoaded)][0].template_source == "user"
    assert engine.renderer.render([Q1]).text == "[user] Hi\n[assistant] "
    engine.unload()


def test_backend_report(tmp_path):
    model = write_tiny_model(tmp_path / "m.gguf", "smollm2")
    _, events = engine_with(model, p.LoadOptions())
    info = [e for e in events if isinstance(e, p.ModelLoaded)][0].info
    assert info["n_ctx"] == 1024  # auto: the model's own context, memory allows it
    assert info["backend"] == "cpu" and info["gpu_offload"] is False and info["n_gpu_layers"] == 0
    assert "AVX" in info["system_info"] or "NEON" in info["system_info"] or info["system_info"]
    assert info["n_threads"] >= 1 and info["n_threads_batch"] >= info["n_threads"]


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_incremental_tokenizing_equals_tokenizing_everything(tmp_path, family):
    model = write_tiny_model(tmp_path / f"{family}.gguf", family)
    engine, _ = engine_with(model)
    llm = engine.llm
    conversation = [SYSTEM] if family != "gemma-2" else []
    for turn in range(6):
        conversation += [{"role": "user", "content": f"Question {turn}: ça va? 日本 {turn * 7}"}]
        rendered = engine.renderer.render(conversation)
        whole = llm.tokenize(rendered.text.encode(), add_bos=rendered.add_bos, special=True)
        assert engine.tokenize(conversation) == whole, turn
        conversation += [{"role": "assistant", "content": f"Answer {turn}  with spaces\nand lines."}]
    engine.unload()


def test_token_text_is_complete_for_every_token(smollm2):
    import llama_cpp
    from llama_cpp import Llama

    import app.engine.worker as worker

    worker.llama_cpp = llama_cpp
    llm = Llama(str(smollm2), vocab_only=True, verbose=False)
    vocab = llm._model.vocab
    longest = 0
    for token in range(llm.n_vocab()):
        text = worker.token_bytes(vocab, token)
        longest = max(longest, len(text))
        if len(text) <= 32:
            assert text == llm._model.detokenize([token]), token
    assert longest > 0
