"""A stage: one named part of extraction with what it reads, writes and needs, declared.

The pipeline checks the declarations when it is built, the way spaCy's ``analyze_pipes``
checks ``requires`` and ``assigns``: every field a stage reads is an input or written by
an earlier stage; every field has one owner (the stage in whose ``writes`` it is); a stage
that amends a field owned by an earlier one says so in ``refines``; the resources a stage
needs are there. A stage can be replaced (a trained component for a rule-based one) by
any object with the same name that writes at least what the original writes.

Field names are the layers of ``Work``: ``entities``, ``mentions.time``, ``events.status``,
``context.dateline_place``... (see ``work.py``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import ConfigError, EventwireError

if TYPE_CHECKING:
    from .resources import Resources
    from .work import Work

StageFn = Callable[["Work", "Resources"], None]
BatchFn = Callable[[Sequence["Work"], "Resources"], Sequence[BaseException | None]]

# What every article brings before any stage runs.
INPUTS: frozenset[str] = frozenset({"article", "doc", "published"})


@dataclass(frozen=True)
class Stage:
    """One declared part of extraction."""

    name: str
    run: StageFn = field(compare=False)
    summary: str  # one line: what it does
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()  # fields this stage owns: it alone sets them
    refines: tuple[str, ...] = ()  # fields owned by an earlier stage that it amends
    needs: tuple[str, ...] = ()  # attributes of Resources: "gazetteer", "lexicon", ...
    implementation: str = "rules"  # "rules", or what stands in ("trained: ...")
    # run once when the pipeline is built: read word lists, compile patterns, load weights
    # (so that a broken lexicon fails there, not on the first article)
    prepare: Callable[[Resources], object] | None = field(default=None, compare=False)
    # ``run`` on each work of a batch (the articles spaCy parsed together) in one call, for
    # a stage that reads them faster together (a network); per work, None or the error it
    # raised. It must do what ``run`` does: whoever replaces ``run`` replaces this too
    # (``dataclasses.replace(stage, run=..., run_batch=None)``)
    run_batch: BatchFn | None = field(default=None, compare=False)

    def __call__(self, work: Work, res: Resources) -> None:
        self.run(work, res)


class StageError(EventwireError):
    """A stage failed on one article. ``str(err)`` names the stage and the cause."""

    def __init__(self, stage: str, article_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.article_id = article_id
        self.cause = cause
        first = (str(cause).splitlines() or [""])[0]
        super().__init__(f"stage {stage!r} failed: {type(cause).__name__}: {first}".rstrip(": "))


def _covered(name: str, have: set[str]) -> bool:
    """``mentions.time`` is there when ``mentions.time`` or all of ``mentions`` is."""
    parts = name.split(".")
    return any(".".join(parts[:k]) in have for k in range(1, len(parts) + 1))


def check_stages(stages: Sequence[Stage], resources: object | None = None) -> list[str]:
    """Problems with an ordered list of stages (empty: fine)."""
    problems: list[str] = []
    names = [s.name for s in stages]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"stage {dup!r} appears more than once")
    owner: dict[str, str] = {}
    for s in stages:
        for f in s.writes:
            if f in owner:
                problems.append(f"{f!r} is written by both {owner[f]!r} and {s.name!r}")
            else:
                owner[f] = s.name
    have: set[str] = set(INPUTS)
    for s in stages:
        for f in s.reads:
            if not _covered(f, have):
                problems.append(f"stage {s.name!r} reads {f!r}, which no earlier stage writes")
        for f in s.refines:
            if not _covered(f, have):
                problems.append(
                    f"stage {s.name!r} refines {f!r}, which no earlier stage writes"
                )
            if f in s.writes:
                problems.append(f"stage {s.name!r} both writes and refines {f!r}")
        if resources is not None:
            for need in s.needs:
                if getattr(resources, need, None) is None:
                    problems.append(f"stage {s.name!r} needs the resource {need!r}")
        have.update(s.writes)
    return problems


def load_stage(spec: str) -> Stage:
    """A stage named by ``"package.module:ATTRIBUTE"`` (a Stage, or a function returning one)."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ConfigError(f"stage {spec!r}: expected 'package.module:ATTRIBUTE'")
    try:
        obj = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as err:
        raise ConfigError(f"stage {spec!r} cannot be loaded: {err}") from None
    stage = obj() if callable(obj) and not isinstance(obj, Stage) else obj
    if not isinstance(stage, Stage):
        raise ConfigError(f"stage {spec!r} is not an eventwire Stage")
    return stage


def replace_stages(stages: Sequence[Stage], replacements: Mapping[str, Stage]) -> list[Stage]:
    """``stages`` with some swapped for stand-ins of the same name that write at least what
    the stage they replace writes (so every later reader still finds its fields)."""
    by_name = {s.name: s for s in stages}
    for name, new in replacements.items():
        old = by_name.get(name)
        if old is None:
            raise ConfigError(
                f"no stage named {name!r} to replace (stages: {', '.join(by_name)})"
            )
        if new.name != name:
            raise ConfigError(f"stage {new.name!r} cannot stand in for {name!r}")
        missing = [f for f in old.writes if not _covered(f, set(new.writes))]
        if missing:
            raise ConfigError(
                f"stage {name!r} ({new.implementation}) does not write {', '.join(missing)}"
            )
    return [replacements.get(s.name, s) for s in stages]


def stage_table(stages: Iterable[Stage]) -> str:
    """The stages as a Markdown table (docs/DESIGN.md holds it; a test keeps it current)."""
    rows = [
        "| stage | reads | writes | refines | needs | what it does |",
        "|---|---|---|---|---|---|",
    ]
    for s in stages:
        cells = [", ".join(f"`{x}`" for x in xs) or "" for xs in
                 (s.reads, s.writes, s.refines, s.needs)]
        rows.append(f"| {s.name} | " + " | ".join(cells) + f" | {s.summary} |")
    return "\n".join(rows)


__all__ = [
    "INPUTS", "Stage", "StageError", "StageFn", "check_stages", "load_stage", "replace_stages",
    "stage_table",
]
