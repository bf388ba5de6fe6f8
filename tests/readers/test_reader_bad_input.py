"""Bad input never raises: each bad item is a Skipped with a one-line reason, and the good
items of the same batch still come through."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from readers_helpers import FIXTURES, SETTINGS, split

from eventwire.model import Article, Skipped
from eventwire.readers import read, read_bytes

GOOD = (FIXTURES / "commander_shot.txt").read_text("utf-8")
PARAGRAPHS = GOOD.split("\n\n")[1:]


def batch_with(tmp_path: Path, name: str, data: bytes) -> tuple[list[Article], list[Skipped]]:
    """A folder holding one good article and the bad file, read as one batch."""
    shutil.copy(FIXTURES / "commander_shot.txt", tmp_path / "a_good.txt")
    (tmp_path / name).write_bytes(data)
    return split(read(tmp_path, settings=SETTINGS))


def only_skip(tmp_path: Path, name: str, data: bytes) -> Skipped:
    articles, skipped = batch_with(tmp_path, name, data)
    assert len(articles) == 1 and articles[0].text.startswith("Police commander shot")
    assert len(skipped) == 1
    assert skipped[0].source == str(tmp_path / name)
    assert "\n" not in skipped[0].reason
    return skipped[0]


def test_empty_file(tmp_path: Path) -> None:
    assert only_skip(tmp_path, "empty.txt", b"").reason == "empty file"


def test_whitespace_only(tmp_path: Path) -> None:
    assert "only whitespace" in only_skip(tmp_path, "blank.txt", b" \n\r\n\t  \n").reason


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        bytes((i * 37 + 11) % 256 for i in range(5000)),  # noise that includes NULs
        gzip.compress(b"just some gzipped notes, not an archive", mtime=0),
    ],
)
def test_binary_files(tmp_path: Path, data: bytes) -> None:
    assert only_skip(tmp_path, "picture.txt", data).reason.startswith("binary data")


def test_latin1_and_cp1252_text_is_decoded(tmp_path: Path) -> None:
    text = GOOD.replace('"', "\u201c", 1).replace("—", "-")
    (tmp_path / "latin1.txt").write_bytes(GOOD.replace("—", "-").encode("latin-1"))
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    articles, skipped = split(read(tmp_path, settings=SETTINGS))
    assert skipped == []
    cp1252, latin1 = articles
    assert "Bogotá" in latin1.text and "Usaquén" in latin1.text
    assert "\ufffd" not in latin1.text + cp1252.text
    assert "\u201c" in cp1252.text


def test_utf8_with_a_few_bad_bytes_is_kept(tmp_path: Path) -> None:
    data = GOOD.encode("utf-8")
    data = data[:300] + b"\xff\xfe" + data[300:900] + b"\xc3" + data[900:]
    [article] = read_bytes(data, source="mostly-utf8.txt", settings=SETTINGS)
    assert isinstance(article, Article)
    assert "Bogotá" in article.text and "Usaquén" in article.text  # not mis-decoded
    assert 1 <= article.text.count("\ufffd") <= 3


def test_mixed_encodings_in_one_file_decode(tmp_path: Path) -> None:
    data = GOOD.encode("utf-8") + "\n\nCrédit photo: Agence, café.\n".encode("latin-1")
    [article] = read_bytes(data, source="mixed.txt", settings=SETTINGS)
    assert isinstance(article, Article)
    assert "Bogotá" in article.text


def test_control_character_garbage_is_skipped() -> None:
    junk = bytes([1, 2, 3, 4, 5, 6, 7, 14, 15, 16, 17, 18]) * 20 + b" a few words"
    [skipped] = read_bytes(junk, source="junk.dat", settings=SETTINGS)
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("binary data")


def test_malformed_html_still_extracts(tmp_path: Path) -> None:
    page = ("<html><head><title>Commander shot</title><body><div><p>"
            + "<p>".join(PARAGRAPHS) + "<div><span>")  # nothing closed
    articles, skipped = batch_with(tmp_path, "broken.html", page.encode())
    assert skipped == []
    assert any(a.text.startswith("BOGOTÁ, March 10") for a in articles)


def test_html_without_article_text(tmp_path: Path) -> None:
    page = (b"<!DOCTYPE html><html><head><title>Home</title></head><body><nav><ul>"
            + b"".join(b"<li><a href='/%d'>Section %d</a></li>" % (i, i) for i in range(8))
            + b"</ul></nav></body></html>")
    assert only_skip(tmp_path, "menu.html", page).reason == "no article text found in HTML"


def test_malformed_feed_without_items(tmp_path: Path) -> None:
    feed = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</ti'
    reason = only_skip(tmp_path, "broken.xml", feed).reason
    assert reason.startswith("malformed feed: ")
    assert len(reason) > len("malformed feed: ")


def test_malformed_feed_with_items_keeps_items() -> None:
    rss = (FIXTURES / "news_rss.xml").read_bytes()
    broken = rss.replace(b"</channel>\n</rss>", b"<item><title>cut off")
    articles, skipped = split(read_bytes(broken, source="cut.xml", settings=SETTINGS))
    assert len(articles) == 3
    assert all(s.source.startswith("cut.xml#item") for s in skipped)


def test_feed_without_items() -> None:
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    assert list(read_bytes(feed, source="f.xml", settings=SETTINGS)) == [
        Skipped("f.xml", "feed has no items")]


WARC_GZ = (FIXTURES / "commander_shot.warc.gz").read_bytes()
WARC = (FIXTURES / "commander_shot.warc").read_bytes()
RECORD_STARTS = {"gz": (0, 2306, 2692), "raw": (0, 5030, 5546)}


@pytest.mark.parametrize(
    ("data", "cut"),
    [(WARC_GZ, len(WARC_GZ) - 300), (WARC_GZ, 2400), (WARC, len(WARC) - 300), (WARC, 5300)],
)
def test_truncated_warc_keeps_earlier_records(data: bytes, cut: int) -> None:
    items = list(read_bytes(data[:cut], source="crawl.warc.gz", settings=SETTINGS))
    articles, skipped = split(items)
    assert len(articles) == 1 and articles[0].outlet == "The Andean Ledger"
    assert len(skipped) == 1 and items[-1] is skipped[0]
    assert "truncated" in skipped[0].reason
    assert skipped[0].source.startswith("crawl.warc.gz#")


def test_every_cut_of_a_warc_is_reported() -> None:
    for cut in range(40, len(WARC_GZ) - 1, 173):
        if cut in RECORD_STARTS["gz"]:
            continue
        items = list(read_bytes(WARC_GZ[:cut], source="w.warc.gz", settings=SETTINGS))
        assert isinstance(items[-1], Skipped), cut


def test_corrupt_bytes_inside_warc_gz() -> None:
    data = bytearray(WARC_GZ)
    data[2500:2600] = b"x" * 100
    articles, skipped = split(read_bytes(bytes(data), source="c.warc.gz", settings=SETTINGS))
    assert len(articles) == 1
    assert skipped[0].reason.startswith("corrupt WARC after 1 page(s)")
    assert skipped[0].reason.isprintable()


class CountingReader(io.RawIOBase):
    """Wraps a file handle and records how many bytes each read asked for."""

    def __init__(self, handle: io.BufferedReader, sizes: list[int]) -> None:
        self.handle, self.sizes = handle, sizes

    def read(self, size: int | None = -1) -> bytes:
        self.sizes.append(-1 if size is None else size)
        return self.handle.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.handle.seek(offset, whence)

    def close(self) -> None:
        self.handle.close()


def test_file_over_max_bytes_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as handle:
        handle.write(b"<html><body>")
        chunk = b"<p>" + b"Police said the curfew would hold. " * 100 + b"</p>\n"
        for _ in range(50_000_000 // len(chunk) + 1):
            handle.write(chunk)
    size = big.stat().st_size
    assert size > 50_000_000
    sizes: list[int] = []
    real_open = Path.open

    def counting_open(self: Path, *args: object, **kwargs: object) -> object:
        handle = real_open(self, *args, **kwargs)  # type: ignore[call-overload]
        return CountingReader(handle, sizes) if self == big else handle

    monkeypatch.setattr(Path, "open", counting_open)
    articles, skipped = batch_with(tmp_path, "a_placeholder.txt", GOOD.encode())
    assert len(articles) == 2
    assert skipped == [Skipped(
        str(big), f"{size:,} bytes is over the limit of 20,000,000 bytes (max_bytes)")]
    assert sizes and all(0 < n <= 65_536 for n in sizes)  # only the head was sniffed


def test_bytes_over_max_bytes() -> None:
    settings = SETTINGS.with_(max_bytes=1000)
    [skip] = read_bytes(GOOD.encode(), source="s.txt", settings=settings)
    assert isinstance(skip, Skipped) and "over the limit of 1,000 bytes" in skip.reason


def test_text_over_max_chars() -> None:
    settings = SETTINGS.with_(max_chars=500)
    [skip] = read_bytes(GOOD.encode(), source="long.txt", settings=settings)
    assert isinstance(skip, Skipped)
    assert "over the limit of 500 (max_chars)" in skip.reason


def test_non_english_is_skipped(tmp_path: Path) -> None:
    reason = only_skip(tmp_path, "es.txt", (FIXTURES / "non_english_es.txt").read_bytes()).reason
    assert reason == "language is es, not English"


def test_short_text_is_not_judged_for_language() -> None:
    [article] = read_bytes("Atentado en Bogotá: un coronel herido.".encode(), source="s.txt",
                           settings=SETTINGS)
    assert isinstance(article, Article)


def test_bad_jsonl_lines_are_skipped_and_the_rest_go_on() -> None:
    good = json.dumps({"text": GOOD, "title": "Commander shot"})
    lines = [
        good,
        "{not json",
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "x", "title": 5}),
        "",
        json.dumps({"text": (FIXTURES / "non_english_es.txt").read_text("utf-8")}),
        json.dumps({"text": "Hola", "language": "es"}),
        json.dumps({"text": "Police arrested 12 people after the march.", "authors": "A. B"}),
    ]
    items = list(read_bytes("\n".join(lines).encode(), source="in.jsonl", settings=SETTINGS))
    articles, skipped = split(items)
    assert [a.title for a in articles] == ["Commander shot", None]
    assert articles[1].authors == ("A. B",)
    reasons = {s.source: s.reason for s in skipped}
    assert set(reasons) == {"in.jsonl#L2", "in.jsonl#L3", "in.jsonl#L4", "in.jsonl#L5",
                            "in.jsonl#L7", "in.jsonl#L8"}
    assert reasons["in.jsonl#L2"].startswith("invalid JSON")
    assert reasons["in.jsonl#L3"] == "line is a JSON list, not an object"
    assert "'text'" in reasons["in.jsonl#L4"]
    assert reasons["in.jsonl#L5"] == "field 'title' must be a string"
    assert reasons["in.jsonl#L7"] == reasons["in.jsonl#L8"] == "language is es, not English"


def test_missing_path() -> None:
    assert list(read("/nonexistent/eventwire/x.txt", settings=SETTINGS)) == [
        Skipped("/nonexistent/eventwire/x.txt", "no such file or folder")]


def test_unreadable_file_in_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "b_locked.txt"
    locked.write_text(GOOD)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny)
    articles, skipped = batch_with(tmp_path, "c_other.txt", GOOD.encode())
    assert len(articles) == 2
    assert skipped == [Skipped(str(locked), "cannot read file: Permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    [skip] = read(locked, settings=SETTINGS)
    assert isinstance(skip, Skipped) and "Permission denied" in skip.reason


def test_reader_bug_becomes_a_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.readers as readers

    def explode(data: bytes, **_: object) -> object:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setitem(readers._READERS, "text", explode)
    [skip] = read_bytes(b"Some plain words.", source="x.txt", settings=SETTINGS)
    assert skip == Skipped("x.txt", "could not read text: RuntimeError: boom second line")


def test_stdin_bad_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert list(read("-", settings=SETTINGS)) == [Skipped("<stdin>", "empty file")]


def test_high_byte_noise_is_skipped_as_undecodable() -> None:
    noise = bytes((i * 97 + 131) % 128 + 128 for i in range(4000))  # no NULs, no ASCII
    [skip] = read_bytes(noise, source="noise.txt", settings=SETTINGS)
    assert skip == Skipped("noise.txt", "undecodable text (mostly invalid or control bytes)")


def test_utf16_with_bom_is_text() -> None:
    [article] = read_bytes(GOOD.encode("utf-16"), source="u16.txt", settings=SETTINGS)
    assert isinstance(article, Article) and "Usaquén" in article.text
