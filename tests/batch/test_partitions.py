"""Planning partitions and reading them back: file groups, JSONL line ranges, WARC record
ranges. Reading all ranges of an input must give exactly what readers.read gives."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.batch.partitions import Partition, plan_partitions
from eventwire.batch.ranges import read_partition
from eventwire.config import Settings
from eventwire.model import Article, Skipped
from eventwire.readers import read

SETTINGS = Settings(db_url="sqlite://")
CITIES = ("Kano", "Quetta", "Goma", "Davao", "Mosul", "Tripoli", "Medellin")


def story(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"Report {i}: gunmen attacked a checkpoint outside {city} on Monday night, killing "
        f"{i % 5 + 2} soldiers, a regional official said. The official, Marek Obi Varga "
        f"number {i}, said the attackers fled on foot into the hills after the raid. "
        f"Residents said the road to {city} was closed for several hours on Tuesday."
    )


def write_jsonl(path: Path, n: int, bad_lines: tuple[int, ...] = ()) -> None:
    lines = []
    for i in range(n):
        lines.append("{not json" if i + 1 in bad_lines else json.dumps({"text": story(i)}))
        if i == 3:
            lines.append("")  # blank lines are allowed and not counted
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def html_page(i: int) -> bytes:
    paragraphs = "".join(f"<p>{s}.</p>" for s in story(i).split(". "))
    return f"<html><head><title>Story {i}</title></head><body><article>{paragraphs}" \
           f"</article></body></html>".encode()


def write_warc(path: Path, n: int, gz: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for i in range(n):
            url = f"https://news.example.org/story/{i}"
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1"))
            writer.write_record(req)  # a non-page record between pages
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html_page(i)),
                                            http_headers=headers)
            writer.write_record(rec)


def everything(parts: list[Partition]) -> list[Article | Skipped]:
    return [item for p in parts for item in read_partition(p, SETTINGS)]


def test_files_grouped_in_sorted_order(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i:02d}.txt").write_text(story(i), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(story(9), encoding="utf-8")
    parts = plan_partitions([tmp_path], size=2)
    assert [p.kind for p in parts] == ["files"] * 3
    assert [len(p.paths) for p in parts] == [2, 2, 1]
    assert [Path(x).name for p in parts for x in p.paths] == [f"{i:02d}.txt" for i in range(5)]
    got = [a.id for a in everything(parts) if isinstance(a, Article)]
    assert got == [a.id for a in read(tmp_path, settings=SETTINGS) if isinstance(a, Article)]


def test_ids_are_stable_and_paths_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(story(1), encoding="utf-8")
    first = plan_partitions([tmp_path / "a.txt"], size=10)
    monkeypatch.chdir(tmp_path)
    again = plan_partitions(["a.txt", "./a.txt"], size=10)  # relative, and named twice
    assert [p.id for p in again] == [p.id for p in first]
    assert Path(again[0].paths[0]).is_absolute() and len(again[0].paths) == 1
    assert Partition.from_dict(first[0].to_dict()) == first[0]


def test_jsonl_line_ranges(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    write_jsonl(path, 11, bad_lines=(8,))
    parts = plan_partitions([path], size=4)
    assert [p.kind for p in parts] == ["jsonl"] * 3
    assert [p.size for p in parts] == [4, 4, 3]
    assert parts[0].start == 0 and parts[-1].end is None
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))
    items = everything(parts)
    whole = list(read(path, settings=SETTINGS))
    assert [getattr(i, "id", None) for i in items] == [getattr(i, "id", None) for i in whole]
    skipped = [i for i in items if isinstance(i, Skipped)]
    # line 9 of the file (one blank line before it): numbered as in the file, not the range
    assert [s.source for s in skipped] == [f"{path}#L9"]
    assert skipped == [i for i in whole if isinstance(i, Skipped)]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_record_ranges(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, 7, gz)
    parts = plan_partitions([path], size=3)
    assert [p.kind for p in parts] == ["warc"] * 3
    assert [p.size for p in parts] == [3, 3, 1]
    items = everything(parts)
    whole = list(read(path, settings=SETTINGS))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == len(items)
    assert [a.url for a in articles] == [f"https://news.example.org/story/{i}" for i in range(7)]
    assert [a.id for a in articles] == [getattr(a, "id", None) for a in whole]


def test_warc_corrupt_tail_reported(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path, 4, gz=False)
    data = path.read_bytes()
    path.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nab")
    items = everything(plan_partitions([path], size=2))
    assert len([i for i in items if isinstance(i, Article)]) == 4
    bad = [i for i in items if isinstance(i, Skipped)]
    assert len(bad) == 1 and bad[0].reason.startswith("corrupt WARC record")
    # named by the same offset as readers.read names it for the whole archive
    whole = [i for i in read(path, settings=SETTINGS) if isinstance(i, Skipped)]
    assert [b.source for b in bad] == [w.source for w in whole]


def test_missing_input_is_skipped_not_lost(tmp_path: Path) -> None:
    parts = plan_partitions([tmp_path / "nope.txt"], size=5)
    items = everything(parts)
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert "no such file" in items[0].reason


def test_stdin_and_bad_size_refused(tmp_path: Path) -> None:
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="standard input"):
        plan_partitions(["-"])
    with pytest.raises(ConfigError, match="partition-size"):
        plan_partitions([tmp_path], size=0)
