"""PolNeAR attributions (brat standoff): sources, cues and contents of reported speech.

Layout: ``dev/text/<name>.txt`` and ``dev/attributions/<name>_<annotator>.ann``. A few texts
were annotated by several annotators; we take ONE file per text, deterministically: the
annotator id that sorts first. Text-bound spans may be discontinuous (``start end;start
end``); we keep their segments. Attribution events (``E`` lines of type Attribution or
Attribution-no-source) give the gold triples.

Predictions come from ``record.statements``: speaker -> source, cue, content.

- ``source_f1_exact``: a predicted speaker span equals a gold source span (after trimming
  whitespace); ``source_f1_overlap``: they share a character.
- ``cue_f1``: cue spans share a character (cues are short; "has learned" vs "learned");
  ``cue_f1_exact``: they are equal.
- ``content_f1_overlap``: content spans share a character; ``content_f1_exact``: they are
  cover the same stretch of text (from the first segment's start to the last one's end,
  without the quotation marks and punctuation at both ends, which annotators include or
  leave out alike).
Each gold span is counted once even when several attributions share it; matching is
one-to-one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Record, make_article
from .base import EvalResult, Extractor, extract_records, limited, pick_split, require_path
from .matching import Segments, match_one_to_one, prf, same_segments, spans_overlap

METRICS = ("source_f1_exact", "source_f1_overlap", "cue_f1", "cue_f1_exact",
           "content_f1_overlap", "content_f1_exact")
_EDGE = " \t\r\n,;:–—-\"'“”‘’()[]."
_ATTRIBUTION_TYPES = frozenset({"Attribution", "Attribution-no-source"})
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    source: Segments | None
    cues: tuple[Segments, ...]
    content: Segments | None


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    id: str
    text: str
    annotator: str
    published: str | None
    attributions: tuple[GoldAttribution, ...]


def _trim(text: str, segs: Segments) -> Segments:
    """Drop surrounding whitespace from each segment (brat spans sometimes include it)."""
    out = []
    for s, e in segs:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(out)


def _bare(text: str, segs: Segments) -> Segments:
    """The outer extent of the segments (a discontinuous content around its speaker and
    cue is one stretch of text), without quotation marks and punctuation at its ends."""
    if not segs:
        return segs
    s, e = segs[0][0], segs[-1][1]
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return ((s, e),) if e > s else ()


def parse_ann(ann: str, text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, Segments] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _type, _, offsets = parts[1].partition(" ")
            segs = tuple(
                (int(a), int(b)) for a, b in (seg.split() for seg in offsets.split(";"))
            )
            spans[parts[0]] = _trim(text, segs)
        elif line.startswith("E") and len(parts) >= 2:
            args: dict[str, list[str]] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                args.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(args)
    out = []
    for args in events:
        kind = next(iter(args), "")
        if kind not in _ATTRIBUTION_TYPES:
            continue
        source = [spans[r] for r in args.get("Source", []) if r in spans]
        content = [spans[r] for r in args.get("Content", []) if r in spans]
        out.append(GoldAttribution(
            source[0] if source else None,
            tuple(spans[r] for r in args.get("Cue", []) if r in spans),
            content[0] if content else None,
        ))
    return tuple(out)


def split_folder(path: str | Path, split: str | None = None) -> Path:
    """The folder holding ``text/`` and ``attributions/``: ``path`` itself, or its one
    split folder (``dev/``, ``test/``, ``train/``; dev first, see ``base.pick_split``)."""
    root = require_path(path, "PolNeAR data")
    if (root / "attributions").is_dir() and split is None:
        return root
    folders = [d for d in root.iterdir() if d.is_dir() and (d / "attributions").is_dir()]
    if not folders and (root / "attributions").is_dir():
        return root
    return pick_split(folders, "PolNeAR data", root, split)


def load_polnear(
    path: str | Path, limit: int | None = None, split: str | None = None
) -> list[PolnearDoc]:
    base = split_folder(path, split)
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        if name not in chosen or annotator < chosen[name].stem.rpartition("_")[2]:
            chosen[name] = ann
    docs = []
    for name in sorted(chosen):
        text_file = base / "text" / f"{name}.txt"
        if not text_file.exists():
            continue
        text = text_file.read_text(encoding="utf-8")
        m = _DATE.search(name)
        docs.append(PolnearDoc(
            name, text, chosen[name].stem.rpartition("_")[2], m.group(1) if m else None,
            parse_ann(chosen[name].read_text(encoding="utf-8"), text),
        ))
    return limited(docs, limit)


def _f1(gold: Sequence[Segments], pred: Sequence[Segments],
        same: Callable[[Segments, Segments], bool]) -> tuple[int, int, int]:
    g = list(dict.fromkeys(gold))
    p = list(dict.fromkeys(pred))
    return len(match_one_to_one(g, p, same)), len(p), len(g)


def score_polnear_records(docs: Sequence[PolnearDoc], records: Sequence[Record]) -> EvalResult:
    totals = {m: [0, 0, 0] for m in METRICS}
    for doc, record in zip(docs, records, strict=True):
        text = doc.text
        g_src = [a.source for a in doc.attributions if a.source]
        g_cue = [c for a in doc.attributions for c in a.cues if c]
        g_con = [a.content for a in doc.attributions if a.content]
        p_src = [_trim(text, ((s.speaker.start, s.speaker.end),))
                 for s in record.statements if s.speaker is not None]
        p_cue = [_trim(text, ((s.cue.start, s.cue.end),)) for s in record.statements]
        p_con = [_trim(text, ((s.content.start, s.content.end),)) for s in record.statements]
        for metric, counts in (
            ("source_f1_exact", _f1(g_src, [p for p in p_src if p], same_segments)),
            ("source_f1_overlap", _f1(g_src, [p for p in p_src if p], spans_overlap)),
            ("cue_f1", _f1(g_cue, [p for p in p_cue if p], spans_overlap)),
            ("cue_f1_exact", _f1(g_cue, [p for p in p_cue if p], same_segments)),
            ("content_f1_overlap", _f1(g_con, [p for p in p_con if p], spans_overlap)),
            ("content_f1_exact", _f1([_bare(text, g) for g in g_con],
                                     [_bare(text, p) for p in p_con if p], same_segments)),
        ):
            for i, n in enumerate(counts):
                totals[metric][i] += n
    return EvalResult(
        "polnear", len(docs), {m: prf(*totals[m])[2] for m in METRICS},
        notes=("one annotator per text: the id that sorts first",),
    )


def articles(docs: Sequence[PolnearDoc]) -> list[Article]:
    return [make_article(d.text, title=d.id, published=d.published) for d in docs]


def score_polnear(docs: Sequence[PolnearDoc], extractor: Extractor) -> EvalResult:
    return score_polnear_records(docs, extract_records(extractor, articles(docs)))


__all__ = [
    "METRICS", "GoldAttribution", "PolnearDoc", "load_polnear", "parse_ann", "score_polnear",
    "score_polnear_records",
]
