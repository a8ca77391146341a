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

Checking a draft is not free on a CPU, so the drafter adapts, answer by answer. A batch
(the last token and its draft) costs least per token when its size is a multiple of 4
(measured on the 2-core Xeon at 1,100 tokens of context: 8 tokens take 63.7 ms and 9 take
73.6; 16 take 116.6 and 17 take 127.4), so drafts are 3, 7, 11 or 15 tokens long: the next
size while drafts are accepted in full, the size that fits what was accepted otherwise.
After a draft that was wholly rejected the drafter waits 1, 2, 4… tokens (up to MAX_WAIT)
before the next one. A free-form answer that matches nothing therefore costs a handful of
rejected short drafts, not a slower answer.

A match of fewer than LONG_MATCH tokens is often chance in a free-form answer (a common
phrase), and a 3-token draft only pays when about two of its three tokens are accepted: a
batch of 4 costs 2.8 single tokens at 200 tokens of context on the 2-core Xeon, and the
single token after a batch 1.3 (llama.cpp builds the graph again for each new batch
size). Such matches therefore draft while two thirds of their drafted tokens in this
answer were accepted. On the free-form benchmark question that cut the drafted tokens
from 57 (27 accepted) to 19 (10 accepted) and made it 1.02-1.05x as fast with drafts
as before; notes turned into minutes, which copy short phrases, keep their short drafts.

Where the answer departs from the text it copies for a token or two (a typo corrected, a
number added before a line), the n-grams that end it match nothing until three tokens
past the change. Meanwhile (for RESYNC_WINDOW tokens at most), the drafter looks for the
answer's last token just ahead of where the copy stopped and goes on copying from there,
and short matches draft whatever the chance matches did: the answer was copying just
before. That holds for a copy the answer had followed for COPY_RUN tokens; a free-form
answer that repeats a phrase for a dozen tokens has gone elsewhere when it departs.
"""

from __future__ import annotations

MIN_N, MAX_N = 3, 4  # a two-token match is a chance one too often: its drafts cost more than they save (measured)
DRAFT_SIZES = (3, 7, 11, 15)  # draft lengths: batches of 4, 8, 12 and 16 tokens (see above)
MAX_DRAFT = DRAFT_SIZES[-1]
FIRST_DRAFT = DRAFT_SIZES[0]  # the first draft of an answer, and after a rejected one
SHORT_MATCH_DRAFT = 3  # the longest draft where the text matches the place copied for fewer than
LONG_MATCH = 12        # this many tokens: a free-form answer's chance matches rarely go on that long
CANDIDATES = 16     # an n-gram's latest occurrences compared for the longest match
CONTEXT = 64        # tokens compared backwards, at most
MAX_WAIT = 32       # tokens without drafts after repeated misses, at most
COPY_RUN = 2 * LONG_MATCH  # tokens the answer has matched a place it copies: a copy, not a repeated phrase
RESYNC_WINDOW = 8   # tokens after a copy's first wrong guess searched for the answer's last token, and
                    # tokens of the answer after that guess during which it is searched


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
        self._draft_from = None   # where the last draft was copied from, while it is a copy of the text
        self._resync_from = None  # where that copy's first wrong guess was: the text goes on near there,
        self._resync_until = 0    # for the next RESYNC_WINDOW tokens of the answer
        self._copy_run = 0        # tokens the answer has matched the text where that copy is
        self._short = False       # whether the last draft came from a short match outside a copy
        self._short_drafted = self._short_accepted = 0
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
        self._draft_from, self._short = None, False
        for n in range(min(self.max_n, len(tokens)), self.min_n - 1, -1):
            found = self._index.get(tuple(tokens[len(tokens) - n:]))
            if found:
                at, matched = self._longest_match(found, n)
                if matched >= LONG_MATCH:
                    self._draft_from, self._copy_run = at, matched
                    return self._copy(at, min(self.length, room))
                if self._copying():
                    self._draft_from = at
                elif 3 * self._short_accepted < 2 * self._short_drafted:
                    return []  # under two thirds of this answer's chance-match draft tokens were accepted
                else:
                    self._short = True
                return self._copy(at, min(self.length, room, SHORT_MATCH_DRAFT))
        return self._resync(room)

    def _copying(self) -> bool:
        """Whether the answer was copying the text a moment ago (RESYNC_WINDOW tokens after a copy's draft)."""
        return self._resync_from is not None and len(self.tokens) <= self._resync_until

    def _copy(self, at: int, size: int) -> list[int]:
        draft = self.tokens[at:at + size]
        # A repetition that reaches the end goes on as it went (a list, a repeated line): the copy may
        # overlap what it produces, as in LZ77.
        while len(draft) < size:
            draft.append(draft[len(draft) - (len(self.tokens) - at)])
        return draft

    def _resync(self, room: int) -> list[int]:
        """After a copy's wrong guess, while no n-gram matches: the answer's last token found just past
        the place where the copy went wrong, and what follows it there (a short draft)."""
        if not self._copying():
            return []
        start = self._resync_from
        tokens = self.tokens
        for at in range(start, min(start + RESYNC_WINDOW, len(tokens) - 1)):
            if tokens[at] == tokens[-1]:
                self._draft_from = at + 1
                return self._copy(at + 1, min(self.length, room, SHORT_MATCH_DRAFT))
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
        # A copy of the text (not a chance match) goes on near where its guesses stopped being right.
        self._copy_run += accepted
        if self._short:
            self._short_drafted += drafted
            self._short_accepted += accepted
        copying = self._draft_from is not None and self._copy_run >= COPY_RUN
        self._resync_from = self._draft_from + accepted if copying else None
        self._resync_until = len(self.tokens) + RESYNC_WINDOW
        sizes = [size for size in DRAFT_SIZES if size <= self.max_draft] or [self.max_draft]
        if accepted == drafted:
            self.length = next((size for size in sizes if size > self.length), sizes[-1])
            self.misses = 0
        elif accepted > 0:
            self.length = max([size for size in sizes if size <= accepted + 1] or sizes[:1])
            self.misses = 0
        else:
            self.length = sizes[0]
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
