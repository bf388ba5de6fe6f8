"""Reading the records the pipeline returns, one way for the NLP tests."""

from __future__ import annotations

from eventwire.model import Event, Record


def first_assault(record: Record) -> Event:
    """The record's first ASSAULT event (the test fails, naming what was found, if none)."""
    found = [e for e in record.events if e.category == "ASSAULT"]
    assert found, [e.category for e in record.events]
    return found[0]
