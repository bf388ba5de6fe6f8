"""Loaders on tiny invented fixtures in each gold set's format."""

from pathlib import Path

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

FIX = Path(__file__).parent / "fixtures"


def test_muc4_texts_keys_and_casing() -> None:
    docs = muc4.load_muc4(FIX / "muc4")
    assert [d.id for d in docs] == ["TST9-MUC4-0001", "TST9-MUC4-0002"]
    first, second = docs
    assert first.incident_types == {"BOMBING"}
    assert first.published == "1991-03-12"
    assert first.roles["PerpInd"] == (("GROUP OF REBELS", "REBELS"),)
    assert first.roles["PerpOrg"] == (("PEOPLE'S VANGUARD FRONT", "PVF"),)
    assert first.roles["Weapon"] == (("CAR BOMB",),)
    # the name counts once; the description tied to it is not a second victim
    assert first.roles["Victim"] == (("JUAN PEREZ MORALES",), ("PASSERS-BY",))
    assert "[TEXT]" not in first.text and "A group of rebels" in first.text
    assert "\n" not in first.text.split("\n\n")[0].strip()  # wrapped lines are joined
    assert second.incident_types == frozenset() and not any(second.roles.values())
    assert len(muc4.load_muc4(FIX / "muc4", limit=1)) == 1


def test_sentence_case_keeps_length() -> None:
    raw = "  THE ARMY SAID.  REBELS\nFLED -- [TEXT] NOW."
    out = muc4.sentence_case(raw)
    assert len(out) == len(raw)
    assert out.startswith("  The army said.  Rebels fled")


def test_wikievents_rebuilds_text_at_offsets() -> None:
    (doc,) = wikievents.load_wikievents(FIX / "wikievents")
    types = [e.type for e in doc.events]
    assert types == ["Conflict.Attack", "Life.Die", "Movement.Transportation"]
    attack = doc.events[0]
    assert doc.text[attack.start:attack.end] == "attacked"
    assert doc.text[doc.events[1].start:doc.events[1].end] == "died"
    assert ("Place", "Mosul") in attack.args


def test_gvdb_rows() -> None:
    a, b = gvdb.load_gvdb(FIX / "gvdb")
    assert (a.city, a.date, a.shooters, a.victims) == (
        "Springfield", "2017-03-06", ("Carl Hodge",), ("Tom Brandt",))
    assert (a.killed, a.injured, a.any_victim_fate) == (0, 1, True)
    assert (b.city, b.killed, b.injured, b.victims) == ("", 2, 0, ())


def test_polnear_picks_first_annotator_and_keeps_discontinuous_spans() -> None:
    (doc,) = polnear.load_polnear(FIX / "polnear")
    assert doc.annotator == "aaaa" and doc.published == "2016-09-01"
    assert len(doc.attributions) == 2
    second = doc.attributions[1]
    assert second.content is not None and len(second.content) == 2
    s, e = doc.attributions[0].source[0]  # type: ignore[index]
    assert doc.text[s:e] == "Mayor Ann Cole"


def test_giveme5w1h_gold_phrases() -> None:
    (doc,) = giveme5w1h.load_giveme5w1h(FIX / "giveme5w1h")
    assert doc.gold["where"] == ("in Dunmore",)
    assert doc.gold["how"] == ()  # annotators agreed there is no answer
    assert doc.published == "2018-04-03"
    assert doc.text.startswith("Flood closes Harbor Road\n\nA flood closed")


def test_case2021_snippets_keep_quotes() -> None:
    rows = case2021.load_case2021(FIX / "case2021")
    assert [r.label for r in rows] == ["SUIC_BOMB", "PEACE_PROTEST", "ARREST"]
    assert '"peacefully"' in rows[1].text


def test_ecbplus_subtopics() -> None:
    docs = ecbplus.load_ecbplus(FIX / "ecbplus")
    assert [(d.id, d.topic, d.subtopic) for d in docs] == [
        ("1_1ecb", "1", "ecb"), ("1_2ecb", "1", "ecb"), ("1_1ecbplus", "1", "ecbplus")]
    assert docs[0].text.splitlines()[0] == "Storm floods the valley town of Arlo ."


def test_plover_renames_legacy_categories() -> None:
    docs = plover.load_plover(FIX / "plover")
    assert [d.category for d in docs] == ["ASSAULT", "AGREE"]
    assert docs[1].targets == ()
    assert docs[0].sources[0].code == "FRA"


def test_seed_loader_and_locator(tmp_path: Path) -> None:
    (doc,) = seed.load_seed(FIX / "seed")
    assert doc.text.startswith("Invented test article")
    dev = tmp_path / "shared" / "eval" / "dev"
    dev.mkdir(parents=True)
    (tmp_path / "shared" / "seed").mkdir()
    (tmp_path / "shared" / "seed" / "a.txt").write_text("x")
    assert seed.locate_seed(dev) == tmp_path / "shared" / "seed"
    assert seed.locate_seed(tmp_path) is None
