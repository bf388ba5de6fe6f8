"""Tables of cross-article resolution (created by migration 3, ``v3_resolve``).

- ``resolve_judgements``: same / different / unsure, per pair of ids, automatic or by a
  user; both kinds are kept (a user judgement overrides, never deletes, an automatic one).
- ``resolve_members``: which canonical id each event / entity mention belongs to now,
  derived from the judgements (rebuilt by ``eventwire cluster``).
- ``canonical_events`` / ``canonical_entities``: one summary row per cluster, for listing
  and filtering; the full view is computed from the member records when shown.
- ``canonical_ids`` (migration 7): every canonical id ever issued, with its issue number
  (its age) and, once its cluster was merged into an older one, the id it now redirects
  to (``merged_into``). A cluster keeps its first id for life (``resolve/ids.py``).

``kind`` is "event" (ids are event ids) or "entity" (ids are ``<article id>:<entity id>``).
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Float, Index, Integer, String, Table, Text

from eventwire.store.tables import metadata

resolve_judgements = Table(
    "resolve_judgements",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("left_id", String(200), primary_key=True),
    Column("right_id", String(200), primary_key=True),
    Column("source", String(8), primary_key=True),  # auto | user
    Column("verdict", String(16), nullable=False),  # same | different | unsure
    Column("score", Float, nullable=False),
    Column("features", JSON, nullable=False),
    Column("created_at", String(32), nullable=False),
)

resolve_members = Table(
    "resolve_members",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("canonical_id", String(40), nullable=False),
)

canonical_events = Table(
    "canonical_events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("category", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("date", String(40)),  # the most reported own date of the incident
    Column("place_name", Text),
    Column("country", String(8)),
    Column("first_reported", String(64)),
    Column("last_reported", String(64)),
    Column("report_count", Integer, nullable=False),
    Column("outlet_count", Integer, nullable=False),
    Column("dead", Integer),  # latest reported
    Column("injured", Integer),
    Column("json", JSON, nullable=False),  # short summary (latest values, conflicts)
    Column("search_place", Text),  # place_name folded (store/search.py): migration 7
)

canonical_entities = Table(
    "canonical_entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("mention_count", Integer, nullable=False),
    Column("json", JSON, nullable=False),  # aliases, roles with dates, articles
    Column("search_name", Text),  # name folded (store/search.py): migration 7
)

canonical_ids = Table(
    "canonical_ids",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("id", String(40), primary_key=True),
    Column("seq", Integer, nullable=False),  # issue order within the kind: smaller is older
    Column("issued_at", String(32), nullable=False),
    Column("merged_into", String(40)),  # the live id this one redirects to, once merged
    Column("merged_at", String(32)),
)

Index("ix_resolve_members_canonical", resolve_members.c.kind, resolve_members.c.canonical_id)
Index("ix_canonical_events_date", canonical_events.c.date)
Index("ix_canonical_events_category", canonical_events.c.category)
Index("ix_canonical_events_country", canonical_events.c.country)
Index("ix_canonical_entities_name", canonical_entities.c.name)

RESOLVE_TABLES = (resolve_judgements, resolve_members, canonical_events, canonical_entities,
                  canonical_ids)


__all__ = [
    "RESOLVE_TABLES", "canonical_entities", "canonical_events", "canonical_ids",
    "resolve_judgements", "resolve_members",
]
