"""Stage pieces on hand-built Docs: no model needed where the model is not the point."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.model import Span
from eventwire.nlp.components import paragraph_breaks
from eventwire.nlp.spans import char_span
from eventwire.render import mark_text


def test_line_breaks_start_sentences():
    words = ["Headline", "here", "\n\n", "Gunmen", "fired", "."]
    spaces = [True, False, False, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    paragraph_breaks(doc)
    assert doc[3].is_sent_start is True
    assert doc[1].is_sent_start is not True


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
