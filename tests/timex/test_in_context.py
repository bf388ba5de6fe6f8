"""Reading a text's expressions in context cheaply: the sentences found once per text, the
tense guessed only for values that depend on it, and which values rest on it
(``read_timexes``). Invented sentences."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.timex import annotate_timexes, guess_tense, read_timexes
from eventwire.timex import detect as D

ANCHOR = date(2026, 3, 4)  # a Wednesday

TEXTS = (
    "Troops left the town on Friday. Monday, the mayor said they would return.\n"
    "Talks resume Jan. 5 in the capital. \"Tuesday is too soon,\" an aide said.\n"
    "The blast came at 11 p.m. Police sealed the street by 2 a.m. Saturday.",
    "A curfew was imposed in 2019.The curfew will end next week! Will it? Yes.\n\n"
    "(Reuters) - On Oct. 12, the day before the vote, two men were shot. 'Friday' was calm.",
    "Headline without a stop\nIt rained on Sunday.  Then on Monday it snowed. 3 days later?",
)


def _reference_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """How the sentence of an expression was found before: every sentence end from the
    start of the text, read in the text cut at the expression's start."""
    s = 0
    for m in D._SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    m2 = D._SENTENCE_END.search(text, end)
    return s, (m2.start() if m2 else len(text))


def _positions(text: str) -> list[int]:
    return sorted({0, len(text)} | {m.start() for m in re.finditer(r"\S+", text)}
                  | {m.end() for m in re.finditer(r"\S+", text)})


def test_sentences_found_once_give_the_bounds_of_the_scan_from_the_start() -> None:
    for text in TEXTS:
        sentences = D._Sentences(text)
        pos = _positions(text)
        for i, start in enumerate(pos):
            for end in pos[i:i + 4]:
                assert sentences.bounds(start, end) == _reference_bounds(text, start, end), (
                    text[start:end])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Monday", "said", ".", ". ", "\n", " ", "'", "\"", "p.m.",
                                 "Jan.", "5", "A", "will", "it", "?! ", ") "]),
                min_size=1, max_size=30),
       st.data())
def test_sentence_bounds_match_the_scan_on_any_text(parts: list[str], data: st.DataObject
                                                    ) -> None:
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert D._Sentences(text).bounds(start, end) == _reference_bounds(text, start, end)


def test_the_tense_guess_is_the_same_with_the_sentences_found_once() -> None:
    for text in TEXTS:
        sentences = D._Sentences(text)
        for m in re.finditer(r"\b(?:Monday|Tuesday|Friday|Saturday|Sunday|next week)\b", text):
            assert guess_tense(text, m.start(), m.end(), sentences) == guess_tense(
                text, m.start(), m.end())


def test_only_values_that_depend_on_the_tense_ask_for_it(monkeypatch) -> None:
    asked: list[str] = []
    real = D.guess_tense

    def counting(text: str, start: int, end: int, sentences=None):
        asked.append(text[start:end])
        return real(text, start, end, sentences)

    monkeypatch.setattr(D, "guess_tense", counting)
    text = ("The ceasefire signed on March 3, 2025 held for two weeks. Fighting resumed in "
            "2026, and the envoys will meet on Friday.")
    got = {r.span.text: r for r in read_timexes(text, ANCHOR)}
    assert asked == ["Friday"]
    assert got["Friday"].tensed and got["Friday"].value.value == "2026-03-06"
    assert not got["March 3, 2025"].tensed and not got["two weeks"].tensed


def test_a_value_the_story_gives_is_not_marked_as_resting_on_the_tense() -> None:
    # "that day" is the Saturday named before it; "at 9 p.m." is on that day too
    text = ("Gunmen attacked a checkpoint on Saturday. Later that day, at 9 p.m., a second "
            "group struck a market.")
    got = {r.span.text: r for r in read_timexes(text, ANCHOR)}
    assert got["Saturday"].tensed and got["Saturday"].value.value == "2026-02-28"
    assert got["Later that day"].value.value == "2026-02-28"
    assert not got["Later that day"].tensed
    clock = got["9 p.m."]
    assert clock.value.value == "2026-02-28T21:00" and not clock.tensed


def test_annotate_is_read_as_pairs() -> None:
    for text in TEXTS:
        assert annotate_timexes(text, ANCHOR) == [
            (r.span, r.value) for r in read_timexes(text, ANCHOR)]


# -- clock times in the story ------------------------------------------------------------------


def _values(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, n.value) for s, n in annotate_timexes(text, ANCHOR)]


def test_a_clock_time_without_a_day_does_not_become_the_day_the_story_is_at() -> None:
    # "8 p.m." takes Saturday; "that night" is Saturday's, not the publication day's
    assert _values("Rebels attacked the town on Saturday. At 8 p.m. the army arrived, and "
                   "that night the rebels withdrew.") == [
        ("Saturday", "2026-02-28"), ("8 p.m.", "2026-02-28T20:00"),
        ("that night", "2026-02-28TNI")]
    assert _values("Troops reached the border on March 2. By 9 p.m. the shelling had stopped; "
                   "the next day talks began.") == [
        ("March 2", "2026-03-02"), ("9 p.m.", "2026-03-02T21:00"),
        ("the next day", "2026-03-03")]


def test_a_clock_time_does_not_take_the_day_of_a_later_phrase_counted_from_it() -> None:
    assert _values("The curfew runs from eight in the evening until six the next morning.") == [
        ("eight in the evening", "2026-03-04T20:00"), ("the next morning", "2026-03-05TMO")]


def test_an_hour_in_words_with_a_part_of_the_day_is_a_clock_time() -> None:
    assert _values("Shops must close at eight o'clock in the evening.") == [
        ("eight o'clock in the evening", "2026-03-04T20:00")]
    assert _values("The man was found at about ten at night on Friday.") == [
        ("ten at night on Friday", "2026-02-27T22:00")]
    assert _values("Guards change shifts at six in the morning.") == [
        ("six in the morning", "2026-03-04T06:00")]
    # "one" as a pronoun, not an hour
    assert all("one" not in t for t, _ in _values("No one in the morning crowd saw it."))


def test_a_clock_time_told_in_the_past_takes_no_day_still_to_come() -> None:
    # published Tuesday 26 May 2026: Sunday is ahead; the curfew was imposed already
    tuesday = date(2026, 5, 26)
    got = {s.text: n.value for s, n in annotate_timexes(
        "Funerals are expected to take place on Sunday. A curfew was imposed from eight in "
        "the evening.", tuesday)}
    assert got["eight in the evening"] == "2026-05-26T20:00"
    got = {s.text: n.value for s, n in annotate_timexes(
        "The match will be played on Sunday. Gates open at 6 p.m.", tuesday)}
    assert got["6 p.m."] == "2026-05-31T18:00"


def _reference_cues(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """Each cue pattern scanned at every position of the sentence (``finditer``)."""
    out = []
    for pattern, tense, _weight in D._CUE_PATTERNS:
        out += [(m.start(), m.end(), tense) for m in pattern.finditer(text, s, e)]
    return out


def _cue_spans(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The cues read at word starts only, before the filters ``_cues`` adds."""
    starts = [m.start() for m in D._CUE_STARTS.finditer(text, s, e)]
    out = []
    for pattern, tense, _weight in D._CUE_PATTERNS:
        out += [(m.start(), m.end(), tense) for m in D._matches(pattern, text, starts, e)]
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["we", "'ll", "'ve", "have", "been", "has", "will", "was",
                                 "said", "planned", "meet", "meets", "the", "is", "to",
                                 "opened", "next", "due", "on", " ", "  ", "\n", ".", ",",
                                 "-", "x", "o'clock", "don't", "won't", "É", "é"]),
                min_size=1, max_size=25),
       st.data())
def test_cues_tried_at_word_starts_are_the_cues_of_a_full_scan(parts: list[str],
                                                                data: st.DataObject) -> None:
    text = "".join(parts)
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert _cue_spans(text, s, e) == _reference_cues(text, s, e)


def test_cues_at_word_starts_on_the_example_texts() -> None:
    for text in TEXTS:
        pos = _positions(text)
        for i, s in enumerate(pos):
            for e in pos[i:i + 12]:
                assert _cue_spans(text, s, e) == _reference_cues(text, s, e)
