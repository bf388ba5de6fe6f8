"""RSS / Atom / RDF feeds via feedparser: one article per item."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from eventwire.model import Article, Skipped
from eventwire.readers.common import ReadContext, finish_article
from eventwire.readers.dates import from_struct_time, normalise_published
from eventwire.readers.markup import html_to_text


def _item_text(entry: Any) -> str:
    """The fullest body the item has: content (content:encoded, Atom content) or summary."""
    bodies = [c.get("value") or "" for c in entry.get("content") or ()]
    bodies.append(entry.get("summary") or "")
    texts = [html_to_text(b) for b in bodies if b.strip()]
    return max(texts, key=len) if texts else ""


def _item_published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        iso = normalise_published(entry.get(key))
        if iso:
            return iso
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        iso = from_struct_time(entry.get(key))
        if iso:
            return iso
    return None


def _item_authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name") or "" for a in entry.get("authors") or ()]
    names = [n for n in names if n.strip()]
    if not names and entry.get("author"):
        names = [entry["author"]]
    return tuple(names)


def _one_line(message: object) -> str:
    return " ".join(str(message).split()) or "unknown error"


def read_feed(data: bytes, *, source: str, ctx: ReadContext) -> Iterator[Article | Skipped]:
    # A stream, never raw bytes/str: feedparser would treat those as a path or URL to open.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = f"malformed feed: {_one_line(parsed.get('bozo_exception'))}"
        else:
            reason = "feed has no items"
        yield Skipped(source, reason)
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(entries, start=1):
        item_source = f"{source}#item{number}"
        try:
            text = _item_text(entry)
            if not text:
                yield Skipped(item_source, "feed item has no content or summary")
                continue
            yield finish_article(
                text,
                source=item_source,
                ctx=ctx,
                url=entry.get("link") or None,
                outlet=outlet,
                title=html_to_text(entry.get("title") or "") or None,
                authors=_item_authors(entry),
                published=_item_published(entry),
            )
        except Exception as err:  # one odd item must not lose the rest of the feed
            yield Skipped(item_source, f"could not read feed item: {_one_line(err)}")


__all__ = ["read_feed"]
