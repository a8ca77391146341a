"""A new conversation's opening, loaded from a saved state instead of processed again.

Every new conversation with a model starts with the same tokens: the template's start and
the system prompt (the model's default or the user's), up to where the first message's
words begin. SmolLM2's is 31 tokens: 0.12 s of a 2-core CPU before the first word of
every new chat (benchmarks/coldstart.py), seconds for a long system prompt. The first
conversation to need an opening processes it on its own and saves its state (kv_store.py,
sealed like the others while the store is encrypted); later ones load it and process only
what follows. Where the context already holds it (the chat goes on), nothing is done.
"""

from __future__ import annotations

from app.engine.kv_store import common_prefix

OPENING_MIN = 16  # shorter (a template's header alone) costs little to process: no file for it


class Openings:
    """The openings of one loaded model and chat template, by the system messages they hold."""

    def __init__(self, tokenize):
        self._tokenize = tokenize  # messages -> prompt tokens (the engine's, with this template)
        self._known: dict[tuple, list[int]] = {}

    def tokens(self, messages: list[dict]) -> list[int]:
        """The tokens every conversation that starts with these messages' system messages shares.

        The first user message is rendered twice with different words: what comes before
        they differ is the opening."""
        system = []
        for message in messages:
            if message.get("role") != "system":
                break
            system.append(message)
        key = tuple(str(message.get("content")) for message in system)
        if key not in self._known:
            first = self._tokenize([*system, {"role": "user", "content": "1"}])
            second = self._tokenize([*system, {"role": "user", "content": "2"}])
            self._known[key] = first[:common_prefix(first, second)]
        return self._known[key]

    def start(self, llm, store, messages: list[dict], prompt: list[int], reused: int) -> tuple[int, int]:
        """(tokens of the prompt the context holds, how many of them were processed here), once the
        opening is in the context where it was not (reused: what it held of the prompt before).

        Loads the opening's saved state, or processes the opening and saves it for the next new
        conversation. Nothing where the context already holds the opening, or where it is too
        short to be worth a file."""
        try:
            opening = self.tokens(messages)
        except ValueError:  # the template's complaint: the request itself reports it
            return reused, 0
        size = len(opening)
        if size < OPENING_MIN or reused >= size or size >= len(prompt) or list(prompt[:size]) != opening:
            return reused, 0
        name = store.opening(opening)
        if name is not None and store.load(llm, name) is not None:
            return size, 0
        held = common_prefix(llm.input_ids[: llm.n_tokens], prompt)  # none if a damaged state was dropped
        llm.n_tokens = held
        llm._requires_eval = True
        try:
            llm.eval(opening[held:])
        except RuntimeError:  # llama.cpp failed: the answer reads the rest as before, and reports it
            now = common_prefix(llm.input_ids[: llm.n_tokens], prompt)
            return now, max(now - held, 0)
        store.save(llm, opening=True)
        return size, size - held
