"""The attribution tagger: cue, source and content spans read by a small trained network.

Each paragraph of the parsed article (long ones cut at sentence ends) is one input
sequence. A token is described by spaCy's own context vector (``doc.tensor``, the shared
tok2vec's output: nothing is computed twice) and by hashed embeddings of symbolic features:
its word, lemma, tag, dependency, entity label, its head, where it hangs under the nearest
word that can report (``lexicon/en/statements.toml``), whether it stands inside a quotation
and whether the rule-based stage put it in a cue, source or content. A maxout layer, a
convolution that adds to each token's vector a maxout of it and its two neighbours
(``window``, residual: where a span begins and ends is read off the words next to it,
which the narrow LSTM alone learnt less well; docs/EVALUATION.md, round 5), and a
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
import threading
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
    expand_window,
    residual,
    with_array,
    with_padded,
)

KINDS = ("cue", "source", "content")
TAGS = ("O", "B", "I")
N_OUT = len(KINDS) * len(TAGS)
MODEL_VERSION = 3
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
    # verbs of attitude and stance: not a feature (the weights were trained without them),
    # read when deciding whether a cue on an event's trigger is a statement
    stance_verbs: frozenset[str] = frozenset()

    def speaks(self, t: Token) -> bool:
        """Does the lexicon know the word as one of saying, judging or holding a view?"""
        return self.speaks_words(t.lemma_.lower(), t.lower_)

    def speaks_words(self, lemma: str, lower: str) -> bool:
        return bool(self.of_words(lemma, lower)) or lemma in self.stance_verbs

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
_Q_NONE, _Q_OPEN, _Q_STRAIGHT, _Q_RIGHT, _Q_CLOSE = range(5)  # what a token is as a quote mark
_COL = {name: j for j, (name, _r, _w) in enumerate(COLUMNS)}


def _h(s: str) -> int:
    return int(hash_string(s))


def _lookup(table: dict[Any, Any], keys: Sequence[Any] | Any, make: Any) -> list[Any]:
    """``[table[k] for k in keys]``, filling in the keys not yet seen with ``make(k)``."""
    keys = list(keys)
    try:
        return [table[k] for k in keys]
    except KeyError:
        if len(table) > 50_000:  # bounded: a long-running worker sees ever new words
            table.clear()
        return [table[k] if k in table else table.setdefault(k, make(k)) for k in keys]


class FeatureCache:
    """What featurizing learns once and reuses for every article: the hash of each feature
    value, keyed by spaCy's ids of what it is built from (an article repeats most words,
    and the next article most of them again). One per lexicon (``Resources.memo``)."""

    def __init__(self, lex: LexClasses) -> None:
        self.lex = lex
        self.tables: dict[str, dict[Any, Any]] = {}
        self.words = _WordTable()
        self.small: dict[str, np.ndarray] | None = None

    def word_table(self) -> _WordTable:
        """The word table, a new one when it is full (bounded: a long-running worker sees
        ever new words); an article being featurized keeps reading the one it took."""
        if len(self.words.rows) > _WordTable.LIMIT:
            self.words = _WordTable()
        return self.words

    def table(self, name: str) -> dict[Any, Any]:
        got = self.tables.get(name)
        if got is None:
            got = self.tables[name] = {}
        return got


# the columns of ``_WordTable.ids``: the hashed ids a token's own spaCy ids give, two that
# its dependents read (their "head" and "lex_head" values), and three small numbers (does
# it speak, what it is as a quote mark, its lexicon class's number)
_W_OWN = ("norm", "lemma", "tag", "dep", "ent", "lex")
_W_HEAD, _W_LEX_HEAD, _W_SPEAKS, _W_QUOTE, _W_CLASS = range(len(_W_OWN), len(_W_OWN) + 5)
_KEY_COLS = 9  # ORTH ... ENT_TYPE: the first columns of ``_ATTRS``


def _row_keys(a: np.ndarray) -> list[bytes]:
    """Each row of a 2-d uint64 array as one bytes object: a dictionary key that is hashed
    and compared in one piece (a tuple of big ints is compared int by int, each a separate
    object to fetch from memory)."""
    a = np.ascontiguousarray(a, dtype="uint64")
    return cast(list[bytes], a.view(np.dtype((np.void, 8 * a.shape[1]))).ravel().tolist())


def _key_ints(key: bytes) -> list[int]:
    return cast(list[int], np.frombuffer(key, dtype="uint64").tolist())


class _WordTable:
    """Everything a token's features read of its own spaCy ids (orth, norm, lower, lemma,
    tag, dep, pos, entity), computed once per distinct row of those ids: a row number per
    row of ids, the hashed ids in a row of ``ids``, the strings in ``lemma`` and ``lex``.
    One look-up per token instead of one per feature, the same values as computing each
    feature. The lexicon classes are numbered once for good (``class_of``: a handful)."""

    LIMIT = 50_000  # bounded: a long-running worker sees ever new words

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.rows: dict[bytes, int] = {}
        self.ids = np.zeros((1024, len(_W_OWN) + 5), dtype="uint64")
        self.lemma: list[str] = []
        self.lex: list[str] = []
        self.class_of: dict[str, int] = {"": 0}
        self.classes: list[str] = [""]

    def find(self, keys: list[bytes], strings: Any, lex: LexClasses) -> list[int]:
        rows = self.rows
        try:
            return [rows[k] for k in keys]
        except KeyError:
            pass
        # a new row is numbered by the rows before it: two threads sharing one pipeline
        # must not number two words alike (a full table is replaced, never cleared under
        # a reader: FeatureCache.word_table)
        with self._lock:
            out = []
            for k in keys:
                got = rows.get(k)
                if got is None:
                    got = rows[k] = self._add(_key_ints(k), strings, lex)
                out.append(got)
            return out

    def _add(self, key: list[int], strings: Any, lex: LexClasses) -> int:
        orth, norm, low, lemma, tag, dep, pos, iob, etype = key

        def text(i: int) -> str:
            return strings[i] if i else ""

        lemma_l = text(lemma).lower()
        cls = lex.of_words(lemma_l, text(low))
        number = self.class_of.get(cls)
        if number is None:
            number = self.class_of[cls] = len(self.classes)
            self.classes.append(cls)
        row = len(self.lemma)
        if row == len(self.ids):
            self.ids = np.concatenate([self.ids, np.zeros_like(self.ids)])
        self.ids[row] = [
            _h("w=" + text(norm)), _h("l=" + lemma_l), _h("t=" + text(tag)),
            _h("d=" + text(dep)), _h("e=" + _IOB[iob] + text(etype)), _h("x=" + cls),
            _h("h=" + lemma_l + "/" + text(pos)), _h("xh=" + cls),
            int(lex.speaks_words(lemma_l, text(low))), _quote_mark(text(orth)), number,
        ]
        self.lemma.append(lemma_l)
        self.lex.append(cls)
        return row


class DocFeatures:
    """What the tagger reads of one parsed article, read once from spaCy's arrays (no
    Token objects: they cost more than the network). Every feature string is hashed once
    per distinct value (``FeatureCache``), not once per token: the same ids as hashing each
    token's strings, at a fraction of the cost."""

    def __init__(self, doc: Doc, lex: LexClasses, cache: FeatureCache | None = None) -> None:
        cache = cache if cache is not None and cache.lex is lex else FeatureCache(lex)
        self.doc = doc
        n = len(doc)
        self.n = n
        arr = doc.to_array(_ATTRS).astype("uint64") if n else np.zeros((0, len(_ATTRS)),
                                                                      "uint64")
        strings = doc.vocab.strings
        positions = np.arange(n)
        head_arr = positions + arr[:, 9].view("int64")
        self.head = head_arr.tolist()
        # per token, its row of the word table (what its own ids give)
        words = cache.word_table()
        at = words.find(_row_keys(arr[:, :_KEY_COLS]), strings, lex)
        rows = words.ids[np.array(at, dtype="int64")]
        lemma_of, lex_of = words.lemma, words.lex
        self.lemma: list[str] = [lemma_of[k] for k in at]
        # per token: its lexicon class ("rep:reported", "comm", "" ...)
        self.lex: list[str] = [lex_of[k] for k in at]
        # per token: does the lexicon know it as a word of saying or stance (``speaks``)
        self.speaks = rows[:, _W_SPEAKS].astype(bool)
        self.title: list[bool] = (arr[:, 10] != 0).tolist()
        self.punct: list[bool] = (arr[:, 11] != 0).tolist()
        starts = arr[:, 12].view("int64") == 1
        starts[:1] = True
        self.sent_start: list[bool] = starts.tolist()
        self._starts = starts
        self._title_arr = (arr[:, 10] != 0).astype("int64")
        self._punct_arr = (arr[:, 11] != 0).astype("int64")
        self._quote: list[int] = rows[:, _W_QUOTE].tolist()
        ids = np.zeros((n, len(COLUMNS)), dtype="uint64")
        self.ids = ids
        self._cache = cache
        if not n:
            return
        for j, name in enumerate(_W_OWN):
            ids[:, _COL[name]] = rows[:, j]
        ids[:, _COL["head"]] = rows[head_arr, _W_HEAD]
        ids[:, _COL["lex_head"]] = rows[head_arr, _W_LEX_HEAD]
        dep = arr[:, 5]

        def put(name: str, keys: np.ndarray, make: Any) -> None:
            got = _lookup(cache.table(name), _row_keys(keys), lambda k: make(*_key_ints(k)))
            ids[:, _COL[name]] = np.array(got, dtype="uint64")

        def text(i: int) -> str:
            return strings[i] if i else ""

        put("dep_head", np.stack([dep, dep[head_arr], head_arr > positions], axis=1),
            lambda d, dh, up: _h("dh=" + text(d) + "/" + text(dh) + ("<" if up else ">")))
        classes = words.classes
        put("path", self._paths(rows[:, _W_CLASS].astype("int64"), dep, head_arr),
            lambda kind, c, d, depth: _h("p=" + (
                "none" if kind == 0 else "self:" + classes[c] if kind == 1
                else f"{classes[c]}|{text(d)}|{depth}")))

    def _paths(self, cls: np.ndarray, dep: np.ndarray, head: np.ndarray) -> np.ndarray:
        """Where each token hangs under the nearest word that can report: that word's
        class, the dependency of the child of it on the way down, and the depth (1, 2, 3+);
        for all tokens at once, in at most 8 steps up the tree. Per token, a row (kind,
        class, dependency, depth): kind 1 a word that can report itself, 0 none found
        (the other numbers 0), 2 one found (``cls``: each token's class number, 0 for
        none)."""
        n = self.n
        has = cls != 0
        child = np.arange(n)
        cur = head.copy()
        found = np.full(n, -1)  # the depth at which a word that can report was met
        at_cur = np.zeros(n, dtype="int64")
        at_child = np.zeros(n, dtype="int64")
        live = ~has
        for depth in range(1, 9):
            live &= cur != child
            hit = live & has[cur]
            found[hit] = depth
            at_cur[hit] = cur[hit]
            at_child[hit] = child[hit]
            live &= ~hit
            if not live.any():
                break
            child, cur = cur, head[cur]
        out = np.zeros((n, 4), dtype="uint64")
        met = found > 0
        out[has, 0] = 1
        out[has, 1] = cls[has]
        out[met, 0] = 2
        out[met, 1] = cls[at_cur[met]]
        out[met, 2] = dep[at_child[met]]
        out[met, 3] = np.minimum(found[met], 3)
        return out

    def quote_states(self, start: int, end: int) -> list[int]:
        """Per token: 0 outside quotes, 1 inside, 2 an opening mark, 3 a closing mark."""
        marks = self._quote[start:end]
        if not any(marks):
            return [0] * (end - start)
        out = []
        inside = False
        for m in marks:
            if m == _Q_OPEN or (m == _Q_STRAIGHT and not inside):
                out.append(2)
                inside = True
            elif m == _Q_RIGHT or (m == _Q_CLOSE and inside) or (m == _Q_STRAIGHT and inside):
                out.append(3)
                inside = False
            else:
                out.append(1 if inside else 0)
        return out

    def featurize(self, start: int, end: int,
                  rule_flags: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """The floats (``doc.tensor`` rows) and hashed ids (one column per ``COLUMNS``
        entry) of tokens ``start:end``."""
        return self.featurize_many([(start, end)], rule_flags)[0]

    def featurize_many(self, ranges: Sequence[tuple[int, int]], rule_flags: Sequence[int]
                       ) -> list[tuple[np.ndarray, np.ndarray]]:
        """``featurize`` of each of ``ranges`` (sequences that do not overlap), the columns
        of all of them set at once."""
        if not ranges:
            return []
        n = self.n
        tensor = self.doc.tensor
        whole = tensor is not None and getattr(tensor, "shape", (0, 0))[0] == n and (
            tensor.shape[1] == TENSOR_WIDTH)
        tables = self._small_tables()
        ids = self.ids.copy()
        quote = ids[:, _COL["quote"]]
        quote[:] = tables["quote"][0]
        for start, end in ranges:
            states = self.quote_states(start, end)
            if any(states):
                quote[start:end] = tables["quote"][states]
        flags = np.zeros(n, dtype="int64")
        given = rule_flags[: min(n, len(rule_flags))]
        flags[: len(given)] = given
        if not n or (flags.min() >= 0 and flags.max() < len(tables["rules"])):
            ids[:, _COL["rules"]] = tables["rules"][flags]
        else:
            ids[:, _COL["rules"]] = _lookup(self._cache.table("rules"), flags.tolist(),
                                            lambda x: _h(f"r={x}"))
        # where each token stands in its sentence: first, last (of the sentence or of its
        # sequence), else mid; with its title case and punctuation flags
        last = np.ones(n, dtype=bool)
        last[:-1] = self._starts[1:]
        last[[end - 1 for start, end in ranges if end > start]] = True
        kind = np.where(self._starts, 0, np.where(last, 1, 2))
        ids[:, _COL["position"]] = tables["position"][
            kind * 4 + self._title_arr * 2 + self._punct_arr]
        out = []
        for start, end in ranges:
            floats = (np.asarray(tensor[start:end], dtype="float32") if whole
                      else np.zeros((end - start, TENSOR_WIDTH), dtype="float32"))
            out.append((floats, ids[start:end]))
        return out

    def _small_tables(self) -> dict[str, np.ndarray]:
        """The ids of the per-sequence features that take a few values (quote state, rule
        bits, position) as arrays indexed by the value's number."""
        cache = self._cache
        got = cache.small
        if got is None:
            got = cache.small = {
                "quote": np.array(_lookup(cache.table("quote"), range(4),
                                          lambda x: _h(f"q={x}")), dtype="uint64"),
                "rules": np.array(_lookup(cache.table("rules"), range(8),
                                          lambda x: _h(f"r={x}")), dtype="uint64"),
                # (kind, title, punct) numbered kind * 4 + title * 2 + punct
                "position": np.array(_lookup(
                    cache.table("position"),
                    [(k, t, p) for k in ("first", "last", "mid") for t in (False, True)
                     for p in (False, True)],
                    lambda k: _h(f"s={k[0]}/{k[1]}/{k[2]}")), dtype="uint64"),
            }
        return got


def _quote_mark(x: str) -> int:
    if x in _OPEN:
        return _Q_OPEN
    if x == '"':
        return _Q_STRAIGHT
    if x == "”":
        return _Q_RIGHT
    return _Q_CLOSE if x in _CLOSE else _Q_NONE


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


def build_model(width: int = 48, depth: int = 1,
                window: int = 0) -> Model[Inputs, list[np.ndarray]]:
    """Features, BiLSTM(s) of ``depth`` layers, the three heads. With ``window``, a
    convolution before the LSTM: each token's vector plus a maxout of it and its
    ``window`` neighbours on each side (residual; sequences padded, not joined)."""
    layers: list[Model[Any, Any]] = [_features_layer(width)]
    if window:
        conv: Model[Any, Any] = chain(
            expand_window(window_size=window),
            Maxout(width, width * (2 * window + 1), nP=2, normalize=True))
        layers.append(with_array(residual(conv), pad=window))
    layers += [
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

    def __init__(self, model: Model, meta: dict[str, Any], frozen: bool = False,
                 thinc_lstm: bool = False) -> None:
        self.model = model
        self.meta = meta
        # loaded weights never change: their features layer can be rearranged once
        self.frozen = frozen
        # the frozen fast path runs the LSTM in numpy (``_bilstm``) unless this asks for
        # thinc's own kernel (the same function; tags identical, logits within 1e-5)
        self.thinc_lstm = thinc_lstm
        self._projected: _Projected | None = None
        self._tail: _Tail | None = None
        self.cue_lemmas: frozenset[str] = frozenset(meta.get("cue_lemmas", ()))

    @classmethod
    def create(cls, meta: dict[str, Any]) -> AttributionTagger:
        model = build_model(int(meta.get("width", 48)), int(meta.get("depth", 1)),
                            int(meta.get("window", 0)))
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
        tagger.frozen = True
        return tagger

    def save(self, folder: Path | str) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "model.bin").write_bytes(self.model.to_bytes())
        (folder / "meta.json").write_text(json.dumps(self.meta, indent=2, sort_keys=True) + "\n",
                                          encoding="utf-8")

    def predict(self, X: Inputs, well_formed: bool = False,
                cue_bias: Sequence[np.ndarray] | None = None,
                cue_probs: list[np.ndarray] | None = None) -> list[np.ndarray]:
        """Per sequence, (n, KINDS) tag ids: the argmax of each kind's logits (the softmax
        does not change it); with ``well_formed``, the best tag sequence in which no I
        follows an O (``bio_best``), for each kind where the argmax has one. ``cue_bias``,
        per sequence, per token: how much less likely "outside" is for the cue tags
        (subtracted from its logit before decoding). ``cue_probs``, when given, receives
        per sequence each token's probability of lying in a cue (B or I), read off the
        network's logits before any bias (the cue classifier's evidence)."""
        if not X:
            return []
        features, *middle, output = self.model.layers
        if self.frozen and self._projected is None:
            self._projected = _Projected.of(features)
            self._tail = _Tail.of(self.model, self.thinc_lstm)
        lengths = [len(f) for f, _ in X]
        if self._projected is not None and self._tail is not None and all(lengths):
            # the fast path: the sequences stay one array from the features to the tags
            flat = self._tail.flat(self._projected.flat(self.model.ops, X), lengths)
            if cue_probs is not None:
                ends = np.cumsum(lengths)[:-1].tolist()
                cue_probs.extend(np.split(_in_cue(flat), ends))
            return _tags(flat, lengths, well_formed, cue_bias)
        H = (self._projected(self.model.ops, X) if self._projected is not None
             else features.predict(X))
        if self._tail is not None and all(len(h) for h in H):
            logits = self._tail(H)
        else:
            for layer in middle:  # the window layer if any, the LSTM
                H = layer.predict(H)
            logits = output.predict(H)
        out = []
        for k_seq, y in enumerate(logits):
            if cue_probs is not None:
                cue_probs.append(_in_cue(np.asarray(y)))
            z = np.asarray(y).reshape(len(y), len(KINDS), len(TAGS))
            if cue_bias is not None:
                z = z.copy()  # the network's output stays as it was
                z[:, 0, 0] -= cue_bias[k_seq]
            tags = z.argmax(axis=2)
            if well_formed and len(tags):
                after_o = np.ones((len(tags), len(KINDS)), dtype=bool)
                after_o[1:] = tags[:-1] == 0
                for k in np.nonzero(((tags == 2) & after_o).any(axis=0))[0].tolist():
                    tags[:, k] = bio_best(z[:, k, :])
            out.append(tags)
        return out


def _in_cue(logits: np.ndarray) -> np.ndarray:
    """Per token, the probability of a cue tag (B or I) under the cue kind's softmax."""
    z = np.asarray(logits, dtype="float64")[:, 0:3]
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return cast(np.ndarray, 1.0 - z[:, 0] / z.sum(axis=1))


def _tags(logits: np.ndarray, lengths: Sequence[int], well_formed: bool,
          cue_bias: Sequence[np.ndarray] | None) -> list[np.ndarray]:
    """``predict``'s decoding of the logits of all the sequences (one after the other,
    none empty) at once: the same tags as decoding each sequence apart (every step reads
    one token's logits, or, in ``bio_best``, one sequence's)."""
    z = logits.reshape(len(logits), len(KINDS), len(TAGS))
    if cue_bias is not None:
        z = z.copy()  # the network's output stays as it was
        z[:, 0, 0] -= np.concatenate(cue_bias)
    tags = z.argmax(axis=2)
    ends = np.cumsum(lengths)
    starts = ends - np.asarray(lengths)
    if well_formed:
        after_o = np.ones(tags.shape, dtype=bool)
        after_o[1:] = tags[:-1] == 0
        after_o[starts] = True  # each sequence's first token follows no O
        broken = np.logical_or.reduceat((tags == 2) & after_o, starts, axis=0)
        for seq, k in zip(*np.nonzero(broken), strict=True):
            a, b = int(starts[seq]), int(ends[seq])
            tags[a:b, k] = bio_best(z[a:b, k, :])
    return list(np.split(tags, ends[:-1].tolist()))


def bio_best(logits: np.ndarray) -> list[int]:
    """The tag sequence (0 O, 1 B, 2 I) of highest total logit in which an I follows only
    a B or an I (Viterbi over three tags; the per-token softmax adds the same constant
    to each tag of a token, so logits rank paths as probabilities do). A span cannot go
    on where none began: the argmax's "I after O" is a span whose start was lost or a
    stray word, and the sequence that is best as a whole decides which."""
    rows = logits.tolist()
    o, b, i = rows[0][0], rows[0][1], float("-inf")
    back: list[tuple[int, int]] = []  # per step: best predecessor of O/B, of I
    for lo, lb, li in rows[1:]:
        best, at = (o, 0) if o >= b and o >= i else ((b, 1) if b >= i else (i, 2))
        inner, at_inner = (b, 1) if b >= i else (i, 2)
        back.append((at, at_inner))
        o, b, i = best + lo, best + lb, inner + li
    tag = 0 if o >= b and o >= i else (1 if b >= i else 2)
    tags = [tag]
    for at, at_inner in reversed(back):
        tag = at_inner if tag == 2 else at
        tags.append(tag)
    tags.reverse()
    return tags


def _layer_norm(norm: Model, X: np.ndarray) -> np.ndarray:
    """thinc's ``LayerNorm`` at prediction, the same operations on the same numbers, less
    what they did twice: the mean (``var`` is given it, as numpy's ``_var`` computes it:
    the same sum divided by the same count) and the deviations (``var`` squares them, the
    normalisation scales them: made once)."""
    mu = X.mean(axis=1, keepdims=True)
    dev = np.subtract(X, mu)
    var = np.add.reduce(np.square(dev), axis=1, keepdims=True)
    np.true_divide(var, np.intp(X.shape[1]), out=var, casting="unsafe")
    var = var + 1e-08
    dev *= var ** (-1.0 / 2.0)
    dev *= cast(Any, norm.get_param("G"))
    dev += cast(Any, norm.get_param("b"))
    return dev


def _window(window: Model, X: np.ndarray) -> np.ndarray:
    """``window.predict(X)`` for ``residual(expand_window >> maxout >> layernorm)``, its
    layer norm by ``_layer_norm`` (any other layout: thinc's own)."""
    inner = window.layers[0]
    if window.name != "residual(expand_window>>maxout>>layernorm)":
        return cast(np.ndarray, window.predict(X))
    expand, rest = inner.layers
    maxout, norm = rest.layers
    return cast(np.ndarray, X + _layer_norm(norm, maxout.predict(expand.predict(X))))


# tokens per block of the projected features' sums (``_Projected.flat``)
_BLOCK = 256


@dataclass(frozen=True)
class _Projected:
    """The features layer of trained weights, rearranged for prediction: each embedding
    table already multiplied by its block of the maxout weights. A token's maxout input
    is then 13 looked-up rows added up and one small product of spaCy's floats, instead of
    a product over all 320 input columns (the maxout is linear before its max)."""

    table: np.ndarray  # (all columns' rows, outputs x pieces)
    offsets: np.ndarray  # first row of each column's block
    rows: np.ndarray  # rows per column (ids are taken modulo these)
    w_floats: np.ndarray  # (outputs x pieces, TENSOR_WIDTH)
    bias: np.ndarray
    n_pieces: int
    norm: Model

    @classmethod
    def of(cls, layer: Model) -> _Projected:
        embed, mix = layer.layers
        maxout = next(m for m in mix.walk() if m.name == "maxout")
        norm = next(m for m in mix.walk() if m.name == "layernorm")
        W = cast(Any, maxout.get_param("W"))
        n_out, n_pieces, n_in = W.shape
        W = W.reshape(n_out * n_pieces, n_in)
        blocks: list[Any] = []
        offsets = []
        at = row = 0
        for j, (_n, rows, width) in enumerate(COLUMNS):
            E = cast(Any, embed.get_param(f"E{j}"))
            blocks.append(layer.ops.gemm(E, cast(Any, np.ascontiguousarray(W[:, at : at + width])),
                                         trans2=True))
            offsets.append(row)
            at += width
            row += rows
        return cls(np.ascontiguousarray(np.vstack(blocks)), np.array(offsets, dtype="int64"),
                   np.array([r for _n, r, _w in COLUMNS], dtype="uint64"),
                   np.ascontiguousarray(W[:, at:]),
                   cast(Any, maxout.get_param("b")).reshape(n_out * n_pieces), n_pieces, norm)

    def __call__(self, ops: Any, X: Inputs) -> list[np.ndarray]:
        lengths = [len(f) for f, _ in X]
        return cast(list[np.ndarray], ops.unflatten(self.flat(ops, X), ops.asarray1i(lengths)))

    def flat(self, ops: Any, X: Inputs) -> np.ndarray:
        """The features layer's output for the tokens of all the sequences, one after the
        other."""
        idx = (np.concatenate([i for _, i in X]) % self.rows).astype("int64") + self.offsets
        # thinc's gemm (blis, one thread), as Maxout itself: not numpy's threaded BLAS
        Y = ops.gemm(np.concatenate([f for f, _ in X]), self.w_floats, trans2=True)
        Y += self.bias
        # the 13 columns' rows added in the same order, a block of tokens at a time: the
        # block's sums stay in the cache, and each gather goes into one small buffer
        # (``take`` with ``out`` needs ``mode="clip"`` to write there directly; every id
        # is a row of the table already). 0.36 -> 0.18 ms per bench article
        cols = np.ascontiguousarray(idx.T)
        buf = np.empty((min(len(Y), _BLOCK), Y.shape[1]), dtype=Y.dtype)
        for a in range(0, len(Y), _BLOCK):
            block = Y[a : a + _BLOCK]
            got = buf[: len(block)]
            for j in range(len(cols)):
                self.table.take(cols[j, a : a + _BLOCK], axis=0, out=got, mode="clip")
                block += got
        # W's rows are (output, piece) pairs, pieces innermost
        best = Y[:, 0 :: self.n_pieces]
        for p in range(1, self.n_pieces):
            best = np.maximum(best, Y[:, p :: self.n_pieces])
        return _layer_norm(self.norm, np.ascontiguousarray(best))


@dataclass(frozen=True)
class _Tail:
    """The layers after the features of trained weights (the window layer, the BiLSTM, the
    heads), run with the same kernels on the same numbers as the thinc layers, without
    their conversions: the window layer's input is built with its padding rows in one
    step, and the BiLSTM's packed input (time step by time step, the sequences longest
    first: what ``list2padded`` and the LSTM's ``_padded_to_packed`` build one time step
    at a time) is one gather from it; its output goes back to sequence order in one
    scatter for the heads' product. Only for the layout ``build_model`` makes with a
    window and one LSTM (``of`` returns None otherwise)."""

    window: Model  # residual(expand_window >> maxout >> layernorm)
    pad: int
    lstm: Model
    W: np.ndarray  # the heads' Linear
    b: np.ndarray
    # the LSTM's weights for ``_bilstm`` (None: the LSTM is not one bidirectional layer)
    gates: _Gates | None = None
    # True: the LSTM run by thinc's kernel (``lstm_forward_inference``), as trained
    thinc_lstm: bool = False

    @classmethod
    def of(cls, model: Model, thinc_lstm: bool = False) -> _Tail | None:
        layers = model.layers
        if len(layers) != 4 or not layers[1].name.startswith("with_array(residual("):
            return None
        if layers[2].name != "with_padded(lstm)" or layers[3].name != "with_array(dropout>>linear)":
            return None
        linear = next(m for m in layers[3].walk() if m.name == "linear")
        lstm = layers[2].layers[0]
        return cls(layers[1].layers[0], int(layers[1].attrs["pad"]), lstm,
                   cast(Any, linear.get_param("W")), cast(Any, linear.get_param("b")),
                   _Gates.of(lstm), thinc_lstm)

    def __call__(self, H: Sequence[np.ndarray]) -> list[np.ndarray]:
        lengths = [len(h) for h in H]
        Y = self.flat(np.concatenate(H), lengths)
        return list(np.split(Y, np.cumsum(lengths)[:-1].tolist()))

    def flat(self, H: np.ndarray, sizes: Sequence[int]) -> np.ndarray:
        """The logits of the tokens of all the sequences (``H``: their vectors one after the
        other, ``sizes``: their lengths, none 0), one after the other."""
        ops: Any = self.lstm.ops
        pad = self.pad
        lengths = np.array(sizes, dtype="int64")
        # the window layer's input: each sequence after ``pad`` rows of zeros, and ``pad``
        # rows at the end (``ops.flatten(H, pad=pad)``)
        starts = pad + np.concatenate(([0], np.cumsum(lengths + pad)[:-1]))
        Xf = np.zeros((int(lengths.sum()) + pad * (len(sizes) + 1), H.shape[1]), dtype="float32")
        rows = np.concatenate([np.arange(s, s + n) for s, n in zip(starts.tolist(),
                                                                    lengths.tolist(),
                                                                    strict=True)])
        Xf[rows] = H
        Yf = _window(self.window, Xf)
        # the LSTM's packed order: time step t, then the sequences by length (longest
        # first; of equal lengths, the later first: ``list2padded``'s reverse sort)
        order = sorted(((n, k) for k, n in enumerate(lengths.tolist())), reverse=True)
        by_len = np.array([n for n, _k in order], dtype="int64")
        first = starts[[k for _n, k in order]]
        steps = np.arange(int(by_len[0]))[:, None]
        live = steps < by_len[None, :]
        packed = (first[None, :] + steps)[live]  # rows of Yf, time-major
        size_at_t = ops.asarray1i(live.sum(axis=1))
        Xp = np.ascontiguousarray(Yf[packed])
        if self.gates is not None and not self.thinc_lstm:
            Yp = _bilstm(ops, self.gates, Xp, live.sum(axis=1).tolist())
        else:
            HC0 = cast(Any, self.lstm.get_param("HC0"))
            Yp = ops.lstm_forward_inference(cast(Any, self.lstm.get_param("LSTM")), HC0[0],
                                            HC0[1], Xp, size_at_t)
        # back to the sequences' own order, one after the other, for the heads
        at = np.empty(len(rows), dtype="int64")
        at[np.searchsorted(rows, packed)] = np.arange(len(packed))
        Y = ops.gemm(np.ascontiguousarray(Yp[at]), self.W, trans2=True)
        Y += self.b
        return cast(np.ndarray, Y)


@dataclass(frozen=True)
class _Gates:
    """The weights of thinc's bidirectional one-layer LSTM, per direction (forward,
    backward), as they are stored: the gates in blocks of ``nO`` rows (forget, input,
    output, cell), where thinc's kernel interleaves them unit by unit
    (``_transpose_weights``); the two biases added, as the kernel adds them. In blocks,
    each gate is one slice of a step's columns; moving rows does not change a product's
    sums (blis computes each output from its own row and column: checked in
    tests/nlp/test_attribution_model.py against thinc's kernel)."""

    Wx: tuple[np.ndarray, np.ndarray]  # (4 nO, nI)
    Wh: tuple[np.ndarray, np.ndarray]  # (4 nO, nO)
    bias: tuple[np.ndarray, np.ndarray]  # (4 nO,)
    h0: tuple[np.ndarray, np.ndarray]  # (nO,) the hidden state before the first step
    c0: tuple[np.ndarray, np.ndarray]  # (nO,) the cell state before the first step

    @classmethod
    def of(cls, lstm: Model) -> _Gates | None:
        HC0 = cast(Any, lstm.get_param("HC0"))
        if HC0.shape[1] != 1 or HC0.shape[2] != 2:  # depth 1, two directions only
            return None
        nO = int(HC0.shape[3])
        params = cast(Any, lstm.get_param("LSTM"))
        nI = (params.size // 2 - 4 * nO * nO - 8 * nO) // (4 * nO)

        parts: list[list[np.ndarray]] = [[], [], []]
        at = 0
        for _d in range(2):
            sizes = (4 * nO * nI, 4 * nO, 4 * nO * nO, 4 * nO)
            Wx, bx, Wh, bh = (params[at + sum(sizes[:k]) : at + sum(sizes[: k + 1])]
                              for k in range(4))
            at += sum(sizes)
            parts[0].append(np.ascontiguousarray(Wx.reshape(4 * nO, nI)))
            parts[1].append(np.ascontiguousarray(Wh.reshape(4 * nO, nO)))
            # thinc adds the two biases after reordering them: the same float sums
            parts[2].append(bx + bh)
        # thinc's kernel reads the cell state from HC0[0], the hidden state from HC0[1]
        return cls((parts[0][0], parts[0][1]), (parts[1][0], parts[1][1]),
                   (parts[2][0], parts[2][1]), (HC0[1, 0, 0], HC0[1, 0, 1]),
                   (HC0[0, 0, 0], HC0[0, 0, 1]))


def _bilstm(ops: Any, w: _Gates, X: np.ndarray, sizes: Sequence[int]) -> np.ndarray:
    """thinc's ``lstm_forward_inference`` for one bidirectional layer (``X``: the inputs
    packed time step by time step, ``sizes[t]`` sequences at step t, longest first; the
    output likewise, forward then backward units), the same steps on the same numbers,
    with the gates of all the sequences of a step computed by numpy together instead of one
    number at a time. The products (blis, as thinc's), the sums and the gate equations are
    the same float32 operations in the same order; the sigmoid (``1 / (1 + exp(-x))``) and
    tanh are numpy's, not libm's ``expf`` and ``tanhf``, which differ in the last bit for
    some inputs (PERFORMANCE.md, round 12: logits within 1e-5 of thinc's, the same tags
    over the bench and dev articles). Twice as fast: thinc's kernel spends its time
    calling ``expf`` and ``tanhf`` for each number."""
    nO = int(w.h0[0].shape[0])
    n3 = 3 * nO
    N = len(X)
    out = np.empty((2, N, nO), dtype="float32")
    nT = len(sizes)
    starts = [0] * nT
    for t in range(1, nT):
        starts[t] = starts[t - 1] + sizes[t - 1]
    first = sizes[0]
    tmp = np.empty((first, 4 * nO), dtype="float32")
    e64 = np.empty((first, n3), dtype="float64")
    with np.errstate(over="ignore"):  # exp(-x) of a very negative gate: inf, as in C
        for d in (0, 1):
            G = ops.gemm(X, w.Wx[d], trans2=True)
            H = out[d]
            C = np.empty((N, nO), dtype="float32")
            h = np.empty((first, nO), dtype="float32")
            c = np.empty((first, nO), dtype="float32")
            h[:] = w.h0[d]
            c[:] = w.c0[d]
            for t in range(nT) if d == 0 else range(nT - 1, -1, -1):
                n, a = sizes[t], starts[t]
                g = G[a : a + n]
                # the hidden state's product added to the input's, then the bias
                g += ops.gemm(h[:n], w.Wh[d], trans2=True, out=tmp[:n])
                g += w.bias[d]
                s = g[:, :n3]
                np.negative(s, out=s)
                e = e64[:n]
                np.copyto(e, s)
                np.exp(e, out=e)
                np.copyto(s, e, casting="same_kind")
                s += 1
                np.divide(1, s, out=s)
                cell = g[:, n3:]
                np.tanh(cell, out=cell)
                ct = C[a : a + n]
                np.multiply(g[:, :nO], c[:n], out=ct)
                ig = g[:, nO : 2 * nO]
                ig *= cell
                ct += ig
                ht = H[a : a + n]
                np.tanh(ct, out=ht)
                ht *= g[:, 2 * nO : n3]
                if d == 0:
                    h, c = ht, ct  # the next step's sequences are the first of these
                else:
                    h[:n] = ht  # the next step has more; theirs start from h0, c0
                    c[:n] = ct
    return np.ascontiguousarray(out.transpose(1, 0, 2).reshape(N, 2 * nO))


__all__ = [
    "KINDS", "MODEL_VERSION", "RULE_CONTENT", "RULE_CUE", "RULE_SOURCE", "WEIGHTS_DIR",
    "AttributionTagger", "DocFeatures", "FeatureCache", "LexClasses", "best_tags", "bio_best",
    "build_model",
    "chunks", "decode", "featurize", "group_softmax",
]
