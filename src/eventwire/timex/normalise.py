"""Normalise one temporal expression to a TIMEX3 value and eventwire's Time shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.timex import dates as D
from eventwire.timex.lexicon import QUANTITY, UNIT_ANY, UNITS, parse_number, unit_of
from eventwire.timex.rules import Rule, resolve_match, rules_at_start, timex_type


@dataclass(frozen=True, slots=True)
class Normalised:
    value: str | None  # TIMEX3 value: 2026-02-06, 2026-W06, 2023-SU, P3Y, PAST_REF ...
    date: str | None = None  # YYYY[-MM[-DD]] for eventwire's Time record
    end_date: str | None = None
    precision: str = "unknown"  # day | week | month | season | year | range | unknown
    anchor: str = "none"  # published | text | none
    type: str | None = None  # DATE | TIME | DURATION | SET
    mod: str | None = None  # TIMEX3 mod: START | MID | END


UNKNOWN = Normalised(None)
_LEADING_PREPOSITION = re.compile(
    r"^(?:on|in|at|during|since|by|for|from|until|till|of|around|about|before|after|over|"
    r"within|throughout|through)\s+",
    re.IGNORECASE,
)


def from_resolved(r: D.Resolved, type_: str | None) -> Normalised:
    if r.date is None:
        return Normalised(r.value, type=type_, mod=r.mod)
    return Normalised(
        r.value, r.date, r.end_date, r.precision, "published" if r.relative else "text",
        type_, r.mod,
    )


def match_rule(expr: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule whose pattern covers the whole expression."""
    for rule in rules_at_start(expr):
        m = rule.regex.fullmatch(expr)
        if m:
            return rule, m
    return None


def normalise(
    text: str, anchor: date | None, *, tense_hint: str | None = None,
    sentence: str | None = None,
) -> Normalised:
    """TIMEX3 value plus date/precision for one expression (e.g. "last Friday").

    ``anchor`` is the date relative expressions are read against (normally the publication
    date); without it, relative expressions stay unresolved (``date`` None, precision
    'unknown', anchor 'none'). ``tense_hint`` ('past' | 'future') picks the earlier or later
    reading of a bare weekday or month; without one, ``sentence`` (the sentence holding the
    expression) lends its tense cues ("will play on Saturday", "was shot on Friday")."""
    if tense_hint is None and sentence:
        tense_hint = _tense_around(text.strip(), sentence)
    expr = re.sub(r"\s+", " ", text.strip())
    found = match_rule(expr)
    if found is None:
        # "on Friday", "in 2018", "for two weeks": the preposition is not part of the timex
        bare = _LEADING_PREPOSITION.sub("", expr)
        found = match_rule(bare) if bare != expr else None
    if found is None:
        if _NARRATIVE.fullmatch(expr):  # "a day after": needs the other event's date
            return Normalised(None, type="DATE")
        return UNKNOWN
    rule, m = found
    return from_resolved(resolve_match(rule, m, anchor, tense_hint), timex_type(rule, m))


def _tense_around(expr: str, sentence: str) -> str | None:
    from eventwire.timex.detect import guess_tense  # detect imports this module

    at = sentence.find(expr)
    if at < 0:
        at = sentence.lower().find(expr.lower())
    return guess_tense(sentence, at, at + len(expr)) if at >= 0 else None


_NARRATIVE = re.compile(
    rf"(?:(?P<n>{QUANTITY}|the)\s+(?P<u>{UNIT_ANY})\s+(?P<dir>later|earlier|after|before|"
    rf"afterwards|previously|prior(?:\s+to)?)"
    rf"|the\s+(?P<rel>following|next|previous|same)\s+(?P<u2>day|morning|evening|night|week|"
    rf"month|year))",
    re.IGNORECASE,
)
_PODS = {"morning": "MO", "evening": "EV", "night": "NI"}


def resolve_relative(
    expr: str, ref_date: date | str, *, ref_anchor: str = "text"
) -> Normalised:
    """Resolve "a day after", "two weeks earlier", "the following day" ... against the date
    of another event (``ref_date``: a date or YYYY-MM-DD). ``ref_anchor`` says where that
    date came from ('text' or 'published') and is copied to the result. Expressions that
    are not narrative-relative are normalised against ``ref_date`` as an anchor."""
    try:
        return _resolve_relative(expr, ref_date, ref_anchor)
    except (ValueError, OverflowError):  # "5,000 years earlier": before the year 1
        return UNKNOWN


def _resolve_relative(expr: str, ref_date: date | str, ref_anchor: str) -> Normalised:
    ref = ref_date if isinstance(ref_date, date) else date.fromisoformat(ref_date[:10])
    clean = re.sub(r"\s+", " ", expr.strip())
    m = _NARRATIVE.fullmatch(clean)
    if m is None:
        out = normalise(clean, ref)
        return out if out.anchor != "published" else _with_anchor(out, ref_anchor)
    if m.group("rel"):
        word = m.group("u2").lower()
        step = {"following": 1, "next": 1, "previous": -1, "same": 0}[m.group("rel").lower()]
        code = {"week": "W", "month": "M", "year": "Y"}.get(word, "D")
        d = D.shift(ref, code, step)
        r = D.at_precision(d, code, relative=False) if code != "D" else D.day(
            d, part=_PODS.get(word))
        return _with_anchor(from_resolved(r, "TIME" if word in _PODS else "DATE"), ref_anchor)
    word = unit_of(m.group("u"))
    code, mult = UNITS[word]
    q = m.group("n").lower()
    n = 1.0 if q == "the" else parse_number(q)
    if n is None:
        return UNKNOWN
    sign = 1 if m.group("dir").lower() in ("later", "after", "afterwards") else -1
    if word in ("second", "minute", "hour"):
        d = ref + sign * timedelta(hours=n * mult if word == "hour" else 0)
        r = D.day(d)
    else:
        d = D.shift(ref, code, sign * n * mult)
        r = D.day(d) if code in ("D", "W") else D.at_precision(d, code, relative=False)
    return _with_anchor(from_resolved(r, "DATE"), ref_anchor)


def _with_anchor(n: Normalised, anchor: str) -> Normalised:
    if n.date is None:
        return n
    return Normalised(n.value, n.date, n.end_date, n.precision, anchor, n.type, n.mod)
