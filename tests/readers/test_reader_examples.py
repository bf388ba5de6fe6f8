"""The bundled examples (examples/news) read cleanly: the README's first command uses them."""

from __future__ import annotations

from pathlib import Path

from readers_helpers import SETTINGS, split

from eventwire.readers import read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "news"


def test_examples_read_without_skips() -> None:
    articles, skipped = split(read(EXAMPLES, settings=SETTINGS))
    assert skipped == []
    assert len(articles) == 4
    assert [a.published for a in articles] == [
        None,  # plain text: no metadata of its own
        "2026-10-02",
        "2026-10-20T23:10:00+04:00",
        "2026-10-21T18:30:00+03:00",
    ]
    assert all(len(a.text.split()) > 100 for a in articles)
