"""Handlers of the timex grammar: a regex match (+ anchor date, tense hint) -> Resolved.

Each handler reads the named groups of its rule's pattern (see ``rules.py``). Without an
anchor, anything relative stays unresolved; absolute dates never need one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from eventwire.timex import dates as D
from eventwire.timex.lexicon import (
    HOLIDAYS_EASTER,
    HOLIDAYS_FIXED,
    HOLIDAYS_WEEKDAY,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    format_number,
    parse_number,
    unit_of,
)

Handler = Callable[[re.Match[str], "date | None", "D.TenseHint"], D.Resolved]

# "early 2009", "mid-2011", "the end of March": TimeML keeps the value and sets a mod.
MODP = (
    r"(?:(?P<mod>early|late|mid|the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn)"
    r"\s+of(?:\s+the)?)(?:\s+|-))?"
)
_MODS = {"early": "START", "beginning": "START", "start": "START", "late": "END",
         "end": "END", "close": "END", "mid": "MID", "middle": "MID", "turn": "START"}



def group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def mod_of(m: re.Match[str]) -> str | None:
    raw = (group(m, "mod") or group(m, "mod2") or "").lower().split()
    for w in reversed(raw):
        if w in _MODS:
            return _MODS[w]
    return None


def month_no(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def daynum(word: str) -> int:
    digits = re.sub(r"\D", "", word)
    if digits:
        return int(digits)
    n = NUMBERS.read_ordinal(word)  # "the third of May"
    return n if n is not None and n > 0 else 0


def year_no(word: str) -> int | None:
    """'2012' -> 2012, "'98" -> 1998, 'two thousand and twelve' -> 2012."""
    w = word.strip()
    if w.isdigit():
        return int(w) if len(w) == 4 else D.expand_two_digit_year(int(w))
    if w.startswith(("'", "\u2019")) and w[1:].isdigit():
        return D.expand_two_digit_year(int(w[1:]))
    return NUMBERS.read_year(w)


_REL_YEAR = {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1,
             "the next": 1, "the same": 0, "that": 0}


def year_in(m: re.Match[str], anchor: date | None) -> int | None:
    """The year a rule's ``y`` group names, or its ``ry`` group ("last year") reads against
    the anchor; None when neither is there (or the anchor is missing)."""
    y = group(m, "y") or group(m, "y2")
    if y:
        return year_no(y)
    ry = group(m, "ry")
    if ry and anchor is not None:
        shift = _REL_YEAR.get(re.sub(r"\s+", " ", ry.lower()))
        return anchor.year + shift if shift is not None else None
    return None


def pod_of(m: re.Match[str]) -> str | None:
    p = group(m, "pod")
    return PARTS_OF_DAY[p.lower()] if p else None



# -- handlers: absolute dates ---------------------------------------------------------------


def h_iso(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    d = D.valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return D.day(d) if d else D.UNRESOLVED


def h_slash(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """3/4/2026 and 03-04-2026: month first (US) unless that is impossible; 4.3.2026:
    day first (the order every dotted convention uses). Two-digit years: '26 -> 2026."""
    text = m.group(0)
    a, b, y = (int(x) for x in re.split(r"[/.-]", text))
    yy = y if y >= 100 else D.expand_two_digit_year(y)
    if "." in text:
        dd, mo = (a, b) if b <= 12 else (b, a)
    else:
        mo, dd = (a, b) if a <= 12 else (b, a)
    d = D.valid_date(yy, mo, dd)
    return D.day(d) if d else D.UNRESOLVED


def h_month_day(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    mo, dd = month_no(m.group("mon")), daynum(group(m, "d") or group(m, "d2") or "")
    y = year_in(m, anchor)
    if y is not None:
        d = D.valid_date(y, mo, dd)
        return D.day(d, relative=not group(m, "y")) if d else D.UNRESOLVED
    if anchor is None:
        return D.Resolved(f"XXXX-{mo:02d}-{dd:02d}")
    wd = group(m, "wd")
    y = D.year_for_month_day(anchor, mo, dd, D.told(tense), WEEKDAYS[wd.lower()] if wd else None)
    d = D.valid_date(y, mo, dd)
    return D.day(d, relative=True) if d else D.UNRESOLVED


def h_month_year(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'March 2025', 'June last year', 'May of nineteen ninety-eight', "Sept. '01"."""
    y = year_in(m, anchor)
    if y is None:
        return D.UNRESOLVED
    rel = not (group(m, "y") or group(m, "y2"))
    return D.month(y, month_no(m.group("mon")), relative=rel).with_mod(mod_of(m))


def h_month(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    mo = month_no(m.group("mon"))
    rel = re.sub(r"\s+", " ", (group(m, "rel") or "").lower())
    if anchor is None:
        return D.Resolved(f"XXXX-{mo:02d}").with_mod(mod_of(m))
    if rel in ("last", "this past", "past"):
        y = anchor.year if mo < anchor.month else anchor.year - 1
    elif rel in ("next", "this coming", "coming"):
        y = anchor.year if mo > anchor.month else anchor.year + 1
    elif rel == "this":
        y = anchor.year
    else:
        y = D.year_for_month(anchor, mo, D.told(tense))
    return D.month(y, mo, relative=True).with_mod(mod_of(m))


def h_year(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    y = year_no(m.group("y")) if m.group("y") else D.expand_two_digit_year(int(m.group("yy")))
    if y is None:
        return D.UNRESOLVED
    r = D.year(y).with_mod(mod_of(m))
    if group(m, "fy"):
        return D.Resolved("FY" + r.value if r.value else None, r.date, None, "year")
    return r


def h_century(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'the 20th century' -> 19, 'the twenty-first century' -> 20."""
    n = NUMBERS.read_ordinal(m.group("cn"))
    if n is None or not 1 <= n <= 21:
        return D.UNRESOLVED
    return D.century((n - 1) * 100).with_mod(mod_of(m))


def h_week_of_month(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'the last week of March': the ISO week holding most of those days."""
    mo = month_no(m.group("mon"))
    y_in = year_in(m, anchor)
    if y_in is not None:
        y = y_in
    elif anchor is not None:
        y = D.year_for_month(anchor, mo, D.told(tense))
    else:
        return D.UNRESOLVED
    nth = m.group("q").lower()
    first = date(y, mo, 1)
    if nth in ("last", "final"):
        last = D.add_months(first, 1) - timedelta(days=1)
        d = last - timedelta(days=3)
    else:
        d = first + timedelta(days=3 + 7 * (ORDINALS[nth] - 1))
    return D.week(d, relative=not m.group("y"))


_DECADE_WORDS = {"thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
                 "seventies": 1970, "eighties": 1980, "nineties": 1990}


def h_decade(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    if group(m, "dw"):  # "the sixties"
        return D.decade(_DECADE_WORDS[m.group("dw").lower()]).with_mod(mod_of(m))
    if m.group("c"):
        first = int(m.group("c")) * 100 + int(m.group("d")) * 10
    else:
        first = D.expand_two_digit_year(int(m.group("dd")) * 10)
        first = first - first % 10
    return D.decade(first).with_mod(mod_of(m))


def _season_year(anchor: date, code: str, rel: str, tense: D.TenseHint) -> int:
    first, last = D.SEASON_MONTHS[code]

    def bounds(y: int) -> tuple[date, date]:
        end = D.add_months(date(y, first, 1), (last - first) % 12 + 1) - timedelta(days=1)
        return date(y, first, 1), end

    if rel in ("last", "the past", "past", "previous"):
        return max(y for y in range(anchor.year - 2, anchor.year + 1) if bounds(y)[1] < anchor)
    if rel in ("next", "the coming", "coming"):
        return min(y for y in range(anchor.year - 1, anchor.year + 2) if bounds(y)[0] > anchor)
    if code == "WI" and anchor.month <= 2:
        return anchor.year - 1
    if rel == "this":  # "this summer": the anchor's year, whichever side of it
        return anchor.year
    if bounds(anchor.year)[0] > anchor and D.told(tense) == "past":
        return anchor.year - 1
    return anchor.year


def h_season(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    code = SEASONS[m.group("s").lower()]
    y = year_in(m, anchor)
    if y is not None:
        return D.season(y, code, relative=not group(m, "y")).with_mod(mod_of(m))
    if anchor is None:
        return D.Resolved(f"XXXX-{code}")
    rel = re.sub(r"\s+", " ", (group(m, "rel") or "").lower())
    return D.season(_season_year(anchor, code, rel, tense), code, relative=True).with_mod(
        mod_of(m))


def h_quarter(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    ordw = (m.group("q") or m.group("qn") or "").lower()
    is_half = (m.group("unit") or "").lower() == "half"
    n = int(ordw) if ordw.isdigit() else ORDINALS.get(ordw, 4 if not is_half else 2)
    build = D.half if is_half else D.quarter
    y = m.group("y") or group(m, "y2") or group(m, "y0")
    if y and year_no(y) is not None:
        return build(year_no(y) or 0, n).with_mod(mod_of(m))
    ry = (group(m, "ry") or "").lower()
    if ry and anchor is not None:  # "last year's fourth quarter"
        return build(anchor.year + _REL_YEAR[ry], n, relative=True).with_mod(mod_of(m))
    if anchor is None:
        return D.UNRESOLVED
    rel = (m.group("rel") or "").lower()
    if rel.startswith("last"):
        yy = anchor.year - 1
    elif rel.startswith("next"):
        yy = anchor.year + 1
    elif rel:
        yy = anchor.year
    elif ordw == "last" and not is_half:  # "the last quarter": the one before the anchor's
        cur = (anchor.month - 1) // 3
        yy, n = (anchor.year, cur) if cur else (anchor.year - 1, 4)
    else:
        yy = D.year_for_quarter(anchor, n if not is_half else 2 * n, D.told(tense))
    return build(yy, n, relative=True).with_mod(mod_of(m))


def h_two_quarters(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """The first (last) two quarters of a year are its first (second) half."""
    return D.half(int(m.group("y")), 1 if m.group("q").lower() == "first" else 2)


# -- handlers: weekdays, days, calendar units around the anchor ----------------------------------


def h_weekday(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    wd = WEEKDAYS[m.group("wd").lower()]
    if anchor is None:
        return D.UNRESOLVED
    rel = re.sub(r"\s+", " ", (group(m, "rel") or "").lower())
    week = (group(m, "wk") or "").lower()
    if week:  # "Tuesday last week": that day of the (ISO) week named
        step = {"last": -1, "next": 1, "this": 0}[week]
        d = anchor + timedelta(days=wd - anchor.weekday(), weeks=step)
    elif rel in ("last", "past", "previous", "this past"):
        d = anchor - timedelta(days=(anchor.weekday() - wd - 1) % 7 + 1)
    elif rel in ("next", "coming", "this coming"):
        d = anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)
    elif rel == "this":
        d = anchor + timedelta(days=wd - anchor.weekday())
    else:
        d = D.nearest_weekday(anchor, wd, D.told(tense))
    return D.day(d, relative=True, part=pod_of(m))


def h_nth_weekday(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'the first Monday of March', 'the last Friday in May 2024'."""
    wd = WEEKDAYS[m.group("wd").lower()]
    mo = month_no(m.group("mon"))
    y = year_in(m, anchor)
    if y is None:
        if anchor is None:
            return D.UNRESOLVED
        y = D.year_for_month(anchor, mo, D.told(tense))
    nth = NUMBERS.read_ordinal(m.group("q")) or -1
    if m.group("q").lower() in ("final", "last"):
        nth = -1
    d = D.nth_weekday(y, mo, wd, nth)
    return D.day(d, relative=not group(m, "y")) if d else D.UNRESOLVED


def h_weekday_daynum(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'Monday the 9th': the month (this one or a neighbour) whose 9th is a Monday,
    nearest the anchor."""
    wd, dd = WEEKDAYS[m.group("wd").lower()], daynum(group(m, "d") or group(m, "d2") or "")
    if anchor is None or not 1 <= dd <= 31:
        return D.UNRESOLVED
    cands = [d for k in (-1, 0, 1) if (d := D.valid_date(
        D.add_months(anchor.replace(day=1), k).year, D.add_months(anchor.replace(day=1), k).month,
        dd)) is not None and d.weekday() == wd]
    if not cands:
        return h_weekday(m, anchor, tense)
    return D.day(min(cands, key=lambda d: abs((d - anchor).days)), relative=True)


def h_daynum_alone(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'on the 3rd': that day of the anchor's month or of a month next to it; a past tense
    takes the last such day on or before the anchor, a future tense the next one on or
    after it, no tense the nearest (as for a bare weekday)."""
    dd = daynum(m.group("d"))
    if anchor is None:
        return D.UNRESOLVED
    first = anchor.replace(day=1)
    cands = [d for k in (-1, 0, 1) if (d := D.valid_date(
        D.add_months(first, k).year, D.add_months(first, k).month, dd)) is not None]
    said = D.told(tense)
    if said == "past":
        cands = [d for d in cands if d <= anchor] or cands
    elif said == "future":
        cands = [d for d in cands if d >= anchor] or cands
    if not cands:
        return D.UNRESOLVED
    return D.day(min(cands, key=lambda d: abs((d - anchor).days)), relative=True)


def h_day_around_weekday(
    m: re.Match[str], anchor: date | None, tense: D.TenseHint
) -> D.Resolved:
    """'the day before last Tuesday', 'the day after Friday'."""
    r = h_weekday(m, anchor, tense)
    if r.date is None:
        return r
    step = -1 if m.group("dir").lower() == "before" else 1
    return D.day(date.fromisoformat(r.date) + timedelta(days=step), relative=True)


def h_unit_before_last(
    m: re.Match[str], anchor: date | None, tense: D.TenseHint
) -> D.Resolved:
    """'the week before last', 'the month after next', 'the year before last'."""
    if anchor is None:
        return D.UNRESOLVED
    step = -2 if m.group("dir").lower().startswith("before") else 2
    unit = m.group("u").lower()
    if unit == "week":
        return D.week(anchor + timedelta(weeks=step), relative=True)
    if unit == "weekend":
        return D.week(anchor + timedelta(weeks=step), relative=True, weekend=True)
    if unit == "month":
        d = D.add_months(anchor, step)
        return D.month(d.year, d.month, relative=True)
    return D.year(anchor.year + step, relative=True)


def h_week_of(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'the week of March 6': the ISO week holding that day."""
    r = h_month_day(m, anchor, tense)
    if r.date is None or len(r.date) != 10:
        return D.UNRESOLVED
    return D.week(date.fromisoformat(r.date), relative=r.relative)


def holiday_in(name: str, y: int) -> date | None:
    """The date of a named day (lexicon/en/time.toml) in year ``y``."""
    key = re.sub(r"\s+", " ", name.lower()).replace("\u2019", "'")
    if key in HOLIDAYS_FIXED:
        return D.valid_date(y, *HOLIDAYS_FIXED[key])
    if key in HOLIDAYS_WEEKDAY:
        mo, wd, nth = HOLIDAYS_WEEKDAY[key]
        return D.nth_weekday(y, mo, wd, nth)
    if key in HOLIDAYS_EASTER:
        return D.easter(y) + timedelta(days=HOLIDAYS_EASTER[key])
    return None


def h_holiday(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'Christmas', 'last Thanksgiving', 'Easter 2019', 'Good Friday'."""
    r = _holiday_day(m, anchor, tense)
    if group(m, "wk") and r.date is not None:
        return D.week(date.fromisoformat(r.date), relative=r.relative)
    return r


def _holiday_day(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    name = m.group("hol")
    y = year_in(m, anchor)
    if y is not None:
        d = holiday_in(name, y)
        return D.day(d, relative=not group(m, "y")) if d else D.UNRESOLVED
    if anchor is None:
        return D.UNRESOLVED
    cands = [d for k in (-1, 0, 1) if (d := holiday_in(name, anchor.year + k)) is not None]
    rel = (group(m, "rel") or "").lower()
    if rel == "last":
        d = max((c for c in cands if c < anchor), default=None)
    elif rel == "next":
        d = min((c for c in cands if c > anchor), default=None)
    elif rel == "this":
        d = holiday_in(name, anchor.year)
    else:
        d = D.choose_date(anchor, cands, D.told(tense))
    return D.day(d, relative=True) if d else D.UNRESOLVED


_DAY_OFFSETS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "this": 0,
                "last": -1}


def h_day_word(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if anchor is None:
        return D.UNRESOLVED
    if w.startswith("the day before"):
        off = -2
    elif w.startswith("the day after"):
        off = 2
    else:
        off = _DAY_OFFSETS[w.split()[0]]
    pod = pod_of(m) or ("NI" if w == "tonight" else None)
    return D.day(anchor + timedelta(days=off), relative=True, part=pod)


_ERA = {"today": "PRESENT_REF", "tomorrow": "FUTURE_REF", "yesterday": "PAST_REF"}


def h_era_day(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'today's youth', 'tomorrow's world': the present, future or past in general."""
    return D.Resolved(_ERA[m.group("w").lower()])


def h_the_day(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    return D.day(anchor, relative=True) if anchor else D.UNRESOLVED


_REL_SHIFT = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1,
              "previous": -1, "the previous": -1, "next": 1, "coming": 1, "the coming": 1,
              "the following": 1, "the": 0, "the same": 0, "this past": -1}


def h_rel_unit(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """this/last/next week|weekend|month|quarter|year|decade|century."""
    unit = m.group("u").lower()
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    mod = mod_of(m)
    if anchor is None:
        return D.UNRESOLVED.with_mod(mod)
    n = _REL_SHIFT.get(rel, 0)
    if unit == "weekend":
        if rel in ("last", "past", "previous", "this past"):
            d = anchor - timedelta(days=(anchor.weekday() + 1) % 7 or 7)
        elif rel in ("next", "coming", "the coming"):
            d = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
        elif anchor.weekday() < 5 and D.told(tense) == "past":
            # "attacks over the weekend" told on a weekday in the past tense: the weekend
            # just gone, not the one ahead
            d = anchor - timedelta(days=anchor.weekday() + 1)
        else:
            d = anchor
        return D.week(d, relative=True, weekend=True).with_mod(mod)
    if unit == "week":
        return D.week(anchor + timedelta(weeks=n), relative=True).with_mod(mod)
    if unit == "month":
        d = D.add_months(anchor, n)
        return D.month(d.year, d.month, relative=True).with_mod(mod)
    if unit == "quarter":
        d = D.add_months(anchor, 3 * n)
        return D.quarter(d.year, (d.month - 1) // 3 + 1, relative=True).with_mod(mod)
    if unit == "decade":
        return D.decade((anchor.year // 10 + n) * 10, relative=True).with_mod(mod)
    if unit == "century":
        r = D.century((anchor.year // 100 + n) * 100)
        return D.Resolved(r.value, r.date, r.end_date, r.precision, True, mod)
    if unit == "day":
        return D.day(anchor + timedelta(days=n), relative=True).with_mod(mod)
    return D.year(anchor.year + n, relative=True).with_mod(mod)


def _amount(m: re.Match[str]) -> tuple[float | None, str, str]:
    """(number or None when vague, TIMEX3 unit letter(s), unit word)."""
    word = unit_of(m.group("u"))
    code, mult = UNITS[word]
    q = group(m, "n")
    if not q:  # "the coming years": a plural with no number is an unknown number
        n: float | None = None if m.group("u").lower() != word else 1.0
    else:
        n = parse_number(q)
    if n is not None and group(m, "half"):  # "a minute and a half"
        n += 0.5
    return (None if n is None else n * mult), code, word


def _duration_value(n: float | None, code: str, word: str) -> str:
    clock = "T" if word in ("second", "minute", "hour") else ""
    if code == "WE":
        code = "W"
    if n is not None and word in ("hour", "minute") and not float(n).is_integer():
        # "5 1/2 hours" is PT5H30M: a fraction of a clock unit in the next smaller one
        whole, part = int(n), round((n - int(n)) * 60)
        small = "M" if word == "hour" else "S"
        return f"PT{whole}{code}{part}{small}" if whole else f"PT{part}{small}"
    return f"P{clock}{'X' if n is None else format_number(n)}{code}"


def h_duration(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    n, code, word = _amount(m)
    return D.Resolved(_duration_value(n, code, word))


def h_duration_range(m: re.Match[str], anchor: date | None, tense: D.TenseHint
                     ) -> D.Resolved:
    """'two to three weeks': an amount between two numbers, PXW."""
    word = unit_of(m.group("u"))
    code, _ = UNITS[word]
    return D.Resolved(_duration_value(None, code, word))


def h_half_unit(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'half an hour', 'a half-hour', 'half a day': half of one unit."""
    word = unit_of(m.group("u"))
    code, mult = UNITS[word]
    return D.Resolved(_duration_value(0.5 * mult, code, word))



def h_past_n(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'the past three years', 'over the last year', 'the next six months': a duration whose
    range is known once anchored."""
    if group(m, "n0"):  # "the next 12 to 18 months": a range of amounts
        return h_duration_range(m, anchor, tense)
    n, code, word = _amount(m)
    value = _duration_value(n, code, word)
    if anchor is None or n is None or word in ("second", "minute", "hour"):
        return D.Resolved(value)
    forward = m.group("rel").lower() in ("next", "coming", "following")
    try:
        other = D.shift(anchor, code, n if forward else -n)
    except (ValueError, OverflowError):  # "the past 5,000 years": no calendar range
        return D.Resolved(value)
    start, end = (anchor, other) if forward else (other, anchor)
    return D.Resolved(value, start.isoformat(), end.isoformat(), "range", True)


def h_ago(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    n, code, _ = _amount(m)
    if n is None:
        return D.Resolved("PAST_REF")
    if anchor is None:
        return D.UNRESOLVED
    direction = -1 if m.group("dir").lower() == "ago" else 1
    return D.at_precision(D.shift(anchor, code, direction * n), code)


def h_narrative(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'a day after', 'three weeks later': relative to another event; see resolve_relative."""
    return D.UNRESOLVED


def h_bare_plural(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    """'recent years', 'for weeks', 'decades-long': an unknown number of a unit (decades and
    centuries are an unknown number of years)."""
    word = unit_of(m.group("u"))
    code = "Y" if word in ("decade", "century") else UNITS[word][0]
    return D.Resolved(f"P{'T' if word in ('minute', 'hour') else ''}X{code}")


def const(value: str) -> Handler:
    def handler(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
        return D.Resolved(value)
    return handler


_VAGUE = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
          "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
          "these days": "PRESENT_REF", "the time being": "PRESENT_REF",
          "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
          "more recently": "PAST_REF", "most recently": "PAST_REF", "the past": "PAST_REF",
          "the future": "FUTURE_REF", "soon": "FUTURE_REF",
          "shortly": "FUTURE_REF", "very soon": "FUTURE_REF"}


def h_vague(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    w = re.sub(r"\s+", " ", m.group(0).lower())
    if w.endswith("term"):
        return D.Resolved("FUTURE_REF")
    w = re.sub(r"^the (?:near|distant|recent) ", "the ", w)
    return D.Resolved(_VAGUE.get(w, "PRESENT_REF"))


_SET_UNITS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
              "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "biannually": "P6M", "biennially": "P2Y"}


def h_set_word(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    return D.Resolved(_SET_UNITS[m.group(0).lower()])


def h_set_every(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    if m.group("wd"):
        return D.Resolved(f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}")
    word = unit_of(m.group("u"))
    code, mult = UNITS[word]
    return D.Resolved(_duration_value(mult, code, word))


def h_clock(m: re.Match[str], anchor: date | None, tense: D.TenseHint) -> D.Resolved:
    word = (group(m, "word") or "").lower()
    if word:
        h, mi = (24, 0) if word == "midnight" else (12, 0)
    else:
        hour = group(m, "h") or group(m, "h2") or group(m, "h3") or "0"
        h = int(hour) if hour.isdigit() else NUMBERS.read_int(hour) or 0  # "eight"
        mi = int(group(m, "mi") or group(m, "mi2") or group(m, "mi3") or 0)
    ampm = (group(m, "ampm") or "").lower()
    half = (group(m, "half") or "").lower()  # "4 in the morning", "11 at night"
    if half and not half.endswith("morning") and not (half.endswith("night") and h < 5):
        ampm = "pm"
    elif half:
        ampm = "am"
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    zone = (group(m, "z") or "").upper()
    suffix = "Z" if zone in ("UTC", "GMT", "Z") and not group(m, "off") else ""
    tod = f"T{h:02d}:{mi:02d}{suffix}"
    if anchor is None:
        return D.Resolved("XXXX-XX-XX" + tod)
    day_word = (group(m, "dayw") or "").lower()
    d = anchor
    if day_word in WEEKDAYS:
        d = D.nearest_weekday(anchor, WEEKDAYS[day_word], D.told(tense))
    elif day_word:
        d = anchor + timedelta(days=_DAY_OFFSETS.get(day_word, 0))
    return D.Resolved(d.isoformat() + tod, d.isoformat(), None, "day", True)


