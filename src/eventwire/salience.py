"""Which event an article is about: the main event of a record.

A report's main event is current news (asserted, not background, not a summary of many
incidents), mentioned in the most sentences, and told early (news puts it in the lead).
"""

from __future__ import annotations

from collections.abc import Iterable

from .headline import title_of
from .model import Event, Record

# Statuses in the order a report's main event is looked for.
_STATUS_RANK = {"asserted": 0, "future": 1, "historical": 2, "hypothetical": 3}
_HEADLINE = 1.5  # a headline names what the report is about


def salience(event: Event, text_length: int, title_end: int = 0) -> float:
    """Sentences mentioning the event, plus a bonus for appearing in the first fifth of the
    text and another for being named in the headline (the text opening with the article's
    title, ``title_end`` characters long), plus its confidence as a tie-breaker."""
    first = min((s.start for s in event.evidence), default=event.trigger.start)
    lead = 1.5 if text_length and first <= 0.2 * text_length else 0.0
    headline = _HEADLINE if first < title_end else 0.0
    return len(event.evidence) + lead + headline + event.confidence


def _title_end(record: Record) -> int:
    title = title_of(record.article.text, record.article.title)  # see nlp.pipeline._title
    return len(title) if title else 0


def main_event(record: Record, categories: Iterable[str] | None = None) -> Event | None:
    """The record's main event (optionally among some PLOVER categories), or None."""
    wanted = None if categories is None else frozenset(categories)
    events = [
        e for e in record.events
        if e.status != "negated" and (wanted is None or e.category in wanted)
    ]
    if not events:
        return None
    n, title_end = len(record.article.text), _title_end(record)
    return min(
        events,
        key=lambda e: (_STATUS_RANK.get(e.status, 4), e.aggregate, -salience(e, n, title_end),
                       e.trigger.start),
    )


__all__ = ["main_event", "salience"]
