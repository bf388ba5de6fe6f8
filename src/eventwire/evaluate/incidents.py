"""Incident gold (``gold.jsonl``): every incident in scope of an article, with its fields.

Each line: ``{"id", "published", "text", "incidents": [...], "note"?}``; the incidents are
coded by the set's own CODEBOOK.md (six PLOVER categories, one record per incident, each
with the exact strings that mention it). The id's prefix names the dataset the article
came from (``gvdb:``, ``wikievents:`` ...): precision and recall are also given per prefix.

Matching. A predicted event matches a gold incident when one of its spans (``trigger``
and ``mentions``) overlaps an occurrence of one of the incident's mention strings (every
occurrence, case-sensitive). Predictions are taken in text order of their trigger; one
that overlaps several incidents takes an unmatched one first, then one of its own
category, then the first in gold order. The first prediction to take an incident is its
**match**; a later one is a **duplicate**. A prediction in the six categories that takes
none is a **false alarm**; one of another category that takes none is out of scope and
not counted at all.

- ``precision``: first matches / in-scope predictions (the six categories, or matching);
  ``precision_strict``: the same, counting only matches whose status is the gold status.
- ``recall``: share of gold incidents with status asserted or historical that a
  prediction matched (a system need not report what is hypothetical, future or negated).
- ``duplicate_share``, ``false_alarm_share``: shares of the in-scope predictions.
- ``<field>_acc`` over first matches (``FIELD_RULES``): category; status; date (a gold
  ``YYYY`` or ``YYYY-MM`` wants a predicted date that starts with it, a gold day the same
  day, a null gold no date); place (same country and the name, city or admin1 agree —
  the gold name is the predicted place's name, city or admin1, or both admin1s are the
  same; case and accents ignored — or the same geonameid; null gold wants no place; the
  admin1 agreement accepts a wrong town of the right province, as the issue asks);
  place_country (same country; null wants no place); actors, recipients and claimed_by
  (gold ``[]`` wants none; else one predicted participant shares a content word with a
  gold one); dead, injured, arrested (equal; a null gold takes null or 0).
- ``all_core_fields``: category, status, date, place, dead and injured all right, over
  first matches; ``all_core_fields_recall``: the same count over the gold incidents that
  ``recall`` counts (asserted or historical; only their matches count).
- ``confidence_matched`` / ``confidence_noise``: mean ``Event.confidence`` of first
  matches / of false alarms and duplicates; ``confidence_auc``: ROC AUC of confidence for
  telling the one from the other (ties count half; 0.5 = no separation). Calibration
  over the same two groups (confidence read as the probability of a true first match):
  ``confidence_brier``, the mean squared gap between confidence and the outcome (1 or 0;
  lower is better); ``confidence_ece``, the expected calibration error over ten equal
  bins of confidence (the gap between mean confidence and the share of true first
  matches, weighted by each bin's size; lower is better).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..model import Article, Event, Participant, Record, Span, make_article
from .base import EvalError, EvalResult, Extractor, extract_records, limited, split_file
from .matching import DETERMINERS, ratio, words

SCOPE = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION"})
RECALLED = frozenset({"asserted", "historical"})
FIELDS = (
    "category", "status", "date", "place", "place_country", "actors", "recipients", "dead",
    "injured", "arrested", "claimed_by",
)
CORE_FIELDS = ("category", "status", "date", "place", "dead", "injured")
# gated: higher is better (the shares of noise and the confidence figures are reported only)
METRICS = (
    "precision", "precision_strict", "recall", "all_core_fields", "all_core_fields_recall",
    "category_acc", "status_acc", "date_acc", "place_acc", "actors_acc", "recipients_acc",
    "dead_acc", "injured_acc",
)
SOURCES = ("wikievents", "gvdb", "giveme5w1h", "polnear")
# never the word two participants share: determiners, pronouns, function words
STOPWORDS = DETERMINERS | frozenset(
    [
        "of", "in", "on", "at", "to", "for", "by", "with", "and", "or", "from", "as", "into",
        "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "it", "its",
        "we", "us", "our", "i", "me", "you", "who", "whom", "which", "what", "there", "s",
        "is", "was", "were", "be", "been", "are", "has", "have", "had", "not", "also", "said",
    ]
)
_CONTEXT = 50  # characters either side of a span in the --errors listing


# -- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str | None
    admin1: str | None = None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldIncident:
    category: str
    status: str
    mentions: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # every occurrence of every mention in the text
    date: str | None
    place: GoldPlace | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    dead: int | None
    injured: int | None
    arrested: int | None
    claimed_by: tuple[str, ...]
    aggregate: bool = False


@dataclass(frozen=True, slots=True)
class IncidentDoc:
    id: str
    published: str | None
    text: str
    incidents: tuple[GoldIncident, ...]

    @property
    def source(self) -> str:
        """The dataset the article came from: the id's prefix ("gvdb" of "gvdb:1983")."""
        return self.id.partition(":")[0] if ":" in self.id else "other"


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``needle`` in ``text``, overlapping ones included."""
    out = []
    start = text.find(needle) if needle else -1
    while start != -1:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of strings")
    return tuple(value)


def _count(value: Any, what: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ValueError(f"{what} must be a whole number or null")


def _place(value: Any) -> GoldPlace | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        raise ValueError("place must be null or an object with a name")
    gid = value.get("geonameid")
    return GoldPlace(value["name"], value.get("country"), value.get("admin1"),
                     int(gid) if isinstance(gid, (int, str)) and str(gid).isdigit() else None)


def parse_incident(raw: Any, text: str) -> GoldIncident:
    if not isinstance(raw, dict):
        raise ValueError("an incident must be an object")
    mentions = _strings(raw.get("mentions"), "mentions")
    if not mentions:  # it could never be matched: a miss the system cannot avoid
        raise ValueError("an incident needs at least one mention")
    spans = tuple(sorted({s for m in mentions for s in occurrences(text, m)}))
    missing = [m for m in mentions if not occurrences(text, m)]
    if missing:
        raise ValueError(f"mention {missing[0]!r} is not in the text")
    date = raw.get("date")
    return GoldIncident(
        category=str(raw.get("category") or ""), status=str(raw.get("status") or ""),
        mentions=mentions, spans=spans, date=date if isinstance(date, str) and date else None,
        place=_place(raw.get("place")), actors=_strings(raw.get("actors"), "actors"),
        recipients=_strings(raw.get("recipients"), "recipients"),
        dead=_count(raw.get("dead"), "dead"), injured=_count(raw.get("injured"), "injured"),
        arrested=_count(raw.get("arrested"), "arrested"),
        claimed_by=_strings(raw.get("claimed_by"), "claimed_by"),
        aggregate=bool(raw.get("aggregate", False)),
    )


def parse_line(line: str) -> IncidentDoc:
    d = json.loads(line)
    if not isinstance(d, dict) or not isinstance(d.get("text"), str):
        raise ValueError("each line must be an object with an id, a text and incidents")
    text = d["text"]
    incidents = d.get("incidents")
    if not isinstance(incidents, list):
        raise ValueError("incidents must be a list")
    published = d.get("published")
    return IncidentDoc(
        str(d.get("id") or ""), published if isinstance(published, str) and published else None,
        text, tuple(parse_incident(i, text) for i in incidents),
    )


def load_incidents(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[IncidentDoc]:
    """``gold.jsonl`` in the folder (or a split's ``.jsonl``, see ``base.split_file``), or
    the file itself. A malformed line is an ``EvalError`` naming its line number."""
    file = split_file(path, (".jsonl",), "incident gold", split, usual="gold.jsonl")
    docs: list[IncidentDoc] = []
    with file.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                docs.append(parse_line(line))
            except ValueError as err:  # JSON errors are ValueErrors too
                raise EvalError(f"incident gold {file}, line {n}: {err}") from err
    return limited(docs, limit)


# -- matching --------------------------------------------------------------------------------

Kind = Literal["match", "duplicate", "false_alarm"]


@dataclass(frozen=True, slots=True)
class Judged:
    """One in-scope prediction and what it was: a match (the first for its incident), a
    duplicate, or a false alarm (``incident`` None)."""

    event: Event
    kind: Kind
    incident: int | None


def event_spans(event: Event) -> tuple[Span, ...]:
    return (event.trigger, *event.mentions)


def _overlaps(event: Event, incident: GoldIncident) -> bool:
    return any(
        s.start < end and start < s.end for s in event_spans(event)
        for start, end in incident.spans
    )


def _text_order(event: Event) -> tuple[int, int, str]:
    return (event.trigger.start, event.trigger.end, event.id)


def judge(doc: IncidentDoc, record: Record) -> list[Judged]:
    """The in-scope predictions of one article, judged in text order of their triggers."""
    taken: set[int] = set()
    out: list[Judged] = []
    for event in sorted(record.events, key=_text_order):
        hits = [i for i, g in enumerate(doc.incidents) if _overlaps(event, g)]
        if not hits:
            if event.category in SCOPE:
                out.append(Judged(event, "false_alarm", None))
            continue
        # an unmatched incident first, then one of the same category, then gold order
        best = min(hits, key=lambda i: (i in taken, doc.incidents[i].category != event.category,
                                        i))
        out.append(Judged(event, "duplicate" if best in taken else "match", best))
        taken.add(best)
    return out


# -- field rules -----------------------------------------------------------------------------


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form of a name ("São Paulo" -> "sao paulo")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def date_ok(gold: str | None, event: Event) -> bool:
    pred = event.time.date if event.time is not None else None
    if gold is None:
        return not pred
    if not pred:
        return False
    if len(gold) >= 10:  # a day: the same day
        return pred[:10] == gold[:10]
    return pred.startswith(gold)  # a year or month: any date within it


def place_ok(gold: GoldPlace | None, event: Event) -> bool:
    p = event.place
    if gold is None or p is None:
        return gold is None and p is None
    if gold.geonameid is not None and p.geonameid == gold.geonameid:
        return True
    if not gold.country or fold(gold.country) != fold(p.country):
        return False
    name = fold(gold.name)
    if name and name in {fold(v) for v in (p.name, p.city, p.admin1) if v}:
        return True
    return bool(gold.admin1) and fold(gold.admin1) == fold(p.admin1)


def country_ok(gold: GoldPlace | None, event: Event) -> bool:
    p = event.place
    if gold is None or p is None:
        return gold is None and p is None
    return bool(gold.country) and fold(gold.country) == fold(p.country)


def content_words(text: str | None) -> set[str]:
    out = set()
    for w in words(text or ""):
        w = w.removesuffix("'s")
        if w and w not in STOPWORDS and not w.isdigit():
            out.add(w)
    return out


def _participant_words(p: Participant) -> set[str]:
    # a resolved pronoun names its person in ``name``; the text alone says "he"
    return content_words(p.text) | content_words(p.name)


def people_ok(gold: Sequence[str], predicted: Iterable[Participant]) -> bool:
    """Gold ``[]`` wants none predicted; else one predicted participant shares a content
    word with one gold string."""
    pred = list(predicted)
    if not gold:
        return not pred
    gold_words = set().union(*(content_words(g) for g in gold))
    return any(_participant_words(p) & gold_words for p in pred)


def count_ok(gold: int | None, pred: int | None) -> bool:
    return pred in (None, 0) if gold is None else pred == gold


def _claimants(event: Event) -> list[Participant]:
    resp = event.responsibility
    return [c.actor for c in resp.claimed_by] if resp is not None else []


def _outcome(event: Event, name: str) -> int | None:
    return getattr(event.outcome, name) if event.outcome is not None else None


FIELD_RULES: dict[str, Callable[[GoldIncident, Event], bool]] = {
    "category": lambda g, e: e.category == g.category,
    "status": lambda g, e: e.status == g.status,
    "date": lambda g, e: date_ok(g.date, e),
    "place": lambda g, e: place_ok(g.place, e),
    "place_country": lambda g, e: country_ok(g.place, e),
    "actors": lambda g, e: people_ok(g.actors, e.actors),
    "recipients": lambda g, e: people_ok(g.recipients, e.recipients),
    "dead": lambda g, e: count_ok(g.dead, _outcome(e, "dead")),
    "injured": lambda g, e: count_ok(g.injured, _outcome(e, "injured")),
    "arrested": lambda g, e: count_ok(g.arrested, _outcome(e, "arrested")),
    "claimed_by": lambda g, e: people_ok(g.claimed_by, _claimants(e)),
}


def check_fields(gold: GoldIncident, event: Event) -> dict[str, bool]:
    return {f: FIELD_RULES[f](gold, event) for f in FIELDS}


# -- scoring ---------------------------------------------------------------------------------


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """P(a random positive scores above a random negative), ties half (Mann-Whitney U)."""
    if not positives or not negatives:
        return 0.0
    ranked = sorted([(v, 1) for v in positives] + [(v, 0) for v in negatives])
    rank_sum = 0.0
    i = 0
    while i < len(ranked):  # tied values share their mean rank
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2
        rank_sum += mean_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def brier(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Mean squared gap between a score and what it scored (1 true, 0 noise); lower is
    better (0.25: a constant 0.5)."""
    n = len(positives) + len(negatives)
    if not n:
        return 0.0
    return (sum((1 - v) ** 2 for v in positives) + sum(v * v for v in negatives)) / n


def calibration_error(positives: Sequence[float], negatives: Sequence[float],
                      bins: int = 10) -> float:
    """Expected calibration error: in ``bins`` equal-width bins of the score, the gap
    between the mean score and the share that is true, weighted by the bin's size."""
    scored = [(v, 1) for v in positives] + [(v, 0) for v in negatives]
    if not scored:
        return 0.0
    by_bin: dict[int, list[tuple[float, int]]] = {}
    for v, label in scored:
        by_bin.setdefault(min(bins - 1, max(0, int(v * bins))), []).append((v, label))
    gap = sum(abs(sum(v for v, _ in b) - sum(lab for _, lab in b)) for b in by_bin.values())
    return gap / len(scored)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _CONTEXT):start]
    right = text[end:end + _CONTEXT]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def _show(value: object) -> str:
    return "null" if value is None else str(value)


def _predicted_field(field: str, event: Event) -> str:
    if field == "date":
        return _show(event.time.date if event.time else None)
    if field in ("place", "place_country"):
        p = event.place
        return "null" if p is None else f"{p.name or p.text} ({p.country}, {p.admin1})"
    if field in ("actors", "recipients"):
        return str([p.name or p.text for p in getattr(event, field)])
    if field == "claimed_by":
        return str([p.name or p.text for p in _claimants(event)])
    if field in ("dead", "injured", "arrested"):
        return _show(_outcome(event, field))
    return _show(getattr(event, field))


def _gold_field(field: str, gold: GoldIncident) -> str:
    if field in ("place", "place_country"):
        g = gold.place
        return "null" if g is None else f"{g.name} ({g.country}, {g.admin1})"
    if field in ("actors", "recipients", "claimed_by"):
        return str(list(getattr(gold, field)))
    return _show(getattr(gold, field))


@dataclass
class _Tally:
    """Counts for one slice (all, a source): in-scope predictions, their fates, recall."""

    pred: int = 0
    matched: int = 0
    strict: int = 0
    duplicates: int = 0
    false_alarms: int = 0
    recall_gold: int = 0
    recalled: int = 0

    def rates(self) -> dict[str, float]:
        return {
            "precision": ratio(self.matched, self.pred),
            "precision_strict": ratio(self.strict, self.pred),
            "recall": ratio(self.recalled, self.recall_gold),
        }


def score_incident_records(docs: Sequence[IncidentDoc], records: Sequence[Record]) -> EvalResult:
    total = _Tally()
    by_source: dict[str, _Tally] = {}
    right: Counter[str] = Counter()
    core_right = core_recalled = n_gold = 0
    cat_gold: Counter[str] = Counter()
    cat_pred: Counter[str] = Counter()
    cat_matched: Counter[str] = Counter()
    cat_false: Counter[str] = Counter()
    conf_match: list[float] = []
    conf_noise: list[float] = []
    errors: list[str] = []
    n_docs: Counter[str] = Counter()
    for doc, record in zip(docs, records, strict=True):
        src = by_source.setdefault(doc.source, _Tally())
        n_docs[doc.source] += 1
        judged = judge(doc, record)
        matched_at = {j.incident: j.event for j in judged if j.kind == "match"}
        for g_i, g in enumerate(doc.incidents):
            n_gold += 1
            cat_gold[g.category] += 1
            if g.status in RECALLED:
                for t in (total, src):
                    t.recall_gold += 1
                    t.recalled += g_i in matched_at
            if g_i not in matched_at:
                start, end = g.spans[0] if g.spans else (0, 0)
                errors.append(f"MISS        {doc.id}  {g.category} {g.status} "
                              f"{g.mentions[0] if g.mentions else ''!r}  "
                              f"{_context(doc.text, start, end)}")
        for j in judged:
            ev = j.event
            cat_pred[ev.category] += 1
            where = _context(doc.text, ev.trigger.start, ev.trigger.end)
            for t in (total, src):
                t.pred += 1
            if j.kind == "false_alarm":
                total.false_alarms += 1
                src.false_alarms += 1
                cat_false[ev.category] += 1
                conf_noise.append(ev.confidence)
                errors.append(f"FALSE ALARM {doc.id}  {ev.category} {ev.status} "
                              f"{ev.trigger.text!r} conf {ev.confidence:.2f}  {where}")
                continue
            assert j.incident is not None
            gold = doc.incidents[j.incident]
            if j.kind == "duplicate":
                total.duplicates += 1
                src.duplicates += 1
                conf_noise.append(ev.confidence)
                errors.append(f"DUPLICATE   {doc.id}  {ev.category} {ev.trigger.text!r} "
                              f"of incident {j.incident + 1} ({gold.mentions[0]!r})  {where}")
                continue
            conf_match.append(ev.confidence)
            cat_matched[gold.category] += 1
            checks = check_fields(gold, ev)
            strict = checks["status"]
            for t in (total, src):
                t.matched += 1
                t.strict += strict
            right.update(f for f, ok in checks.items() if ok)
            all_core = all(checks[f] for f in CORE_FIELDS)
            core_right += all_core
            core_recalled += all_core and gold.status in RECALLED
            errors += [
                f"WRONG {f:<14}{doc.id}  {ev.trigger.text!r} gold={_gold_field(f, gold)} "
                f"pred={_predicted_field(f, ev)}  {where}"
                for f, ok in checks.items() if not ok
            ]
    n_match = total.matched
    metrics = {
        **total.rates(),
        "duplicate_share": ratio(total.duplicates, total.pred),
        "false_alarm_share": ratio(total.false_alarms, total.pred),
        **{f"{f}_acc": ratio(right[f], n_match) for f in FIELDS},
        "all_core_fields": ratio(core_right, n_match),
        "all_core_fields_recall": ratio(core_recalled, total.recall_gold),
        "confidence_matched": _mean(conf_match),
        "confidence_noise": _mean(conf_noise),
        "confidence_auc": roc_auc(conf_match, conf_noise),
        "confidence_brier": brier(conf_match, conf_noise),
        "confidence_ece": calibration_error(conf_match, conf_noise),
    }
    sources = sorted(by_source, key=lambda s: (SOURCES.index(s) if s in SOURCES
                                               else len(SOURCES), s))
    details = {
        "counts": {"all": {
            "gold": float(n_gold), "recall_gold": float(total.recall_gold),
            "predicted": float(total.pred), "matched": float(n_match),
            "duplicates": float(total.duplicates), "false_alarms": float(total.false_alarms),
        }},
        "by_source": {
            s: {"docs": float(n_docs[s]), "recall_gold": float(by_source[s].recall_gold),
                "predicted": float(by_source[s].pred), "matched": float(by_source[s].matched),
                **by_source[s].rates()}
            for s in sources
        },
        "by_category": {
            c: {"gold": float(cat_gold[c]), "predicted": float(cat_pred[c]),
                "matched": float(cat_matched[c]), "false_alarms": float(cat_false[c])}
            for c in sorted(set(cat_gold) | set(cat_pred), key=lambda c: (c not in SCOPE, c))
        },
    }
    return EvalResult("incidents", len(docs), metrics, notes=(
        f"{n_gold} gold incidents, {total.recall_gold} asserted or historical (recall's "
        f"denominator); {total.pred} in-scope predictions",
        "by_source: recall_gold = its asserted or historical incidents",
        "by_category: gold and matched by the gold's category, predicted and false_alarms "
        "by the prediction's",
    ), details=details, error_report=tuple(errors))


def articles(docs: Sequence[IncidentDoc]) -> list[Article]:
    return [make_article(d.text, published=d.published) for d in docs]


def score_incidents(docs: Sequence[IncidentDoc], extractor: Extractor) -> EvalResult:
    return score_incident_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "CORE_FIELDS", "FIELDS", "FIELD_RULES", "METRICS", "SCOPE", "GoldIncident", "GoldPlace",
    "IncidentDoc", "Judged", "brier", "calibration_error", "check_fields", "content_words",
    "count_ok", "date_ok", "judge", "load_incidents", "occurrences", "people_ok", "place_ok",
    "roc_auc", "score_incident_records", "score_incidents",
]
