"""Publication dates from whatever a source offers -> ISO ``YYYY-MM-DD`` or ISO datetime."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # e.g. WARC-Date-like 20260310


def normalise_published(value: str | None) -> str | None:
    """ISO date for date-only values, full ISO datetime otherwise; None when unparseable.

    Accepts ISO 8601 (with ``Z``), RFC 822 dates from RSS and compact ``YYYYMMDD``.
    A datetime keeps its own UTC offset when it has one (no silent conversion).
    """
    if value is None:
        return None
    raw = value.strip()
    if not raw:
        return None
    if _DATE_ONLY.match(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            return None
    compact = _COMPACT.match(raw)
    if compact:
        try:
            return date(*(int(g) for g in compact.groups())).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(raw.replace(" ", "T", 1)).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def from_struct_time(value: time.struct_time | None) -> str | None:
    """feedparser's parsed dates are UTC struct_times."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


__all__ = ["from_struct_time", "normalise_published"]
