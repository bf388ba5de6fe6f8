"""Builders for hand-made records in tests: every span is found in the text it belongs to,
so offsets always slice exactly. Shared by the store, web, schema and evaluation samples."""

from __future__ import annotations

from eventwire.model import Participant, Place, Span, Time


def span(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(needle, start, start + len(needle))


def sentence(text: str, first_words: str) -> Span:
    """The sentence of ``text`` that starts with ``first_words`` (up to its full stop)."""
    start = text.index(first_words)
    end = text.index(".", start + len(first_words)) + 1
    return Span(text[start:end], start, end)


def participant(text: str, needle: str, nth: int = 0, **kw: object) -> Participant:
    s = span(text, needle, nth)
    return Participant(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def place(text: str, needle: str, nth: int = 0, **kw: object) -> Place:
    s = span(text, needle, nth)
    return Place(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def time(text: str, needle: str, nth: int = 0, **kw: object) -> Time:
    s = span(text, needle, nth)
    return Time(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


__all__ = ["participant", "place", "sentence", "span", "time"]
