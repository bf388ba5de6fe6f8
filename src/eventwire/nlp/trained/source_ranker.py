"""The attribution stage's speaker choice: each kept cue's source ranked among candidates.

Round 6's rules pick a cue's speaker in a fixed order (a tagged source its syntax links,
else the speaker its syntax names, else the nearest tagged source of its paragraph). Here
every candidate is scored instead: the tagged source spans of the cue's paragraph, the
speaker its syntax names (``_syntactic_source``: its subject, a passive's agent, the
object of "according to", the subject a participle inherits) and the rules' own choice
among them. Each candidate's features (``source_features``) are read off the parse and
what the stage already holds: is it tagged, is it the syntactic speaker, is it what the
rules pick, where it stands from the cue (before, after, how far, which sentence, other
cues between), what its head word is (a pronoun, a relative pronoun, a name, a person or
an organisation, its dependency), whether it lies inside a quotation or a tagged content,
and how sure the stage is of the cue itself (the cue classifier's probability, the
tagger's). A logistic regression gives P(the candidate is the cue's source); the best
candidate is the speaker when that probability reaches ``keep`` (the ``meta`` of the
weights file, chosen on the held-out tenth of the train split), else the cue has none.

The weights are a few KB of JSON next to the tagger's (``sources.json``), trained by
``eventwire train attribution-sources`` (``train_sources``: full-batch gradient descent
from zero, no randomness). Without the file the rules choose, as before.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

SOURCES_FILE = "sources.json"
FORMAT = 1

_DEP = ("nsubj", "nsubjpass", "pobj", "poss", "dobj", "appos", "conj", "ROOT")
_ORG = frozenset({"ORG", "NORP", "GPE"})

NAMES: tuple[str, ...] = (
    "tagged", "syntactic", "rule_pick", "subject",
    "before", "gap", "adjacent", "nearest", "same_sent", "prev_sent", "other_sent",
    "cues_between", "subject_of_other",
    "root_pron", "root_first", "root_rel", "root_propn", "root_noun", "root_it",
    "ent_person", "ent_org",
    *(f"dep_{d}" for d in _DEP), "dep_other",
    "length", "one_word", "has_comma", "in_quotes", "in_content",
    "cue_p", "cue_p_mean", "cue_tagged", "cue_lexicon", "cue_according", "cue_colon",
    "cue_passive", "cue_has_subject", "n_candidates",
)
N_FEATURES = len(NAMES)
_I = {n: i for i, n in enumerate(NAMES)}

Range = tuple[int, int]


@dataclass(frozen=True)
class CueView:
    """What the stage knows of one kept cue when its speaker is chosen."""

    cue: Range
    head: Token
    p: float  # the cue classifier's probability (the tagger's mean where it has none)
    p_mean: float  # the tagger's mean probability of a cue over the span
    tagged: bool  # the tagger tagged it (not a candidate it left out)
    lexicon: bool  # the lexicon knows its head as a word of saying or stance
    bounds: Sequence[Range]  # per token, its sentence's (start, end)
    cues: Sequence[Range]  # the kept cues of the paragraph
    contents: Sequence[Range]  # the tagged contents of the paragraph
    quotes: np.ndarray  # per token of the doc: a quotation mark
    commas: np.ndarray  # per token of the doc: a comma


@dataclass(frozen=True)
class Candidate:
    """A candidate speaker of a cue: its token range and root, and how it came."""

    r: Range
    root: Token
    tagged: bool  # a source span the tagger tagged
    syntactic: bool  # the speaker the cue's syntax names
    rule_pick: bool  # the one round 6's rules choose
    subject: bool  # the cue's subject, a passive's agent, "according to"'s object
    subject_of_other: bool  # the subject (so linked) of another kept cue of the paragraph


def _gap(a: Range, b: Range) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def source_features(doc: Doc, view: CueView, cands: Sequence[Candidate]) -> np.ndarray:
    """One row of ``NAMES`` per candidate of ``view``'s cue."""
    cue = view.cue
    head = view.head
    s = view.bounds[head.i][0]
    gaps = [_gap(cue, c.r) for c in cands]
    near = min(gaps) if gaps else 0
    passive = has_subject = False
    for t in head.children:
        if t.dep_ == "auxpass":
            passive = True
        elif t.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            has_subject = True
    colon = cue[1] < len(doc) and doc[cue[1] - 1].text == ":"
    # what is known of the cue: the same on every row
    cue_part = {"cue_p": view.p, "cue_p_mean": view.p_mean, "cue_tagged": view.tagged,
                "cue_lexicon": view.lexicon,
                "cue_according": doc[cue[0]].lower_ == "according", "cue_colon": colon,
                "cue_passive": passive, "cue_has_subject": has_subject,
                "n_candidates": min(len(cands), 5) / 5}
    base = [0.0] * N_FEATURES
    for name, v in cue_part.items():
        base[_I[name]] = float(v)
    others = [r for r in view.cues if r != cue]
    rows: list[list[float]] = []
    for k, c in enumerate(cands):
        a, b = c.r
        root = c.root
        cs, ce = view.bounds[a]
        lo, hi = (b, cue[0]) if b <= cue[0] else (cue[1], a)
        between = sum(1 for r in others if lo <= r[0] < hi)
        lower, pos, dep, ent = root.lower_, root.pos_, root.dep_, root.ent_type_
        x = base.copy()
        for name, v in (
            ("tagged", c.tagged), ("syntactic", c.syntactic), ("rule_pick", c.rule_pick),
            ("subject", c.subject), ("subject_of_other", c.subject_of_other),
            ("before", b <= cue[0]), ("gap", min(gaps[k], 20) / 20),
            ("adjacent", gaps[k] <= 1), ("nearest", gaps[k] == near),
            ("same_sent", cs == s), ("prev_sent", ce == s),
            ("other_sent", cs != s and ce != s), ("cues_between", min(between, 3) / 3),
            ("root_pron", pos == "PRON"), ("root_first", lower in {"i", "we", "me", "us"}),
            ("root_rel", root.tag_ in {"WDT", "WP"}), ("root_propn", pos == "PROPN"),
            ("root_noun", pos == "NOUN"), ("root_it", lower in {"it", "this", "that"}),
            ("ent_person", ent == "PERSON"), ("ent_org", ent in _ORG),
            (f"dep_{dep}" if dep in _DEP else "dep_other", True),
            ("length", min(b - a, 10) / 10), ("one_word", b - a == 1),
            ("has_comma", bool(view.commas[a:b].any())),
            # inside a quotation: an odd number of quotation marks before it in its sentence
            ("in_quotes", int(view.quotes[cs:a].sum()) % 2 == 1),
            ("in_content", any(r[0] <= root.i < r[1] for r in view.contents)),
        ):
            x[_I[name]] = float(v)
        rows.append(x)
    return np.asarray(rows, dtype="float64").reshape(len(cands), N_FEATURES)


class SourceRanker:
    """A logistic regression over the standardised features: P(candidate is the source)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, w: np.ndarray, bias: float,
                 meta: dict[str, Any]) -> None:
        self.mean, self.scale, self.w, self.bias, self.meta = mean, scale, w, bias, meta
        self.keep = float(meta.get("keep", 0.5))
        # the standardisation folded into the weights: one product per candidate
        self._w = w / scale
        self._b = bias - float((mean / scale) @ w)

    def probs(self, X: np.ndarray) -> np.ndarray:
        z = X @ self._w + self._b
        return np.asarray(1.0 / (1.0 + np.exp(-z)))

    def choose(self, X: np.ndarray) -> int:
        """The index of the chosen candidate (the likeliest, the first of equals), or -1
        when none reaches ``keep``."""
        if not len(X):
            return -1
        p = self.probs(X)
        best = int(p.argmax())
        return best if p[best] >= self.keep else -1

    @classmethod
    def load(cls, path: Path | str) -> SourceRanker | None:
        path = Path(path)
        if not path.is_file():
            return None
        d = json.loads(path.read_text(encoding="utf-8"))
        if d.get("format") != FORMAT or tuple(d["names"]) != NAMES:
            raise ValueError(f"{path}: features {d['names']} differ from this code's")
        f = lambda k: np.asarray(d[k], dtype="float64")  # noqa: E731
        return cls(f("mean"), f("scale"), f("w"), float(d["bias"]), d["meta"])

    def save(self, path: Path | str) -> None:
        r = lambda a: [round(float(v), 6) for v in a]  # noqa: E731
        Path(path).write_text(json.dumps({
            "format": FORMAT, "names": list(NAMES), "mean": r(self.mean),
            "scale": r(self.scale), "w": r(self.w), "bias": round(self.bias, 6),
            "meta": self.meta,
        }, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, lr: float = 0.5,
        meta: dict[str, Any] | None = None) -> SourceRanker:
    """Logistic regression by full-batch gradient descent from zero weights (no
    randomness: the same data give the same weights). ``y`` may be graded (1 the source
    exactly, 0.5 a part of it or more, 0 another phrase): cross-entropy takes soft labels."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    Z = (X - mean) / scale
    n, d = Z.shape
    w = np.zeros(d)
    m = float(np.clip(y.mean(), 1e-6, 1 - 1e-6))
    bias = math.log(m / (1 - m))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(Z @ w + bias)))
        g = p - y
        w -= lr * (Z.T @ g / n + l2 * w)
        bias -= lr * float(g.mean())
    return SourceRanker(mean, scale, w, bias, dict(meta or {}))


__all__ = ["FORMAT", "NAMES", "SOURCES_FILE", "Candidate", "CueView", "SourceRanker", "fit",
           "source_features"]
