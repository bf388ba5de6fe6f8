"""What every gold-set evaluation shares: the result, the dataset entry, the extractor seam.

A dataset module holds three things: a loader (path -> gold docs), a pure scorer over
(gold docs, records) and the glue that runs an extractor over the docs' articles. The
scorers take plain ``Record`` objects so tests can hand-build predictions without spaCy.
"""

from __future__ import annotations

import re
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
    # tables beside the metrics (per source, per category, per type): reported, not gated
    details: Mapping[str, Mapping[str, Mapping[str, float]]] = field(default_factory=dict)
    # one line per error of the system (false alarm, miss, wrong field) for `--errors`;
    # they quote the gold text, so they are printed, never written into a report file
    error_report: tuple[str, ...] = ()
    error: str | None = None  # the dataset could not be scored: one-line reason

    @classmethod
    def failed(cls, dataset: str, reason: str) -> EvalResult:
        """An entry for a dataset that could not be read or scored (``eval all`` goes on)."""
        return cls(dataset, 0, {}, error=reason)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"dataset": self.dataset, "n_docs": self.n_docs}
        if self.error is not None:
            out["error"] = self.error
            return out
        out["metrics"] = {k: round(float(v), 4) for k, v in self.metrics.items()}
        if self.details:
            out["details"] = {
                table: {row: {k: round(float(v), 4) for k, v in cells.items()}
                        for row, cells in rows.items()}
                for table, rows in self.details.items()
            }
        return out


class Loader(Protocol):
    """path, limit -> gold docs; ``split`` names the split to read when the folder holds
    several (loaders of sets without splits ignore it)."""

    def __call__(
        self, path: Path, limit: int | None, /, *, split: str | None = None
    ) -> Sequence[Any]: ...


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
    load: Callable[..., Sequence[Any]]  # a Loader; older two-argument loaders work too
    score: Scorer
    metrics: tuple[str, ...]
    description: str = ""
    locate_in: Callable[[Path], Path | None] | None = field(default=None, compare=False)

    def locate(self, data_dir: str | Path) -> Path | None:
        """Where this dataset lives under ``data_dir`` (None when absent)."""
        finder = self.locate_in or _default_locate(self.folder)
        return finder(Path(data_dir))

    def read(self, path: Path, limit: int | None = None, split: str | None = None) -> Any:
        """Load the gold docs; a file that cannot be read becomes an ``EvalError`` with a
        one-line reason (never a traceback for bad input)."""
        try:
            if split is None:
                return self.load(path, limit)
            return self.load(path, limit, split=split)
        except EvalError:
            raise
        except (OSError, ValueError, KeyError, IndexError, TypeError, SyntaxError) as err:
            # ValueError covers JSON and Unicode errors, SyntaxError XML parse errors
            raise EvalError(f"{self.name}: cannot read {path}: {one_line(err)}") from err


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


def one_line(err: BaseException) -> str:
    """An exception as one short line: its type and first line of message."""
    msg = str(err).strip().splitlines()[0] if str(err).strip() else ""
    return f"{type(err).__name__}: {msg}" if msg else type(err).__name__


# -- splits ----------------------------------------------------------------------------------

# The names a file or folder of a split goes by ("dev.jsonl", "lgl_test.xml", "tst3").
SPLIT_NAMES: dict[str, str] = {
    "dev": "dev", "development": "dev", "val": "dev", "valid": "dev", "validation": "dev",
    "test": "test", "tst": "test", "train": "train", "training": "train",
}
_NAME_PARTS = re.compile(r"[a-z]+")


def split_of(name: str) -> str | None:
    """The split a file or folder name names (dev/test/train), else None."""
    for part in _NAME_PARTS.findall(Path(name).stem.lower()):
        if part in SPLIT_NAMES:
            return SPLIT_NAMES[part]
    return None


def pick_split(
    candidates: Sequence[Path], what: str, where: Path, split: str | None = None,
    usual: str | None = None,
) -> Path:
    """The one file (or folder) of a gold set to read among ``candidates``.

    Named split: the candidate whose name says it, or the only candidate when none names a
    split (the folder is that split). Else: the only candidate; the dev split; the set's
    ``usual`` file name. Anything else is ambiguous and an ``EvalError`` says what to name.
    """
    found = sorted(candidates)
    names = ", ".join(p.name for p in found) or "nothing"
    if not found:
        raise EvalError(f"{what}: nothing to read in {where}")
    if split is not None:
        wanted = SPLIT_NAMES.get(split.lower(), split.lower())
        named = [p for p in found if split_of(p.name) == wanted]
        if len(named) == 1:
            return named[0]
        if not named and len(found) == 1 and split_of(found[0].name) is None:
            return found[0]
        raise EvalError(f"{what}: no single {split} split in {where} (found: {names})")
    if len(found) == 1:
        return found[0]
    for test in (lambda p: split_of(p.name) == "dev", lambda p: p.name == usual):
        chosen = [p for p in found if test(p)]
        if len(chosen) == 1:
            return chosen[0]
    raise EvalError(f"{what}: several candidates in {where} ({names}); name one with "
                    f"--split or give the file itself")


def split_file(
    path: str | Path, suffixes: Sequence[str], what: str, split: str | None = None,
    usual: str | None = None,
) -> Path:
    """``path`` itself when it is a file, else the file of one split in it (``pick_split``
    over the files with one of ``suffixes``)."""
    p = require_path(path, what)
    if p.is_file():
        return p
    files = [f for f in p.iterdir() if f.is_file() and f.suffix.lower() in suffixes]
    return pick_split(files, what, p, split, usual)


__all__ = [
    "SPLIT_NAMES", "Dataset", "EvalError", "EvalResult", "Extractor", "Loader", "Scorer",
    "extract_records", "limited", "main_event", "one_line", "pick_split", "require_path",
    "split_file", "split_of",
]
