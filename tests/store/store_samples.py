"""Hand-built records for the store tests. The texts are invented wire copy."""

from __future__ import annotations

from eventwire.model import (
    Attribution,
    Entity,
    Event,
    Outcome,
    Record,
    Relation,
    Role,
    Span,
    Time,
    make_article,
    stable_id,
)
from record_builders import participant, place, sentence, span

KHARKIV_TEXT = (
    "KHARKIV, March 3 (Eventwire) - Gunmen shot dead a local council member, "
    "Taras Hrytsenko, outside his home in Kharkiv on Monday, police said. "
    "Two bystanders were wounded in the shooting. "
    "Separately, police arrested 12 protesters in Lviv during a rally against fuel prices. "
    "In 2019, a similar attack killed a judge in Odesa."
)

PARIS_TEXT = (
    "PARIS, Feb 10 (Eventwire) - Thousands of students marched through central Paris on "
    "Tuesday against cuts to university grants, organisers said. The march ended peacefully."
)






def _event_id(article_id: str, trigger: Span, category: str) -> str:
    return stable_id(article_id, trigger.start, trigger.end, category)


def kharkiv_record() -> Record:
    t = KHARKIV_TEXT
    article = make_article(
        t,
        url="https://news.example/kharkiv-councillor",
        outlet="Eventwire",
        title="Gunmen kill Kharkiv councillor",
        authors=("Olena Marchuk",),
        published="2026-03-03T09:30:00+00:00",
    )
    aid = article.id
    shot = span(t, "shot dead")
    police_said = span(t, "police said")
    attribution = Attribution(
        cue=Span("said", police_said.end - 4, police_said.end),
        content=span(t, "Gunmen shot dead a local council member, Taras Hrytsenko"),
        speaker=participant(t, "police", sector="COP", country="UA"),
        source_type="official",
        factuality="reported",
    )
    killing = Event(
        id=_event_id(aid, shot, "ASSAULT"),
        category="ASSAULT",
        trigger=shot,
        modes=("firearms", "targeted"),
        status="asserted",
        actors=(participant(t, "Gunmen", sector="UAF"),),
        recipients=(
            participant(
                t, "Taras Hrytsenko", entity_id="e1", name="Taras Hrytsenko", country="UA",
                sector="CVL",
            ),
        ),
        place=place(
            t, "Kharkiv", name="Kharkiv", geonameid=706483, lat=49.98, lon=36.25,
            country="UA", admin1="Kharkivska", precision="city",
        ),
        time=Time("Monday", t.index("Monday"), t.index("Monday") + 6, date="2026-03-02",
                  precision="day", anchor="published"),
        outcome=Outcome(dead=1, injured=2, spans=(span(t, "Two bystanders were wounded"),)),
        attributions=(attribution,),
        evidence=(sentence(t, "Gunmen shot dead"),),
        confidence=0.82,
    )
    arrested = span(t, "arrested")
    arrest = Event(
        id=_event_id(aid, arrested, "COERCE"),
        category="COERCE",
        trigger=arrested,
        modes=("arrest",),
        actors=(participant(t, "police", sector="COP", country="UA"),),
        recipients=(participant(t, "12 protesters", sector="CVL"),),
        place=place(t, "Lviv", name="Lviv", lat=49.84, lon=24.03, country="UA",
                    admin1="Lvivska", precision="city"),
        outcome=Outcome(arrested=12),
        evidence=(sentence(t, "Separately, police arrested"),),
        confidence=0.7,
    )
    killed = span(t, "killed")
    old_attack = Event(
        id=_event_id(aid, killed, "ASSAULT"),
        category="ASSAULT",
        trigger=killed,
        status="historical",
        recipients=(participant(t, "a judge", sector="JUD"),),
        place=place(t, "Odesa", name="Odesa", country="UA", precision="city"),
        time=Time("2019", t.index("2019"), t.index("2019") + 4, date="2019", precision="year",
                  anchor="text"),
        outcome=Outcome(dead=1),
        evidence=(sentence(t, "In 2019"),),
        confidence=0.5,
    )
    person = Entity(
        id="e1",
        name="Taras Hrytsenko",
        type="PERSON",
        roles=(Role("local council member", span(t, "local council member"), of="e2"),),
        country="UA",
        sector="GOV",
        mentions=(span(t, "Taras Hrytsenko"),),
    )
    city = Entity(id="e2", name="Kharkiv", type="GPE", country="UA",
                  mentions=(span(t, "KHARKIV"), span(t, "Kharkiv")))
    return Record(
        article=article,
        events=(killing, arrest, old_attack),
        entities=(person, city),
        relations=(Relation("e1", "member_of", "e2", span(t, "local council member")),),
        statements=(attribution,),
    )


def paris_record() -> Record:
    t = PARIS_TEXT
    article = make_article(t, outlet="Le Fil", title="Students march in Paris",
                           published="2026-02-10")
    marched = span(t, "marched")
    march = Event(
        id=_event_id(article.id, marched, "PROTEST"),
        category="PROTEST",
        trigger=marched,
        modes=("demo",),
        actors=(participant(t, "Thousands of students", name="students", sector="CVL"),),
        place=place(t, "Paris", name="Paris", lat=48.86, lon=2.35, country="FR",
                    admin1="Ile-de-France", precision="city"),
        time=Time("Tuesday", t.index("Tuesday"), t.index("Tuesday") + 7, date="2026-02-10",
                  precision="day", anchor="published"),
        evidence=(sentence(t, "Thousands of students"),),
        confidence=0.9,
    )
    return Record(article=article, events=(march,))
