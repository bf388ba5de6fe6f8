"""Render `eventwire eval all DIR --json` output as the Markdown table in docs/EVALUATION.md.

    eventwire eval all ../shared/eval/dev --json > /tmp/eval.json
    python eval/report.py /tmp/eval.json

The figures in the doc come from this output, never typed by hand.
"""

from __future__ import annotations

import json
import sys


def main(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        results = json.load(fh)
    if isinstance(results, dict):
        results = [results]
    print("| dataset | docs | metric | value |")
    print("|---|---|---|---|")
    for r in results:
        first = True
        for name, value in r["metrics"].items():
            label = f"{r['dataset']} | {r['n_docs']}" if first else " | "
            print(f"| {label} | {name} | {value:.3f} |")
            first = False
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
