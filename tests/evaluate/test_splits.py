"""Evaluation on any split: loaders that read test/train files, GeoWebNews XML, TimeML, and
`eval all` going on past a broken dataset. Tiny invented files, a fake extractor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate import commands
from eventwire.evaluate.base import EvalError, pick_split, split_of
from eventwire.evaluate.gate import check_gate, load_baseline
from eventwire.evaluate.geoparsing import detect_format, load_geoparsing
from eventwire.evaluate.registry import EMPTY_EXTRACTOR, get_dataset, run_all, run_eval

FIX = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]

TEXT = "Gunmen attacked a checkpoint near Kharkiv on Monday, Ukrainian police said."


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _lgl_toponym(phrase: str, geonameid: int, lat: float, lon: float) -> str:
    s, e = _at(phrase)
    return (f"<toponym><start>{s}</start><end>{e}</end><phrase>{phrase}</phrase>"
            f'<gaztag geonameid="{geonameid}"><lat>{lat}</lat><lon>{lon}</lon></gaztag>'
            "</toponym>")


def _gwn_toponym(phrase: str, kind: str, geonameid: str, lat: str, lon: str) -> str:
    s, e = _at(phrase)
    return (f"<toponym><start>{s}</start><end>{e}</end>"
            f"<extractedName>{phrase}</extractedName><type>{kind}</type>"
            f"<geonamesID>{geonameid}</geonamesID><latitude>{lat}</latitude>"
            f"<longitude>{lon}</longitude></toponym>")


LGL = (f'<articles><article docid="a1"><text>{TEXT}</text><toponyms>'
       f'{_lgl_toponym("Kharkiv", 706483, 49.98081, 36.25272)}'
       "</toponyms></article></articles>")
# GeoWebNews as published (GWN.xml): the toponym's fields are its children, ids may be absent
GWN = (f'<articles><article id="g1"><text>{TEXT}</text><toponyms>'
       f'{_gwn_toponym("Kharkiv", "Literal", "706483", "49.98081", "36.25272")}'
       f'{_gwn_toponym("Ukrainian", "Demonym", "690791", "49.0", "32.0")}'
       f'{_gwn_toponym("checkpoint", "Non_Toponym", "", "", "")}'
       "</toponyms></article></articles>")
TML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>ferry_strike</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2031-06-04" '
    'functionInDocument="CREATION_TIME">06/04/31</TIMEX3></DCT>\n<TEXT>\n'
    'Ferry crews walked out on <TIMEX3 tid="t1" type="DATE" value="2031-06-02">Monday</TIMEX3>'
    ' for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.\n</TEXT>\n</TimeML>\n'
)


def test_split_names() -> None:
    assert split_of("dev.jsonl") == "dev" and split_of("lgl_test.xml") == "test"
    assert split_of("tst3") == "test" and split_of("train") == "train"
    assert split_of("gold.jsonl") is None and split_of("contest.tsv") is None


def test_pick_split_prefers_dev_and_names_the_ambiguity(tmp_path: Path) -> None:
    files = [tmp_path / n for n in ("train.tsv", "dev.tsv", "test.tsv")]
    assert pick_split(files, "X", tmp_path).name == "dev.tsv"
    assert pick_split(files, "X", tmp_path, split="test").name == "test.tsv"
    assert pick_split([tmp_path / "only.tsv"], "X", tmp_path).name == "only.tsv"
    # a folder of one unnamed file is whatever split was asked for
    assert pick_split([tmp_path / "gold.jsonl"], "X", tmp_path, split="test").name == "gold.jsonl"
    with pytest.raises(EvalError, match="--split"):
        pick_split(files[::2], "X", tmp_path)  # train and test, no dev
    with pytest.raises(EvalError, match="no single test split"):
        pick_split(files[:2], "X", tmp_path, split="test")


def _layout(root: Path) -> Path:
    """A test-split layout: files named test.*, one deliberately broken set."""
    data = root / "a" / "b" / "eval"  # nowhere near a seed folder
    (data / "wikievents").mkdir(parents=True)
    shutil.copy(FIX / "wikievents" / "dev.jsonl", data / "wikievents" / "test.jsonl")
    (data / "gvdb").mkdir()
    shutil.copy(FIX / "gvdb" / "dev.tsv", data / "gvdb" / "test.tsv")
    shutil.copytree(FIX / "polnear" / "dev", data / "polnear" / "test")
    (data / "incidents").mkdir()
    shutil.copy(FIX / "incidents" / "gold.jsonl", data / "incidents" / "test.jsonl")
    (data / "geoparsing").mkdir()
    (data / "geoparsing" / "lgl-test.xml").write_text(LGL, encoding="utf-8")
    (data / "timebank" / "TimeBank").mkdir(parents=True)
    (data / "timebank" / "TimeBank" / "ferry.tml").write_text(TML, encoding="utf-8")
    (data / "case2021").mkdir()  # broken: not the columns CASE 2021 has
    (data / "case2021" / "test.tsv").write_text("label\ttext\nx\ty\n", encoding="utf-8")
    return data


def test_run_all_scores_the_good_and_reports_the_broken(tmp_path: Path) -> None:
    data = _layout(tmp_path)
    results = {r.dataset: r for r in run_all(data, EMPTY_EXTRACTOR)}
    assert set(results) == {"wikievents", "gvdb", "polnear", "incidents", "geoparsing",
                            "timebank", "case2021"}
    broken = results.pop("case2021")
    assert broken.error is not None and "case2021" in broken.error
    assert "\n" not in broken.error and broken.to_dict() == {
        "dataset": "case2021", "n_docs": 0, "error": broken.error}
    for r in results.values():
        assert r.error is None and r.n_docs >= 1, r.dataset
        assert set(get_dataset(r.dataset).metrics) <= set(r.metrics)
    assert results["gvdb"].n_docs == 2 and results["incidents"].n_docs == 2
    per_type = results["timebank"].details["per_type"]
    assert per_type["DATE"]["gold"] == 1 and per_type["DURATION"]["gold"] == 1
    # the gate fails on the broken one with its reason
    failures = check_gate([*results.values(), broken], {"datasets": {}}, data)
    assert failures == [f"case2021: could not be scored: {broken.error}"]


def test_cli_eval_all_goes_on_and_exits_non_zero(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.cli import cli

    monkeypatch.setattr(commands, "make_extractor", lambda settings: EMPTY_EXTRACTOR)
    data = _layout(tmp_path)
    res = CliRunner().invoke(cli, ["eval", "all", str(data)])
    assert res.exit_code == 1
    assert "gvdb (2 docs)" in res.stdout and "timebank (1 docs)" in res.stdout
    assert "case2021: ERROR case2021: cannot read" in res.stdout
    assert "1 of 7 datasets could not be scored: case2021" in res.stderr
    as_json = CliRunner().invoke(cli, ["eval", "all", str(data), "--json"])
    entries = {e["dataset"]: e for e in json.loads(as_json.stdout)}
    assert "error" in entries["case2021"] and "metrics" in entries["wikievents"]
    assert as_json.exit_code == 1
    empty = CliRunner().invoke(cli, ["eval", "all", str(tmp_path / "a")])
    assert empty.exit_code == 2 and "no gold set folder" in empty.stderr


def test_named_split_where_several_are_present(tmp_path: Path) -> None:
    (tmp_path / "gvdb").mkdir()
    rows = (FIX / "gvdb" / "dev.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "gvdb" / "dev.tsv").write_text("".join(rows), encoding="utf-8")
    (tmp_path / "gvdb" / "test.tsv").write_text("".join(rows[:2]), encoding="utf-8")
    assert run_eval("gvdb", tmp_path / "gvdb", EMPTY_EXTRACTOR).n_docs == 2  # dev first
    assert run_eval("gvdb", tmp_path / "gvdb", EMPTY_EXTRACTOR, split="test").n_docs == 1
    with pytest.raises(EvalError, match="no single train split"):
        run_eval("gvdb", tmp_path / "gvdb", EMPTY_EXTRACTOR, split="train")


def test_geowebnews_format_is_detected_and_scored(tmp_path: Path) -> None:
    path = tmp_path / "GWN.xml"
    path.write_text(GWN, encoding="utf-8")
    (doc,) = load_geoparsing(path)
    assert doc.id == "g1" and doc.corpus == "gwn"
    kharkiv, ukrainian, checkpoint = doc.toponyms
    assert doc.text[kharkiv.start:kharkiv.end] == kharkiv.name == "Kharkiv"
    assert (kharkiv.geonameid, kharkiv.lat, kharkiv.type) == (706483, 49.98081, "Literal")
    assert ukrainian.type == "Demonym"
    assert (checkpoint.geonameid, checkpoint.lat) == (None, None)  # no ids: not located
    res = run_eval("geoparsing", path, EMPTY_EXTRACTOR)
    assert res.n_docs == 1 and "format: gwn" in res.notes
    assert res.metrics["toponym_r"] == 0.0  # the empty extractor finds nothing
    lgl = tmp_path / "lgl.xml"
    lgl.write_text(LGL, encoding="utf-8")
    assert [d.corpus for d in load_geoparsing(lgl)] == ["lgl"]
    import xml.etree.ElementTree as ET

    assert detect_format(ET.fromstring("<articles/>")) == "lgl"


def test_timex_reads_timeml_and_meantime_alike(tmp_path: Path) -> None:
    (tmp_path / "ferry.tml").write_text(TML, encoding="utf-8")
    timebank = run_eval("timebank", tmp_path, EMPTY_EXTRACTOR)
    timex = run_eval("timex", tmp_path, EMPTY_EXTRACTOR)
    assert timebank.n_docs == timex.n_docs == 1
    assert timebank.metrics == timex.metrics and timebank.dataset == "timebank"
    assert set(timex.details["per_type"]) == {"DATE", "DURATION"}
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "ferry.tml").write_text(TML, encoding="utf-8")  # the same file again: read once
    assert run_eval("timebank", tmp_path, EMPTY_EXTRACTOR).n_docs == 1
    with pytest.raises(EvalError, match=r"no MEANTIME \.xml or TimeML \.tml"):
        run_eval("timex", FIX / "gvdb", EMPTY_EXTRACTOR)


def test_gvdb_gates_the_answerable_date_and_still_reports_date_acc() -> None:
    gated = get_dataset("gvdb").metrics
    assert "date_acc_answerable" in gated and "date_acc" not in gated
    floors = load_baseline(ROOT / "eval" / "baseline.json")["datasets"]["gvdb"]["floors"]
    assert "date_acc" not in floors and floors["date_acc_answerable"] > 0
    res = run_eval("gvdb", FIX / "gvdb", EMPTY_EXTRACTOR)
    assert "date_acc" in res.metrics
