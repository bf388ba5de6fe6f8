"""The real loaders over ../shared/eval/dev (loading only, a few docs each)."""

from pathlib import Path

import pytest

from eventwire.evaluate.registry import REGISTRY

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"

pytestmark = pytest.mark.shared


@pytest.mark.parametrize("dataset", REGISTRY, ids=lambda d: d.name)
def test_real_loader_reads_a_few_docs(dataset) -> None:  # type: ignore[no-untyped-def]
    if not DEV.is_dir():
        pytest.skip(f"../shared/eval/dev not present: gold sets are read from {DEV}")
    path = dataset.locate(DEV)
    if path is None:
        pytest.skip(f"{dataset.name}: folder not present under {DEV}")
    docs = dataset.load(path, 3)
    assert 1 <= len(docs) <= 3
    assert all(getattr(d, "text", "") for d in docs)
