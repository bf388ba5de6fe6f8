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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
from spacy.attrs import (  # type: ignore[attr-defined]
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IS_PUNCT,
    IS_TITLE,
    LEMMA,
    LOWER,
    NORM,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token
from thinc.api import (
    LSTM,
    Dropout,
    Linear,
    Maxout,
    Model,
    chain,
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
        return self.of_words(t.lemma_.lower(), t.lower_)

    def of_words(self, lemma: str, lower: str) -> str:
        if lemma in self.reporting:
            return "rep:" + self.reporting[lemma]
        if lower == "according":
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
_ATTRS = [ORTH, NORM, LOWER, LEMMA, TAG, DEP, POS, ENT_IOB, ENT_TYPE, HEAD, IS_TITLE, IS_PUNCT,
          SENT_START]
_IOB = ("", "I", "O", "B")


def _h(s: str) -> int:
    return int(hash_string(s))


_MEMO: dict[str, int] = {}  # feature string -> its hash, shared (bounded below)


def _remember(memo: dict[str, int], value: str) -> int:
    if len(memo) > 100_000:  # about 15 MB at most
        memo.clear()
    got = memo[value] = _h(value)
    return got


class DocFeatures:
    """What the tagger reads of one parsed article, read once from spaCy's arrays (no
    Token objects: they cost more than the network)."""

    def __init__(self, doc: Doc, lex: LexClasses) -> None:
        self.doc = doc
        n = len(doc)
        self.n = n
        arr = doc.to_array(_ATTRS).astype("uint64") if n else np.zeros((0, len(_ATTRS)),
                                                                      "uint64")
        strings = doc.vocab.strings
        memo: dict[int, str] = {0: ""}

        def text(i: int) -> str:
            got = memo.get(i)
            if got is None:
                got = memo[i] = strings[i]
            return got

        col = arr.T.tolist()
        orth, norm, low, lemma, tag, dep, pos, iob, etype = col[:9]
        self.text = [text(x) for x in orth]
        self.norm = [text(x) for x in norm]
        self.lower = [text(x) for x in low]
        self.lemma = [text(x).lower() for x in lemma]
        self.tag = [text(x) for x in tag]
        self.dep = [text(x) for x in dep]
        self.pos = [text(x) for x in pos]
        self.ent = [_IOB[x] + text(y) for x, y in zip(iob, etype, strict=True)]
        rel = arr[:, 9].view("int64") if n else np.zeros(0, "int64")
        self.head = (np.arange(n) + rel).tolist()
        self.title = [bool(x) for x in col[10]]
        self.punct = [bool(x) for x in col[11]]
        ss = arr[:, 12].view("int64").tolist() if n else []
        self.sent_start = [i == 0 or x == 1 for i, x in enumerate(ss)]
        cls_memo: dict[tuple[str, str], str] = {}
        self.lex: list[str] = []
        for lem, lo in zip(self.lemma, self.lower, strict=True):
            key = (lem, lo)
            got = cls_memo.get(key)
            if got is None:
                got = cls_memo[key] = lex.of_words(lem, lo)
            self.lex.append(got)

    def quote_states(self, start: int, end: int) -> list[int]:
        """Per token: 0 outside quotes, 1 inside, 2 an opening mark, 3 a closing mark."""
        out = []
        inside = False
        for x in self.text[start:end]:
            if x in _OPEN or (x == '"' and not inside):
                out.append(2)
                inside = True
            elif (x in _CLOSE and (inside or x == "”")) or (x == '"' and inside):
                out.append(3)
                inside = False
            else:
                out.append(1 if inside else 0)
        return out

    def path(self, i: int) -> str:
        """Where token ``i`` hangs under the nearest word that can report: that word's
        class, the dependency of the child of it on the way down, and the depth (1, 2, 3+)."""
        lex = self.lex
        if lex[i]:
            return "self:" + lex[i]
        child = i
        cur = self.head[i]
        depth = 1
        while cur != child and depth <= 8:
            if lex[cur]:
                return f"{lex[cur]}|{self.dep[child]}|{min(depth, 3)}"
            child, cur = cur, self.head[cur]
            depth += 1
        return "none"

    def featurize(self, start: int, end: int,
                  rule_flags: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """The floats (``doc.tensor`` rows) and hashed ids (one column per ``COLUMNS``
        entry) of tokens ``start:end``."""
        n = end - start
        tensor = self.doc.tensor
        if tensor is not None and getattr(tensor, "shape", (0, 0))[0] == self.n and (
            tensor.shape[1] == TENSOR_WIDTH
        ):
            floats = np.asarray(tensor[start:end], dtype="float32")
        else:
            floats = np.zeros((n, TENSOR_WIDTH), dtype="float32")
        ids = np.zeros((n, len(COLUMNS)), dtype="uint64")
        quotes = self.quote_states(start, end)
        ss = self.sent_start
        memo = _MEMO
        for k in range(n):
            i = start + k
            h = self.head[i]
            if ss[i]:
                pos = "first"
            elif i + 1 == end or (i + 1 < self.n and ss[i + 1]):
                pos = "last"
            else:
                pos = "mid"
            row = (
                "w=" + self.norm[i],
                "l=" + self.lemma[i],
                "t=" + self.tag[i],
                "d=" + self.dep[i],
                "e=" + self.ent[i],
                "h=" + self.lemma[h] + "/" + self.pos[h],
                "dh=" + self.dep[i] + "/" + self.dep[h] + ("<" if h > i else ">"),
                "x=" + self.lex[i],
                "xh=" + self.lex[h],
                "p=" + self.path(i),
                f"q={quotes[k]}",
                f"r={rule_flags[i] if i < len(rule_flags) else 0}",
                f"s={pos}/{self.title[i]}/{self.punct[i]}",
            )
            ids[k] = [memo[v] if v in memo else _remember(memo, v) for v in row]
        return floats, ids


def featurize(doc: Doc, start: int, end: int, lex: LexClasses,
              rule_flags: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """``DocFeatures(doc, lex).featurize(start, end, rule_flags)``."""
    return DocFeatures(doc, lex).featurize(start, end, rule_flags)


# -- the network ----------------------------------------------------------------------------

Inputs = list[tuple[np.ndarray, np.ndarray]]


def _tables() -> Model[np.ndarray, np.ndarray]:
    """Hashed ids (n, COLUMNS) -> their embeddings side by side: one table per column,
    row = id modulo the table's rows (the ids are already hashes). One lookup per column,
    no re-hashing: thinc's HashEmbed hashes every id four times, which cost more than the
    rest of the network."""
    rows = [r for _n, r, _w in COLUMNS]
    widths = [w for _n, _r, w in COLUMNS]

    def forward(model: Model, ids: np.ndarray, is_train: bool):
        idx = [(ids[:, j] % np.uint64(rows[j])).astype("int64") for j in range(len(rows))]
        parts = [cast(Any, model.get_param(f"E{j}"))[idx[j]] for j in range(len(rows))]
        out = np.hstack(parts) if parts else np.zeros((len(ids), 0), "float32")

        def backprop(dY: np.ndarray) -> np.ndarray:
            at = 0
            for j, w in enumerate(widths):
                grad = np.zeros((rows[j], w), dtype="float32")
                np.add.at(grad, idx[j], dY[:, at : at + w])
                model.inc_grad(f"E{j}", cast(Any, grad))
                at += w
            return ids

        return out, backprop

    def init(model: Model, X: Any = None, Y: Any = None) -> None:
        for j, (r, w) in enumerate(zip(rows, widths, strict=True)):
            table = np.random.uniform(-0.1, 0.1, (r, w)).astype("float32")
            model.set_param(f"E{j}", cast(Any, table))

    return Model("attribution_tables", forward, init=init,
                 params={f"E{j}": None for j in range(len(rows))},
                 dims={"nO": sum(widths)})


def _features_layer(width: int) -> Model[Inputs, list[np.ndarray]]:
    """(floats, ids) per sequence -> one vector per token: embeddings of the hashed id
    columns next to the floats, through a maxout layer."""
    embed = _tables()
    n_embed = sum(w for _n, _r, w in COLUMNS)
    mix = Maxout(width, n_embed + TENSOR_WIDTH, nP=2, normalize=True, dropout=0.25)

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


def build_model(width: int = 64, depth: int = 1) -> Model[Inputs, list[np.ndarray]]:
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
        model = build_model(int(meta.get("width", 64)), int(meta.get("depth", 1)))
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
    "AttributionTagger", "DocFeatures", "LexClasses", "best_tags", "build_model", "chunks",
    "decode", "featurize", "group_softmax",
]
