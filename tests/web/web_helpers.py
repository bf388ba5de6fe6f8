"""Helpers for the web tests: a stand-in extractor and a test client factory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.config import Settings
from eventwire.model import Article, Event, Record, Span, stable_id


class FakeExtractor:
    """Stands in for the spaCy pipeline: one ASSAULT event on the word 'attacked'."""

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, article: Article) -> Record:
        self.calls += 1
        text = article.text
        at = text.find("attacked")
        if at < 0:
            return Record(article=article)
        trigger = Span("attacked", at, at + len("attacked"))
        event = Event(id=stable_id(article.id, at, "ASSAULT"), category="ASSAULT",
                      trigger=trigger, evidence=(Span(text, 0, len(text)),), confidence=0.5)
        return Record(article=article, events=(event,))


def make_client(url: str, **kw: Any) -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx.*")
        from fastapi.testclient import TestClient

    from eventwire.web.app import create_app

    factory: Callable[[], Any] = kw.pop("pipeline_factory", FakeExtractor)
    app = create_app(Settings(db_url=url), pipeline_factory=factory, **kw)
    return TestClient(app)
