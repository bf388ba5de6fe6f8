"""Hand-made records for the web tests (invented wire copy; real cities, invented people)."""

from __future__ import annotations

from eventwire.model import (
    Attribution,
    Entity,
    Event,
    Outcome,
    Participant,
    Place,
    Record,
    Relation,
    Role,
    Span,
    Time,
    make_article,
    stable_id,
)

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


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(needle, start, start + len(needle))


def who(text: str, needle: str, **kw: object) -> Participant:
    s = span(text, needle)
    return Participant(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def where(text: str, needle: str, **kw: object) -> Place:
    s = span(text, needle)
    return Place(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def when(text: str, needle: str, **kw: object) -> Time:
    s = span(text, needle)
    return Time(s.text, s.start, s.end, **kw)  # type: ignore[arg-type]


def sentence(text: str, first_words: str) -> Span:
    start = text.index(first_words)
    end = text.index(".", start + len(first_words)) + 1
    return Span(text[start:end], start, end)


def mombasa_record() -> Record:
    t = MOMBASA_TEXT
    article = make_article(t, url="https://wire.example/mombasa", outlet="Wirewatch",
                           title="Union leader shot in Mombasa", published="2026-05-04")
    shot = span(t, "shot and wounded")
    said = span(t, "police said")
    attribution = Attribution(
        cue=Span("said", said.end - 4, said.end),
        content=sentence(t, "Unidentified gunmen"),
        speaker=who(t, "police", sector="COP", country="KE"),
        source_type="official",
        factuality="reported",
    )
    attack = Event(
        id=stable_id(article.id, shot.start, shot.end, "ASSAULT"),
        category="ASSAULT",
        trigger=shot,
        modes=("firearms",),
        actors=(who(t, "Unidentified gunmen", sector="UAF"),),
        recipients=(who(t, "Baraka Otieno", entity_id="e1", name="Baraka Otieno",
                        sector="LAB", country="KE"),),
        place=where(t, "Mombasa", name="Mombasa", lat=-4.05, lon=39.67, country="KE",
                    admin1="Mombasa", precision="city"),
        time=when(t, "Sunday", date="2026-05-03", precision="day", anchor="published"),
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
        actors=(who(t, "police", sector="COP"),),
        recipients=(who(t, "9 dockworkers", sector="LAB"),),
        place=where(t, "Mombasa", name="Mombasa", lat=-4.05, lon=39.67, country="KE",
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
        actors=(who(t, "Several hundred shipyard workers", name="shipyard workers",
                    sector="LAB"),),
        place=where(t, "Gdansk", name="Gdansk", lat=54.35, lon=18.65, country="PL",
                    precision="city"),
        time=when(t, "Friday", date="2026-06-12", precision="day", anchor="published"),
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
        actors=(who(t, "Protesters <script>window.__xss = 1</script>",
                    name="<img src=x onerror=\"window.__xss = 4\">"),),
        place=where(t, "Lima", name="Lima", lat=-12.05, lon=-77.04, country="PE",
                    precision="city"),
        time=when(t, "Monday", date="2026-06-29", precision="day", anchor="published"),
        evidence=(Span(t, 0, len(t)),),
        confidence=0.6,
    )
    return Record(article=article, events=(protest,))


def all_records() -> list[Record]:
    return [mombasa_record(), gdansk_record(), xss_record()]
