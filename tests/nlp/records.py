"""Reading the records the pipeline returns, one way for the NLP tests."""

from __future__ import annotations

from eventwire.model import Event, Record
from eventwire.nlp.resources import Resources
from eventwire.nlp.stages.outcome import _Counts


def first_assault(record: Record) -> Event:
    """The record's first ASSAULT event (the test fails, naming what was found, if none)."""
    found = [e for e in record.events if e.category == "ASSAULT"]
    assert found, [e.category for e in record.events]
    return found[0]


def scanned_counts(res: Resources, sentence: str) -> dict[str, int]:
    """What the outcome stage's number scan reads in one sentence: kind -> the largest
    count (and every span it returns must slice the sentence exactly)."""
    found: dict[str, int] = {}
    for kind, n, span in _Counts(res.numbers, res.lexicon).scan(sentence, 0):
        assert sentence[span.start:span.end] == span.text
        found[kind] = max(found.get(kind, 0), n)
    return found
