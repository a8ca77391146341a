"""`cove chat --notes`: answers drawn from the notes folders, with their sources.

What goes where, for scripts: the answer alone streams to standard output; then,
when passages were used, a blank line, "Sources:" and one line per passage
("[n] path › heading (lines a-b)", "(not cited)" after those the answer does not
cite), also on standard output, since they belong to the answer. Notes
unavailable (no notes folder, nothing found) is one line on standard error, and
the answer comes without sources. `--notes` is remembered by the conversation:
`--conversation ID` follow-ups use the notes until `--no-notes`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.core import policy
from app.core.i18n import _
from app.core.paths import CovePaths

if TYPE_CHECKING:
    from app.core import store as st
    from app.core.sources import Source

# The notes' modules (retrieval, citing, meaning search) are imported where a turn uses the notes:
# a plain `cove chat` does not pay for them at start (cold start).


def add_flags(chat_cmd) -> None:
    group = chat_cmd.add_mutually_exclusive_group()
    group.add_argument("--notes", dest="notes", action="store_true", default=None,
                       help=_("answer from your notes folders, citing them (remembered by the conversation)"))
    group.add_argument("--no-notes", dest="notes", action="store_false",
                       help=_("stop using the notes in this conversation"))


def check_allowed(wanted: bool | None) -> None:
    """Refuse `--notes` (before anything is saved) when the administrator turned Notes off."""
    if wanted:
        from app.core.notes import folders

        folders.require_notes(policy.current())


def use_notes(store: st.Store, conversation: st.Conversation, wanted: bool | None) -> bool:
    """Whether this turn uses the notes: the flag given (then remembered), or the conversation's own."""
    if wanted is not None:
        if bool(conversation.use_notes) != wanted:
            store.set_use_notes(conversation.id, wanted)
        return wanted
    if conversation.use_notes:
        from app.core.notes import folders

        folders.require_notes(policy.current())  # turned off by the administrator since
    return bool(conversation.use_notes)


def context_size(setting: int, model_context: int | None) -> int:
    """The context the engine will most likely load: the setting, else the model's own (capped, as
    the engine caps it when memory is short), else a common size."""
    if setting:
        return setting
    from app.core.notes import citing

    return min(model_context or citing.DEFAULT_N_CTX, 2 * citing.DEFAULT_N_CTX)


def prepare(store: st.Store, paths: CovePaths, answer_id: int, question: str, prompt: list[dict],
            n_ctx: int, max_tokens: int, settings=None, client=None) -> tuple[list[dict], list[Source]]:
    """The prompt with the passages for this question, and those passages, stored with the answer.
    Hybrid retrieval when an embedding model is installed, embedding the question with `client`,
    the chat's engine (cli_meaning.py)."""
    from app import cli_meaning
    from app.core.notes import asking, citing

    with cli_meaning.session(paths, settings, client) as meaning:
        found = asking.find(paths.notes_index, question, prompt, n_ctx, max_tokens, meaning=meaning,
                            on_meaning_error=cli_meaning.warn)
    if found.reason == asking.NO_FOLDERS:
        print(_("No notes folders yet, so this answer does not use your notes. "
                "Add one with: cove notes add PATH"), file=sys.stderr)
        return prompt, []
    if found.reason == asking.NOTHING_FOUND:
        print(_("Nothing in your notes matches this question, so the answer does not use them."), file=sys.stderr)
        return prompt, []
    store.add_sources(answer_id, found.sources)
    return citing.with_passages(prompt, found.sources), found.sources


def finish(store: st.Store, answer_id: int, answer: str, sources: list[Source], write) -> None:
    """Record which sources the answer cites and list them after it."""
    if not sources:
        return
    from app.cli_notes import shown
    from app.core.notes import asking

    sources = asking.record_citations(store, answer_id, answer, sources)
    lines = ["", _("Sources:")]
    lines += [shown(s.label()) + ("" if s.cited else "  " + _("(not cited)")) for s in sources]
    write("\n".join(lines) + "\n")
