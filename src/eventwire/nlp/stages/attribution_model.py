"""Statements read by the trained attribution tagger, with the rules as features and as
fallback.

The rule-based stage (``attribution.py``) runs first: its cues, speakers and contents are
features of the tagger and fill in what the tagger leaves out (a content for a cue whose
clause it did not tag). Then the tagger (``nlp/trained/attribution.py``) tags cue, source
and content spans over the paragraphs that hold a word that can report, and each cue is
linked to a source and a content: the span its syntax points to (the subject of the cue,
the clause it governs), else the nearest in its paragraph; with the speaker ranker's
weights (``sources.json``, ``nlp/trained/source_ranker.py``) the speaker is instead the
likeliest of those candidates, or none when none is likely enough. A cue is a word of reporting or
stance; a cue that is the trigger of an event the events stage read ("attacked") stays only
when the lexicon lists it as a reporting verb or the rules read a statement there too.

The speaker keeps the words the article uses ("he") and is resolved to the entity they
stand for (its fullest name). A speaker's name and a colon opening a line ("JANE DOE:
We will wait.") is a statement too, the colon its cue. Source type and factuality come
from the rules' lexicon (``statements.toml``). Without the weights
(``nlp/models/attribution-v3/``) the stage is the rules alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import cast

import numpy as np
from spacy.attrs import HEAD, IS_PUNCT, ORTH  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from ...model import Attribution, Participant, Span
from ..resources import Resources
from ..spans import char_span, doc_text
from ..stage import Stage
from ..trained.attribution import (
    RULE_CONTENT,
    RULE_CUE,
    RULE_SOURCE,
    WEIGHTS_DIR,
    AttributionTagger,
    DocFeatures,
    FeatureCache,
    LexClasses,
    chunks,
    decode,
)
from ..trained.cue_classifier import (
    CUES_FILE,
    MIN_ADDED_PROB,
    SURE_TAGGED_PROB,
    Context,
    CueClassifier,
    cue_features,
    lemma_bucket,
    quote_marks,
)
from ..trained.source_ranker import (
    SOURCES_FILE,
    Candidate,
    CueView,
    Range,
    SourceRanker,
    phrase_part,
    range_gap,
    source_features,
    source_rows,
)
from ..work import Statement, Work
from . import attribution as rules

log = logging.getLogger(__name__)


# How much less likely "outside a cue" is, in logits, for a word the lexicon knows as one of
# saying or stance (``LexClasses.speaks``): the tagger learnt the long tail of PolNeAR's
# stance cues from few examples and leaves many untagged. Chosen on the held-out tenth of
# the train split for the attribution-v2 weights (1.5 to 2.5 score alike; 0.5, 1, 3, 4 lower)
# and checked again for v3 (1 and 3 lower)
LEXICON_CUE_BIAS = 2.0


def lex_classes(res: Resources) -> LexClasses:
    def build() -> LexClasses:
        w = rules.statement_words(res)
        return LexClasses(
            reporting=dict(w.reporting), communication=frozenset(w.communication_verbs),
            speech_nouns=frozenset(w.speech_nouns),
            stance_adjectives=frozenset(w.stance_adjectives),
            hedge_verbs=frozenset(w.hedge_verbs),
            stance_verbs=frozenset(w.stance_verbs),
        )

    return res.memo("attribution_model.lex", build)


def feature_cache(res: Resources) -> FeatureCache:
    """The hashes of feature values seen so far, shared by the articles of a pipeline."""
    lex = lex_classes(res)
    return res.memo("attribution_model.features", lambda: FeatureCache(lex))


def rule_flags(work: Work, statements: Sequence[Statement] | None = None) -> list[int]:
    """Per token of the doc: the bits RULE_CUE, RULE_SOURCE, RULE_CONTENT the rules set."""
    doc = work.doc
    flags = np.zeros(len(doc), dtype="int64")
    for att, _cue in statements if statements is not None else work.statements:
        parts: list[tuple[Span | Participant, int]] = [(att.cue, RULE_CUE),
                                                       (att.content, RULE_CONTENT)]
        if att.speaker is not None:
            parts.append((att.speaker, RULE_SOURCE))
        for span, bit in parts:
            # the token range only: a content runs to dozens of tokens (no Token objects)
            got = doc.char_span(span.start, span.end, alignment_mode="expand")
            if got is not None:
                flags[got.start : got.end] |= bit
    return cast(list[int], flags.tolist())


def load_tagger(folder: Path | str = WEIGHTS_DIR) -> AttributionTagger | None:
    """The tagger whose weights are in ``folder``, or None when they are absent."""
    folder = Path(folder)
    if not (folder / "model.bin").is_file() or not (folder / "meta.json").is_file():
        return None
    return AttributionTagger.load(folder)


def _tagger(res: Resources, folder: Path | str = WEIGHTS_DIR) -> AttributionTagger | None:
    return res.memo(f"attribution_model.tagger:{folder}", lambda: load_tagger(folder))


def _cue_model(res: Resources, folder: Path | str = WEIGHTS_DIR) -> CueClassifier | None:
    """The cue classifier next to the tagger's weights (``cues.json``), None when absent
    (the tagger's cues are then kept as tagged)."""
    return res.memo(f"attribution_model.cues:{folder}",
                    lambda: CueClassifier.load(Path(folder) / CUES_FILE))


def _source_model(res: Resources, folder: Path | str = WEIGHTS_DIR) -> SourceRanker | None:
    """The speaker ranker next to the tagger's weights (``sources.json``), None when absent
    (the rules then choose each cue's speaker)."""
    return res.memo(f"attribution_model.sources:{folder}",
                    lambda: SourceRanker.load(Path(folder) / SOURCES_FILE))


# -- linking ----------------------------------------------------------------------------------


def _tree(doc: Doc) -> tuple[list[int], list[bool]] | None:
    """Each token's head index and punctuation flag, read once from spaCy's arrays while the
    stage reads the article (``rules.reading``), else None."""
    memo = doc.user_data.get(rules.READ)
    if memo is None:
        return None
    got = memo.get("tree")
    if got is None:
        arr = doc.to_array([HEAD, IS_PUNCT])
        heads = (np.arange(len(doc)) + arr[:, 0].view("int64")).tolist() if len(doc) else []
        got = memo["tree"] = (heads, (arr[:, 1] != 0).tolist())
    return cast(tuple[list[int], list[bool]], got)


def _root(doc: Doc, r: Range) -> Token:
    """The token of the range whose head lies outside it (the first such, by position)."""
    tree = _tree(doc)
    if tree is not None:  # the same walk over the arrays: no Token made but the one returned
        heads, punct = tree
        found = -1
        for i in range(r[0], r[1]):
            if punct[i]:
                continue
            h = heads[i]
            if not (r[0] <= h < r[1]) or h == i:
                return doc[i]
            if found < 0:
                found = i
        return doc[found] if found >= 0 else doc[r[0]]
    first = None
    for i in range(r[0], r[1]):
        t = doc[i]
        if t.is_punct:
            continue
        head = t.head.i
        if not (r[0] <= head < r[1]) or head == i:
            return t
        if first is None:
            first = t
    return first if first is not None else doc[r[0]]


def _cue_head(doc: Doc, r: Range) -> Token:
    """The word of a cue that reports: its verb (or noun, adjective) rather than an
    auxiliary or particle (read once per cue range while ``rules.reading``)."""
    memo = doc.user_data.get(rules.READ)
    if memo is None:
        return _find_cue_head(doc, r)
    got = memo.get(("cue", r))
    if got is None:
        got = memo[("cue", r)] = _find_cue_head(doc, r)
    return cast(Token, got)


def _find_cue_head(doc: Doc, r: Range) -> Token:
    toks = list(doc[r[0] : r[1]])
    for pos in ("VERB", "NOUN", "ADJ"):
        for t in toks:
            if t.pos_ == pos:
                return t
    return _root(doc, r)


def _governed(root: Token, cue: Range, max_up: int = 3) -> bool:
    """Does a span's root hang from the cue (directly or through a few heads that are
    not themselves verbs of another clause)?"""
    cur = root
    for _ in range(max_up):
        head = cur.head
        if head.i == cur.i:
            return False
        if cue[0] <= head.i < cue[1]:
            return True
        if head.pos_ == "VERB" and cur.dep_ in {"ccomp", "xcomp", "advcl", "conj", "relcl"}:
            return False
        cur = head
    return False


def _subject_of(doc: Doc, root: Token, cue: Range) -> bool:
    """Is a span's root the cue's subject, the agent of a passive cue, the object of
    "according to", or the possessor of a cue noun?"""
    head = root.head
    if cue[0] <= head.i < cue[1]:
        return root.dep_ in {"nsubj", "nsubjpass", "poss", "pobj", "csubj"}
    # "by X": agent -> pobj ; "according to X": prep -> pobj
    if root.dep_ == "pobj" and cue[0] <= head.head.i < cue[1]:
        return True
    return bool(root.dep_ == "pobj" and head.i - 1 >= 0 and cue[0] <= head.i - 1 < cue[1] + 1
                and doc[head.i - 1].lower_ == "according")


def sentence_bounds(doc: Doc) -> list[Range]:
    """Per token, its sentence's (start, end): one pass (``Token.sent`` scans each time)."""
    out: list[Range] = []
    for sent in doc.sents:
        out.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return out


# the dependencies of a clause a verb takes as its complement
_CLAUSAL = frozenset({"ccomp", "xcomp", "parataxis"})


def _pick(doc: Doc, cue: Range, spans: Sequence[Range], roots: Sequence[Token], syntax: bool,
          sources: bool, bounds: Sequence[Range]) -> int:
    """Index of the span linked to ``cue``, or -1 (``roots``: each span's ``_root``). A span
    the cue's syntax links wins over the nearest; of the contents the cue governs, a clause
    (``_CLAUSAL``: "told reporters [that the road was closed]") wins over an object or a
    modifier ("told [reporters]")."""
    best, best_score = -1, 10**9
    sent_start, sent_end = bounds[cue[0]]
    for k, r in enumerate(spans):
        if r[0] < cue[1] and cue[0] < r[1]:
            continue
        linked = syntax and (_subject_of(doc, roots[k], cue) if sources
                             else _governed(roots[k], cue))
        score = (0 if sources or roots[k].dep_ in _CLAUSAL else 1) if linked else (
            10 + range_gap(cue, r))
        if not (sent_start <= r[0] < sent_end or sent_start < r[1] <= sent_end):
            score += 40
        if score < best_score:
            best, best_score = k, score
    return best


def _source_span(doc: Doc, r: Range) -> Span | None:
    """The source's text: clean edges (``token_span``), except the closing marks that
    ``_source_bounds`` kept on purpose (a parenthesis opened inside, a parenthetical's
    closing comma)."""
    span = _slice_span(doc, r)
    if span is None or r[1] - r[0] < 2:
        return span
    last = doc[r[1] - 1]
    if last.text not in {")", ","}:  # the words' texts are read only for a closing mark
        return span
    inner = [t.text for t in doc[r[0] : r[1] - 1]]
    keep = (last.text == ")" and inner.count("(") > inner.count(")")) or (
        last.text == "," and "," in inner[1:])
    if not keep or span.end > last.idx:
        return span
    text = doc_text(doc)
    return Span(text[span.start : last.idx + 1], span.start, last.idx + 1)


def _speaker(work: Work, res: Resources, r: Range, head: Token
             ) -> tuple[Participant | None, object]:
    """The speaker of source range ``r`` whose root is ``head``."""
    doc = work.doc
    span = _source_span(doc, r)
    if span is None:
        return None, None
    # "state television, which said ...": a relative pronoun speaks for its antecedent (the
    # span stays the pronoun, the evidence; who it is comes from the noun it stands for)
    if head.tag_ in {"WDT", "WP"} and head.dep_ in {"nsubj", "nsubjpass"} and (
            head.head.dep_ == "relcl" and head.head.head.pos_ in {"NOUN", "PROPN"}):
        head = head.head.head
    # "Russia's foreign minister, Sergei Lavrov": the named apposition speaks
    for c in head.children:
        if c.dep_ == "appos" and r[0] <= c.i < r[1] and work.entity_at(c) >= 0:
            head = c
            break
    arg = rules.speaker_arg(work, res, head)
    ent = work.entities[arg.entity] if arg.entity >= 0 else None
    if ent is None:
        ent_i = _titled_entity(work, head)
        if ent_i >= 0:
            arg.entity = ent_i
            ent = work.entities[ent_i]
            arg.country, arg.sector, arg.name = ent.country, ent.sector, ent.name
    return Participant(
        text=span.text, start=span.start, end=span.end,
        entity_id=ent.id if ent else None, name=ent.name if ent else None,
        country=arg.country, sector=arg.sector,
    ), arg


def _titled_entity(work: Work, head: Token) -> int:
    """ "the spokesman", "the senator": the person last named before ``head`` whose titles
    hold that noun."""
    if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
        return -1
    lemma = head.lemma_.lower()
    best, best_at = -1, -1
    for k, ent in enumerate(work.entities):
        if ent.type != "PERSON" or lemma not in {x.lower() for x in ent.titles}:
            continue
        at = max((m.start for m in ent.mentions if m.start < head.i), default=-1)
        if at > best_at:
            best, best_at = k, at
    return best


# what the tagger reads of one article: the paragraph sequences it tags ((start, end) token
# ranges), their features, and per token of each how much less likely "outside a cue" is
Inputs = tuple[list[Range], list[tuple[np.ndarray, np.ndarray]], list[np.ndarray]]
# per paragraph sequence the tagger read: its range, its cue, source and content ranges,
# and per token the tagger's probability of a cue and the lexicon's bias (``_inputs``)
Read = list[tuple[Range, list[Range], list[Range], list[Range], np.ndarray, np.ndarray]]


def _inputs(work: Work, tagger: AttributionTagger, lex: LexClasses, flags: Sequence[int],
            cache: FeatureCache | None = None) -> Inputs:
    """The paragraphs of the article that hold a word that can report (or that the rules
    made a cue), with their features."""
    doc = work.doc
    gate = tagger.cue_lemmas
    feats = DocFeatures(doc, lex, cache)
    memo = doc.user_data.get(rules.READ)
    if memo is not None and "tree" not in memo:
        # the heads and punctuation flags ``_tree`` reads: the features read the same
        # arrays of the same parse (no second read)
        memo["tree"] = (feats.head, feats.punct)
    lemmas = feats.lemma
    todo = []
    for start, end in chunks(doc):
        if any(lemmas[i] in gate or flags[i] & RULE_CUE for i in range(start, end)):
            todo.append((start, end))
    if not todo:
        return [], [], []
    speaks = feats.speaks.astype("float32") * LEXICON_CUE_BIAS
    return (todo, feats.featurize_many(todo, flags),
            [speaks[s:e] for s, e in todo])


def _predict(work: Work, tagger: AttributionTagger, lex: LexClasses, flags: Sequence[int],
             cache: FeatureCache | None = None) -> Read:
    """Per paragraph sequence the tagger reads: its range and its cue, source and content
    ranges (doc token indices)."""
    todo, X, bias = _inputs(work, tagger, lex, flags, cache)
    if not todo:
        return []
    probs: list[np.ndarray] = []
    tags = tagger.predict(X, well_formed=True, cue_bias=bias, cue_probs=probs)
    return _read(work, todo, tags, probs, bias)


def _read(work: Work, todo: Sequence[Range], preds: Sequence[np.ndarray],
          probs: Sequence[np.ndarray], bias: Sequence[np.ndarray]) -> Read:
    """The tagger's tags of each sequence (``todo``) as cue, source and content ranges,
    with its cue probabilities and the lexicon's bias (``probs``, ``bias``)."""
    doc = work.doc
    out = []
    for (s, e), tags, p, lb in zip(todo, preds, probs, bias, strict=True):
        kinds = [[(s + a, s + b) for a, b in _decode(tags[:, k].tolist(), k == 2)]
                 for k in range(3)]
        kinds[0] = [_trim_cue(doc, c) for c in kinds[0]]
        kinds[1] = list(dict.fromkeys(_source_bounds(doc, r, (s, e))
                                      for r in _join_phrases(doc, kinds[1])))
        kinds[2] = _join_clause(doc, kinds[2])
        kinds[0] = [_cue_edges(doc, c, kinds[2], e) for c in kinds[0]]
        out.append(((s, e), *kinds, p, lb))
    return out  # type: ignore[return-value]


def _decode(tags: list[int], mend: bool) -> list[Range]:
    """BIO tags to ranges; with ``mend``, a span that goes on (I) after a gap of one or two
    tokens joins the span before it (a content the tagger lost a word of)."""
    spans = decode(tags)
    if not mend:
        return spans
    out: list[Range] = []
    for a, b in spans:
        if out and tags[a] == 2 and a - out[-1][1] <= 2:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _trim_cue(doc: Doc, r: Range) -> Range:
    """ "said on": a preposition ending a cue without its object is not part of it."""
    a, b = r
    while b - a > 1 and doc[b - 1].pos_ == "ADP" and doc[b - 2].lower_ != "according":
        b -= 1
    return (a, b)


def _cue_edges(doc: Doc, r: Range, contents: Sequence[Range], end: int) -> Range:
    """A cue's end where PolNeAR's annotators put it (the train split's convention; dev
    not read):
    - the preposition a verb takes, when its object is what was said: "referring to [the
      deal]", "talked about [his plans]", "called on [Congress to act]" (the preposition
      belongs to the verb, the content begins after it; "said on [Friday]" is no such
      case: the tagged content does not begin after "on");
    - a colon right after the cue, which opens what was said: "she wrote: ..." (in the
      cue in 199 of 215 such cues of the train split's nine tenths)."""
    a, b = r
    if (b + 1 < end and doc[b].pos_ == "ADP" and doc[b].dep_ == "prep"
            and a <= doc[b].head.i < b and any(c[0] == b + 1 for c in contents)):
        b += 1
    if b < end and doc[b].text == ":" and doc[b - 1].text != ":":
        b += 1
    return (a, b)


def _join_phrases(doc: Doc, spans: list[Range]) -> list[Range]:
    """Source pieces of one noun phrase ("the" + "ministry" around an untagged "health")
    become one span: the words of the first all hang inside the joined range."""
    out: list[Range] = []
    for r in spans:
        if out:
            a, b = out[-1]
            between = doc[b : r[0]]
            if (r[0] - b <= 1 and not any(t.is_punct for t in between)
                    and all(a <= doc[i].head.i < r[1] for i in range(a, b))):
                out[-1] = (a, r[1])
                continue
        out.append(r)
    return out


# the dependents a noun has before it inside its own phrase
_NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod",
                      "predet"})


# a clause inside a noun phrase (relative, participial)
_CLAUSE_IN_NP = frozenset({"relcl", "acl"})

# a verb's modifiers that can stand between its subject and it ("on Friday", "later")
_VERB_MODIFIERS = frozenset({"prep", "npadvmod", "advmod"})

# words a phrase cannot end on: they stand before what they govern or join
_DANGLING = frozenset({"ADP", "CCONJ", "DET"})


def _hyphen_at(doc: Doc, i: int) -> bool:
    """Is token ``i`` a hyphen inside a word ("17-year-old": no space on either side)?"""
    return (0 < i < len(doc) - 1 and doc[i].text in {"-", "‐", "–"} and not doc[i - 1].whitespace_
            and not doc[i].whitespace_)


def _source_bounds(doc: Doc, r: Range, chunk: Range) -> Range:
    """A source's edges where punctuation and word structure put them:
    - a hyphenated word is one word: "17-year-old Jared Potts", not "year-old Jared Potts";
    - a parenthesis opened inside the phrase is closed inside it: "Sen. Bernie Sanders
      (I-Vt.)";
    - a noun and its apposition name one source together: "her adviser, Jake Sullivan"
      whichever of the two the tagger found (PolNeAR's annotators take both in five
      cases of six in the train split);
    - a parenthetical set off by commas inside the phrase ("X, a political scientist at Y",
      "X, who ...") ends at its closing comma, which PolNeAR's annotators keep with the
      source (nine times in ten in the train split, against almost never after a source
      without an inner comma);
    - a relative or participial clause begun inside the source is taken whole, and the
      source does not end on a preposition, conjunction or determiner."""
    a, b = r
    lo, hi = chunk
    while a - 2 >= lo and _hyphen_at(doc, a - 1):
        a -= 2
    while b + 1 < hi and _hyphen_at(doc, b):
        b += 2
    root = _root(doc, (a, b))
    # a determiner or modifier is not a source without its noun: "the" -> "the campaign"
    head = root.head
    if (root.dep_ in _NP_LEFT and head.pos_ in {"NOUN", "PROPN"} and b <= head.i < hi
            and head.i - b <= 3):
        b = head.i + 1
        root = head
    # a noun is a source with its determiners and modifiers: "officials" -> "state officials"
    if root.pos_ in {"NOUN", "PROPN"} and lo <= root.left_edge.i < a:
        a = root.left_edge.i
    if root.dep_ == "appos" and lo <= root.head.left_edge.i < a <= root.head.i + 2:
        a = root.head.left_edge.i
        root = root.head
    for c in root.children:
        if c.dep_ == "appos" and b <= c.left_edge.i <= b + 1 and c.right_edge.i < hi:
            b = c.right_edge.i + 1
    # a relative or participial clause begun inside the source ends inside it: "Carson,
    # who has made his metric for" is cut in the middle of "his metric for success"
    for i in range(a, b):
        t = doc[i]
        if t.dep_ in _CLAUSE_IN_NP and a <= t.head.i < b and b <= t.right_edge.i < hi:
            b = t.right_edge.i + 1
    # and so is one whose first words end the source, its verb after it: "Tom Reyes, a
    # union leader who" -> "..., a union leader who had backed the bill"
    for i in range(a, b):
        h = doc[i].head
        if h.i >= b and h.dep_ in _CLAUSE_IN_NP and a <= h.head.i < b and h.right_edge.i < hi:
            b = h.right_edge.i + 1
    # words after the noun that hang from the verb, not the noun, are not the speaker's:
    # "Mayor Ann Ortiz on Friday [said]" -> "Mayor Ann Ortiz"
    root = _root(doc, (a, b))
    for i in range(root.i + 1, b):
        t = doc[i]
        if (not a <= t.head.i < b and t.dep_ in _VERB_MODIFIERS
                and t.head.pos_ in {"VERB", "AUX"}):
            b = i
            while b - a > 1 and doc[b - 1].is_punct:
                b -= 1
            break
    # and it does not end on a word that needs one after it ("a poll in", "Obama on")
    while b - a > 1 and doc[b - 1].pos_ in _DANGLING:
        b -= 1
    after = doc[b].text if b < hi else ""
    if after not in {")", ","}:  # the words' texts are read only for a closing mark
        return (a, b)
    texts = [doc[i].text for i in range(a, b)]
    if after == ")" and texts.count("(") > texts.count(")"):
        b += 1
        texts.append(")")
        after = doc[b].text if b < hi else ""
    if after == "," and "," in texts[1:-1] and texts[-1] != ",":
        b += 1
    return (a, b)


def _join_clause(doc: Doc, spans: list[Range]) -> list[Range]:
    """A content piece made only of function words is the start of a clause, not a
    content ("that", "whether"): it joins the later piece that holds its head, with the
    words between (they belong to the clause it introduces: "that [if X survived,] he
    would never sleep again"); a piece whose head is in no later piece is dropped."""
    out: list[Range] = []
    skip = -1
    for k, r in enumerate(spans):
        if k <= skip:
            continue
        if not _no_speaker(doc, r):
            out.append(r)
            continue
        heads = {doc[i].head.i for i in range(r[0], r[1])}
        later = next((j for j in range(k + 1, len(spans))
                      if any(spans[j][0] <= h < spans[j][1] for h in heads)), -1)
        if later >= 0:
            out.append((r[0], spans[later][1]))
            skip = later
    return out


def _syntactic_source(doc: Doc, head: Token, cue: Range, not_speakers: frozenset[str],
                      sent: Range) -> Range | None:
    """The speaker the cue's syntax names, for a cue the tagger linked to no source: the
    object of "according to", the cue's subject or the agent of a passive cue, or, for a
    participle, infinitive or coordinated verb without a subject of its own ("..., saying
    ...", "wants to argue", "met and praised"), the subject of the verb it hangs from; the
    whole noun phrase, within the sentence and apart from the cue. A passive's subject is
    what was said or done, never the speaker."""

    def phrase(t: Token) -> Range | None:
        if t.lower_ in not_speakers or t.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return None
        a, b = t.left_edge.i, t.right_edge.i + 1
        if (a < cue[1] and cue[0] < b) or a < sent[0] or b > sent[1]:
            return None
        return (a, b)

    if doc[cue[0]].lower_ == "according":
        for t in doc[cue[0] : min(cue[1] + 1, sent[1])]:
            for c in t.children:
                if c.dep_ == "pobj":
                    return phrase(c)
        return None
    cur = head
    for _ in range(3):
        deps = {c.dep_: c for c in cur.children}
        if "nsubj" in deps:
            return phrase(deps["nsubj"])
        if "agent" in deps:
            objs = [g for g in deps["agent"].children if g.dep_ == "pobj"]
            return phrase(objs[0]) if objs else None
        if "nsubjpass" in deps:
            return None
        if cur.head.i != cur.i and (cur.dep_ == "conj" or (
                cur.dep_ in {"advcl", "xcomp"} and cur.tag_ in {"VBG", "VB", "VBN"})):
            set_off = cur.dep_ == "advcl" and cur.i > 0 and doc[cur.i - 1].text == ","
            cur = cur.head
            # "The ministry denied that its troops had shelled the village, saying ...": a
            # participle set off by a comma at the end of a reported clause goes on with
            # the reporter, whichever verb the parser hung it from
            if set_off and cur.dep_ == "ccomp" and cur.head.i != cur.i and (
                    cur.head.pos_ == "VERB"):
                cur = cur.head
            continue
        return None
    return None


def _add_range(doc: Doc, r: Range | None, sources: list[Range], roots: list[Token]) -> int:
    """The index of source range ``r`` (already through ``_source_bounds``) among
    ``sources``, appended when new; -1 for none."""
    if r is None:
        return -1
    if r not in sources:
        sources.append(r)
        roots.append(_root(doc, r))
    return sources.index(r)


# Set to a list by the speaker ranker's training (``train_sources``): for every kept cue
# with a candidate speaker, (text, the cue's char range, each candidate's char range, the
# candidates' features) is appended; the rules then choose as without the ranker. None at
# run time.
SOURCE_RECORD: list[tuple[str, Range, list[Range], np.ndarray]] | None = None

# The least cue probability (the cue classifier's, ``_decide_cues``) at which a cue whose
# rules' speaker is a tagged phrase that is its own subject keeps that speaker without
# the ranker: chosen on the held-out tenth of the train split (docs/EVALUATION.md, round 11)
SURE_SPEAKER_CUE_P = 0.9



def _doubtful_speaker(rule_subject: bool, cue_p: float) -> bool:
    """Is the rules' speaker of a kept cue doubtful enough to ask the ranker? Not when it
    is a tagged phrase that is the cue's subject and the cue's probability (the cue
    classifier's) reaches ``SURE_SPEAKER_CUE_P``."""
    return not rule_subject or cue_p < SURE_SPEAKER_CUE_P


# a quotation that goes on after its attribution is one content (``_continued_quotation``)
CONTINUE_QUOTATIONS = True


# what ``_rank_source`` has read of a phrase of the paragraph, whatever the cue: its root,
# the kept cues it is the subject of and ``phrase_part``; None: no speaker ("the", ",")
Phrase = tuple[Token, frozenset[Range], tuple[tuple[int, float], ...]] | None
_UNREAD = object()


def _rank_source(work: Work, lex: LexClasses, cue: Range, head: Token, rule_si: int,
                 syn: Range | None, n_tagged: int, sources: list[Range], roots: list[Token],
                 cues: Sequence[Range], contents: Sequence[Range], bounds: Sequence[Range],
                 probs: np.ndarray, cue_p: dict[Range, float], tagged: bool,
                 model: SourceRanker | None, seen: dict[Range, Phrase]) -> int:
    """The index in ``sources`` of the speaker the ranker chooses for ``cue`` among the
    paragraph's source spans and the speaker its syntax names (``syn``, appended to
    ``sources`` when chosen), or -1 for none; ``rule_si``: the rules' choice; ``seen``:
    what is read of each phrase (``Phrase``), filled as read and shared by the cues of
    one paragraph, so that a phrase is read once however many cues rank it."""
    if model is None and SOURCE_RECORD is None:
        return rule_si
    doc = work.doc
    marks = _quote_marks(doc)
    ranges: list[Range] = []
    cands: list[Candidate] = []
    for k, r in enumerate([*sources, *([syn] if syn is not None and syn not in sources
                                      else [])]):
        if r[0] < cue[1] and cue[0] < r[1]:
            continue
        got = seen.get(r, _UNREAD)
        if got is _UNREAD:
            got = None
            if not _no_speaker(doc, r):
                root = roots[k] if k < len(roots) else _root(doc, r)
                got = (root, frozenset(c for c in cues if _subject_of(doc, root, c)),
                       phrase_part(root, r, bounds, marks[0], marks[1], contents))
            seen[r] = got
        if got is None:
            continue
        root, of, part = cast(tuple[Token, frozenset[Range], tuple[tuple[int, float], ...]],
                              got)
        ranges.append(r)
        cands.append(Candidate(
            r=r, root=root, tagged=k < n_tagged, syntactic=r == syn, rule_pick=k == rule_si,
            subject=cue in of, subject_of_other=bool(of - {cue}), part=part))
    if not cands:
        return -1
    p_mean = _mean(probs, cue)
    view = CueView(cue=cue, head=head, p=cue_p.get(cue, p_mean), p_mean=p_mean, tagged=tagged,
                   lexicon=lex.speaks(head), bounds=bounds, cues=cues, contents=contents,
                   quotes=marks[0], commas=marks[1])
    if SOURCE_RECORD is not None:
        X = source_features(doc, view, cands)
        spans = [_source_span(doc, r) for r in ranges]
        cue_span = _slice_span(doc, cue)
        if cue_span is not None:
            SOURCE_RECORD.append((doc_text(doc), (cue_span.start, cue_span.end),
                                  [(g.start, g.end) if g is not None else (0, 0)
                                   for g in spans], X))
        return rule_si
    assert model is not None
    best = model.choose_rows(source_rows(doc, view, cands))
    return -1 if best < 0 else _add_range(doc, ranges[best], sources, roots)


def _quote_marks(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """The document's quotation marks, read once per document (memoised with the rules'
    other reads of the parse)."""
    memo = doc.user_data.get(rules.READ)
    marks = memo.get("quote_marks") if memo is not None else None
    if marks is None:
        marks = quote_marks(doc)
        if memo is not None:
            memo["quote_marks"] = marks
    return cast(tuple[np.ndarray, np.ndarray], marks)


def _is_event_verb(work: Work, t: Token, lex: LexClasses, rule_cues: set[int]) -> bool:
    """An event's own trigger, or a verb with no sense of saying whose object names an
    act ("imposed sanctions", "carried out an attack"): it tells the act, not words.

    A word the lexicon knows as one of saying or stance is not such a verb even where it
    is an event's trigger: "threatened to resign", "refused to testify", "condemned the
    ruling" tell what someone holds or wants (PLOVER's verbal events are things said).
    Verbs that tell an act as often as words ("attacked") still face ``act_not_words``."""
    lemma = t.lemma_.lower()
    if lemma in lex.reporting or t.i in rule_cues or lex.speaks(t):
        return False
    if any(m.trigger.i == t.i for m in work.mentions):
        return True
    return t.pos_ == "VERB" and any(
        m.trigger.head.i == t.i and m.trigger.dep_ in {"dobj", "obj"} for m in work.mentions)

# the parts of speech a speaker cannot consist of alone ("the", "of", ",")
_NOT_A_SPEAKER = frozenset({"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PART", "SPACE"})


def _no_speaker(doc: Doc, r: Range) -> bool:
    return all(doc[i].pos_ in _NOT_A_SPEAKER for i in range(r[0], r[1]))


def _outside(bounds: Sequence[Range], head: Token, r: Range) -> bool:
    """Does range ``r`` lie wholly outside the sentence of ``head``?"""
    s, e = bounds[head.i]
    return r[1] <= s or r[0] >= e


def _slice_span(doc: Doc, r: Range) -> Span | None:
    """``token_span(doc[a:b])`` without making and sorting the Token objects of the range
    (content ranges run to dozens of tokens)."""
    if r[1] <= r[0]:
        return None
    last = doc[r[1] - 1]
    return char_span(doc_text(doc), doc[r[0]].idx, last.idx + len(last.text))


def _content_span(doc: Doc, r: Range) -> Span | None:
    return _slice_span(doc, r)


# an opening quotation mark and the mark that closes it
_CLOSING = {"\u201c": "\u201d", '"': '"', "''": "''", "``": "''"}


def _continued_quotation(text: str, content: Span, cue: Span, sent_end: int,
                         cue_starts: Sequence[int]) -> Span:
    """``content`` run on to the end of the quotation that goes on after its attribution:
    in '"Q1," Dana said. "Q2."' (one paragraph) Q2 is the same speaker's words, and
    PolNeAR's annotators take Q1 and Q2 as one content (25 of 27 such quotations of the
    train split's nine tenths; after a paragraph break, 3 of 16: left alone). ``content``
    must be a quotation that closes between it and ``cue``, within the cue's sentence
    (which ends at char ``sent_end``); the next sentence must open a quotation in the same
    paragraph, holding none of ``cue_starts`` (another cue's words: its own statement;
    ``cue``'s own start lies before that sentence).
    The content then ends where that quotation closes (or the paragraph ends)."""
    between = text[content.end : cue.start]
    if (content.end > cue.start or len(between) > 150 or "\n" in between
            or not any(q in between for q in ('"', "\u201d", "''"))):
        return content
    at = sent_end
    while at < len(text) and text[at] in " \t":
        at += 1
    if "\n" in text[cue.end : at]:
        return content
    mark = text[at : at + 2] if text[at : at + 2] in _CLOSING else text[at : at + 1]
    if mark not in _CLOSING:
        return content
    start = at + len(mark)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    close = text.find(_CLOSING[mark], start, line_end)
    end = line_end if close < 0 else close
    while end > start and text[end - 1].isspace():
        end -= 1
    # the rest of the sentence that closes the quotation: '"Q2," she added.' gives the
    # quotation an attribution of its own (a comma before the close, or a cue after it)
    after = text[close : line_end] if close >= 0 else ""
    stop = next((k for k, ch in enumerate(after) if ch in ".!?" and k > 1), len(after))
    if end <= start or text[end - 1] == "," or any(
            at <= c < (close + stop if close >= 0 else end) for c in cue_starts):
        return content
    return Span(text[content.start : end], content.start, end)


# Set to a list by the cue classifier's training (``train_cues``): every candidate cue of
# every article read is appended as (text, char start, char end, features, lemma bucket,
# tagged); the cues are then kept as tagged. None at run time.
RECORD: list[tuple[str, int, int, np.ndarray, int, bool]] | None = None


def _candidates(doc: Doc, chunk: Range, cues: Sequence[Range], speaks: np.ndarray,
                rule_by_cue: dict[int, Statement], contents: Sequence[Range],
                probs: np.ndarray | None = None, floor: float = -1.0) -> list[Range]:
    """Cue candidates the tagger left out in ``chunk``: each cue word of the rules' and each
    word the lexicon knows as one of saying or stance (``speaks``: the lexicon's bias per
    token) that no tagged cue holds, as a verb, noun or adjective, or "according to"; a
    rules' cue with its own words, the others with the preposition or colon that goes
    with them (``_cue_edges``). With ``probs`` (per token of the doc), a word that is no
    rules' cue and on which, and the two words after it, the tagger puts less than
    ``floor`` is passed over (its span could not reach the floor)."""
    s, e = chunk
    covered = np.zeros(e - s, dtype=bool)
    for a, b in cues:
        covered[a - s : b - s] = True
    want = speaks > 0
    for i in rule_by_cue:
        if s <= i < e:
            want[i - s] = True
    out: list[Range] = []
    taken: set[int] = set()
    for k in np.nonzero(want & ~covered)[0].tolist():
        i = s + k
        if i in taken:
            continue
        rule = rule_by_cue.get(i)
        if rule is None and probs is not None and probs[i : i + 3].max() < floor:
            continue
        if rule is not None:
            idx = [t.i for t in rule.cue_tokens]
            r = (min(idx), max(idx) + 1)
            if not (s <= r[0] and r[1] <= e) or covered[r[0] - s : r[1] - s].any():
                r = (i, i + 1)
        else:
            t = doc[i]
            if t.lower_ == "according":
                if i + 1 >= e or doc[i + 1].lower_ != "to":
                    continue
                r = (i, i + 2)
            elif t.pos_ not in {"VERB", "NOUN", "ADJ"}:
                continue
            else:
                r = _cue_edges(doc, (i, i + 1), contents, e)
        taken.update(range(r[0], r[1]))
        out.append(r)
    return out


def _mean(values: np.ndarray, r: Range) -> float:
    got = values[r[0] : r[1]].tolist()
    return sum(got) / len(got) if got else 0.0


def _decide_cues(work: Work, lex: LexClasses, chunk: Range, cues: list[Range],
                 sources: Sequence[Range], src_roots: Sequence[Token],
                 contents: Sequence[Range], con_roots: Sequence[Token], probs: np.ndarray,
                 speaks: np.ndarray, rule_by_cue: dict[int, Statement],
                 bounds: Sequence[Range], cue_model: CueClassifier | None,
                 cue_p: dict[Range, float] | None = None) -> list[Range]:
    """The cues of ``chunk`` the second stage keeps: of the tagger's cues and of the
    candidates it left out (``_candidates``, minus event verbs), those the classifier
    finds likely enough (its thresholds, one for each kind, chosen on the held-out tenth
    of the train split). With no classifier (recording), the tagger's cues as tagged.
    ``cue_p`` receives each kept cue's probability (the tagger's mean where the
    classifier was not asked: a sure tagged cue, or no classifier)."""
    doc = work.doc
    s = chunk[0]
    full = np.zeros(len(doc))
    full[s : s + len(probs)] = probs
    # (recording: every candidate, for training)
    floor = -1.0 if RECORD is not None else MIN_ADDED_PROB
    rule_set = set(rule_by_cue)
    extra = [c for c in _candidates(doc, chunk, cues, speaks, rule_by_cue, contents,
                                    full, floor)
             if full[c[0] : c[1]].max() >= floor
             and not _is_event_verb(work, _cue_head(doc, c), lex, rule_set)]
    marks = _quote_marks(doc)
    rule_cues = frozenset(rule_by_cue)
    kept: list[Range] = []
    for cue, tagged in [(c, True) for c in cues] + [(c, False) for c in extra]:
        if tagged and RECORD is None and cue_model is not None and (
                _mean(full, cue) >= SURE_TAGGED_PROB):
            kept.append(cue)
            if cue_p is not None:
                cue_p[cue] = _mean(full, cue)
            continue
        head = _cue_head(doc, cue)
        lemma = head.lemma_.lower()
        cls = lex.of(head) or ("stance_verb" if lemma in lex.stance_verbs else "")
        ctx = Context(
            probs=full, rule_cues=rule_cues, bounds=bounds, sources=sources,
            source_subject=any(_subject_of(doc, r, cue) for r in src_roots),
            contents=contents,
            content_governed=any(_governed(r, cue) for r in con_roots), cues=cues,
            quotes=marks[0], commas=marks[1],
        )
        x = cue_features(doc, cue, head, cls, tagged, ctx)
        bucket = lemma_bucket(lemma)
        if RECORD is not None:
            got = _slice_span(doc, cue)
            if got is not None:
                RECORD.append((doc_text(doc), got.start, got.end, x, bucket, tagged))
        if cue_model is None or RECORD is not None:
            if tagged:
                kept.append(cue)
                if cue_p is not None:
                    cue_p[cue] = _mean(full, cue)
            continue
        p = cue_model.prob(x, bucket)
        if p >= (cue_model.keep_tagged if tagged else cue_model.keep_added):
            kept.append(cue)
            if cue_p is not None:
                cue_p[cue] = p
    kept.sort()
    return kept


def link(work: Work, res: Resources, tagger: AttributionTagger,
         read: Read | None = None, cue_model: CueClassifier | None = None,
         source_model: SourceRanker | None = None) -> list[Statement]:
    """The statements the tagger reads, linked and typed (the rules' statements are in
    ``work.statements`` when this runs); ``read``: what ``_predict`` gives, when the tagger
    has already read the article (``run_batch``); ``cue_model``: the second stage that
    keeps or drops each candidate cue (``_decide_cues``), None for the tagger's cues as
    tagged; ``source_model``: the ranker that chooses each cue's speaker
    (``_rank_source``), None for the rules' choice."""
    doc = work.doc
    lex = lex_classes(res)
    w = rules.statement_words(res)
    rule_statements = list(work.statements)
    rule_by_cue: dict[int, Statement] = {}
    for st in rule_statements:
        for t in st.cue_tokens:
            rule_by_cue.setdefault(t.i, st)
    rule_cues = set(rule_by_cue)
    text = doc_text(doc)
    bounds = sentence_bounds(doc)
    out: list[Statement] = []
    continued: dict[Range, Span] = {}  # a content's chars -> the content run on (quotations)
    if read is None:
        read = _predict(work, tagger, lex, rule_flags(work, rule_statements),
                        feature_cache(res))
    for chunk, cues, sources, contents, probs, speaks in read:
        cues = [c for c in cues if not _is_event_verb(work, _cue_head(doc, c), lex, rule_cues)]
        used_src: set[int] = set()
        # (cue, source, content, the source the act-or-words test reads: the rules' choice)
        made: list[tuple[Range, int, int, int]] = []
        src_roots = [_root(doc, r) for r in sources]
        con_roots = [_root(doc, r) for r in contents]
        tagged_cues = set(cues)
        cue_p: dict[Range, float] = {}
        if cue_model is not None or RECORD is not None:
            cues = _decide_cues(work, lex, chunk, cues, sources, src_roots, contents,
                                con_roots, probs, speaks, rule_by_cue, bounds, cue_model,
                                cue_p)
        ranking = source_model is not None or SOURCE_RECORD is not None
        n_tagged = len(sources)
        full: np.ndarray | None = None
        seen: dict[Range, Phrase] = {}
        for cue in cues:
            si = _pick(doc, cue, sources, src_roots, True, True, bounds)
            ci = _pick(doc, cue, contents, con_roots, True, False, bounds)
            if si >= 0 and _no_speaker(doc, sources[si]):
                si = -1
            syn: Range | None = None
            rule_subject = si >= 0 and _subject_of(doc, src_roots[si], cue)
            # the ranker is asked only where it could undo the rules' choice: a cue whose
            # tagged speaker is its own subject and that the stage is sure of keeps that
            # speaker (asked anyway, the ranker kept it for 932 of the held-out tenth's 941
            # such cues; it changes the speaker of 115 of the 708 others)
            rank = ranking and (SOURCE_RECORD is not None
                                or _doubtful_speaker(rule_subject, cue_p.get(cue, 0.0)))
            if rank or not rule_subject:
                syn = _syntactic_source(doc, _cue_head(doc, cue), cue, w.not_speakers,
                                        bounds[cue[0]])
                if syn is not None:
                    syn = _source_bounds(doc, syn, bounds[cue[0]])
            if not rule_subject:
                # the speaker the cue's syntax names (its subject, a passive's agent, the
                # object of "according to") wins over a tagged source it was linked to by
                # distance only ("Most voters polled said ...": not the poll named before);
                # the source it displaces is not handed to another cue below
                sk = _add_range(doc, syn, sources, src_roots)
                if sk >= 0:
                    used_src.add(si)
                    si = sk
            head = _cue_head(doc, cue)
            if ci >= 0 and not lex.of(head) and head.i not in rule_cues and (
                    _outside(bounds, head, contents[ci])):
                # a word the lexicon does not know as saying, whose only content is in
                # another sentence: no reporting relation is stated ("The second man
                # escaped. Hours later, ...")
                continue
            rule_si = si
            if rank:
                if full is None:
                    full = np.zeros(len(doc))
                    full[chunk[0] : chunk[0] + len(probs)] = probs
                used_src.add(si)  # the rules' choice is not handed to another cue below
                si = _rank_source(work, lex, cue, head, si, syn, n_tagged, sources, src_roots,
                                  cues, contents, bounds, full, cue_p, cue in tagged_cues,
                                  source_model, seen)
            made.append((cue, si, ci, rule_si))
            used_src.add(si)
        # a source no cue took: give it to the nearest cue of its sentence
        # (a content no cue took is most often a piece of a longer one: left out)
        for k, r in enumerate(sources):
            sent_start, sent_end = bounds[r[0]]
            near = [c for c in cues if sent_start <= c[0] < sent_end]
            if k in used_src or not near:
                continue
            nearest = min(near, key=lambda c: range_gap(c, r))
            made.append((nearest, k, -1, k))
        cue_chars: list[int] | None = None  # where the paragraph's kept cues start
        for cue, si, ci, act_si in made:
            head = _cue_head(doc, cue)
            rule = next((rule_by_cue[i] for i in range(cue[0], cue[1]) if i in rule_by_cue),
                        None)
            cue_span = _slice_span(doc, cue)
            if (cue_span is not None and cue[1] - cue[0] > 1 and doc[cue[1] - 1].text == ":"
                    and text[cue_span.end : cue_span.end + 1] == ":"):
                # "wrote:" keeps its colon (``_cue_edges``), which the clean edges drop
                cue_span = Span(text[cue_span.start : cue_span.end + 1], cue_span.start,
                                cue_span.end + 1)
            if cue_span is None:
                continue
            content: Span | None = _content_span(doc, contents[ci]) if ci >= 0 else None
            if content is not None and CONTINUE_QUOTATIONS:
                last = bounds[head.i][1] - 1
                if cue_chars is None:
                    cue_chars = [doc[c[0]].idx for c in cues]
                longer = _continued_quotation(
                    text, content, cue_span, doc[last].idx + len(doc[last].text), cue_chars)
                if longer is not content:
                    continued[(content.start, content.end)] = longer
                    content = longer
            if content is None and rule is not None:
                content = rule.attribution.content
            if content is None:
                first, last = bounds[head.i][0], bounds[head.i][1] - 1
                end_char = doc[last].idx + len(doc[last].text)
                content = char_span(text, cue_span.end, end_char) or char_span(
                    text, doc[first].idx, cue_span.start)
            if content is None:
                continue
            speaker, arg = (_speaker(work, res, sources[si], src_roots[si]) if si >= 0
                            else (None, None))
            # "officers responded to a report": an act, not words (judged with the rules'
            # speaker, so that which statements stand does not hang on the ranker's choice)
            if rules.act_not_words(work, head, content,
                                   src_roots[act_si] if act_si >= 0 else None, w):
                continue
            factuality: str
            if rule is not None:
                factuality = rule.attribution.factuality
                source_type = (rule.attribution.source_type if speaker is None
                               or rule.attribution.speaker == speaker
                               else rules._source_type(work, arg, head, w))
            else:
                factuality = rules._factuality(head, w)
                source_type = rules._source_type(work, arg, head, w)
            out.append(Statement(Attribution(
                cue=cue_span, content=content, speaker=speaker,
                source_type=source_type,  # type: ignore[arg-type]
                factuality=factuality,  # type: ignore[arg-type]
            ), [head]))
    # the same quoted words are one content whichever cue reports them: a content another
    # statement ran on to the end of its quotation runs on in every statement
    return [Statement(replace(st.attribution, content=continued[key]), st.cue_tokens)
            if (key := (st.attribution.content.start, st.attribution.content.end)) in continued
            else st for st in out]


# parts of speech a speaker's label ("Rep. Jane Doe (D-Ore.):") cannot hold: a clause
_NOT_IN_LABEL = frozenset({"VERB", "AUX", "PRON", "SCONJ", "NUM", "SYM", "X", "INTJ"})
_LABEL_ENTS = frozenset({"PERSON", "ORG", "NORP", ""})


def _label_speaker(work: Work, colon: int, start: int) -> bool:
    """Do the words from ``start`` to the colon at ``colon`` name who speaks ("JANE
    MARLOWE:", "Sen. Ada Brant (D-Ore.):"): a short name or title phrase, no clause (a
    word in capitals is a name whatever the tagger made of it), its last word a proper
    noun that is not a place or a date ("WASHINGTON:" is a dateline); one word alone only
    when it names someone the article names ("MARLOWE:", not "CORRECTION:")."""
    doc = work.doc
    words = [t for t in doc[start:colon] if not t.is_punct]
    if not 1 <= len(words) <= 8 or (doc[colon - 1].is_punct and doc[colon - 1].text != ")"):
        return False
    if any(t.pos_ in _NOT_IN_LABEL and not t.is_upper for t in words):
        return False
    last = words[-1]
    if not (last.pos_ == "PROPN" or last.is_upper) or last.ent_type_ not in _LABEL_ENTS:
        return False
    return len(words) > 1 or work.entity_at(last) >= 0


def label_statements(work: Work, res: Resources, taken: Sequence[Statement]) -> list[Statement]:
    """Speech set out under its speaker's name and a colon, as in transcripts, headlines
    and quoted exchanges ("JANE DOE: We will not wait."): the colon is the cue (as
    PolNeAR's annotators mark it), the name before it the source, the rest of its line the
    content. Only the first colon of a sentence, within its first words, that no
    statement has as its cue."""
    doc = work.doc
    text = doc_text(doc)
    if ":" not in text:
        return []
    w = rules.statement_words(res)
    used = {t.i for st in taken for t in st.cue_tokens}
    out: list[Statement] = []
    # the colons by their word id (no Token object made for every word of the article)
    colons = (doc.to_array(ORTH) == doc.vocab.strings[":"]).nonzero()[0].tolist()
    for colon in colons:
        # the sentence's start, within 14 words before the colon (``doc.sents`` is slow)
        start = next((i for i in range(colon, max(-1, colon - 15), -1)
                      if doc[i].is_sent_start or i == 0), -1)
        while 0 <= start < colon and doc[start].is_space:
            start += 1
        if (start < 0 or colon <= start or colon in used or colon + 1 >= len(doc)
                or any(t.text == ":" for t in doc[start:colon])):
            continue
        if not _label_speaker(work, colon, start) or doc[colon + 1].text.startswith("@"):
            continue  # "on Twitter: @handle" names an account, not words
        line_end = text.find("\n", doc[colon].idx)
        end_char = len(text.rstrip()) if line_end < 0 else line_end
        content = char_span(text, doc[colon].idx + 1, end_char)
        if content is None or not content.text.strip():
            continue
        src = _root(doc, (start, colon))
        speaker, arg = _speaker(work, res, (start, colon), src)
        cue_tok = doc[colon]
        out.append(Statement(Attribution(
            cue=Span(":", cue_tok.idx, cue_tok.idx + 1), content=content, speaker=speaker,
            source_type=rules._source_type(work, arg, cue_tok, w),  # type: ignore[arg-type]
            factuality="reported",
        ), [cue_tok]))
    return out


def run(work: Work, res: Resources, folder: Path | str = WEIGHTS_DIR) -> None:
    with rules.reading([work]):
        rules.run(work, res)
        tagger = _tagger(res, folder)
        if tagger is None:
            return
        work.statements[:] = link(work, res, tagger, cue_model=_cue_model(res, folder),
                                  source_model=_source_model(res, folder))
        work.statements.extend(label_statements(work, res, work.statements))


def run_batch(works: Sequence[Work], res: Resources, folder: Path | str = WEIGHTS_DIR
              ) -> list[BaseException | None]:
    """``run`` on each of ``works`` (the articles of one spaCy batch), the tagger reading
    all their paragraphs in one call: its per-call cost (the LSTM's Python steps over the
    longest sequence) is paid once per batch, not once per article. Each sequence's tags
    are what ``run`` gets for it alone (the network reads every sequence apart: the LSTM
    by sequence, the other layers by token; checked on the bench articles). Per work, None
    or the error it raised (the other works go on)."""
    with rules.reading(works):
        return _run_batch(works, res, folder)


def _run_batch(works: Sequence[Work], res: Resources, folder: Path | str
               ) -> list[BaseException | None]:
    errors: list[BaseException | None] = [None] * len(works)
    tagger = _tagger(res, folder)
    if tagger is None:
        for k, work in enumerate(works):
            try:
                rules.run(work, res)
            except Exception as err:
                errors[k] = err
        return errors
    lex = lex_classes(res)
    cache = feature_cache(res)
    pending: list[tuple[int, Inputs]] = []
    for k, work in enumerate(works):
        try:
            rules.run(work, res)
            pending.append((k, _inputs(work, tagger, lex, rule_flags(work), cache)))
        except Exception as err:
            errors[k] = err
    X = [x for _k, got in pending for x in got[1]]
    bias = [b for _k, got in pending for b in got[2]]
    probs: list[np.ndarray] = []
    try:
        preds = tagger.predict(X, well_formed=True, cue_bias=bias, cue_probs=probs) if X else []
    except Exception:
        # the batch as a whole failed: each article on its own, so that only the one
        # that breaks the tagger is lost
        for k, _got in pending:
            works[k].statements.clear()
            try:
                run(works[k], res, folder)
            except Exception as err:
                errors[k] = err
        return errors
    at = 0
    cue_model = _cue_model(res, folder)
    source_model = _source_model(res, folder)
    for k, (todo, got, b) in pending:
        work = works[k]
        try:
            read = _read(work, todo, preds[at : at + len(got)], probs[at : at + len(got)], b)
            work.statements[:] = link(work, res, tagger, read, cue_model, source_model)
            work.statements.extend(label_statements(work, res, work.statements))
        except Exception as err:
            errors[k] = err
        at += len(got)
    return errors


def prepare(res: Resources, folder: Path | str = WEIGHTS_DIR) -> object:
    rules.statement_words(res)
    feature_cache(res)
    tagger = _tagger(res, folder)
    if tagger is None:
        log.info("attribution weights absent (%s): the rules read statements", folder)
    _cue_model(res, folder)
    _source_model(res, folder)
    return tagger


def make_stage(folder: Path | str = WEIGHTS_DIR) -> Stage:
    """The trained stage reading its weights from ``folder`` (the shipped ones by default)."""
    return Stage(
        name="attribution",
        run=lambda work, res: run(work, res, folder),
        run_batch=lambda works, res: run_batch(works, res, folder),
        summary="statements: cue, source and content spans tagged by a small network trained "
        "on PolNeAR (features: spaCy's tok2vec, the lexicon's reporting words, the parse, the "
        "rules' own reading), each candidate cue kept or dropped by a small classifier (the "
        "tagger's cues and the lexicon's words it left out), linked by syntax then distance, plus "
        "transcript-style speaker labels "
        "('NAME: words'); speaker resolved to the entity "
        "named, source type and factuality from the lexicon; the rules alone when the weights "
        "are absent",
        reads=("article", "doc", "entities", "mentions"),
        writes=("statements",),
        needs=("gazetteer", "lexicon"),
        implementation="trained: attribution tagger (rules when its weights are absent)",
        prepare=lambda res: prepare(res, folder),
    )


STAGE = make_stage()

__all__ = ["STAGE", "lex_classes", "link", "load_tagger", "make_stage", "rule_flags",
           "run_batch"]
