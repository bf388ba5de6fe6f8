"""Input readers: files, directories, standard input or bytes -> ``Article`` | ``Skipped``.

The format is sniffed from the content (the file name only breaks ties): plain text,
HTML (trafilatura), RSS/Atom feeds (feedparser), WARC/WARC.gz (warcio) and JSON Lines.
Bad input never raises out of ``read``/``read_bytes``: each unusable item becomes a
``Skipped(source, reason)`` and the rest of the batch goes on.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import ConfigError, one_line
from eventwire.model import Article, Skipped
from eventwire.readers.common import ArticleMeta, ReadContext, make_context
from eventwire.readers.dates import normalise_published
from eventwire.readers.detect import SNIFF_BYTES, detect_format
from eventwire.readers.feed import read_feed
from eventwire.readers.html import read_html
from eventwire.readers.jsonl import read_jsonl
from eventwire.readers.text import read_text
from eventwire.readers.warc import read_warc

STDIN = "-"
STDIN_SOURCE = "<stdin>"

Reader = Callable[..., Iterator[Article | Skipped]]
_READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "jsonl": read_jsonl,
}


def _check_meta(meta: ArticleMeta | None) -> ArticleMeta | None:
    """A bad --published flag is the user's setting, not the input's: say so up front."""
    if meta and meta.published is not None and normalise_published(meta.published) is None:
        raise ConfigError(f"published date {meta.published!r} is not an ISO date or datetime")
    return meta


def _over_limit(size: int, limit: int) -> str:
    return f"{size:,} bytes is over the limit of {limit:,} bytes (max_bytes)"


def _empty_reason(data: bytes) -> str:
    return "empty file" if not data else "no text (only whitespace)"


def _dispatch(data: bytes, source: str, name: str, ctx: ReadContext) -> Iterator[Article | Skipped]:
    if len(data) > ctx.settings.max_bytes:
        yield Skipped(source, _over_limit(len(data), ctx.settings.max_bytes))
        return
    kind = detect_format(data, name)
    if kind == "empty":
        yield Skipped(source, _empty_reason(data))
        return
    if kind == "binary":
        yield Skipped(source, "binary data, not text, HTML, a feed, WARC or JSON Lines")
        return
    try:
        if kind == "warc":
            yield from read_warc(io.BytesIO(data), source=source, ctx=ctx)
        else:
            yield from _READERS[kind](data, source=source, ctx=ctx)
    except Exception as err:  # a reader bug or library surprise must not end the batch
        yield Skipped(source, f"could not read {kind}: {one_line(err)}")


def read_bytes(
    data: bytes, *, source: str, settings: Settings, meta: ArticleMeta | None = None
) -> Iterator[Article | Skipped]:
    """Articles (or Skipped) from one in-memory input; ``source`` names it in reasons."""
    ctx = make_context(settings, _check_meta(meta))
    return _dispatch(data, source, source, ctx)


def _read_file(path: Path, ctx: ReadContext) -> Iterator[Article | Skipped]:
    source = str(path)
    limit = ctx.settings.max_bytes
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            if detect_format(head, path.name) == "warc":
                # archives are streamed record by record; the limit is per record
                handle.seek(0)
                try:
                    yield from read_warc(handle, source=source, ctx=ctx)
                except Exception as err:
                    yield Skipped(source, f"could not read warc: {one_line(err)}")
                return
            if size > limit:
                yield Skipped(source, _over_limit(size, limit))
                return
            data = head + handle.read(limit + 1 - len(head))
    except OSError as err:
        yield Skipped(source, f"cannot read file: {err.strerror or one_line(err)}")
        return
    yield from _dispatch(data, source, path.name, ctx)


def _walk(directory: Path, ctx: ReadContext) -> Iterator[Article | Skipped]:
    """Files under ``directory`` in sorted order; hidden files and folders are left out,
    and symlinked folders are not followed (no loops)."""
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield Skipped(str(directory), f"cannot list folder: {err.strerror or one_line(err)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry, ctx)
        elif entry.is_file():
            yield from _read_file(entry, ctx)


def _read_stdin(ctx: ReadContext) -> Iterator[Article | Skipped]:
    limit = ctx.settings.max_bytes
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except (OSError, ValueError, AttributeError) as err:
        yield Skipped(STDIN_SOURCE, f"cannot read standard input: {one_line(err)}")
        return
    if len(data) > limit:
        yield Skipped(STDIN_SOURCE, f"standard input is over the limit of {limit:,} bytes "
                      "(max_bytes)")
        return
    yield from _dispatch(data, STDIN_SOURCE, "", ctx)


def _read_path(path: str | Path, ctx: ReadContext) -> Iterator[Article | Skipped]:
    if str(path) == STDIN:
        yield from _read_stdin(ctx)
        return
    target = Path(path)
    try:
        is_dir = target.is_dir()
        exists = is_dir or target.exists()
    except OSError as err:
        yield Skipped(str(target), f"cannot read path: {err.strerror or one_line(err)}")
        return
    if is_dir:
        yield from _walk(target, ctx)
    elif exists:
        yield from _read_file(target, ctx)
    else:
        yield Skipped(str(target), "no such file or folder")


def read(
    path: str | Path, *, settings: Settings, meta: ArticleMeta | None = None
) -> Iterator[Article | Skipped]:
    """Articles (or Skipped) from a file, a folder (recursively, sorted) or "-" (stdin).

    Raises ConfigError at once for an unusable ``meta.published``; input problems are
    never raised, they come back as ``Skipped``."""
    ctx = make_context(settings, _check_meta(meta))
    return _read_path(path, ctx)


__all__ = ["ArticleMeta", "detect_format", "read", "read_bytes"]
