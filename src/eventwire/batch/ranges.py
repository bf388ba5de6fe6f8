"""Reading one partition: Articles (or Skipped) from a file group, a JSON Lines byte range
or a WARC byte range, through the same readers ``eventwire ingest`` uses."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from eventwire.config import Settings

# readers.warc decides what a page is; one definition, so batch and ingest agree
from eventwire.errors import one_line
from eventwire.model import Article, Skipped
from eventwire.readers import read
from eventwire.readers.common import ReadContext, make_context
from eventwire.readers.detect import detect_format
from eventwire.readers.html import read_html
from eventwire.readers.jsonl import read_jsonl
from eventwire.readers.warc import content_type, is_page

from .partitions import Partition

_LINE_SOURCE = re.compile(r"#L(\d+)$")


def _open_at(path: str, start: int) -> IO[bytes]:
    handle = open(path, "rb")  # noqa: SIM115 - closed by the caller
    handle.seek(start)
    return handle


def read_jsonl_range(part: Partition, ctx: ReadContext) -> Iterator[Article | Skipped]:
    path = part.paths[0]
    with _open_at(path, part.start) as handle:
        data = handle.read() if part.end is None else handle.read(part.end - part.start)
    for item in read_jsonl(data, source=path, ctx=ctx):
        if isinstance(item, Skipped):
            # the reader numbers lines from the start of the range; users want file lines
            found = _LINE_SOURCE.search(item.source)
            if found:
                line = int(found.group(1)) + part.first_line - 1
                item = Skipped(f"{path}#L{line}", item.reason)
        yield item


def read_warc_range(part: Partition, ctx: ReadContext) -> Iterator[Article | Skipped]:
    """The HTML pages of the records in the range; a bad record ends the range with a
    Skipped naming its offset (the same rule as readers.warc for a whole archive)."""
    path = part.paths[0]
    limit = ctx.settings.max_bytes
    with _open_at(path, part.start) as handle:
        end = part.end if part.end is not None else os.fstat(handle.fileno()).st_size
        # always through a LimitReader: warcio then counts offsets from the range start
        # (on a plain file it would count from the file start), so part.start is added
        records = ArchiveIterator(LimitReader(handle, end - part.start))
        position = part.start  # where the next record starts: corruption is reported there
        while True:
            try:
                record = next(records)
                payload = record.content_stream().read(limit + 1) if is_page(record) else None
                offset = part.start + records.get_record_offset()
                position = offset + records.get_record_length()
            except StopIteration:
                return
            except Exception as err:
                yield Skipped(f"{path}#{position}", f"corrupt WARC record: {one_line(err)}")
                return
            missing = getattr(record.raw_stream, "limit", 0)
            if isinstance(missing, int) and missing > 0:  # the file ends inside this record
                yield Skipped(f"{path}#{offset}",
                              f"truncated WARC: record ends {missing:,} bytes early")
                return
            if payload is None:
                continue
            source = f"{path}#{offset}"
            if len(payload) > limit:
                yield Skipped(source, f"record is over the limit of {limit:,} bytes (max_bytes)")
                continue
            hint = "page.html" if "html" in content_type(record) else ""
            if detect_format(payload, hint) != "html":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or None
            yield from read_html(payload, source=source, ctx=ctx, url=url)


def read_partition(part: Partition, settings: Settings) -> Iterator[Article | Skipped]:
    """Everything in ``part``: Articles to extract, Skipped to report."""
    if part.kind == "files":
        for path in part.paths:
            yield from read(path, settings=settings)
        return
    ctx = make_context(settings, None)
    try:
        if part.kind == "jsonl":
            yield from read_jsonl_range(part, ctx)
        elif part.kind == "warc":
            yield from read_warc_range(part, ctx)
        else:
            yield Skipped(part.describe(), f"unknown partition kind {part.kind!r}")
    except OSError as err:
        yield Skipped(part.paths[0], f"cannot read file: {err.strerror or err}")


__all__ = ["read_jsonl_range", "read_partition", "read_warc_range"]
