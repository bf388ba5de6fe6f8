"""Scorers on hand-built predictions: perfect records score 1.0, empty records 0.0."""

from dataclasses import replace
from pathlib import Path

import pytest
from evalrecords import event, part, place, record, span, time

from eventwire.evaluate import (
    case2021,
    ecbplus,
    giveme5w1h,
    gvdb,
    muc4,
    plover,
    polnear,
    seed,
    wikievents,
)
from eventwire.model import Attribution, Entity, Outcome, Record, Span, make_article

FIX = Path(__file__).parent / "fixtures"


def empty(texts: list[str]) -> list[Record]:
    return [record(t) for t in texts]


def test_muc4_perfect_and_empty() -> None:
    docs = muc4.load_muc4(FIX / "muc4")
    t = docs[0].text
    org = part(t, "people's vanguard front", entity_id="e1")
    ent = Entity("e1", "People's Vanguard Front", "ORG")
    ev = event(t, "ASSAULT", "set off", modes=("explosives",),
               actors=(part(t, "A group of rebels"), org),
               recipients=(part(t, "the customs office"), part(t, "juan perez morales")))
    recs = [record(make_article(t), ev, entities=(ent,)), record(docs[1].text)]
    res = muc4.score_muc4_records(docs, recs)
    assert res.metrics["incident_type_acc"] == 1.0
    assert res.metrics["ree_p"] == 1.0
    assert res.metrics["ree_r"] == pytest.approx(5 / 6)  # the passers-by were not predicted
    zero = muc4.score_muc4_records(docs, empty([d.text for d in docs]))
    assert zero.metrics["ree_f1"] == 0.0
    assert zero.metrics["incident_type_acc"] == 0.5  # the irrelevant doc is right with "none"


def test_muc4_incident_types() -> None:
    t = "Rebels kidnapped a mayor and burned a bus."
    assert muc4.incident_type(event(t, "ASSAULT", "kidnapped", modes=("abduct",))) == "KIDNAPPING"
    assert muc4.incident_type(event(t, "ASSAULT", "burned", modes=("destroy",))) == "ARSON"
    assert muc4.incident_type(event(t, "ASSAULT", "burned", modes=("explosives",))) == "BOMBING"
    assert muc4.incident_type(event(t, "AGREE", "kidnapped")) is None


def test_wikievents_perfect_and_empty() -> None:
    docs = wikievents.load_wikievents(FIX / "wikievents")
    t = docs[0].text
    recs = [record(t,
                   event(t, "ASSAULT", "attacked", actors=(part(t, "Gunmen"),),
                         recipients=(part(t, "a checkpoint"),), place=place(t, "Mosul")),
                   event(t, "ASSAULT", "died", recipients=(part(t, "Two soldiers"),)))]
    res = wikievents.score_wikievents_records(docs, recs)
    assert res.metrics == {"trigger_f1": 1.0, "arg_f1": 1.0}
    assert wikievents.score_wikievents_records(docs, empty([t])).metrics["trigger_f1"] == 0.0


def test_wikievents_scores_every_mention_of_a_merged_event() -> None:
    docs = wikievents.load_wikievents(FIX / "wikievents")
    t = docs[0].text
    # one incident, two mentions: each typed by its own trigger word, and each argument
    # predicted once, at the mention nearest to it
    merged = event(t, "ASSAULT", "attacked", actors=(part(t, "Gunmen"),),
                   recipients=(part(t, "a checkpoint"), part(t, "Two soldiers")),
                   place=place(t, "Mosul"), mentions=(span(t, "attacked"), span(t, "died")))
    cut = t.index("Two soldiers")
    merged = replace(merged, evidence=(Span(t[:cut], 0, cut),
                                                   Span(t[cut:], cut, len(t))))
    pred = wikievents.predicted_mentions(record(t, merged))
    assert [(k, m.text) for _, k, m in pred] == [
        ("Conflict.Attack", "attacked"), ("Life.Die", "died"),
    ]
    res = wikievents.score_wikievents_records(docs, [record(t, merged)])
    assert res.metrics == {"trigger_f1": 1.0, "arg_f1": 1.0}


def test_gvdb_perfect_and_empty() -> None:
    a, b = docs = gvdb.load_gvdb(FIX / "gvdb")
    ta, tb = a.text, b.text
    rec_a = record(ta, event(
        ta, "ASSAULT", "shot", actors=(part(ta, "Carl Hodge", name="Carl Hodge"),),
        recipients=(part(ta, "Tom Brandt", name="Tom Brandt"),),
        place=place(ta, "Springfield", name="Springfield"),
        time=time(ta, "Monday", date="2017-03-06", precision="day"),
        outcome=Outcome(dead=0, injured=1)))
    rec_b = record(tb, event(tb, "ASSAULT", "shot", outcome=Outcome(dead=2)))
    res = gvdb.score_gvdb_records(docs, [rec_a, rec_b])
    answerable = {"date_answerable", "date_acc_answerable", "date_answerable_any",
                  "date_acc_answerable_any"}
    assert all(v == 1.0 for k, v in res.metrics.items() if k not in answerable), res.metrics
    # doc a says "Monday" only, and its URL has no date: no reader can give the day
    assert res.metrics["date_answerable"] == 0.0
    zero = gvdb.score_gvdb_records(docs, empty([ta, tb])).metrics
    assert zero["city_acc"] == zero["shooter_f1"] == zero["victim_outcome_acc"] == 0.0
    assert zero["killed_exact"] == 0.5  # doc a: nobody killed, and nothing predicted


def test_polnear_perfect_and_empty() -> None:
    (doc,) = docs = polnear.load_polnear(FIX / "polnear")
    t = doc.text
    statements = (
        Attribution(cue=span(t, "said"), content=span(t, "the bridge would reopen in May"),
                    speaker=part(t, "Mayor Ann Cole")),
        Attribution(cue=span(t, "warned"),
                    content=span(t, "The plan, officials warned, could slip"),
                    speaker=part(t, "officials")),
    )
    res = polnear.score_polnear_records(docs, [record(t, statements=statements)])
    assert all(v == 1.0 for v in res.metrics.values()), res.metrics
    partial = polnear.score_polnear_records(docs, [record(t, statements=(Attribution(
        cue=span(t, "said"), content=span(t, "bridge"), speaker=part(t, "Ann Cole")),))])
    assert partial.metrics["source_f1_exact"] == 0.0
    assert partial.metrics["source_f1_overlap"] == pytest.approx(2 / 3)
    assert polnear.score_polnear_records(docs, empty([t])).metrics["cue_f1"] == 0.0


def test_giveme5w1h_answers_and_coverage() -> None:
    (doc,) = docs = giveme5w1h.load_giveme5w1h(FIX / "giveme5w1h")
    t = doc.text
    ev = event(t, "ACCUSE", "flooded", actors=(part(t, "the council"),),
               recipients=(part(t, "Harbor Road", ),), place=place(t, "Dunmore"),
               time=time(t, "on Tuesday"))
    m = giveme5w1h.score_giveme5w1h_records(docs, [record(t, ev)]).metrics
    assert (m["who_p"], m["what_p"], m["when_p"], m["where_p"], m["overall_p"]) == (1, 1, 1, 1, 1)
    assert m["why_coverage"] == 0.0 and m["why_p"] == 0.0
    zero = giveme5w1h.score_giveme5w1h_records(docs, empty([t])).metrics
    assert zero["overall_p"] == 0.0 and zero["who_coverage"] == 0.0


def test_case2021_codes_and_f1() -> None:
    docs = case2021.load_case2021(FIX / "case2021")
    t = [d.text for d in docs]
    recs = [
        record(t[0], event(t[0], "ASSAULT", "blew", modes=("suicide-attack", "explosives"))),
        record(t[1], event(t[1], "PROTEST", "marched", modes=("demo",))),
        record(t[2], event(t[2], "COERCE", "detained", modes=("arrest",))),
    ]
    res = case2021.score_case2021_records(docs, recs)
    assert res.metrics == {"micro_f1": 1.0, "macro_f1": 1.0, "weighted_f1": 1.0}
    # the snippet text alone carries cues for these three labels
    cues_only = case2021.score_case2021_records(docs, empty(t)).metrics
    assert cues_only == {"micro_f1": 1.0, "macro_f1": 1.0, "weighted_f1": 1.0}
    assert case2021.case_code(None) == case2021.DEFAULT_LABEL
    quiet = "The committee published its annual figures on Monday."
    assert case2021.case_label(record(quiet)) == case2021.DEFAULT_LABEL
    assert case2021.case_label(record(quiet, event(quiet, "CONSULT", "published"))) == "DIPLO"


def test_case2021_f1_by_hand() -> None:
    s = case2021.f1_scores(["A", "A", "B"], ["A", "B", "B"])
    assert s["micro_f1"] == pytest.approx(2 / 3)
    assert s["macro_f1"] == pytest.approx(2 / 3)  # F1(A) = F1(B) = 2/3
    assert s["weighted_f1"] == pytest.approx(2 / 3)


def test_ecbplus_baseline_and_metrics() -> None:
    docs = ecbplus.load_ecbplus(FIX / "ecbplus")
    recs = empty([d.text for d in docs])
    assert ecbplus.tfidf_cluster(recs) == [0, 0, 1]
    res = ecbplus.score_ecbplus_records(docs, recs)
    assert res.metrics["b3_f1"] == 1.0 and res.metrics["pairwise_f1"] == 1.0
    one = ecbplus.score_ecbplus_records(docs, recs, cluster=lambda rs: [0] * len(rs)).metrics
    assert one["b3_p"] == pytest.approx(5 / 9) and one["b3_r"] == 1.0
    assert one["pairwise_f1"] == pytest.approx(0.5)


def test_plover_head_or_country_match() -> None:
    docs = plover.load_plover(FIX / "plover")
    t0, t1 = docs[0].text, docs[1].text
    recs = [
        record(t0, event(t0, "ASSAULT", "fired", actors=(part(t0, "Freedonian troops"),),
                         recipients=(part(t0, "rebels"),))),
        record(t1, event(t1, "AGREE", "agreed", actors=(part(t1, "Germany", country="DE"),))),
    ]
    res = plover.score_plover_records(docs, recs)
    assert res.metrics == {"category_acc": 1.0, "source_f1": 1.0, "target_f1": 1.0}
    by_country = plover.actor_matches(docs[1].sources[0], part(t1, "the talks", country="DE"))
    assert by_country
    assert plover.score_plover_records(docs, empty([t0, t1])).metrics["category_acc"] == 0.0


def test_seed_checks_on_invented_record() -> None:
    t = "A gunman shot General Ivan Alekseyev in Moscow on Friday. Nobody claimed it."
    alek = Entity("p1", "Ivan Alekseyev", "PERSON", aliases=("Alekseyev",), country="RU")
    ev = event(t, "ASSAULT", "shot", modes=("targeted", "firearms"),
               actors=(part(t, "A gunman", sector="UAF"),),
               recipients=(part(t, "General Ivan Alekseyev", entity_id="p1"),),
               place=place(t, "Moscow", geonameid=524901, precision="city"),
               time=time(t, "on Friday", date="2026-02-06", precision="day"))
    results = dict(seed.run_checks(record(t, ev, entities=(alek,))))
    assert results["shooting: ASSAULT with modes targeted+firearms, asserted"]
    assert results["shooting: recipient is Alekseyev"]
    assert results["Alekseyev country RU"]
    assert results["shooting: place geonameid 524901 (Moscow)"]
    assert results["shooting: time 2026-02-06, day precision"]
    assert results["every span slices the article text"]
    assert not results["Lavrov is a PERSON entity"]
    res = seed.score_seed_records([seed.SeedDoc("x", t)], [record(t)])
    assert res.metrics["checks_total"] == len(seed.CHECKS)
    assert res.metrics["checklist_score"] < 0.1
    assert any("targeted+firearms" in n for n in res.notes)


def test_seed_span_check_catches_bad_offsets() -> None:
    t = "A gunman shot a man."
    bad = replace(event(t, "ASSAULT", "shot"), trigger=Span("shot", 0, 4))
    assert not dict(seed.run_checks(record(t, bad)))["every span slices the article text"]


class _Counting:
    def __init__(self) -> None:
        self.calls = 0

    def pipe(self, articles):  # type: ignore[no-untyped-def]
        for a in articles:
            self.calls += 1
            yield Record(article=a)


def test_ecbplus_runs_extraction_only_for_record_clusterers() -> None:
    docs = ecbplus.load_ecbplus(FIX / "ecbplus")
    counting = _Counting()
    ecbplus.score_ecbplus(docs, counting)
    assert counting.calls == 0
    ecbplus.score_ecbplus(docs, counting, cluster=lambda rs: [0] * len(rs))
    assert counting.calls == 3


def test_giveme5w1h_who_names_a_resolved_pronoun() -> None:
    text = "Mayor Ada Quill arrived late. She opened the bridge."
    ev = event(text, "CONSULT", "opened", actors=(part(text, "She", name="Ada Quill"),))
    assert giveme5w1h.answers(ev)["who"] == "Ada Quill"
    named = event(text, "CONSULT", "opened",
                  actors=(part(text, "Mayor Ada Quill", name="Ada"),))
    assert giveme5w1h.answers(named)["who"] == "Mayor Ada Quill"  # a name keeps its words


def test_giveme5w1h_when_is_a_time_expression_not_a_tense() -> None:
    text = "Three guards have been killed in a blast on Monday night."
    dated = event(text, "ASSAULT", "killed", time=time(text, "on Monday night", date="2026-03-02"))
    assert giveme5w1h.answers(dated)["when"] == "on Monday night"
    # the hot-news perfect dates the act by its tense: no words say when
    hot = event(text, "ASSAULT", "killed", time=time(text, "have been killed", date="2026-03-04"))
    assert giveme5w1h.answers(hot)["when"] == ""


def test_gvdb_a_date_is_answerable_from_the_text_or_a_page_date_just_after_it() -> None:
    (a, _b) = gvdb.load_gvdb(FIX / "gvdb")  # gold 2017-03-06, "on Monday", no URL date
    assert not gvdb.date_answerable(a)
    assert gvdb.date_answerable(replace(a, text=a.text + " It happened on March 6."))
    assert not gvdb.date_answerable(replace(a, text=a.text + " It happened on March 16."))
    assert gvdb.date_answerable(replace(a, url="http://example.org/2017/03/07/story"))
    assert not gvdb.date_answerable(replace(a, url="http://example.org/2017/03/20/story"))
    assert not gvdb.date_answerable(replace(a, url="http://example.org/2017/03/05/story"))


def test_gvdb_a_gold_day_the_page_contradicts_is_not_answerable() -> None:
    (a, _b) = gvdb.load_gvdb(FIX / "gvdb")  # gold 2017-03-06, a Monday
    monday = replace(a, text=a.text + " It happened on Monday, March 6.")
    sunday = replace(a, text=a.text + " It happened on Sunday, March 6.")  # another year's
    earlier = replace(a, text=a.text + " It happened on March 6, 2016.")
    assert gvdb.date_answerable(monday)
    assert gvdb.date_answerable(replace(a, text=a.text + " It happened on Mar. 6, 2017."))
    assert not gvdb.date_answerable(sunday) and not gvdb.date_answerable(earlier)
    # one uncontradicted mention, or a page date just after the gold day, is enough
    assert gvdb.date_answerable(replace(sunday, text=sunday.text + " Since March 6 ..."))
    assert gvdb.date_answerable(replace(sunday, url="http://example.org/2017/03/07/story"))
    # the earlier criterion, still reported as date_answerable_any, counted them
    assert gvdb.date_answerable(sunday, contradicted_counts=True)
    assert gvdb.date_answerable(earlier, contradicted_counts=True)


def test_gvdb_city_of_a_street_and_unpadded_gold_dates() -> None:
    assert gvdb.parse_annotation('{"date-and-time": {"date": "2015-8-3"}}')["date"] == (
        "2015-08-03"
    )
    (a, _b) = gvdb.load_gvdb(FIX / "gvdb")
    street = replace(place(a.text, "Elm Street"), name="Elm Street", city=a.city)
    ev = event(a.text, "ASSAULT", "shot", place=street)
    assert gvdb._city_ok(a.city, ev)
    assert not gvdb._city_ok(a.city, replace(ev, place=replace(street, city=None)))
