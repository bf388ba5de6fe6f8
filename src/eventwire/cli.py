"""The command line: thin wrappers over the library. Errors become one line and an exit
status (0 all good, 1 some inputs skipped or failed, 2 unusable command or setting)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

import click

from .config import Settings, load_settings
from .errors import EventwireError
from .model import Article, Record, Skipped, to_dict

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2


@dataclass
class Context:
    settings: Settings
    skipped: list[Skipped] = field(default_factory=list)


def _fail(message: str) -> None:
    click.echo(f"eventwire: {message}", err=True)
    raise SystemExit(EXIT_ERROR)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as err:
            _fail(str(err))
        except KeyboardInterrupt:
            click.echo("eventwire: interrupted; what was written is kept", err=True)
            raise SystemExit(130) from None
        except BrokenPipeError:
            raise SystemExit(EXIT_OK) from None


@click.group(cls=_Group)
@click.option(
    "--db",
    "db_url",
    envvar="EVENTWIRE_DB",
    help="Store URL (default: SQLite in the user data dir).",
)
@click.option("--model", envvar="EVENTWIRE_MODEL", help="spaCy pipeline package to load.")
@click.version_option(package_name="eventwire")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None, model: str | None) -> None:
    """eventwire: turn news into sourced event records."""
    ctx.obj = Context(settings=load_settings(db_url=db_url, model=model))


def _meta_options(f: Any) -> Any:
    for opt in reversed(
        [
            click.option(
                "--published", help="Publication date (YYYY-MM-DD) for inputs that lack one."
            ),
            click.option("--url", help="URL of the article (plain text input)."),
            click.option("--outlet", help="Publisher name (plain text input)."),
            click.option("--title", help="Title (plain text input)."),
        ]
    ):
        f = opt(f)
    return f


def _articles(ctx: Context, paths: Iterable[str], meta: dict[str, str | None]) -> Iterator[Article]:
    from .readers import ArticleMeta, read

    m = ArticleMeta(**meta)
    for path in paths:
        for item in read(path, settings=ctx.settings, meta=m):
            if isinstance(item, Skipped):
                ctx.skipped.append(item)
                click.echo(f"skipped {item.source}: {item.reason}", err=True)
            else:
                yield item


def _pipeline(ctx: Context):
    from .nlp.pipeline import Pipeline

    return Pipeline(ctx.settings)


def _safe_pipe(ctx: Context, pipeline: Any, articles: Iterable[Article]) -> Iterator[Record]:
    """Run the pipeline; an article that breaks a stage is skipped with its reason (the
    stage named), and the others go on."""

    def skip(article: Article, err: Exception) -> None:
        # an article over a limit (time, mentions) says so; any other failure is a failure
        over = type(err).__name__ == "OverLimit"
        reason = (str(err) if over else f"extraction failed: {err}").splitlines()[0]
        ctx.skipped.append(Skipped(article.url or article.id, reason))
        click.echo(f"skipped {article.url or article.id}: {reason}", err=True)

    return pipeline.pipe(articles, on_error=skip)


# -- extract -------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_meta_options
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
              help="json: one array of records (always); jsonl: one record a line.")
@click.pass_obj
def extract(ctx: Context, paths: tuple[str, ...], fmt: str, **meta: str | None) -> None:
    """Extract events from PATHS (files, directories, or - for stdin) and print them."""
    from .export import write_json_array, write_jsonl

    pipeline = _pipeline(ctx)
    records = _safe_pipe(ctx, pipeline, _articles(ctx, paths, meta))
    out = sys.stdout
    if fmt == "json":
        write_json_array((to_dict(r) for r in records), out)
    elif fmt == "jsonl":
        write_jsonl((to_dict(r) for r in records), out)
    else:
        for r in records:
            _table(out, r)
    raise SystemExit(EXIT_SKIPPED if ctx.skipped else EXIT_OK)


def _table(out: TextIO, record: Record) -> None:
    a = record.article
    out.write(f"# {a.title or a.url or a.id[:12]} ({a.published or 'no date'})\n")
    for e in record.events:
        who = ", ".join(p.name or p.text for p in e.actors) or "-"
        whom = ", ".join(p.name or p.text for p in e.recipients) or "-"
        where = e.place.name if e.place else "-"
        when = (e.time.date or e.time.text) if e.time else "-"
        out.write(
            f"{e.id}  {e.category:<9} {e.status:<12} {when:<12} {where:<18} "
            f"{who} -> {whom}  [{e.trigger.text}]\n"
        )


# -- ingest ----------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_meta_options
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@click.pass_obj
def ingest(ctx: Context, paths: tuple[str, ...], progress: bool | None, **meta: str | None) -> None:
    """Read PATHS, extract, and store. Re-ingesting changes nothing; an interrupted run
    resumes where it stopped (each article is committed on its own)."""
    from tqdm import tqdm

    from .store import Store

    counts: Counter[str] = Counter()
    with Store(ctx.settings.db_url) as store:
        pipeline = None
        show = sys.stderr.isatty() if progress is None else progress
        bar = tqdm(desc="articles", unit=" art", disable=not show, file=sys.stderr)

        def todo() -> Iterator[Article]:
            for article in _articles(ctx, paths, meta):
                counts["read"] += 1
                bar.update(1)
                if store.has_article(article.id):
                    counts["unchanged"] += 1
                    continue
                yield article

        for item in ctx.skipped:
            store.log_skipped(item)
        articles = todo()
        first = next(articles, None)
        if first is not None:
            pipeline = _pipeline(ctx)

            def chain() -> Iterator[Article]:
                yield first
                yield from articles

            for record in _safe_pipe(ctx, pipeline, chain()):
                new = store.write(record)
                counts["new" if new else "unchanged"] += 1
                counts["events"] += len(record.events)
        bar.close()
        for item in ctx.skipped:
            store.log_skipped(item)
    reasons = Counter(s.reason.split(":")[0] for s in ctx.skipped)
    click.echo(
        f"read {counts['read']} articles: {counts['new']} new, {counts['unchanged']} unchanged, "
        f"{len(ctx.skipped)} skipped; {counts['events']} events extracted",
        err=True,
    )
    for reason, n in reasons.most_common():
        click.echo(f"  skipped {n}: {reason}", err=True)
    raise SystemExit(EXIT_SKIPPED if ctx.skipped else EXIT_OK)


# -- query -----------------------------------------------------------------------------------


def _filter_options(f: Any) -> Any:
    for opt in reversed(
        [
            click.option("--category", multiple=True, help="PLOVER category (repeatable)."),
            click.option("--mode", multiple=True,
                         help="PLOVER mode, e.g. firearms (repeatable: all of them)."),
            click.option("--status", multiple=True, help="asserted, historical, ... (repeatable)."),
            click.option("--from", "date_from", help="Earliest date (YYYY[-MM[-DD]])."),
            click.option("--to", "date_to", help="Latest date (YYYY[-MM[-DD]])."),
            click.option("--place", help="Place name, admin1 or country code contains this."),
            click.option("--country", help="ISO-3166 alpha-2 code of the event's place."),
            click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat of the event's place."),
            click.option("--actor", help="An actor or recipient name contains this."),
            click.option("--text", help='Every word or "quoted phrase" occurs in the trigger, '
                         "evidence or title (case and accents ignored)."),
            click.option("--current-only", is_flag=True, help="Leave out historical mentions."),
        ]
    ):
        f = opt(f)
    return f


def _event_filter(kw: dict[str, Any]):
    """The store's EventFilter, as the API builds it from its query parameters."""
    from .store import EventFilter, parse_bbox

    return EventFilter(
        categories=tuple(kw["category"]),
        statuses=tuple(kw["status"]),
        modes=tuple(kw["mode"]),
        date_from=kw["date_from"],
        date_to=kw["date_to"],
        place=kw["place"],
        country=kw["country"],
        actor=kw["actor"],
        text=kw["text"],
        bbox=parse_bbox(kw["bbox"]),
        include_historical=not kw["current_only"],
    )


@cli.command()
@_filter_options
@click.option("--limit", default=50, show_default=True)
@click.option("--offset", default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]),
              default="table", help="json: one array; jsonl: one event a line.")
@click.option("--canonical", is_flag=True,
              help="One line per incident (run `eventwire cluster` first).")
@click.pass_obj
def events(ctx: Context, limit: int, offset: int, fmt: str, canonical: bool, **kw: Any) -> None:
    """List stored events matching the filters (--canonical: one line per incident)."""
    from .export import export_csv, row_dict, write_listing
    from .store import Store

    if canonical:
        _events_canonical(ctx, limit, offset, fmt, kw)
        return
    with Store(ctx.settings.db_url) as store:
        rows = store.query_events(_event_filter(kw), limit=limit, offset=offset)
    if fmt == "csv":
        export_csv(rows, sys.stdout)
        return

    def line(r: Any) -> str:
        who = ", ".join(r.actor_names) or "-"
        whom = ", ".join(r.recipient_names) or "-"
        return (f"{r.id}  {r.sort_date or '-':<10}  {r.category:<9} {r.status:<11} "
                f"{(r.place_name or '-')[:18]:<18} {who[:30]} -> {whom[:30]}")

    write_listing(rows if fmt == "table" else (row_dict(r) for r in rows), fmt, sys.stdout,
                  line)
    if not rows and fmt == "table":
        click.echo("no events match", err=True)


# What ``events --canonical`` can filter on: the incidents' own summary columns.
_CANONICAL_FILTERS = {"category", "country", "date_from", "date_to", "place"}


def _events_canonical(ctx: Context, limit: int, offset: int, fmt: str,
                      kw: dict[str, Any]) -> None:
    from .errors import ConfigError
    from .export import write_listing
    from .resolve.commands import canonical_row_line
    from .resolve.storage import list_canonical_events
    from .store import Store

    given = sorted(k for k, v in kw.items() if v and k not in _CANONICAL_FILTERS)
    if given or fmt == "csv":
        what = (f"--{given[0].replace('_', '-')}" if given else "--format csv")
        raise ConfigError(f"events --canonical lists incidents: {what} does not apply "
                          "(it takes --category, --country, --from, --to, --place and "
                          "--format table, json or jsonl)")
    with Store(ctx.settings.db_url) as store:
        crows = list_canonical_events(
            store, category=tuple(kw["category"]), country=kw["country"],
            since=kw["date_from"], until=kw["date_to"], place=kw["place"],
            limit=limit, offset=offset,
        )
    write_listing(crows, fmt, sys.stdout, canonical_row_line)


@cli.command()
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def show(ctx: Context, event_id: str, fmt: str) -> None:
    """Show one event with its evidence marked in the article text."""
    from .store import Store

    if event_id.startswith("ce-"):  # a canonical event: every report, per-field provenance
        from .resolve.canonical import canonical_to_dict
        from .resolve.commands import render_canonical
        from .resolve.storage import find_canonical, show_canonical_event

        with Store(ctx.settings.db_url) as store:
            cid, how = find_canonical(store, "event", event_id)
            ce = show_canonical_event(store, cid)
        if how == "merged":
            click.echo(f"{event_id} was merged into {cid}", err=True)
        if fmt == "json":
            click.echo(json.dumps(canonical_to_dict(ce), ensure_ascii=False, indent=2))
        else:
            click.echo(render_canonical(ce))
        return
    with Store(ctx.settings.db_url) as store:
        got = store.get_event(event_id)
    if got is None:
        _fail(f"no event with id {event_id}")
        return
    event, article = got
    if fmt == "json":
        json.dump(
            {"event": to_dict(event), "article": to_dict(article)},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
        return
    from .render import render_event

    click.echo(render_event(event, article, color=sys.stdout.isatty()))


@cli.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv", "geojson"]),
              default="jsonl", help="jsonl: one event a line; json: one array.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.pass_obj
def export(ctx: Context, fmt: str, output: TextIO, **kw: Any) -> None:
    """Export stored events (CSV has ACLED-style columns)."""
    from .export import export_csv, export_geojson, export_jsonl, row_dict, write_json_array
    from .store import Store

    with Store(ctx.settings.db_url) as store:
        rows = store.iter_events(_event_filter(kw))
        if fmt == "json":
            n = write_json_array((row_dict(r) for r in rows), output)
        elif fmt == "csv":
            n = export_csv(rows, output)
        elif fmt == "geojson":
            n, missing = export_geojson(rows, output)
            if missing:
                click.echo(f"{missing} events without coordinates left out", err=True)
        else:
            n = export_jsonl(rows, output)
    click.echo(f"exported {n} events", err=True)


@cli.command()
@click.option("--limit", default=50)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              help="json: one array; jsonl: one input a line.")
@click.pass_obj
def errors(ctx: Context, limit: int, fmt: str) -> None:
    """Inputs that were skipped, with their reasons (the store's error log)."""
    from .export import write_listing
    from .store import Store

    with Store(ctx.settings.db_url) as store:
        logged = store.errors(limit=limit)
    write_listing(logged, fmt, sys.stdout,
                  lambda e: f"{e['last_seen']}  x{e['count']}  {e['source']}: {e['reason']}")


# Command groups that live beside their library code; each module exposes COMMANDS (a
# list of click commands) and keeps heavy imports inside the command functions.
_COMMAND_MODULES: tuple[str, ...] = (
    "eventwire.evaluate.commands",
    "eventwire.resolve.commands",
    "eventwire.web.commands",
    "eventwire.batch.commands",
    "eventwire.nlp.trained.commands",
)


def _register(group: click.Group) -> None:
    import importlib
    import importlib.util

    for name in _COMMAND_MODULES:
        if importlib.util.find_spec(name) is None:  # not built yet in this checkout
            continue
        for command in importlib.import_module(name).COMMANDS:
            group.add_command(command)


_register(cli)


def main() -> None:
    cli(prog_name="eventwire")


__all__ = ["cli", "main"]
