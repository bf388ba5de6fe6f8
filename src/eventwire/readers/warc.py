"""WARC / WARC.gz web archives via warcio: each HTML response becomes an article.

Records are streamed, so a large crawl is never held in memory; ``max_bytes`` applies to
each record's payload rather than to the whole archive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from eventwire.errors import one_line
from eventwire.model import Article, Skipped
from eventwire.readers.common import ReadContext
from eventwire.readers.detect import detect_format
from eventwire.readers.html import read_html


def content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    return (value or "").lower()


def is_page(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
    kind = content_type(record)
    return not kind or "html" in kind


def _unread_tail(stream: IO[bytes], position: int) -> bool:
    """True when bytes other than padding follow the last complete record: the archive
    was cut inside a record that warcio could not even start to parse."""
    try:
        stream.seek(position)
        return bool(stream.read(4096).strip())
    except (OSError, ValueError):  # not seekable: nothing more can be told
        return False


def read_warc(stream: IO[bytes], *, source: str, ctx: ReadContext) -> Iterator[Article | Skipped]:
    limit = ctx.settings.max_bytes
    pages = 0
    records = ArchiveIterator(stream)
    position = 0  # where the next record starts: corruption is reported there
    while True:
        try:
            record = next(records)
            payload = record.content_stream().read(limit + 1) if is_page(record) else None
            # warcio knows a record's offset only once the record has been read to its end
            offset = records.get_record_offset()
            position = offset + records.get_record_length()
        except StopIteration:
            if _unread_tail(stream, position):
                yield Skipped(
                    f"{source}#{position}",
                    f"truncated or corrupt WARC after {pages} page(s): "
                    "the last record is incomplete",
                )
                return
            break
        except Exception as err:  # corrupt archive: keep what came before
            yield Skipped(
                f"{source}#{position}", f"corrupt WARC after {pages} page(s): {one_line(err)}"
            )
            return
        if record.rec_type is None or record.length is None:  # cut inside the header
            yield Skipped(
                f"{source}#{offset}",
                f"truncated WARC after {pages} page(s): incomplete record header",
            )
            return
        missing = getattr(record.raw_stream, "limit", 0)
        if isinstance(missing, int) and missing > 0:  # the file ended inside this record
            yield Skipped(
                f"{source}#{offset}",
                f"truncated WARC after {pages} page(s): record ends {missing:,} bytes early",
            )
            return
        if payload is None:
            continue
        record_source = f"{source}#{offset}"
        if len(payload) > limit:
            pages += 1
            yield Skipped(record_source, f"record is over the limit of {limit:,} bytes "
                          "(max_bytes)")
            continue
        # the declared type is only a tie-breaker: robots.txt or JSON served as text/html
        # is not a page
        hint = "page.html" if "html" in content_type(record) else ""
        if detect_format(payload, hint) != "html":
            continue
        pages += 1
        url = record.rec_headers.get_header("WARC-Target-URI") or None
        yield from read_html(payload, source=record_source, ctx=ctx, url=url)
    if pages == 0:
        yield Skipped(source, "no HTML pages in WARC")


__all__ = ["read_warc"]
