"""The record JSON Schema: generated from model/vocab, shipped, and strict where it matters."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from schema_sample import TEXT, build_record

from eventwire import model, vocab
from eventwire.schema import (
    RecordValidator,
    build_schema,
    check_offsets,
    load_schema,
    main,
    schema_files,
    schema_text,
    validate_record,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def validator() -> RecordValidator:
    return RecordValidator()


@pytest.fixture()
def record() -> dict[str, Any]:
    d: dict[str, Any] = model.to_dict(build_record())
    return d


# -- the schema itself ---------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(build_schema())


def test_committed_files_equal_generated_schema() -> None:
    text = schema_text()
    package_copy = REPO / "src" / "eventwire" / "data" / "record.schema.json"
    docs_copy = REPO / "docs" / "schema" / "record.schema.json"
    assert schema_files(REPO) == [package_copy, docs_copy]
    for path in (package_copy, docs_copy):
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m eventwire.schema --write"
        )
    assert load_schema() == build_schema()


def test_check_command_reports_files_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert "stale" not in capsys.readouterr().out


_DEFS = {
    "Span": model.Span, "Participant": model.Participant, "Place": model.Place,
    "Time": model.Time, "Outcome": model.Outcome, "Claim": model.Claim,
    "Suspicion": model.Suspicion, "Responsibility": model.Responsibility,
    "Attribution": model.Attribution, "Event": model.Event, "Role": model.Role,
    "Entity": model.Entity, "Relation": model.Relation, "Article": model.Article,
}


@pytest.mark.parametrize("name", sorted(_DEFS))
def test_every_dataclass_field_is_a_required_property(name: str) -> None:
    fields = [f.name for f in dataclasses.fields(_DEFS[name])]
    definition = build_schema()["$defs"][name]
    assert sorted(definition["properties"]) == sorted(fields)
    assert sorted(definition["required"]) == sorted(fields)
    assert "additionalProperties" not in definition  # RECORD.md: fields may be added


def test_record_fields_and_vocab_enums() -> None:
    schema = build_schema()
    record_fields = [f.name for f in dataclasses.fields(model.Record)]
    assert sorted(schema["properties"]) == sorted(record_fields)
    assert schema["properties"]["schema_version"] == {"const": "1"}
    event = schema["$defs"]["Event"]["properties"]
    assert event["category"]["enum"] == list(vocab.CATEGORIES)
    assert event["status"]["enum"] == list(model.STATUSES)
    attribution = schema["$defs"]["Attribution"]["properties"]
    assert attribution["source_type"]["enum"] == list(model.SOURCE_TYPES)
    assert attribution["factuality"]["enum"] == list(model.FACTUALITIES)


# -- a valid record ------------------------------------------------------------------------


def test_hand_built_record_is_valid(record: dict[str, Any], validator: RecordValidator) -> None:
    assert validator.errors(record) == []
    assert validate_record(record) == []
    assert check_offsets(record) == []
    assert record["article"]["text"] == TEXT


def test_record_survives_json_and_from_dict(record: dict[str, Any],
                                            validator: RecordValidator) -> None:
    again = json.loads(json.dumps(record))
    assert validator.errors(again) == []
    assert model.to_dict(model.record_from_dict(again)) == record


def test_extra_fields_are_allowed(record: dict[str, Any], validator: RecordValidator) -> None:
    record["events"][0]["cluster_id"] = "c1"
    record["article"]["fetched"] = "2026-03-10T08:00:00"
    assert validator.errors(record) == []


def test_empty_record_is_valid(validator: RecordValidator) -> None:
    d = model.to_dict(model.Record(article=model.make_article("Nothing happened.")))
    assert validator.errors(d) == []
    assert check_offsets(d) == []


# -- mutations the schema catches ----------------------------------------------------------


def _errors_after(record: dict[str, Any], validator: RecordValidator, change: Any) -> list[str]:
    mutated = copy.deepcopy(record)
    change(mutated)
    return validator.errors(mutated)


def test_bad_status_is_caught(record: dict[str, Any], validator: RecordValidator) -> None:
    errors = _errors_after(record, validator,
                           lambda d: d["events"][0].__setitem__("status", "rumoured"))
    assert len(errors) == 1
    assert errors[0].startswith("events[0].status: 'rumoured' is not one of")


def test_missing_required_field_is_caught(record: dict[str, Any],
                                          validator: RecordValidator) -> None:
    errors = _errors_after(record, validator, lambda d: d["events"][0]["trigger"].pop("end"))
    assert errors == ["events[0].trigger: 'end' is a required property"]
    errors = _errors_after(record, validator, lambda d: d.pop("schema_version"))
    assert errors == ["(record): 'schema_version' is a required property"]


def test_wrong_types_are_caught(record: dict[str, Any], validator: RecordValidator) -> None:
    errors = _errors_after(record, validator,
                           lambda d: d["events"][0]["outcome"].__setitem__("dead", "two"))
    assert errors and errors[0].startswith("events[0].outcome.dead: 'two' is not of type")
    errors = _errors_after(record, validator,
                           lambda d: d["entities"][0]["mentions"][0].__setitem__("start", "5"))
    assert errors and errors[0].startswith("entities[0].mentions[0].start:")
    errors = _errors_after(record, validator, lambda d: d.__setitem__("schema_version", "2"))
    assert errors == ["schema_version: '1' was expected"]


@pytest.mark.parametrize(("path", "value"), [
    (("events", 0, "category"), "ATTACK"),
    (("events", 0, "place", "precision"), "street"),
    (("events", 0, "time", "precision"), "hour"),
    (("events", 0, "time", "anchor"), "article"),
    (("events", 0, "time", "date"), "March 8"),
    (("events", 0, "outcome", "condition"), "grave"),
    (("events", 0, "outcome", "injured"), -1),
    (("events", 0, "confidence"), 1.5),
    (("events", 0, "contexts", 0), "gossip"),
    (("events", 0, "actors", 0, "country"), "Kenya"),
    (("statements", 0, "source_type"), "rumour"),
    (("statements", 0, "factuality"), "maybe"),
    (("entities", 0, "type"), "FAC"),
    (("article", "published"), "yesterday"),
    (("events", 0, "aggregate"), 0),
])
def test_bad_values_are_caught(record: dict[str, Any], validator: RecordValidator,
                               path: tuple[str | int, ...], value: object) -> None:
    def change(d: dict[str, Any]) -> None:
        node: Any = d
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    errors = _errors_after(record, validator, change)
    assert errors, f"{path} = {value!r} passed"


def test_mode_must_belong_to_category(record: dict[str, Any],
                                      validator: RecordValidator) -> None:
    # "allege" is an ACCUSE mode, not an ASSAULT one
    errors = _errors_after(record, validator,
                           lambda d: d["events"][0].__setitem__("modes", ["allege"]))
    assert errors and errors[0].startswith("events[0].modes[0]:")
    # SUPPORT has no PLOVER modes at all
    errors = _errors_after(record, validator, lambda d: d["events"][1].update(
        category="SUPPORT", modes=["visit"]))
    assert errors and errors[0].startswith("events[1].modes:")
    # a category change with fitting modes is fine
    assert _errors_after(record, validator, lambda d: d["events"][1].update(
        category="CONSULT", modes=["visit"])) == []


# -- offsets -------------------------------------------------------------------------------


def test_span_not_matching_its_offsets_is_caught(record: dict[str, Any]) -> None:
    record["events"][0]["trigger"]["text"] = "shoot"
    record["entities"][0]["roles"][0]["span"]["start"] += 1
    problems = check_offsets(record)
    assert len(problems) == 2
    assert problems[0].startswith("events[0].trigger: text 'shoot' != article.text[")
    assert problems[1].startswith("entities[0].roles[0].span:")


def test_offsets_outside_text_are_caught(record: dict[str, Any]) -> None:
    n = len(TEXT)
    record["relations"][0]["span"].update(start=n - 2, end=n + 5)
    record["statements"][2]["speaker"].update(start=10, end=3)
    assert check_offsets(record) == [
        f"relations[0].span: offsets {n - 2}:{n + 5} outside 0:{n}",
        "statements[2].speaker: offsets 10:3 outside 0:" + str(n),
    ]


def test_offsets_are_checked_everywhere(record: dict[str, Any]) -> None:
    """Break every span-like object in turn; each break is reported at its own path."""
    places: list[str] = []

    def visit(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if {"text", "start", "end"} <= node.keys() and path != "article":
                places.append(path)
                node["text"] += "#"
            for k, v in node.items():
                visit(v, f"{path}.{k}" if path else k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                visit(v, f"{path}[{i}]")

    visit(record, "")
    reported = [p.split(":")[0] for p in check_offsets(record)]
    assert reported == places
    assert len(places) > 30  # triggers, participants, place, time, outcome, claims, roles ...


def test_missing_article_text_is_reported() -> None:
    assert check_offsets({"events": []}) == ["article.text: missing, cannot check offsets"]


def test_errors_inside_nullable_objects_name_the_field(record: dict[str, Any],
                                                       validator: RecordValidator) -> None:
    record["statements"][0]["speaker"] = {"text": "police", "start": 0}
    record["events"][0]["place"]["lat"] = 100.0
    errors = validator.errors(record)
    assert "events[0].place.lat: 100.0 is greater than the maximum of 90" in errors
    assert "statements[0].speaker: 'end' is a required property" in errors
    assert not any("any of the given schemas" in e for e in errors)
