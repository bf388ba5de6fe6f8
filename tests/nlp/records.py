"""Reading the records the pipeline returns, one way for the NLP tests."""

from __future__ import annotations

import pytest

from eventwire.evaluate.incidents import fold
from eventwire.model import Event, Record, make_article
from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.resources import Resources
from eventwire.nlp.stages.outcome import _Counts
from eventwire.vocab import INCIDENT_CATEGORIES


def extract_text(pipeline: Pipeline, text: str,
                 published: str | None = "2026-03-04") -> Record:
    """The record of one article made of ``text``, published on ``published``."""
    return pipeline.extract(make_article(text, published=published))


def incidents_in(pipeline: Pipeline, text: str,
                 published: str | None = "2026-03-04") -> list[Event]:
    """The events in the incident categories of one article made of ``text``."""
    return [e for e in extract_text(pipeline, text, published).events
            if e.category in INCIDENT_CATEGORIES]


def events_of(record: Record, category: str) -> list[Event]:
    """The record's events of one category, in order."""
    return [e for e in record.events if e.category == category]


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


def assert_placed(pipeline: Pipeline, text: str, trigger: str, name: str | None,
                  country: str) -> None:
    """The event whose mention holds ``trigger`` is placed at ``name`` in ``country`` (the
    place's name, city or admin1, folded as the incident scorer folds them), or at no
    place when ``name`` is None: the check of the places batteries."""
    record = pipeline.extract(make_article(text))
    found = [e for e in record.events
             if any(trigger in m.text or m.text in trigger for m in e.mentions)]
    assert found, [[m.text for m in e.mentions] for e in record.events]
    place = found[0].place
    if name is None:
        assert place is None
        return
    assert place is not None and place.country == country, place
    assert fold(name) in {fold(v) for v in (place.name, place.city, place.admin1) if v}, place


def known_failure(reason: str) -> pytest.MarkDecorator:
    """A battery sentence we could not fix, and why: a strict xfail (it fails the run the
    day it passes, so its mark is taken off)."""
    return pytest.mark.xfail(reason=reason, strict=True)
