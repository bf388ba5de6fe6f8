"""The benchmark corpus: deterministic, wire-shaped, and the same on disk as in memory."""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ is a folder at the repo root, not an installed package: put the root on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.corpus import (
    CITIES,
    MAX_PARAGRAPHS,
    MAX_WORDS,
    MIN_PARAGRAPHS,
    MIN_WORDS,
    generate,
    main,
    write_corpus,
)

from eventwire.model import article_id


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    assert generate(15, seed=3) == generate(15, seed=3)
    assert [a.text for a in generate(15, seed=3)] != [a.text for a in generate(15, seed=4)]


def test_prefix_stable_when_n_grows() -> None:
    # Growing n only appends: a 300-article run contains the 100-article corpus.
    assert generate(10, seed=1) == generate(25, seed=1)[:10]


def test_articles_are_wire_shaped() -> None:
    for article in generate(60, seed=0):
        paragraphs = article.text.split("\n\n")
        assert MIN_PARAGRAPHS <= len(paragraphs) <= MAX_PARAGRAPHS
        assert all(p.strip() == p and p for p in paragraphs)
        assert MIN_WORDS <= len(article.text.split()) <= MAX_WORDS
        assert article.published is not None and article.published.startswith("2026-")
        assert article.outlet and article.title
        assert article.id == article_id(article.text, article.url)
        assert any(city in article.text for city, _, _ in CITIES)
        assert "said" in article.text or "According to" in article.text


def test_background_year_and_no_repeated_sentence() -> None:
    for article in generate(30, seed=2):
        years = [w.strip(",.;") for w in article.text.split() if w.strip(",.;").isdigit()
                 and len(w.strip(",.;")) == 4]
        assert any(1998 <= int(y) <= 2021 for y in years)
        sentences = [s for p in article.text.split("\n\n") for s in p.split(". ")]
        assert len(sentences) == len(set(sentences))


def test_ids_unique() -> None:
    corpus = generate(200, seed=0)
    assert len({a.id for a in corpus}) == len(corpus)


def test_write_corpus_and_cli(tmp_path: Path) -> None:
    paths = write_corpus(4, tmp_path / "c", seed=5)
    assert [p.name for p in paths] == ["00000.txt", "00001.txt", "00002.txt", "00003.txt"]
    first = generate(4, seed=5)[0]
    assert paths[0].read_text(encoding="utf-8") == f"{first.title}\n\n{first.text}\n"
    assert main(["3", str(tmp_path / "d")]) == 0
    assert len(list((tmp_path / "d").glob("*.txt"))) == 3
    assert main(["3"]) == 2
