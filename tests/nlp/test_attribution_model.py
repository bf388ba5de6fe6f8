"""The trained attribution stage: its declaration, the fallback to the rules when its weights
are absent, the brat gold it trains on, and what it reads in sentences written for these
tests."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.evaluate.polnear import load_polnear
from eventwire.model import make_article
from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.stage import check_stages, replace_stages
from eventwire.nlp.stages import DEFAULT_STAGES, attribution_model
from eventwire.nlp.stages import attribution as rules
from eventwire.nlp.trained import attribution
from eventwire.nlp.trained.attribution import (
    COLUMNS,
    TENSOR_WIDTH,
    WEIGHTS_DIR,
    AttributionTagger,
    chunks,
    decode,
    featurize,
)

from .statements import statements

# An invented article and its brat standoff annotation (offsets computed below).
TEXT = ("The mayor said the bridge would reopen in May.\n\n"
        "\u201cWe are not done,\u201d she told reporters on Friday.\n")


def _ann(text: str) -> str:
    def at(s: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)

    spans = {
        "T1": ("Source", at("The mayor")), "T2": ("Cue", at("said")),
        "T3": ("Content", at("the bridge would reopen in May")),
        "T4": ("Attribution", at("said")),
        "T5": ("Source", at("she")), "T6": ("Cue", at("told")),
        "T7": ("Content", at("\u201cWe are not done,\u201d")),
        "T8": ("Attribution", at("told")),
    }
    lines = [f"{k}\t{kind} {s} {e}\t{text[s:e]}" for k, (kind, (s, e)) in spans.items()]
    lines += ["E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
              "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5"]
    return "\n".join(lines) + "\n"


@pytest.fixture()
def brat_dir(tmp_path):
    split = tmp_path / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "invented_2020-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "invented_2020-01-01_bridge_a1.ann").write_text(
        _ann(TEXT), encoding="utf-8")
    return tmp_path


def test_stage_declaration():
    stage = attribution_model.STAGE
    assert stage.name == "attribution"
    assert stage.writes == rules.STAGE.writes
    assert stage.implementation.startswith("trained")
    assert stage.prepare is not None
    assert [s.name for s in DEFAULT_STAGES].count("attribution") == 1
    assert next(s for s in DEFAULT_STAGES if s.name == "attribution") is stage
    assert check_stages(DEFAULT_STAGES) == []
    # the rules can still be chosen explicitly
    swapped = replace_stages(DEFAULT_STAGES, {"attribution": rules.STAGE})
    assert check_stages(swapped) == []


def test_decode_bio():
    assert decode([0, 1, 2, 0, 2, 2, 1, 1]) == [(1, 3), (4, 6), (6, 7), (7, 8)]
    assert decode([]) == []
    assert decode([1, 2, 2]) == [(0, 3)]


def test_well_formed_bio():
    from eventwire.nlp.trained.attribution import bio_best

    # O, B, I logits per token: the argmax (O I I) has an I after an O
    z = np.array([[2.0, 1.5, 0.0], [0.0, 0.0, 3.0], [0.0, 0.0, 3.0]])
    assert bio_best(z) == [1, 2, 2]  # the span's start is the cheaper repair
    z = np.array([[2.0, -5.0, 0.0], [1.0, 0.0, 1.2], [3.0, 0.0, 0.0]])
    assert bio_best(z) == [0, 0, 0]  # a stray I is dropped
    assert bio_best(np.array([[0.0, 1.0, 5.0]])) == [1]  # never starts with I
    ok = np.array([[0.0, 2.0, 0.0], [0.0, 0.0, 2.0], [2.0, 0.0, 0.0]])
    assert bio_best(ok) == ok.argmax(axis=1).tolist()


def test_brat_reader_on_invented_pair(brat_dir):
    (doc,) = load_polnear(brat_dir, split="train")
    assert doc.annotator == "a1"
    assert len(doc.attributions) == 2
    src = [TEXT[s:e] for a in doc.attributions for s, e in (a.source or ())]
    assert src == ["The mayor", "she"]
    assert [TEXT[s:e] for a in doc.attributions for c in a.cues for s, e in c] == ["said", "told"]


def test_missing_weights_fall_back_to_rules(tmp_path, settings, pipeline):
    assert attribution_model.load_tagger(tmp_path / "absent") is None
    stage = attribution_model.make_stage(tmp_path / "absent")
    plain = Pipeline(settings, nlp=pipeline.nlp, resources=pipeline.resources,
                     stages=replace_stages(DEFAULT_STAGES, {"attribution": rules.STAGE}))
    fallback = Pipeline(settings, nlp=pipeline.nlp, resources=pipeline.resources,
                        stages=replace_stages(DEFAULT_STAGES, {"attribution": stage}))
    article = make_article(TEXT)
    assert fallback.extract(article).statements == plain.extract(article).statements
    assert fallback.extract(article).statements  # the rules read both statements


@pytest.mark.model
def test_gold_tags_and_features(brat_dir, pipeline):
    from eventwire.nlp.trained.train_attribution import gold_tags

    (pdoc,) = load_polnear(brat_dir, split="train")
    doc = pipeline.nlp(TEXT)
    parts = chunks(doc)
    assert len(parts) == 2  # one per paragraph
    lex = attribution_model.lex_classes(pipeline.resources)
    start, end = parts[0]
    floats, ids = featurize(doc, start, end, lex, [0] * len(doc))
    assert floats.shape == (end - start, TENSOR_WIDTH)
    assert ids.shape == (end - start, len(COLUMNS))
    tags = gold_tags(doc, start, end, pdoc)
    words = [t.text for t in doc[start:end]]
    got = {k: [" ".join(words[a:b]) for a, b in decode(tags[:, i].tolist())]
           for i, k in enumerate(("cue", "source", "content"))}
    assert got == {"cue": ["said"], "source": ["The mayor"],
                   "content": ["the bridge would reopen in May"]}


@pytest.mark.model
@pytest.mark.slow
def test_training_runs_and_saves(brat_dir, tmp_path):
    from eventwire.nlp.trained.train_attribution import train

    out = tmp_path / "weights"
    meta = train(brat_dir, out, epochs=1, say=lambda s: None)
    assert meta["train_data"]["articles"] == 1
    assert len(meta["train_data"]["sha256"]) == 64
    tagger = AttributionTagger.load(out)
    assert tagger.meta["seed"] == 0
    x = (np.zeros((3, TENSOR_WIDTH), "float32"), np.zeros((3, len(COLUMNS)), "uint64"))
    (pred,) = tagger.predict([x])
    assert pred.shape == (3, 3)


@pytest.mark.parametrize("shape", [{"depth": 2}, {"window": 1}, {"width": 16}])
def test_network_shapes_round_trip(shape):
    """A deeper, windowed or narrower network predicts one tag per kind per token, and its
    saved weights, loaded as shipped weights are (``frozen``: the features layer folded
    into tables), give the same tags."""
    meta = {"width": 24, **shape}
    tagger = AttributionTagger.create(meta)
    rng = np.random.default_rng(0)
    X = [(rng.random((n, TENSOR_WIDTH), dtype="float32"),
          rng.integers(0, 2**40, (n, len(COLUMNS))).astype("uint64")) for n in (7, 1, 4)]
    loaded = AttributionTagger.create(meta)
    loaded.model.from_bytes(tagger.model.to_bytes())
    loaded.frozen = True
    got = tagger.predict(X)
    assert [p.shape for p in got] == [(7, 3), (1, 3), (4, 3)]
    assert all((a == b).all() for a, b in zip(got, loaded.predict(X), strict=True))


def test_window_layer_keeps_sequences_apart():
    """The convolution pads each sequence: a token's tags do not depend on the paragraph
    that happens to be batched next to it."""
    tagger = AttributionTagger.create({"width": 16, "window": 1})
    rng = np.random.default_rng(1)
    a = (rng.random((5, TENSOR_WIDTH), dtype="float32"),
         rng.integers(0, 2**40, (5, len(COLUMNS))).astype("uint64"))
    b = (rng.random((3, TENSOR_WIDTH), dtype="float32"),
         rng.integers(0, 2**40, (3, len(COLUMNS))).astype("uint64"))
    features, window, *_ = tagger.model.layers
    alone = window.predict(features.predict([a]))[0]
    batched = window.predict(features.predict([a, b]))[0]
    assert np.allclose(alone, batched, atol=1e-6)


def _frozen(meta: dict[str, int]) -> AttributionTagger:
    """A tagger with random weights, loaded as shipped weights are (``frozen``)."""
    tagger = AttributionTagger.create(meta)
    loaded = AttributionTagger.create(meta)
    loaded.model.from_bytes(tagger.model.to_bytes())
    loaded.frozen = True
    return loaded


def test_fast_path_tail_is_thinc_layers_bit_for_bit():
    """The layers after the features, as ``_Tail`` runs them (the window layer with its
    layer norm computed once per operation, PERFORMANCE.md round 11), give the logits
    thinc's own layers give, bit for bit, over sequences longer than a block (with
    thinc's LSTM kernel: ``_bilstm`` is compared below)."""
    tagger = _frozen({"width": 24, "window": 1})
    tagger.thinc_lstm = True
    rng = np.random.default_rng(2)
    X = [(rng.random((n, TENSOR_WIDTH), dtype="float32"),
          rng.integers(0, 2**40, (n, len(COLUMNS))).astype("uint64")) for n in (300, 7, 1)]
    tagger.predict(X[1:2])  # builds the fast path's parts
    _features, window, lstm, output = tagger.model.layers
    H = tagger._projected(tagger.model.ops, X)
    expected = output.predict(lstm.predict(window.predict(H)))
    got = tagger._tail.flat(np.concatenate(H), [len(h) for h in H])
    assert np.array_equal(got, np.concatenate(expected))


@pytest.mark.parametrize("width", [24, 48])
def test_numpy_lstm_is_thincs_kernel_within_float_rounding(width):
    """``_bilstm`` computes what thinc's ``lstm_forward_inference`` does, step by step on
    the same float32 numbers, with numpy's exp and tanh instead of libm's (they differ in
    the last bit for some inputs): the outputs agree to float rounding, over sequences of
    many lengths (one token, equal lengths, one much longer), and so do the logits."""
    tagger = _frozen({"width": width, "window": 1})
    rng = np.random.default_rng(4)
    lstm = tagger.model.layers[2].layers[0]
    # weights of a trained size (initialised ones are small), a nonzero starting state
    lstm.set_param("LSTM", (rng.standard_normal(lstm.get_param("LSTM").shape) * 0.5)
                   .astype("float32"))
    lstm.set_param("HC0", (rng.standard_normal(lstm.get_param("HC0").shape) * 0.3)
                   .astype("float32"))
    gates = attribution._Gates.of(lstm)
    assert gates is not None
    ops = lstm.ops
    HC0 = lstm.get_param("HC0")
    for lengths in ([1], [5, 5, 5], [40, 17, 17, 9, 3, 1, 1], [200, 2]):
        sizes = [sum(n > t for n in lengths) for t in range(max(lengths))]
        X = (rng.standard_normal((sum(lengths), width)) * 2).astype("float32")
        expected = ops.lstm_forward_inference(lstm.get_param("LSTM"), HC0[0], HC0[1], X,
                                              ops.asarray1i(sizes))
        got = attribution._bilstm(ops, gates, X, sizes)
        assert got.shape == expected.shape
        assert np.abs(got - expected).max() <= 1e-5
    X = [(rng.random((n, TENSOR_WIDTH), dtype="float32"),
          rng.integers(0, 2**40, (n, len(COLUMNS))).astype("uint64")) for n in (60, 7, 1)]
    tagger.predict(X[1:2])  # builds the fast path's parts
    H = np.concatenate(tagger._projected(ops, X))
    assert tagger._tail is not None and not tagger._tail.thinc_lstm
    sizes = [len(x[0]) for x in X]
    thinc_tail = attribution._Tail.of(tagger.model, thinc_lstm=True)
    assert thinc_tail is not None
    assert np.abs(tagger._tail.flat(H, sizes) - thinc_tail.flat(H, sizes)).max() <= 1e-5


def test_projected_features_sum_the_columns_in_order():
    """The projected features add each token's 13 looked-up rows block by block into one
    buffer (PERFORMANCE.md round 11): the same sums as adding whole columns one after the
    other, and the layer norm as thinc's, bit for bit."""
    tagger = _frozen({"width": 24})
    rng = np.random.default_rng(3)
    X = [(rng.random((n, TENSOR_WIDTH), dtype="float32"),
          rng.integers(0, 2**40, (n, len(COLUMNS))).astype("uint64")) for n in (700, 5)]
    tagger.predict(X[1:])
    p, ops = tagger._projected, tagger.model.ops
    idx = (np.concatenate([i for _, i in X]) % p.rows).astype("int64") + p.offsets
    Y = ops.gemm(np.concatenate([f for f, _ in X]), p.w_floats, trans2=True)
    Y += p.bias
    for j in range(idx.shape[1]):
        Y += p.table[idx[:, j]]
    best = np.maximum(Y[:, 0::2], Y[:, 1::2])
    expected = p.norm.predict(np.ascontiguousarray(best))
    assert np.array_equal(p.flat(ops, X), expected)


needs_weights = pytest.mark.skipif(
    attribution_model.load_tagger(WEIGHTS_DIR) is None, reason="attribution weights absent")




@needs_weights
@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker", "cue", "content_has"), [
    ("The interior minister said on Tuesday that the talks had failed.",
     "The interior minister", "said", "the talks had failed"),
    ("\u201cThe road is closed,\u201d a police spokeswoman told reporters.",
     "a police spokeswoman", "told", "The road is closed"),
    ("According to the health ministry, four people were wounded.",
     "the health ministry", "According to", "four people were wounded"),
])
def test_trained_reads_statement(pipeline, text, speaker, cue, content_has):
    got = statements(pipeline, text)
    assert any(s == speaker and c == cue and content_has in x for s, c, x in got), got


@needs_weights
@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Officers responded to a report of gunfire near the market.",
    "Witnesses saw the gunmen leave. Then they attacked two policemen at the gate.",
])
def test_event_verbs_are_not_cues(pipeline, text):
    cues = {c for _s, c, _x in statements(pipeline, text)}
    assert not cues & {"responded", "attacked"}, cues


@needs_weights
@pytest.mark.model
def test_acts_told_without_words_are_nostatements(pipeline):
    # a verb whose object names an act tells the act ("imposed sanctions"); a verb the
    # lexicon does not know as saying cannot report what another sentence says
    text = ("A bodyguard fired back, and one gunman was arrested, police said in a statement. "
            "His accomplice escaped. Later that day, the finance ministry imposed sanctions "
            "on three smugglers it blamed for the ambush.")
    got = statements(pipeline, text)
    # the cues are the saying ("said", or "said in a statement" as PolNeAR often marks it)
    # and, at most, the blame the ministry lays (an accusation: a stance, as PolNeAR marks
    # it); neither the act ("imposed") nor the escape is a statement
    cues = {c for _s, c, _x in got}
    assert any(c.startswith("said") for c in cues), got
    # ("blamed for": the preposition whose object is the content belongs to the cue)
    assert cues - {c for c in cues if c.startswith("said")} <= {"blamed", "blamed for"}, got
    assert all(s is None or s.strip(" ,.") for s, _c, _x in got)


@needs_weights
@pytest.mark.model
def test_pronoun_speaker_is_resolved(pipeline):
    text = ("Maria Delgado, the city's police chief, visited the scene on Monday. "
            "She said the attackers had fled north.")
    record = pipeline.extract(make_article(text))
    said = [s for s in record.statements if s.cue.text == "said"]
    assert said and said[0].speaker is not None
    assert said[0].speaker.text == "She"
    assert said[0].speaker.name == "Maria Delgado"


def _bounds(pipeline, text: str, words: str) -> str:
    """The source ``_source_bounds`` and ``_source_span`` make of the tokens of ``words``
    (their first occurrence in ``text``), within the whole text as one sequence."""
    doc = pipeline.nlp(text)
    start = text.index(words)
    got = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert got is not None
    r = attribution_model._source_bounds(doc, (got.start, got.end), (0, len(doc)))
    span = attribution_model._source_span(doc, r)
    assert span is not None and text[span.start:span.end] == span.text
    return span.text


@pytest.mark.model
@pytest.mark.parametrize(("text", "tagged", "source"), [
    # a hyphenated word is one word
    ("The 17-year-old Omar Vance told reporters he had left early.",
     "year-old Omar Vance", "The 17-year-old Omar Vance"),
    # a parenthesis opened inside the source is closed inside it
    ("Sen. Ruth Alder (D-Ore.) said the bill would pass.",
     "Sen. Ruth Alder (D-Ore.", "Sen. Ruth Alder (D-Ore.)"),
    # a parenthetical set off by commas keeps its closing comma
    ("Dana Kowalski, a historian at Elmwood College, said the vote was close.",
     "Dana Kowalski, a historian at Elmwood College",
     "Dana Kowalski, a historian at Elmwood College,"),
    # ... but a source without one does not take the comma after it
    ("Dana Kowalski, however, said the vote was close.", "Dana Kowalski", "Dana Kowalski"),
    # a noun and its apposition are one source, whichever the tagger found
    ("Her senior policy adviser, Jake Sullivan, said the plan was sound.",
     "Jake Sullivan", "Her senior policy adviser, Jake Sullivan,"),
    ("Jake Sullivan, her senior policy adviser, said the plan was sound.",
     "Jake Sullivan", "Jake Sullivan, her senior policy adviser,"),
    # a noun with its modifiers; a determiner with its noun
    ("State election officials said the count would resume.", "officials",
     "State election officials"),
    ("The campaign said the rally would go ahead.", "The", "The campaign"),
    # a relative clause begun inside the source is taken whole (with its closing comma)
    ("Tom Reyes, who has led the union since 2019, said the strike would go on.",
     "Tom Reyes, who has led the union", "Tom Reyes, who has led the union since 2019,"),
    # a source does not end on a preposition or a determiner
    ("A new poll in the state showed the race was tied.", "A new poll in",
     "A new poll"),
    ("The mayor on Friday said the bridge was safe.", "The mayor on", "The mayor"),
    # a relative clause whose first words end the source is taken whole
    ("Tom Reyes, a union leader who had backed the bill, said the strike would go on.",
     "Tom Reyes, a union leader who", "Tom Reyes, a union leader who had backed the bill,"),
    # words that hang from the verb are not the speaker's
    ("Mayor Ann Ortiz on Friday said the bridge was safe.", "Mayor Ann Ortiz on Friday",
     "Mayor Ann Ortiz"),
])
def test_source_bounds(pipeline, text, tagged, source):
    assert _bounds(pipeline, text, tagged) == source


@pytest.mark.model
def test_clause_start_joins_its_clause(pipeline):
    text = "The mayor wrote that if the bridge reopened, traffic would ease by May."
    doc = pipeline.nlp(text)

    def rng(words: str) -> tuple[int, int]:
        start = text.index(words)
        got = doc.char_span(start, start + len(words), alignment_mode="expand")
        assert got is not None
        return got.start, got.end

    joined = attribution_model._join_clause(doc, [rng("that"), rng("traffic would ease by May")])
    assert [doc[a:b].text for a, b in joined] == [
        "that if the bridge reopened, traffic would ease by May"]
    # a complementizer alone, its clause untagged, is no content
    assert attribution_model._join_clause(doc, [rng("that")]) == []


def _hand_doc(words, lemmas, pos, heads, deps):
    """A parsed sentence built by hand (the parse is the test's, not the model's)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps)


def test_stance_verbs_on_event_triggers_stay_cues():
    from types import SimpleNamespace

    from eventwire.nlp.resources import Resources

    lex = attribution_model.lex_classes(Resources())
    # "The union threatened to strike ." / "The army shelled the town ."
    doc = _hand_doc(["The", "union", "threatened", "to", "strike", "."],
                    ["the", "union", "threaten", "to", "strike", "."],
                    ["DET", "NOUN", "VERB", "PART", "VERB", "PUNCT"],
                    [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "aux", "xcomp", "punct"])
    acts = _hand_doc(["The", "army", "shelled", "the", "town", "."],
                     ["the", "army", "shell", "the", "town", "."],
                     ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                     [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "det", "dobj", "punct"])
    for d, expected in ((doc, False), (acts, True)):
        work = SimpleNamespace(mentions=[SimpleNamespace(trigger=d[2])])
        # both verbs are the trigger of an event; only the act is no statement
        assert attribution_model._is_event_verb(work, d[2], lex, set()) is expected
    assert lex.speaks(doc[2]) and not lex.speaks(acts[2])
    # the stance verbs are no feature of the tagger: its lexicon classes are unchanged
    assert lex.of(doc[2]) == ""


def _parsed(spec: str):
    """A hand-parsed sentence: one ``word|TAG|POS|head|dep`` per token (head: an index)."""
    import spacy
    from spacy.tokens import Doc

    rows = [t.split("|") for t in spec.split()]
    return Doc(spacy.blank("en").vocab, words=[r[0] for r in rows], tags=[r[1] for r in rows],
               pos=[r[2] for r in rows], heads=[int(r[3]) for r in rows],
               deps=[r[4] for r in rows])


@pytest.mark.parametrize(("spec", "cue", "source"), [
    # a participle without a subject of its own: the subject of the verb it hangs from
    ("The|DT|DET|1|det mayor|NN|NOUN|2|nsubj spoke|VBD|VERB|2|ROOT ,|,|PUNCT|2|punct "
     "noting|VBG|VERB|2|advcl delays|NNS|NOUN|4|dobj .|.|PUNCT|2|punct", (4, 5), "The mayor"),
    # "according to X"
    ("According|VBG|VERB|5|prep to|IN|ADP|0|prep the|DT|DET|3|det ministry|NN|NOUN|1|pobj "
     "prices|NNS|NOUN|5|nsubj rose|VBD|VERB|5|ROOT .|.|PUNCT|5|punct", (0, 2), "the ministry"),
    # a passive cue's agent
    ("The|DT|DET|1|det plan|NN|NOUN|3|nsubjpass was|VBD|AUX|3|auxpass "
     "criticized|VBN|VERB|3|ROOT by|IN|ADP|3|agent unions|NNS|NOUN|4|pobj .|.|PUNCT|3|punct",
     (3, 4), "unions"),
    # a passive's subject is what was said, never who said it
    ("The|DT|DET|1|det plan|NN|NOUN|3|nsubjpass was|VBD|AUX|3|auxpass "
     "announced|VBN|VERB|3|ROOT .|.|PUNCT|3|punct", (3, 4), None),
    # a relative pronoun is no speaker by itself
    ("that|WDT|PRON|1|nsubj said|VBD|VERB|1|ROOT so|RB|ADV|1|advmod", (1, 2), None),
    # a participle set off at the end of a reported clause goes on with the reporter, though
    # the parse hangs it from the reported verb ("The army denied that troops fired,
    # saying ...")
    ("The|DT|DET|1|det army|NN|NOUN|2|nsubj denied|VBD|VERB|2|ROOT that|IN|SCONJ|5|mark "
     "troops|NNS|NOUN|5|nsubj fired|VBD|VERB|2|ccomp ,|,|PUNCT|5|punct "
     "saying|VBG|VERB|5|advcl nothing|NN|PRON|7|dobj .|.|PUNCT|2|punct", (7, 8), "The army"),
    # without the comma it is the reported clause's own
    ("The|DT|DET|1|det army|NN|NOUN|2|nsubj denied|VBD|VERB|2|ROOT that|IN|SCONJ|5|mark "
     "troops|NNS|NOUN|5|nsubj left|VBD|VERB|2|ccomp saying|VBG|VERB|5|advcl "
     "nothing|NN|PRON|6|dobj .|.|PUNCT|2|punct", (6, 7), "troops"),
])
def test_syntactic_source(spec, cue, source):
    doc = _parsed(spec)
    got = attribution_model._syntactic_source(doc, doc[cue[0]], cue,
                                              frozenset({"that", "which", "it"}),
                                              (0, len(doc)))
    assert (doc[got[0]:got[1]].text if got else None) == source


def test_cue_bias_makes_outside_less_likely():
    tagger = AttributionTagger.create({"width": 8})
    ids = np.arange(5 * len(COLUMNS), dtype="uint64").reshape(5, len(COLUMNS))
    X = [(np.zeros((5, TENSOR_WIDTH), dtype="float32"), ids)]
    plain = tagger.predict(X)[0]
    got = tagger.predict(X, cue_bias=[np.array([0, 0, 100, 0, 0], dtype="float32")])[0]
    assert got[2, 0] != 0  # the biased token is in a cue
    keep = [0, 1, 3, 4]
    assert (got[keep] == plain[keep]).all() and (got[:, 1:] == plain[:, 1:]).all()


def test_features_say_which_words_speak():
    import spacy
    from spacy.tokens import Doc

    from eventwire.nlp.resources import Resources
    from eventwire.nlp.trained.attribution import DocFeatures

    lex = attribution_model.lex_classes(Resources())
    doc = Doc(spacy.blank("en").vocab,
              words=["Unions", "threatened", "strikes", "as", "troops", "shelled", "towns"],
              lemmas=["union", "threaten", "strike", "as", "troop", "shell", "town"])
    assert DocFeatures(doc, lex).speaks.tolist() == [False, True, False, False, False, False,
                                                     False]


def test_cue_takes_the_clause_it_governs_over_its_object():
    doc = _parsed("The|DT|DET|1|det mayor|NN|NOUN|2|nsubj told|VBD|VERB|2|ROOT "
                  "reporters|NNS|NOUN|2|dobj that|IN|SCONJ|8|mark the|DT|DET|6|det "
                  "road|NN|NOUN|8|nsubjpass was|VBD|AUX|8|auxpass closed|VBN|VERB|2|ccomp "
                  ".|.|PUNCT|2|punct")
    spans = [(3, 4), (4, 9)]  # "reporters", "that the road was closed"
    roots = [attribution_model._root(doc, r) for r in spans]
    bounds = [(0, len(doc))] * len(doc)
    assert attribution_model._pick(doc, (2, 3), spans, roots, True, False, bounds) == 1
    # the object alone is still the content the cue governs
    assert attribution_model._pick(doc, (2, 3), spans[:1], roots[:1], True, False, bounds) == 0


@pytest.mark.parametrize(("spec", "cue", "contents", "edges"), [
    # the preposition a verb takes, when the content is its object: "referred to [the deal]"
    ("She|PRP|PRON|1|nsubj referred|VBD|VERB|1|ROOT to|IN|ADP|1|prep the|DT|DET|4|det "
     "deal|NN|NOUN|2|pobj .|.|PUNCT|1|punct", (1, 2), [(3, 5)], (1, 3)),
    # not a preposition of time: "said on [Friday] that ..." (the content is the clause)
    ("He|PRP|PRON|1|nsubj said|VBD|VERB|1|ROOT on|IN|ADP|1|prep Friday|NNP|PROPN|2|pobj "
     "that|IN|SCONJ|6|mark rain|NN|NOUN|6|nsubj fell|VBD|VERB|1|ccomp", (1, 2), [(4, 7)],
     (1, 2)),
    # a colon right after the cue opens what was said: "wrote:"
    ("She|PRP|PRON|1|nsubj wrote|VBD|VERB|1|ROOT :|:|PUNCT|1|punct We|PRP|PRON|4|nsubj "
     "lost|VBD|VERB|1|ccomp", (1, 2), [(3, 5)], (1, 3)),
])
def test_cue_edges(spec, cue, contents, edges):
    doc = _parsed(spec)
    assert attribution_model._cue_edges(doc, cue, contents, len(doc)) == edges


@needs_weights
@pytest.mark.model
def test_speaker_labels_with_a_colon(pipeline):
    """A transcript's "NAME: words" is a statement whose cue is the colon; a label that
    names no one ("CORRECTION:") or an account ("on Twitter: @x") is not."""
    text = ("The anchor pressed the point on the schedule.\n\nJANE MARLOWE: Why not debate "
            "in Ohio?\n\nPETER QUILL: The senator does not get to decide this.")
    got = statements(pipeline, text)
    assert ("JANE MARLOWE", ":", "Why not debate in Ohio?") in got, got
    assert ("PETER QUILL", ":", "The senator does not get to decide this.") in got, got
    for text in ("CORRECTION: An earlier version of this story misstated the date of the vote.",
                 "Follow the reporter on Twitter: @someone_here"):
        assert not [c for _s, c, _x in statements(pipeline, text) if c == ":"]


@needs_weights
@pytest.mark.model
def test_the_cues_subject_speaks(pipeline):
    """The cue's subject is its speaker, not a source named before it ("the survey")."""
    text = ("A survey by Elmwood College was released on Monday. Of the voters it reached, "
            "59 percent said the economy was getting worse.")
    got = statements(pipeline, text)
    assert [s for s, c, _x in got if c == "said"] == ["59 percent"], got


@needs_weights
@pytest.mark.model
def test_prepositional_cues(pipeline):
    text = ("The senator referred to the deal as a disaster. She wrote: \"We were misled.\"")
    cues = {c for _s, c, _x in statements(pipeline, text)}
    assert {"referred to", "wrote:"} <= cues, cues


@needs_weights
@pytest.mark.model
def test_a_relative_pronoun_speaks_for_its_antecedent(pipeline):
    # the span stays "which", the evidence; who speaks is the noun it stands for
    rec = pipeline.extract(make_article(
        "The blast was reported by state television, which said three soldiers had died."))
    said = [a for a in rec.statements if a.cue.text == "said"]
    assert said and said[0].speaker is not None and said[0].speaker.text == "which"
    assert said[0].source_type == "media"


def test_features_are_the_same_from_threads_sharing_one_cache():
    # the word table numbers each new word by the words before it: threads that share a
    # pipeline (one cache) must read the same features as one thread alone
    import threading

    import spacy
    from spacy.tokens import Doc

    from eventwire.nlp.resources import Resources
    from eventwire.nlp.trained.attribution import DocFeatures, FeatureCache

    lex = attribution_model.lex_classes(Resources())
    vocab = spacy.blank("en").vocab
    docs = [Doc(vocab, words=[f"w{i}x{j}" for j in range(40)]) for i in range(24)]
    alone = [DocFeatures(d, lex, FeatureCache(lex)).ids.copy() for d in docs]
    shared = FeatureCache(lex)
    got: dict[int, np.ndarray] = {}

    def work(k: int) -> None:
        for i in range(k, len(docs), 4):
            got[i] = DocFeatures(docs[i], lex, shared).ids.copy()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all((got[i] == alone[i]).all() for i in range(len(docs)))
