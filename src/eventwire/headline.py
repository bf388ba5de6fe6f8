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


def title_of(text: str, title: str | None) -> str | None:
    """The title the text opens with: the article's own when the text starts with it,
    else its headline line."""
    given = (title or "").strip()
    if given and text.startswith(given):
        return given
    return headline_line(text)


__all__ = ["headline_line", "title_of"]
