"""Dump the records of the bench corpus as JSON lines, to prove a change leaves them alone.

    python bench/record_dump.py --n 200 OUT.jsonl      # one sorted-key JSON object a line
    diff OUT_MAIN.jsonl OUT_BRANCH.jsonl               # empty when records are unchanged
"""

from __future__ import annotations

import argparse
import json
import sys

from bench.corpus import generate
from eventwire.config import load_settings
from eventwire.model import to_dict
from eventwire.nlp.pipeline import Pipeline


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", help="JSON Lines file to write")
    p.add_argument("--n", type=int, default=200, help="bench articles")
    p.add_argument("--seed", type=int, default=0, help="corpus seed")
    args = p.parse_args(argv)
    pipeline = Pipeline(load_settings(db_url="sqlite://"))
    with open(args.out, "w", encoding="utf-8") as out:
        for record in pipeline.pipe(generate(args.n, seed=args.seed)):
            out.write(json.dumps(to_dict(record), sort_keys=True, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
