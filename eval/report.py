"""Render `eventwire eval all DIR --json` output as the Markdown tables in docs/EVALUATION.md.

    eventwire eval all ../shared/eval/dev --json > /tmp/eval.json
    python eval/report.py /tmp/eval.json

The figures in the doc come from this output, never typed by hand. A dataset that could not
be scored is a row with its reason; detail tables (per source, per category, per type)
follow the main table.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def _column_format(values: list[float]) -> str:
    """Counts as whole numbers, shares with three decimals (one format per column)."""
    return "{:.0f}" if all(float(v).is_integer() for v in values) else "{:.3f}"


def details_tables(results: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for r in results:
        for table, rows in (r.get("details") or {}).items():
            columns = list(dict.fromkeys(k for cells in rows.values() for k in cells))
            fmt = {c: _column_format([cells[c] for cells in rows.values() if c in cells])
                   for c in columns}
            lines += ["", f"{r['dataset']}, {table.replace('_', ' ')}:", "",
                      "| | " + " | ".join(columns) + " |",
                      "|---" * (len(columns) + 1) + "|"]
            lines += [
                f"| {row} | " + " | ".join(fmt[c].format(cells[c]) if c in cells else ""
                                           for c in columns)
                + " |"
                for row, cells in rows.items()
            ]
    return lines


def main(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        results = json.load(fh)
    if isinstance(results, dict):
        results = [results]
    print("| dataset | docs | metric | value |")
    print("|---|---|---|---|")
    for r in results:
        if "error" in r:
            print(f"| {r['dataset']} | — | not scored | {r['error']} |")
            continue
        first = True
        for name, value in r["metrics"].items():
            label = f"{r['dataset']} | {r['n_docs']}" if first else " | "
            print(f"| {label} | {name} | {value:.3f} |")
            first = False
    for line in details_tables(results):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
