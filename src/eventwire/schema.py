"""The JSON Schema (draft 2020-12) of a record as ``model.to_dict(record)`` writes it.

The schema is *generated* here from model.py's Literal types and vocab.py's PLOVER lists,
so the shipped file and the vocabularies cannot drift: ``python -m eventwire.schema
--write`` rewrites the canonical copy (package data, ``eventwire/data/record.schema.json``)
and the copy under ``docs/schema/``; a test asserts both equal ``build_schema()``.

Objects are open (no ``additionalProperties: false``): RECORD.md allows new fields without
a version bump. Every field ``to_dict`` writes is required.

``check_offsets`` covers what JSON Schema cannot say: each span's ``text`` must equal
``article.text[start:end]``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from . import model, vocab

SCHEMA_ID = "urn:eventwire:schema:record:1"
RESOURCE = "data/record.schema.json"  # inside the eventwire package
DOCS_COPY = Path("docs") / "schema" / "record.schema.json"  # relative to the repo root

JSON = dict[str, Any]

# -- building blocks -----------------------------------------------------------------------


def _ref(name: str) -> JSON:
    return {"$ref": f"#/$defs/{name}"}


def _nullable(schema: JSON) -> JSON:
    """``schema`` or null; plain ``type`` schemas get a type list, others an anyOf."""
    if set(schema) <= {"type", "description", "pattern", "minimum", "maximum", "minLength"}:
        out = dict(schema)
        out["type"] = [schema["type"], "null"]
        return out
    if "enum" in schema:
        return {**schema, "type": [schema.get("type", "string"), "null"],
                "enum": [*schema["enum"], None]}
    return {"anyOf": [schema, {"type": "null"}]}


def _enum(values: Sequence[str], description: str | None = None) -> JSON:
    out: JSON = {"type": "string", "enum": list(values)}
    if description:
        out["description"] = description
    return out


def _array(items: JSON) -> JSON:
    return {"type": "array", "items": items}


def _object(title: str, description: str, properties: dict[str, JSON]) -> JSON:
    return {
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": list(properties),  # to_dict always writes every field
    }


_STR: JSON = {"type": "string"}
_BOOL: JSON = {"type": "boolean"}
_COUNT: JSON = {"type": "integer", "minimum": 0}
_OFFSET: JSON = {"type": "integer", "minimum": 0}
_COUNTRY: JSON = {"type": "string", "pattern": "^[A-Z]{2}$",
                  "description": "ISO-3166 alpha-2"}
_SECTOR: JSON = {"type": "string", "description": "PLOVER sector code, e.g. COP, MIL, SPY"}
_DATE: JSON = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
               "description": "YYYY[-MM[-DD]]"}
_PUBLISHED: JSON = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([T ].+)?$",
                    "description": "ISO date or datetime"}

_SPAN_PROPS: dict[str, JSON] = {
    "text": {**_STR, "description": "equals article.text[start:end]"},
    "start": {**_OFFSET, "description": "character offset into article.text"},
    "end": {**_OFFSET, "description": "character offset, exclusive"},
}


# -- the $defs -----------------------------------------------------------------------------


def _defs() -> dict[str, JSON]:
    participant = _object("Participant", "A mention of an actor or recipient.", {
        **_SPAN_PROPS,
        "entity_id": _nullable(_STR),
        "name": _nullable(_STR),
        "country": _nullable(_COUNTRY),
        "sector": _nullable(_SECTOR),
    })
    place = _object("Place", "Where an event happened, geocoded when possible.", {
        **_SPAN_PROPS,
        "name": _nullable(_STR),
        "geonameid": _nullable({"type": "integer"}),
        "lat": _nullable({"type": "number", "minimum": -90, "maximum": 90}),
        "lon": _nullable({"type": "number", "minimum": -180, "maximum": 180}),
        "country": _nullable(_COUNTRY),
        "admin1": _nullable(_STR),
        "precision": _nullable(_enum(get_args(model.PlacePrecision))),
        "detail": _nullable(_STR),
        "city": _nullable(_STR),
    })
    time = _object("Time", "When an event happened, normalised against its anchor.", {
        **_SPAN_PROPS,
        "date": _nullable(_DATE),
        "end_date": _nullable(_DATE),
        "precision": _enum(get_args(model.Precision)),
        "anchor": _enum(get_args(model.Anchor)),
    })
    outcome = _object("Outcome", "Casualties and arrests the article states.", {
        "dead": _nullable(_COUNT),
        "injured": _nullable(_COUNT),
        "arrested": _nullable(_COUNT),
        "condition": _nullable(_enum(get_args(model.Condition))),
        "spans": _array(_ref("Span")),
    })
    claim = _object("Claim", "An actor claiming (or denying) responsibility.", {
        "actor": _ref("Participant"),
        "span": _ref("Span"),
    })
    suspicion = _object("Suspicion", "An actor suspected of an event, and by whom.", {
        "actor": _ref("Participant"),
        "span": _ref("Span"),
        "by": _nullable(_ref("Participant")),
        "evidence_stated": _BOOL,
    })
    responsibility = _object("Responsibility", "Who claimed, is suspected or denied.", {
        "claimed_by": _array(_ref("Claim")),
        "unclaimed_stated": _BOOL,
        "suspected": _array(_ref("Suspicion")),
        "denied_by": _array(_ref("Claim")),
    })
    attribution = _object("Attribution", "A reported statement: who said what, how firmly.", {
        "cue": _ref("Span"),
        "content": _ref("Span"),
        "speaker": _nullable(_ref("Participant")),
        "source_type": _enum(get_args(model.SourceType)),
        "factuality": _enum(get_args(model.Factuality)),
    })
    event = _object("Event", "One event the article reports.", {
        "id": _STR,
        "category": _enum(vocab.CATEGORIES, "PLOVER category"),
        "trigger": _ref("Span"),
        "modes": {**_array(_STR), "description": "PLOVER modes of the category"},
        "contexts": _array(_enum(vocab.CONTEXTS)),
        "status": _enum(get_args(model.Status)),
        "aggregate": _BOOL,
        "actors": _array(_ref("Participant")),
        "recipients": _array(_ref("Participant")),
        "place": _nullable(_ref("Place")),
        "time": _nullable(_ref("Time")),
        "outcome": _nullable(_ref("Outcome")),
        "responsibility": _nullable(_ref("Responsibility")),
        "attributions": _array(_ref("Attribution")),
        "evidence": _array(_ref("Span")),
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "mentions": {**_array(_ref("Span")),
                     "description": "trigger of every mention of the event, in text order"},
    })
    event["allOf"] = [_modes_of(category) for category in vocab.CATEGORIES]
    role = _object("Role", "A title an entity holds, e.g. deputy director of an org.", {
        "title": _STR,
        "span": _ref("Span"),
        "of": _nullable(_STR),
    })
    entity = _object("Entity", "One distinct person, organisation or place.", {
        "id": _STR,
        "name": _STR,
        "type": _enum(get_args(model.EntityType)),
        "aliases": _array(_STR),
        "roles": _array(_ref("Role")),
        "country": _nullable(_COUNTRY),
        "sector": _nullable(_SECTOR),
        "mentions": _array(_ref("Span")),
        "geonameid": _nullable({"type": "integer"}),
        "lat": _nullable({"type": "number", "minimum": -90, "maximum": 90}),
        "lon": _nullable({"type": "number", "minimum": -180, "maximum": 180}),
    })
    relation = _object("Relation", "A stated relation between two entities (by id).", {
        "subject": {**_STR, "description": "entity id"},
        "predicate": _STR,
        "object": {**_STR, "description": "entity id"},
        "span": _ref("Span"),
    })
    article = _object("Article", "The text every offset points into, and its metadata.", {
        "id": _STR,
        "text": _STR,
        "url": _nullable(_STR),
        "outlet": _nullable(_STR),
        "title": _nullable(_STR),
        "authors": _array(_STR),
        "published": _nullable(_PUBLISHED),
        "language": _STR,
    })
    span = _object("Span", "A stretch of article.text (end exclusive).", dict(_SPAN_PROPS))
    return {
        "Span": span, "Participant": participant, "Place": place, "Time": time,
        "Outcome": outcome, "Claim": claim, "Suspicion": suspicion,
        "Responsibility": responsibility, "Attribution": attribution, "Event": event,
        "Role": role, "Entity": entity, "Relation": relation, "Article": article,
    }


def _modes_of(category: str) -> JSON:
    """if category == C then every mode is one of C's PLOVER modes (none when C has none)."""
    allowed = vocab.MODES.get(category, ())
    items: JSON = {"enum": list(allowed)} if allowed else {}
    modes: JSON = {"items": items} if allowed else {"maxItems": 0}
    return {
        "if": {"properties": {"category": {"const": category}}, "required": ["category"]},
        "then": {"properties": {"modes": modes}},
    }


def build_schema() -> JSON:
    """The record schema as a dict, from model.py and vocab.py."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "eventwire record",
        "description": (
            "One article and what eventwire read from it (schema_version 1). Offsets are "
            "Python str indices into article.text, end exclusive. Generated by "
            "`python -m eventwire.schema --write`; do not edit by hand."
        ),
        "type": "object",
        "properties": {
            "schema_version": {"const": model.SCHEMA_VERSION},
            "article": _ref("Article"),
            "events": _array(_ref("Event")),
            "entities": _array(_ref("Entity")),
            "relations": _array(_ref("Relation")),
            "statements": _array(_ref("Attribution")),
        },
        "required": ["schema_version", "article", "events", "entities", "relations",
                     "statements"],
        "$defs": _defs(),
    }


def schema_text(schema: JSON | None = None) -> str:
    """The exact bytes (as str) of the committed schema files."""
    return json.dumps(build_schema() if schema is None else schema, indent=2,
                      ensure_ascii=False) + "\n"


# -- loading and validating ----------------------------------------------------------------


def load_schema() -> JSON:
    """The shipped schema (package data), as a fresh dict."""
    text = resources.files("eventwire").joinpath(RESOURCE).read_text(encoding="utf-8")
    loaded: JSON = json.loads(text)
    return loaded


def _path(parts: Sequence[object]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(record)"


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """The errors under a failed ``anyOf`` (nullable objects), without the null branch:
    "speaker.start is required" says more than "not valid under any of the schemas"."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        branches = [c for c in error.context
                    if not (c.validator == "type" and c.validator_value == "null")]
        if branches:
            for branch in branches:
                yield from _leaves(branch)
            return
    yield error


class RecordValidator:
    """Holds one compiled validator; build it once and call ``errors`` for many records."""

    def __init__(self, schema: JSON | None = None) -> None:
        self.schema = load_schema() if schema is None else schema
        self._validator = Draft202012Validator(self.schema)

    def errors(self, record: JSON) -> list[str]:
        """Human-readable problems, ``"events[0].status: 'x' is not one of ..."``; [] if valid."""
        found = [leaf for e in self._validator.iter_errors(record) for leaf in _leaves(e)]
        found.sort(key=lambda e: (list(map(str, e.absolute_path)), e.message))
        return [f"{_path(list(e.absolute_path))}: {e.message}" for e in found]

    def is_valid(self, record: JSON) -> bool:
        return bool(self._validator.is_valid(record))


def validate_record(d: JSON) -> list[str]:
    """Schema errors of one record dict (empty when valid). For many records hold a
    ``RecordValidator`` instead: this compiles the schema on every call."""
    return RecordValidator().errors(d)


def _spans(node: Any, parts: tuple[object, ...] = ()) -> Iterator[tuple[str, JSON]]:
    """Every dict in the tree with int start, int end and str text (bools are not ints)."""
    if isinstance(node, dict):
        start, end, text = node.get("start"), node.get("end"), node.get("text")
        if (isinstance(start, int) and not isinstance(start, bool)
                and isinstance(end, int) and not isinstance(end, bool)
                and isinstance(text, str)):
            yield _path(parts), node
        for key, value in node.items():
            yield from _spans(value, (*parts, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spans(value, (*parts, i))


def check_offsets(d: JSON) -> list[str]:
    """Problems with span offsets: each span-like object must slice ``article.text``
    exactly (``text[start:end] == span.text``, ``0 <= start <= end <= len(text)``)."""
    article = d.get("article")
    text = article.get("text") if isinstance(article, dict) else None
    if not isinstance(text, str):
        return ["article.text: missing, cannot check offsets"]
    problems = []
    for where, span in _spans({k: v for k, v in d.items() if k != "article"}):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            problems.append(f"{where}: offsets {start}:{end} outside 0:{len(text)}")
        elif text[start:end] != span["text"]:
            problems.append(
                f"{where}: text {span['text']!r} != article.text[{start}:{end}] "
                f"{text[start:end]!r}"
            )
    return problems


# -- `python -m eventwire.schema --write | --check` ----------------------------------------


def schema_files(repo_root: Path | None = None) -> list[Path]:
    """The package-data copy, plus docs/schema/ when running from a source checkout."""
    package_dir = Path(__file__).resolve().parent
    files = [package_dir / RESOURCE]
    root = repo_root if repo_root is not None else package_dir.parents[1]
    if (root / "pyproject.toml").is_file():
        files.append(root / DOCS_COPY)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eventwire.schema",
        description="Print, write or check the generated record JSON Schema.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="rewrite the schema files")
    action.add_argument("--check", action="store_true",
                        help="exit 1 when a schema file differs from the generated schema")
    args = parser.parse_args(argv)
    text = schema_text()
    if not (args.write or args.check):
        print(text, end="")
        return 0
    stale = 0
    for path in schema_files():
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        elif not path.is_file() or path.read_text(encoding="utf-8") != text:
            print(f"stale: {path} (run python -m eventwire.schema --write)")
            stale += 1
    return 1 if stale else 0


__all__ = [
    "SCHEMA_ID", "RecordValidator", "build_schema", "check_offsets", "load_schema", "main",
    "schema_files", "schema_text", "validate_record",
]

if __name__ == "__main__":
    raise SystemExit(main())
