"""Stages run over a spaCy batch: stage by stage, the attribution tagger reading the whole
batch in one call (``Stage.run_batch``). A record must not depend on the articles beside
it; an article a batched stage cannot read is reported alone. Sentences invented here."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy

from eventwire.config import Settings
from eventwire.model import Article, make_article, to_dict
from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.resources import Resources
from eventwire.nlp.stage import Stage, StageError
from eventwire.nlp.stages import attribution as rules
from eventwire.nlp.work import Work

TEXTS = [
    "The mayor of Lyon said on Monday that the tram line would reopen in May.\n\n"
    "\u201cWe are not finished,\u201d she told reporters.",
    "Gunmen attacked a police post near Kaduna on Sunday, killing two officers, the state "
    "police spokesman said. A resident, Musa Bello, said the attackers fled on motorbikes.",
    "Protesters marched through the capital on Friday. Organisers said more rallies "
    "would follow, according to a statement posted on Telegram.",
    "The ministry claimed without offering any evidence that the convoy had fired first. "
    "An analyst, Jane Okafor, told the paper the claim was doubtful.",
]


def test_a_batch_gives_each_article_the_record_it_gets_alone(pipeline: Pipeline) -> None:
    articles = [make_article(t, title=f"t{k}", published="2026-03-02")
                for k, t in enumerate(TEXTS)]
    together = [to_dict(r) for r in pipeline.pipe(articles)]
    alone = [to_dict(pipeline.extract(a)) for a in articles]
    assert together == alone
    assert any(r["statements"] for r in together)


def test_factuality_reads_no_evidence_only_where_the_text_says_it(pipeline: Pipeline) -> None:
    w = rules.statement_words(pipeline.resources)
    doc = pipeline.nlp("The ministry claimed without offering any evidence that rebels fired.")
    claimed = next(t for t in doc if t.lower_ == "claimed")
    assert rules._factuality(claimed, w) == "claimed_without_evidence"
    doc = pipeline.nlp("The ministry claimed that rebels fired first.")
    claimed = next(t for t in doc if t.lower_ == "claimed")
    assert rules._factuality(claimed, w) == w.reporting.get("claim", "reported")


def test_social_media_source_needs_the_name_after_on(pipeline: Pipeline) -> None:
    w = rules.statement_words(pipeline.resources)
    for text, expected in [
        ("The minister wrote on X that the talks had failed.", "social_media"),
        ("The governor said on Telegram that the curfew would end.", "social_media"),
        ("The governor said on Tuesday that the curfew would end.", "unnamed"),
    ]:
        doc = pipeline.nlp(text)
        cue = next(t for t in doc if t.lower_ in {"wrote", "said"})
        work = Work(article=make_article(text), doc=doc, published=None)
        assert rules._source_type(work, None, cue, w) == expected, text


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


def _tiny(res: Resources, seen: list[list[str]]) -> Pipeline:
    def one(work: Work, res: Resources) -> None:
        if "BOOM" in work.article.text:
            raise ValueError("cannot read this one")
        work.statements.clear()

    def batch(works, res):  # type: ignore[no-untyped-def]
        seen.append([w.article.text for w in works])
        return [ValueError("cannot read this one") if "BOOM" in w.article.text else None
                for w in works]

    stage = Stage("batched", one, "fails on one article", reads=("article",),
                  run_batch=batch)
    return Pipeline(Settings(db_url="sqlite://", batch_size=3), nlp=spacy.blank("en"),
                    resources=res, stages=[replace(stage)])


def test_a_batched_stage_reads_the_batch_once_and_isolates_a_failure(res: Resources) -> None:
    seen: list[list[str]] = []
    articles = [make_article(t) for t in ["first", "second BOOM", "third", "fourth"]]
    failures: list[tuple[Article, StageError]] = []
    records = list(_tiny(res, seen).pipe(articles,
                                         on_error=lambda a, e: failures.append((a, e))))
    assert [r.article.text for r in records] == ["first", "third", "fourth"]
    assert seen == [["first", "second BOOM", "third"], ["fourth"]]
    [(article, err)] = failures
    assert article.text == "second BOOM" and err.stage == "batched"
    assert str(err) == "stage 'batched' failed: ValueError: cannot read this one"
