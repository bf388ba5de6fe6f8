"""Stage pieces on hand-built Docs: no model needed where the model is not the point."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.model import Span
from eventwire.nlp.components import paragraph_breaks, split_title
from eventwire.nlp.spans import char_span
from eventwire.render import mark_text


def test_line_breaks_start_sentences():
    words = ["Headline", "here", "\n\n", "Gunmen", "fired", "."]
    spaces = [True, False, False, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    paragraph_breaks(doc)
    assert doc[3].is_sent_start is True
    assert doc[1].is_sent_start is not True


def test_a_title_glued_to_the_body_is_cut_and_ends_a_sentence():
    title = "Clerk hurt in holdup | KXYZ.com"
    words = ["Clerk", "hurt", "in", "holdup", "|", "KXYZ.comPolice", "said", "."]
    spaces = [True, True, True, True, True, True, False, False]
    doc = split_title(Doc(Vocab(), words=words, spaces=spaces), title)
    assert [t.text for t in doc][4:7] == ["|", "KXYZ.com", "Police"]
    assert doc.text == title + "Police said."  # same characters: offsets still slice
    assert doc[6].is_sent_start is True


def test_a_title_followed_by_a_space_or_another_text_is_left_alone():
    doc = Doc(Vocab(), words=["Clerk", "hurt", "Police", "said"], spaces=[True, True, True, False])
    assert split_title(doc, "Clerk hurt") is not None
    assert [t.is_sent_start for t in doc][2] is not True
    same = split_title(doc, "Another title")
    assert [t.text for t in same] == ["Clerk", "hurt", "Police", "said"]


def test_char_span_trims_edges_and_slices():
    text = "He said: “No comment.”  "
    s = char_span(text, 8, len(text))
    assert s is not None and text[s.start : s.end] == s.text == "No comment."
    assert char_span(text, 3, 3) is None


def test_mark_text_wraps_non_overlapping_spans():
    text = "Gunmen shot a judge in Lagos."
    spans = [
        (Span("shot", 7, 11), "trigger"),
        (Span("Lagos", 23, 28), "place"),
        (Span("shot a", 7, 13), "actor"),
    ]
    assert mark_text(text, spans, 0, len(text)) == "Gunmen [[shot]] a judge in <P:Lagos>."


def test_a_place_name_runs_to_its_last_capitalised_hyphen_part():
    from spacy.lang.en import English

    from eventwire.nlp.stages.entities import _hyphenated

    words = ["in", "Mazar", "-", "i", "-", "Sharif", "and", "Kansas", "-", "based", "men"]
    spaces = [True, False, False, False, False, True, True, False, False, True, False]
    doc = Doc(English().vocab, words=words, spaces=spaces)  # lexical attributes: is_alpha
    assert [t.text for t in _hyphenated([doc[1]])] == ["Mazar", "-", "i", "-", "Sharif"]
    assert [t.text for t in _hyphenated([doc[7]])] == ["Kansas"]


def test_a_page_title_glued_to_the_body_is_found():
    from eventwire.nlp.components import glued_title

    text = "Clerk hurt in holdup on Elm Street | kxyz.comPolice said a man walked in at noon."
    assert glued_title(text) == "Clerk hurt in holdup on Elm Street | kxyz.com"
    text = "Two hurt in crash - The Springfield HeraldSPRINGFIELD, Ill. -- Two people were hurt."
    assert glued_title(text) == "Two hurt in crash - The Springfield Herald"
    # a site name written in camel case is no junction; plain prose has none
    assert glued_title("Fire at mill | RiverTown.com -- A fire broke out.") is None
    assert glued_title("Police said two men were arrested on Monday.") is None
