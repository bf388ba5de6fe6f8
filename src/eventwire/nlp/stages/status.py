"""Final status of each event, once times are known: background stays background.

An event dated well before publication is historical; so is an undated past event that
sits in a sentence with a historical one ("placed sanctions on him over the 2018 attack"),
an aggregate over a past period, or a standing state ("is under sanctions"). An event
dated after publication is future."""

from __future__ import annotations

from datetime import date, timedelta

from ..resources import Resources
from ..work import Work

# Older than this before publication, a dated event is background, not news.
RECENT = timedelta(days=10)


def date_of(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 12, 31)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 28)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _paragraph(work: Work, offset: int) -> int:
    """Index of the blank-line paragraph holding ``offset`` (background comes in blocks)."""
    return work.article.text.count("\n\n", 0, offset)


def run(work: Work, res: Resources) -> None:
    pub = work.published
    for ev in work.events:
        if ev.status in {"negated", "hypothetical"}:
            continue
        main = work.mentions[ev.main]
        times = [t for k in ev.mentions if (t := work.mentions[k].time) is not None]
        ev.time = next((t for t in times if t.date), times[0] if times else None)
        d = date_of(ev.time.end_date or ev.time.date) if ev.time else None
        if d is not None and pub is not None:
            if d < pub - RECENT:
                ev.status = "historical"
            elif d > pub + timedelta(days=1) and ev.status == "asserted":
                ev.status = "future"
        elif d is not None and pub is None:
            pass
        if ev.aggregate and ev.status == "asserted":
            ev.status = "historical"
        if main.trigger.head.lower_ == "under" and main.trigger.head.head.lemma_ == "be":
            ev.status = "historical"
        if (
            ev.time
            and ev.time.precision == "range"
            and ev.time.date
            and pub
            and ev.status == "asserted"
        ):
            ev.status = "historical"
    # undated past events next to a historical event in the same sentence
    for ev in work.events:
        if ev.status != "asserted" or ev.time is not None:
            continue
        main = work.mentions[ev.main]
        para = _paragraph(work, main.trigger.idx)
        others = [
            o
            for o in work.events
            if o is not ev
            and o.status == "historical"
            and any(
                _paragraph(work, work.mentions[k].trigger.idx) == para
                and work.mentions[k].time is not None
                for k in o.mentions
            )
        ]
        past = main.trigger.tag_ in {"VBD", "VBN"} or main.trigger.pos_ == "NOUN"
        if (others and past) or (
            main.hedged
            and main.trigger.pos_ == "VERB"
            and any(
                o.status == "historical"
                for o in work.events
                if o is not ev
                and any(
                    abs(work.mentions[k].trigger.sent.start - main.trigger.sent.start) < 80
                    for k in o.mentions
                )
            )
        ):
            ev.status = "historical"
