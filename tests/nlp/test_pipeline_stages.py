"""The pipeline's declared stages: the check made when it is built, swapping a stage for a
stand-in chosen in settings, an article that breaks a stage isolated from the others, and
the stage table of docs/DESIGN.md kept equal to the declarations."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from eventwire.config import Settings, load_settings, parse_stage_swaps
from eventwire.errors import ConfigError
from eventwire.model import Article, Outcome, make_article
from eventwire.nlp.pipeline import Pipeline, build_stages
from eventwire.nlp.resources import Resources
from eventwire.nlp.stage import Stage, StageError, check_stages, stage_table
from eventwire.nlp.stages import DEFAULT_STAGES
from eventwire.nlp.work import Work

DESIGN = Path(__file__).resolve().parents[2] / "docs" / "DESIGN.md"


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


def test_the_default_stages_fit_together(res: Resources) -> None:
    assert check_stages(DEFAULT_STAGES, res) == []


def test_a_stage_before_what_it_reads_is_refused() -> None:
    by = {s.name: s for s in DEFAULT_STAGES}
    order = [s for s in DEFAULT_STAGES if s.name != "merge"]
    order.insert(order.index(by["events"]), by["merge"])  # merge before any mention exists
    problems = check_stages(order)
    assert any("'merge' reads 'mentions'" in p for p in problems)


def test_two_owners_of_one_field_are_refused() -> None:
    rogue = Stage("rogue", lambda w, r: None, "sets status too", reads=("events",),
                  writes=("events.status",))
    problems = check_stages([*DEFAULT_STAGES, rogue])
    assert "'events.status' is written by both 'status' and 'rogue'" in problems


def test_a_missing_resource_is_named() -> None:
    class Bare:
        gazetteer = None

    problems = check_stages(DEFAULT_STAGES, Bare())
    assert "stage 'dateline' needs the resource 'gazetteer'" in problems


def test_docs_design_shows_the_declared_stages() -> None:
    """docs/DESIGN.md's stage table is generated from the declarations
    (scripts/stage_table.py); this keeps it from going stale."""
    assert stage_table(DEFAULT_STAGES) in DESIGN.read_text(encoding="utf-8")


# -- a stand-in chosen in settings --------------------------------------------------------------


def _fixed_outcome(work: Work, res: Resources) -> None:
    for ev in work.events:
        ev.outcome = Outcome(dead=99)


FIXED_OUTCOME = Stage("outcome", _fixed_outcome, "a stand-in that writes a fixed toll",
                      reads=("events",), writes=("events.outcome",),
                      implementation="test stand-in")
NO_OUTCOME = Stage("outcome", _fixed_outcome, "writes nothing it should", reads=("events",),
                   implementation="broken stand-in")


def test_settings_choose_a_stand_in_for_a_stage() -> None:
    settings = Settings(db_url="sqlite://",
                        stages=(("outcome", f"{__name__}:FIXED_OUTCOME"),))
    stages = build_stages(settings)
    assert [s.name for s in stages] == [s.name for s in DEFAULT_STAGES]
    assert next(s for s in stages if s.name == "outcome") is FIXED_OUTCOME


def test_a_stand_in_must_write_what_the_stage_wrote() -> None:
    with pytest.raises(ConfigError, match=r"does not write events\.outcome"):
        build_stages(Settings(db_url="sqlite://", stages=(("outcome", f"{__name__}:NO_OUTCOME"),)))
    with pytest.raises(ConfigError, match="no stage named 'nowhere'"):
        build_stages(Settings(db_url="sqlite://",
                              stages=(("nowhere", f"{__name__}:FIXED_OUTCOME"),)))
    with pytest.raises(ConfigError, match="cannot be loaded"):
        build_stages(Settings(db_url="sqlite://", stages=(("outcome", "no.such.module:X"),)))


def test_stage_swaps_come_from_the_environment() -> None:
    got = load_settings({"EVENTWIRE_STAGES": f"outcome={__name__}:FIXED_OUTCOME"})
    assert got.stages == (("outcome", f"{__name__}:FIXED_OUTCOME"),)
    with pytest.raises(ConfigError, match=r"expected NAME=package\.module:ATTRIBUTE"):
        parse_stage_swaps("outcome")


@pytest.mark.model
def test_the_stand_in_runs_in_place_of_the_stage(pipeline: Pipeline, res: Resources) -> None:
    swapped = Pipeline(Settings(db_url="sqlite://",
                                stages=(("outcome", f"{__name__}:FIXED_OUTCOME"),)),
                       nlp=pipeline.nlp, resources=res)
    record = swapped.extract(make_article("Gunmen shot a shopkeeper in Lagos on Monday.",
                                          published="2026-03-04"))
    assert record.events and all(e.outcome == Outcome(dead=99) for e in record.events)


# -- one article breaks a stage -----------------------------------------------------------------


def _explode_on_boom(work: Work, res: Resources) -> None:
    if "BOOM" in work.article.text:
        raise ValueError("cannot read this one")


EXPLODING = Stage("fragile", _explode_on_boom, "fails on one article", reads=("article",))


def _tiny_pipeline(res: Resources) -> Pipeline:
    nlp = spacy.blank("en")
    return Pipeline(Settings(db_url="sqlite://", batch_size=2), nlp=nlp, resources=res,
                    stages=[replace(EXPLODING)])


def test_a_failing_article_is_isolated_and_the_stage_named(res: Resources) -> None:
    texts = ["first", "second", "third BOOM", "fourth", "fifth"]
    articles = [make_article(t) for t in texts]
    failures: list[tuple[Article, StageError]] = []
    records = list(_tiny_pipeline(res).pipe(articles,
                                            on_error=lambda a, e: failures.append((a, e))))
    assert [r.article.text for r in records] == ["first", "second", "fourth", "fifth"]
    [(article, err)] = failures
    assert article.text == "third BOOM"
    assert err.stage == "fragile" and isinstance(err.cause, ValueError)
    assert str(err) == "stage 'fragile' failed: ValueError: cannot read this one"


def test_without_a_callback_the_failure_is_raised(res: Resources) -> None:
    with pytest.raises(StageError, match="stage 'fragile' failed"):
        _tiny_pipeline(res).extract(make_article("BOOM"))
