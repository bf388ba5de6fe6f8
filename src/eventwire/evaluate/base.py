"""What every gold-set evaluation shares: the result, the dataset entry, the extractor seam.

A dataset module holds three things: a loader (path -> gold docs), a pure scorer over
(gold docs, records) and the glue that runs an extractor over the docs' articles. The
scorers take plain ``Record`` objects so tests can hand-build predictions without spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import EventwireError
from ..model import Article, Event, Record


class EvalError(EventwireError):
    """A gold set cannot be found or read."""


class Extractor(Protocol):
    """Anything that turns articles into records in order (``nlp.pipeline.Pipeline``)."""

    def pipe(self, articles: Iterable[Article]) -> Iterator[Record]: ...


@dataclass(frozen=True, slots=True)
class EvalResult:
    dataset: str
    n_docs: int
    metrics: Mapping[str, float]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "n_docs": self.n_docs,
            "metrics": {k: round(float(v), 4) for k, v in self.metrics.items()},
        }


Loader = Callable[[Path, "int | None"], Sequence[Any]]
Scorer = Callable[[Sequence[Any], Extractor], EvalResult]


def _default_locate(folder: str) -> Callable[[Path], Path | None]:
    def locate(data_dir: Path) -> Path | None:
        path = data_dir / folder
        return path if path.exists() else None

    return locate


@dataclass(frozen=True, slots=True)
class Dataset:
    """One registry entry. ``metrics`` names what ``score`` reports (the gate's floors)."""

    name: str
    folder: str
    load: Loader
    score: Scorer
    metrics: tuple[str, ...]
    description: str = ""
    locate_in: Callable[[Path], Path | None] | None = field(default=None, compare=False)

    def locate(self, data_dir: str | Path) -> Path | None:
        """Where this dataset lives under ``data_dir`` (None when absent)."""
        finder = self.locate_in or _default_locate(self.folder)
        return finder(Path(data_dir))


def extract_records(extractor: Extractor, articles: Sequence[Article]) -> list[Record]:
    """Run the extractor once over all articles (it batches internally) and check the count."""
    records = list(extractor.pipe(articles))
    if len(records) != len(articles):
        raise EvalError(f"extractor returned {len(records)} records for {len(articles)} articles")
    return records


def main_event(record: Record, categories: Iterable[str] | None = None) -> Event | None:
    """The record's main event (see eventwire.salience), optionally of some categories."""
    from ..salience import main_event as _main_event

    return _main_event(record, categories)


def limited(items: Sequence[Any], limit: int | None) -> list[Any]:
    return list(items if limit is None else items[: max(limit, 0)])


def require_path(path: str | Path, what: str) -> Path:
    p = Path(path)
    if not p.exists():
        raise EvalError(f"{what} not found at {p}")
    return p


__all__ = [
    "Dataset", "EvalError", "EvalResult", "Extractor", "Loader", "Scorer", "extract_records",
    "limited", "main_event", "require_path",
]
