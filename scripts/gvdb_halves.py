"""Score GVDB in two halves fixed by a hash of each article's id, by the same rule as
``incident_halves.py`` (sha1 of the id, even or odd last byte), so that rules are studied
on one half and checked on the other, which is read only as totals.

    python scripts/gvdb_halves.py ../shared/eval/dev/gvdb
    python scripts/gvdb_halves.py ../shared/eval/dev/gvdb --only even --errors even --field killed

``--only HALF`` runs the pipeline over that half's articles alone (half the time);
``--errors HALF`` prints that half's errors: one line per article whose main shooting's
count or victims' fate is wrong (``--field`` killed, injured, fate or victims), with the
spans the outcome was read from, or whose main shooting's city is wrong (``--field city``:
the gold city and the place we gave: its name, country, state, precision and words);
``--field date`` lists the pages whose gold day the page states (``date_answerable``) and
whose main shooting has another day, with the time's span and every event's day. The
lines quote the article: print them, never commit them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

from incident_halves import half

from eventwire.config import load_settings
from eventwire.evaluate.base import extract_records, main_event
from eventwire.evaluate.gvdb import (
    GvdbDoc,
    _city_ok,
    _named,
    _outcome_class,
    articles,
    date_answerable,
    load_gvdb,
    score_gvdb_records,
)
from eventwire.model import Record
from eventwire.nlp.pipeline import Pipeline

_SHOWN = ("killed_exact", "injured_exact", "victim_outcome_acc", "victim_f1", "shooter_f1",
          "city_acc", "date_acc_answerable")
_FIELDS = ("killed", "injured", "fate", "victims", "city", "date")


def error_lines(docs: Sequence[GvdbDoc], records: Sequence[Record],
                field: str | None = None) -> list[str]:
    """One line per wrong field of an article (the same tests as ``score_gvdb_records``)."""
    out: list[str] = []
    for doc, record in zip(docs, records, strict=True):
        ev = main_event(record, ("ASSAULT",))
        o = ev.outcome if ev else None
        dead, hurt = (o.dead if o else None) or 0, (o.injured if o else None) or 0
        said = (f"pred dead={o.dead if o else None} injured={o.injured if o else None} "
                f"cond={o.condition if o else None} trigger={ev.trigger.text if ev else None!r} "
                f"spans={[s.text for s in o.spans] if o else []}")
        wrong = []
        if dead != doc.killed:
            wrong.append(("killed", f"gold {doc.killed}"))
        if hurt != doc.injured:
            wrong.append(("injured", f"gold {doc.injured}"))
        if doc.any_victim_fate:
            gold_fate = "killed" if doc.killed else "injured"
            if _outcome_class(ev) != gold_fate:
                wrong.append(("fate", f"gold {gold_fate} pred {_outcome_class(ev)}"))
        if field == "date":
            day = ev.time.date if ev and ev.time else None
            if doc.date and date_answerable(doc) and day != doc.date:
                span = ev.time.text if ev and ev.time else None
                days = [(e.category, e.time.date if e.time else None) for e in record.events]
                out.append(f"WRONG date {doc.id}: gold {doc.date} pred {day} span={span!r} "
                           f"published={record.article.published} "
                           f"trigger={ev.trigger.text if ev else None!r} events={days}")
            continue
        named = _named(record, ev.recipients) if ev else []
        if sorted(named) != sorted(doc.victims):
            wrong.append(("victims", f"gold {list(doc.victims)} pred {named}"))
        if doc.city and not _city_ok(doc.city, ev):
            pl = ev.place if ev else None
            wrong.append(("city", f"gold {doc.city!r} pred " + (
                f"{pl.name!r} ({pl.country}, {pl.admin1}, {pl.precision}) text={pl.text!r} "
                f"trigger={ev.trigger.text if ev else None!r}" if pl else
                f"None trigger={ev.trigger.text if ev else None!r}")))
        for name, what in wrong:
            if field is None or field == name:
                line = f"WRONG {name} {doc.id}: {what}"
                out.append(line if name in {"victims", "city"} else f"{line}; {said}")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", help="GVDB folder (dev.tsv) or file")
    p.add_argument("--only", choices=("even", "odd"), help="run and score this half only")
    p.add_argument("--errors", choices=("even", "odd"), help="print this half's errors")
    p.add_argument("--field", choices=_FIELDS, help="only this field's errors (with --errors)")
    args = p.parse_args(argv)
    docs = [d for d in load_gvdb(args.data) if args.only in (None, half(d.id))]
    records = extract_records(Pipeline(load_settings()), articles(docs))
    by_half: dict[str, tuple[list[GvdbDoc], list[Record]]] = {"even": ([], []), "odd": ([], [])}
    for d, r in zip(docs, records, strict=True):
        by_half[half(d.id)][0].append(d)
        by_half[half(d.id)][1].append(r)
    for name in ("all", "even", "odd"):
        ds, rs = (docs, records) if name == "all" else by_half[name]
        if not ds or (name == "all" and args.only):
            continue
        result = score_gvdb_records(ds, rs)
        print(name, len(ds), json.dumps({k: round(result.metrics[k], 4) for k in _SHOWN}))
        if name == args.errors:
            for line in error_lines(ds, rs, args.field):
                print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
