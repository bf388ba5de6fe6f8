"""CLI commands of the resolve package (cli.py adds every command in ``COMMANDS``):

    eventwire cluster [--rebuild]
    eventwire canonical list [--category C] [--country CC] [--since D] [--until D]
                             [--format table|json|jsonl]
    eventwire canonical show ID [--format text|json]
    eventwire canonical merge A B | split A B
    eventwire entities show [NAME_OR_ID] [--format table|json|jsonl] | merge A B | split A B

A canonical id is kept for life; the id of a cluster merged into an older one leads to
that one (``show`` says so on stderr).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

LISTING = click.Choice(["table", "json", "jsonl"])


def _store(ctx: Any) -> Any:
    from eventwire.store import Store

    return Store(ctx.settings.db_url)


@click.command("cluster")
@click.option("--rebuild", is_flag=True, help="Forget automatic judgements and rescore all.")
@click.pass_obj
def cluster_cmd(ctx: Any, rebuild: bool) -> None:
    """Group reports of one incident into canonical events, and actors across articles."""
    from .storage import cluster_store

    with _store(ctx) as store:
        for s in cluster_store(store, rebuild=rebuild):
            what = "events" if s.kind == "event" else "actor mentions"
            if s.up_to_date:
                click.echo(f"{s.items} {what}: nothing new, {s.clusters} canonical")
            else:
                click.echo(
                    f"{s.items} {what} ({s.new} new): {s.clusters} canonical, "
                    f"{s.compared} pairs scored, {s.judgements} automatic judgements"
                )


@click.group("canonical")
def canonical_group() -> None:
    """Canonical events: one incident, every report of it."""


@canonical_group.command("list")
@click.option("--category", help="PLOVER category, e.g. ASSAULT.")
@click.option("--country", help="ISO country code.")
@click.option("--since", help="Incident date from (YYYY[-MM[-DD]]).")
@click.option("--until", help="Incident date until (YYYY[-MM[-DD]]).")
@click.option("--place", help="Place name contains this (case and accents ignored).")
@click.option("--min-reports", type=int, default=1, show_default=True)
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "fmt", type=LISTING, default="table",
              help="json: one array; jsonl: one incident a line.")
@click.pass_obj
def canonical_list(ctx: Any, category: str | None, country: str | None, since: str | None,
                   until: str | None, place: str | None, min_reports: int, limit: int,
                   fmt: str) -> None:
    """List canonical events, latest incidents first."""
    from eventwire.export import write_listing

    from .storage import list_canonical_events

    with _store(ctx) as store:
        rows = list_canonical_events(store, category=category, country=country, since=since,
                                     until=until, place=place, min_reports=min_reports,
                                     limit=limit)
    write_listing(rows, fmt, sys.stdout, canonical_row_line)


def canonical_row_line(r: dict[str, Any]) -> str:
    """One line per canonical event (``canonical list``; ``events --canonical``)."""
    dead = "" if r["dead"] is None else f" dead={r['dead']}"
    return (
        f"{r['id']}  {r['date'] or '?':<10} {r['category']:<8} {r['place_name'] or '?'}"
        f"{dead}  reports={r['report_count']} outlets={r['outlet_count']}"
        + ("  [historical]" if r["status"] == "historical" else "")
    )


def render_canonical(ce: Any) -> str:
    """Plain-text view: counts, per-field values with sources, the timeline."""
    lines = [f"{ce.id}: {ce.report_count} reports from {ce.outlet_count} outlets, "
             f"first reported {ce.first_reported or '?'}"]
    lines.append("fields (value  [latest] [most reported]  <- outlet published):")
    for name, values in ce.fields.items():
        for fv in values:
            marks = " ".join(m for m, on in (("[latest]", fv.latest),
                                              ("[most reported]", fv.most_reported)) if on)
            said = "; ".join(f"{s.outlet or s.article_id[:10]} {s.published or '?'}"
                             for s in fv.sources)
            lines.append(f"  {name:<11} {fv.value!s:<24} {marks}  <- {said}")
    if ce.conflicts:
        lines.append("conflicts: " + ", ".join(
            f"{k}: " + " vs ".join(str(fv.value) for fv in v) for k, v in ce.conflicts.items()
        ))
    lines.append("timeline:")
    for t in ce.timeline:
        what = ", ".join(f"{f}={v}" for f, v in t.changes)
        lines.append(f"  {t.published or '?'}  {t.outlet or t.article_id[:10]}: {what}")
    lines.append("reports:")
    for s in ce.reports:
        lines.append(f"  {s.published or '?'}  {s.outlet or '?'}  article {s.article_id}"
                     f"  event {s.event_id}")
    return "\n".join(lines)


@canonical_group.command("show")
@click.argument("ident")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="json: one object.")
@click.pass_obj
def canonical_show(ctx: Any, ident: str, fmt: str) -> None:
    """One canonical event (by its id or a member event id): reports, provenance, timeline."""
    from .canonical import canonical_to_dict
    from .storage import find_canonical, show_canonical_event

    with _store(ctx) as store:
        cid, how = find_canonical(store, "event", ident)
        ce = show_canonical_event(store, cid)
    if how == "merged":
        click.echo(f"{ident} was merged into {cid}", err=True)
    if fmt == "json":
        click.echo(json.dumps(canonical_to_dict(ce), ensure_ascii=False, indent=2))
    else:
        click.echo(render_canonical(ce))


def _judge_command(group: click.Group, kind: str, verdict: str, help_text: str) -> None:
    @group.command("merge" if verdict == "same" else "split", help=help_text)
    @click.argument("a")
    @click.argument("b")
    @click.pass_obj
    def judge_cmd(ctx: Any, a: str, b: str) -> None:
        from .storage import find_canonical, judge

        with _store(ctx) as store:
            judge(store, kind, a, b, verdict)  # type: ignore[arg-type]
            ca = find_canonical(store, kind, a)[0]  # type: ignore[arg-type]
            cb = find_canonical(store, kind, b)[0]  # type: ignore[arg-type]
        word = "merged" if verdict == "same" else "split"
        click.echo(f"{word}: {a} -> {ca}, {b} -> {cb}")


_judge_command(canonical_group, "event", "same",
               "Judge two events (canonical or member ids) to be one incident.")
_judge_command(canonical_group, "event", "different",
               "Judge two events (canonical or member ids) to be different incidents.")


@click.group("entities")
def entities_group() -> None:
    """Actors across articles: canonical ids, names, aliases, roles."""


@entities_group.command("show")
@click.argument("query", required=False)
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "fmt", type=LISTING, default="table",
              help="json: one array; jsonl: one actor a line.")
@click.pass_obj
def entities_show(ctx: Any, query: str | None, limit: int, fmt: str) -> None:
    """Canonical actors (optionally those whose name contains QUERY, or one id)."""
    from eventwire.export import write_listing

    from .storage import find_canonical, list_actors

    with _store(ctx) as store:
        if query and query.startswith("ca-"):  # one actor, by its id (or a merged one's)
            cid, how = find_canonical(store, "entity", query)
            if how == "merged":
                click.echo(f"{query} was merged into {cid}", err=True)
            rows = list_actors(store, ident=cid, limit=1)
        else:
            rows = list_actors(store, query, limit=limit)
    write_listing(rows, fmt, sys.stdout, actor_lines)


def actor_lines(r: dict[str, Any]) -> str:
    """An actor as ``entities show`` prints it: a line, then its aliases and roles."""
    info = r["json"]
    lines = [f"{r['id']}  {r['name']} ({r['type']}"
             + (f", {r['country']}" if r["country"] else "")
             + (f", {r['sector']}" if r["sector"] else "")
             + f")  mentions={r['mention_count']}"]
    if info.get("aliases"):
        lines.append("  aliases: " + "; ".join(info["aliases"]))
    for role in info.get("roles", ()):
        of = f" of {role['of']}" if role.get("of") else ""
        when = f", as of {role['last_reported']}" if role.get("last_reported") else ""
        lines.append(f"  role: {role['title']}{of}{when}")
    return "\n".join(lines)


_judge_command(entities_group, "entity", "same",
               "Judge two actors (canonical ids or <article>:<entity> ids) to be one.")
_judge_command(entities_group, "entity", "different",
               "Judge two actors (canonical ids or <article>:<entity> ids) to be different.")

COMMANDS: list[click.Command] = [cluster_cmd, canonical_group, entities_group]

__all__ = ["COMMANDS", "canonical_row_line", "render_canonical"]
