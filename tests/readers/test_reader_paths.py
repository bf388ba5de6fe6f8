"""Files, folders and standard input."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from readers_helpers import FIXTURES, SETTINGS, split

from eventwire.model import Article, Skipped
from eventwire.readers import ArticleMeta, read


def make_tree(root: Path) -> None:
    (root / "b_dir" / "inner").mkdir(parents=True)
    (root / ".hidden_dir").mkdir()
    shutil.copy(FIXTURES / "commander_shot.txt", root / "z_last.txt")
    shutil.copy(FIXTURES / "protest_dispersed.txt", root / "a_first.txt")
    shutil.copy(FIXTURES / "news_atom.xml", root / "b_dir" / "feed.xml")
    shutil.copy(FIXTURES / "commander_shot.html", root / "b_dir" / "inner" / "page.html")
    shutil.copy(FIXTURES / "commander_shot.txt", root / ".hidden.txt")
    shutil.copy(FIXTURES / "commander_shot.txt", root / ".hidden_dir" / "x.txt")
    (root / "b_dir" / "empty.txt").write_bytes(b"")


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(read(tmp_path, settings=SETTINGS))
    sources = [
        item.source if isinstance(item, Skipped) else (item.url or item.text[:20])
        for item in items
    ]
    assert sources == [
        "Police fire tear gas",  # a_first.txt
        str(tmp_path / "b_dir" / "empty.txt"),
        "https://harbourwire.example/2026/03/10/bogota-commander-shot",  # b_dir/feed.xml
        "https://harbourwire.example/2026/10/22/nairobi-protest",
        "https://andeanledger.example/world/2026/03/10/police-commander-shot-bogota",
        "Police commander sho",  # z_last.txt
    ]
    assert [i.reason for i in items if isinstance(i, Skipped)] == ["empty file"]
    again = list(read(tmp_path, settings=SETTINGS))
    assert again == items


def test_hidden_file_given_by_name_is_read(tmp_path: Path) -> None:
    make_tree(tmp_path)
    articles, _ = split(read(tmp_path / ".hidden.txt", settings=SETTINGS))
    assert len(articles) == 1


def test_symlinked_folder_loop_is_not_followed(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "commander_shot.txt", tmp_path / "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    articles, skipped = split(read(tmp_path, settings=SETTINGS))
    assert len(articles) == 1 and skipped == []


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "commander_shot.html").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    [article] = read("-", settings=SETTINGS, meta=ArticleMeta(outlet="ignored: page has one"))
    assert isinstance(article, Article)
    assert article.outlet == "The Andean Ledger"


def test_stdin_plain_text_takes_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "protest_dispersed.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    meta = ArticleMeta(published="2026-10-22T18:00:00+03:00", outlet="Harbour Wire",
                       title="Nairobi protest", url="https://harbourwire.example/n")
    [article] = read("-", settings=SETTINGS, meta=meta)
    assert isinstance(article, Article)
    assert (article.published, article.outlet, article.title, article.url) == (
        "2026-10-22T18:00:00+03:00", "Harbour Wire", "Nairobi protest",
        "https://harbourwire.example/n")


def test_stdin_over_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"word " * 1000)))
    [skip] = read("-", settings=SETTINGS.with_(max_bytes=100))
    assert skip == Skipped("<stdin>", "standard input is over the limit of 100 bytes (max_bytes)")


def test_stdin_warc(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "commander_shot.warc.gz").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles, skipped = split(read("-", settings=SETTINGS))
    assert len(articles) == 2 and skipped == []
    assert all(a.url for a in articles)
