"""Shared bits for the reader tests (imported as a plain module; no conftest needed)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventwire.config import Settings
from eventwire.model import Article, Skipped

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETTINGS = Settings(db_url="sqlite://")


def split(items: Iterable[Article | Skipped]) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in items:
        (articles if isinstance(item, Article) else skipped).append(item)  # type: ignore[arg-type]
    return articles, skipped
