"""A new conversation's opening, loaded from a saved state instead of processed again.

Every new conversation with a model starts with the same tokens: the template's start and
the system prompt (the model's default or the user's), up to where the first message's
words begin. SmolLM2's is 24 tokens: 0.07 s of a 2-core CPU before the first word of
every new chat (benchmarks/coldstart.py), seconds for a long system prompt.

The first conversation to need an opening reads it as part of its prompt (with progress
and Stop as ever, prompt_progress.py); the engine copies the context's state in memory
when the opening is read, and writes it after the answer (kv_store.py, sealed like the
other states while the store is encrypted), so saving costs the first word nothing. Later
new conversations load it and read only what follows. Where the context already holds the
opening (the chat goes on), nothing is done.
"""

from __future__ import annotations

import logging

from app.engine.kv_store import common_prefix

log = logging.getLogger("cove.engine")

OPENING_MIN = 16  # shorter (a template's header alone) costs little to process: no file for it
KNOWN_MAX = 16  # openings remembered per model: a few system prompts are in use at a time


class Openings:
    """The openings of one loaded model and chat template, by the system messages they hold."""

    def __init__(self, tokenize):
        self._tokenize = tokenize  # messages -> prompt tokens (the engine's, with this template)
        self._known: dict[tuple, list[int]] = {}

    def tokens(self, messages: list[dict], fresh: bool = False) -> list[int]:
        """The tokens every conversation that starts with these messages' system messages shares.

        The first user message is rendered twice with different words: what comes before
        they differ is the opening. fresh: render again (a template that shows today's date
        has another opening after midnight)."""
        system = []
        for message in messages:
            if message.get("role") != "system":
                break
            system.append(message)
        key = tuple(str(message.get("content")) for message in system)
        if fresh or key not in self._known:
            if len(self._known) >= KNOWN_MAX:
                self._known.clear()
            first = self._tokenize([*system, {"role": "user", "content": "1"}])
            second = self._tokenize([*system, {"role": "user", "content": "2"}])
            self._known[key] = first[:common_prefix(first, second)]
        return self._known[key]

    def prepare(self, llm, store, messages: list[dict], prompt: list[int], reused: int) -> tuple[int, bool, int]:
        """Before a prompt is read: (tokens of it the context holds, whether its opening was loaded,
        where the opening ends if the reading should keep a copy of it there, else 0).

        reused: the tokens of the prompt the context held before."""
        try:
            opening = self.tokens(messages)
            if reused < len(opening) and list(prompt[:len(opening)]) != opening:
                opening = self.tokens(messages, fresh=True)
        except ValueError:  # the template's complaint: the request itself reports it
            return reused, False, 0
        size = len(opening)
        if size < OPENING_MIN or reused >= size or size >= len(prompt) or list(prompt[:size]) != opening:
            return reused, False, 0
        name = store.opening(opening)
        if name is not None:
            try:
                if store.load(llm, name) is not None:
                    return size, True, 0
            except OSError as exc:  # the folder deleted meanwhile (the window forgetting saved states)
                log.warning("a saved opening could not be read (%s)", exc)
                llm.reset()
        held = common_prefix(llm.input_ids[: llm.n_tokens], prompt)  # none once a load cleared the context
        return held, False, size

    @staticmethod
    def save(store, kept) -> None:
        """Write an opening copied while the prompt was read (KVStore.copy), now that the answer is out."""
        if kept is None:
            return
        try:
            store.save_copy(*kept, opening=True)
        except OSError as exc:  # a full disk, a folder deleted meanwhile: the next new chat reads it again
            log.warning("the conversation opening was not saved (%s)", exc)
