"""Publication dates from whatever a source offers -> ISO ``YYYY-MM-DD`` or ISO datetime."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # e.g. WARC-Date-like 20260310


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# News URLs often carry the publication date: /2016/01/27/, /2016/jan/26/, /20150803/,
# /2015-12-11-, a slug ending "-20160223-story.html" or "-sunday-01-17-2016" (US order).
# Year bounds keep article ids and phone numbers out; the groups are (year, month, day).
_URL_DATES = (
    (re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"), (1, 2, 3)),
    (re.compile(r"/((?:19|20)\d{2})/([a-z]{3})/(\d{1,2})(?:/|$)", re.I), (1, 2, 3)),
    (re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)"), (1, 2, 3)),
    (re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$)"), (1, 2, 3)),
    (re.compile(r"[a-z]-((?:19|20)\d{2})(\d{2})(\d{2})(?:-|\.html?$|/|$)", re.I), (1, 2, 3)),
    (re.compile(r"[a-z]-(\d{2})-(\d{2})-((?:19|20)\d{2})(?:[/_.-]|$)", re.I), (3, 1, 2)),
)


def date_from_url(url: str | None) -> str | None:
    """The publication date a news URL spells out, as ISO ``YYYY-MM-DD``, or None."""
    if not url:
        return None
    for pattern, order in _URL_DATES:
        m = pattern.search(url)
        if not m:
            continue
        y, mo, d = (m.group(k) for k in order)
        month = _MONTHS.get(mo.lower()) if not mo.isdigit() else int(mo)
        if month is None:
            continue
        try:
            return date(int(y), month, int(d)).isoformat()
        except ValueError:
            continue
    return None


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
