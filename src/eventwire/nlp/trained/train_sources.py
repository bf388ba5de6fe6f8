"""Train the attribution stage's speaker ranker (``source_ranker.py``) on PolNeAR's train
split, for the tagger and cue classifier whose weights are in ``weights`` (the shipped
ones by default).

    eventwire train attribution-sources ../shared/train/polnear [--weights DIR] [--out DIR]

The pipeline reads every article of the split's nine tenths (the tenth
``train_attribution.held_out`` sets aside is never read: it chooses ``keep``) with the
rules choosing each speaker, and records each kept cue's candidate speakers and their
features (``attribution_model.SOURCE_RECORD``). A candidate's label is graded (``label``):
1 when it is exactly the gold source of a gold attribution whose cue shares a character
with the cue, 0.5 when it shares a character with one, else 0; a cue that is no gold cue
is judged by the phrase alone (is it a gold source of the article). The logistic
regression is fitted from zero weights by full-batch gradient descent: the same split
and weights give the same ``sources.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from .attribution import WEIGHTS_DIR
from .source_ranker import N_FEATURES, SOURCES_FILE, SourceRanker, fit

Say = Callable[[str], None]

# the least probability at which the best candidate is the cue's speaker: chosen on the
# held-out tenth of the train split (docs/EVALUATION.md, round 10)
KEEP = 0.4

Segs = tuple[tuple[int, int], ...]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def label(text: str, cue: tuple[int, int], cand: tuple[int, int],
          gold: list[tuple[tuple[Segs, ...], Segs | None]]) -> float:
    """How right ``cand`` is as the speaker of ``cue``: for a cue that shares a character
    with a gold cue, 1 when ``cand`` is exactly the source of such a gold attribution,
    0.5 when it shares a character with one, else 0. A cue the annotators did not mark
    (the statement is wrong whoever speaks) is judged by the phrase alone, as PolNeAR's
    source measure judges it: 1 when it is exactly a gold source of the article, 0.5 when
    it shares a character with one."""
    a, b = _trim(text, *cand)
    on_gold = [(cues, source) for cues, source in gold
               if any(s < cue[1] and cue[0] < e for c in cues for s, e in c)]
    best = 0.0
    for _cues, source in on_gold or gold:
        if source is None:
            continue
        if source == ((a, b),):
            return 1.0
        if any(s < b and a < e for s, e in source):
            best = 0.5
    return best


def record_candidates(data: str | Path, weights: str | Path = WEIGHTS_DIR, held: bool = False,
                      say: Say = print) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, graded labels and the cue each row belongs to (a running number), of the
    candidate speakers of the train split's nine tenths (``held``: of the held-out tenth)."""
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
    stage.SOURCE_RECORD = []
    try:
        for _ in pipe.pipe(articles(docs)):
            pass
        got = stage.SOURCE_RECORD
    finally:
        stage.SOURCE_RECORD = None
    gold: dict[str, list[tuple[tuple[Segs, ...], Segs | None]]] = {}
    for d in docs:
        gold.setdefault(d.text, []).extend((a.cues, a.source) for a in d.attributions)
    rows: list[np.ndarray] = []
    y: list[float] = []
    group: list[int] = []
    for g, (text, cue, cands, X) in enumerate(got):
        rows.append(X)
        y.extend(label(text, cue, c, gold.get(text, [])) for c in cands)
        group.extend([g] * len(cands))
    X_all = np.vstack(rows) if rows else np.zeros((0, N_FEATURES))
    y_all = np.asarray(y, dtype="float64")
    say(f"{len(got)} cues, {len(y_all)} candidates: {int((y_all == 1).sum())} exact sources, "
        f"{int((y_all == 0.5).sum())} in part")
    return X_all, y_all, np.asarray(group, dtype="int64")


def train_sources(data: str | Path, weights: str | Path = WEIGHTS_DIR,
                  out: str | Path | None = None, keep: float = KEEP,
                  say: Say = print) -> SourceRanker:
    X, y, _group = record_candidates(data, weights, say=say)
    model = fit(X, y, meta={"keep": keep, "candidates": len(y), "sources": int((y == 1).sum())})
    say(f"train accuracy {float(((model.probs(X) >= 0.5) == (y >= 0.5)).mean()):.4f}")
    path = Path(out or weights) / SOURCES_FILE
    model.save(path)
    say(f"wrote {path}")
    return model


__all__ = ["KEEP", "label", "record_candidates", "train_sources"]
