"""Gun Violence Database (``dev.tsv``): the main shooting of each article.

The main event is the highest-confidence non-negated ASSAULT event of the record.

- ``city_acc``: over articles whose gold city is filled; right when the place's name, text
  or city (the town a street or venue lies in) equals the gold city or one contains the
  other ("New Orleans" / "New Orleans East").
- ``date_acc``: over articles with a gold date; the event time's date equals it exactly.
- ``date_answerable``: the share of gold dates a reader can work out from the page at all:
  the gold month and day are written in the text, not beside another weekday or year
  than the gold day's ("Tuesday, Jan. 27" or "Jan. 27, 2015" state another Jan. 27 than
  Wednesday, Jan. 27, 2016: the page contradicts that gold day), or the page's date (from
  its URL; the dataset gives no other) falls within the 7 days after it, so "Tuesday"
  resolves. Most pages have neither: no reader, human or machine, can then give the day.
  ``date_acc_answerable``: ``date_acc`` over those articles only.
  ``date_answerable_any`` / ``date_acc_answerable_any``: the same with the earlier
  criterion, which counted the month and day whatever weekday or year stood beside them
  (reported for comparison, not gated).
- ``shooter_f1`` / ``victim_f1``: gold = shooters / victims with a name; predicted = actors /
  recipients that carry a name (linked to a PERSON entity, or ``name`` set); head match,
  one-to-one, micro over articles.
- ``victim_outcome_acc``: over articles with victims whose fate is stated: "killed" when any
  victim was killed, else "injured" (injured or hospitalised); predicted from the outcome
  (dead > 0 or condition died_later -> killed; injured > 0 -> injured).
- ``killed_exact`` / ``injured_exact``: over all articles, the outcome's dead / injured count
  (None counts as 0) equals the number of gold victims killed / hurt but not killed.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..model import Article, Event, Participant, Record, make_article
from ..readers.dates import date_from_url
from .base import EvalResult, Extractor, extract_records, limited, main_event, split_file
from .matching import dedupe_by_head, head_noun, match_one_to_one, prf, ratio

# the gated metrics: ``date_acc`` is reported but not gated, since only about half of the
# gold dates are stated on the page at all; ``date_acc_answerable`` is the date's floor
METRICS = (
    "city_acc", "date_answerable", "date_acc_answerable", "shooter_f1", "victim_f1",
    "victim_outcome_acc", "killed_exact", "injured_exact",
)


@dataclass(frozen=True, slots=True)
class GvdbDoc:
    id: str
    url: str | None
    title: str
    text: str
    city: str
    date: str
    shooters: tuple[str, ...]  # names only
    victims: tuple[str, ...]  # names only
    killed: int
    injured: int  # hurt or hospitalised, not killed
    any_victim_fate: bool


def _value(field: Any) -> str:
    return (field.get("value") or "").strip() if isinstance(field, dict) else ""


def _iso_date(raw: str) -> str:
    """Some annotations write "2015-8-23": the same day as ISO "2015-08-23"."""
    parts = raw.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
    return raw


def parse_annotation(raw: str) -> dict[str, Any]:
    j = json.loads(raw)
    when = j.get("date-and-time") or {}
    shooters = tuple(n for s in j.get("shooter-section") or [] if (n := _value(s.get("name"))))
    victims = j.get("victim-section") or []
    fates = [set(v.get("victim-was") or []) for v in victims]
    return {
        "city": _value(when.get("city")),
        "date": _iso_date((when.get("date") or "").strip()),
        "shooters": shooters,
        "victims": tuple(n for v in victims if (n := _value(v.get("name")))),
        "killed": sum("killed" in f for f in fates),
        "injured": sum(bool(f & {"injured", "hospitalized"}) and "killed" not in f for f in fates),
        "any_victim_fate": any(fates),
    }


def load_gvdb(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[GvdbDoc]:
    """``dev.tsv`` (or another split's ``.tsv``, see ``base.split_file``), or the file."""
    file = split_file(path, (".tsv",), "GVDB data", split)
    csv.field_size_limit(sys.maxsize)
    docs: list[GvdbDoc] = []
    with file.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            a = parse_annotation(row["Json"])
            docs.append(GvdbDoc(
                id=row["Article id"], url=row.get("Article url") or None,
                # a few scraped texts keep HTML character references ("city&#39;s")
                title=html.unescape(row.get("Article title") or ""),
                text=html.unescape(row["Full text"]), **a,
            ))
    return limited(docs, limit)


def _named(record: Record, people: Sequence[Participant]) -> list[str]:
    persons = {e.id for e in record.entities if e.type == "PERSON"}
    return dedupe_by_head(p.name or p.text for p in people if p.name or p.entity_id in persons)


def _city_ok(gold: str, event: Event | None) -> bool:
    if event is None or event.place is None:
        return False
    g = gold.lower().strip()
    for cand in (event.place.name, event.place.text, event.place.city):
        c = (cand or "").lower().strip()
        if c and (c == g or c in g or g in c):
            return True
    return False


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ANSWER_DAYS = 7


def _said_days(gold: date, text: str) -> list[re.Match[str]]:
    """Each place the text writes the gold month and day, with the weekday just before it
    ("Tuesday, Jan. 27") and the year just after it ("Jan. 27, 2015") when it gives them."""
    return list(re.finditer(
        rf"(?:\b({'|'.join(_WEEKDAYS)})\b,?\s+(?:the\s+)?)?"
        rf"\b{_MONTHS[gold.month - 1]}[a-z]*\.?\s+{gold.day}(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+(\d{{4}})\b)?",
        text, re.IGNORECASE,
    ))


def date_answerable(doc: GvdbDoc, *, contradicted_counts: bool = False) -> bool:
    """Does the page give the gold day: its month and day in the text (not beside another
    weekday or year than the gold day's, unless ``contradicted_counts``: the earlier
    criterion), or a page date (from the URL) at most a week after it? (see the module
    docstring)"""
    try:
        gold = date.fromisoformat(doc.date)
    except ValueError:
        return False
    for m in _said_days(gold, doc.text):
        weekday, year = m.group(1), m.group(2)
        if contradicted_counts or (
            (weekday is None or weekday.lower() == _WEEKDAYS[gold.weekday()])
            and (year is None or int(year) == gold.year)
        ):
            return True
    page = date_from_url(doc.url)
    if page is None:
        return False
    return timedelta(0) <= date.fromisoformat(page) - gold <= timedelta(days=_ANSWER_DAYS)


def _outcome_class(event: Event | None) -> str | None:
    out = event.outcome if event else None
    if out is None:
        return None
    if (out.dead or 0) > 0 or out.condition == "died_later":
        return "killed"
    if (out.injured or 0) > 0:
        return "injured"
    return None


def _same(g: str, p: str) -> bool:
    return head_noun(g) == head_noun(p) != ""


def score_gvdb_records(docs: Sequence[GvdbDoc], records: Sequence[Record]) -> EvalResult:
    n_city = n_date = city = date_ok = n_fate = fate = killed = injured = 0
    n_answerable = answerable_ok = n_any = any_ok = 0
    s_tp = s_pred = s_gold = v_tp = v_pred = v_gold = 0
    for doc, record in zip(docs, records, strict=True):
        ev = main_event(record, ("ASSAULT",))
        if doc.city:
            n_city += 1
            city += _city_ok(doc.city, ev)
        if doc.date:
            n_date += 1
            right = bool(ev and ev.time and ev.time.date == doc.date)
            date_ok += right
            if date_answerable(doc):
                n_answerable += 1
                answerable_ok += right
            if date_answerable(doc, contradicted_counts=True):
                n_any += 1
                any_ok += right
        shooters = _named(record, ev.actors) if ev else []
        victims = _named(record, ev.recipients) if ev else []
        s_tp += len(match_one_to_one(doc.shooters, shooters, _same))
        s_pred, s_gold = s_pred + len(shooters), s_gold + len(doc.shooters)
        v_tp += len(match_one_to_one(doc.victims, victims, _same))
        v_pred, v_gold = v_pred + len(victims), v_gold + len(doc.victims)
        if doc.any_victim_fate:
            n_fate += 1
            fate += _outcome_class(ev) == ("killed" if doc.killed else "injured")
        out = ev.outcome if ev else None
        killed += ((out.dead if out else None) or 0) == doc.killed
        injured += ((out.injured if out else None) or 0) == doc.injured
    n = len(docs)
    return EvalResult("gvdb", n, {
        "city_acc": ratio(city, n_city),
        "date_acc": ratio(date_ok, n_date),
        "date_answerable": ratio(n_answerable, n_date),
        "date_acc_answerable": ratio(answerable_ok, n_answerable),
        "date_answerable_any": ratio(n_any, n_date),
        "date_acc_answerable_any": ratio(any_ok, n_any),
        "shooter_f1": prf(s_tp, s_pred, s_gold)[2],
        "victim_f1": prf(v_tp, v_pred, v_gold)[2],
        "victim_outcome_acc": ratio(fate, n_fate),
        "killed_exact": ratio(killed, n),
        "injured_exact": ratio(injured, n),
    }, notes=(
        f"{n_city} docs with a city, {n_date} with a date ({n_answerable} answerable from "
        f"the page; {n_any} by the earlier criterion, which also counted gold days the page "
        f"contradicts), {n_fate} with victim fates",
    ))


def articles(docs: Sequence[GvdbDoc]) -> list[Article]:
    # the same metadata a reader would give a page: its URL's date when it spells one out
    return [
        make_article(d.text, url=d.url, title=d.title, published=date_from_url(d.url))
        for d in docs
    ]


def score_gvdb(docs: Sequence[GvdbDoc], extractor: Extractor) -> EvalResult:
    return score_gvdb_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "METRICS", "GvdbDoc", "load_gvdb", "parse_annotation", "score_gvdb", "score_gvdb_records",
]
