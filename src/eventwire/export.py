"""Exports of stored events: JSON Lines, ACLED-style CSV, GeoJSON; and the output shapes
every listing command shares.

Every exporter writes while it iterates (pass ``Store.iter_events(...)``), so memory
use does not grow with the export. Each returns how many items it wrote.

Listing commands (``extract``, ``events``, ``export``, ``errors``, ``canonical list``,
``entities show``, ``token list``) print ``--format json`` as **one JSON array**, whatever
the number of items (``[]`` for none), and ``--format jsonl`` as **one JSON object per
line** (nothing for none); ``table`` is for people. ``write_listing`` does all three.

The PLOVER -> ACLED mapping (``eventwire.acled``) is eventwire's own reading of the two vocabularies
(ACLED event types: see the ACLED codebook; PLOVER modes and sector codes: PLOVER manual,
Open Event Data Alliance, CC BY-SA 4.0). It is an approximation for analysts used to
ACLED's columns; it is not ACLED data and is not derived from it.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from eventwire.acled import EventFacts, acled_names, event_code, sub_event, words_of
from eventwire.model import Record, to_dict
from eventwire.store.queries import EventRow

# -- PLOVER -> ACLED ---------------------------------------------------------------------

# PLOVER sector -> ACLED inter code (1 state forces, 2 rebels, 3 political militia,
# 4 identity militia, 5 rioters, 6 protesters, 7 civilians, 8 external/other).
# Doubtful: ACLED files "unidentified armed groups" under 3; we keep UAF at 8 for now.
INTER_BY_SECTOR: dict[str, int] = {
    "MIL": 1, "GOV": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1,
    "REB": 2,
    "PRM": 3,
    "CVL": 7, "AGR": 7, "BUS": 7, "EDU": 7, "ELI": 7, "JRN": 7, "LAB": 7, "MED": 7,
    "REF": 7, "OPP": 7, "PTY": 7, "REL": 7, "SOC": 7,
    "UAF": 8, "UNK": 8, "CRM": 8, "PRE": 8,
}

# Time.precision -> ACLED time_precision (1 actual day, 2 week, 3 month or coarser).
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2}

# Place.precision -> ACLED geo_precision (1 the town, 2 part of a region, 3 larger region).
GEO_PRECISION: dict[str, int] = {
    "site": 1, "neighbourhood": 1, "city": 1, "district": 2, "region": 3, "country": 3,
}


def acled_type(
    category: str,
    modes: tuple[str, ...],
    actor_sectors: tuple[str | None, ...] = (),
    recipient_sectors: tuple[str | None, ...] = (),
    text: str = "",
) -> tuple[str, str]:
    """(event_type, sub_event_type) of an event: its PLOVER coding, and the words of the
    text reporting it when given (``eventwire.acled``; the CASE 2021 score measures it)."""
    facts = EventFacts(category, tuple(modes), tuple(actor_sectors), tuple(recipient_sectors),
                       words=words_of([text]))
    return acled_names(sub_event(text, facts) if text.strip() else event_code(facts))


def inter_code(sector: str | None, category: str = "", modes: tuple[str, ...] = ()) -> int | None:
    """ACLED inter code for one participant; protesters and rioters by the event's type."""
    if category.upper() == "PROTEST" and sector in (None, "CVL", "OPP", "LAB", "EDU", "AGR"):
        return 5 if ("riot" in modes or "vandalize" in modes) else 6
    if sector is None:
        return None
    return INTER_BY_SECTOR.get(sector)


def interaction_code(inter1: int | None, inter2: int | None) -> str:
    """ACLED's two-digit interaction: lower code first; a lone actor gives ``N0``."""
    if inter1 is None:
        return ""
    if inter2 is None:
        return f"{inter1}0"
    a, b = sorted((inter1, inter2))
    return f"{a}{b}"


# -- CSV -------------------------------------------------------------------------------

CSV_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities",
    # eventwire's own
    "plover_category", "plover_modes", "status", "injured", "article_url", "article_id",
)


def _blank(value: object) -> object:
    return "" if value is None else value


def acled_row(row: EventRow) -> dict[str, object]:
    """One CSV line (column -> value) for ``row``."""
    event_type, sub_type = acled_type(
        row.category, row.modes, row.actor_sectors, row.recipient_sectors,
        text=row.evidence_text or row.trigger,
    )
    sector1 = row.actor_sectors[0] if row.actor_sectors else None
    sector2 = row.recipient_sectors[0] if row.recipient_sectors else None
    inter1 = inter_code(sector1, row.category, row.modes) if row.actor_names else None
    inter2 = inter_code(sector2) if row.recipient_names else None
    has_own_date = row.date is not None
    return {
        "event_id_cnty": row.id,
        "event_date": _blank(row.sort_date),
        "year": row.sort_date[:4] if row.sort_date else "",
        "time_precision": TIME_PRECISION.get(row.time_precision or "", 3) if has_own_date else 3,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": row.actor_names[0] if row.actor_names else "",
        "assoc_actor_1": "; ".join(row.actor_names[1:]),
        "inter1": _blank(inter1),
        "actor2": row.recipient_names[0] if row.recipient_names else "",
        "assoc_actor_2": "; ".join(row.recipient_names[1:]),
        "inter2": _blank(inter2),
        "interaction": interaction_code(inter1, inter2),
        "country": _blank(row.country),
        "admin1": _blank(row.admin1),
        "location": _blank(row.place_name),
        "latitude": _blank(row.lat),
        "longitude": _blank(row.lon),
        "geo_precision": _blank(GEO_PRECISION.get(row.place_precision or "")),
        "source": _blank(row.outlet),
        "source_scale": "",
        "notes": row.evidence_text,
        "fatalities": row.dead or 0,
        "plover_category": row.category,
        "plover_modes": ";".join(row.modes),
        "status": row.status,
        "injured": _blank(row.injured),
        "article_url": _blank(row.url),
        "article_id": row.article_id,
    }


def export_csv(rows: Iterable[EventRow], out: TextIO) -> int:
    """ACLED-style CSV (header + one line per event); returns the number of events."""
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(acled_row(row))
        n += 1
    return n


# -- JSON Lines ------------------------------------------------------------------------


def row_dict(row: EventRow) -> dict[str, Any]:
    """The flat row as JSON-ready dict (tuples become lists)."""
    return {
        f.name: (list(v) if isinstance(v := getattr(row, f.name), tuple) else v)
        for f in dataclasses.fields(row)
    }


def export_jsonl(rows_or_records: Iterable[EventRow | Record], out: TextIO) -> int:
    """One JSON object per line: flat event rows, or whole records (``to_dict``)."""
    n = 0
    for item in rows_or_records:
        data = to_dict(item) if isinstance(item, Record) else row_dict(item)
        out.write(json.dumps(data, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


# -- listing shapes ----------------------------------------------------------------------

LISTING_FORMATS: tuple[str, ...] = ("table", "json", "jsonl")


def write_json_array(items: Iterable[Any], out: TextIO) -> int:
    """``items`` as one JSON array, written as they come: the same text as
    ``json.dump(list(items), out, ensure_ascii=False, indent=2)`` and a newline."""
    n = 0
    for item in items:
        out.write("[\n" if n == 0 else ",\n")
        out.write(textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), "  "))
        n += 1
    out.write("\n]\n" if n else "[]\n")
    return n


def write_jsonl(items: Iterable[Any], out: TextIO) -> int:
    """One compact JSON value per line."""
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def write_listing(items: Iterable[Any], fmt: str, out: TextIO,
                  line: Callable[[Any], str]) -> int:
    """A listing command's output: ``json`` (an array), ``jsonl`` (an object a line) or
    ``table`` (``line(item)`` a line). Returns how many items were written."""
    if fmt == "json":
        return write_json_array(items, out)
    if fmt == "jsonl":
        return write_jsonl(items, out)
    n = 0
    for item in items:
        out.write(line(item))
        out.write("\n")
        n += 1
    return n


# -- GeoJSON ---------------------------------------------------------------------------


def geojson_feature(row: EventRow) -> dict[str, Any] | None:
    """One GeoJSON Feature for an event, or None when it has no coordinates."""
    if row.lat is None or row.lon is None:
        return None
    return {
        "type": "Feature",
        "id": row.id,
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
        "properties": row_dict(row),
    }


def export_geojson(rows: Iterable[EventRow], out: TextIO) -> tuple[int, int]:
    """A FeatureCollection of events with coordinates; returns (written, skipped).

    Events without lat/lon are skipped; their count is also written as the foreign
    member ``skipped_without_coordinates`` (allowed by RFC 7946) so a map can say so.
    """
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for row in rows:
        feature = geojson_feature(row)
        if feature is None:
            skipped += 1
            continue
        out.write(",\n" if written else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write(f'\n], "skipped_without_coordinates": {skipped}}}\n')
    return written, skipped


__all__ = [
    "CSV_COLUMNS", "LISTING_FORMATS", "acled_row", "acled_type", "export_csv",
    "export_geojson", "export_jsonl", "inter_code", "interaction_code", "row_dict",
    "write_json_array", "write_jsonl", "write_listing",
]
