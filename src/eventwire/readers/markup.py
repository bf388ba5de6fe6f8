"""HTML fragments (feed summaries, content:encoded) -> plain text with paragraph breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "tr", "table", "pre", "figure", "figcaption",
    "hr", "dd", "dt",
})
_DROP = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self._dropping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment; block elements become paragraph breaks."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    raw = "".join(collector.parts)
    paragraphs = (_SPACES.sub(" ", " ".join(p.split("\n"))).strip() for p in raw.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


__all__ = ["html_to_text"]
