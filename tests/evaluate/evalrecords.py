"""Hand-built records for the evaluation tests (no spaCy): spans are found in the text."""

from __future__ import annotations

from eventwire.model import (
    Article,
    Attribution,
    Entity,
    Event,
    Outcome,
    Participant,
    Place,
    Record,
    Span,
    Time,
    make_article,
)


def span(text: str, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(phrase, start, start + len(phrase))


def part(text: str, phrase: str, **kw: object) -> Participant:
    s = span(text, phrase)
    return Participant(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def place(text: str, phrase: str, **kw: object) -> Place:
    s = span(text, phrase)
    return Place(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def time(text: str, phrase: str, **kw: object) -> Time:
    s = span(text, phrase)
    return Time(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def event(
    text: str, category: str, trigger: str, *, modes: tuple[str, ...] = (),
    actors: tuple[Participant, ...] = (), recipients: tuple[Participant, ...] = (),
    confidence: float = 0.5, **kw: object,
) -> Event:
    t = span(text, trigger)
    return Event(
        id=f"{category}-{t.start}", category=category, trigger=t, modes=modes, actors=actors,
        recipients=recipients, confidence=confidence, evidence=(Span(text, 0, len(text)),),
        **kw,  # type: ignore[arg-type]
    )


def record(article: Article | str, *events: Event, entities: tuple[Entity, ...] = (),
           statements: tuple[Attribution, ...] = ()) -> Record:
    art = make_article(article) if isinstance(article, str) else article
    return Record(article=art, events=events, entities=entities, statements=statements)


__all__ = ["Outcome", "event", "part", "place", "record", "span", "time"]
