"""The attribution stage's second stage: candidate cues the tagger left out, each
candidate's features (on hand-parsed sentences written for these tests), the classifier's
weights file and its decisions, and the tagger's cue probabilities it reads."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from eventwire.nlp.resources import Resources
from eventwire.nlp.stages import attribution_model
from eventwire.nlp.trained.attribution import COLUMNS, TENSOR_WIDTH, AttributionTagger
from eventwire.nlp.trained.cue_classifier import (
    LEMMA_BUCKETS,
    NAMES,
    Context,
    CueClassifier,
    cue_features,
    fit,
    lemma_bucket,
    quote_marks,
)


def _parsed(spec: str):
    """A hand-parsed sentence: one ``word|lemma|POS|head|dep[|ent]`` per token."""
    import spacy
    from spacy.tokens import Doc

    rows = [t.split("|") for t in spec.split()]
    ents = [(f"B-{r[5]}" if len(r) > 5 else "O") for r in rows]
    return Doc(spacy.blank("en").vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows],
               pos=[r[2] for r in rows], heads=[int(r[3]) for r in rows],
               deps=[r[4] for r in rows], ents=ents)


# "Mayor Ortiz warned that the bridge would close ."
WARNED = _parsed(
    "Mayor|mayor|PROPN|1|compound Ortiz|Ortiz|PROPN|2|nsubj|PERSON warned|warn|VERB|2|ROOT "
    "that|that|SCONJ|7|mark the|the|DET|5|det bridge|bridge|NOUN|7|nsubj "
    "would|would|AUX|7|aux close|close|VERB|2|ccomp .|.|PUNCT|2|punct")
# "“ We will wait , ” she said ."
SAID = _parsed(
    "“|“|PUNCT|7|punct We|we|PRON|2|nsubj wait|wait|VERB|7|ccomp ,|,|PUNCT|7|punct "
    "”|”|PUNCT|7|punct she|she|PRON|7|nsubj ,|,|PUNCT|7|punct said|say|VERB|7|ROOT "
    ".|.|PUNCT|7|punct")


def _ctx(doc, probs=None, sources=(), contents=(), cues=(), rule=()) -> Context:
    quotes, commas = quote_marks(doc)
    return Context(probs=np.zeros(len(doc)) if probs is None else np.asarray(probs),
                   rule_cues=frozenset(rule), bounds=[(0, len(doc))] * len(doc),
                   sources=list(sources), source_subject=False,
                   contents=list(contents), content_governed=bool(contents), cues=list(cues),
                   quotes=quotes, commas=commas)


def _f(x: np.ndarray) -> dict[str, float]:
    return dict(zip(NAMES, x.tolist(), strict=True))


def test_features_of_a_verb_with_a_clause():
    probs = [0, 0, 0.8, 0, 0, 0, 0, 0, 0]
    x = _f(cue_features(WARNED, (2, 3), WARNED[2], "rep:assert", True,
                        _ctx(WARNED, probs, sources=[(0, 2)], contents=[(3, 8)], rule=[2])))
    assert x["tagged"] == x["rule"] == 1
    assert x["p_mean"] == pytest.approx(0.8) and x["p_max"] == pytest.approx(0.8)
    assert x["lex_rep"] == 1 and x["lex_none"] == 0 and x["lexicon_bias"] == 1
    assert x["pos_VERB"] == x["dep_ROOT"] == 1
    assert x["has_ccomp"] == x["ccomp_that"] == 1 and x["has_dobj"] == 0
    assert x["subj"] == x["subj_person"] == x["subj_propn"] == 1 and x["subj_pron"] == 0
    assert x["src_in_sent"] == x["content_in_sent"] == x["content_next"] == 1
    assert x["quote_in_sent"] == 0 and x["in_quotes"] == 0 and x["one_word"] == 1


def test_features_of_a_cue_after_a_quotation():
    x = _f(cue_features(SAID, (7, 8), SAID[7], "rep:neutral", False, _ctx(SAID)))
    assert x["tagged"] == 0 and x["rule"] == 0 and x["p_low"] == 1
    assert x["quote_in_sent"] == 1 and x["quote_adjacent"] == 1
    assert x["subj_pron"] == 1 and x["subj_first"] == 0 and x["has_ccomp"] == 1
    assert x["in_quotes"] == 0  # both marks are before it: the quotation is closed
    # the quoted clause's own subject is first person, and its verb stands in the quotation
    inner = _f(cue_features(SAID, (2, 3), SAID[2], "", False, _ctx(SAID)))
    assert inner["subj_first"] == 1 and inner["in_quotes"] == 1 and inner["lex_none"] == 1


def test_lemma_buckets_are_stable():
    assert lemma_bucket("say") == lemma_bucket("say")
    assert 0 <= lemma_bucket("criticize") < LEMMA_BUCKETS


def test_candidates_the_tagger_left_out():
    # "According to officials , Ortiz warned that ..." with no cue tagged
    doc = _parsed(
        "According|accord|VERB|5|prep to|to|ADP|0|prep officials|official|NOUN|1|pobj "
        ",|,|PUNCT|5|punct Ortiz|Ortiz|PROPN|5|nsubj warned|warn|VERB|5|ROOT "
        "that|that|SCONJ|8|mark rain|rain|NOUN|8|nsubj fell|fall|VERB|5|ccomp")
    speaks = np.zeros(len(doc), dtype="float32")
    speaks[[0, 5]] = 2.0
    got = attribution_model._candidates(doc, (0, len(doc)), [], speaks, {}, [])
    assert got == [(0, 2), (5, 6)]
    # a word a tagged cue holds is no candidate again
    assert attribution_model._candidates(doc, (0, len(doc)), [(5, 6)], speaks, {}, []) == [
        (0, 2)]
    # a lexicon word that is no verb, noun or adjective is no candidate
    speaks2 = np.zeros(len(doc), dtype="float32")
    speaks2[6] = 2.0
    assert attribution_model._candidates(doc, (0, len(doc)), [], speaks2, {}, []) == []
    # a rules' cue is one, with the rules' words
    rule = SimpleNamespace(cue_tokens=[doc[5]])
    assert attribution_model._candidates(doc, (0, len(doc)), [], np.zeros(len(doc)),
                                         {5: rule}, []) == [(5, 6)]


class _Fixed(CueClassifier):
    """A classifier whose probability is the tagger's mean cue probability."""

    def __init__(self, keep_tagged: float, keep_added: float) -> None:
        super().__init__(np.zeros(len(NAMES)), np.ones(len(NAMES)), np.zeros(len(NAMES)),
                         np.zeros(LEMMA_BUCKETS), 0.0,
                         {"keep_tagged": keep_tagged, "keep_added": keep_added})

    def prob(self, x: np.ndarray, bucket: int) -> float:
        return float(x[NAMES.index("p_mean")])


def test_decide_cues_keeps_and_adds_by_threshold():
    lex = attribution_model.lex_classes(Resources())
    doc = SAID
    work = SimpleNamespace(doc=doc, mentions=[])
    probs = np.array([0, 0.2, 0.45, 0, 0, 0, 0, 0.85, 0])
    speaks = np.zeros(len(doc), dtype="float32")
    speaks[2] = 2.0  # say the lexicon knew "wait"
    bounds = [(0, len(doc))] * len(doc)

    def decide(model):
        return attribution_model._decide_cues(
            work, lex, (0, len(doc)), [(7, 8)], [(5, 6)], [doc[5]], [(1, 3)], [doc[2]],
            probs, speaks, {}, bounds, model)

    assert decide(None) == [(7, 8)]  # no classifier: the tagger's cues as tagged
    assert decide(_Fixed(0.5, 0.4)) == [(2, 3), (7, 8)]
    assert decide(_Fixed(0.5, 0.5)) == [(7, 8)]
    assert decide(_Fixed(0.95, 0.4)) == [(2, 3)]
    # a tagged cue the tagger is sure of (``SURE_TAGGED_PROB``) is kept unread
    probs[7] = 0.95
    assert decide(_Fixed(0.99, 0.4)) == [(2, 3), (7, 8)]
    probs[7] = 0.85
    # a left-out word the tagger gives under ``MIN_ADDED_PROB`` is not even read
    probs[2] = 0.05
    assert decide(_Fixed(0.5, 0.0)) == [(7, 8)]


def test_fit_is_deterministic_and_round_trips(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.random((400, len(NAMES)))
    y = (X[:, 2] > 0.5).astype("float64")
    buckets = rng.integers(0, LEMMA_BUCKETS, 400)
    a = fit(X, buckets, y, steps=300, meta={"keep_tagged": 0.3, "keep_added": 0.6})
    b = fit(X, buckets, y, steps=300, meta={"keep_tagged": 0.3, "keep_added": 0.6})
    assert np.array_equal(a.w, b.w) and np.array_equal(a.w_lemma, b.w_lemma)
    acc = np.mean([(a.prob(x, k) >= 0.5) == bool(t) for x, k, t in zip(X, buckets, y,
                                                                        strict=True)])
    assert acc > 0.9
    a.save(tmp_path / "cues.json")
    c = CueClassifier.load(tmp_path / "cues.json")
    assert c is not None and (c.keep_tagged, c.keep_added) == (0.3, 0.6)
    assert abs(c.prob(X[0], int(buckets[0])) - a.prob(X[0], int(buckets[0]))) < 1e-4
    assert CueClassifier.load(tmp_path / "absent.json") is None


@pytest.mark.parametrize("frozen", [False, True])
def test_cue_probabilities_agree_with_the_tags(frozen):
    tagger = AttributionTagger.create({"width": 16, "window": 1})
    if frozen:
        loaded = AttributionTagger.create({"width": 16, "window": 1})
        loaded.model.from_bytes(tagger.model.to_bytes())
        loaded.frozen = True
        tagger = loaded
    rng = np.random.default_rng(1)
    X = [(rng.random((n, TENSOR_WIDTH), dtype="float32"),
          rng.integers(0, 2**40, (n, len(COLUMNS))).astype("uint64")) for n in (30, 4)]
    probs: list[np.ndarray] = []
    tags = tagger.predict(X, cue_probs=probs)
    assert [len(p) for p in probs] == [30, 4]
    for p, t in zip(probs, tags, strict=True):
        assert ((p >= 0) & (p <= 1)).all()
        assert (t[p < 0.5, 0] == 0).all()  # "outside" has more than half: the tag is O
    # asking for them changes no tag
    assert all(np.array_equal(a, b) for a, b in zip(tagger.predict(X), tags, strict=True))
