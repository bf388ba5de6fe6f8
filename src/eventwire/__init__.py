"""eventwire: news in, sourced event records out.

    import eventwire
    record = eventwire.extract("Gunmen shot ...", published="2026-02-07")
    for item in eventwire.read("news/"):          # Article or Skipped
        ...
    with eventwire.Store("sqlite:///events.db") as store:
        store.write(record)

``extract`` loads the spaCy pipeline once per ``Extractor``; the module-level helper
keeps no state between calls (build an ``Extractor`` to reuse the model).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .config import Settings, load_settings
from .errors import EventwireError
from .model import Article, Record, Skipped, make_article

__version__ = "0.1.0"


class Extractor:
    """Holds a loaded pipeline: ``Extractor().extract(text, published=...)``."""

    def __init__(self, settings: Settings | None = None) -> None:
        from .nlp.pipeline import Pipeline  # spaCy loads here, not at import

        self.settings = settings or load_settings()
        self.pipeline = Pipeline(self.settings)

    def extract(
        self,
        text_or_article: str | Article,
        *,
        published: str | None = None,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
    ) -> Record:
        article = (
            text_or_article
            if isinstance(text_or_article, Article)
            else make_article(
                text_or_article, published=published, url=url, outlet=outlet, title=title
            )
        )
        return self.pipeline.extract(article)


def extract(
    text_or_article: str | Article,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Record:
    """Extract one article (loads the model each call; use ``Extractor`` for many)."""
    return Extractor(settings).extract(
        text_or_article, published=published, url=url, outlet=outlet, title=title
    )


def read(
    path: str | Path, *, settings: Settings | None = None, **meta: str | None
) -> Iterator[Article | Skipped]:
    """Articles from a file, directory or "-" (stdin); bad items come back as Skipped."""
    from .readers import ArticleMeta
    from .readers import read as _read

    return _read(path, settings=settings or load_settings(), meta=ArticleMeta(**meta))


def Store(url: str | None = None):
    from .store import Store as _Store

    return _Store(url or load_settings().db_url)


__all__ = [
    "Article",
    "EventwireError",
    "Extractor",
    "Record",
    "Settings",
    "Skipped",
    "Store",
    "extract",
    "make_article",
    "read",
]
