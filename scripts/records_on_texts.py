"""Count the in-scope records the pipeline makes on a folder of plain-text articles with no
incident gold (PolNeAR's training split: political news), to see how much noise a change
takes away or adds on text nobody coded.

    python scripts/records_on_texts.py ../shared/train/polnear/train/text out.json \
        [--skip read.txt]

writes every article's in-scope records (category, status, trigger, offset) to
``out.json`` and prints the totals; ``--skip`` names articles (one file name a line) left
out of the totals, those read while writing rules (by the first 12 hex digits of the
sha1 of their file names: the names spell headlines). Two runs' outputs compare with
``--compare other.json``: the records one has and the other has not."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from eventwire import Extractor, make_article
from eventwire.vocab import INCIDENT_CATEGORIES


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--skip", type=Path,
                    help="sha1 prefixes (12 hex) of file names left out of the totals")
    ap.add_argument("--compare", type=Path, help="another run's output to compare with")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    skip = set(args.skip.read_text().split()) if args.skip else set()
    files = sorted(p for p in args.folder.iterdir() if p.suffix == ".txt")
    articles = [make_article(p.read_text(encoding="utf-8"), published=None) for p in files]
    pipeline = Extractor().pipeline
    out: dict[str, list[tuple[str, str, str, int]]] = {}
    for path, record in zip(files, pipeline.pipe(articles), strict=True):
        out[path.name] = [(e.category, e.status, e.trigger.text, e.trigger.start)
                          for e in record.events if e.category in INCIDENT_CATEGORIES]
    args.out.write_text(json.dumps(out, indent=0))
    kept = {k: v for k, v in out.items()
            if hashlib.sha1(k.encode()).hexdigest()[:12] not in skip}
    records = [r for v in kept.values() for r in v]
    print(f"{len(kept)} articles, {len(records)} in-scope records, "
          f"{sum(1 for r in records if r[1] == 'asserted')} asserted")
    if args.compare:
        other = json.loads(args.compare.read_text())
        gone = [(k, *r) for k, v in other.items() if k in kept
                for r in map(tuple, v) if r not in set(map(tuple, kept[k]))]
        new = [(k, *r) for k, v in kept.items()
               for r in v if tuple(r) not in set(map(tuple, other.get(k, [])))]
        print(f"{len(gone)} records only in {args.compare}, {len(new)} only in this run")
        for row in gone:
            print("-", *row)
        for row in new:
            print("+", *row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
