"""Hostile input (issue 15): property-based fuzzing of every reader and of extraction on
random Unicode, control characters, huge single lines, deeply nested markup and truncated
archives. No exception escapes; every bad item comes back as a Skipped that names its
source and gives a one-line reason; extraction either gives a record or names the stage
that failed.

Example counts are small (the suite must stay within minutes); ``derandomize`` keeps runs
reproducible. All text is generated here."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.config import Settings
from eventwire.model import Article, Skipped, make_article
from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.stage import StageError
from eventwire.readers import read_bytes

SETTINGS = Settings(db_url="sqlite://", max_bytes=2_000_000)
FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))

# text with everything a page can throw: any code point (surrogates excluded: not
# encodable), control characters, odd spaces and line breaks, right-to-left marks
CONTROL = st.sampled_from(["\x00", "\x07", "\x1b", "\x7f", "\u0085", "\u2028", "\u2029",
                           "\u200b", "\u200f", "\ufeff", "\ufffd", "\r", "\t", "\x0c"])
TEXT = st.lists(st.one_of(st.text(min_size=0, max_size=40), CONTROL,
                          st.sampled_from(["Gunmen killed 5 people in Kano on Monday. ",
                                           "\n\n", "<b>", "&amp;", "&#0;", "]]>"])),
                max_size=30).map("".join)


def check_items(items: list[Article | Skipped], source: str) -> None:
    for item in items:
        if isinstance(item, Skipped):
            assert item.source.startswith(source), item
            assert item.reason and "\n" not in item.reason and len(item.reason) < 400, item
        else:
            assert isinstance(item, Article)
            assert item.text.strip(), item
            assert item.id and len(item.id) == 40


def read_all(data: bytes, name: str) -> list[Article | Skipped]:
    return list(read_bytes(data, source=name, settings=SETTINGS))


# -- each format ---------------------------------------------------------------------------


@FUZZ
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]))
def test_text_reader(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    check_items(read_all(data, "fuzz.txt"), "fuzz.txt")


@FUZZ
@given(body=TEXT, depth=st.integers(0, 3000), tag=st.sampled_from(["div", "p", "span", "b"]),
       close=st.booleans())
def test_html_reader_nested_markup(body: str, depth: int, tag: str, close: bool) -> None:
    opened = f"<{tag}>" * depth
    closed = f"</{tag}>" * depth if close else ""
    page = f"<!doctype html><html><head><title>T</title></head><body>{opened}<p>{body}</p>" \
           f"{closed}</body></html>"
    check_items(read_all(page.encode("utf-8", "replace"), "fuzz.html"), "fuzz.html")


@FUZZ
@given(items=st.lists(st.tuples(TEXT, TEXT), max_size=6), cut=st.integers(0, 4000),
       atom=st.booleans())
def test_feed_reader_truncated(items: list[tuple[str, str]], cut: int, atom: bool) -> None:
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;")
    if atom:
        entries = "".join(f"<entry><title>{esc(t)}</title><content>{esc(b)}</content>"
                          f"<link href='https://example.org/{k}'/></entry>"
                          for k, (t, b) in enumerate(items))
        xml = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>" \
              f"<title>F</title>{entries}</feed>"
    else:
        entries = "".join(f"<item><title>{esc(t)}</title><description>{esc(b)}</description>"
                          f"<link>https://example.org/{k}</link></item>"
                          for k, (t, b) in enumerate(items))
        xml = f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>{entries}" \
              "</channel></rss>"
    data = xml.encode("utf-8", "replace")
    data = data[: max(40, len(data) - cut)]  # cut anywhere after the XML declaration
    check_items(read_all(data, "fuzz.xml"), "fuzz.xml")


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8)


@FUZZ
@given(rows=st.lists(st.one_of(
    st.fixed_dictionaries({"text": TEXT}, optional={"title": JSON_VALUE, "url": JSON_VALUE,
                                                    "published": JSON_VALUE}),
    JSON_VALUE), min_size=1, max_size=6), junk=st.binary(max_size=30))
def test_jsonl_reader(rows: list[object], junk: bytes) -> None:
    lines = [json.dumps(r).encode() for r in rows] + [b"{" + junk]
    data = b"\n".join(lines)
    check_items(read_all(data, "fuzz.jsonl"), "fuzz.jsonl")


def _warc(pages: list[str], gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for k, body in enumerate(pages):
        payload = f"<html><body><p>{body}</p></body></html>".encode("utf-8", "replace")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://example.org/{k}", "response",
                                           payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


@FUZZ
@given(pages=st.lists(TEXT, min_size=1, max_size=4), gz=st.booleans(),
       cut=st.floats(0.0, 1.0), flip=st.integers(0, 10_000))
def test_warc_reader_truncated_and_corrupt(pages: list[str], gz: bool, cut: float,
                                           flip: int) -> None:
    data = bytearray(_warc(pages, gz))
    data = data[: max(1, int(len(data) * cut))]
    if data and flip % 3 == 0:
        data[flip % len(data)] ^= 0x5A  # one corrupt byte
    check_items(read_all(bytes(data), "fuzz.warc.gz" if gz else "fuzz.warc"), "fuzz.warc")


@FUZZ
@given(data=st.binary(max_size=3000), prefix=st.sampled_from(
    [b"", b"WARC/1.0\r\n", b"\x1f\x8b", b"<?xml version='1.0'?><rss>", b"{\"text\": ",
     b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_any_bytes(data: bytes, prefix: bytes) -> None:
    check_items(read_all(prefix + data, "fuzz.bin"), "fuzz.bin")


def test_huge_single_line() -> None:
    line = ("Gunmen killed five people in Kano on Monday, " * 30_000).encode()  # 1.4 MB
    for name, data in (("line.txt", line), ("line.html", b"<p>" + line + b"</p>"),
                       ("line.jsonl", json.dumps({"text": line.decode()}).encode()),
                       ("line.txt.gz", gzip.compress(line, mtime=0))):
        items = read_all(data, name)
        check_items(items, name)
        assert items


# -- extraction ------------------------------------------------------------------------------

EXTRACT_TEXT = st.lists(st.one_of(
    st.text(max_size=60), CONTROL,
    st.sampled_from(["Gunmen killed 5 people in Kano on Monday.", " police said ",
                     "\n", "“", "”", "—", "(AP) —", "KANO, Nigeria — ", "the attack",
                     "2024-05-06", "three days after", "no one has claimed"])),
    min_size=1, max_size=40).map("".join)


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(texts=st.lists(EXTRACT_TEXT, min_size=1, max_size=4),
       published=st.sampled_from([None, "2024-05-06", "1900-01-01", "2999-12-31"]))
@pytest.mark.model
def test_extract_never_raises(pipeline: Pipeline, texts: list[str],
                              published: str | None) -> None:
    articles = [make_article(t, title=t[:20] or None, published=published)
                for t in texts if t.strip()]
    failed: list[tuple[Article, StageError]] = []
    records = list(pipeline.pipe(articles, on_error=lambda a, e: failed.append((a, e))))
    assert len(records) + len(failed) == len(articles)
    for article, err in failed:  # a failure names its stage and article, on one line
        assert err.stage and err.article_id == article.id and "\n" not in str(err)
    for record in records:
        n = len(record.article.text)
        for e in record.events:
            assert 0 <= e.trigger.start <= e.trigger.end <= n
    assert not failed, [str(e) for _, e in failed]
