"""The clustering benchmark's generator and quality measure, on a small run."""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ is a folder at the repo root, not an installed package: put the root on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.cluster_bench import generate, main, quality


def test_generator_is_deterministic_and_sized():
    a, gold_a = generate(300, 3)
    b, gold_b = generate(300, 3)
    assert len(a) == 300 and a == b and gold_a == gold_b


def test_quality_measure_on_known_clusterings():
    gold = {"a": 1, "b": 1, "c": 2}
    assert quality({"a": "x", "b": "x", "c": "y"}, gold)["b3_f1"] == 1.0
    merged = quality({"a": "x", "b": "x", "c": "x"}, gold)
    assert merged["pair_r"] == 1.0 and merged["pair_p"] < 0.5


def test_small_run_prints_figures(capsys):
    out = main(["--n", "400", "--seed", "1"])
    assert out["reports"] == 400 and out["b3_f1"] > 0.8
    assert "peak_rss_mb" in capsys.readouterr().out
