"""Word lists as data: one bundle of TOML files per language, read once per process.

Every word list the extraction reads lives in ``lexicon/<language>/<topic>.toml``; code
reaches it through a :class:`Lexicon` (the pipeline passes one in its resources), never
through module-level tables. A second language is a new folder of the same files, not
edits across the stages.

A TOML array of strings becomes a ``frozenset``; a table becomes a read-only mapping whose
array values become tuples. Names are ``"<file>.<table>"`` (``"numbers.units"``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from ..errors import ConfigError

DEFAULT_LANGUAGE = "en"


class LexiconError(ConfigError, LookupError):
    """A word list that the bundle does not have, or of another shape than asked for."""


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return frozenset(value)
        return tuple(_freeze(v) for v in value)
    return value


def _freeze_table(value: Any) -> Any:
    """Inside a table, arrays keep their order (a category's modes, a pattern's parts)."""
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze_table(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze_table(v) for v in value)
    return value


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language, by ``"<file>.<table>"`` name."""

    language: str
    tables: Mapping[str, Any]

    def _get(self, name: str) -> Any:
        try:
            return self.tables[name]
        except KeyError:
            raise LexiconError(
                f"the {self.language!r} lexicon has no word list {name!r}"
            ) from None

    def words(self, name: str) -> frozenset[str]:
        """A set of words or phrases (a TOML array of strings)."""
        got = self._get(name)
        if not isinstance(got, frozenset):
            raise LexiconError(f"lexicon {name!r} is not a word list")
        return got

    def mapping(self, name: str) -> Mapping[str, Any]:
        """A table: word -> value (a TOML table)."""
        got = self._get(name)
        if not isinstance(got, Mapping):
            raise LexiconError(f"lexicon {name!r} is not a table")
        return got

    def phrases(self, name: str) -> tuple[str, ...]:
        """A word list in a fixed order (longest first), for building patterns."""
        return tuple(sorted(self.words(name), key=lambda w: (-len(w), w)))

    def __contains__(self, name: object) -> bool:
        return name in self.tables


def _parse(text: str, file: str) -> dict[str, Any]:
    data = tomllib.loads(text)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "about":  # the file's own description, not a word list
            continue
        out[f"{file}.{key}"] = _freeze_table(value) if isinstance(value, dict) else _freeze(value)
    return out


@cache
def load_lexicon(language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """Read every ``<topic>.toml`` of a language bundle shipped in the package.

    Cached per language: the bundle is immutable data, read once per process."""
    folder = resources.files(__package__).joinpath(language)
    if not folder.is_dir():
        raise LexiconError(f"no lexicon for language {language!r}")
    tables: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            tables.update(_parse(entry.read_text(encoding="utf-8"), entry.name[: -len(".toml")]))
    return Lexicon(language=language, tables=MappingProxyType(tables))


__all__ = ["DEFAULT_LANGUAGE", "Lexicon", "LexiconError", "load_lexicon"]
