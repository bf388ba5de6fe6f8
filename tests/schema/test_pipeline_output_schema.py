"""Every record the real pipeline makes from the fixture articles obeys the schema, and
every span in it slices article.text exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import ModelNotInstalled
from eventwire.model import make_article, to_dict
from eventwire.schema import RecordValidator, check_offsets

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("*.txt"))


@pytest.mark.model
def test_pipeline_records_validate_and_slice_exactly() -> None:
    if not FIXTURES:
        pytest.skip("no tests/fixtures/*.txt articles present")
    from eventwire.nlp.pipeline import Pipeline

    try:
        pipeline = Pipeline(Settings(db_url="sqlite://"))
    except ModelNotInstalled as err:
        pytest.skip(str(err))
    validator = RecordValidator()
    articles = [make_article(p.read_text(encoding="utf-8"), published="2026-03-10")
                for p in FIXTURES]
    problems: list[str] = []
    n_spans_checked = 0
    for path, record in zip(FIXTURES, pipeline.pipe(articles), strict=True):
        d = to_dict(record)
        problems += [f"{path.name}: {e}" for e in validator.errors(d)]
        problems += [f"{path.name}: {e}" for e in check_offsets(d)]
        n_spans_checked += len(d["events"]) + len(d["entities"]) + len(d["statements"])
    assert problems == []
    assert n_spans_checked > 0  # the fixtures are news: the pipeline found something
