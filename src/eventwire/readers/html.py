"""HTML pages: main text and metadata by trafilatura (boilerplate, nav and footer dropped)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import trafilatura

from eventwire.model import Article, Skipped
from eventwire.readers.common import DecodeFailed, ReadContext, decode_text, finish_article

# Only metadata dates: "extensive" search would guess a date from any year in the text
# (e.g. the date of an earlier bombing in a background paragraph).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _split_authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(a.strip() for a in value.split(";") if a.strip())


def _has_prose(text: str) -> bool:
    """At least one line that reads like a sentence, not a menu or a list of links."""
    return any(
        len(line.split()) >= 6 and line.rstrip().endswith((".", "!", "?", '"', "\u201d"))
        for line in text.splitlines()
    )


def _extract(html: str, url: str | None, favor_precision: bool) -> dict[str, Any] | None:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        return None
    data = doc if isinstance(doc, dict) else doc.as_dict()
    return data if (data.get("text") or "").strip() else None


def extract_html(html: str, url: str | None = None) -> dict[str, Any] | None:
    """trafilatura's main text and metadata as a dict; None when no main text is found.

    Precision mode first (it leaves menus and link lists out); when it finds nothing, the
    default mode, whose result is kept only if it contains some prose."""
    found = _extract(html, url, favor_precision=True)
    if found is not None:
        return found
    found = _extract(html, url, favor_precision=False)
    return found if found is not None and _has_prose(found["text"]) else None


def _without_title(text: str, title: str | None) -> str:
    """The main text without a leading headline line (title goes in ``title`` only)."""
    first, _, rest = text.lstrip().partition("\n")
    if title and rest.strip() and " ".join(first.split()) == " ".join(title.split()):
        return rest
    return text


def read_html(
    data: bytes, *, source: str, ctx: ReadContext, url: str | None = None
) -> Iterator[Article | Skipped]:
    try:
        html = decode_text(data)
    except DecodeFailed as err:
        yield Skipped(source, str(err))
        return
    try:
        # only the document's own URL: with the user's --url trafilatura would make up an
        # outlet from its host name, hiding the user's --outlet
        found = extract_html(html, url=url)
    except Exception as err:  # trafilatura/lxml on hostile markup: skip, never crash a batch
        yield Skipped(source, f"could not parse HTML: {type(err).__name__}: {err}")
        return
    if found is None:
        yield Skipped(source, "no article text found in HTML")
        return
    yield finish_article(
        _without_title(found["text"], found.get("title")),
        source=source,
        ctx=ctx,
        url=url or found.get("url"),
        outlet=found.get("sitename"),
        title=found.get("title"),
        authors=_split_authors(found.get("author")),
        published=found.get("date"),
    )


__all__ = ["extract_html", "read_html"]
