"""Hand-made records for the web tests (invented wire copy; real cities, invented people)."""

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
    make_article,
    stable_id,
)
from record_builders import participant, place, sentence, span, time

MOMBASA_TEXT = (
    "MOMBASA, May 4 (Wirewatch) - Unidentified gunmen shot and wounded a port union "
    "leader, Baraka Otieno, near the ferry terminal in Mombasa on Sunday, police said. "
    "The Dockworkers Union said Otieno was in stable condition. "
    "Later, police detained 9 dockworkers at a sit-in outside the port authority."
)

GDANSK_TEXT = (
    "GDANSK, June 12 (Wirewatch) - Several hundred shipyard workers marched through "
    "Gdansk on Friday to demand back pay, organisers said. The march was peaceful."
)

# Article text and title an attacker controls: must show as text, never run.
XSS_TEXT = (
    "LIMA, July 1 (Wirewatch) - Protesters <script>window.__xss = 1</script> gathered "
    "in Lima on Monday <img src=x onerror=\"window.__xss = 2\"> to oppose a new mining law."
)
XSS_TITLE = "<script>window.__xss = 3</script>Lima protest"







def mombasa_record() -> Record:
    t = MOMBASA_TEXT
    article = make_article(t, url="https://wire.example/mombasa", outlet="Wirewatch",
                           title="Union leader shot in Mombasa", published="2026-05-04")
    shot = span(t, "shot and wounded")
    said = span(t, "police said")
    attribution = Attribution(
        cue=Span("said", said.end - 4, said.end),
        content=sentence(t, "Unidentified gunmen"),
        speaker=participant(t, "police", sector="COP", country="KE"),
        source_type="official",
        factuality="reported",
    )
    attack = Event(
        id=stable_id(article.id, shot.start, shot.end, "ASSAULT"),
        category="ASSAULT",
        trigger=shot,
        modes=("firearms",),
        actors=(participant(t, "Unidentified gunmen", sector="UAF"),),
        recipients=(participant(t, "Baraka Otieno", entity_id="e1", name="Baraka Otieno",
                                sector="LAB", country="KE"),),
        place=place(t, "Mombasa", name="Mombasa", lat=-4.05, lon=39.67, country="KE",
                    admin1="Mombasa", precision="city"),
        time=time(t, "Sunday", date="2026-05-03", precision="day", anchor="published"),
        outcome=Outcome(injured=1, condition="stable", spans=(span(t, "in stable condition"),)),
        attributions=(attribution,),
        evidence=(sentence(t, "Unidentified gunmen"),),
        confidence=0.8,
    )
    detained = span(t, "detained")
    detention = Event(
        id=stable_id(article.id, detained.start, detained.end, "COERCE"),
        category="COERCE",
        trigger=detained,
        modes=("arrest",),
        actors=(participant(t, "police", sector="COP"),),
        recipients=(participant(t, "9 dockworkers", sector="LAB"),),
        place=place(t, "Mombasa", name="Mombasa", lat=-4.05, lon=39.67, country="KE",
                    precision="city"),
        outcome=Outcome(arrested=9),
        evidence=(sentence(t, "Later, police detained"),),
        confidence=0.7,
    )
    leader = Entity(id="e1", name="Baraka Otieno", type="PERSON", aliases=("Otieno",),
                    roles=(Role("port union leader", span(t, "port union leader"), of="e2"),),
                    country="KE", sector="LAB", mentions=(span(t, "Baraka Otieno"),))
    union = Entity(id="e2", name="Dockworkers Union", type="ORG", country="KE",
                   mentions=(span(t, "Dockworkers Union"),))
    return Record(
        article=article,
        events=(attack, detention),
        entities=(leader, union),
        relations=(Relation("e1", "leader_of", "e2", span(t, "port union leader")),),
        statements=(attribution,),
    )


def gdansk_record() -> Record:
    t = GDANSK_TEXT
    article = make_article(t, outlet="Wirewatch", title="Shipyard workers march in Gdansk",
                           published="2026-06-12")
    marched = span(t, "marched")
    march = Event(
        id=stable_id(article.id, marched.start, marched.end, "PROTEST"),
        category="PROTEST",
        trigger=marched,
        modes=("demo",),
        actors=(participant(t, "Several hundred shipyard workers", name="shipyard workers",
                            sector="LAB"),),
        place=place(t, "Gdansk", name="Gdansk", lat=54.35, lon=18.65, country="PL",
                    precision="city"),
        time=time(t, "Friday", date="2026-06-12", precision="day", anchor="published"),
        evidence=(sentence(t, "Several hundred"),),
        confidence=0.9,
    )
    return Record(article=article, events=(march,))


def xss_record() -> Record:
    t = XSS_TEXT
    article = make_article(t, outlet="<b>Evil</b> Wire", title=XSS_TITLE, published="2026-07-01")
    gathered = span(t, "gathered")
    protest = Event(
        id=stable_id(article.id, gathered.start, gathered.end, "PROTEST"),
        category="PROTEST",
        trigger=gathered,
        actors=(participant(t, "Protesters <script>window.__xss = 1</script>",
                            name="<img src=x onerror=\"window.__xss = 4\">"),),
        place=place(t, "Lima", name="Lima", lat=-12.05, lon=-77.04, country="PE",
                    precision="city"),
        time=time(t, "Monday", date="2026-06-29", precision="day", anchor="published"),
        evidence=(Span(t, 0, len(t)),),
        confidence=0.6,
    )
    return Record(article=article, events=(protest,))


def all_records() -> list[Record]:
    return [mombasa_record(), gdansk_record(), xss_record()]
