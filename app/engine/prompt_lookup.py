"""Draft tokens copied from the prompt: the n-gram that ends the text so far, found earlier, and what followed.

Much of what note-takers ask is rewriting: fix the typos in this note, turn these notes
into minutes, continue this list. The answer then repeats long stretches of the prompt
(the conversation, an attached file, retrieved note passages), and the tokens that
followed the answer's last few tokens where they appeared before are a good guess of
what comes next. speculative.py has the model check a guess in one batch.

The index maps every n-gram (MIN_N..MAX_N tokens) to where it occurred, so a draft
costs a few dictionary look-ups whatever the prompt's length. It is kept between
answers: a chat's next prompt starts with the last one, so only the new tokens are
indexed (any other prompt builds it again, after the first token). Longer n-grams are
tried first: they say more about where in the prompt the answer is. Of an n-gram's
occurrences (the latest CANDIDATES), the one whose preceding tokens match the text's
longest wins, latest first on a tie: a note that says "Tom (support)" five times is
copied from the place the answer is at, and a repetition that wraps its lines every
few items is followed a whole line back, so the line break is guessed too.

Checking a draft is not free on a CPU (a batch of 5 tokens takes about twice one
token's time), so the drafter adapts, answer by answer: the draft length doubles while
drafts are accepted in full and shrinks to what was accepted otherwise, and after a
draft that was wholly rejected it waits 1, 2, 4… tokens (up to MAX_WAIT) before the
next one. A free-form answer that matches nothing therefore costs a handful of rejected
one-token drafts, not a slower answer.
"""

from __future__ import annotations

MIN_N, MAX_N = 3, 4  # a two-token match is a chance one too often: its drafts cost more than they save (measured)
MAX_DRAFT = 16      # tokens checked in one batch at most: on a CPU a batch of 17 costs ~7.5 tokens' time,
SHORT_MATCH_DRAFT = 8  # and at most this many where the text matches the place copied for fewer than
LONG_MATCH = 12        # this many tokens: a free-form answer's chance matches rarely go on that long
FIRST_DRAFT = 2     # the first draft of an answer, and after a rejected one
CANDIDATES = 16     # an n-gram's latest occurrences compared for the longest match
CONTEXT = 64        # tokens compared backwards, at most
MAX_WAIT = 32       # tokens without drafts after repeated misses, at most


class PromptLookup:
    """N-gram index over the tokens so far, and the adaptive draft length."""

    def __init__(self, min_n: int = MIN_N, max_n: int = MAX_N, max_draft: int = MAX_DRAFT):
        self.min_n, self.max_n, self.max_draft = min_n, max_n, max_draft
        self.tokens: list[int] = []
        self._index: dict[tuple, list[int]] = {}  # n-gram -> positions of the tokens that followed it
        self._indexed = 0                   # tokens[:_indexed] have their n-grams in the index
        self.start([])

    # The token sequence ---------------------------------------------------

    def start(self, prompt: list[int]) -> None:
        """A new answer to this prompt: keep the index of the part it shares with the previous tokens."""
        prompt = [int(t) for t in prompt]
        shared = 0
        for a, b in zip(self.tokens, prompt):
            if a != b:
                break
            shared += 1
        if shared < len(self.tokens):
            # Entries past `shared` would hide the earlier occurrences they overwrote (an answer regenerated:
            # the old answer copied the same note), so the index is built again, at the first draft.
            del self.tokens[shared:]
            self._index.clear()
            self._indexed = 0
        self.tokens.extend(prompt[shared:])
        self.length, self.wait, self.misses = FIRST_DRAFT, 0, 0
        self.forget_stats()

    def add(self, token: int) -> None:
        self.tokens.append(int(token))

    def _update_index(self) -> None:
        tokens, index = self.tokens, self._index
        # Position i gets the n-grams that end just before it: their continuation starts at i.
        for i in range(max(self._indexed, self.min_n), len(tokens)):
            for n in range(self.min_n, min(self.max_n, i) + 1):
                key = tuple(tokens[i - n:i])
                found = index.get(key)
                if found is None:
                    index[key] = [i]
                else:
                    found.append(i)
        self._indexed = len(tokens)

    # Drafting -------------------------------------------------------------

    def draft(self, room: int) -> list[int]:
        """Tokens to check after the last one, at most `room`; [] when there is no guess worth checking."""
        if self.wait > 0:
            self.wait -= 1
            return []
        if min(self.length, room) <= 0:
            return []
        self._update_index()  # the n-gram that ends the text has no continuation yet: it is not in the index
        tokens = self.tokens
        for n in range(min(self.max_n, len(tokens)), self.min_n - 1, -1):
            found = self._index.get(tuple(tokens[len(tokens) - n:]))
            if found:
                at, matched = self._longest_match(found, n)
                size = min(self.length, room, self.max_draft if matched >= LONG_MATCH else SHORT_MATCH_DRAFT)
                draft = tokens[at:at + size]
                # A repetition that reaches the end goes on as it went (a list, a repeated line): the copy
                # may overlap what it produces, as in LZ77.
                while len(draft) < size:
                    draft.append(draft[len(draft) - (len(tokens) - at)])
                return draft
        return []

    def _longest_match(self, found: list[int], n: int) -> tuple[int, int]:
        """Of the n-gram's latest occurrences, the one whose preceding tokens match the text's end longest:
        where its continuation starts, and how many tokens match (at most CONTEXT)."""
        tokens, end = self.tokens, len(self.tokens)
        best_at, best = found[-1], -1
        for at in reversed(found[-CANDIDATES:]):
            k = n
            while k < CONTEXT and k < at and tokens[at - 1 - k] == tokens[end - 1 - k]:
                k += 1
            if k > best:
                best_at, best = at, k
                if k == CONTEXT:
                    break
        return best_at, best

    def record(self, drafted: int, accepted: int) -> None:
        """How a draft fared: sets the next draft's length, or a wait after a miss."""
        self.drafted += drafted
        self.accepted += accepted
        if accepted == drafted:
            self.length = min(self.length * 2, self.max_draft)
            self.misses = 0
        elif accepted > 0:
            self.length = max(FIRST_DRAFT, accepted + 1)
            self.misses = 0
        else:
            self.length = FIRST_DRAFT
            self.wait = min(1 << self.misses, MAX_WAIT)
            self.misses += 1

    def forget_stats(self) -> None:
        self.drafted = self.accepted = 0

    def stats(self) -> dict:
        """For the answer's stats: nothing when no draft was checked."""
        if not self.drafted:
            return {}
        return {"draft_tokens": self.drafted, "draft_accepted": self.accepted,
                "draft_acceptance": self.accepted / self.drafted}
