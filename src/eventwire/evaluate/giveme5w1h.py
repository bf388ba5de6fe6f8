"""Giveme5W1H gold standard (``data/*.json``): who/what/when/where/why/how of the main event.

The main event is the record's highest-confidence non-negated event. Answers:
who = its actors (a resolved pronoun answers with its name); what = trigger + recipients;
when = time text; where = place text.
eventwire has no cause or manner field, so why/how are not answered (``*_coverage`` says
how often a question was answered at all).

``<q>_p``: over the articles where we answered and the gold has phrases for the question,
the share of answers that overlap a gold phrase: the overlap coefficient of their content
words (|A∩B| / min(|A|,|B|)) is at least 0.5. ``overall_p`` pools all questions.

NOTE: the paper's 0.73 / 0.82 precision came from human judges rating answers; this
automatic overlap measure is not comparable to those figures.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Event, Participant, Record, make_article
from ..timex import find_timexes
from .base import (
    EvalResult,
    Extractor,
    extract_records,
    limited,
    main_event,
    pick_split,
    require_path,
)
from .matching import ratio, words

QUESTIONS = ("who", "what", "when", "where", "why", "how")
METRICS = (*(f"{q}_p" for q in QUESTIONS), "overall_p")
_STOP = frozenset(
    [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "from",
        "as", "is", "was", "were", "be", "been", "has", "have", "had", "that", "this", "these",
        "those", "it", "its", "their", "his", "her", "after", "before", "during", "over", "into"
    ]
)
MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class FiveWDoc:
    id: str
    title: str
    text: str
    published: str | None
    gold: dict[str, tuple[str, ...]]  # question -> annotated phrases (may be empty)


def data_folder(path: str | Path, split: str | None = None) -> Path:
    """The folder of ``*.json`` articles: ``path`` itself when it holds them, else its one
    subfolder that does (``data/`` as published, or a split's: see ``base.pick_split``)."""
    root = require_path(path, "Giveme5W1H data")
    folders = [d for d in root.iterdir() if d.is_dir() and any(d.glob("*.json"))]
    if any(root.glob("*.json")) and (split is None or not folders):
        return root
    return pick_split(folders, "Giveme5W1H data", root, split, usual="data")


def load_giveme5w1h(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[FiveWDoc]:
    folder = data_folder(path, split)
    docs = []
    for file in sorted(folder.glob("*.json")):
        d = json.loads(file.read_text(encoding="utf-8"))
        title = (d.get("title") or "").strip()
        body = (d.get("text") or "").strip()
        desc = (d.get("description") or "").strip()
        parts = [title] + ([desc] if desc and not body.startswith(desc[:40]) else []) + [body]
        gold = {
            q: tuple(a["text"] for a in (d.get("fiveWoneH", {}).get(q, {}).get("annotated") or [])
                     if a.get("text"))
            for q in QUESTIONS
        }
        published = (d.get("date_publish") or "")[:10] or None
        docs.append(FiveWDoc(d.get("dId") or file.stem, title, "\n\n".join(p for p in parts if p),
                             published, gold))
    return limited(docs, limit)


_PRONOUNS = frozenset(["he", "him", "his", "she", "her", "they", "them", "it", "we", "us", "i"])


def _phrase(p: Participant) -> str:
    """The participant as an answer: a pronoun stands for the person it was resolved to
    (a reader, and the annotators, answer "who" with a name, never with "she")."""
    return p.name if p.name and p.text.lower() in _PRONOUNS else p.text


def answers(event: Event | None) -> dict[str, str]:
    """Question -> answer text ('' when not answered)."""
    if event is None:
        return dict.fromkeys(QUESTIONS, "")
    return {
        "who": ", ".join(_phrase(p) for p in event.actors),
        "what": " ".join([event.trigger.text] + [p.text for p in event.recipients]),
        # "when" is a time expression: a date the record reads off a tense ("have been
        # killed": the hot-news perfect, the publication day) has no words saying when
        "when": event.time.text if event.time and find_timexes(event.time.text) else "",
        "where": event.place.text if event.place else "",
        "why": "",
        "how": "",
    }


def _content(text: str) -> set[str]:
    return {w for w in words(text) if w not in _STOP}


def overlaps(answer: str, phrase: str) -> bool:
    a, g = _content(answer), _content(phrase)
    return bool(a and g) and len(a & g) / min(len(a), len(g)) >= MIN_OVERLAP


def score_giveme5w1h_records(docs: Sequence[FiveWDoc], records: Sequence[Record]) -> EvalResult:
    answered = dict.fromkeys(QUESTIONS, 0)
    correct = dict.fromkeys(QUESTIONS, 0)
    askable = dict.fromkeys(QUESTIONS, 0)
    for doc, record in zip(docs, records, strict=True):
        got = answers(main_event(record))
        for q in QUESTIONS:
            if not doc.gold[q]:
                continue  # annotators found no answer: nothing to judge
            askable[q] += 1
            if got[q].strip():
                answered[q] += 1
                correct[q] += any(overlaps(got[q], g) for g in doc.gold[q])
    metrics = {f"{q}_p": ratio(correct[q], answered[q]) for q in QUESTIONS}
    metrics["overall_p"] = ratio(sum(correct.values()), sum(answered.values()))
    metrics.update({f"{q}_coverage": ratio(answered[q], askable[q]) for q in QUESTIONS})
    return EvalResult("giveme5w1h", len(docs), metrics, notes=(
        "automatic content-word overlap (>= 0.5), not the paper's human judgements",
        "why/how: eventwire has no such fields, never answered",
    ))


def articles(docs: Sequence[FiveWDoc]) -> list[Article]:
    return [make_article(d.text, title=d.title, published=d.published) for d in docs]


def score_giveme5w1h(docs: Sequence[FiveWDoc], extractor: Extractor) -> EvalResult:
    return score_giveme5w1h_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "METRICS", "QUESTIONS", "FiveWDoc", "answers", "data_folder", "load_giveme5w1h", "overlaps",
    "score_giveme5w1h", "score_giveme5w1h_records",
]
