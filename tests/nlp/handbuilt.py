"""Hand-built spaCy Docs for stage tests: the parse is written out, so a stage is tested on
exactly the analysis it is given, whatever the statistical model would say.

A sentence is written one token a line: ``text POS TAG lemma dep head``, ``head`` the
index of the head token within that sentence (its own index for the root). Entities are
given as (first token, end token, label) over the whole Doc.
"""

from __future__ import annotations

from datetime import date

from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import make_article
from eventwire.nlp.work import Work

_VOCAB = English().vocab  # English lexical attributes: lower_, like_num, is_title...
_NO_SPACE_BEFORE = {".", ",", "'s", "n't", ":", ";", "?", "!"}


def parsed(*sentences: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    words: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    lemmas: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    starts: list[bool] = []
    for sentence in sentences:
        base = len(words)
        for k, line in enumerate(x for x in sentence.strip().splitlines() if x.strip()):
            text, p, tag, lemma, dep, head = line.split()
            words.append(text)
            pos.append(p)
            tags.append(tag)
            lemmas.append(lemma)
            deps.append(dep)
            heads.append(base + int(head))
            starts.append(k == 0)
    spaces = [i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE
              for i in range(len(words))]
    doc = Doc(_VOCAB, words=words, spaces=spaces, pos=pos, tags=tags, lemmas=lemmas,
              deps=deps, heads=heads, sent_starts=starts)
    doc.ents = [SpacySpan(doc, a, b, label=label) for a, b, label in ents]
    return doc


def work_for(doc: Doc, published: str | None = "2026-03-04", title: str | None = None) -> Work:
    article = make_article(doc.text, published=published, title=title)
    day = date.fromisoformat(published) if published else None
    work = Work(article=article, doc=doc, published=day)
    work.context.reference_date = day
    return work
