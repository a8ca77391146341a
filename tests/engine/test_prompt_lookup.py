"""The prompt-lookup drafter on its own: what it guesses, and how it backs off."""

from app.engine import prompt_lookup
from app.engine.prompt_lookup import PromptLookup


def started(prompt, *answer):
    lookup = PromptLookup()
    lookup.start(prompt)
    for token in answer:
        lookup.add(token)
    return lookup


def test_drafts_what_followed_the_last_tokens_in_the_prompt():
    lookup = started([1, 2, 3, 4, 5, 6, 7, 8, 9], 2, 3)
    lookup.length = 4
    assert lookup.draft(room=100) == [4, 5, 6, 7]
    assert lookup.draft(room=2) == [4, 5]  # never past the context's room


def test_longer_ngrams_win_over_later_short_ones():
    # "2 3" is followed by 4 at the start and by 9 later; "1 2 3" only at the start.
    lookup = started([1, 2, 3, 4, 0, 2, 3, 9, 0], 1, 2, 3)
    assert lookup.draft(room=100)[:1] == [4]
    lookup = started([1, 2, 3, 4, 0, 2, 3, 9, 0], 7, 2, 3)
    assert lookup.draft(room=100)[:1] == [9]  # only "2 3" matches: its latest occurrence


def test_no_draft_when_nothing_matches():
    lookup = started([1, 2, 3, 4, 5], 6, 7)
    assert lookup.draft(room=100) == []
    assert lookup.stats() == {}


def test_single_token_matches_are_not_guesses():
    lookup = started([1, 2, 3, 4, 5], 6, 3)  # "3" alone occurs, "6 3" does not
    assert lookup.draft(room=100) == []


def test_draft_length_grows_while_accepted_and_waits_after_misses():
    lookup = started(list(range(100)), 10, 11)
    assert len(lookup.draft(room=100)) == prompt_lookup.FIRST_DRAFT
    lookup.record(2, 2)
    assert len(lookup.draft(room=100)) == 4
    lookup.record(4, 4)
    lookup.record(8, 8)
    lookup.record(16, 16)
    assert lookup.length == prompt_lookup.MAX_DRAFT
    lookup.record(8, 3)  # partly accepted: next time a little more than what was accepted
    assert lookup.length == 4
    waits = []
    for _ in range(4):
        lookup.record(2, 0)  # wholly rejected: wait 1, 2, 4, 8 tokens before drafting again
        waits.append(lookup.wait)
        assert lookup.length == prompt_lookup.FIRST_DRAFT
    assert waits == [1, 2, 4, 8]
    skipped = 0
    while lookup.draft(room=100) == []:
        skipped += 1
    assert skipped == 8
    assert lookup.stats() == {"draft_tokens": 2 + 4 + 8 + 16 + 8 + 8, "draft_accepted": 33,
                              "draft_acceptance": 33 / 46}


def test_the_wait_is_capped():
    lookup = started([1, 2, 3], 1, 2)
    for _ in range(20):
        lookup.record(2, 0)
    assert lookup.wait == prompt_lookup.MAX_WAIT


def test_a_chat_that_goes_on_keeps_its_index():
    lookup = started([5, 6, 7, 8], 9)
    assert lookup.draft(room=100) == []
    before = dict(lookup._index)
    lookup.start([5, 6, 7, 8, 9, 1, 5, 6])  # the answer, then the next turn: only the new tokens are indexed
    assert lookup.stats() == {} and lookup.wait == 0 and lookup.length == prompt_lookup.FIRST_DRAFT
    assert lookup.draft(room=100) == [7, 8]
    assert all(lookup._index[key] == at for key, at in before.items())


def test_another_prompt_never_drafts_from_the_old_tokens():
    # A regenerated answer: the old one copied "5 6 7 8" after the prompt; the new prompt ends sooner.
    lookup = started([1, 5, 6, 3], 5, 6, 7, 8)
    lookup.draft(room=100)
    lookup.start([1, 5, 6, 3])
    lookup.add(5)
    lookup.add(6)
    assert lookup.draft(room=100) == [3, 5]  # from the prompt, not the old answer's 7 8
    lookup.start([1, 2, 3, 4])
    lookup.add(7)
    lookup.add(8)
    assert lookup.tokens == [1, 2, 3, 4, 7, 8]
    assert lookup.draft(room=100) == []


def test_a_repetition_that_reaches_the_end_goes_on():
    lookup = started([9, 9], 5, 6, 7, 5, 6)  # "5 6" last continued with 7, then the text came back to 5 6
    lookup.length = 7
    assert lookup.draft(room=100) == [7, 5, 6, 7, 5, 6, 7]
