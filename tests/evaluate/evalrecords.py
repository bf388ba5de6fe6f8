"""Hand-built records for the evaluation tests (no spaCy): spans are found in the text."""

from __future__ import annotations

from eventwire.model import (
    Article,
    Attribution,
    Entity,
    Event,
    Outcome,
    Participant,
    Record,
    Span,
    make_article,
)
from record_builders import participant as part
from record_builders import place, span, time


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
