"""The time-expression scan alone: its CPU time, and its output for a before/after check.

    PYTHONPATH=<tree>/src:<tree> python bench/timex_scan.py             # ms per bench article
    PYTHONPATH=<tree>/src:<tree> python bench/timex_scan.py --dump OUT  # outputs, one per text
    python bench/timex_scan.py --compare OUT_BEFORE OUT_AFTER           # differing texts

Timing: ``find_timexes`` over the synthetic bench corpus (``bench/corpus.py``, seed 0), the
least CPU time of ``--passes`` passes. ``--dump`` writes, for each text of the corpus and of
any folders given with ``--texts`` (``*.txt`` files, read in sorted order), the repr of
``find_timexes``, of ``annotate_timexes`` and of ``normalise`` of each expression with no
tense, past and future; run it under each code version and ``--compare`` the two files.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path


def _texts(n: int, folders: list[str]) -> list[str]:
    from bench.corpus import generate

    out = [a.text for a in generate(n, seed=0)]
    for folder in folders:
        out += [p.read_text(encoding="utf-8") for p in sorted(Path(folder).rglob("*.txt"))]
    return out


def _timing(texts: list[str], passes: int) -> float:
    from eventwire.timex import find_timexes

    best = float("inf")
    for _ in range(passes):
        t0 = time.process_time()
        for text in texts:
            find_timexes(text)
        best = min(best, time.process_time() - t0)
    return best * 1000 / len(texts)


def _dump(texts: list[str], out: str) -> None:
    from eventwire.timex import annotate_timexes, find_timexes, normalise

    anchor = date(2026, 3, 4)
    with open(out, "w", encoding="utf-8") as f:
        for text in texts:
            found = find_timexes(text)
            norms = [[repr(normalise(s.text, anchor, tense_hint=t)) for t in (None, "past",
                                                                            "future")]
                     for s in found]
            f.write(json.dumps([repr(found), repr(annotate_timexes(text, anchor)), norms])
                    + "\n")


def _compare(a: str, b: str) -> int:
    la = Path(a).read_text(encoding="utf-8").splitlines()
    lb = Path(b).read_text(encoding="utf-8").splitlines()
    diff = [i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y]
    print(f"texts {len(la)} / {len(lb)}, differing {len(diff)}" + (f": {diff[:20]}" if diff
                                                                    else ""))
    return 1 if diff or len(la) != len(lb) else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=300, help="bench articles")
    p.add_argument("--passes", type=int, default=5)
    p.add_argument("--texts", nargs="*", default=[], help="folders of .txt files (--dump)")
    p.add_argument("--dump", metavar="OUT")
    p.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = p.parse_args(argv)
    if args.compare:
        return _compare(*args.compare)
    if args.dump:
        _dump(_texts(args.n, args.texts), args.dump)
        return 0
    ms = _timing(_texts(args.n, []), args.passes)
    print(f"find_timexes: {ms:.3f} ms per bench article (CPU, least of {args.passes} passes)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
