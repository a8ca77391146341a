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
    lookup = started([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 2, 3)
    assert lookup.draft(room=100) == [4, 5, 6]
    assert lookup.draft(room=2) == [4, 5]  # never past the context's room


def test_longer_ngrams_win_over_later_short_ones():
    # "1 2 3" is followed by 4 at the start and by 9 later; "5 1 2 3" only at the start.
    lookup = started([5, 1, 2, 3, 4, 0, 1, 2, 3, 9, 0], 5, 1, 2, 3)
    assert lookup.draft(room=100)[:1] == [4]
    lookup = started([5, 1, 2, 3, 4, 0, 1, 2, 3, 9, 0], 7, 1, 2, 3)
    assert lookup.draft(room=100)[:1] == [9]  # only "1 2 3" matches: its latest occurrence


def test_no_draft_when_nothing_matches():
    lookup = started([1, 2, 3, 4, 5], 6, 7)
    assert lookup.draft(room=100) == []
    assert lookup.stats() == {}


def test_matches_of_fewer_than_three_tokens_are_not_guesses():
    lookup = started([1, 2, 3, 4, 5], 6, 2, 3)  # "2 3" occurs, "6 2 3" does not
    assert lookup.draft(room=100) == []


def test_draft_length_grows_while_accepted_and_waits_after_misses():
    lookup = started(list(range(100)), *range(prompt_lookup.LONG_MATCH))  # copying the prompt
    assert len(lookup.draft(room=100)) == prompt_lookup.FIRST_DRAFT == 3
    lengths = []
    for size in (3, 7, 11, 15):  # each accepted in full: the next size (a batch of 4, 8, 12, 16 tokens)
        lookup.record(size, size)
        lengths.append(lookup.length)
    assert lengths == [7, 11, 15, 15] and lookup.length == prompt_lookup.MAX_DRAFT
    lookup.record(15, 9)  # partly accepted: the largest size that the accepted part fills
    assert lookup.length == 7
    lookup.record(7, 1)
    assert lookup.length == prompt_lookup.FIRST_DRAFT
    waits = []
    for _ in range(4):
        lookup.record(3, 0)  # wholly rejected: wait 1, 2, 4, 8 tokens before drafting again
        waits.append(lookup.wait)
        assert lookup.length == prompt_lookup.FIRST_DRAFT
    assert waits == [1, 2, 4, 8]
    skipped = 0
    while lookup.draft(room=100) == [] and skipped < 100:
        skipped += 1
    assert skipped == 8
    assert lookup.stats() == {"draft_tokens": 3 + 7 + 11 + 15 + 15 + 7 + 3 * 4, "draft_accepted": 46,
                              "draft_acceptance": 46 / 70}


def test_the_wait_is_capped():
    lookup = started([1, 2, 3], 1, 2, 3)
    for _ in range(20):
        lookup.record(2, 0)
    assert lookup.wait == prompt_lookup.MAX_WAIT


def test_a_chat_that_goes_on_keeps_its_index():
    lookup = started([4, 5, 6, 7, 8], 9)
    assert lookup.draft(room=100) == []
    before = {key: list(at) for key, at in lookup._index.items()}
    lookup.start([4, 5, 6, 7, 8, 9, 1, 4, 5, 6])  # the answer, then the next turn: only the new tokens are indexed
    assert lookup.stats() == {} and lookup.wait == 0 and lookup.length == prompt_lookup.FIRST_DRAFT
    assert lookup.draft(room=100) == [7, 8, 9]
    assert all(lookup._index[key][:len(at)] == at for key, at in before.items())


def test_another_prompt_never_drafts_from_the_old_tokens():
    # A regenerated answer: the old one copied "4 5 6 7 8" after the prompt; the new prompt ends sooner.
    lookup = started([1, 4, 5, 6, 3], 4, 5, 6, 7, 8)
    lookup.draft(room=100)
    lookup.start([1, 4, 5, 6, 3])
    for token in (4, 5, 6):
        lookup.add(token)
    assert lookup.draft(room=100) == [3, 4, 5]  # from the prompt, not the old answer's 7 8 9
    lookup.start([1, 2, 3, 4])
    for token in (7, 8, 9):
        lookup.add(token)
    assert lookup.tokens == [1, 2, 3, 4, 7, 8, 9]
    assert lookup.draft(room=100) == []


def test_a_repetition_that_reaches_the_end_goes_on():
    lookup = started([9, 9], *[4, 5, 6, 7] * 4, 4, 5, 6)  # "4 5 6" went on with 7, and the text came back to it
    lookup.length = 7
    assert lookup.draft(room=100) == [7, 4, 5, 6, 7, 4, 5]


def test_of_several_occurrences_the_one_with_the_longest_match_is_copied():
    # "3 4 5 6" is followed by 9 after "1 2" and, later, by 8 after "7 2"; the answer is at "1 2 3 4 5 6".
    lookup = started([1, 2, 3, 4, 5, 6, 9, 0, 0, 7, 2, 3, 4, 5, 6, 8], 1, 2, 3, 4, 5, 6)
    assert lookup.draft(room=100)[:1] == [9]  # the latest occurrence alone would have guessed 8


def test_a_repetition_with_a_line_break_every_few_items_is_followed_a_line_back():
    item, last = [5, 6, 7, 4, 3], [5, 6, 7, 4, 8]  # four items a line, the fourth ending with 8, not 3
    line = item * 3 + last
    lookup = started([1], *(line * 2 + item * 3 + [5, 6, 7, 4]))
    lookup.length = 6
    # The latest "5 6 7 4" (this line's third item) was followed by 3; a line back, where the text
    # before it matches too, by 8.
    assert lookup.draft(room=100) == [8, 5, 6, 7, 4, 3]


def test_drafts_are_longest_where_the_text_has_matched_the_place_copied_for_long():
    copied = list(range(100, 140))
    long_match = started([1] + copied, *copied[:prompt_lookup.LONG_MATCH])
    long_match.length = prompt_lookup.MAX_DRAFT
    assert len(long_match.draft(room=100)) == prompt_lookup.MAX_DRAFT
    chance = started([1] + copied, 7, 8, *copied[10:13])  # only three tokens match the note
    chance.length = prompt_lookup.MAX_DRAFT
    assert chance.draft(room=100) == copied[13:13 + prompt_lookup.SHORT_MATCH_DRAFT]


def copying(copied, run):
    """An answer that has matched the note for `run` tokens, and its drafter's next draft (7 tokens)."""
    lookup = started([1] + copied, *copied[:run])
    lookup.length = 7
    assert lookup.draft(room=100) == copied[run:run + 7]
    return lookup


def test_a_copy_that_departs_for_a_token_goes_on_where_the_text_does():
    """A typo corrected: the answer writes 999 where the note has copied[run + 2], then goes on with the note."""
    copied, run = list(range(100, 160)), prompt_lookup.COPY_RUN - 2
    lookup = copying(copied, run)
    lookup.record(7, 2)  # copied[run], copied[run + 1] right; the model wrote 999 instead of copied[run + 2]
    for token in (copied[run], copied[run + 1], 999):
        lookup.add(token)
    assert lookup.draft(room=100) == []  # nothing matches 999 near the place the copy stopped
    lookup.add(copied[run + 3])  # the note again, past its typo: no three-token n-gram ends the answer yet
    assert lookup.draft(room=100) == copied[run + 4:run + 7]  # found again a token past the wrong guess


def test_a_short_copy_that_departs_is_not_followed_past_the_change():
    """A free-form answer that repeats a phrase for a while: where it departs, it has gone elsewhere."""
    copied, run = list(range(100, 160)), prompt_lookup.COPY_RUN - 3  # one token short of a confirmed copy
    lookup = copying(copied, run)
    lookup.record(7, 2)
    for token in (copied[run], copied[run + 1], 999, copied[run + 3]):
        lookup.add(token)
    assert lookup.draft(room=100) == []


def test_the_place_a_copy_stopped_is_forgotten_once_the_answer_has_gone_elsewhere():
    copied, run = list(range(100, 160)), prompt_lookup.COPY_RUN
    lookup = copying(copied, run)
    lookup.record(7, 2)
    for token in (copied[run], copied[run + 1], *range(900, 900 + prompt_lookup.RESYNC_WINDOW), copied[run + 3]):
        lookup.add(token)
    assert lookup.draft(room=100) == []  # copied[run + 3] is a chance token now, not the note going on


def test_a_chance_match_that_fails_is_not_followed_further():
    copied = list(range(100, 140))
    lookup = started([1] + copied, 7, 8, *copied[10:13])  # only three tokens match the note
    assert lookup.draft(room=100) == copied[13:16]
    lookup.record(3, 1)
    for token in (copied[13], 999, copied[15]):
        lookup.add(token)
    assert lookup.draft(room=100) == []


def test_chance_matches_stop_drafting_once_most_of_their_drafts_were_rejected():
    """Outside a copy, a short match drafts while two thirds of such drafts were accepted in this answer."""
    copied = list(range(100, 140))
    lookup = started([1] + copied, 7, 8, *copied[10:13])
    assert lookup.draft(room=100) == copied[13:16]
    lookup.record(3, 3)  # all accepted: chance matches go on drafting
    for token in (*copied[13:16], 50, 51, *copied[20:23]):
        lookup.add(token)
    assert lookup.draft(room=100) == copied[23:26]
    lookup.record(3, 1)  # 4 of 6 accepted: still two thirds
    for token in (copied[23], 60, 61, *copied[30:33]):
        lookup.add(token)
    assert lookup.draft(room=100) == copied[33:36]
    lookup.record(3, 1)  # 5 of 9: no more
    for token in (copied[33], 70, 71, *copied[1:4]):
        lookup.add(token)
    assert lookup.draft(room=100) == []
    lookup.start([1] + copied)  # the next answer tries again
    for token in (7, 8, *copied[10:13]):
        lookup.add(token)
    assert lookup.draft(room=100) == copied[13:16]
