"""Where each event happened, once mentions are merged into events.

The toponyms hanging off the event's own triggers first (the most precise wins; a
country named on the act's noun that is the doers' own, "US airstrikes", says who and
not where; a place an attack struck, "shelled Kharkiv", "the bombing of Belgrade", is
one), refined by a city the trigger's words name after a city noun ("near the city of
Mosul", "in the capital, Lima") or describe ("the Afghan capital", "a city in northern
Afghanistan" when the article names one city there), or, where they give no place or
only the country, by the state or province a locative phrase names after its area noun
("in the Congolese province of Ituri"); an act on the road between two towns is in
neither (nothing below is borrowed for it); else the city a bare "the city" of
the act points back at ("the bombing of the city", "clashes in the city", "in the Old Mill
district of the city": the last city named before it), the country a bare "the country"
of its place phrase points back at ("in the country's north-east"), the place a "there"
of the act points back at, or the place of the doers' own phrase ("Police in Hong Kong
arrested");
else a city in a locative phrase of a trigger's sentence that no other
event claims; else, for an event its words do not deny (its mood is not negated), the
dateline's city, the headline's city or the city of the local police force the article
names (borrowed: shown, not counted as evidence); else the town a person of the act's
sentence is introduced by ("an 18-year-old Fresno man was arrested"); else a county, state
or province in a locative phrase of a trigger's sentence (not for sanctions); else the
country whose police or security forces are a side ("clashed with Venezuelan security
forces"). An act its own words put across a country ("nationwide protests", "a national
strike", "anti-government rallies", "the government imposed a curfew") is in that country,
the one the report is about, before any borrowed place. An act picked out of a group by
"In one incident, ..." is where the group the sentence before told was. "in Tachira
state" names Tachira.
A street or venue lies in the report's city; a quarter keeps its city."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Place, Span
from ..resources import Resources
from ..stage import Stage
from ..work import Work, WorkEvent
from .places import (
    area_named_of,
    between_towns,
    city_named_before,
    country_named_before,
    described_city,
    fallback_place,
    locative_toponyms,
    named_city,
    national_place,
    place_for,
    place_named_there,
    subject_place,
    target_places,
    trigger_index,
    with_city,
)

_COARSE = frozenset({"country", "region"})


def run(work: Work, res: Resources) -> None:
    triggers = trigger_index(work)  # once, not once per event (issue 15)
    areas = res.lexicon.words("places.area_nouns")
    # sentences that open by picking one act out of a group ("In one incident, ...")
    members = work.sentences_opening_with(
        tuple(o.split()) for o in res.lexicon.words("places.member_openers"))
    for ev in work.events:
        ms = [work.mentions[k] for k in ev.mentions]
        main = work.mentions[ev.main]
        tokens = [t for m in [main, *ms] for t in m.place_tokens
                  if not _names_the_doer(work, ev, t)] + target_places(work, ev)
        detail: list[Span] = []
        for d in (d for m in ms for d in m.detail):
            if all(d.text != seen.text for seen in detail):
                detail.append(d)
        ev.place = place_for(work, tokens, detail)
        if ev.place is None or ev.place.precision in _COARSE:
            # "in the Afghan capital", "a city in northern Afghanistan": the city its words
            # describe is more precise than the country they name
            ev.place = _same_country(named_city(work, res, ev, detail), ev.place) or (
                described_city(work, res, ev) or ev.place)
        if ev.place is None or ev.place.precision == "country":
            # "in the central state of Guanajuato": the area its noun's "of" names
            ev.place = _same_country(area_named_of(work, res, ev, detail), ev.place) or ev.place
        if ev.place is None and between_towns(work, ev):
            continue  # "on the road between Kabul and Jalalabad": in neither town
        if ev.place is None:
            ev.place = city_named_before(work, res, ev, detail) or country_named_before(
                work, res, ev, detail) or place_named_there(
                work, ev, detail) or subject_place(work, ev, detail, areas)
        if ev.place is None and ev.mood != "negated":
            # "nationwide protests", "the government issued a ban": across the country,
            # not in the dateline's city (the act's own words outrank a borrowed place)
            ev.place = national_place(work, res, ev)
        if ev.place is None:
            ev.place = _place_of_the_group(work, ev, detail, members)
        if ev.place is None:
            ev.place = fallback_place(work, ev, detail, triggers, areas, res)
        if ev.place is None and ev.mood != "negated":
            # "clashed with Venezuelan security forces": the forces' own country
            ev.place = national_place(work, res, ev, forces=True)
        ev.place = with_city(work, res, ev.place)


def _place_of_the_group(work: Work, ev: WorkEvent, detail: list[Span],
                        members: set[int]) -> Place | None:
    """ "Shootings in Belfast had continued. In one incident, a man was killed ...": an act
    picked out of the group the sentence before told happened where the group did."""
    here = work.sent_start(work.mentions[ev.main].trigger.i)
    if here not in members or here == 0:
        return None
    tokens = locative_toponyms(work, work.sent_start(here - 1))
    return place_for(work, tokens, detail) if tokens else None


def _same_country(city: Place | None, coarse: Place | None) -> Place | None:
    """The city, when it lies in the country or region the act's words already gave."""
    if city is None or coarse is None or coarse.country in {None, city.country}:
        return city
    return None


def _names_the_doer(work: Work, ev: WorkEvent, t: Token) -> bool:
    """A country's name on the act's noun that is the country of those who did it ("US
    airstrikes", "Russian shelling" with Russia's forces the actor) says who struck, not
    where: a state's strikes land abroad. A city's name on the noun ("the Moscow
    shooting") still says where."""
    if t.dep_ not in {"compound", "amod", "nmod"} or not any(
            work.mentions[k].trigger.i == t.head.i for k in ev.mentions):
        return False
    e = work.entity_at(t)
    geo = work.entities[e].geo if e >= 0 else None
    return geo is not None and geo.feature == "country" and any(
        a.entity == e or a.country == geo.country
        or (a.entity >= 0 and work.entities[a.entity].country == geo.country)
        for a in ev.actors)


STAGE = Stage(
    name="event_places",
    run=run,
    summary="event place from its mentions' toponyms (not the doers' own country on the "
    "act's noun: \"US airstrikes\"; the place an attack struck: \"shelled Kharkiv\"), or "
    "the city its words name or describe (\"near the city of Mosul\", \"the Afghan "
    "capital\", \"a city in northern Afghanistan\"); else the city a bare \"the city\" of "
    "the act points back at, the country a bare \"the country\" does (\"in the country's "
    "north-east\"), the place its \"there\" points back at or the doers' own "
    "place (\"Police in Hong Kong arrested\"); else a city in a locative phrase "
    "(\"in Lima\") of a trigger's sentence that no other event claims; an act its own "
    "words put across a country (\"nationwide protests\", \"anti-government rallies\", "
    "\"the government imposed a curfew\") is in the report's country; an act picked out "
    "by \"In one incident\" is where the group the sentence before told was; else, for events "
    "not denied (mood), the dateline city, the headline's city or the local police "
    "force's city (borrowed); else the town a person of its sentence is introduced by "
    "(\"a Fresno man\"); else a county, state or province in a locative phrase of "
    "its sentence (not for sanctions); else the country of its side's own police or "
    "security forces (\"clashed with Venezuelan security forces\"); streets and "
    "quarters carry their city",
    reads=("article", "doc", "entities", "mentions.place", "events",
           "context.dateline_place", "context.home_place", "context.police_place"),
    writes=("events.place", "events.place_borrowed"),
    needs=("gazetteer",),
)
