"""Splitting inputs into partitions: the unit of work a Dask worker takes, writes and
marks done.

Three kinds, so that one huge input does not become one huge task:

    files   a group of small files (text, HTML, feeds), read with ``readers.read``
    jsonl   a byte range of a JSON Lines file, cut at line starts
    warc    a byte range of a WARC/WARC.gz archive, cut at record starts

A partition's id is a hash of what it covers, so the same inputs planned with the same
``size`` give the same ids on every run: that is what lets a re-run skip finished work.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from eventwire.errors import ConfigError
from eventwire.model import stable_id
from eventwire.readers.detect import SNIFF_BYTES, detect_format

DEFAULT_SIZE = 100  # articles (files, lines or page records) per partition
KINDS = ("files", "jsonl", "warc")


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work. For ``files`` ``paths`` lists the files; for ``jsonl``/``warc``
    it holds the one file and ``start``/``end`` are byte offsets (``end`` None: to EOF)."""

    kind: str
    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None
    first_line: int = 1  # jsonl: number of the range's first line, for Skipped sources
    size: int = 0  # how many items were planned into it (files, lines or page records)

    @property
    def id(self) -> str:
        return stable_id(self.kind, self.start, self.end, *self.paths, length=20)

    def describe(self) -> str:
        if self.kind == "files":
            first = self.paths[0] if self.paths else "-"
            return f"{len(self.paths)} file(s) from {first}"
        end = "end" if self.end is None else self.end
        return f"{self.paths[0]} bytes {self.start}-{end}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "paths": list(self.paths), "start": self.start,
            "end": self.end, "first_line": self.first_line, "size": self.size,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partition:
        return cls(
            kind=data["kind"], paths=tuple(data["paths"]), start=int(data["start"]),
            end=data.get("end"), first_line=int(data.get("first_line", 1)),
            size=int(data.get("size", 0)),
        )


def iter_files(path: Path) -> Iterator[Path]:
    """Files under ``path`` the way readers.read walks them: sorted, hidden entries left
    out, symlinked folders not followed."""
    if path.is_file():
        yield path
        return
    if not path.is_dir():
        yield path  # missing: the reader reports it as Skipped
        return
    for entry in sorted(path.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from iter_files(entry)
        elif entry.is_file():
            yield entry


def _sniff(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return detect_format(handle.read(SNIFF_BYTES), path.name)
    except OSError:
        return "unreadable"  # left to readers.read, which says why


def jsonl_ranges(path: Path, size: int) -> list[Partition]:
    """Byte ranges of ``size`` non-blank lines each, cut at line starts."""
    parts: list[Partition] = []
    start, first_line, count, offset, number = 0, 1, 0, 0, 0
    with path.open("rb") as handle:
        for line in handle:
            number += 1
            if count >= size and line.strip():
                parts.append(Partition("jsonl", (str(path),), start, offset, first_line, count))
                start, first_line, count = offset, number, 0
            if line.strip():
                count += 1
            offset += len(line)
    parts.append(Partition("jsonl", (str(path),), start, None, first_line, count))
    return parts


def warc_ranges(path: Path, size: int) -> list[Partition]:
    """Byte ranges holding ``size`` response/resource records each, cut at record starts.

    Reading the record headers once here (warcio skips the payloads) is what lets a
    worker seek straight to its range; a corrupt tail is left to the last range, whose
    reader reports it."""
    parts: list[Partition] = []
    start, count = 0, 0
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                offset = records.get_record_offset()
                if count >= size:
                    parts.append(Partition("warc", (str(path),), start, offset, 1, count))
                    start, count = offset, 0
                if record.rec_type in ("response", "resource"):
                    count += 1
        except Exception:  # corrupt archive: the last range's reader reports it
            pass
    parts.append(Partition("warc", (str(path),), start, None, 1, count))
    return parts


def plan_partitions(inputs: Sequence[str | Path], size: int = DEFAULT_SIZE) -> list[Partition]:
    """The partitions covering ``inputs`` (files or folders), in input order."""
    if size < 1:
        raise ConfigError("--partition-size must be at least 1")
    parts: list[Partition] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            parts.append(Partition("files", tuple(group), size=len(group)))
            group.clear()

    seen: set[str] = set()
    for given in inputs:
        if str(given) == "-":
            raise ConfigError("batch reads files and folders, not standard input ('-')")
        for path in iter_files(Path(given)):
            # absolute paths: the same ids whatever the working directory of a re-run
            key = str(path.resolve()) if path.exists() else str(path)
            if key in seen:  # the same file named twice would be read twice
                continue
            seen.add(key)
            kind = _sniff(path) if path.is_file() else "missing"
            if kind == "warc":
                flush()
                parts.extend(warc_ranges(Path(key), size))
            elif kind == "jsonl":
                flush()
                parts.extend(jsonl_ranges(Path(key), size))
            else:
                group.append(key)
                if len(group) >= size:
                    flush()
    flush()
    return parts


__all__ = [
    "DEFAULT_SIZE", "KINDS", "Partition", "iter_files", "jsonl_ranges", "plan_partitions",
    "warc_ranges",
]
