"""`eventwire eval`: score extraction on public gold sets read from a path."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


@click.command("eval")
@click.argument("dataset")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per dataset.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.pass_obj
def eval_command(ctx: Any, dataset: str, path: str, as_json: bool, limit: int | None) -> None:
    """Score DATASET (a folder name such as muc4, timex, polnear) read from PATH, or
    `eval all DIR` for every dataset folder found under DIR."""
    from ..nlp.pipeline import Pipeline
    from .registry import format_results, run_all, run_eval

    pipeline = Pipeline(ctx.settings)
    if dataset == "all":
        results = list(run_all(path, pipeline, limit=limit))
    else:
        results = [run_eval(dataset, path, pipeline, limit=limit)]
    if as_json:
        items = [r.to_dict() for r in results]
        json.dump(items[0] if len(items) == 1 else items, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        click.echo(format_results(results))


COMMANDS = [eval_command]
