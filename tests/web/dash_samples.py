"""Records for the dashboard tests (invented wire copy; real places, invented people):
two reports of one bombing that disagree on the dead, an event placed only at a country,
one placed only at a region, one with no place; and a helper that clusters the two reports
as ``eventwire cluster`` would."""

from __future__ import annotations

from typing import Any

from eventwire.model import Event, Outcome, Record, make_article, stable_id
from record_builders import participant, place, sentence, span, time


def _bombing(outlet: str, dead: int, published: str) -> Record:
    t = (f"KANO, March 3 ({outlet}) - A bomb exploded at a bus station in Kano on Monday, "
         f"killing {dead} people, police said.")
    article = make_article(t, outlet=outlet, title=f"Bus station bomb kills {dead} in Kano",
                           published=published, url=f"https://{outlet.lower()}.example/kano")
    trig = span(t, "exploded")
    ev = Event(
        id=stable_id(article.id, trig.start, "ASSAULT"), category="ASSAULT", trigger=trig,
        modes=("explosives",),
        place=place(t, "Kano", 0, name="Kano", lat=12.0, lon=8.52, country="NG",
                    admin1="Kano", precision="city"),
        time=time(t, "Monday", date="2026-03-02", precision="day", anchor="published"),
        outcome=Outcome(dead=dead),
        evidence=(sentence(t, "A bomb exploded"),), confidence=0.8,
    )
    return Record(article=article, events=(ev,))


def kano_reports() -> list[Record]:
    return [_bombing("Sahel Wire", 4, "2026-03-03"), _bombing("Lagos Daily", 6, "2026-03-04")]


def country_record() -> Record:
    t = "ABUJA, April 9 (Sahel Wire) - Gunmen killed five villagers in Nigeria on Tuesday."
    article = make_article(t, outlet="Sahel Wire", title="Villagers killed",
                           published="2026-04-09")
    trig = span(t, "killed")
    ev = Event(
        id=stable_id(article.id, trig.start, "ASSAULT"), category="ASSAULT", trigger=trig,
        actors=(participant(t, "Gunmen", sector="UAF"),),
        place=place(t, "Nigeria", name="Nigeria", lat=8.87, lon=7.79, country="NG",
                    precision="country", geonameid=2328926),
        time=time(t, "Tuesday", date="2026-04-07", precision="day", anchor="published"),
        outcome=Outcome(dead=5), evidence=(sentence(t, "Gunmen killed"),), confidence=0.7,
    )
    return Record(article=article, events=(ev,))


def region_record() -> Record:
    t = "KADUNA, April 20 (Sahel Wire) - Protesters marched in Kaduna State on Monday."
    article = make_article(t, outlet="Sahel Wire", title="March in Kaduna",
                           published="2026-04-20")
    trig = span(t, "marched")
    ev = Event(
        id=stable_id(article.id, trig.start, "PROTEST"), category="PROTEST", trigger=trig,
        actors=(participant(t, "Protesters"),),
        place=place(t, "Kaduna State", name="Kaduna", lat=10.42, lon=7.63, country="NG",
                    admin1="Kaduna", precision="region", geonameid=2335722),
        time=time(t, "Monday", date="2026-04-20", precision="day", anchor="published"),
        evidence=(sentence(t, "Protesters marched"),), confidence=0.7,
    )
    return Record(article=article, events=(ev,))


def placeless_record() -> Record:
    t = "Officials said on Friday that talks had been agreed between the two parties."
    article = make_article(t, outlet="Sahel Wire", title="Talks agreed", published="2026-04-24")
    trig = span(t, "agreed")
    ev = Event(id=stable_id(article.id, trig.start, "AGREE"), category="AGREE", trigger=trig,
               evidence=(sentence(t, "Officials said"),), confidence=0.5)
    return Record(article=article, events=(ev,))


def dashboard_records() -> list[Record]:
    return [*kano_reports(), country_record(), region_record(), placeless_record()]


def cluster_kano(store: Any, canonical_id: str = "ce-kano1") -> list[str]:
    """Record the two Kano reports as one incident, with its summary row; their ids."""
    from eventwire.store.resolve_tables import canonical_events, resolve_members

    ids = sorted(r.events[0].id for r in kano_reports())

    def write(conn: Any) -> None:
        conn.execute(resolve_members.insert(), [
            {"kind": "event", "member_id": i, "canonical_id": canonical_id} for i in ids])
        conn.execute(canonical_events.insert().values(
            id=canonical_id, category="ASSAULT", status="asserted", date="2026-03-02",
            place_name="Kano", country="NG", first_reported="2026-03-03",
            last_reported="2026-03-04", report_count=2, outlet_count=2, dead=6, injured=None,
            json={"condition": None, "claimed_by": [], "conflicts": ["dead"]},
            search_place="kano"))

    store.execute_write(write)
    return ids
