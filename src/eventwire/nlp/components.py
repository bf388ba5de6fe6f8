"""spaCy components eventwire adds to the loaded pipeline (registered here, used in
pipeline.py). Only this package imports spaCy."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("eventwire_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run into the
    next one (the parser otherwise joins "headline\\n\\nFirst sentence")."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


def split_title(doc: Doc, title: str | None) -> Doc:
    """Scraped text often glues the page title to the body ("...| kxyz.comSpringfield
    police are ..."): when the text opens with the article's title, the title ends a
    sentence and the token that straddles its end is cut in two."""
    head = (title or "").strip()
    text = doc.text
    end = len(head)
    if not head or end >= len(text) or not text.startswith(head) or text[end].isspace():
        return doc
    cut = next((t for t in doc if t.idx < end < t.idx + len(t.text)), None)
    if cut is not None:
        # a new Doc rather than the retokenizer: a split leaves dependency heads behind,
        # and the parser then ignores the sentence start set below
        k = end - cut.idx
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        words[cut.i : cut.i + 1] = [cut.text[:k], cut.text[k:]]
        spaces[cut.i : cut.i + 1] = [False, spaces[cut.i]]
        doc = Doc(doc.vocab, words=words, spaces=spaces)
    first = next((t for t in doc if t.idx >= end), None)
    if first is not None and first.i > 0:
        first.is_sent_start = True
    return doc
