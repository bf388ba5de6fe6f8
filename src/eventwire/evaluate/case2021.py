"""CASE 2021 task 2 (``snippets.tsv``): one ACLED-style sub-event label per snippet.

Each snippet gets the label the CSV export would give its main event (highest salience, not
negated): ``eventwire.acled.sub_event`` over the snippet text and the event's facts (cue
phrases decide first: disasters, crime, seized weapons, territory, protests, weapon types,
clash vs attack; then the PLOVER category, modes and sectors). A snippet with neither gets
``DEFAULT_LABEL`` = "OTHER", the catch-all of ACLED's strategic developments.

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

from ..acled import DEFAULT_LABEL, EventFacts, event_code, sub_event
from ..model import Article, Event, Record, make_article
from .base import EvalResult, Extractor, extract_records, limited, main_event, split_file
from .matching import prf, ratio

METRICS = ("micro_f1", "macro_f1", "weighted_f1")


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    label: str


def load_case2021(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[Snippet]:
    file = split_file(path, (".tsv",), "CASE 2021 data", split, usual="snippets.tsv")
    csv.field_size_limit(sys.maxsize)
    with file.open(encoding="utf-8", newline="") as fh:
        rows = [Snippet(r["id"], r["EventSnippet"], r["SubType"].strip())
                for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return limited(rows, limit)


def case_code(event: Event | None) -> str:
    """ACLED-style CASE sub-event code of an eventwire event alone (no snippet text)."""
    return event_code(EventFacts.of(event) if event is not None else None)


def case_label(record: Record) -> str:
    """ACLED-style CASE sub-event code of a snippet: text cues, then its main event."""
    event = main_event(record)
    return sub_event(record.article.text, EventFacts.of(event) if event is not None else None)


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
    pred = [case_label(r) for r in records]
    if len(pred) != len(docs):
        raise ValueError("one record per snippet expected")
    return EvalResult("case2021", len(docs), f1_scores([d.label for d in docs], pred), notes=(
        f"snippets with no cue and no event are labelled {DEFAULT_LABEL}",
    ))


def articles(docs: Sequence[Snippet]) -> list[Article]:
    return [make_article(d.text, title=f"case2021-{d.id}") for d in docs]


def score_case2021(docs: Sequence[Snippet], extractor: Extractor) -> EvalResult:
    return score_case2021_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "DEFAULT_LABEL", "METRICS", "Snippet", "case_code", "case_label", "f1_scores", "load_case2021",
    "score_case2021", "score_case2021_records",
]
