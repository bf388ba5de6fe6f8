"""The second stage of the attribution tagger: a cue decided per candidate.

The tagger tags cue spans token by token; many of PolNeAR's cues it never tags (the long
tail of stance cues), and some it tags are no cues. As in Citron (BBC, PARC 3.0), which
decides cues with a classifier over candidate words, each candidate is kept or dropped
by a small logistic regression: the tagger's cue spans and the words the rules and the
lexicon propose that the tagger left out (a verb of saying or stance with a clause or a
quotation, "according to", a reporting noun before a colon or a clause).

Its features (``cue_features``) are read off the parse and the tagger's output the stage
already has: the tagger's probability of a cue over the span, the rules' vote, the
lexicon's class of the head word, its part of speech and dependency, whether it governs a
clause, who its subject is, quotation marks in the sentence, where the tagger put
sources and contents, and the head's lemma hashed into a few buckets. The weights are a
few KB of JSON next to the tagger's (``cues.json``), trained by ``eventwire train
attribution-cues`` (``train_cues``: full-batch gradient descent, no randomness) on the
candidates of the train split's nine tenths; inference is one dot product per candidate.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import ORTH  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

CUES_FILE = "cues.json"
# A candidate the tagger left out and gives less than this probability of a cue is never
# kept at the shipped thresholds (not one of the 37,000 candidates of the train split,
# held-out tenth included, scored 0.34 or more): it is skipped before its features are read
MIN_ADDED_PROB = 0.1
# A tagged cue on which the tagger's mean probability of a cue is this or more is always
# kept at the shipped thresholds (none of the 8,295 such candidates of the train split,
# held-out tenth included, scored under 0.46): it is kept without reading its features
SURE_TAGGED_PROB = 0.9
LEMMA_BUCKETS = 1024

# the lexicon's classes of a cue word (``LexClasses.of``; "stance_verb": ``stance_verbs``)
_LEX = ("rep", "comm", "speech", "stance", "hedge", "according", "stance_verb")
_POS = ("VERB", "NOUN", "ADJ", "AUX")
_DEP = ("ROOT", "ccomp", "conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "pobj", "amod",
        "parataxis", "compound", "dobj", "nsubj")
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_QUOTES = frozenset({'"', "“", "”", "``", "''", "‘", "’"})

NAMES: tuple[str, ...] = (
    "tagged", "rule", "p_mean", "p_max", "p_low", "lexicon_bias",
    *(f"lex_{x}" for x in _LEX), "lex_none",
    *(f"pos_{x}" for x in _POS), "pos_other",
    *(f"dep_{x}" for x in _DEP), "dep_other",
    "has_ccomp", "has_xcomp", "has_dobj", "ccomp_that", "has_neg", "has_aux",
    "colon_after", "to_after", "passive", "agent",
    "subj", "subj_pron", "subj_first", "subj_person", "subj_org", "subj_propn", "subj_noun",
    "obj_person", "prep_child",
    "quote_in_sent", "quote_adjacent", "sent_position", "sent_start",
    "src_subject", "src_in_sent", "content_governed", "content_in_sent", "content_next",
    "in_content", "in_quotes", "cues_in_sent",
    "span_len", "one_word",
)
N_DENSE = len(NAMES)
_I = {n: i for i, n in enumerate(NAMES)}


@dataclass(frozen=True)
class Context:
    """What the stage knows around a candidate cue: the tagger's per-token probability of
    a cue (doc-length array, 0 where it did not read), the rules' cue tokens, the
    sentence bounds per token, the tagged source and content ranges of the paragraph."""

    probs: np.ndarray
    rule_cues: frozenset[int]
    bounds: Sequence[tuple[int, int]]
    sources: Sequence[tuple[int, int]]
    source_subject: bool  # is a tagged source the cue's subject
    contents: Sequence[tuple[int, int]]
    content_governed: bool
    cues: Sequence[tuple[int, int]]  # the tagger's cues of the paragraph
    quotes: np.ndarray  # per token of the doc: a quotation mark (``quote_marks``)
    commas: np.ndarray  # per token of the doc: a comma


def quote_marks(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """Per token: is it a quotation mark, is it a comma (read off the word ids, no Token
    made)."""
    orth = doc.to_array(ORTH)
    quotes = np.zeros(len(orth), dtype=bool)
    for q in _QUOTES:
        quotes |= orth == doc.vocab.strings[q]
    return quotes, orth == doc.vocab.strings[","]


def lemma_bucket(lemma: str) -> int:
    return zlib.crc32(lemma.encode("utf-8")) % LEMMA_BUCKETS


def cue_features(doc: Doc, cue: tuple[int, int], head: Token, lex_class: str, tagged: bool,
                 ctx: Context) -> np.ndarray:
    """The dense features of candidate ``cue`` (token range) whose reporting word is
    ``head``; ``lex_class``: the lexicon's class of it (``LexClasses.of`` with
    "stance_verb" for the stance verbs), "" when none."""
    x = [0.0] * N_DENSE
    a, b = cue
    p = ctx.probs[a:b].tolist()
    x[_I["tagged"]] = float(tagged)
    x[_I["rule"]] = float(any(i in ctx.rule_cues for i in range(a, b)))
    if p:
        x[_I["p_mean"]] = float(sum(p) / len(p))
        x[_I["p_max"]] = float(max(p))
        x[_I["p_low"]] = float(max(p) < 0.1)
    kind = lex_class.split(":", 1)[0]
    x[_I["lexicon_bias"]] = float(bool(kind))
    x[_I[f"lex_{kind}" if kind in _LEX else "lex_none"]] = 1.0
    x[_I[f"pos_{head.pos_}" if head.pos_ in _POS else "pos_other"]] = 1.0
    x[_I[f"dep_{head.dep_}" if head.dep_ in _DEP else "dep_other"]] = 1.0
    subj: Token | None = None
    for c in head.children:
        dep = c.dep_
        if dep == "ccomp":
            x[_I["has_ccomp"]] = float(True)
            if any(m.dep_ == "mark" for m in c.children):
                x[_I["ccomp_that"]] = float(True)
        elif dep == "xcomp":
            x[_I["has_xcomp"]] = float(True)
        elif dep in {"dobj", "dative"}:
            x[_I["has_dobj"]] = float(True)
            if c.ent_type_ in {"PERSON", "ORG", "NORP"} or c.pos_ == "PRON":
                x[_I["obj_person"]] = float(True)
        elif dep == "prep":
            x[_I["prep_child"]] = float(True)
        elif dep == "neg":
            x[_I["has_neg"]] = float(True)
        elif dep in {"aux", "auxpass"}:
            x[_I["has_aux"]] = float(True)
            if dep == "auxpass":
                x[_I["passive"]] = float(True)
        elif dep == "agent":
            x[_I["agent"]] = float(True)
        elif dep in _SUBJ and subj is None:
            subj = c
    if subj is None and head.dep_ in {"xcomp", "advcl", "conj", "acl"}:
        # an infinitive or participle speaks for the subject of the verb it hangs from
        subj = next((c for c in head.head.children if c.dep_ in _SUBJ), None)
    if subj is not None:
        x[_I["subj"]] = float(True)
        x[_I["subj_pron"]] = float(subj.pos_ == "PRON")
        x[_I["subj_first"]] = float(subj.lower_ in {"i", "we"})
        x[_I["subj_person"]] = float(subj.ent_type_ == "PERSON")
        x[_I["subj_org"]] = float(subj.ent_type_ in {"ORG", "NORP", "GPE"})
        x[_I["subj_propn"]] = float(subj.pos_ == "PROPN")
        x[_I["subj_noun"]] = float(subj.pos_ == "NOUN")
    if b < len(doc):
        nxt = doc[b].text
        x[_I["colon_after"]] = float(nxt == ":")
        x[_I["to_after"]] = float(doc[b].lower_ == "to")
    s, e = ctx.bounds[head.i]
    quotes = ctx.quotes
    x[_I["quote_in_sent"]] = float(bool(quotes[s:e].any()))
    lo, hi = max(s, a - 2), min(e, b + 2)
    x[_I["quote_adjacent"]] = float(bool(quotes[lo:hi].any() or ctx.commas[lo:hi].any()))
    x[_I["sent_position"]] = float((head.i - s) / max(1, e - s))
    x[_I["sent_start"]] = float(head.i - s <= 1)
    x[_I["src_subject"]] = float(ctx.source_subject)
    x[_I["src_in_sent"]] = float(any(s <= r[0] < e for r in ctx.sources))
    x[_I["content_governed"]] = float(ctx.content_governed)
    x[_I["content_in_sent"]] = float(any(s <= r[0] < e for r in ctx.contents))
    x[_I["content_next"]] = float(any(0 <= r[0] - b <= 2 or 0 <= a - r[1] <= 2
                                      for r in ctx.contents))
    x[_I["in_content"]] = float(any(r[0] <= head.i < r[1] for r in ctx.contents))
    # inside a quotation: an odd number of quotation marks before it in its sentence
    x[_I["in_quotes"]] = float(int(quotes[s : head.i].sum()) % 2 == 1)
    others = sum(1 for r in ctx.cues if s <= r[0] < e and r != cue)
    x[_I["cues_in_sent"]] = min(3, others) / 3
    x[_I["span_len"]] = float(min(b - a, 5) / 5)
    x[_I["one_word"]] = float(b - a == 1)
    return np.asarray(x, dtype="float64")




class CueClassifier:
    """A logistic regression over the dense features (standardised) and the head lemma's
    bucket: P(the candidate is a cue)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, w: np.ndarray, w_lemma: np.ndarray,
                 bias: float, meta: dict[str, Any]) -> None:
        self.mean, self.scale, self.w, self.w_lemma, self.bias = mean, scale, w, w_lemma, bias
        self.meta = meta
        self.keep_tagged = float(meta.get("keep_tagged", 0.5))
        self.keep_added = float(meta.get("keep_added", 0.5))
        # the standardisation folded into the weights: one dot product per candidate
        self._w = (w / scale).tolist()
        self._b = bias - float((mean / scale) @ w)
        self._wl = w_lemma.tolist()

    def prob(self, x: np.ndarray, bucket: int) -> float:
        z = sum(a * b for a, b in zip(x.tolist(), self._w, strict=True))
        return 1.0 / (1.0 + math.exp(-(z + self._wl[bucket] + self._b)))

    def keeps(self, x: np.ndarray, bucket: int, tagged: bool) -> bool:
        return self.prob(x, bucket) >= (self.keep_tagged if tagged else self.keep_added)

    @classmethod
    def load(cls, path: Path | str) -> CueClassifier | None:
        path = Path(path)
        if not path.is_file():
            return None
        d = json.loads(path.read_text(encoding="utf-8"))
        if tuple(d["names"]) != NAMES:
            raise ValueError(f"{path}: features {d['names']} differ from this code's")
        f = lambda k: np.asarray(d[k], dtype="float64")  # noqa: E731
        return cls(f("mean"), f("scale"), f("w"), f("w_lemma"), float(d["bias"]), d["meta"])

    def save(self, path: Path | str) -> None:
        r = lambda a: [round(float(v), 6) for v in a]  # noqa: E731
        Path(path).write_text(json.dumps({
            "names": list(NAMES), "mean": r(self.mean), "scale": r(self.scale), "w": r(self.w),
            "w_lemma": r(self.w_lemma), "bias": round(self.bias, 6), "meta": self.meta,
        }, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def fit(X: np.ndarray, buckets: np.ndarray, y: np.ndarray, l2: float = 1e-3,
        steps: int = 3000, lr: float = 0.5, meta: dict[str, Any] | None = None) -> CueClassifier:
    """Logistic regression by full-batch gradient descent from zero weights (no
    randomness: the same data give the same weights)."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    Z = (X - mean) / scale
    n, d = Z.shape
    w = np.zeros(d)
    wl = np.zeros(LEMMA_BUCKETS)
    bias = float(np.log(max(y.mean(), 1e-6) / max(1 - y.mean(), 1e-6)))
    counts = np.bincount(buckets, minlength=LEMMA_BUCKETS).astype("float64")
    for _ in range(steps):
        z = Z @ w + wl[buckets] + bias
        p = 1.0 / (1.0 + np.exp(-z))
        g = p - y
        w -= lr * (Z.T @ g / n + l2 * w)
        # each bucket's step scaled by its own count (rare lemmas move as fast as common)
        gl = np.bincount(buckets, weights=g, minlength=LEMMA_BUCKETS)
        wl -= lr * (gl / np.maximum(counts, 1.0) * 0.2 + 10 * l2 * wl)
        bias -= lr * float(g.mean())
    return CueClassifier(mean, scale, w, wl, bias, dict(meta or {}))


__all__ = ["CUES_FILE", "MIN_ADDED_PROB", "NAMES", "SURE_TAGGED_PROB", "Context", "CueClassifier",
           "cue_features", "fit", "lemma_bucket", "quote_marks"]
