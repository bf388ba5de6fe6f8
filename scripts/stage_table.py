"""Write the declared extraction stages into docs/DESIGN.md (between the stage markers).

    python scripts/stage_table.py            # rewrite the table
    python scripts/stage_table.py --check    # exit 1 when the table is stale

tests/nlp/test_pipeline_stages.py fails when the table and the declarations differ."""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.nlp.stage import stage_table
from eventwire.nlp.stages import DEFAULT_STAGES

DESIGN = Path(__file__).resolve().parents[1] / "docs" / "DESIGN.md"
BEGIN, END = "<!-- stages:begin -->", "<!-- stages:end -->"


def main(argv: list[str]) -> int:
    text = DESIGN.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _old, _, tail = rest.partition(END)
    if not rest or (not tail and END not in rest):
        print(f"{DESIGN}: markers {BEGIN} / {END} not found", file=sys.stderr)
        return 2
    new = f"{head}{BEGIN}\n{stage_table(DEFAULT_STAGES)}\n{END}{tail}"
    if "--check" in argv:
        return 0 if new == text else 1
    DESIGN.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
