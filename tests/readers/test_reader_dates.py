from __future__ import annotations

import time

import pytest

from eventwire.readers.dates import from_struct_time, normalise_published


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2026-03-10", "2026-03-10"),
        (" 2026-03-10 ", "2026-03-10"),
        ("20260310", "2026-03-10"),
        ("2026-03-10T09:15:00-05:00", "2026-03-10T09:15:00-05:00"),
        ("2026-03-10T14:20:00Z", "2026-03-10T14:20:00+00:00"),
        ("2026-03-10 09:15", "2026-03-10T09:15:00"),
        ("Tue, 10 Mar 2026 14:15:00 +0000", "2026-03-10T14:15:00+00:00"),
        ("Thu, 22 Oct 2026 16:40:00 GMT", "2026-10-22T16:40:00+00:00"),
        ("2026-02-30", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_published(raw: str | None, iso: str | None) -> None:
    assert normalise_published(raw) == iso


def test_from_struct_time_is_utc() -> None:
    assert from_struct_time(time.strptime("2026-03-10 14:15", "%Y-%m-%d %H:%M")) == (
        "2026-03-10T14:15:00+00:00")
    assert from_struct_time(None) is None


def test_date_from_url_reads_common_news_patterns():
    from eventwire.readers.dates import date_from_url

    assert date_from_url("https://news.example/2016/01/27/man-shot/") == "2016-01-27"
    assert date_from_url("https://news.example/world/2016/jan/26/story") == "2016-01-26"
    assert date_from_url("https://paper.example/article/20150803/NEWS/1508") == "2015-08-03"
    assert date_from_url("https://paper.example/news/2015-12-11-attack") == "2015-12-11"
    assert date_from_url("https://paper.example/a/123456789/") is None
    assert date_from_url("https://paper.example/2016/13/45/") is None
    assert date_from_url(None) is None


def test_url_date_fills_a_missing_publication_date(tmp_path):
    from eventwire.config import Settings
    from eventwire.readers import ArticleMeta, read

    page = tmp_path / "page.txt"
    page.write_text("Police said two men were arrested after a shooting in Leeds on Monday. " * 3)
    meta = ArticleMeta(url="https://paper.example/2026/03/09/leeds-shooting")
    (article,) = list(read(page, settings=Settings(db_url="sqlite://"), meta=meta))
    assert article.published == "2026-03-09"


def test_date_from_url_reads_dates_at_the_end_of_a_slug():
    from eventwire.readers.dates import date_from_url

    assert date_from_url("https://paper.example/news/ct-man-shot-20160223-story.html") == (
        "2016-02-23"
    )
    assert date_from_url("https://tv.example/news/local/man-hurt-sunday-01-17-2016") == (
        "2016-01-17"
    )
    assert date_from_url("https://tv.example/story/a-12345678") is None
    assert date_from_url("https://tv.example/news/item-13-45-2016") is None
