"""Calendar arithmetic and TIMEX3 value builders (stdlib only).

A ``Resolved`` carries everything one normalised expression yields: the TIMEX3 value and
the ``date``/``end_date``/``precision`` shape of eventwire's ``Time`` record.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypeAlias

# A tense ('past' | 'future' | None) or what guesses it when asked: the guess reads the
# sentence, and only some values depend on it (a weekday, a month without a year ...).
TenseHint: TypeAlias = "str | Callable[[], str | None] | None"


def told(tense: TenseHint) -> str | None:
    """The tense a hint gives (guessed now if it was left for when it is needed)."""
    return tense() if callable(tense) else tense

# Meteorological seasons (northern hemisphere): first and last month.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
}

# How many days of distance a tense cue outweighs when a date without a year could lie on
# either side of the anchor: half a year, so a past tense puts a date in the months before
# the anchor ("the year ended March 31" said in November) and only a date a few days ahead
# beats it (the cue may be a reporting verb: "said the vote is on June 17").
_TENSE_DAYS = 183


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    date: str | None = None
    end_date: str | None = None
    precision: str = "unknown"
    relative: bool = False  # resolved against the anchor date (not absolute in text)
    mod: str | None = None

    def with_mod(self, mod: str | None) -> Resolved:
        return replace(self, mod=mod) if mod else self


UNRESOLVED = Resolved(None)


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_years(d: date, n: int) -> date:
    return add_months(d, 12 * n)


def shift(d: date, unit: str, n: float) -> date:
    """Move ``d`` by ``n`` units ('D', 'W', 'M', 'Q', 'Y'); fractions of months/years are
    rounded to whole months."""
    if unit == "D":
        return d + timedelta(days=round(n))
    if unit in ("W", "WE"):
        return d + timedelta(days=round(7 * n))
    if unit == "M":
        return add_months(d, round(n))
    if unit == "Q":
        return add_months(d, round(3 * n))
    if unit == "Y":
        return add_months(d, round(12 * n))
    return d


def valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def nth_weekday(y: int, m: int, weekday: int, nth: int) -> date | None:
    """The ``nth`` (1-based; -1 = last) ``weekday`` (0 = Monday) of a month."""
    if nth > 0:
        first = date(y, m, 1)
        d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return d if d.month == m else None
    last = add_months(date(y, m, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day_ = divmod(h + ll - 7 * m + 114, 31)
    return date(y, month, day_ + 1)


def choose_date(anchor: date, cands: list[date], tense: str | None) -> date | None:
    """Of a yearly day's candidate dates, the one nearest the anchor; a tense hint makes the
    other direction cost half a year more (as for a month and day without a year)."""
    best: tuple[float, date] | None = None
    for cand in cands:
        delta = (cand - anchor).days
        cost = abs(delta) + (_TENSE_DAYS if (tense == "past" and delta > 0)
                             or (tense == "future" and delta < 0) else 0)
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


# -- value builders --------------------------------------------------------------------------


def day(d: date, *, relative: bool = False, part: str | None = None) -> Resolved:
    v = d.isoformat()
    return Resolved(v + (f"T{part}" if part else ""), v, None, "day", relative)


def month(y: int, m: int, *, relative: bool = False) -> Resolved:
    v = f"{y:04d}-{m:02d}"
    return Resolved(v, v, None, "month", relative)


def year(y: int, *, relative: bool = False) -> Resolved:
    v = f"{y:04d}"
    return Resolved(v, v, None, "year", relative)


def week(d: date, *, relative: bool = False, weekend: bool = False) -> Resolved:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    start, end = (monday + timedelta(days=5), monday + timedelta(days=6)) if weekend else (
        monday, monday + timedelta(days=6))
    value = f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if weekend else "")
    return Resolved(value, start.isoformat(), end.isoformat(), "week", relative)


def season(y: int, code: str, *, relative: bool = False) -> Resolved:
    first, last = SEASON_MONTHS[code]
    end_y = y + 1 if last < first else y
    return Resolved(
        f"{y:04d}-{code}", f"{y:04d}-{first:02d}", f"{end_y:04d}-{last:02d}", "season", relative
    )


def quarter(y: int, q: int, *, relative: bool = False) -> Resolved:
    return Resolved(
        f"{y:04d}-Q{q}", f"{y:04d}-{3 * q - 2:02d}", f"{y:04d}-{3 * q:02d}", "range", relative
    )


def half(y: int, h: int, *, relative: bool = False) -> Resolved:
    return Resolved(
        f"{y:04d}-H{h}", f"{y:04d}-{6 * h - 5:02d}", f"{y:04d}-{6 * h:02d}", "range", relative
    )


def decade(first_year: int, *, relative: bool = False) -> Resolved:
    return Resolved(
        f"{first_year // 10:03d}", f"{first_year:04d}", f"{first_year + 9:04d}", "range", relative
    )


def century(first_year: int) -> Resolved:
    return Resolved(
        f"{first_year // 100:02d}", f"{first_year:04d}", f"{first_year + 99:04d}", "range"
    )


def at_precision(d: date, unit: str, *, relative: bool = True) -> Resolved:
    """The calendar unit around ``d`` at the granularity of a duration unit."""
    if unit in ("D", "H", "S"):
        return day(d, relative=relative)
    if unit in ("W", "WE"):
        return week(d, relative=relative, weekend=unit == "WE")
    if unit in ("M", "Q"):
        return month(d.year, d.month, relative=relative)
    return year(d.year, relative=relative)


# -- choosing among candidate dates ------------------------------------------------------------


def nearest_weekday(anchor: date, weekday: int, tense: str | None) -> date:
    """News convention: a bare weekday is the most recent such day on or before the anchor
    (the anchor itself when it is that weekday: "on Friday" in a paper of Friday is today);
    in future-tense context it is the next such day on or after the anchor."""
    if tense == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def year_for_month(anchor: date, m: int, tense: str | None) -> int:
    """A month without a year: the anchor's year, moved back/forward one year when the tense
    says the month lies on the other side of the anchor; with no tense, the occurrence
    nearest the anchor ("October" said in January is last October)."""
    if tense == "past" and m > anchor.month:
        return anchor.year - 1
    if tense == "future" and m < anchor.month:
        return anchor.year + 1
    if tense is None and abs(m - anchor.month) > 6:  # no tense: the nearest such month
        return anchor.year - 1 if m > anchor.month else anchor.year + 1
    return anchor.year


def year_for_month_day(
    anchor: date, m: int, d: int, tense: str | None, weekday: int | None = None
) -> int:
    """A month+day without a year: the candidate year closest to the anchor; a tense hint
    makes the other direction cost half a year more (so 'June 17' said in the past tense on
    June 9 is still next week, while 'March 31' said in the past tense in November is that
    March). A weekday
    said with the date ("Monday, Oct. 26") keeps only the years where the date is that day."""
    best_y, best_cost = anchor.year, float("inf")
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        cand = valid_date(y, m, min(d, 28) if m == 2 and d == 29 else d) or valid_date(y, m, 28)
        if cand is None or (weekday is not None and cand.weekday() != weekday):
            continue
        delta = (cand - anchor).days
        cost = abs(delta)
        if (tense == "past" and delta > 0) or (tense == "future" and delta < 0):
            cost += _TENSE_DAYS
        if cost < best_cost:
            best_y, best_cost = y, cost
    if best_cost == float("inf") and weekday is not None:
        return year_for_month_day(anchor, m, d, tense)
    return best_y


def year_for_quarter(anchor: date, q: int, tense: str | None) -> int:
    """A quarter without a year (``q`` counts quarters, or halves as 2 and 4). The quarter
    just ended stays this year's even in the future tense: its results come out in the
    next quarter ("will report third-quarter results" said in October)."""
    current = (anchor.month - 1) // 3 + 1
    if tense == "past" and q > current:
        return anchor.year - 1
    if tense == "future" and q < current - 1:
        return anchor.year + 1
    return anchor.year


def expand_two_digit_year(yy: int) -> int:
    """'07 -> 2007, '82 -> 1982 (news: nothing before 1930 is written with two digits)."""
    return 2000 + yy if yy < 30 else 1900 + yy
