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
from operator import mul
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
    # what the phrase itself shows, whatever the cue (``phrase_part``), when already read
    # for another cue of its paragraph; None: read here
    part: tuple[tuple[int, float], ...] | None = None


def range_gap(a: Range, b: Range) -> int:
    """Tokens between two token ranges (0 when they touch or overlap)."""
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


# the features' columns, looked up once
(_TAGGED, _SYNTACTIC, _RULE_PICK, _SUBJECT, _BEFORE, _GAP, _ADJACENT, _NEAREST, _SAME_SENT,
 _PREV_SENT, _OTHER_SENT, _CUES_BETWEEN, _SUBJECT_OF_OTHER) = (_I[n] for n in NAMES[:13])
_DEP_COL = {d: _I[f"dep_{d}"] for d in _DEP}
_DEP_OTHER = _I["dep_other"]
_FIRST = frozenset({"i", "we", "me", "us"})
_IT = frozenset({"it", "this", "that"})


def phrase_part(root: Token, r: Range, bounds: Sequence[Range], quotes: np.ndarray,
                commas: np.ndarray, contents: Sequence[Range]) -> tuple[tuple[int, float], ...]:
    """The features a candidate phrase has whatever the cue (its head word, dependency,
    length, commas, quotation, a tagged content holding it), as (column, value) pairs of
    the non-zero ones: read once per phrase of a paragraph."""
    a, b = r
    lower, pos, dep, ent = root.lower_, root.pos_, root.dep_, root.ent_type_
    cs = bounds[a][0]
    i = root.i
    out: list[tuple[int, float]] = [(_DEP_COL.get(dep, _DEP_OTHER), 1.0),
                                    (_I["length"], min(b - a, 10) / 10)]
    for name, on in (
        ("root_pron", pos == "PRON"), ("root_first", lower in _FIRST),
        ("root_rel", root.tag_ in {"WDT", "WP"}), ("root_propn", pos == "PROPN"),
        ("root_noun", pos == "NOUN"), ("root_it", lower in _IT),
        ("ent_person", ent == "PERSON"), ("ent_org", ent in _ORG),
        ("one_word", b - a == 1), ("has_comma", bool(commas[a:b].any())),
        # inside a quotation: an odd number of quotation marks before it in its sentence
        ("in_quotes", int(quotes[cs:a].sum()) % 2 == 1),
        ("in_content", any(c[0] <= i < c[1] for c in contents)),
    ):
        if on:
            out.append((_I[name], 1.0))
    return tuple(out)


def source_rows(doc: Doc, view: CueView, cands: Sequence[Candidate]) -> list[list[float]]:
    """One row of ``NAMES`` per candidate of ``view``'s cue, as lists of floats."""
    cue = view.cue
    head = view.head
    bounds = view.bounds
    s = bounds[head.i][0]
    gaps = [range_gap(cue, c.r) for c in cands]
    near = min(gaps) if gaps else 0
    passive = has_subject = False
    for t in head.children:
        if t.dep_ == "auxpass":
            passive = True
        elif t.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            has_subject = True
    colon = cue[1] < len(doc) and doc[cue[1] - 1].text == ":"
    # what is known of the cue: the same on every row
    base = [0.0] * N_FEATURES
    for name, v in (("cue_p", view.p), ("cue_p_mean", view.p_mean),
                    ("cue_tagged", view.tagged), ("cue_lexicon", view.lexicon),
                    ("cue_according", doc[cue[0]].lower_ == "according"),
                    ("cue_colon", colon), ("cue_passive", passive),
                    ("cue_has_subject", has_subject),
                    ("n_candidates", min(len(cands), 5) / 5)):
        base[_I[name]] = float(v)
    others = [r for r in view.cues if r != cue]
    rows: list[list[float]] = []
    for c, g in zip(cands, gaps, strict=True):
        a, b = c.r
        cs, ce = bounds[a]
        before = b <= cue[0]
        lo, hi = (b, cue[0]) if before else (cue[1], a)
        x = base.copy()
        part = c.part if c.part is not None else phrase_part(
            c.root, c.r, bounds, view.quotes, view.commas, view.contents)
        for k, v in part:
            x[k] = v
        x[_TAGGED] = float(c.tagged)
        x[_SYNTACTIC] = float(c.syntactic)
        x[_RULE_PICK] = float(c.rule_pick)
        x[_SUBJECT] = float(c.subject)
        x[_SUBJECT_OF_OTHER] = float(c.subject_of_other)
        x[_BEFORE] = float(before)
        x[_GAP] = min(g, 20) / 20
        x[_ADJACENT] = float(g <= 1)
        x[_NEAREST] = float(g == near)
        x[_SAME_SENT] = float(cs == s)
        x[_PREV_SENT] = float(ce == s)
        x[_OTHER_SENT] = float(cs != s and ce != s)
        x[_CUES_BETWEEN] = min(sum(1 for r in others if lo <= r[0] < hi), 3) / 3
        rows.append(x)
    return rows


def source_features(doc: Doc, view: CueView, cands: Sequence[Candidate]) -> np.ndarray:
    """One row of ``NAMES`` per candidate of ``view``'s cue (``source_rows`` as an array)."""
    return np.asarray(source_rows(doc, view, cands), dtype="float64").reshape(
        len(cands), N_FEATURES)


class SourceRanker:
    """A logistic regression over the standardised features: P(candidate is the source)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, w: np.ndarray, bias: float,
                 meta: dict[str, Any]) -> None:
        self.mean, self.scale, self.w, self.bias, self.meta = mean, scale, w, bias, meta
        self.keep = float(meta.get("keep", 0.5))
        # the standardisation folded into the weights: one product per candidate
        self._w = w / scale
        self._b = bias - float((mean / scale) @ w)
        self._wl = self._w.tolist()  # for ``choose_rows``: a few rows, no array made


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

    def choose_rows(self, rows: Sequence[Sequence[float]]) -> int:
        """``choose`` over rows as lists (``source_rows``): the few candidates of one cue
        scored in plain Python, cheaper than making an array for them."""
        best, best_p = -1, -1.0
        wl, b = self._wl, self._b
        for k, x in enumerate(rows):
            z = b + sum(map(mul, x, wl))
            # compared as probabilities, as ``choose`` does (the first of equals wins)
            p = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
            if p > best_p:
                best, best_p = k, p
        return best if best >= 0 and best_p >= self.keep else -1

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
           "phrase_part", "source_features", "source_rows"]
