"""`eventwire eval`: score extraction on public gold sets read from a path."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .base import EvalError, Extractor


def make_extractor(settings: Any) -> Extractor:
    """The extractor the command scores (tests swap in a fake one: spaCy loads slowly)."""
    from ..nlp.pipeline import Pipeline

    return Pipeline(settings)


@click.command("eval")
@click.argument("dataset")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per dataset.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--split", default=None,
              help="Split to read where a folder holds several (dev, test, train); "
                   "default: the only one, else dev.")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every error found (false alarms, duplicates, misses, wrong "
                   "fields) where the dataset reports them; to stderr with --json.")
@click.pass_obj
def eval_command(
    ctx: Any, dataset: str, path: str, as_json: bool, limit: int | None, split: str | None,
    show_errors: bool,
) -> None:
    """Score DATASET (a folder name such as muc4, timex, incidents) read from PATH, or
    `eval all DIR` for every dataset folder found under DIR. Exit status 1 when a dataset
    of `eval all` could not be scored (it is listed with its reason)."""
    from .registry import REGISTRY, failed, format_results, get_dataset, run_all, run_eval

    if dataset != "all":
        get_dataset(dataset)  # an unknown name fails before the model loads
    pipeline = make_extractor(ctx.settings)
    if dataset == "all":
        results = list(run_all(path, pipeline, limit=limit, split=split))
        if not results:
            raise EvalError(f"no gold set folder under {path} (looked for: "
                            f"{', '.join(sorted({d.folder for d in REGISTRY}))})")
    else:
        results = [run_eval(dataset, path, pipeline, limit=limit, split=split)]
    if as_json:
        items = [r.to_dict() for r in results]
        json.dump(items[0] if len(items) == 1 else items, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        click.echo(format_results(results))
    if show_errors:
        for r in results:
            for line in r.error_report:
                click.echo(f"{r.dataset}  {line}", err=as_json)
    bad = failed(results)
    if bad:
        click.echo(f"eventwire: {len(bad)} of {len(results)} datasets could not be scored: "
                   + ", ".join(r.dataset for r in bad), err=True)
        raise SystemExit(1)


COMMANDS = [eval_command]
