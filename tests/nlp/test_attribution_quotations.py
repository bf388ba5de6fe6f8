"""A quotation that goes on after its attribution ('"Q1," Dana said. "Q2."') is one
content, as PolNeAR's annotators mark it (``attribution_model._continued_quotation``);
sentences invented for these tests."""

from __future__ import annotations

from eventwire.model import Span
from eventwire.nlp.stages.attribution_model import _continued_quotation


def _run(text: str, content: str, cue: str, sent_end_after: str,
         cue_starts: tuple[int, ...] = ()) -> str:
    a = text.index(content)
    c = text.index(cue, a + len(content))
    end = text.index(sent_end_after, c) + len(sent_end_after)
    got = _continued_quotation(text, Span(content, a, a + len(content)),
                               Span(cue, c, c + len(cue)), end, list(cue_starts))
    assert text[got.start : got.end] == got.text
    return got.text


def test_the_quotation_goes_on_after_said():
    text = ('The road stayed shut. "The bridge is unsafe," the engineer said. '
            '"We will not open it before spring."\nOther news followed.')
    got = _run(text, "The bridge is unsafe", "said", "said.")
    assert got.startswith("The bridge is unsafe") and got.endswith("before spring.")


def test_curly_marks_and_a_quotation_left_open_to_the_paragraph_end():
    text = ("\u201cPrices will rise,\u201d said Omar Haddad, a grain trader. "
            "\u201cFarmers have no seed left\n")
    got = _run(text, "Prices will rise", "said", "trader.")
    assert got.endswith("no seed left")


def test_left_alone():
    # the next quotation opens a new paragraph
    text = '"The bridge is unsafe," the engineer said.\n"We will not open it."'
    assert _run(text, "The bridge is unsafe", "said", "said.") == "The bridge is unsafe"
    # the next sentence is no quotation
    text = '"The bridge is unsafe," the engineer said. The council met later.'
    assert _run(text, "The bridge is unsafe", "said", "said.") == "The bridge is unsafe"
    # the content comes after its cue: no quotation closes before the cue
    text = 'The engineer said: "The bridge is unsafe." "It will stay shut."'
    a, c = text.index("The bridge"), text.index("said")
    content = Span("The bridge is unsafe", a, a + 20)
    assert _continued_quotation(text, content, Span("said", c, c + 4), text.index('" "') + 1,
                                []) is content
    # a comma before the next quotation's close leads into its own attribution
    text = '"The bridge is unsafe," the engineer said. "It will stay shut," the mayor said.'
    assert _run(text, "The bridge is unsafe", "said", "said.") == "The bridge is unsafe"
    # the next quotation has an attribution of its own
    text = ('"The bridge is unsafe," the engineer said. "It will stay shut," '
            'she added.')
    assert _run(text, "The bridge is unsafe", "said", "said.",
                (text.index("added"),)) == "The bridge is unsafe"
