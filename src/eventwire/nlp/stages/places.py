"""Place: resolve every toponym of the article together (each votes for the others'
country and state), then give each event mention the place its clause names, plus the
sub-city detail ("the stairwell of his apartment")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ... import vocab
from ...geo.resolver import resolve_document
from ...model import Place, Span
from ..resources import Resources
from ..spans import token_span
from ..work import Mention, Work, WorkEvent

_LOC_PREPS = {"in", "at", "near", "outside", "inside", "into", "across", "around", "on"}
_PRECISION = {
    "city": "city",
    "county": "district",
    "admin1": "region",
    "region": "region",
    "country": "country",
    "continent": "region",
}


def geocode_entities(work: Work, res: Resources) -> None:
    places = [e for e in work.entities if e.type in {"GPE", "LOC"}]
    names = [e.mentions[0].text for e in places for _ in e.mentions]
    owners = [k for k, e in enumerate(places) for _ in e.mentions]
    if not names:
        return
    resolved = resolve_document(res.gazetteer, names)
    for k, ent in enumerate(places):
        got = [r for o, r in zip(owners, resolved, strict=True) if o == k and r is not None]
        if got:
            ent.geo = got[0]
            ent.country = got[0].country
        elif ent.geo is not None and ent.geo.feature != "country":
            ent.geo = None


def _place_heads(work: Work, m: Mention) -> list[Token]:
    """Toponym tokens that hang off the trigger through a locative preposition or a
    compound ("Moscow shooting")."""
    t = m.trigger
    out: list[Token] = []
    stack = [t]
    seen = set()
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.i in seen:
                continue
            seen.add(c.i)
            if c.dep_ == "compound" and cur.i == t.i:
                e = work.entity_at(c)
                if e >= 0 and work.entities[e].type in {"GPE", "LOC"}:
                    out.append(c)
            if c.dep_ == "prep" and c.lower_ in _LOC_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        e = work.entity_at(g)
                        if e >= 0 and work.entities[e].type in {"GPE", "LOC"}:
                            out.append(g)
                        else:
                            stack.append(g)  # "in the north-west of the city", "of Moscow"
            elif c.dep_ in {"npadvmod", "advmod", "dobj", "pobj", "prep"} and c.pos_ != "VERB":
                stack.append(c)
    return out


def _detail(work: Work, m: Mention) -> list[Span]:
    """Site phrases under the trigger's clause (not the toponyms themselves)."""
    out: list[Span] = []
    t = m.trigger
    for c in list(t.children) + [
        g for a in t.children if a.dep_ == "agent" for p in a.children for g in p.children
    ]:
        if c.dep_ != "prep" or c.lower_ not in _LOC_PREPS:
            continue
        for g in c.children:
            if g.dep_ != "pobj" or work.entity_at(g) >= 0:
                continue
            if g.lemma_.lower() in vocab.SITE_NOUNS or g.lower_ in vocab.SITE_NOUNS:
                span = token_span(list(g.subtree))
                if span is not None:
                    out.append(span)
    return out


def attach(work: Work, res: Resources) -> None:
    for m in work.mentions:
        m.place_tokens = _place_heads(work, m)
        m.detail = _detail(work, m)


def place_for(work: Work, tokens: list[Token], detail: list[Span]) -> Place | None:
    best: tuple[int, Place] | None = None
    for t in tokens:
        e = work.entity_at(t)
        ent = work.entities[e]
        em = work.entity_mentions[work.mentions_by_token[t.i]]
        span = token_span(work.doc[em.start : em.end])
        if span is None:
            continue
        g = ent.geo
        precision = _PRECISION.get(g.feature, "city") if g is not None else None
        rank = {"city": 0, "district": 1, "region": 2, "country": 3}.get(precision or "", 4)
        place = Place(
            text=span.text,
            start=span.start,
            end=span.end,
            name=g.name if g else ent.name,
            geonameid=g.geonameid if g else None,
            lat=g.lat if g else None,
            lon=g.lon if g else None,
            country=g.country if g else None,
            admin1=g.admin1 if g else None,
            precision=precision,  # type: ignore[arg-type]
            detail="; ".join(d.text for d in detail) or None,
            city=g.name if g is not None and g.feature == "city" else None,
        )
        if best is None or rank < best[0]:
            best = (rank, place)
    return best[1] if best else None


_NEAR_PREPS = frozenset({"in", "at", "near", "outside"})


def _is_city(work: Work, t: Token) -> bool:
    e = work.entity_at(t)
    geo = work.entities[e].geo if e >= 0 else None
    return geo is not None and geo.feature == "city"


def fallback_place(work: Work, ev: WorkEvent, detail: list[Span]) -> Place | None:
    """No toponym hangs off the trigger: for events reported as news, the dateline's place.
    Any toponym of the sentence was tried and measured: on international news it is wrong
    more often than right; a city in a locative phrase ("in Lima") is kept."""
    for k in ev.mentions:  # a city in a locative phrase of the trigger's sentence
        m = work.mentions[k]
        if m.anaphoric:
            continue
        # not a place that belongs to another event ("sanctions over the attack in X")
        others = {work.mentions[j].trigger.i for j in range(len(work.mentions))
                  if j not in ev.mentions}
        near = [t for t in m.trigger.sent if t.dep_ == "pobj" and t.head.lower_ in _NEAR_PREPS
                and t.head.head.i not in others and _is_city(work, t)]
        if near:
            best = min(near, key=lambda t: abs(t.i - m.trigger.i))
            return place_for(work, [best], detail)
    home = work.dateline_place
    if home is None and _in_headline(work, work.home_place) and ev.status == "asserted":
        ev.borrowed.add("place")  # the report's city, not the event's own words
        home = work.home_place
    if home is None and work.police_place is not None and ev.status == "asserted" and (
        ev.category in _LOCAL_CATEGORIES
    ):
        ev.borrowed.add("place")  # "Fresno police are asking ...": the local force's city
        home = work.police_place
    if home is None or ev.status != "asserted":
        return None
    return replace(home, detail="; ".join(d.text for d in detail) or None)


_LEAD_SENTS = 3  # headline and the first sentences of the body
_SUB_CITY = {None, "site", "neighbourhood"}
_HOME_MENTIONS = 2  # a city named once is a passing reference, not the report's city


def _in_headline(work: Work, place: Place | None) -> bool:
    """Is the place named in the first sentence (the headline of a scraped page)?"""
    first = next(iter(work.doc.sents), None)
    return place is not None and first is not None and place.start < first.end_char


def home_city(work: Work) -> Place | None:
    """The city a local report is about when no dateline says it: the first city-level
    toponym of the headline and lead, else the city named most often (at least twice).
    Only gazetteer cities count (a state or country is not a city)."""
    sents = list(work.doc.sents)
    lead_end = sents[min(_LEAD_SENTS, len(sents)) - 1].end if sents else 0
    best: tuple[tuple[int, int, int], int] | None = None
    for k, ent in enumerate(work.entities):
        if ent.type != "GPE" or ent.geo is None or ent.geo.feature != "city" or not ent.mentions:
            continue
        first = min(m.start for m in ent.mentions)
        in_lead = first < lead_end
        if not in_lead and len(ent.mentions) < _HOME_MENTIONS:
            continue
        key = (0 if in_lead else 1, first if in_lead else -len(ent.mentions), first)
        if best is None or key < best[0]:
            best = (key, k)
    if best is None:
        return None
    ent = work.entities[best[1]]
    em = min(ent.mentions, key=lambda m: m.start)
    span = token_span(work.doc[em.start : em.end])
    g = ent.geo
    if span is None or g is None:
        return None
    return Place(text=span.text, start=span.start, end=span.end, name=g.name,
                 geonameid=g.geonameid, lat=g.lat, lon=g.lon, country=g.country,
                 admin1=g.admin1, precision="city", city=g.name)


# Local forces named after their city ("Chicago police", "the Houston Police Department")
_FORCE_WORDS = frozenset({"police", "pd", "sheriff", "sheriff's", "marshals"})
_COUNTY_WORDS = frozenset({"county", "co.", "parish", "state", "township"})
_LOCAL_CATEGORIES = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN"})


def police_city(work: Work, res: Resources) -> Place | None:
    """The city of the first local police force the article names ("Fresno police said",
    "the New York City Police Department"): where a local crime report happened when no
    toponym, dateline or headline says it. County and state forces are not cities."""
    doc = work.doc
    for t in doc:
        if t.lower_ not in _FORCE_WORDS or t.i == 0:
            continue
        words: list[Token] = []
        k = t.i - 1
        while k >= 0 and len(words) < 3 and doc[k].is_title and doc[k].lower_ not in {"the", "a"}:
            words.insert(0, doc[k])
            k -= 1
        if not words or words[-1].lower_ in _COUNTY_WORDS:
            continue
        g = res.gazetteer.resolve(" ".join(w.text for w in words))
        if g is None or g.feature != "city":
            continue
        span = token_span(words)
        if span is None:
            continue
        return Place(text=span.text, start=span.start, end=span.end, name=g.name,
                     geonameid=g.geonameid, lat=g.lat, lon=g.lon, country=g.country,
                     admin1=g.admin1, precision="city", city=g.name)
    return None


def with_city(work: Work, place: Place | None) -> Place | None:
    """A street, venue or unresolved neighbourhood lies in the report's city: carry it."""
    if place is None or place.city is not None or place.precision not in _SUB_CITY:
        return place
    home = work.dateline_place or work.home_place
    if home is None or home.city is None:
        return place
    return replace(place, city=home.city)


def run(work: Work, res: Resources) -> None:
    geocode_entities(work, res)
    work.home_place = home_city(work)
    work.police_place = police_city(work, res)
    attach(work, res)
