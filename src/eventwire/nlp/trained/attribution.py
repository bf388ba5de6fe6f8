"""The attribution tagger: cue, source and content spans read by a small trained network.

Each paragraph of the parsed article (long ones cut at sentence ends) is one input
sequence. A token is described by spaCy's own context vector (``doc.tensor``, the shared
tok2vec's output: nothing is computed twice) and by hashed embeddings of symbolic features:
its word, lemma, tag, dependency, entity label, its head, where it hangs under the nearest
word that can report (``lexicon/en/statements.toml``), whether it stands inside a quotation
and whether the rule-based stage put it in a cue, source or content. A maxout layer and a
bidirectional LSTM read the sequence; three softmax heads tag it, one BIO tag set per kind
of span (cue, source, content), so that a source inside another statement's content is
still a source.

Weights and their description live in one folder (``nlp/models/attribution-v<N>/``):
``model.bin`` (thinc msgpack) and ``meta.json`` (version, sizes, the training data's
sha256, the seed, the validation and dev scores). ``AttributionTagger.load`` reads them;
nothing is ever downloaded.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token
from thinc.api import (
    LSTM,
    Dropout,
    HashEmbed,
    Linear,
    Maxout,
    Model,
    chain,
    concatenate,
    with_array,
    with_padded,
)

KINDS = ("cue", "source", "content")
TAGS = ("O", "B", "I")
N_OUT = len(KINDS) * len(TAGS)
MODEL_VERSION = 1
WEIGHTS_DIR = Path(__file__).resolve().parent.parent / "models" / f"attribution-v{MODEL_VERSION}"
MAX_CHUNK = 160  # tokens: a paragraph longer than this is cut at sentence ends

# rule flags (bits): what the rule-based stage made of a token
RULE_CUE, RULE_SOURCE, RULE_CONTENT = 1, 2, 4

# (feature name, hash rows, width) for each id column, in column order
COLUMNS: tuple[tuple[str, int, int], ...] = (
    ("norm", 10000, 48),
    ("lemma", 5000, 32),
    ("tag", 256, 16),
    ("dep", 256, 16),
    ("ent", 128, 8),
    ("head", 5000, 24),
    ("dep_head", 1024, 16),
    ("lex", 64, 16),
    ("lex_head", 64, 8),
    ("path", 1024, 16),
    ("quote", 16, 8),
    ("rules", 16, 8),
    ("position", 64, 8),
)
TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec


@dataclass(frozen=True)
class LexClasses:
    """What the lexicon says a lemma can be: the word lists of the attribution stage."""

    reporting: Mapping[str, str]  # lemma -> factuality
    communication: frozenset[str]
    speech_nouns: frozenset[str]
    stance_adjectives: frozenset[str]
    hedge_verbs: frozenset[str]

    def of(self, t: Token) -> str:
        lemma = t.lemma_.lower()
        if lemma in self.reporting:
            return "rep:" + self.reporting[lemma]
        if t.lower_ == "according":
            return "according"
        for name, words in (("comm", self.communication), ("speech", self.speech_nouns),
                            ("stance", self.stance_adjectives), ("hedge", self.hedge_verbs)):
            if lemma in words:
                return name
        return ""


def chunks(doc: Doc, max_tokens: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) token ranges; a paragraph longer than ``max_tokens`` is
    cut at sentence ends (a sentence longer than that stands alone). Space tokens between
    paragraphs belong to none."""
    out: list[tuple[int, int]] = []
    start = last = -1
    for sent in doc.sents:
        s, e = sent.start, sent.end
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s >= e:
            continue
        new_para = s > 0 and ("\n" in doc[s - 1].text_with_ws or doc[s - 1].is_space)
        if start >= 0 and (new_para or e - start > max_tokens):
            out.append((start, last))
            start = -1
        if start < 0:
            start = s
        last = e
    if start >= 0:
        out.append((start, last))
    return out


_OPEN = {"“", "``", "‘"}
_CLOSE = {"”", "''", "’"}


def _quote_states(doc: Doc, start: int, end: int) -> list[int]:
    """Per token: 0 outside quotes, 1 inside, 2 an opening mark, 3 a closing mark."""
    out = []
    inside = False
    for t in doc[start:end]:
        x = t.text
        if x in _OPEN or (x == '"' and not inside):
            out.append(2)
            inside = True
        elif (x in _CLOSE and (inside or x == "”")) or (x == '"' and inside):
            out.append(3)
            inside = False
        else:
            out.append(1 if inside else 0)
    return out


def _path(t: Token, lex: Callable[[Token], str]) -> str:
    """Where ``t`` hangs under the nearest word that can report: that word's class, the
    dependency of the child of it on the way down, and the depth (1, 2, 3+)."""
    cls = lex(t)
    if cls:
        return "self:" + cls
    child = t
    cur = t.head
    depth = 1
    while cur.i != child.i and depth <= 8:
        c = lex(cur)
        if c:
            return f"{c}|{child.dep_}|{min(depth, 3)}"
        child, cur = cur, cur.head
        depth += 1
    return "none"


def _h(s: str) -> int:
    return int(hash_string(s))


def featurize(doc: Doc, start: int, end: int, lex: LexClasses,
              rule_flags: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The floats (``doc.tensor`` rows) and hashed ids (one column per ``COLUMNS`` entry)
    of tokens ``start:end``."""
    n = end - start
    tensor = doc.tensor
    if tensor is not None and getattr(tensor, "shape", (0, 0))[0] == len(doc) and (
        tensor.shape[1] == TENSOR_WIDTH
    ):
        floats = np.asarray(tensor[start:end], dtype="float32")
    else:
        floats = np.zeros((n, TENSOR_WIDTH), dtype="float32")
    ids = np.zeros((n, len(COLUMNS)), dtype="uint64")
    quotes = _quote_states(doc, start, end)
    classes: dict[int, str] = {}

    def lex_of(t: Token) -> str:
        got = classes.get(t.i)
        if got is None:
            got = classes[t.i] = lex.of(t)
        return got

    for k, t in enumerate(doc[start:end]):
        head = t.head
        sent_start = t.is_sent_start
        pos = "first" if sent_start else ("last" if t.i + 1 == end or (
            t.i + 1 < len(doc) and doc[t.i + 1].is_sent_start) else "mid")
        row = (
            "w=" + t.norm_,
            "l=" + t.lemma_.lower(),
            "t=" + t.tag_,
            "d=" + t.dep_,
            "e=" + t.ent_iob_ + t.ent_type_,
            "h=" + head.lemma_.lower() + "/" + head.pos_,
            "dh=" + t.dep_ + "/" + head.dep_ + ("<" if head.i > t.i else ">"),
            "x=" + lex_of(t),
            "xh=" + lex_of(head),
            "p=" + _path(t, lex_of),
            f"q={quotes[k]}",
            f"r={rule_flags[t.i] if t.i < len(rule_flags) else 0}",
            f"s={pos}/{t.is_title}/{t.is_punct}",
        )
        for j, value in enumerate(row):
            ids[k, j] = _h(value)
    return floats, ids


# -- the network ----------------------------------------------------------------------------

Inputs = list[tuple[np.ndarray, np.ndarray]]


def _features_layer(width: int) -> Model[Inputs, list[np.ndarray]]:
    """(floats, ids) per sequence -> one vector per token: hashed embeddings of the id
    columns next to the floats, through a maxout layer."""
    embed: Model[Any, Any] = concatenate(*[
        HashEmbed(w, rows, column=j, seed=17 + j) for j, (_name, rows, w) in enumerate(COLUMNS)
    ])
    n_embed = sum(w for _n, _r, w in COLUMNS)
    mix = Maxout(width, n_embed + TENSOR_WIDTH, nP=3, normalize=True, dropout=0.25)

    def forward(model: Model, X: Inputs, is_train: bool):
        lengths = [len(f) for f, _ in X]
        ids = np.concatenate([i for _, i in X]) if X else np.zeros((0, len(COLUMNS)), "uint64")
        floats = np.concatenate([f for f, _ in X]) if X else np.zeros((0, TENSOR_WIDTH), "f")
        E, bp_embed = embed(ids, is_train)
        H, bp_mix = mix(model.ops.xp.hstack([E, floats]), is_train)
        out = model.ops.unflatten(H, model.ops.asarray1i(lengths))

        def backprop(dY: list[np.ndarray]) -> Inputs:
            dH = model.ops.flatten(cast(Any, dY))
            dEF = bp_mix(dH)
            bp_embed(dEF[:, :n_embed])
            return []

        return out, backprop

    def init(model: Model, X: Inputs | None = None, Y: Any = None) -> None:
        sample = np.zeros((2, len(COLUMNS)), dtype="uint64")
        embed.initialize(X=sample)
        mix.initialize(X=cast(Any, np.zeros((2, n_embed + TENSOR_WIDTH), dtype="float32")))

    return Model("attribution_features", forward, init=init, layers=[embed, mix],
                 dims={"nO": width})


def build_model(width: int = 128, depth: int = 1) -> Model[Inputs, list[np.ndarray]]:
    layers: list[Model[Any, Any]] = [
        _features_layer(width),
        with_padded(LSTM(width, width, bi=True, depth=depth)),
        with_array(chain(cast(Any, Dropout(0.25)), Linear(N_OUT, width))),
    ]
    return cast(Model[Inputs, list[np.ndarray]], chain(*layers))


def group_softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax within each kind's three tags."""
    z = logits.reshape(len(logits), len(KINDS), len(TAGS))
    z = z - z.max(axis=2, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=2, keepdims=True)
    return p.reshape(len(logits), N_OUT)


def decode(tags: Sequence[int]) -> list[tuple[int, int]]:
    """BIO tags (0 O, 1 B, 2 I) -> (start, end) ranges; an I after O starts a span."""
    out: list[tuple[int, int]] = []
    start = -1
    for i, tag in enumerate(tags):
        if tag == 1 or (tag == 2 and start < 0):
            if start >= 0:
                out.append((start, i))
            start = i
        elif tag == 0 and start >= 0:
            out.append((start, i))
            start = -1
    if start >= 0:
        out.append((start, len(tags)))
    return out


def best_tags(probs: np.ndarray) -> np.ndarray:
    """(n, KINDS) tag ids from grouped probabilities."""
    return probs.reshape(len(probs), len(KINDS), len(TAGS)).argmax(axis=2)


class AttributionTagger:
    """The trained network with what it was trained with (``meta.json``)."""

    def __init__(self, model: Model, meta: dict[str, Any]) -> None:
        self.model = model
        self.meta = meta
        self.cue_lemmas: frozenset[str] = frozenset(meta.get("cue_lemmas", ()))

    @classmethod
    def create(cls, meta: dict[str, Any]) -> AttributionTagger:
        model = build_model(int(meta.get("width", 128)), int(meta.get("depth", 1)))
        model.initialize()
        return cls(model, meta)

    @classmethod
    def load(cls, folder: Path | str = WEIGHTS_DIR) -> AttributionTagger:
        folder = Path(folder)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if int(meta.get("version", 0)) != MODEL_VERSION:
            raise ValueError(f"{folder}: weights of version {meta.get('version')}, "
                             f"this code reads version {MODEL_VERSION}")
        tagger = cls.create(meta)
        tagger.model.from_bytes((folder / "model.bin").read_bytes())
        return tagger

    def save(self, folder: Path | str) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "model.bin").write_bytes(self.model.to_bytes())
        (folder / "meta.json").write_text(json.dumps(self.meta, indent=2, sort_keys=True) + "\n",
                                          encoding="utf-8")

    def predict(self, X: Inputs) -> list[np.ndarray]:
        """Per sequence, (n, KINDS) tag ids."""
        if not X:
            return []
        logits = self.model.predict(X)
        return [best_tags(group_softmax(np.asarray(y))) for y in logits]


__all__ = [
    "KINDS", "MODEL_VERSION", "RULE_CONTENT", "RULE_CUE", "RULE_SOURCE", "WEIGHTS_DIR",
    "AttributionTagger", "LexClasses", "best_tags", "build_model", "chunks", "decode",
    "featurize", "group_softmax",
]
