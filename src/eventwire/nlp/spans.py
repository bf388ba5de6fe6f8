"""Small helpers between spaCy objects and model.Span (character offsets, clean edges)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Span

_EDGE = " \t\r\n,;:–—-\"'“”‘’()[]"


def char_span(text: str, start: int, end: int) -> Span | None:
    """A model.Span over text[start:end] with whitespace/punctuation trimmed at both ends."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if end <= start:
        return None
    return Span(text[start:end], start, end)


def token_span(tokens: Iterable[Token]) -> Span | None:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    doc = toks[0].doc
    return char_span(doc_text(doc), toks[0].idx, toks[-1].idx + len(toks[-1].text))


def sspan(span: SpacySpan) -> Span | None:
    return char_span(doc_text(span.doc), span.start_char, span.end_char)


def tok(t: Token) -> Span:
    return Span(t.text, t.idx, t.idx + len(t.text))


def word_span(t: Token) -> Span:
    """The token's whole written word: "sit-in" and "pistol-whipped", which the tokenizer
    cuts at the hyphen, when the token is the word's last part (a trigger read from it)."""
    first = t
    while (first.i >= 2 and first.doc[first.i - 1].text == "-"
           and not first.doc[first.i - 1].whitespace_ and not first.doc[first.i - 2].whitespace_):
        first = first.doc[first.i - 2]
    if first is t:
        return tok(t)
    return Span(t.doc.text[first.idx:t.idx + len(t.text)], first.idx, t.idx + len(t.text))


def sentence_span(t: Token) -> Span:
    sent = t.sent
    got = char_span(doc_text(t.doc), sent.start_char, sent.end_char)
    return got if got is not None else tok(t)


def apposition(t: Token) -> bool:
    """Is the noun an apposition, renaming what its sentence named before it: "the man,
    a suspect in the bombing", "..., the latest attack in the region"? A verb has one
    direct object, so a second one set off by a comma is an apposition the parser hung on
    the verb ("arrested the man on Monday, a suspect in ...")."""
    if t.dep_ == "appos":
        return True
    if t.dep_ != "dobj":
        return False
    edge = t.left_edge.i
    return edge > 0 and t.doc[edge - 1].text == "," and any(
        c.dep_ == "dobj" and c.i < edge for c in t.head.children)


def phrase(head: Token, *, stop_deps: frozenset[str] = frozenset()) -> list[Token]:
    """The head's subtree without clauses hanging off it (relative clauses, appositions,
    participles) and without deps in ``stop_deps``: a noun phrase's core."""
    cut = _PHRASE_CUT | stop_deps if stop_deps else _PHRASE_CUT
    keep = [head]
    for child in head.children:
        if child.dep_ in cut and not (child.dep_ == "prep" and child.text.lower() == "of"):
            continue
        keep.extend(x for x in child.subtree if x.dep_ != "case" or x.head.i != head.i)
    keep.sort(key=lambda t: t.i)
    # keep one contiguous run around the head
    lo = hi = keep.index(head)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    # a noun phrase never crosses a dateline dash or a line break ("LAGOS, Sept 14 — Gunmen")
    pos = keep.index(head)
    for k in range(pos - 1, lo - 1, -1):
        if _BOUNDARY(keep[k]):
            lo = k + 1
            break
    for k in range(pos + 1, hi + 1):
        if _BOUNDARY(keep[k]):
            hi = k - 1
            break
    out = keep[lo : hi + 1]
    # an adjective before the phrase's determiner or number belongs to the verb, not the
    # noun ("shot dead two policemen": English puts "two dead policemen")
    # ("shot dead one of the guards": before a number that heads the phrase, too)
    while len(out) > 1 and out[0].dep_ == "amod" and out[0].i < head.i and any(
            (x.dep_ in {"det", "nummod"} and x.head.i == head.i)
            or (x.i == head.i and head.tag_ == "CD") for x in out[1:2]):
        out = out[1:]
    return out


# what ``phrase`` leaves out (made once: ``phrase`` runs for every argument)
_PHRASE_CUT = frozenset({
    "relcl", "acl", "appos", "punct", "advcl", "ccomp", "cc", "conj", "prep", "case",
})


def _BOUNDARY(t: Token) -> bool:
    return t.text in {"—", "–", "--"} or "\n" in t.text_with_ws


def conjuncts(t: Token) -> list[Token]:
    more = t.conjuncts  # (a walk of the parse on each read)
    return [t, *more] if more else [t]


def stray_numbers(verb: Token, obj: Token) -> list[Token]:
    """ "killed the mayor and two of his bodyguards": the parser may join a number phrase
    to the verb rather than to its object; with no verb of its own, it is another object
    (the members a count adds up)."""
    return [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "CD" and c.i > obj.i
            and not any(g.dep_ in {"nsubj", "nsubjpass", "dobj", "aux"} for g in c.children)]


def is_past(t: Token) -> bool:
    return t.tag_ in {"VBD", "VBN"} or any(c.tag_ == "VBD" for c in t.children if c.dep_ == "aux")


def clause_head(t: Token) -> Token:
    """The verb that governs the clause ``t`` stands in (t itself when it is a verb)."""
    cur = t
    while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i:
        cur = cur.head
    return cur


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's ``Doc.text`` joins every token on each read,
    which made long articles quadratic."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.text
        doc.user_data["eventwire_text"] = text
    return text


def span_text(span: SpacySpan) -> str:
    """``span.text``, sliced from ``doc_text`` (spaCy joins the span's tokens on each
    read: a sentence's text read once per mention or event)."""
    if span.end <= span.start:
        return ""
    return doc_text(span.doc)[span.start_char : span.end_char]


def prime(doc: Doc, text: str) -> None:
    """Ready a parsed Doc for the stages (``Pipeline`` calls it once per article):

    - ``doc_text`` returns ``text``, the article's text the Doc was made from (spaCy keeps
      the text exactly: the Doc's tokens and their spaces tile it), instead of joining
      every token once more;
    - ``Token.sent`` finds the sentence by bisecting the sentence starts, read in one walk
      on its first use, instead of walking the Doc's sentence marks and checking its
      annotation on each call (about 10 µs a call, 76 calls per bench article). The hook
      returns the same Span: a sentence begins at token 0 and at each token whose
      ``sent_start`` is 1, for both. It holds the starts, not the Doc (no cycle). Each
      sentence's Span is made once, on its first use (``doc[a:b]`` costs about 2 µs, and
      the stages ask for the same sentences again and again), and kept in the Doc's
      ``user_data`` until ``release`` (a Span holds its Doc: kept longer, the Doc would
      wait for the cycle collector to be freed)."""
    if len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        doc.user_data["eventwire_text"] = text
    starts: list[int] = []
    made: dict[int, SpacySpan] = {}
    doc.user_data[_SENTS] = made

    def sent(token: Token) -> SpacySpan:
        d = token.doc
        if not starts:
            starts.extend(s.start for s in d.sents)
        k = bisect_right(starts, token.i) - 1
        got = made.get(k)
        if got is None:
            got = d[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(d)]
            if d.user_data.get(_SENTS) is made:  # not after ``release``
                made[k] = got
        return got

    doc.user_token_hooks["sent"] = sent


_SENTS = "eventwire_sentences"
_WORDS = "eventwire_span_words"


def span_words(span: SpacySpan) -> list[tuple[int, str, str]]:
    """Each token of ``span`` as (index, ``lower_``, ``lemma_.lower()``), read once per
    article for each span asked for (a sentence is searched for many word lists, for many
    mentions; the parse does not change while the stages run). Dropped by ``release``."""
    doc = span.doc
    memo = doc.user_data.get(_WORDS)
    if memo is None:
        memo = doc.user_data[_WORDS] = {}
    key = (span.start, span.end)
    got: list[tuple[int, str, str]] | None = memo.get(key)
    if got is None:
        got = memo[key] = [(x.i, x.lower_, x.lemma_.lower()) for x in span]
    return got


def doc_memo(doc: Doc, name: str) -> dict[Any, Any]:
    """A stage's memo for one article, kept in the Doc's ``user_data`` under ``name``
    until ``release`` (what the parse gives, read once: it does not change while the
    stages run). Keep indices in it, not Tokens or Spans (they hold the Doc)."""
    memos = doc.user_data.get(_MEMOS)
    if memos is None:
        memos = doc.user_data[_MEMOS] = {}
    got: dict[Any, Any] | None = memos.get(name)
    if got is None:
        got = memos[name] = {}
    return got


_MEMOS = "eventwire_memos"


def release(doc: Doc) -> None:
    """Drop what ``prime``, ``span_words`` and ``doc_memo`` keep (the sentences' Spans hold
    the Doc): ``Pipeline`` calls it once an article's record is made."""
    made = doc.user_data.pop(_SENTS, None)
    if made is not None:
        made.clear()
    doc.user_data.pop(_WORDS, None)
    doc.user_data.pop(_MEMOS, None)


def inside_quote(text: str, offset: int) -> bool:
    """Is ``offset`` between an opening and a closing quotation mark of its paragraph?"""
    start = text.rfind("\n\n", 0, offset) + 1
    before = text[start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


__all__ = [
    "char_span",
    "clause_head",
    "conjuncts",
    "doc_memo",
    "doc_text",
    "inside_quote",
    "is_past",
    "phrase",
    "prime",
    "release",
    "sentence_span",
    "span_text",
    "span_words",
    "sspan",
    "tok",
    "token_span",
]

