import pytest

from app.core import catalog as cat
from app.core.system import Machine

GB = 1 << 30


@pytest.mark.parametrize("name, quant", [
    ("qwen2.5-7b-instruct-q4_k_m-00001-of-00002.gguf", "Q4_K_M"),
    ("Llama-3.2-1B-Instruct-IQ4_XS.gguf", "IQ4_XS"),
    ("model.Q5_K_S.gguf", "Q5_K_S"),
    ("SmolLM2-135M-Instruct.Q4_1.gguf", "Q4_1"),
    ("Qwen3-UD-Q4_K_XL.gguf", "Q4_K_XL"),
    ("phi-f16.gguf", "F16"),
    ("gemma-2-2b-it-bf16.gguf", "BF16"),
    ("tiny.gguf", ""),
])
def test_quant_names_from_file_names(name, quant):
    assert cat.parse_quant(name) == quant


def test_catalog_covers_the_five_families():
    choices = cat.load_catalog()
    assert {c.family for c in choices} == {"Qwen2.5", "Llama 3.2", "Gemma 2", "SmolLM2", "Phi-4-mini"}
    models = {c.model_id for c in choices}
    assert len(models) == 12
    for model in models:
        assert {c.quant for c in choices if c.model_id == model} >= {"Q4_K_M", "Q8_0"}
    for c in choices:
        assert c.size > 0 and c.context >= 8192 and c.license and c.description and c.repo.count("/") == 1
        assert all(f.endswith(".gguf") for f in c.files) and cat.parse_quant(c.first_file) == c.quant
    qwen7 = next(c for c in choices if c.model_id == "qwen2.5-7b-instruct" and c.quant == "Q4_K_M")
    assert len(qwen7.files) == 2 and qwen7.size == 3_993_201_344 + 689_872_288


def test_fit_labels_follow_free_memory():
    small = Machine(free_ram=4 * GB, total_ram=8 * GB, gpu_backend="")
    assert cat.fit_label(1 * GB, 8192, small) == cat.FITS
    assert cat.fit_label(3 * GB, 8192, small) == cat.TIGHT
    assert cat.fit_label(6 * GB, 8192, small) == cat.TOO_LARGE
    with_gpu = Machine(free_ram=4 * GB, total_ram=8 * GB, gpu_backend="cuda", free_vram=8 * GB)
    assert cat.fit_label(6 * GB, 8192, with_gpu) == cat.FITS


def test_one_recommendation_per_family_sized_to_the_machine():
    choices = cat.load_catalog()
    small = Machine(free_ram=3 * GB, total_ram=8 * GB, gpu_backend="")
    picks = cat.recommend(choices, small)
    assert picks["Qwen2.5"].model_id == "qwen2.5-1.5b-instruct"
    assert picks["SmolLM2"].model_id == "smollm2-1.7b-instruct"
    assert "Gemma 2" in picks and picks["Gemma 2"].model_id == "gemma-2-2b-it"
    big = Machine(free_ram=64 * GB, total_ram=64 * GB, gpu_backend="")
    assert cat.recommend(choices, big)["Qwen2.5"].model_id == "qwen2.5-7b-instruct"
    assert all(p.quant == "Q4_K_M" for p in picks.values())


def test_family_from_gguf_base_name():
    choices = cat.load_catalog()
    assert cat.family_of("smollm2", "llama", choices) == "SmolLM2"
    assert cat.family_of("Qwen2.5", "qwen2", choices) == "Qwen2.5"
    assert cat.family_of("Llama-3.2", "llama", choices) == "Llama 3.2"
    assert cat.family_of("", "mistral", choices) == "mistral"
