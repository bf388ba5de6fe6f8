"""The records every part of eventwire shares (see docs/RECORD.md for the contract).

Plain frozen dataclasses: no spaCy and no SQL in here. Offsets are Python ``str``
indices into ``Article.text``, end exclusive, so ``article.text[s.start:s.end] == s.text``.

``to_dict``/``from_dict`` give the JSON shape of ``schema_version`` "1"; tuples become
lists, ``None`` stays ``null``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args

SCHEMA_VERSION = "1"

# PLOVER's sixteen event categories (the PLOVER manual, CC BY-SA 4.0): one typed vocabulary;
# vocab.CATEGORY_SPECS says what each one is.
Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
Status = Literal["asserted", "historical", "hypothetical", "future", "negated"]
Condition = Literal["critical", "serious", "stable", "died_later", "unharmed"]
Precision = Literal["day", "week", "month", "season", "year", "range", "unknown"]
Anchor = Literal["published", "text", "none"]
PlacePrecision = Literal["site", "neighbourhood", "city", "district", "region", "country"]
SourceType = Literal[
    "official", "police", "group", "media", "document", "expert", "witness", "unnamed",
    "social_media", "reporter"
]
Factuality = Literal[
    "asserted", "reported", "alleged", "claimed_without_evidence", "denied", "hedged"
]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP"]

CATEGORIES: tuple[Category, ...] = get_args(Category)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
ANCHORS: tuple[Anchor, ...] = get_args(Anchor)
STATUSES: tuple[str, ...] = get_args(Status)
CONDITIONS: tuple[Condition, ...] = get_args(Condition)
FACTUALITIES: tuple[str, ...] = get_args(Factuality)
SOURCE_TYPES: tuple[str, ...] = get_args(SourceType)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date or datetime
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Participant:
    text: str
    start: int
    end: int
    entity_id: str | None = None
    name: str | None = None
    country: str | None = None  # ISO-3166 alpha-2
    sector: str | None = None  # PLOVER sector code


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: PlacePrecision | None = None
    detail: str | None = None
    city: str | None = None  # the city or town the place lies in (itself for a city)


@dataclass(frozen=True, slots=True)
class Time:
    text: str
    start: int
    end: int
    date: str | None = None  # YYYY[-MM[-DD]]
    end_date: str | None = None
    precision: Precision = "unknown"
    anchor: Anchor = "none"


@dataclass(frozen=True, slots=True)
class Outcome:
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    condition: Condition | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    actor: Participant
    span: Span


@dataclass(frozen=True, slots=True)
class Suspicion:
    actor: Participant
    span: Span
    by: Participant | None = None
    evidence_stated: bool = False


@dataclass(frozen=True, slots=True)
class Responsibility:
    claimed_by: tuple[Claim, ...] = ()
    unclaimed_stated: bool = False
    suspected: tuple[Suspicion, ...] = ()
    denied_by: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Span
    content: Span
    speaker: Participant | None = None
    source_type: SourceType = "unnamed"
    factuality: Factuality = "reported"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    category: Category  # PLOVER category
    trigger: Span
    modes: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    status: Status = "asserted"
    aggregate: bool = False
    actors: tuple[Participant, ...] = ()
    recipients: tuple[Participant, ...] = ()
    place: Place | None = None
    time: Time | None = None
    outcome: Outcome | None = None
    responsibility: Responsibility | None = None
    attributions: tuple[Attribution, ...] = ()
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.0
    # the trigger word of every mention of this event in the article ("shot", later "the
    # attack", "the shooting"), the main trigger included, in text order
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    span: Span
    of: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    country: str | None = None
    sector: str | None = None
    mentions: tuple[Span, ...] = ()
    geonameid: int | None = None  # places (GPE/LOC): where the gazetteer put them
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    predicate: str
    object: str
    span: Span


@dataclass(frozen=True, slots=True)
class Record:
    article: Article
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    statements: tuple[Attribution, ...] = ()
    schema_version: str = SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that could not become an Article, and why (shown and logged)."""

    source: str  # path, path#record, URL ... whatever lets a user find the item
    reason: str  # one line, no traceback


# -- ids ---------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form an article id is computed from: NFC, whitespace folded, stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short deterministic id from the parts (sha1, hex)."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:length]


def article_id(text: str, url: str | None = None) -> str:
    return hashlib.sha1(
        (normalise_text(text) + ("\x1f" + url if url else "")).encode("utf-8")
    ).hexdigest()


def make_article(
    text: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    authors: tuple[str, ...] | list[str] = (),
    published: str | None = None,
    language: str = "en",
) -> Article:
    """Build an Article with its deterministic id."""
    return Article(
        id=article_id(text, url),
        text=text,
        url=url,
        outlet=outlet,
        title=title,
        authors=tuple(authors),
        published=published,
        language=language,
    )


# -- (de)serialisation -------------------------------------------------------------------

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Dataclass tree -> JSON-ready dict/list/scalars (tuples become lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    return obj


def _build(cls: type[T], data: dict[str, Any]) -> T:
    return cls(**{k: v for k, v in data.items() if k in _FIELD_NAMES[cls]})


def _span(d: dict[str, Any]) -> Span:
    return Span(d["text"], d["start"], d["end"])


def _spans(ds: list[dict[str, Any]] | None) -> tuple[Span, ...]:
    return tuple(_span(d) for d in ds or ())


def _participant(d: dict[str, Any] | None) -> Participant | None:
    return None if d is None else _build(Participant, d)


def _attribution(d: dict[str, Any]) -> Attribution:
    return Attribution(
        cue=_span(d["cue"]),
        content=_span(d["content"]),
        speaker=_participant(d.get("speaker")),
        source_type=d.get("source_type", "unnamed"),
        factuality=d.get("factuality", "reported"),
    )


def _claim(d: dict[str, Any]) -> Claim:
    actor = _participant(d["actor"])
    assert actor is not None
    return Claim(actor=actor, span=_span(d["span"]))


def _event(d: dict[str, Any]) -> Event:
    out = d.get("outcome")
    resp = d.get("responsibility")
    return Event(
        id=d["id"],
        category=d["category"],
        trigger=_span(d["trigger"]),
        modes=tuple(d.get("modes") or ()),
        contexts=tuple(d.get("contexts") or ()),
        status=d.get("status", "asserted"),
        aggregate=bool(d.get("aggregate", False)),
        actors=tuple(_build(Participant, p) for p in d.get("actors") or ()),
        recipients=tuple(_build(Participant, p) for p in d.get("recipients") or ()),
        place=None if d.get("place") is None else _build(Place, d["place"]),
        time=None if d.get("time") is None else _build(Time, d["time"]),
        outcome=None
        if out is None
        else Outcome(
            dead=out.get("dead"),
            injured=out.get("injured"),
            arrested=out.get("arrested"),
            condition=out.get("condition"),
            spans=_spans(out.get("spans")),
        ),
        responsibility=None
        if resp is None
        else Responsibility(
            claimed_by=tuple(_claim(c) for c in resp.get("claimed_by") or ()),
            unclaimed_stated=bool(resp.get("unclaimed_stated", False)),
            suspected=tuple(
                Suspicion(
                    actor=_build(Participant, s["actor"]),
                    span=_span(s["span"]),
                    by=_participant(s.get("by")),
                    evidence_stated=bool(s.get("evidence_stated", False)),
                )
                for s in resp.get("suspected") or ()
            ),
            denied_by=tuple(_claim(c) for c in resp.get("denied_by") or ()),
        ),
        attributions=tuple(_attribution(a) for a in d.get("attributions") or ()),
        evidence=_spans(d.get("evidence")),
        mentions=_spans(d.get("mentions")),
        confidence=float(d.get("confidence", 0.0)),
    )


def article_from_dict(d: dict[str, Any]) -> Article:
    data = dict(d)
    data["authors"] = tuple(data.get("authors") or ())
    return _build(Article, data)


def record_from_dict(d: dict[str, Any]) -> Record:
    """Inverse of ``to_dict(record)``; unknown keys are ignored (forward compatible)."""
    return Record(
        article=article_from_dict(d["article"]),
        events=tuple(_event(e) for e in d.get("events") or ()),
        entities=tuple(
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                aliases=tuple(e.get("aliases") or ()),
                roles=tuple(
                    Role(title=r["title"], span=_span(r["span"]), of=r.get("of"))
                    for r in e.get("roles") or ()
                ),
                country=e.get("country"),
                sector=e.get("sector"),
                mentions=_spans(e.get("mentions")),
                geonameid=e.get("geonameid"),
                lat=e.get("lat"),
                lon=e.get("lon"),
            )
            for e in d.get("entities") or ()
        ),
        relations=tuple(
            Relation(r["subject"], r["predicate"], r["object"], _span(r["span"]))
            for r in d.get("relations") or ()
        ),
        statements=tuple(_attribution(a) for a in d.get("statements") or ()),
        schema_version=d.get("schema_version", SCHEMA_VERSION),
    )


_FIELD_NAMES: dict[type, frozenset[str]] = {
    cls: frozenset(f.name for f in dataclasses.fields(cls))
    for cls in (Article, Participant, Place, Time)
}

__all__ = [
    "SCHEMA_VERSION", "Anchor", "Article", "Attribution", "Claim", "Condition", "Entity",
    "Event", "Outcome", "Participant", "Place", "Precision", "Record", "Relation",
    "Responsibility", "Role", "Skipped", "Span", "Suspicion", "Time", "article_from_dict",
    "article_id", "make_article", "normalise_text", "record_from_dict",
    "stable_id", "to_dict",
]
