"""Which event an article is about: the main event of a record.

A report's main event is current news (asserted, not background, not a summary of many
incidents), mentioned in the most sentences, and told early (news puts it in the lead).
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Event, Record

# Statuses in the order a report's main event is looked for.
_STATUS_RANK = {"asserted": 0, "future": 1, "historical": 2, "hypothetical": 3}


def salience(event: Event, text_length: int) -> float:
    """Sentences mentioning the event, plus a bonus for appearing in the first fifth of the
    text, plus its confidence as a tie-breaker."""
    first = min((s.start for s in event.evidence), default=event.trigger.start)
    lead = 1.5 if text_length and first <= 0.2 * text_length else 0.0
    return len(event.evidence) + lead + event.confidence


def main_event(record: Record, categories: Iterable[str] | None = None) -> Event | None:
    """The record's main event (optionally among some PLOVER categories), or None."""
    wanted = None if categories is None else frozenset(categories)
    events = [
        e for e in record.events
        if e.status != "negated" and (wanted is None or e.category in wanted)
    ]
    if not events:
        return None
    n = len(record.article.text)
    return min(
        events,
        key=lambda e: (_STATUS_RANK.get(e.status, 4), e.aggregate, -salience(e, n),
                       e.trigger.start),
    )


__all__ = ["main_event", "salience"]
