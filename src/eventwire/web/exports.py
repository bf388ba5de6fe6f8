"""Streaming exports: the bytes of CSV, JSON Lines or GeoJSON as the rows are read.

The row formats are the CLI's (eventwire.export); here they are cut into chunks so a
response of any size is sent while the database is read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from eventwire.export import CSV_COLUMNS, acled_row, geojson_feature, row_dict
from eventwire.store import EventRow

CHUNK_ROWS = 200
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
}


def csv_chunks(rows: Iterable[EventRow]) -> Iterator[bytes]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for i, row in enumerate(rows, start=1):
        writer.writerow(acled_row(row))
        if i % CHUNK_ROWS == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def jsonl_chunks(rows: Iterable[EventRow]) -> Iterator[bytes]:
    lines: list[str] = []
    for row in rows:
        lines.append(json.dumps(row_dict(row), ensure_ascii=False))
        if len(lines) >= CHUNK_ROWS:
            yield ("\n".join(lines) + "\n").encode("utf-8")
            lines = []
    if lines:
        yield ("\n".join(lines) + "\n").encode("utf-8")


def geojson_chunks(rows: Iterable[EventRow]) -> Iterator[bytes]:
    """A FeatureCollection; events without coordinates are counted, not drawn."""
    yield b'{"type":"FeatureCollection","features":['
    written = skipped = 0
    parts: list[str] = []
    for row in rows:
        feature = geojson_feature(row)
        if feature is None:
            skipped += 1
            continue
        parts.append(("," if written else "") + json.dumps(feature, ensure_ascii=False))
        written += 1
        if len(parts) >= CHUNK_ROWS:
            yield "\n".join(parts).encode("utf-8")
            parts = []
    if parts:
        yield "\n".join(parts).encode("utf-8")
    yield f'],"skipped_without_coordinates":{skipped}}}\n'.encode()


CHUNKERS = {"csv": csv_chunks, "jsonl": jsonl_chunks, "geojson": geojson_chunks}

__all__ = ["CHUNKERS", "MEDIA_TYPES", "csv_chunks", "geojson_chunks", "jsonl_chunks"]
