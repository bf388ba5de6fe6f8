"""CASE 2021 task 2 (``snippets.tsv``): one ACLED-style sub-event label per snippet.

Each snippet's main event (highest confidence, not negated) is mapped to a code with
``case_code`` below (PLOVER category + modes -> ACLED sub-event). A snippet with no event
gets ``DEFAULT_LABEL`` = "OTHER", the catch-all of ACLED's strategic developments.
Labels eventwire cannot produce (NATURAL_DISASTER, MAN_MADE_DISASTER, ORG_CRIME, ...) still
count in the scores.

``micro_f1`` (= accuracy for one label per snippet), ``macro_f1`` (unweighted mean over the
labels present in gold or predictions) and ``weighted_f1`` (mean weighted by gold support).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Event, Record, make_article
from .base import EvalResult, Extractor, extract_records, limited, main_event, require_path
from .matching import prf, ratio, words

METRICS = ("micro_f1", "macro_f1", "weighted_f1")
DEFAULT_LABEL = "OTHER"
_ARMED = frozenset({"MIL", "REB", "PRM", "UAF", "SPY", "COP"})  # PLOVER armed sectors

# ASSAULT modes in priority order (the most specific weapon decides).
_ASSAULT_MODES: tuple[tuple[str, str], ...] = (
    ("suicide-attack", "SUIC_BOMB"),
    ("unconventional", "CHEM_WEAP"),
    ("aerial", "AIR_STRIKE"),
    ("drone", "AIR_STRIKE"),
    ("heavy-weapons", "ART_MISS_ATTACK"),
    ("explosives", "REM_EXPLOS"),
    ("sexual", "SEX_VIOL"),
    ("abduct", "ABDUCT_DISSAP"),
    ("crowd-control", "FORCE_AGAINST_PROTEST"),
    ("destroy", "PROPERTY_DISTRUCT"),
)
_OTHER_CATEGORIES = {
    "AGREE": "AGREEMENT", "COOPERATE": "AGREEMENT", "CONSULT": "DIPLO", "SANCTION": "DIPLO",
    "REQUEST": "DIPLO", "REJECT": "DIPLO", "SUPPORT": "DIPLO", "CONCEDE": "DIPLO",
    "ACCUSE": "ATTRIB", "MOBILIZE": "CHANGE_TO_GROUP_ACT", "AID": "OTHER", "THREATEN": "OTHER",
}


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    label: str


def load_case2021(path: str | Path, limit: int | None = None) -> list[Snippet]:
    root = require_path(path, "CASE 2021 data")
    file = root / "snippets.tsv" if root.is_dir() else root
    csv.field_size_limit(sys.maxsize)
    with file.open(encoding="utf-8", newline="") as fh:
        rows = [Snippet(r["id"], r["EventSnippet"], r["SubType"].strip())
                for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return limited(rows, limit)


def _armed(event: Event, side: str) -> bool:
    people = event.actors if side == "actors" else event.recipients
    return any(p.sector in _ARMED for p in people)


def case_code(event: Event | None) -> str:
    """ACLED-style CASE sub-event code of an eventwire event."""
    if event is None:
        return DEFAULT_LABEL
    modes = set(event.modes)
    if event.category == "ASSAULT":
        evidence = {w for s in (event.trigger, *event.evidence) for w in words(s.text)}
        if "explosives" in modes and evidence & {"grenade", "grenades"}:
            return "GRENADE"
        for mode, code in _ASSAULT_MODES:
            if mode in modes:
                return code
        if _armed(event, "actors") and _armed(event, "recipients"):
            return "ARMED_CLASH"
        return "ATTACK"
    if event.category == "PROTEST":
        return "VIOL_DEMONSTR" if modes & {"riot", "vandalize"} else "PEACE_PROTEST"
    if event.category == "COERCE":
        if "arrest" in modes:
            return "ARREST"
        return "PROPERTY_DISTRUCT" if "seize" in modes else "CHANGE_TO_GROUP_ACT"
    if event.category == "RETREAT":
        return "AGREEMENT" if "ceasefire" in modes else "NON_VIOL_TERRIT_TRANSFER"
    return _OTHER_CATEGORIES.get(event.category, DEFAULT_LABEL)


def f1_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Micro, macro (labels in gold or pred) and support-weighted F1 for single labels."""
    labels = sorted(set(gold) | set(pred))
    support = Counter(gold)
    per_label = {}
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        per_label[lab] = prf(tp, sum(p == lab for p in pred), support[lab])[2]
    correct = sum(g == p for g, p in zip(gold, pred, strict=True))
    return {
        "micro_f1": ratio(correct, len(gold)),
        "macro_f1": ratio(sum(per_label.values()), len(labels)),
        "weighted_f1": ratio(sum(per_label[lab] * support[lab] for lab in labels), len(gold)),
    }


def score_case2021_records(docs: Sequence[Snippet], records: Sequence[Record]) -> EvalResult:
    pred = [case_code(main_event(r)) for r in records]
    if len(pred) != len(docs):
        raise ValueError("one record per snippet expected")
    return EvalResult("case2021", len(docs), f1_scores([d.label for d in docs], pred), notes=(
        f"snippets without an event are labelled {DEFAULT_LABEL}",
    ))


def articles(docs: Sequence[Snippet]) -> list[Article]:
    return [make_article(d.text, title=f"case2021-{d.id}") for d in docs]


def score_case2021(docs: Sequence[Snippet], extractor: Extractor) -> EvalResult:
    return score_case2021_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "DEFAULT_LABEL", "METRICS", "Snippet", "case_code", "f1_scores", "load_case2021",
    "score_case2021", "score_case2021_records",
]
