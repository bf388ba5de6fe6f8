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
