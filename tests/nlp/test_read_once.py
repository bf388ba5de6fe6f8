"""What the stages read once per article (PERFORMANCE.md, round 10) reads what reading it
each time read: a sentence's Span from the ``Token.sent`` hook, a span's words
(``spans.span_words``), and the rules the time-expression scan tries."""

from __future__ import annotations

import pytest

from eventwire.nlp import spans
from eventwire.timex import anchors, detect, prefilter

TEXT = (
    "Gunmen opened fire on a bus near the market on Friday, killing four people. "
    "Police said two suspects were arrested late Saturday.\n\n"
    "The governor called the attack cowardly. A vigil is planned for next Tuesday "
    "at 6 p.m., and the inquiry will report by March 3, 2027."
)


@pytest.fixture(scope="module")
def doc(pipeline):
    d = pipeline.nlp(TEXT)
    spans.prime(d, TEXT)
    return d


def test_sentence_span_is_the_sentence_and_made_once(doc):
    by_token = {t.i: s for s in doc.sents for t in s}
    for t in doc:
        got = t.sent
        assert (got.start, got.end) == (by_token[t.i].start, by_token[t.i].end)
        assert t.sent is got  # the same Span the second time
    spans.release(doc)
    assert "eventwire_sentences" not in doc.user_data
    for t in doc:  # after release: still the sentence, made anew
        assert (t.sent.start, t.sent.end) == (by_token[t.i].start, by_token[t.i].end)


def test_span_words_are_the_tokens_words(doc):
    for s in doc.sents:
        assert spans.span_words(s) == [(x.i, x.lower_, x.lemma_.lower()) for x in s]
        assert spans.span_words(s) is spans.span_words(s)
    spans.release(doc)
    assert "eventwire_span_words" not in doc.user_data


def _candidates_each_time(text: str) -> list[tuple[int, int, int]]:
    """The scan as it was: each rule's needs read by ``may_match`` for each rule."""
    out = []
    folded = text.casefold()
    starts = detect._HEADS.starts(text)
    anchored = detect._HEADS.anchored
    for order, rule in enumerate(detect.RULES):
        if (anchored[order] and order not in starts) or not prefilter.may_match(
                detect._NEEDS[order], folded):
            continue
        found = (anchors.scan(rule.regex, text, starts[order]) if anchored[order]
                 else rule.regex.finditer(text))
        for m in found:
            if m.end() > m.start() and (rule.guard is None or rule.guard(text, m)):
                out.append((m.start(), m.end(), order))
    out.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    chosen: list[tuple[int, int, int]] = []
    for c in out:
        if all(c[1] <= s or c[0] >= e for s, e, _o in chosen):
            chosen.append(c)
    return sorted(chosen)


@pytest.mark.parametrize("text", [
    TEXT,
    "No dates here at all, only words.",
    "On Monday, Tuesday and the Wednesday after, in May or June 2019, twice a week.",
    "Three years ago this month; the 1990s; since 2001; at noon yesterday.",
])
def test_time_candidates_read_needs_once(text):
    got = [(c.start, c.end, c.order) for c in detect._candidates(text)]
    assert got == _candidates_each_time(text)
