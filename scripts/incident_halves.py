"""Score the incident gold in two halves fixed by a hash of each article's id (sha1 of
the id, even or odd last byte), so that rules are studied on one half and checked on the
other, which is read only as totals.

    python scripts/incident_halves.py ../shared/eval/dev/incidents
    python scripts/incident_halves.py ../shared/eval/dev/incidents --errors even --field place

``--errors HALF`` prints the error lines of that half only (optionally one field's)."""

from __future__ import annotations

import argparse
import hashlib
import json

from eventwire.config import load_settings
from eventwire.evaluate.base import extract_records
from eventwire.evaluate.incidents import (
    IncidentDoc,
    articles,
    load_incidents,
    score_incident_records,
)
from eventwire.model import Record
from eventwire.nlp.pipeline import Pipeline

_SHOWN = ("precision", "precision_strict", "recall", "date_acc", "place_acc",
          "place_country_acc", "status_acc", "actors_acc", "recipients_acc", "dead_acc",
          "injured_acc", "arrested_acc", "all_core_fields", "confidence_auc", "confidence_brier",
          "confidence_ece")


def half(doc_id: str) -> str:
    return "even" if hashlib.sha1(doc_id.encode("utf-8")).digest()[-1] % 2 == 0 else "odd"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", help="incident gold folder or file")
    p.add_argument("--errors", choices=("even", "odd"), help="print this half's errors")
    p.add_argument("--field", help="only WRONG lines of this field (with --errors)")
    args = p.parse_args(argv)
    docs = load_incidents(args.data)
    records = extract_records(Pipeline(load_settings()), articles(docs))
    by_half: dict[str, tuple[list[IncidentDoc], list[Record]]] = {"even": ([], []), "odd": ([], [])}
    for d, r in zip(docs, records, strict=True):
        by_half[half(d.id)][0].append(d)
        by_half[half(d.id)][1].append(r)
    for name in ("all", "even", "odd"):
        ds, rs = (docs, records) if name == "all" else by_half[name]
        result = score_incident_records(ds, rs)
        print(name, len(ds), json.dumps({k: round(result.metrics[k], 4) for k in _SHOWN}))
        if name == args.errors:
            for line in result.error_report:
                if args.field is None or line.startswith(f"WRONG {args.field} "):
                    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
