"""spaCy components eventwire adds to the loaded pipeline (registered here, used in
pipeline.py). Only this package imports spaCy."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import IDX, SENT_START
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
    starts = [nxt.i for token in doc[:-1]
              if ("\n" in token.text_with_ws or (token.is_space and "\n" in token.text))
              and not (nxt := doc[token.i + 1]).is_space]
    _set_sent_starts(doc, starts)
    return doc


def _set_sent_starts(doc: Doc, indices: list[int]) -> None:
    """Mark tokens as sentence starts in one write: ``Token.is_sent_start = True`` checks
    the whole Doc for a parse on every call, which made a text of many lines quadratic."""
    if not indices:
        return
    values: Any = doc.to_array([SENT_START])
    values[indices] = 1
    doc.from_array([SENT_START], values)


# Where a long sentence is best cut: after these, or before a coordinating conjunction.
_CUT_AFTER = frozenset({",", ";", ":", "—", "–", "-", ")"})
_CUT_BEFORE = frozenset({"and", "but", "or", "while", "as", "after", "before"})


def cap_sentences(doc: Doc, max_tokens: int, text: str | None = None) -> Doc:
    """No stretch of more than ``max_tokens`` tokens without a sentence start (line breaks
    count as starts, see ``paragraph_breaks``): a longer one is cut at its last comma,
    semicolon or conjunction in the second half of the window, else at the limit.
    ``text``: the Doc's text when the caller has it (``Doc.text`` joins every token).

    Why (docs/RELIABILITY.md): the stages read a mention's sentence (``Token.sent``,
    subtrees, clause walks) once per mention, so their cost grows with mentions times
    sentence length; a 400 KB run-on "sentence" never finished. Real news sentences are
    far shorter than the cap (250 tokens; the longest of the bundled examples has 80)."""
    n = len(doc)
    if max_tokens <= 0 or n <= max_tokens:
        return doc
    if text is None:
        text = doc.text
    # Where a run begins: a sentence start already set, or the token after one whose text
    # or trailing space holds a line break. Tokens tile the text, so token i-1's
    # ``text_with_ws`` is text[idx[i-1]:idx[i]]: the breaks come from the text's line
    # breaks, found by position, without a Token object per token.
    values: Any = doc.to_array([SENT_START, IDX])
    idx = values[:, 1]
    begins: set[int] = set((np.flatnonzero(values[1:, 0] == 1) + 1).tolist())
    line_breaks: list[int] = []
    at = text.find("\n")
    while at >= 0:
        line_breaks.append(at)
        at = text.find("\n", at + 1)
    for k in np.searchsorted(idx, np.array(line_breaks, dtype=idx.dtype), side="right").tolist():
        if k < n:  # the break is in token k-1's text or space: token k begins a run
            begins.add(k)
    starts: list[int] = []
    run_start = 0
    for stop in [*sorted(b for b in begins if b > 0), n]:
        # i - run_start reaches max_tokens before the next run begins: cut there
        while run_start + max_tokens < stop:
            i = run_start + max_tokens
            cut = i
            for j in range(i, run_start + max_tokens // 2, -1):
                if doc[j - 1].text in _CUT_AFTER or doc[j].lower_ in _CUT_BEFORE:
                    cut = j
                    break
            starts.append(cut)
            run_start = cut
        run_start = stop
    _set_sent_starts(doc, starts)
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


def split_title(doc: Doc, title: str | None, text: str | None = None) -> Doc:
    """Scraped text often glues the page title to the body ("...| kxyz.comSpringfield
    police are ..."): when the text opens with the article's title, the title ends a
    sentence and the token that straddles its end is cut in two. ``text``: the Doc's
    text when the caller has it (``Doc.text`` joins every token)."""
    head = (title or "").strip()
    if not head:
        return doc
    if text is None:
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
