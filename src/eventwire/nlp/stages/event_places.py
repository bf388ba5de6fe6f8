"""Where each event happened, once mentions are merged into events.

The toponyms hanging off the event's own triggers first (the most precise wins); else a
city in a locative phrase of a trigger's sentence that no other event claims; else, for an
event its words do not deny (its mood is not negated), the dateline's city, the
headline's city or the city of the local police force the article names (borrowed: shown,
not counted as evidence); else a county, state or province in a locative phrase of a
trigger's sentence (not for sanctions). A street or venue lies in the report's city; a
quarter keeps its city."""

from __future__ import annotations

from ...model import Span
from ..resources import Resources
from ..stage import Stage
from ..work import Work
from .places import fallback_place, place_for, trigger_index, with_city


def run(work: Work, res: Resources) -> None:
    triggers = trigger_index(work)  # once, not once per event (issue 15)
    for ev in work.events:
        ms = [work.mentions[k] for k in ev.mentions]
        main = work.mentions[ev.main]
        tokens = [t for m in [main, *ms] for t in m.place_tokens]
        detail: list[Span] = []
        for d in (d for m in ms for d in m.detail):
            if all(d.text != seen.text for seen in detail):
                detail.append(d)
        ev.place = place_for(work, tokens, detail)
        if ev.place is None:
            ev.place = fallback_place(work, ev, detail, triggers)
        ev.place = with_city(work, res, ev.place)


STAGE = Stage(
    name="event_places",
    run=run,
    summary="event place from its mentions' toponyms; else a city in a locative phrase "
    "(\"in Lima\") of a trigger's sentence that no other event claims; else, for events "
    "not denied (mood), the dateline city, the headline's city or the local police "
    "force's city (borrowed); else a county, state or province in a locative phrase of "
    "its sentence (not for sanctions); streets and quarters carry their city",
    reads=("article", "doc", "entities", "mentions.place", "events",
           "context.dateline_place", "context.home_place", "context.police_place"),
    writes=("events.place", "events.place_borrowed"),
    needs=("gazetteer",),
)
