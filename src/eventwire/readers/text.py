"""Plain text: decoded as is; the user's metadata (CLI flags) is all the metadata there is."""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.model import Article, Skipped
from eventwire.readers.common import DecodeFailed, ReadContext, decode_text, finish_article


def read_text(data: bytes, *, source: str, ctx: ReadContext) -> Iterator[Article | Skipped]:
    try:
        text = decode_text(data)
    except DecodeFailed as err:
        yield Skipped(source, str(err))
        return
    yield finish_article(text, source=source, ctx=ctx)


__all__ = ["read_text"]
