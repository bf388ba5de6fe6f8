"""The seed article's checklist (``shared/seed/expected.md``) as checks over one record.

The article is read from the seed folder at evaluation time and read as published on
2026-02-07 (the checklist's test setting). Each check is a named predicate over the record;
``checklist_score`` = passed / total, and the notes list the failed checks by name.
The checks encode what an analyst expects (facts and names), never the article's wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Entity, Event, Participant, Record, Span, make_article
from .base import EvalError, EvalResult, Extractor, extract_records, require_path

METRICS = ("checks_passed", "checks_total", "checklist_score")
PUBLISHED = "2026-02-07"


@dataclass(frozen=True, slots=True)
class SeedDoc:
    id: str
    text: str


def locate_seed(data_dir: Path) -> Path | None:
    """``<dir>/seed`` or, for ``shared/eval/dev``, the sibling ``shared/seed``."""
    for cand in (data_dir / "seed", data_dir.parent.parent / "seed"):
        if (cand / "expected.md").exists() or any(cand.glob("*.txt")):
            return cand
    return None


def load_seed(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[SeedDoc]:
    """The seed article (one, no splits: ``split`` and ``limit`` unused)."""
    root = require_path(path, "seed folder")
    texts = sorted(root.glob("*.txt")) if root.is_dir() else [root]
    if not texts:
        raise EvalError(f"no seed article (*.txt) in {root}")
    return [SeedDoc(texts[0].stem, texts[0].read_text(encoding="utf-8"))]


# -- helpers over the record ---------------------------------------------------------------


def _entity(record: Record, name: str) -> Entity | None:
    low = name.lower()
    for e in record.entities:
        if low in e.name.lower() or any(low in a.lower() for a in e.aliases):
            return e
    return None


def _mentions(p: Participant, record: Record, name: str) -> bool:
    low = name.lower()
    if low in p.text.lower() or low in (p.name or "").lower():
        return True
    ent = next((e for e in record.entities if e.id == p.entity_id), None)
    return ent is not None and any(low in n.lower() for n in (ent.name, *ent.aliases))


def shooting(record: Record) -> Event | None:
    """The main event: the asserted ASSAULT with firearms, else the best ASSAULT."""
    assaults = [e for e in record.events if e.category == "ASSAULT" and e.status == "asserted"]
    armed = [e for e in assaults if "firearms" in e.modes]
    pool = armed or assaults
    return max(pool, key=lambda e: e.confidence) if pool else None


def _events(record: Record, category: str) -> list[Event]:
    return [e for e in record.events if e.category == category]


def _spans(record: Record) -> Iterator[Span | Participant]:
    for ev in record.events:
        yield ev.trigger
        yield from ev.actors
        yield from ev.recipients
        yield from ev.evidence
        for a in ev.attributions:
            yield a.cue
            yield a.content
            if a.speaker:
                yield a.speaker
        if ev.outcome:
            yield from ev.outcome.spans
        if ev.responsibility:
            for c in (*ev.responsibility.claimed_by, *ev.responsibility.denied_by):
                yield c.actor
                yield c.span
            for s in ev.responsibility.suspected:
                yield s.actor
                yield s.span
    for ent in record.entities:
        yield from ent.mentions
        yield from (r.span for r in ent.roles)
    for a in record.statements:
        yield a.cue
        yield a.content
        if a.speaker:
            yield a.speaker


def _all_spans_slice(record: Record) -> bool:
    text = record.article.text
    places = [e.place for e in record.events if e.place] + [e.time for e in record.events if e.time]
    items = [*_spans(record), *places]
    return bool(items) and all(text[s.start:s.end] == s.text for s in items if s is not None)


def _speaker_said(record: Record, name: str, cue: str | None = None) -> bool:
    return any(
        a.speaker is not None and _mentions(a.speaker, record, name)
        and (cue is None or cue in a.cue.text.lower())
        for a in record.statements
    )


def _role(record: Record, name: str, title: str) -> bool:
    e = _entity(record, name)
    return e is not None and any(title in r.title.lower() for r in e.roles)


def _person(record: Record, name: str) -> bool:
    e = _entity(record, name)
    return e is not None and e.type == "PERSON"


Check = Callable[[Record], bool]


def _person_check(name: str) -> Check:
    return lambda r: _person(r, name)


def _main(check: Callable[[Event, Record], bool]) -> Check:
    def run(record: Record) -> bool:
        ev = shooting(record)
        return ev is not None and check(ev, record)

    return run


CHECKS: tuple[tuple[str, Check], ...] = (
    ("shooting: ASSAULT with modes targeted+firearms, asserted",
     _main(lambda e, r: {"targeted", "firearms"} <= set(e.modes))),
    ("shooting: actor is the unidentified gunman (sector UAF, no country)",
     _main(lambda e, r: any(p.sector == "UAF" and p.country is None for p in e.actors))),
    ("shooting: recipient is Alekseyev",
     _main(lambda e, r: any(_mentions(p, r, "Alekseyev") for p in e.recipients))),
    ("Alekseyev entity has aliases incl. 'Alekseyev'",
     lambda r: (e := _entity(r, "Alekseyev")) is not None and any(
         a.endswith("Alekseyev") or a == "Alekseyev" for a in (e.name, *e.aliases))),
    ("Alekseyev role: deputy director", lambda r: _role(r, "Alekseyev", "deputy director")),
    ("Alekseyev country RU", lambda r: getattr(_entity(r, "Alekseyev"), "country", None) == "RU"),
    ("shooting: place geonameid 524901 (Moscow)",
     _main(lambda e, r: e.place is not None and e.place.geonameid == 524901)),
    ("shooting: place precision city",
     _main(lambda e, r: e.place is not None and e.place.precision == "city")),
    ("shooting: place detail (the stairwell) given",
     _main(lambda e, r: e.place is not None and bool(e.place.detail))),
    ("shooting: time 2026-02-06, day precision",
     _main(lambda e, r: e.time is not None and e.time.date == "2026-02-06"
           and e.time.precision == "day")),
    ("shooting: outcome 0 dead, 1 injured",
     _main(lambda e, r: e.outcome is not None and e.outcome.dead in (0, None)
           and e.outcome.injured == 1)),
    ("shooting: condition critical",
     _main(lambda e, r: e.outcome is not None and e.outcome.condition == "critical")),
    ("shooting: no claim of responsibility (stated)",
     _main(lambda e, r: e.responsibility is not None and e.responsibility.unclaimed_stated)),
    ("shooting: Ukraine suspected",
     _main(lambda e, r: e.responsibility is not None and any(
         s.actor.country == "UA" or any(w in s.actor.text.lower() for w in ("kyiv", "ukrain"))
         for s in e.responsibility.suspected))),
    ("shooting: rests on attributions (reports)", _main(lambda e, r: bool(e.attributions))),
    ("ACCUSE by Lavrov", lambda r: any(
        any(_mentions(p, r, "Lavrov") for p in e.actors) for e in _events(r, "ACCUSE"))),
    ("CONSULT (the talks) exists", lambda r: bool(_events(r, "CONSULT"))),
    ("THREATEN by Prokopenko", lambda r: any(
        any(_mentions(p, r, "Prokopenko") for p in e.actors) for e in _events(r, "THREATEN"))),
    ("two historical SANCTION events",
     lambda r: sum(e.status == "historical" for e in _events(r, "SANCTION")) >= 2),
    ("historical aggregate ASSAULT (generals targeted)", lambda r: any(
        e.status == "historical" and e.aggregate for e in _events(r, "ASSAULT"))),
    ("COERCE arrest (detention over Wagner links)",
     lambda r: any("arrest" in e.modes for e in _events(r, "COERCE"))),
    *((f"{n} is a PERSON entity", _person_check(n)) for n in (
        "Lavrov", "Kostyukov", "Tsaryov", "Prokopenko", "Soldatov", "Prigozhin", "Putin")),
    ("GRU is an ORG entity", lambda r: getattr(_entity(r, "GRU"), "type", None) == "ORG"),
    ("no PERSON named Kyiv", lambda r: not any(
        e.type == "PERSON" and "kyiv" in (e.name + " ".join(e.aliases)).lower()
        for e in r.entities)),
    ("Kostyukov superior_of Alekseyev", lambda r: any(
        rel.predicate == "superior_of"
        and rel.subject == getattr(_entity(r, "Kostyukov"), "id", None)
        and rel.object == getattr(_entity(r, "Alekseyev"), "id", None)
        for rel in r.relations)),
    ("statement: Tsaryov said", lambda r: _speaker_said(r, "Tsaryov", "said")),
    ("statement: Lavrov", lambda r: _speaker_said(r, "Lavrov")),
    ("statement: Lavrov's claim hedged as without evidence", lambda r: any(
        a.speaker is not None and _mentions(a.speaker, r, "Lavrov")
        and a.factuality == "claimed_without_evidence" for a in r.statements)),
    ("statement: Prokopenko wrote", lambda r: _speaker_said(r, "Prokopenko", "wrote")),
    ("statement: Soldatov", lambda r: _speaker_said(r, "Soldatov")),
    ("every span slices the article text", _all_spans_slice),
    ("event ids unique",
     lambda r: bool(r.events) and len({e.id for e in r.events}) == len(r.events)),
    ("participants link to known entities", lambda r: all(
        p.entity_id is None or p.entity_id in {e.id for e in r.entities}
        for e in r.events for p in (*e.actors, *e.recipients))),
)


def run_checks(record: Record) -> list[tuple[str, bool]]:
    out = []
    for name, check in CHECKS:
        try:
            ok = bool(check(record))
        except (AttributeError, TypeError, ValueError, IndexError):
            ok = False  # a malformed record fails the check, it does not stop the run
        out.append((name, ok))
    return out


def score_seed_records(docs: Sequence[SeedDoc], records: Sequence[Record]) -> EvalResult:
    results = [res for record in records for res in run_checks(record)]
    passed = sum(ok for _, ok in results)
    return EvalResult("seed", len(docs), {
        "checks_passed": float(passed),
        "checks_total": float(len(results)),
        "checklist_score": passed / len(results) if results else 0.0,
    }, notes=tuple(f"failed: {name}" for name, ok in results if not ok))


def articles(docs: Sequence[SeedDoc]) -> list[Article]:
    return [make_article(d.text, published=PUBLISHED) for d in docs]


def score_seed(docs: Sequence[SeedDoc], extractor: Extractor) -> EvalResult:
    return score_seed_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "CHECKS", "METRICS", "PUBLISHED", "SeedDoc", "load_seed", "locate_seed", "run_checks",
    "score_seed", "score_seed_records", "shooting",
]
