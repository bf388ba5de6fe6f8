"""CLI commands of the web app: ``eventwire serve`` and ``eventwire token ...``."""

from __future__ import annotations

from typing import Any

import click

from eventwire.errors import ConfigError


@click.command()
@click.option("--db", "db_url", help="Store URL (default: the global --db / EVENTWIRE_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--cors-origin", multiple=True,
              help="Allow browser calls from this origin (repeatable). CORS is off without it.")
@click.option("--max-upload-bytes", type=click.IntRange(1), default=None,
              help="Largest POST body (default: the max_bytes setting).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Server processes (uploads' ingest jobs are per process).")
@click.pass_obj
def serve(ctx: Any, db_url: str | None, host: str, port: int, cors_origin: tuple[str, ...],
          max_upload_bytes: int | None, workers: int) -> None:
    """Serve the JSON API (OpenAPI at /docs) and the dashboard (/ui/)."""
    import uvicorn

    from eventwire.store import Store
    from eventwire.web.app import SERVE_CONFIG_ENV, ServeConfig, create_app_from_config

    settings = ctx.settings.with_(db_url=db_url) if db_url else ctx.settings
    config = ServeConfig(settings, tuple(cor_origin_list(cors_origin)), max_upload_bytes)
    click.echo(f"eventwire: serving http://{host}:{port}/ui/ (API docs at /docs)", err=True)
    if workers == 1:
        app = create_app_from_config(config)
        from eventwire.web.workers import tune_gc

        tune_gc()
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=False)
        return
    # Several processes, each building its app from this very config (serialised: the
    # settings that came from flags reach the workers too).
    Store(settings.db_url).close()  # migrate once, before the workers race to do it
    from eventwire.web.workers import APP_FACTORY, reuseport_available, run_workers

    if reuseport_available():  # one socket per worker: connections spread evenly
        raise SystemExit(run_workers(host, port, workers, config=config.to_json()))
    import os

    os.environ[SERVE_CONFIG_ENV] = config.to_json()  # uvicorn's factory takes no argument
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port,
                workers=workers, log_level="info", access_log=False)


def cor_origin_list(origins: tuple[str, ...]) -> list[str]:
    return [o.strip() for o in origins if o.strip()]

@click.group()
def token() -> None:
    """Create, list and revoke API tokens (POST and admin routes need one)."""


@token.command("create")
@click.argument("name")
@click.pass_obj
def token_create(ctx: Any, name: str) -> None:
    """Create a token for NAME; it is printed once and stored only as a hash."""
    from eventwire.store import Store
    from eventwire.web.tokens import create_token

    with Store(ctx.settings.db_url) as store:
        info, secret = create_token(store, name)
    click.echo(f"created token {info.id} for {info.name!r}; keep it, it is not shown again:",
               err=True)
    click.echo(secret)


@token.command("revoke")
@click.argument("id_or_name")
@click.pass_obj
def token_revoke(ctx: Any, id_or_name: str) -> None:
    """Revoke the token(s) with this id or name."""
    from eventwire.store import Store
    from eventwire.web.tokens import revoke_token

    with Store(ctx.settings.db_url) as store:
        revoked = revoke_token(store, id_or_name)
    if not revoked:
        raise ConfigError(f"no live token with id or name {id_or_name!r}")
    for info in revoked:
        click.echo(f"revoked token {info.id} ({info.name})", err=True)


@token.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]),
              default="table", help="json: one array; jsonl: one token a line.")
@click.pass_obj
def token_list(ctx: Any, fmt: str) -> None:
    """Tokens with their ids, names and state (never the secrets)."""
    import dataclasses
    import sys

    from eventwire.export import write_listing
    from eventwire.store import Store
    from eventwire.web.tokens import list_tokens

    def line(t: dict[str, Any]) -> str:
        state = f"revoked {t['revoked_at']}" if t["revoked_at"] else "live"
        return f"{t['id']}  {t['created_at']}  {state:<30}  {t['name']}"

    with Store(ctx.settings.db_url) as store:
        tokens = [dataclasses.asdict(info) for info in list_tokens(store)]
    write_listing(tokens, fmt, sys.stdout, line)


COMMANDS: list[click.Command] = [serve, token]

__all__ = ["COMMANDS"]
