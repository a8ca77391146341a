"""An answer that used prompt-lookup drafts keeps their acceptance rate, and its stats line says so."""

from app.core import store as st
from app.ui.widgets.message_html import MessageHtml

STATS = {"prompt_tokens": 700, "processed_tokens": 700, "completion_tokens": 600, "tokens_per_second": 80.0,
         "time_to_first_token": 0.4, "seed": 7, "n_ctx": 2048,
         "draft_tokens": 500, "draft_accepted": 415, "draft_acceptance": 0.83}


class Line(MessageHtml):
    def tr(self, text):
        return text


def answer(store, stats):
    conversation = store.create_conversation()
    store.add_user_message(conversation.id, "Fix the typos in this note")
    message = store.begin_answer(conversation.id, "/models/x.gguf", {"temperature": 0.0})
    return store.finish_answer(message.id, "The note.", st.COMPLETE, stats)


def test_the_acceptance_rate_is_kept_and_shown(store):
    done = answer(store, STATS)
    assert done.generation_settings == {"temperature": 0.0, "seed": 7, "n_ctx": 2048, "draft_acceptance": 0.83}
    line = Line()._stats_line(store.message(done.id))
    assert line.endswith(" · drafts accepted 83%")
    assert "600 tokens · 80.0 tokens/s" in line


def test_an_answer_without_drafts_says_nothing_about_them(store):
    plain = {k: v for k, v in STATS.items() if not k.startswith("draft_")}
    done = answer(store, plain)
    assert "draft_acceptance" not in done.generation_settings
    line = Line()._stats_line(done)
    assert "drafts" not in line and "600 tokens" in line
