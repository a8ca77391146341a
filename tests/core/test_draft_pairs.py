"""Which installed model drafts for which: the catalog's pairs, checked against the files' token lists;
the per-model "draft model" setting and its measured gain, kept in the settings file."""

import json
from pathlib import Path

import pytest

from app.core import draft_pairs as dp
from app.core import paths as paths_mod
from app.core import settings as s
from app.core import store as st
from app.core.catalog import load_catalog
from app.core.errors import CoveError
from tests.support.tiny_models import write_tiny_model


def tiny(folder: Path, name: str, family: str = "smollm2", **kwargs) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_tiny_model(folder / name, family, quantized=True, **kwargs)


def test_the_catalog_pairs_each_big_model_with_its_small_relatives():
    pairs = dp.load_pairs()
    assert pairs == {"qwen2.5-3b-instruct": ("qwen2.5-0.5b-instruct",),
                     "qwen2.5-7b-instruct": ("qwen2.5-0.5b-instruct",),
                     "llama-3.2-3b-instruct": ("llama-3.2-1b-instruct",),
                     "smollm2-1.7b-instruct": ("smollm2-135m-instruct", "smollm2-360m-instruct"),
                     "gemma-2-9b-it": ("gemma-2-2b-it",)}
    ids = {c.model_id for c in load_catalog()}
    assert all(main in ids and set(drafts) <= ids for main, drafts in pairs.items())  # no stale ids


@pytest.mark.parametrize("name, wanted", [
    ("SmolLM2-135M-Instruct.Q4_1.gguf", "smollm2-135m-instruct"),  # the built-in model's file
    ("smollm2-360m-instruct-q8_0.gguf", "smollm2-360m-instruct"),
    ("qwen2.5-7b-instruct-q4_k_m-00001-of-00002.gguf", "qwen2.5-7b-instruct"),
    ("Llama-3.2-3B-Instruct-IQ4_XS.gguf", "llama-3.2-3b-instruct"),
    ("gemma-2-2b-it-Q8_0.gguf", "gemma-2-2b-it"),
    ("my-finetune-Q4_K_M.gguf", None),
])
def test_a_file_is_recognised_as_a_catalog_model_whatever_its_quantization(name, wanted):
    assert dp.catalog_id(name, load_catalog()) == wanted


def test_the_vocabulary_is_read_from_the_file_not_the_name(tmp_path):
    big = tiny(tmp_path, "big.gguf", n_embd=128, n_layer=3)
    small = tiny(tmp_path, "small.gguf", seed=5)
    other = tiny(tmp_path, "other.gguf", extra_tokens=("▁the",))
    llama = tiny(tmp_path, "llama.gguf", family="llama-3.2")
    assert dp.vocab_fingerprint(big) == dp.vocab_fingerprint(small) is not None
    assert dp.same_vocabulary(big, small)
    assert not dp.same_vocabulary(big, other)  # one token more
    assert not dp.same_vocabulary(big, llama)  # other special tokens
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model at all")
    assert not dp.same_vocabulary(big, junk)
    with pytest.raises(CoveError):
        dp.vocab_fingerprint(junk)


def test_padding_entries_at_the_end_of_a_vocabulary_do_not_make_it_another(tmp_path):
    """Qwen2.5 7B holds 152,064 entries and 0.5B 151,936: the same tokens, then [PADn] fillers."""
    big = tiny(tmp_path, "big.gguf", family="qwen2.5", n_embd=128, n_layer=3,
               extra_tokens=tuple(f"[PAD{i}]" for i in range(262, 270)))
    small = tiny(tmp_path, "small.gguf", family="qwen2.5", seed=5, extra_tokens=("[PAD262]",))
    plain = tiny(tmp_path, "plain.gguf", family="qwen2.5", seed=6)
    assert dp.vocab_fingerprint(big) == dp.vocab_fingerprint(small) == dp.vocab_fingerprint(plain) is not None
    assert dp.same_vocabulary(big, small) and dp.same_vocabulary(small, plain)
    # Padding inside the list, or a real token after it, is another vocabulary.
    inside = tiny(tmp_path, "inside.gguf", family="qwen2.5", extra_tokens=("[PAD262]", "▁the"))
    real = tiny(tmp_path, "real.gguf", family="qwen2.5", extra_tokens=("▁the",))
    assert not dp.same_vocabulary(big, inside) and not dp.same_vocabulary(inside, real)
    assert not dp.same_vocabulary(big, real)


def test_a_fingerprint_survives_the_cache_being_cleared_meanwhile(tmp_path, monkeypatch):
    """The window's pool threads share the cache: one clearing it just after another stored its fingerprint
    must not make the other's read fail."""
    big = tiny(tmp_path, "big.gguf")

    class ClearedByAnotherThread(dict):
        def __setitem__(self, key, value):
            super().__setitem__(key, value)
            self.clear()  # as another thread past the size limit would, between the store and a read back
    from app.core import vocabulary

    monkeypatch.setattr(vocabulary, "_FINGERPRINTS", ClearedByAnotherThread())
    assert dp.vocab_fingerprint(big) == vocabulary._read_fingerprint(big) is not None


def test_the_installed_draft_is_the_paired_one_with_the_same_vocabulary(tmp_path):
    main = tiny(tmp_path, "SmolLM2-1.7B-Instruct-Q4_K_M.gguf", n_embd=128, n_layer=3)
    small = tiny(tmp_path, "SmolLM2-135M-Instruct-Q4_K_M.gguf", seed=3)
    medium = tiny(tmp_path, "SmolLM2-360M-Instruct-Q8_0.gguf", seed=4)
    foreign = tiny(tmp_path, "qwen2.5-0.5b-instruct-q4_k_m.gguf", family="qwen2.5")  # its tokens are alike here
    unrelated = tiny(tmp_path, "notes-helper-Q8_0.gguf", seed=6)  # same vocabulary, not a catalog pair
    installed = [main, foreign, unrelated, medium, small]
    assert dp.draft_candidates(main, installed) == [small, medium]  # the catalog's order
    assert dp.draft_for(main, installed) == small
    assert dp.draft_for(main, [main, foreign, unrelated]) is None
    assert dp.draft_for(small, installed) is None  # a small model has no draft of its own
    # A "135M" whose token list differs is not a draft for it, whatever its name says.
    small.unlink()
    tiny(tmp_path, small.name, extra_tokens=("▁x",))
    assert dp.draft_for(main, installed) == medium


def test_the_setting_chooses_the_file_the_engine_loads(tmp_path, monkeypatch):
    models = paths_mod.models_in(tmp_path)
    main = tiny(models / "HuggingFaceTB" / "big", "SmolLM2-1.7B-Instruct-Q4_K_M.gguf", n_embd=128, n_layer=3)
    draft = tiny(models / "HuggingFaceTB" / "small", "SmolLM2-360M-Instruct-Q8_0.gguf", seed=3)
    name = "SmolLM2-1.7B-Instruct-Q4_K_M"
    settings = s.Settings()
    assert settings.draft_model(name) == s.DRAFT_OFF
    assert dp.chosen_draft(settings, name, tmp_path) == ""
    auto = settings.with_model_value(name, "draft_model", s.DRAFT_AUTO)
    assert dp.chosen_draft(auto, name, tmp_path) == str(draft)
    assert dp.chosen_draft(auto, "SmolLM2-360M-Instruct-Q8_0", tmp_path) == ""  # nothing drafts for the draft
    from app.core import chat

    assert chat.load_options(auto, name, tmp_path).draft_model == str(draft)
    assert chat.load_options(settings, name, tmp_path).draft_model == ""
    draft.unlink()  # uninstalled: automatic finds nothing, and the model loads as before
    assert dp.chosen_draft(auto, name, tmp_path) == "" and main.is_file()


def test_a_draft_model_the_administrator_does_not_allow_is_not_chosen(tmp_path, admin_policy):
    import hashlib

    from app.core import policy

    models = paths_mod.models_in(tmp_path)
    main = tiny(models / "HuggingFaceTB" / "big", "SmolLM2-1.7B-Instruct-Q4_K_M.gguf", n_embd=128, n_layer=3)
    small = tiny(models / "HuggingFaceTB" / "small", "SmolLM2-135M-Instruct-Q4_K_M.gguf", seed=3)
    medium = tiny(models / "HuggingFaceTB" / "medium", "SmolLM2-360M-Instruct-Q8_0.gguf", seed=4)
    name = "SmolLM2-1.7B-Instruct-Q4_K_M"
    auto = s.Settings().with_model_value(name, "draft_model", s.DRAFT_AUTO)
    assert dp.chosen_draft(auto, name, tmp_path) == str(small)  # no policy: the catalog's first choice

    def digest(path):
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    admin_policy(f'allowed_models = ["{digest(main)}", "{digest(medium)}"]\n')
    policy.reset()
    assert dp.chosen_draft(auto, name, tmp_path) == str(medium)  # the allowed one
    admin_policy(f'allowed_models = ["{digest(main)}"]\n')
    policy.reset()
    assert dp.chosen_draft(auto, name, tmp_path) == ""  # none allowed: no draft model


def test_the_draft_setting_and_its_gain_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    gain = dp.measured_gain("/m/SmolLM2-135M-Instruct-Q4_K_M.gguf", 10.0, 16.5, 0.72)
    assert gain == {"draft": "SmolLM2-135M-Instruct-Q4_K_M.gguf", "speedup": 1.65, "plain_tok_s": 10.0,
                    "drafted_tok_s": 16.5, "acceptance": 0.72}
    wanted = (s.Settings().with_model_value("big", "draft_model", s.DRAFT_AUTO)
              .with_model_value("big", "draft_gain", gain)
              .with_model_value("other", "chat_template", "{{ x }}"))
    s.save(path, wanted)
    assert s.load(path) == (wanted, [])
    assert wanted.draft_model("big") == s.DRAFT_AUTO and wanted.draft_gain("big") == gain
    assert wanted.draft_model("other") == s.DRAFT_OFF and wanted.draft_gain("other") is None
    assert wanted.with_model_value("big", "draft_gain", None).draft_gain("big") is None


def test_a_bad_draft_setting_falls_back_to_off_and_is_reported(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"models": {"big": {"draft_model": "always", "chat_template": "{{ x }}",
                                                   "draft_gain": {"draft": 3, "speedup": "fast"}}}}))
    before = json.loads(path.read_text())
    values, problems = s.load(path)
    assert values.draft_model("big") == s.DRAFT_OFF and values.draft_gain("big") is None
    assert values.chat_template("big") == "{{ x }}"  # the rest of the entry is kept
    assert any("draft_model" in p and "'always'" in p and "off, auto" in p for p in problems)
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and json.loads(kept[0].read_text()) == before  # the file as written is kept


class Line:
    """The answer's stats line, as the window writes it (message_html.py)."""

    def __init__(self):
        from app.ui.widgets.message_html import MessageHtml

        class Plain(MessageHtml):
            def tr(self, text):
                return text

        self.html = Plain()

    def __call__(self, message):
        return self.html._stats_line(message)


def test_a_draft_model_answer_says_how_many_drafts_were_accepted(store):
    stats = {"prompt_tokens": 40, "processed_tokens": 40, "completion_tokens": 90, "tokens_per_second": 25.0,
             "time_to_first_token": 0.2, "seed": 3, "n_ctx": 2048, "draft_tokens": 80, "draft_accepted": 60,
             "draft_acceptance": 0.75, "draft_model": "SmolLM2-135M-Instruct-Q4_K_M.gguf"}
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "Write a poem")
    message = store.begin_answer(conversation.id, "/models/SmolLM2-1.7B-Instruct-Q4_K_M.gguf", {"temperature": 0.0})
    done = store.finish_answer(message.id, "A poem.", st.COMPLETE, stats)
    assert Line()(store.message(done.id)).endswith(" · drafts accepted 75%")


def test_an_answer_without_its_draft_model_says_why_in_its_stats_line(store):
    problem = ("The draft model SmolLM2-135M-Instruct-Q4_K_M.gguf is not used with these settings: drafts need "
               "flash attention on and one thread (Settings › Engine).")
    stats = {"prompt_tokens": 40, "processed_tokens": 40, "completion_tokens": 90, "tokens_per_second": 25.0,
             "time_to_first_token": 0.2, "seed": 3, "n_ctx": 2048, "draft_problem": problem}
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "Write a poem")
    message = store.begin_answer(conversation.id, "/models/SmolLM2-1.7B-Instruct-Q4_K_M.gguf", {"temperature": 0.0})
    done = store.finish_answer(message.id, "A poem.", st.COMPLETE, stats)
    assert store.message(done.id).generation_settings["draft_problem"] == problem
    assert Line()(store.message(done.id)).endswith(" · " + problem)
