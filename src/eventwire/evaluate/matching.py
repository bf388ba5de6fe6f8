"""Matching helpers the scorers share: head nouns, one-to-one matching, P/R/F1.

Pure Python on purpose (no spaCy): the evaluation must not depend on the parser it scores.
The head of a noun phrase is approximated as its last word before any post-modifier
("the man who fired" -> "man", "deputy director of the GRU" -> "director").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)

# Words that never head a noun phrase: determiners, quantifiers, possessives.
DETERMINERS = frozenset(
    [
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
        "my", "your", "some", "any", "several", "many", "few", "all", "both", "each", "every", "no",
        "other", "another", "such", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "dozens", "dozen", "hundreds", "thousands", "at", "least", "more", "than"
    ]
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A post-modifier starts here: what follows does not contain the head.
_POSTMODIFIER = re.compile(
    r"\s*(?:[,;:(\[]|\s(?:of|who|whom|whose|which|that|in|at|on|from|with|for|by|near|"
    r"during|after|before|to|as|under|inside|outside|against|and|or)\s)",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (hyphenated and dotted words stay whole)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def head_noun(phrase: str) -> str:
    """Last word of the phrase before any post-modifier, lower-cased; '' when none."""
    text = " " + phrase.strip().strip("\"'“”‘’") + " "
    m = _POSTMODIFIER.search(text, 1)
    if m and m.start() > 1:
        text = text[: m.start()]
    toks = [w for w in words(text) if w not in DETERMINERS]
    while len(toks) > 1 and toks[-1].rstrip(".") in _NAME_SUFFIXES:
        toks.pop()
    if not toks:
        return ""
    head = toks[-1]
    if head.endswith("'s"):
        head = head[:-2]
    return head.rstrip(".")


def heads_match(predicted: str, mentions: Iterable[str]) -> bool:
    """True when the predicted phrase's head equals the head of any gold mention."""
    h = head_noun(predicted)
    return bool(h) and any(h == head_noun(m) for m in mentions)


def match_one_to_one(
    gold: Sequence[T], predicted: Sequence[U], same: Callable[[T, U], bool]
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index); gold order decides ties."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in used and same(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; 0.0 where undefined."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


Segments = tuple[tuple[int, int], ...]


def overlap_chars(a: Segments, b: Segments) -> int:
    """Characters shared by two (possibly discontinuous) spans."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def same_segments(a: Segments, b: Segments) -> bool:
    return tuple(sorted(a)) == tuple(sorted(b))


def spans_overlap(a: Segments, b: Segments) -> bool:
    return overlap_chars(a, b) > 0


def dedupe_by_head(phrases: Iterable[str]) -> list[str]:
    """One phrase per head noun (an entity mentioned twice is one prediction)."""
    seen: set[str] = set()
    out: list[str] = []
    for p in phrases:
        h = head_noun(p)
        if h and h not in seen:
            seen.add(h)
            out.append(p)
    return out


__all__ = [
    "DETERMINERS", "Segments", "dedupe_by_head", "head_noun", "heads_match",
    "match_one_to_one", "overlap_chars", "prf", "ratio", "same_segments", "spans_overlap",
    "words",
]
