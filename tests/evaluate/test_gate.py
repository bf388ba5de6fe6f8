"""The gate: floors, hashes, missing results; and the registry runners on fixtures."""

import json
from pathlib import Path

import pytest

from eventwire.evaluate.base import Dataset, EvalError, EvalResult
from eventwire.evaluate.gate import check_gate, dataset_hash, main, with_hashes
from eventwire.evaluate.registry import (
    CORE,
    EMPTY_EXTRACTOR,
    REGISTRY,
    get_dataset,
    run_all,
    run_eval,
)

FIX = Path(__file__).parent / "fixtures"


def _toy(tmp_path: Path) -> tuple[Path, list[Dataset]]:
    data = tmp_path / "dev"
    (data / "toy" / "sub").mkdir(parents=True)
    (data / "toy" / "a.txt").write_text("alpha")
    (data / "toy" / "sub" / "b.txt").write_text("beta")
    ds = Dataset("toy", "toy", lambda p, n: [], lambda d, e: EvalResult("toy", 0, {}), ("f1",))
    return data, [ds]


def test_hash_changes_with_content_and_names(tmp_path: Path) -> None:
    data, _ = _toy(tmp_path)
    h = dataset_hash(data / "toy")
    assert h == dataset_hash(data / "toy")
    (data / "toy" / "a.txt").write_text("alpha!")
    h2 = dataset_hash(data / "toy")
    assert h2 != h
    (data / "toy" / "a.txt").rename(data / "toy" / "c.txt")
    assert dataset_hash(data / "toy") != h2


def test_gate_passes_and_fails(tmp_path: Path) -> None:
    data, datasets = _toy(tmp_path)
    base = with_hashes({"datasets": {}}, data, datasets)
    assert base["datasets"]["toy"]["floors"] == {"f1": 0.0}
    base["datasets"]["toy"]["floors"]["f1"] = 0.5
    good = [EvalResult("toy", 3, {"f1": 0.5})]
    assert check_gate(good, base, data, datasets) == []
    low = check_gate([EvalResult("toy", 3, {"f1": 0.49})], base, data, datasets)
    assert low == ["toy: f1 = 0.4900 below floor 0.5000"]
    missing = check_gate([EvalResult("toy", 3, {})], base, data, datasets)
    assert missing == ["toy: metric f1 missing"]
    assert check_gate([], base, data, datasets) == ["toy: not evaluated"]
    (data / "toy" / "sub" / "b.txt").write_text("edited")
    assert any("gold data changed" in f for f in check_gate(good, base, data, datasets))


def test_gate_reports_missing_data(tmp_path: Path) -> None:
    base = {"datasets": {"toy": {"sha256": "x", "floors": {}}}}
    assert check_gate([], base, tmp_path, []) == [f"toy: gold data not found under {tmp_path}"]


def test_with_hashes_keeps_raised_floors(tmp_path: Path) -> None:
    data, datasets = _toy(tmp_path)
    base = {"datasets": {"toy": {"sha256": "old", "floors": {"f1": 0.3}}}}
    out = with_hashes(base, data, datasets)
    assert out["datasets"]["toy"]["floors"] == {"f1": 0.3}
    assert out["datasets"]["toy"]["sha256"] == dataset_hash(data / "toy")


def test_main_write_hashes(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert main([str(FIX), "--baseline", str(baseline), "--write-hashes"]) == 0
    written = json.loads(baseline.read_text())["datasets"]
    assert {"muc4", "polnear", "seed", "ecbplus"} <= set(written)
    assert written["muc4"]["floors"] == dict.fromkeys(get_dataset("muc4").metrics, 0.0)


def test_run_all_on_fixtures_reports_declared_metrics() -> None:
    results = run_all(FIX, EMPTY_EXTRACTOR, datasets=CORE)
    assert [r.dataset for r in results] == [d.name for d in CORE]
    for ds, res in zip(CORE, results, strict=True):
        assert set(ds.metrics) <= set(res.metrics), ds.name
        assert res.n_docs >= 1
        assert res.error is None
        assert {"dataset", "n_docs", "metrics"} <= set(res.to_dict()) <= {
            "dataset", "n_docs", "metrics", "details"}


def test_run_eval_and_unknown_names() -> None:
    res = run_eval("case2021", FIX / "case2021", EMPTY_EXTRACTOR, limit=2)
    assert res.n_docs == 2
    with pytest.raises(EvalError):
        get_dataset("nope")
    with pytest.raises(EvalError):
        run_eval("case2021", FIX / "absent", EMPTY_EXTRACTOR)


def test_registry_names_unique() -> None:
    names = [d.name for d in REGISTRY]
    assert len(names) == len(set(names))
