"""Each input format gives the right text and metadata."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from readers_helpers import FIXTURES, SETTINGS, split

from eventwire.config import Settings
from eventwire.errors import ConfigError
from eventwire.model import Article, article_id
from eventwire.readers import ArticleMeta, detect_format, read, read_bytes

COMMANDER_URL = "https://andeanledger.example/world/2026/03/10/police-commander-shot-bogota"
FIRST_SENTENCE = "BOGOTÁ, March 10 — A senior police commander was shot outside his home"


def only_article(path: Path, settings: Settings = SETTINGS, **kw: object) -> Article:
    articles, skipped = split(read(path, settings=settings, **kw))  # type: ignore[arg-type]
    assert skipped == []
    assert len(articles) == 1
    return articles[0]


def test_text_file_keeps_text_and_takes_metadata_from_flags() -> None:
    meta = ArticleMeta(published="2026-03-10", url="https://example.org/a", outlet="Wire",
                       title="Commander shot")
    article = only_article(FIXTURES / "commander_shot.txt", meta=meta)
    raw = (FIXTURES / "commander_shot.txt").read_text("utf-8").strip()
    assert article.text == raw
    assert (article.published, article.url, article.outlet, article.title) == (
        "2026-03-10", "https://example.org/a", "Wire", "Commander shot")
    assert article.language == "en"
    assert article.id == article_id(raw, "https://example.org/a")


def test_text_file_without_flags_has_no_metadata() -> None:
    article = only_article(FIXTURES / "commander_shot.txt")
    assert (article.url, article.outlet, article.title, article.published) == (None,) * 4


def test_html_page_main_text_and_metadata() -> None:
    article = only_article(FIXTURES / "commander_shot.html")
    assert article.title == "Police commander shot outside his home in Bogotá"
    assert article.outlet == "The Andean Ledger"
    assert article.authors == ("Ana Torres",)
    assert article.published == "2026-03-10"
    assert article.url == COMMANDER_URL
    assert article.text.startswith(FIRST_SENTENCE)
    assert "accusing them of extortion and drug trafficking" in article.text
    # boilerplate is gone, and the title is not repeated in the text
    for junk in ("cookies", "Subscribe", "All rights reserved", "Share this article",
                 "Police commander shot outside"):
        assert junk not in article.text
    # the 2021 date in a background paragraph is not mistaken for the publication date
    assert "2021" in article.text


def test_html_document_metadata_beats_flags_but_flags_fill_gaps() -> None:
    meta = ArticleMeta(published="2020-01-01", outlet="Flag Outlet", url="https://flag.example/")
    article = only_article(FIXTURES / "commander_shot.html", meta=meta)
    assert article.outlet == "The Andean Ledger"
    assert article.published == "2026-03-10"
    assert article.url == COMMANDER_URL
    bare = (b"<html><body><article>"
            + b"".join(b"<p>" + p.encode() + b"</p>" for p in
                       (FIXTURES / "commander_shot.txt").read_text("utf-8").split("\n\n")[1:])
            + b"</article></body></html>")
    [filled] = read_bytes(bare, source="bare.html", settings=SETTINGS, meta=meta)
    assert isinstance(filled, Article)
    assert (filled.published, filled.outlet, filled.url) == (
        "2020-01-01", "Flag Outlet", "https://flag.example/")


def test_rss_feed_items() -> None:
    articles, skipped = split(read(FIXTURES / "news_rss.xml", settings=SETTINGS))
    assert skipped == []
    assert [a.title for a in articles] == [
        "Police commander shot outside his home in Bogotá",
        "Police fire tear gas at Nairobi fuel-price protest, 23 arrested",
        "Court adjourns trial of Neiva bombing suspects",
    ]
    commander, protest, court = articles
    assert {a.outlet for a in articles} == {"The Andean Ledger - World"}
    # content:encoded (full text) wins over the one-line description
    assert commander.text.startswith(FIRST_SENTENCE)
    assert "drug trafficking" in commander.text
    assert commander.url == COMMANDER_URL
    assert commander.authors == ("Ana Torres",)
    assert commander.published == "2026-03-10T14:15:00+00:00"
    # escaped HTML in <description> becomes plain text with paragraph breaks
    assert "<p>" not in protest.text and "\n\n" in protest.text
    assert protest.text.startswith("NAIROBI, Oct 22")
    assert protest.published == "2026-10-22T16:40:00+03:00"
    assert court.published == "2026-10-23T09:00:00-05:00"
    assert "prosecutor's office" in court.text


def test_atom_feed_entries() -> None:
    articles, skipped = split(read(FIXTURES / "news_atom.xml", settings=SETTINGS))
    assert skipped == []
    commander, protest = articles
    assert commander.outlet == protest.outlet == "Harbour Wire"
    assert commander.published == "2026-03-10T14:20:00+00:00"  # published, not updated
    assert commander.authors == ("Tomás Quiroga",)
    assert commander.url == "https://harbourwire.example/2026/03/10/bogota-commander-shot"
    assert commander.text.startswith(FIRST_SENTENCE)
    assert protest.published == "2026-10-22T14:00:00+00:00"  # only <updated> given
    assert "23 demonstrators" in protest.text


@pytest.mark.parametrize("name", ["commander_shot.warc.gz", "commander_shot.warc"])
def test_warc_html_responses(name: str) -> None:
    articles, skipped = split(read(FIXTURES / name, settings=SETTINGS))
    assert skipped == []  # the PNG response is ignored, not reported
    commander, protest = articles
    assert commander.url == COMMANDER_URL  # from WARC-Target-URI
    assert commander.outlet == "The Andean Ledger"
    assert commander.published == "2026-03-10"
    assert commander.text.startswith(FIRST_SENTENCE)
    assert protest.url == "https://harbourwire.example/2026/10/22/nairobi-protest"
    assert protest.outlet == "Harbour Wire"
    assert protest.published == "2026-10-22"
    assert protest.text.startswith("NAIROBI, Oct 22")  # the <h1> headline is only the title
    # the same page read as HTML or from the archive is the same article
    assert commander.id == only_article(FIXTURES / "commander_shot.html").id


def test_jsonl_articles() -> None:
    articles, skipped = split(read(FIXTURES / "articles.jsonl", settings=SETTINGS))
    assert skipped == []
    commander, protest, court = articles
    assert commander.url == COMMANDER_URL
    assert commander.authors == ("Ana Torres",)
    assert commander.published == "2026-03-10T09:15:00-05:00"
    assert protest.outlet == "Harbour Wire" and protest.published == "2026-10-22"
    assert court.published == "2026-10-23T09:00:00-05:00"  # RFC 822 -> ISO
    assert court.title is None


def test_same_input_read_twice_gives_same_ids() -> None:
    first = [a.id for a in read(FIXTURES, settings=SETTINGS) if isinstance(a, Article)]
    second = [a.id for a in read(FIXTURES, settings=SETTINGS) if isinstance(a, Article)]
    assert first == second
    assert len(first) >= 10


def test_detection_by_content_when_the_extension_lies(tmp_path: Path) -> None:
    html_as_txt = tmp_path / "page.txt"
    shutil.copy(FIXTURES / "commander_shot.html", html_as_txt)
    feed_as_html = tmp_path / "feed.html"
    shutil.copy(FIXTURES / "news_rss.xml", feed_as_html)
    warc_as_txt = tmp_path / "archive.txt"
    shutil.copy(FIXTURES / "commander_shot.warc.gz", warc_as_txt)
    assert detect_format(html_as_txt.read_bytes(), "page.txt") == "html"
    assert detect_format(feed_as_html.read_bytes(), "feed.html") == "feed"
    page = only_article(html_as_txt)
    assert page.outlet == "The Andean Ledger" and "<p>" not in page.text
    feed_items, _ = split(read(feed_as_html, settings=SETTINGS))
    assert len(feed_items) == 3
    archived, _ = split(read(warc_as_txt, settings=SETTINGS))
    assert len(archived) == 2


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "feed"),
        (b"<!-- saved page -->\n<!DOCTYPE html><html></html>", "html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>', "html"),
        (b"<div><p>one</p><p>two</p><p>three</p></div>", "html"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b"Gunmen attacked a bus on Monday.\nPolice said <3 people were hurt.", "text"),
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_detect_format(data: bytes, expected: str) -> None:
    assert detect_format(data) == expected


def test_extension_breaks_ties_only() -> None:
    two_tags = b"Police said the <b>curfew</b> would hold.<br>More soon."
    assert detect_format(two_tags, "note.txt") == "text"
    assert detect_format(two_tags, "note.html") == "html"
    assert detect_format(b'{"text": "x"', "a.jsonl") == "jsonl"


def test_bad_published_flag_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not an ISO date"):
        read(FIXTURES / "commander_shot.txt", settings=SETTINGS,
             meta=ArticleMeta(published="last Tuesday"))
