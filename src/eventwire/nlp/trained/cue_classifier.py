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
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

CUES_FILE = "cues.json"
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


@dataclass(frozen=True)
class Context:
    """What the stage knows around a candidate cue: the tagger's per-token probability of
    a cue (doc-length array, 0 where it did not read), the rules' cue tokens, the
    sentence bounds per token, the tagged source and content ranges of the paragraph."""

    probs: np.ndarray
    rule_cues: frozenset[int]
    bounds: Sequence[tuple[int, int]]
    sources: Sequence[tuple[int, int]]
    source_subjects: frozenset[int]  # indices into ``sources`` that are the cue's subject
    contents: Sequence[tuple[int, int]]
    content_governed: bool
    cues: Sequence[tuple[int, int]]  # the tagger's cues of the paragraph


def lemma_bucket(lemma: str) -> int:
    return zlib.crc32(lemma.encode("utf-8")) % LEMMA_BUCKETS


def cue_features(doc: Doc, cue: tuple[int, int], head: Token, lex_class: str, tagged: bool,
                 ctx: Context) -> np.ndarray:
    """The dense features of candidate ``cue`` (token range) whose reporting word is
    ``head``; ``lex_class``: the lexicon's class of it (``LexClasses.of`` with
    "stance_verb" for the stance verbs), "" when none."""
    x = np.zeros(N_DENSE, dtype="float64")
    a, b = cue
    p = ctx.probs[a:b]
    put = _Put(x)
    put("tagged", tagged)
    put("rule", any(i in ctx.rule_cues for i in range(a, b)))
    if len(p):
        put("p_mean", float(p.mean()))
        put("p_max", float(p.max()))
        put("p_low", float(p.max()) < 0.1)
    kind = lex_class.split(":", 1)[0]
    put("lexicon_bias", bool(kind))
    put(f"lex_{kind}" if kind in _LEX else "lex_none", True)
    put(f"pos_{head.pos_}" if head.pos_ in _POS else "pos_other", True)
    put(f"dep_{head.dep_}" if head.dep_ in _DEP else "dep_other", True)
    subj: Token | None = None
    for c in head.children:
        dep = c.dep_
        if dep == "ccomp":
            put("has_ccomp", True)
            if any(m.dep_ == "mark" for m in c.children):
                put("ccomp_that", True)
        elif dep == "xcomp":
            put("has_xcomp", True)
        elif dep in {"dobj", "dative"}:
            put("has_dobj", True)
            if c.ent_type_ in {"PERSON", "ORG", "NORP"} or c.pos_ == "PRON":
                put("obj_person", True)
        elif dep == "prep":
            put("prep_child", True)
        elif dep == "neg":
            put("has_neg", True)
        elif dep in {"aux", "auxpass"}:
            put("has_aux", True)
            if dep == "auxpass":
                put("passive", True)
        elif dep == "agent":
            put("agent", True)
        elif dep in _SUBJ and subj is None:
            subj = c
    if subj is None and head.dep_ in {"xcomp", "advcl", "conj", "acl"}:
        # an infinitive or participle speaks for the subject of the verb it hangs from
        subj = next((c for c in head.head.children if c.dep_ in _SUBJ), None)
    if subj is not None:
        put("subj", True)
        put("subj_pron", subj.pos_ == "PRON")
        put("subj_first", subj.lower_ in {"i", "we"})
        put("subj_person", subj.ent_type_ == "PERSON")
        put("subj_org", subj.ent_type_ in {"ORG", "NORP", "GPE"})
        put("subj_propn", subj.pos_ == "PROPN")
        put("subj_noun", subj.pos_ == "NOUN")
    if b < len(doc):
        nxt = doc[b].text
        put("colon_after", nxt == ":")
        put("to_after", doc[b].lower_ == "to")
    s, e = ctx.bounds[head.i]
    texts = [doc[i].text for i in range(s, e)]
    put("quote_in_sent", any(t in _QUOTES for t in texts))
    near = [doc[i].text for i in range(max(s, a - 2), min(e, b + 2))]
    put("quote_adjacent", any(t in _QUOTES or t == "," for t in near))
    put("sent_position", (head.i - s) / max(1, e - s))
    put("sent_start", head.i - s <= 1)
    put("src_subject", bool(ctx.source_subjects))
    put("src_in_sent", any(s <= r[0] < e for r in ctx.sources))
    put("content_governed", ctx.content_governed)
    put("content_in_sent", any(s <= r[0] < e for r in ctx.contents))
    put("content_next", any(0 <= r[0] - b <= 2 or 0 <= a - r[1] <= 2 for r in ctx.contents))
    put("in_content", any(r[0] <= head.i < r[1] for r in ctx.contents))
    # inside a quotation: an odd number of quotation marks before it in its sentence
    put("in_quotes", sum(1 for t in texts[: head.i - s] if t in _QUOTES) % 2 == 1)
    put("cues_in_sent", min(3, sum(1 for r in ctx.cues if s <= r[0] < e and r != cue)) / 3)
    put("span_len", min(b - a, 5) / 5)
    put("one_word", b - a == 1)
    return x


class _Put:
    __slots__ = ("x",)

    def __init__(self, x: np.ndarray) -> None:
        self.x = x

    def __call__(self, name: str, value: bool | float) -> None:
        self.x[_INDEX[name]] = float(value)


_INDEX = {n: i for i, n in enumerate(NAMES)}


class CueClassifier:
    """A logistic regression over the dense features (standardised) and the head lemma's
    bucket: P(the candidate is a cue)."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, w: np.ndarray, w_lemma: np.ndarray,
                 bias: float, meta: dict[str, Any]) -> None:
        self.mean, self.scale, self.w, self.w_lemma, self.bias = mean, scale, w, w_lemma, bias
        self.meta = meta
        self.keep_tagged = float(meta.get("keep_tagged", 0.5))
        self.keep_added = float(meta.get("keep_added", 0.5))

    def prob(self, x: np.ndarray, bucket: int) -> float:
        z = float(((x - self.mean) / self.scale) @ self.w) + float(self.w_lemma[bucket]) + self.bias
        return 1.0 / (1.0 + np.exp(-z))

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


__all__ = ["CUES_FILE", "NAMES", "Context", "CueClassifier", "cue_features", "fit",
           "lemma_bucket"]
