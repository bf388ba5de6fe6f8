"""API tokens: hashed storage, revocation, and the ``eventwire token`` / ``serve`` commands."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from eventwire.cli import cli
from eventwire.store import Store
from eventwire.store.web_tables import api_tokens
from eventwire.web.tokens import (
    TOKEN_PREFIX,
    check_token,
    create_token,
    hash_token,
    list_tokens,
    revoke_token,
)


def test_token_is_stored_only_as_a_hash(db_url: str) -> None:
    with Store(db_url) as store:
        info, secret = create_token(store, "analyst laptop")
        assert secret.startswith(TOKEN_PREFIX) and len(secret) > 40
        stored = store.execute_read(lambda conn: conn.execute(select(api_tokens)).one())
        assert stored.token_hash == hash_token(secret)
        assert secret not in str(tuple(stored))
        assert check_token(store, secret) == info
        assert check_token(store, secret + "x") is None
        assert check_token(store, "not-a-token") is None


def test_revoke_by_id_or_name(db_url: str) -> None:
    with Store(db_url) as store:
        a, secret_a = create_token(store, "feeds")
        b, secret_b = create_token(store, "uploader")
        assert [t.id for t in revoke_token(store, a.id)] == [a.id]
        assert check_token(store, secret_a) is None
        assert check_token(store, secret_b) is not None
        assert [t.id for t in revoke_token(store, "uploader")] == [b.id]
        assert revoke_token(store, "uploader") == []  # already revoked
        assert all(t.revoked_at for t in list_tokens(store))


def test_token_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    made = runner.invoke(cli, ["--db", url, "token", "create", "ci bot"])
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[-1]
    with Store(url) as store:
        assert check_token(store, secret) is not None
    listed = runner.invoke(cli, ["--db", url, "token", "list"])
    assert "ci bot" in listed.stdout and "live" in listed.stdout and secret not in listed.stdout
    revoked = runner.invoke(cli, ["--db", url, "token", "revoke", "ci bot"])
    assert revoked.exit_code == 0
    again = runner.invoke(cli, ["--db", url, "token", "revoke", "ci bot"])
    assert again.exit_code == 2 and "no live token" in again.output
    with Store(url) as store:
        assert check_token(store, secret) is None


def test_serve_is_a_command_with_its_options() -> None:
    out = CliRunner().invoke(cli, ["serve", "--help"])
    assert out.exit_code == 0
    for option in ("--db", "--host", "--port", "--cors-origin", "--max-upload-bytes"):
        assert option in out.output
