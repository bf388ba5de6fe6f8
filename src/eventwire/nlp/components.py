"""spaCy components eventwire adds to the loaded pipeline (registered here, used in
pipeline.py). Only this package imports spaCy."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# A page title that ends with its site's name ("Man shot in Frankford | 6abc.com", "...
# - Los Angeles Times") glued to the body's first word: a separator, the site's name,
# then a lower-case letter, digit or period touching a capital ("6abc.comPolice say").
_TITLE_SEPARATOR = re.compile(r"\s[|«»–—-]\s")
_JUNCTION = re.compile(r"[a-z0-9.)](?=[A-Z][A-Za-z])")
_DOMAIN_AHEAD = re.compile(r"[A-Za-z0-9]+\.(?:com|org|net|co|tv)\b")
_SITE_NAME = 90  # characters a site's name may take after its separator


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


def glued_title(text: str) -> str | None:
    """The page title a scraped text opens with when its body is glued to it, else None:
    after the first separator of the first line that has one, the last junction of a
    lower-case letter and a capital within a site's name's length, unless the capital
    starts a domain name ("RanchoMurieta.com")."""
    line_end = text.find("\n")
    head = text[: line_end if line_end >= 0 else 400][:400]
    for sep in _TITLE_SEPARATOR.finditer(head):
        if sep.start() < 8:
            continue
        start = sep.end()
        cut = None
        for m in _JUNCTION.finditer(head, start, min(len(head), start + _SITE_NAME)):
            if not _DOMAIN_AHEAD.match(text, m.end()):
                cut = m.end()
        if cut is not None:
            return text[:cut]
    return None


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
