"""JSON Lines: one article object per line, fields named as in ``model.Article``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from eventwire.model import Article, Skipped
from eventwire.readers.common import DecodeFailed, ReadContext, decode_text, finish_article

_STRING_FIELDS = ("url", "outlet", "title", "published", "language")


def _article_fields(obj: Any) -> dict[str, Any] | str:
    """The keyword arguments for finish_article, or the reason the line is unusable."""
    if not isinstance(obj, dict):
        return f"line is a JSON {type(obj).__name__}, not an object"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return "no 'text' field (a non-empty string is required)"
    for name in _STRING_FIELDS:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            return f"field '{name}' must be a string"
    authors = obj.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    if not isinstance(authors, (list, tuple)) or not all(isinstance(a, str) for a in authors):
        return "field 'authors' must be a list of strings"
    return {
        "text": text,
        "url": obj.get("url"),
        "outlet": obj.get("outlet"),
        "title": obj.get("title"),
        "authors": tuple(authors),
        "published": obj.get("published"),
    }


def read_jsonl(data: bytes, *, source: str, ctx: ReadContext) -> Iterator[Article | Skipped]:
    try:
        content = decode_text(data)
    except DecodeFailed as err:
        yield Skipped(source, str(err))
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        line_source = f"{source}#L{number}"
        try:
            obj = json.loads(line)
        except ValueError as err:
            yield Skipped(line_source, f"invalid JSON: {err}")
            continue
        fields = _article_fields(obj)
        if isinstance(fields, str):
            yield Skipped(line_source, fields)
            continue
        language = obj.get("language")
        if language and not language.lower().startswith("en"):
            yield Skipped(line_source, f"language is {language}, not English")
            continue
        text = fields.pop("text")
        yield finish_article(text, source=line_source, ctx=ctx, **fields)


__all__ = ["read_jsonl"]
