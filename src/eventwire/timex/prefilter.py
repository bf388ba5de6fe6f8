"""Which words a regular expression cannot match without: a cheap test before a scan.

Detection scans every rule of the grammar over the whole text (``detect._candidates``);
most rules need a word most texts lack (a month, a holiday, "ago", "fiscal"). For each
compiled pattern this module finds a set of strings such that every match contains at
least one of them, read from the parsed pattern itself (``re._parser``), never typed by
hand. A rule whose strings are all absent from the text cannot match there and is not
scanned (texts and strings are compared case-folded). When no such set can be proved (an
optional part, a class of characters), the answer is ``None`` and the rule is always
scanned: the test only ever skips what cannot match, so detection finds exactly what it
found without it.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

Needs = frozenset[str] | None

_MIN_LEN = 2  # shorter strings occur in any text: no use as a test
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


def required(pattern: re.Pattern[str]) -> Needs:
    """Strings (case-folded) of which every match of ``pattern`` holds one, or None."""
    return _weakest_ok(_sequence(P.parse(pattern.pattern, pattern.flags).data))


def _weakest_ok(needs: Needs) -> Needs:
    if needs is None or any(len(s) < _MIN_LEN for s in needs):
        return None
    return needs


def _sequence(items: list[tuple[Any, Any]]) -> Needs:
    """A sequence needs what any one of its mandatory parts needs: keep the most telling
    (the set whose shortest string is longest), joining runs of literal characters."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is C.LITERAL:
            run.append(chr(av).casefold())
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        if op is None or op in _ZERO_WIDTH:
            continue
        got = _item(op, av)
        if got is not None:
            options.append(got)
    good = [o for o in options if _weakest_ok(o) is not None]
    if not good:
        return None
    return max(good, key=lambda o: (min(len(s) for s in o), -len(o)))


def _item(op: Any, av: Any) -> Needs:
    if op is C.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _sequence(alt.data)
            if got is None:
                return None  # one alternative needs nothing known: the branch neither
            out |= got
        return frozenset(out)
    if op in _REPEATS:
        low, _high, body = av
        return _sequence(body.data) if low >= 1 else None
    return None  # a class of characters, any character, a back-reference


def may_match(needs: Needs, folded: str) -> bool:
    """Can a pattern with these needs match in a text (given ``str.casefold``-ed, which
    also folds what ``re.IGNORECASE`` matches case-blind)?"""
    return needs is None or any(s in folded for s in needs)


__all__ = ["Needs", "may_match", "required"]
