"""Expressions anchored on another time in the story, not on the publication date.

TimeML anchors "a year earlier", "the following day", "that year", "the year-ago quarter"
on the time the text is talking about: the last date or time mentioned before them (the
*reference time*). ``resolve_in_story`` reads one such expression against that reference
value (a TIMEX3 value string such as ``1989-Q3`` or ``2026-02-06``), keeping the
reference's granularity where the expression names the same kind of period ("the
third quarter ... a year earlier" is 1988-Q3), and against the anchor (publication date)
when the text has mentioned no time yet.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.timex import dates as D
from eventwire.timex.handlers import PARTS_OF_DAY, WEEKDAYS, group, mod_of
from eventwire.timex.lexicon import ORDINALS, UNITS, parse_number, unit_of

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\d{4})-(\d\d)-(\d\d)"), "day"),
    (re.compile(r"^(\d{4})-W(\d\d)"), "week"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})-(\d\d)$"), "month"),
    (re.compile(r"^(\d{4})$"), "year"),
)
# How many months one step of a granularity is (None: not a whole number of months).
_MONTHS = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12}


def granularity(value: str | None) -> str | None:
    """'day' | 'week' | 'month' | 'quarter' | 'half' | 'season' | 'year' | None."""
    if not value:
        return None
    for rx, name in _SHAPES:
        if rx.match(value):
            return name
    return None


def is_reference(value: str | None) -> bool:
    """Can this value be the time a story is at? (a calendar time, not a duration or REF)"""
    return granularity(value) is not None


def _first_day(value: str) -> date | None:
    g = granularity(value)
    if g is None:
        return None
    y = int(value[:4])
    if g == "day":
        return D.valid_date(y, int(value[5:7]), int(value[8:10]))
    if g == "week":
        return date.fromisocalendar(y, int(value[6:8]), 1)
    if g == "quarter":
        return date(y, 3 * int(value[6]) - 2, 1)
    if g == "half":
        return date(y, 6 * int(value[6]) - 5, 1)
    if g == "month":
        return date(y, int(value[5:7]), 1)
    if g == "season":
        return date(y, D.SEASON_MONTHS[value[5:7]][0], 1)
    return date(y, 1, 1)


def _at(g: str, d: date, suffix: str = "") -> D.Resolved:
    """The ``g``-sized period holding ``d``."""
    if g == "day":
        return D.day(d, relative=True)
    if g == "week":
        return D.week(d, relative=True)
    if g == "month":
        return D.month(d.year, d.month, relative=True)
    if g == "quarter":
        return D.quarter(d.year, (d.month - 1) // 3 + 1, relative=True)
    if g == "half":
        return D.half(d.year, (d.month - 1) // 6 + 1, relative=True)
    if g == "season":
        return D.season(d.year, suffix, relative=True)
    return D.year(d.year, relative=True)


def shift(value: str, code: str, n: float) -> D.Resolved:
    """``value`` moved by ``n`` units (TIMEX3 unit letters D, W, M, Q, Y), at the value's own
    granularity when the move is whole in it; at the unit's granularity when the unit is
    coarser ('a year earlier' than a day is that year); unresolved when finer ('two days
    later' than a month)."""
    g = granularity(value)
    start = _first_day(value)
    if g is None or start is None:
        return D.UNRESOLVED
    if g in ("day", "week"):
        if code in ("D", "W", "WE"):
            return _at(g if code != "D" or g == "day" else "week", D.shift(start, code, n))
        return D.at_precision(D.shift(start, code, n), code)
    months = {"M": n, "Q": 3 * n, "Y": 12 * n}.get(code)
    step = _MONTHS[g]
    if months is None or not float(months).is_integer() or months % step:
        return D.UNRESOLVED
    return _at(g, D.add_months(start, int(months)), value[5:7] if g == "season" else "")


def _narrow(value: str, unit: str) -> D.Resolved:
    """The ``unit`` ('day', 'week', 'month', 'quarter', 'year') the value lies in, when the
    value is at least that precise."""
    order = ["day", "week", "month", "quarter", "half", "season", "year"]
    g = granularity(value)
    start = _first_day(value)
    if g is None or start is None:
        return D.UNRESOLVED
    if unit == "period" or unit == g:
        return _at(g, start, value[5:7] if g == "season" else "")
    if (unit == "week" and g not in ("day", "week")) or order.index(g) > order.index(unit):
        return D.UNRESOLVED
    return _at(unit, start)


def _not_over(value: str, anchor: date | None) -> bool:
    """Is the period ``value`` still running (or to come) on the anchor's day? The latest
    quarter a report gives results for is one already over."""
    start = _first_day(value)
    months = _MONTHS.get(granularity(value) or "")
    if anchor is None or start is None or months is None:
        return False
    return D.add_months(start, months) > anchor + timedelta(days=1)


def _after_since(m: re.Match[str]) -> bool:
    """Does the match follow 'since' ("since year-end": the one looked back to)?"""
    return re.search(r"(?i)\bsince\s+$", m.string[max(0, m.start() - 8):m.start()]) is not None


_STEP = {"following": 1, "next": 1, "previous": -1, "same": 0, "that": 0, "the": 0,
         "before": -1, "after": 1}
_UNIT_CODE = {"day": "D", "morning": "D", "evening": "D", "night": "D", "afternoon": "D",
              "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def resolve_in_story(
    rule: str, m: re.Match[str], ref: str | None, anchor: date | None,
    day_ref: str | None = None,
) -> D.Resolved:
    """An expression of a story-relative rule read against the reference value ``ref`` (or,
    when None, the anchor's day). ``day_ref`` is the last day-precise time mentioned: "that
    day" or "the day" after "in March ... on Tuesday" is that Tuesday."""
    try:
        return _resolve_in_story(rule, m, ref, anchor, day_ref)
    except (ValueError, OverflowError):  # "10,000 years earlier": before the year 1
        return D.UNRESOLVED


def _resolve_in_story(
    rule: str, m: re.Match[str], ref: str | None, anchor: date | None, day_ref: str | None,
) -> D.Resolved:
    base = ref if ref is not None else (anchor.isoformat() if anchor else None)
    if base is None:
        return D.UNRESOLVED

    def narrow(value: str, unit: str) -> D.Resolved:
        for cand in (value, day_ref, anchor.isoformat() if anchor else None):
            if cand is not None:
                r = _narrow(cand, unit)
                if r.value is not None:
                    return r
        return D.UNRESOLVED

    if rule == "the_day":
        return narrow(day_ref or base, "day")
    if rule == "the_unit":  # "the end of the year": of the year the story is in
        unit = m.group("u").lower()
        if unit == "decade":
            y = narrow(base, "year")
            r = D.decade(int(y.value) // 10 * 10, relative=True) if y.value else y
        else:
            r = narrow(day_ref or base if unit == "day" else base, unit)
        return r.with_mod(mod_of(m))
    if rule == "same_back":  # "the same month a year ago"
        r = narrow(base, m.group("u2").lower())
        return shift(r.value, "Y", -1) if r.value else D.UNRESOLVED
    if rule == "narrative" and group(m, "u"):
        word = unit_of(m.group("u"))
        code, mult = UNITS[word]
        q = (group(m, "n") or "the").lower()
        n = 1.0 if q == "the" else parse_number(q)
        if n is None:
            return D.UNRESOLVED
        sign = 1 if m.group("dir").lower() in ("later", "afterwards", "after") else -1
        if word in ("second", "minute", "hour"):
            return _narrow(base, "day")
        return shift(base, code, sign * n * mult)
    if rule == "pod_alone":
        day = narrow(day_ref or base, "day")
        word = (group(m, "u2") or "night").lower()
        if day.date is None:
            return D.UNRESOLVED
        # "overnight" in a report of a day is the night that ran into it
        night_before = timedelta(days=1 if group(m, "u3") else 0)
        return D.day(date.fromisoformat(day.date) - night_before, relative=True,
                     part=PARTS_OF_DAY[word]).with_mod(mod_of(m))
    if rule in ("narrative", "that_unit", "in_the_unit", "the_week", "the_pod",
                "the_unit_back"):
        rel = (group(m, "rel") or "that").lower()
        word = m.group("u2").lower()
        step = _STEP[rel]
        if word == "period":  # the same period: a stretch of time, not a single day
            ok = step == 0 and granularity(base) not in ("day", None)
            return _narrow(base, "period") if ok else D.UNRESOLVED
        code = _UNIT_CODE[word]
        unit = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}[code]
        r = narrow(base, unit) if step == 0 else _narrow(
            shift(base, code, step).value or "", unit)
        if r.date and unit == "day" and word in PARTS_OF_DAY:
            return D.day(date.fromisoformat(r.date), relative=True, part=PARTS_OF_DAY[word])
        return r
    if rule == "story_weekday":
        day = narrow(base, "day")
        if day.date is None:
            return D.UNRESOLVED
        d, wd = date.fromisoformat(day.date), WEEKDAYS[m.group("wd").lower()]
        if m.group("rel").lower() == "previous":
            return D.day(d - timedelta(days=(d.weekday() - wd - 1) % 7 + 1), relative=True)
        return D.day(d + timedelta(days=(wd - d.weekday() - 1) % 7 + 1), relative=True)
    if rule == "the_year":  # the year the story is in; "latest": the last completed one
        which = (group(m, "which") or "").lower()
        if "latest" in which or "recent" in which:
            return D.year(anchor.year - 1, relative=True) if anchor else D.UNRESOLVED
        return narrow(base, "year")
    if rule == "year_end":  # of the publication year; "since year-end": the one before it
        if anchor is None:
            return D.UNRESOLVED
        return D.year(anchor.year - _after_since(m), relative=True).with_mod("END")
    if rule == "year_period":  # "the 1988 quarter": the story's quarter (or half) in 1988
        named = int(m.group("y"))
        g = granularity(ref)
        if ref is not None and g in ("quarter", "half"):
            build = D.quarter if g == "quarter" else D.half
            return build(named, int(ref[6]), relative=True)
        return D.year(named, relative=True)
    if rule == "year_ago_quarter":  # a year before the year the story reports on
        story_year = narrow(base, "year").value
        if story_year is None:
            return D.UNRESOLVED
        is_half = m.group("u2").lower() == "half"
        nth = ORDINALS.get(m.group("q").lower(), 2 if is_half else 4)
        build = D.half if is_half else D.quarter
        return build(int(story_year) - 1, nth, relative=True)
    if rule in ("period", "year_ago_adj"):
        which = (group(m, "which") or "").lower()
        unit = (group(m, "u2") or "").lower()
        back = "year-" in which or bool(group(m, "back"))
        if unit == "quarter":
            if granularity(ref) == "quarter" and ref is not None and not (
                    ("latest" in which or "recent" in which) and _not_over(ref, anchor)):
                cur = ref
            elif anchor is None:
                return D.UNRESOLVED
            elif "current" in which:
                cur = _at("quarter", anchor).value or ""
            else:  # the latest quarter a report can be about: the last one completed
                cur = _at("quarter", D.add_months(anchor, -3)).value or ""
        elif ref is not None and granularity(ref) != "day":
            cur = ref
        elif unit == "" and anchor is not None:
            cur = str(anchor.year)
        else:
            return D.UNRESOLVED
        return shift(cur, "Y", -1) if back else _narrow(cur, "period")
    return D.UNRESOLVED
