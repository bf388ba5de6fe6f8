"""Hand-built reports for the resolve tests (no spaCy)."""

from __future__ import annotations

from eventwire.model import Event, Outcome, Place, Span, Time, stable_id
from eventwire.resolve.reports import Report

CITIES = {
    "Lyon": (45.75, 4.85, "FR"),
    "Marseille": (43.30, 5.37, "FR"),
    "Nairobi": (-1.29, 36.82, "KE"),
}


def report(
    article: str,
    *,
    city: str | None = "Lyon",
    date: str | None = "2026-05-12",
    published: str = "2026-05-12",
    dead: int | None = None,
    modes: tuple[str, ...] = ("explosives",),
    text: str = "A bomb exploded at the Perrache tram stop",
    status: str = "asserted",
    category: str = "ASSAULT",
    outlet: str | None = None,
) -> Report:
    place = None
    if city is not None:
        lat, lon, cc = CITIES[city]
        place = Place(city, 0, len(city), name=city, lat=lat, lon=lon, country=cc,
                      precision="city")
    time = None if date is None else Time(date, 0, 1, date=date, precision="day"
                                          if len(date) == 10 else "month", anchor="text")
    ev = Event(
        id=stable_id(article, "event"),
        category=category,
        trigger=Span("bomb", 0, 4),
        modes=modes,
        status=status,  # type: ignore[arg-type]
        place=place,
        time=time,
        outcome=Outcome(dead=dead) if dead is not None else None,
        evidence=(Span(text, 0, len(text)),),
    )
    return Report(ev, stable_id(article), outlet or f"outlet-{article}", published)
