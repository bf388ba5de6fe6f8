"""The headline a text opens with, when it is written as one.

News text saved as plain text keeps its headline as the first line: a short line without
a sentence's final punctuation, set apart from the body by a line break ("German embassy
attacked in capital\\n\\nAt least two people ..."). Knowing it matters: a headline retells
the lead's act in other words ("bombed" / "a suicide attack"), names what the report is
about, and drops "was" ("Man shot in park").
"""

from __future__ import annotations

import re

_MAX_WORDS = 25  # longer than any headline: a first paragraph of prose
_SENTENCE_END = re.compile(r"[.!?…:;,\"'”’)]\s*$")


def headline_line(text: str) -> str | None:
    """The first line when it is a headline (see the module's docstring), else None."""
    end = text.find("\n")
    if end <= 0:
        return None
    line = text[:end].rstrip()
    words = line.split()
    if not words or len(words) > _MAX_WORDS or _SENTENCE_END.search(line):
        return None
    if not text[end:].strip():  # nothing after it: the whole text, not a headline
        return None
    return line


# Scraped pages glue the dateline to the headline: "...east sideDETROIT (WXYZ) —", "...in
# AfghanistanKANDAHAR, Afghanistan, Oct. 3 (Xinhua) --". The outlet's name may end in a
# digit ("Fox 59INDIANAPOLIS, Ind. (Jan. 5, 2016)–Metro"), and the dash may touch the next
# word.
GLUED_DATELINE = re.compile(
    r"(?<=[a-z0-9.!?”\"])(?P<place>[A-Z]{3,}(?: [A-Z]{2,}){0,2})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]{1,12}))?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}(?:\s|(?=[A-Z]))"
)


def glued_headline(text: str) -> str | None:
    """The headline a dateline is glued to on the text's first line, else None."""
    end = text.find("\n")
    line = text[: end if end >= 0 else len(text)]
    m = GLUED_DATELINE.search(line, 0, 400)
    if m is None or not 0 < len(line[: m.start()].split()) <= _MAX_WORDS:
        return None
    return line[: m.start()]


# A Title-Case headline glued to the body's first sentence with no space between: "Man
# Shot Near ParkA 30-year-old man was shot ...". The body is known to start there only when
# its first word is an article or a number ("A 30-year-old man", "The victim", "2 dead"):
# a capital inside a word is as often a name's ("McDonald", "YouTube").
_TITLE_JUNCTION = re.compile(r"(?<=[a-z]{3})(?=(?:An?|The) [a-z0-9]|[0-9])")
_TITLE_WORD = re.compile(r"^[A-Z0-9]")


def glued_title_case(text: str) -> str | None:
    """The Title-Case headline glued to the body on the text's first line, else None."""
    end = text.find("\n")
    line = text[: end if end >= 0 else len(text)][:400]
    for m in _TITLE_JUNCTION.finditer(line):
        words = line[: m.start()].split()
        if not 3 <= len(words) <= _MAX_WORDS or _SENTENCE_END.search(line[: m.start()]):
            continue
        # (a headline's short words may stay lower-case: "Two Killed in Market Blast")
        if all(_TITLE_WORD.match(w) or len(w) <= 3 for w in words) and sum(
                1 for w in words if _TITLE_WORD.match(w)) >= 0.75 * len(words):
            return line[: m.start()]
    return None


def title_of(text: str, title: str | None) -> str | None:
    """The title the text opens with: the article's own when the text starts with it,
    else its headline line."""
    given = (title or "").strip()
    if given and text.startswith(given):
        return given
    return headline_line(text)


__all__ = ["GLUED_DATELINE", "glued_headline", "glued_title_case", "headline_line", "title_of"]
