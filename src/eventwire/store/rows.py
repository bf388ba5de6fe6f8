"""Record -> table rows (plain dicts), and the date arithmetic the filters rely on."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from typing import Any

from eventwire.model import Article, Entity, Event, Participant, Record, to_dict
from eventwire.store.search import fold_fields

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def partial_date(value: str | None) -> str | None:
    """The leading ``YYYY[-MM[-DD]]`` of an ISO date or datetime, else None."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return year
    if day and month and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        return f"{year}-{month}"
    return "-".join(p for p in (year, month, day) if p)


def first_day(value: str | None) -> str | None:
    """``2026-02`` -> ``2026-02-01``; ``2026`` -> ``2026-01-01``."""
    d = partial_date(value)
    if d is None:
        return None
    parts = d.split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else "01"
    day = parts[2] if len(parts) > 2 else "01"
    return f"{year}-{month}-{day}"


def last_day(value: str | None) -> str | None:
    """``2026-02`` -> ``2026-02-28``; ``2026`` -> ``2026-12-31``."""
    d = partial_date(value)
    if d is None:
        return None
    parts = d.split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else "12"
    if len(parts) > 2:
        return f"{year}-{month}-{parts[2]}"
    days = calendar.monthrange(int(year), int(month))[1]
    return f"{year}-{month}-{days:02d}"


def record_digest(record: Record) -> str:
    """sha1 of the canonical JSON of the whole record: equal records, equal digests."""
    blob = json.dumps(to_dict(record), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "language": article.language,
        "text": article.text,
    }


def record_row(record: Record, digest: str) -> dict[str, Any]:
    body = to_dict(record)
    del body["article"]  # kept in the articles table
    return {
        "article_id": record.article.id,
        "schema_version": record.schema_version,
        "digest": digest,
        "json": body,
    }


def participant_name(p: Participant) -> str:
    return p.name or p.text


def _names(ps: tuple[Participant, ...]) -> str:
    return "; ".join(participant_name(p) for p in ps)


def event_row(event: Event, article: Article) -> dict[str, Any]:
    time, place, outcome = event.time, event.place, event.outcome
    place_name = (place.name or place.text) if place else None
    admin1, country = (place.admin1, place.country) if place else (None, None)
    actor_names, recipient_names = _names(event.actors), _names(event.recipients)
    evidence_text = " ".join(s.text for s in event.evidence)
    date = time.date if time else None
    # An event with no date of its own is placed on the day the article appeared.
    sort_date = partial_date(date) or partial_date(article.published)
    end = (time.end_date if time else None) or date
    return {
        "id": event.id,
        "article_id": article.id,
        "category": event.category,
        "modes": " ".join(event.modes),
        "status": event.status,
        "aggregate": event.aggregate,
        "date": date,
        "end_date": time.end_date if time else None,
        "time_precision": time.precision if time else None,
        "sort_date": sort_date,
        "first_day": first_day(date) if date else first_day(sort_date),
        "last_day": last_day(end) if date else last_day(sort_date),
        "place_name": place_name,
        "place_precision": place.precision if place else None,
        "country": country,
        "admin1": admin1,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "dead": outcome.dead if outcome else None,
        "injured": outcome.injured if outcome else None,
        "arrested": outcome.arrested if outcome else None,
        "condition": outcome.condition if outcome else None,
        "actor_names": actor_names,
        "recipient_names": recipient_names,
        "trigger": event.trigger.text,
        "evidence_text": evidence_text,
        "confidence": event.confidence,
        "json": to_dict(event),
        # The article's summary, for pages of events without a join (tables.py).
        "article_title": article.title,
        "article_outlet": article.outlet,
        "article_url": article.url,
        "article_published": article.published,
        # What the text filters compare (store/search.py), folded once here.
        "search_text": fold_fields(event.trigger.text, evidence_text, article.title),
        "search_place": fold_fields(place_name, admin1, country),
        "search_actors": fold_fields(actor_names, recipient_names),
    }


def entity_row(entity: Entity, article_id: str) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "country": entity.country,
        "sector": entity.sector,
        "json": to_dict(entity),
    }


def statement_rows(record: Record) -> list[dict[str, Any]]:
    return [
        {
            "article_id": record.article.id,
            "idx": i,
            "speaker_name": participant_name(a.speaker) if a.speaker else None,
            "source_type": a.source_type,
            "factuality": a.factuality,
            "content_text": a.content.text,
            "json": to_dict(a),
        }
        for i, a in enumerate(record.statements)
    ]


__all__ = [
    "article_row", "entity_row", "event_row", "first_day", "last_day", "partial_date",
    "participant_name", "record_digest", "record_row", "statement_rows",
]
