"""The attribution stage's speaker ranker: each candidate speaker's features (on
hand-parsed sentences written for these tests), the choice and its threshold, the rules'
choice kept without the weights file, the fit's determinism, the weights file's round trip
and the graded training labels."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from eventwire.nlp.resources import Resources
from eventwire.nlp.stages import attribution_model
from eventwire.nlp.trained.cue_classifier import quote_marks
from eventwire.nlp.trained.source_ranker import (
    NAMES,
    Candidate,
    CueView,
    SourceRanker,
    fit,
    phrase_part,
    source_features,
    source_rows,
)
from eventwire.nlp.trained.train_sources import label


def _parsed(spec: str):
    """A hand-parsed text: one ``word|lemma|POS|head|dep[|ent]`` per token (heads are
    absolute token indices)."""
    import spacy
    from spacy.tokens import Doc

    rows = [t.split("|") for t in spec.split()]
    ents = [(f"B-{r[5]}" if len(r) > 5 else "O") for r in rows]
    return Doc(spacy.blank("en").vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows],
               pos=[r[2] for r in rows], heads=[int(r[3]) for r in rows],
               deps=[r[4] for r in rows], ents=ents)


# "Ortiz arrived . The police said he left ."
DOC = _parsed(
    "Ortiz|Ortiz|PROPN|1|nsubj|PERSON arrived|arrive|VERB|1|ROOT .|.|PUNCT|1|punct "
    "The|the|DET|4|det police|police|NOUN|5|nsubj said|say|VERB|5|ROOT "
    "he|he|PRON|7|nsubj left|leave|VERB|5|ccomp .|.|PUNCT|5|punct")
BOUNDS = [(0, 3)] * 3 + [(3, 9)] * 6
CUE = (5, 6)


def _view(p: float = 0.9) -> CueView:
    return CueView(cue=CUE, head=DOC[5], p=p, p_mean=0.8, tagged=True, lexicon=True,
                   bounds=BOUNDS, cues=[CUE], contents=[(6, 8)], quotes=quote_marks(DOC)[0],
                   commas=quote_marks(DOC)[1])


def _cand(r, root, **kw) -> Candidate:
    args = {"tagged": True, "syntactic": False, "rule_pick": False, "subject": False,
            "subject_of_other": False, **kw}
    return Candidate(r=r, root=DOC[root], **args)


CANDS = [_cand((3, 5), 4, syntactic=True, rule_pick=True, subject=True),
         _cand((0, 1), 0), _cand((6, 7), 6)]


def _f(row: np.ndarray) -> dict[str, float]:
    return dict(zip(NAMES, row.tolist(), strict=True))


def test_features_of_the_candidates():
    X = source_features(DOC, _view(), CANDS)
    police, ortiz, he = (_f(r) for r in X)
    # the cue's subject, just before it in its sentence
    assert police["subject"] == police["syntactic"] == police["rule_pick"] == 1
    assert police["before"] == police["adjacent"] == police["nearest"] == 1
    assert police["same_sent"] == 1 and police["prev_sent"] == 0
    assert police["root_noun"] == police["dep_nsubj"] == 1 and police["length"] == 0.2
    # a name in the sentence before
    assert ortiz["prev_sent"] == 1 and ortiz["same_sent"] == 0 and ortiz["before"] == 1
    assert ortiz["root_propn"] == ortiz["ent_person"] == ortiz["one_word"] == 1
    assert ortiz["gap"] == pytest.approx(4 / 20) and ortiz["nearest"] == 0
    # a pronoun after the cue, inside what was said
    assert he["before"] == 0 and he["root_pron"] == 1 and he["in_content"] == 1
    # what is known of the cue is the same on every row
    for row in (police, ortiz, he):
        assert row["cue_p"] == pytest.approx(0.9) and row["cue_p_mean"] == pytest.approx(0.8)
        assert row["cue_tagged"] == row["cue_lexicon"] == 1 and row["cue_has_subject"] == 1
        assert row["n_candidates"] == pytest.approx(3 / 5)


def _ranker(weights: dict[str, float], keep: float = 0.5) -> SourceRanker:
    w = np.zeros(len(NAMES))
    for name, v in weights.items():
        w[NAMES.index(name)] = v
    return SourceRanker(np.zeros(len(NAMES)), np.ones(len(NAMES)), w, -1.0, {"keep": keep})


def test_choice_and_threshold():
    X = source_features(DOC, _view(), CANDS)
    assert _ranker({"subject": 3.0}).choose(X) == 0
    assert _ranker({"prev_sent": 3.0}).choose(X) == 1
    # no candidate likely enough: the cue has no speaker
    assert _ranker({"subject": 3.0}, keep=0.95).choose(X) == -1
    # a doubtful cue takes no speaker when the weights say so
    doubt = _ranker({"subject": 0.8, "cue_p": 2.0})
    assert doubt.choose(source_features(DOC, _view(p=0.9), CANDS)) == 0
    assert doubt.choose(source_features(DOC, _view(p=0.0), CANDS)) == -1
    assert _ranker({}).choose(np.zeros((0, len(NAMES)))) == -1


def test_rank_source_falls_back_to_the_rules_and_adds_the_syntactic_speaker(tmp_path):
    res = Resources()
    lex = attribution_model.lex_classes(res)
    work = SimpleNamespace(doc=DOC)

    def rank(model, rule_si, syn):
        sources = [(0, 1), (6, 7)]
        roots = [DOC[0], DOC[6]]
        got = attribution_model._rank_source(
            work, lex, CUE, DOC[5], rule_si, syn, 2, sources, roots, [CUE], [(6, 8)],
            BOUNDS, np.zeros(len(DOC)), {}, True, model, {})
        return got, sources

    # no weights file: the rules' choice stands
    assert attribution_model._source_model(res, tmp_path) is None
    assert rank(None, 0, (3, 5)) == (0, [(0, 1), (6, 7)])
    # the ranker picks the syntactic speaker, which joins the sources
    got, sources = rank(_ranker({"syntactic": 3.0}), 0, (3, 5))
    assert sources[got] == (3, 5) and len(sources) == 3
    # or none
    assert rank(_ranker({"syntactic": 3.0}, keep=0.99), 0, (3, 5))[0] == -1


def test_fit_is_deterministic_and_round_trips(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.random((400, len(NAMES)))
    y = np.where(X[:, 3] > 0.6, 1.0, np.where(X[:, 3] > 0.5, 0.5, 0.0))
    a = fit(X, y, steps=300, meta={"keep": 0.4})
    b = fit(X, y, steps=300, meta={"keep": 0.4})
    assert np.array_equal(a.w, b.w) and a.bias == b.bias
    assert np.mean((a.probs(X) >= 0.5) == (y >= 0.5)) > 0.9
    a.save(tmp_path / "sources.json")
    b.save(tmp_path / "again.json")
    assert (tmp_path / "sources.json").read_bytes() == (tmp_path / "again.json").read_bytes()
    c = SourceRanker.load(tmp_path / "sources.json")
    assert c is not None and c.keep == 0.4
    assert np.allclose(c.probs(X[:5]), a.probs(X[:5]), atol=1e-4)
    assert SourceRanker.load(tmp_path / "absent.json") is None
    broken = (tmp_path / "sources.json").read_text().replace('"tagged"', '"tagged_x"')
    (tmp_path / "broken.json").write_text(broken)
    with pytest.raises(ValueError):
        SourceRanker.load(tmp_path / "broken.json")


def test_graded_labels():
    text = "The mayor said it rained."
    gold = [((((10, 14),),), ((0, 9),))]  # cue "said", source "The mayor"
    assert label(text, (10, 14), (0, 9), gold) == 1.0
    assert label(text, (10, 14), (4, 9), gold) == 0.5  # "mayor": part of it
    assert label(text, (10, 14), (15, 17), gold) == 0.0  # "it": another phrase
    # a cue the annotators did not mark: the phrase alone is judged, as the measure does
    assert label(text, (18, 24), (0, 9), gold) == 1.0
    assert label(text, (18, 24), (15, 17), gold) == 0.0
    # a gold cue whose gold attribution has no source: no candidate is right
    assert label(text, (10, 14), (0, 9), [((((10, 14),),), None)]) == 0.0


def test_rows_as_lists_score_as_the_array():
    rows = source_rows(DOC, _view(), CANDS)
    X = source_features(DOC, _view(), CANDS)
    assert np.array_equal(np.asarray(rows), X)
    # a phrase read once for the paragraph gives the same row as one read here
    part = phrase_part(DOC[4], (3, 5), BOUNDS, quote_marks(DOC)[0], quote_marks(DOC)[1],
                       [(6, 8)])
    again = source_rows(
        DOC, _view(), [replace(CANDS[0], part=part), *CANDS[1:]])
    assert again == rows
    for weights, keep in (({"subject": 3.0}, 0.4), ({"prev_sent": 3.0}, 0.4),
                          ({"subject": 3.0}, 0.95), ({"subject": 0.8, "cue_p": 2.0}, 0.4)):
        r = _ranker(weights, keep=keep)
        assert r.choose_rows(rows) == r.choose(X)
    assert _ranker({}).choose_rows([]) == -1


def test_only_a_doubtful_speaker_is_ranked():
    sure = attribution_model.SURE_SPEAKER_CUE_P
    # the tagged speaker is the cue's subject and the cue is sure: the rules' choice stands
    assert not attribution_model._doubtful_speaker(True, sure)
    # a speaker the syntax does not link, or a doubtful cue: the ranker decides
    assert attribution_model._doubtful_speaker(False, 0.99)
    assert attribution_model._doubtful_speaker(True, sure - 0.01)
