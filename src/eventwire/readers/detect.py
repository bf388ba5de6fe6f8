"""Which reader a blob of bytes needs, decided by content; the file name only breaks ties."""

from __future__ import annotations

import contextlib
import json
import re
import zlib
from pathlib import PurePath

from eventwire.readers.common import garbage_share

FORMATS = ("text", "html", "feed", "warc", "jsonl")
SNIFF_BYTES = 65_536  # how much of the head detection looks at

_GZIP_MAGIC = b"\x1f\x8b"
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF",
    b"BZh", b"\xfd7zXZ", b"Rar!", b"RIFF",
)
_LEADING_JUNK = re.compile(r"^(?:\s+|<!--.*?-->|<\?xml-stylesheet[^>]*>)+", re.S)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|body|head|article|section|nav|header|footer|ul|li|"
    r"table|script|style|meta|title|img)(?:\s[^<>]*)?/?>",
    re.I,
)
_HTML_EXTS = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_EXTS = {".xml", ".rss", ".atom", ".rdf"}
_JSONL_EXTS = {".jsonl", ".ndjson", ".json"}


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=47).decompress(data[:SNIFF_BYTES], 4096)
    except zlib.error:
        return b""


def _head_text(head: bytes) -> str:
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, errors="replace")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def _looks_jsonl(text: str) -> bool:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines[:-1]:  # one (possibly cut) line: must parse fully
        lines = lines[:1]
        checked = lines
    else:
        checked = lines[:-1]  # the last line of the head may be cut off
    if not checked or not all(ln.startswith("{") for ln in checked):
        return False
    good = 0
    for ln in checked[:200]:
        with contextlib.suppress(ValueError):
            good += isinstance(json.loads(ln), dict)
    # a broken line or two is the jsonl reader's business, not a different format
    return good > 0 and good * 2 >= min(len(checked), 200)


def detect_format(data: bytes, name: str = "") -> str:
    """One of "text", "html", "feed", "warc", "jsonl"; or "empty" / "binary" when there is
    nothing to read. Only the first SNIFF_BYTES are looked at."""
    head = data[:SNIFF_BYTES]
    if not head.strip():
        return "empty"
    if head.startswith(_GZIP_MAGIC):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "binary"
    if head.startswith(b"WARC/1."):
        return "warc"
    if head.startswith(_BINARY_MAGIC):
        return "binary"
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not utf16:
        return "binary"
    text = _head_text(head)
    if garbage_share(text.replace("\ufffd", "")) > 0.1:
        return "binary"
    if not text.strip():
        return "empty"
    ext = PurePath(name).suffix.lower()
    start = _LEADING_JUNK.sub("", text[:4096]).lower()
    if start.startswith("<?xml"):
        root = start[:2048]
        html_at, feed = root.find("<html"), _FEED_ROOT.search(root)
        if html_at >= 0 and (feed is None or html_at < feed.start()):
            return "html"
        return "feed"
    if _FEED_ROOT.match(start):
        return "feed"
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if start.startswith("{") and (ext in _JSONL_EXTS or _looks_jsonl(text)):
        return "jsonl"
    tags = len(_HTML_TAG.findall(text))
    if tags >= 5 or (tags and ext in _HTML_EXTS):
        return "html"
    if ext in _FEED_EXTS and _FEED_ROOT.search(start):
        return "feed"
    return "text"


__all__ = ["FORMATS", "SNIFF_BYTES", "detect_format"]
