"""Train the attribution stage's cue classifier (``cue_classifier.py``) on PolNeAR's train
split, for the tagger whose weights are in ``weights`` (the shipped ones by default).

    eventwire train attribution-cues ../shared/train/polnear [--weights DIR]

The pipeline reads every article of the split's nine tenths (the tenth
``train_attribution.held_out`` sets aside is never read: it chooses the thresholds) with
the tagger's cues kept as tagged, and records each candidate cue and its features
(``attribution_model.RECORD``). A candidate is a cue when it shares a character with a
gold cue (``cue_f1``'s match). The logistic regression is fitted from zero weights by
full-batch gradient descent: the same split and weights give the same ``cues.json``. The
thresholds (``keep_tagged``, ``keep_added``) are written as given; they were chosen on
the held-out tenth (``scripts/attribution_heldout.py``, docs/EVALUATION.md, round 9).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from .attribution import WEIGHTS_DIR
from .cue_classifier import CUES_FILE, CueClassifier, fit

Say = Callable[[str], None]

# chosen on the held-out tenth of the train split (docs/EVALUATION.md, round 9)
KEEP_TAGGED = 0.3
KEEP_ADDED = 0.5


def record_candidates(data: str | Path, weights: str | Path = WEIGHTS_DIR, held: bool = False,
                      say: Say = print) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                 np.ndarray]:
    """Features, lemma buckets, labels and tagged flags of the candidate cues of the
    train split's nine tenths (``held``: of the held-out tenth instead)."""
    from ...config import load_settings
    from ...evaluate.polnear import articles, load_polnear
    from ..pipeline import Pipeline
    from ..stage import replace_stages
    from ..stages import DEFAULT_STAGES
    from ..stages import attribution_model as stage
    from .train_attribution import held_out

    docs = [d for d in load_polnear(str(data), split="train") if held_out(d.id) == held]
    say(f"{len(docs)} articles")
    pipe = Pipeline(load_settings(), stages=replace_stages(
        DEFAULT_STAGES, {"attribution": stage.make_stage(weights)}))
    stage.RECORD = []
    try:
        for _ in pipe.pipe(articles(docs)):
            pass
        got = stage.RECORD
    finally:
        stage.RECORD = None
    gold: dict[str, list[tuple[int, int]]] = {}
    for d in docs:
        gold.setdefault(d.text, []).extend(
            seg for a in d.attributions for c in a.cues for seg in c)
    X = np.asarray([x for _t, _a, _b, x, _k, _g in got], dtype="float64")
    buckets = np.asarray([k for *_r, k, _g in got], dtype="int64")
    tagged = np.asarray([g for *_r, g in got], dtype=bool)
    # a candidate the tagger left out is a cue only where no tagged cue already holds the
    # same gold cue ("took [aim] at" beside a tagged "took": a second cue for one gold cue
    # is a false one)
    tagged_at: dict[str, list[tuple[int, int]]] = {}
    for t, a, b, _x, _k, g in got:
        if g:
            tagged_at.setdefault(t, []).append((a, b))

    def is_cue(t: str, a: int, b: int, g: bool) -> bool:
        for s, e in gold.get(t, ()):
            if s < b and a < e and (g or not any(
                    s < tb and ta < e for ta, tb in tagged_at.get(t, ()))):
                return True
        return False

    y = np.asarray([is_cue(t, a, b, g) for t, a, b, _x, _k, g in got], dtype="float64")
    say(f"{len(y)} candidates ({int(tagged.sum())} tagged), {int(y.sum())} cues; "
        f"tagged: {int(y[tagged].sum())} cues, added: {int(y[~tagged].sum())} cues")
    return X, buckets, y, tagged


def train_cues(data: str | Path, weights: str | Path = WEIGHTS_DIR, out: str | Path | None = None,
               say: Say = print) -> CueClassifier:
    X, buckets, y, _tagged = record_candidates(data, weights, say=say)
    model = fit(X, buckets, y, meta={"keep_tagged": KEEP_TAGGED, "keep_added": KEEP_ADDED,
                                     "candidates": len(y), "cues": int(y.sum())})
    p = 1.0 / (1.0 + np.exp(-(((X - model.mean) / model.scale) @ model.w
                              + model.w_lemma[buckets] + model.bias)))
    say(f"train accuracy {float(((p >= 0.5) == (y > 0)).mean()):.4f}")
    path = Path(out or weights) / CUES_FILE
    model.save(path)
    say(f"wrote {path}")
    return model


__all__ = ["KEEP_ADDED", "KEEP_TAGGED", "record_candidates", "train_cues"]
