"""The incident scorer on hand-built records and tiny invented gold files (no spaCy)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from evalrecords import event, part, place, record, span

from eventwire.evaluate import commands
from eventwire.evaluate.base import EvalError
from eventwire.evaluate.incidents import (
    GoldIncident,
    GoldPlace,
    IncidentDoc,
    brier,
    calibration_error,
    count_ok,
    date_ok,
    judge,
    load_incidents,
    parse_incident,
    people_ok,
    place_ok,
    roc_auc,
    score_incident_records,
)
from eventwire.evaluate.registry import get_dataset, run_eval
from eventwire.model import (
    Article,
    Claim,
    Event,
    Outcome,
    Participant,
    Record,
    Responsibility,
    Time,
    make_article,
)

FIX = Path(__file__).parent / "fixtures"

TEXT = (
    "Gunmen shot dead a guard in Eastvale on Monday. The attack shocked the town. "
    "Police arrested two men. The mayor warned of more trouble and blamed rivals."
)


def gold(text: str, category: str, *mentions: str, status: str = "asserted",
         **kw: Any) -> GoldIncident:
    raw = {"category": category, "status": status, "mentions": list(mentions), "date": None,
           "place": None, "actors": [], "recipients": [], "dead": None, "injured": None,
           "arrested": None, "claimed_by": [], **kw}
    return parse_incident(raw, text)


def doc(text: str, *incidents: GoldIncident, id: str = "gvdb:1") -> IncidentDoc:
    return IncidentDoc(id, None, text, incidents)


def rec(text: str, *events: Event) -> Record:
    return record(text, *events)


def shooting() -> GoldIncident:
    return gold(TEXT, "ASSAULT", "shot dead", "The attack")


def arrest() -> GoldIncident:
    return gold(TEXT, "COERCE", "arrested", arrested=2)


# -- loading ---------------------------------------------------------------------------------


def test_loader_reads_fixture_with_every_occurrence() -> None:
    first, second = load_incidents(FIX / "incidents")
    assert first.id == "gvdb:9001" and first.source == "gvdb"
    assert first.published == "2031-04-30" and second.published is None
    assert second.source == "polnear" and second.incidents == ()
    shot, arrested, march = first.incidents
    start, end = shot.spans[0]
    assert first.text[start:end] == "shot dead"
    assert shot.place == GoldPlace("Brookfield", "US", "Wisconsin")
    assert (shot.dead, shot.injured, arrested.arrested) == (2, None, 1)
    assert march.status == "future"
    assert len(load_incidents(FIX / "incidents" / "gold.jsonl", limit=1)) == 1
    # a mention said twice has both occurrences
    twice = gold("He shot one, then shot another.", "ASSAULT", "shot")
    assert twice.spans == ((3, 7), (18, 22))


@pytest.mark.parametrize("line, reason", [
    ('{"id": "x", "text": "A calm day.", "incidents": [{"mentions": ["riot"]}]}',
     "mention 'riot' is not in the text"),
    ('{"id": "x", "text": "A calm day."', "line 2"),
    ('{"id": "x", "text": "A riot.", "incidents": [{"mentions": ["riot"], "dead": "two"}]}',
     "dead must be a whole number"),
    ('{"id": "x", "text": "A riot.", "incidents": [{"mentions": []}]}',
     "at least one mention"),
])
def test_loader_names_the_bad_line(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps({"id": "a", "text": "Quiet.", "incidents": []})
    (tmp_path / "gold.jsonl").write_text(good + "\n" + line + "\n")
    with pytest.raises(EvalError, match="line 2") as err:
        load_incidents(tmp_path)
    assert reason in str(err.value)


# -- matching --------------------------------------------------------------------------------


def test_match_duplicate_false_alarm_and_out_of_scope() -> None:
    d = doc(TEXT, shooting(), arrest())
    r = rec(
        TEXT,
        event(TEXT, "ASSAULT", "shot dead"),
        event(TEXT, "ASSAULT", "attack"),  # the same shooting, said again: a duplicate
        event(TEXT, "COERCE", "arrested"),
        event(TEXT, "THREATEN", "warned"),  # nothing in the gold: a false alarm
        event(TEXT, "ACCUSE", "blamed"),  # not one of the six and matches nothing: ignored
    )
    kinds = [(j.event.trigger.text, j.kind, j.incident) for j in judge(d, r)]
    assert kinds == [("shot dead", "match", 0), ("attack", "duplicate", 0),
                     ("arrested", "match", 1), ("warned", "false_alarm", None)]
    m = score_incident_records([d], [r]).metrics
    assert m["precision"] == pytest.approx(2 / 4)
    assert m["duplicate_share"] == pytest.approx(1 / 4)
    assert m["false_alarm_share"] == pytest.approx(1 / 4)
    assert m["recall"] == 1.0


def test_out_of_scope_event_that_matches_counts_with_a_wrong_category() -> None:
    d = doc(TEXT, arrest())
    r = rec(TEXT, event(TEXT, "ACCUSE", "arrested"))
    m = score_incident_records([d], [r]).metrics
    assert (m["precision"], m["recall"], m["category_acc"]) == (1.0, 1.0, 0.0)


def test_predictions_judged_in_text_order_not_record_order() -> None:
    d = doc(TEXT, shooting())
    later = event(TEXT, "ASSAULT", "attack", confidence=0.9)
    first = event(TEXT, "ASSAULT", "shot dead", confidence=0.2)
    kinds = [(j.event.trigger.text, j.kind) for j in judge(d, rec(TEXT, later, first))]
    assert kinds == [("shot dead", "match"), ("attack", "duplicate")]


def test_event_mentions_match_too() -> None:
    d = doc(TEXT, gold(TEXT, "ASSAULT", "The attack"))
    ev = event(TEXT, "ASSAULT", "shot dead", mentions=(span(TEXT, "shot dead"),
                                                       span(TEXT, "attack")))
    assert [j.kind for j in judge(d, rec(TEXT, ev))] == ["match"]


def test_overlap_prefers_unmatched_then_same_category() -> None:
    text = "Troops fired on marchers and clashed with them."
    protest = gold(text, "PROTEST", "marchers")
    shots = gold(text, "ASSAULT", "fired on marchers")
    d = doc(text, protest, shots)
    # one prediction overlapping both takes the one of its own category
    (only,) = judge(d, rec(text, event(text, "ASSAULT", "marchers")))
    assert (only.kind, only.incident) == ("match", 1)
    # a second prediction there takes the incident still unmatched, whatever its category
    both = judge(d, rec(text, event(text, "ASSAULT", "fired"), event(text, "ASSAULT",
                                                                      "marchers")))
    assert [(j.kind, j.incident) for j in both] == [("match", 1), ("match", 0)]


def test_recall_counts_only_asserted_and_historical() -> None:
    text = "Rebels attacked a base last year. They will march soon and may strike later."
    d = doc(text,
            gold(text, "ASSAULT", "attacked", status="historical"),
            gold(text, "PROTEST", "march", status="future"),
            gold(text, "PROTEST", "strike", status="hypothetical"))
    found = score_incident_records([d], [rec(text, event(text, "ASSAULT", "attacked"))])
    assert found.metrics["recall"] == 1.0  # the future and hypothetical ones are not owed
    missed = score_incident_records([d], [rec(text, event(text, "PROTEST", "march",
                                                          status="future"))])
    assert missed.metrics["recall"] == 0.0
    assert missed.metrics["precision"] == 1.0 and missed.metrics["precision_strict"] == 1.0


def test_precision_strict_counts_only_the_gold_status() -> None:
    d = doc(TEXT, shooting(), arrest())
    r = rec(TEXT, event(TEXT, "ASSAULT", "shot dead", status="hypothetical"),
            event(TEXT, "COERCE", "arrested"))
    m = score_incident_records([d], [r]).metrics
    assert (m["precision"], m["precision_strict"], m["status_acc"]) == (1.0, 0.5, 0.5)


# -- field rules -----------------------------------------------------------------------------


def _on(date: str | None) -> Event:
    t = Time("Monday", 0, 6, date=date) if date is not None else None
    return event(TEXT, "ASSAULT", "shot dead", time=t)


@pytest.mark.parametrize("gold_date, pred, ok", [
    ("2031", "2031-06-02", True), ("2031", "2030-12-31", False),
    ("2031-06", "2031-06-02", True), ("2031-06", "2031-07-01", False),
    ("2031-06-02", "2031-06-02", True), ("2031-06-02", "2031-06", False),
    ("2031-06-02", "2031-06-03", False),
    (None, None, True), (None, "2031-06-02", False), ("2031", None, False),
])
def test_date_prefixes_and_null_wants_null(gold_date: str | None, pred: str | None,
                                           ok: bool) -> None:
    assert date_ok(gold_date, _on(pred)) is ok


def _at(**kw: Any) -> Event:
    return event(TEXT, "ASSAULT", "shot dead", place=place(TEXT, "Eastvale", **kw))


def test_place_by_name_city_admin1_and_geonameid() -> None:
    eastvale = GoldPlace("Eastvale", "US", "Oregon")
    assert place_ok(eastvale, _at(name="Eastvale", country="US"))
    assert place_ok(eastvale, _at(name="EASTVALE", country="us"))  # case-insensitive
    assert place_ok(eastvale, _at(name="Main Street", city="Eastvale", country="US"))
    assert not place_ok(eastvale, _at(name="Eastvale", country="CA"))  # another country
    assert not place_ok(eastvale, _at(name="Westvale", country="US"))
    # a gold region: a town inside it (its admin1) agrees
    assert place_ok(GoldPlace("Oregon", "US"), _at(name="Salem", admin1="Oregon", country="US"))
    # both in the same admin1 (the rule: name, city or admin1 agree)
    assert place_ok(eastvale, _at(name="Salem", admin1="Oregon", country="US"))
    assert not place_ok(eastvale, _at(name="Salem", admin1="Idaho", country="US"))
    # accents and case do not matter
    assert place_ok(GoldPlace("São Tomé", "ST"), _at(name="sao tome", country="ST"))
    # the same GeoNames id is the same place, whatever the names say
    assert place_ok(GoldPlace("Eastvale", "US", geonameid=42),
                    _at(name="East Vale", country="US", geonameid=42))
    # a null gold wants no place, and a place wants a predicted one
    assert place_ok(None, event(TEXT, "ASSAULT", "shot dead"))
    assert not place_ok(None, _at(name="Eastvale", country="US"))
    assert not place_ok(eastvale, event(TEXT, "ASSAULT", "shot dead"))


def test_place_country_is_scored_apart() -> None:
    d = doc(TEXT, gold(TEXT, "ASSAULT", "shot dead",
                       place={"name": "Eastvale", "country": "US"}))
    m = score_incident_records([d], [rec(TEXT, _at(name="Northgate", country="US"))]).metrics
    assert (m["place_acc"], m["place_country_acc"]) == (0.0, 1.0)


def test_participants_share_a_content_word() -> None:
    assert people_ok(["the Eastvale police"], [part(TEXT, "Police")])
    assert people_ok(["two men"], [part(TEXT, "two men")])
    assert not people_ok(["the guard"], [part(TEXT, "Gunmen")])
    # determiners, numbers and pronouns are not content words
    assert not people_ok(["the two of them"], [part(TEXT, "The mayor")])
    assert not people_ok(["they"], [Participant("they", 0, 4)])
    # a pronoun resolved to its person answers with the name
    assert people_ok(["Jo Marsh"], [Participant("he", 0, 2, name="Jo Marsh")])
    # gold [] wants none
    assert people_ok([], [])
    assert not people_ok([], [part(TEXT, "Gunmen")])
    assert not people_ok(["Gunmen"], [])


def test_counts_null_gold_takes_null_or_zero() -> None:
    assert count_ok(None, None) and count_ok(None, 0)
    assert not count_ok(None, 1)
    assert count_ok(2, 2) and not count_ok(2, 1) and not count_ok(2, None)


def test_claimed_by_and_outcome_fields_on_a_match() -> None:
    d = doc(TEXT, gold(TEXT, "ASSAULT", "shot dead", dead=1, injured=None,
                       claimed_by=["the Eastvale Front"]))
    claim = Claim(part(TEXT, "Gunmen", name="Eastvale Front"), span(TEXT, "Gunmen"))
    ev = event(TEXT, "ASSAULT", "shot dead", outcome=Outcome(dead=1, injured=0),
               responsibility=Responsibility(claimed_by=(claim,)))
    m = score_incident_records([d], [rec(TEXT, ev)]).metrics
    assert (m["dead_acc"], m["injured_acc"], m["claimed_by_acc"]) == (1.0, 1.0, 1.0)
    wrong = event(TEXT, "ASSAULT", "shot dead", outcome=Outcome(dead=2))
    m = score_incident_records([d], [rec(TEXT, wrong)]).metrics
    assert (m["dead_acc"], m["claimed_by_acc"]) == (0.0, 0.0)


def test_all_core_fields_per_match_and_per_gold_incident() -> None:
    text = "Gunmen shot a guard in Eastvale. Later, police arrested a man. A riot broke out."
    d = doc(text,
            gold(text, "ASSAULT", "shot", place={"name": "Eastvale", "country": "US"}),
            gold(text, "COERCE", "arrested"),
            gold(text, "PROTEST", "riot"))
    eastvale = place(text, "Eastvale", name="Eastvale", country="US")
    right = event(text, "ASSAULT", "shot", place=eastvale)
    placed = event(text, "COERCE", "arrested", place=eastvale)  # the gold gives no place
    m = score_incident_records([d], [rec(text, right, placed)]).metrics
    assert m["all_core_fields"] == pytest.approx(1 / 2)  # of the two matches
    assert m["all_core_fields_recall"] == pytest.approx(1 / 3)  # of the three incidents


def test_breakdowns_by_source_and_category() -> None:
    calm = "A quiet day in the valley."
    docs = [doc(TEXT, shooting(), arrest(), id="gvdb:1"),
            doc(calm, id="wikievents:2")]
    records = [rec(TEXT, event(TEXT, "ASSAULT", "shot dead")),
               rec(calm, event(calm, "PROTEST", "quiet"))]
    res = score_incident_records(docs, records)
    by_source = res.details["by_source"]
    assert by_source["gvdb"]["precision"] == 1.0 and by_source["gvdb"]["recall"] == 0.5
    assert by_source["wikievents"]["precision"] == 0.0
    by_cat = res.details["by_category"]
    assert by_cat["ASSAULT"] == {"gold": 1.0, "predicted": 1.0, "matched": 1.0,
                                 "false_alarms": 0.0}
    assert by_cat["COERCE"] == {"gold": 1.0, "predicted": 0.0, "matched": 0.0,
                                "false_alarms": 0.0}
    assert by_cat["PROTEST"]["predicted"] == by_cat["PROTEST"]["false_alarms"] == 1.0
    assert res.to_dict()["details"]["counts"]["all"]["false_alarms"] == 1.0


def test_confidence_separation() -> None:
    assert roc_auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert roc_auc([0.1], [0.9]) == 0.0
    assert roc_auc([0.5, 0.5], [0.5]) == 0.5  # ties count half
    assert roc_auc([0.9, 0.3], [0.5]) == 0.5
    assert roc_auc([], [0.5]) == 0.0
    d = doc(TEXT, shooting())
    r = rec(TEXT, event(TEXT, "ASSAULT", "shot dead", confidence=0.9),
            event(TEXT, "ASSAULT", "attack", confidence=0.4),
            event(TEXT, "THREATEN", "warned", confidence=0.6))
    m = score_incident_records([d], [r]).metrics
    assert m["confidence_matched"] == pytest.approx(0.9)
    assert m["confidence_noise"] == pytest.approx(0.5)
    assert m["confidence_auc"] == 1.0
    # noise at 0.4 and 0.6, the match at 0.9: ((0.1)^2 + 0.4^2 + 0.6^2) / 3
    assert m["confidence_brier"] == pytest.approx((0.01 + 0.16 + 0.36) / 3)
    assert m["confidence_ece"] == pytest.approx((0.1 + 0.4 + 0.6) / 3)


def test_calibration_figures() -> None:
    assert brier([1.0, 1.0], [0.0]) == 0.0
    assert brier([0.5], [0.5]) == 0.25
    assert brier([], []) == 0.0
    # one bin (0.7-0.8) holding three true and one false at 0.75: calibrated
    assert calibration_error([0.75, 0.75, 0.75], [0.75]) == pytest.approx(0.0)
    # a bin of 0.9s that are all false, a bin of 0.1s all true: off by 0.9 everywhere
    assert calibration_error([0.1, 0.1], [0.9, 0.9]) == pytest.approx(0.9)
    # a score of exactly 1.0 lands in the top bin, not an eleventh
    assert calibration_error([1.0], [0.95]) == pytest.approx((0.0 + 0.95) / 2)
    assert calibration_error([], []) == 0.0


def test_error_report_lists_every_kind() -> None:
    shot = gold(TEXT, "ASSAULT", "shot dead", "The attack", dead=1)
    d = doc(TEXT, shot, arrest(), gold(TEXT, "THREATEN", "warned of more trouble"))
    r = rec(TEXT, event(TEXT, "ASSAULT", "shot dead"), event(TEXT, "ASSAULT", "attack"),
            event(TEXT, "PROTEST", "blamed"))
    report = "\n".join(score_incident_records([d], [r]).error_report)
    assert "DUPLICATE   gvdb:1  ASSAULT 'attack'" in report
    assert "FALSE ALARM gvdb:1  PROTEST asserted 'blamed'" in report
    assert "MISS        gvdb:1  COERCE asserted 'arrested'" in report
    assert "[[arrested]]" in report  # the context marks the words
    assert "WRONG dead          gvdb:1  'shot dead' gold=1 pred=null" in report


# -- the command -----------------------------------------------------------------------------


KEYWORDS = (("shot", "ASSAULT"), ("arrested", "COERCE"), ("approved", "SANCTION"))


class KeywordExtractor:
    """A fake extractor: one event per trigger word it knows (no spaCy)."""

    def pipe(self, articles: Iterable[Article]) -> Iterator[Record]:
        for a in articles:
            events = tuple(
                event(a.text, category, word, confidence=0.7)
                for word, category in KEYWORDS if word in a.text
            )
            yield Record(article=a, events=events)


def test_registry_runs_incidents_on_the_fixture() -> None:
    assert "recall" in get_dataset("incidents").metrics
    res = run_eval("incidents", FIX / "incidents", KeywordExtractor())
    # shot and arrested match; "approved" (SANCTION) in the budget story is a false alarm
    assert res.metrics["precision"] == pytest.approx(2 / 3)
    assert res.metrics["recall"] == 1.0


def test_cli_eval_incidents_with_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.cli import cli

    monkeypatch.setattr(commands, "make_extractor", lambda settings: KeywordExtractor())
    res = CliRunner().invoke(cli, ["eval", "incidents", str(FIX / "incidents" / "gold.jsonl"),
                                   "--errors"])
    assert res.exit_code == 0, res.output
    assert "incidents (2 docs)" in res.stdout
    assert "  precision              0.6667" in res.stdout
    assert "FALSE ALARM polnear:invented_2031-05-01_budget  SANCTION" in res.stdout
    assert "MISS        gvdb:9001  PROTEST future 'march'" in res.stdout
    as_json = CliRunner().invoke(cli, ["eval", "incidents", str(FIX / "incidents"), "--json"])
    out = json.loads(as_json.stdout)
    assert out["dataset"] == "incidents" and out["details"]["by_source"]["gvdb"]["recall"] == 1.0


def test_cli_bad_gold_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.cli import cli

    monkeypatch.setattr(commands, "make_extractor", lambda settings: KeywordExtractor())
    (tmp_path / "gold.jsonl").write_text("not json\n")
    res = CliRunner().invoke(cli, ["eval", "incidents", str(tmp_path)])
    assert res.exit_code == 2
    assert "line 1" in res.stderr and "Traceback" not in res.output


def test_articles_keep_the_published_date() -> None:
    from eventwire.evaluate.incidents import articles

    (a,) = articles([IncidentDoc("x:1", "2031-04-30", TEXT, ())])
    assert a == make_article(TEXT, published="2031-04-30")
