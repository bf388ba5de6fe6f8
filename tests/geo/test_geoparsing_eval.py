"""LGL loader, scorers and resolution-only mode on a tiny invented LGL-format file."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.base import EvalError
from eventwire.evaluate.geoparsing import (
    GeoDoc,
    PredictedToponym,
    load_lgl,
    resolve_gold_toponyms,
    score_geoparsing,
    score_resolution_only,
)
from eventwire.geo import load_gazetteer

DOC1 = "Gunmen attacked a checkpoint near Kharkiv, Ukraine, on Monday, Ukrainian police said."
DOC2 = "A fire damaged a warehouse in Dalton, Ga., officials said. Main Street was closed."


def _toponym(text: str, phrase: str, gaz: str) -> str:
    start = text.index(phrase)
    return (
        f"<toponym><start>{start}</start><end>{start + len(phrase)}</end>"
        f"<phrase>{phrase}</phrase>{gaz}</toponym>"
    )


def _gaztag(geonameid: int, lat: float, lon: float) -> str:
    return f'<gaztag geonameid="{geonameid}"><lat>{lat}</lat><lon>{lon}</lon></gaztag>'


LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="d1"><text><![CDATA[{DOC1}]]></text><toponyms count="3">
    {_toponym(DOC1, "Kharkiv", _gaztag(706483, 49.98081, 36.25272))}
    {_toponym(DOC1, "Ukraine", _gaztag(690791, 49.0, 32.0))}
    {_toponym(DOC1, "Ukrainian", _gaztag(690791, 49.0, 32.0))}
  </toponyms></article>
  <article docid="d2"><text><![CDATA[{DOC2}]]></text><toponyms count="3">
    {_toponym(DOC2, "Dalton", _gaztag(4190581, 34.7698, -84.97022))}
    {_toponym(DOC2, "Ga.", _gaztag(4197000, 32.75042, -83.50018))}
    {_toponym(DOC2, "Main Street", "")}
  </toponyms></article>
</articles>
"""


@pytest.fixture()
def docs(tmp_path: Path) -> list[GeoDoc]:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    return load_lgl(path)


def test_load_lgl(docs: list[GeoDoc]) -> None:
    assert [d.id for d in docs] == ["d1", "d2"]
    kharkiv = docs[0].toponyms[0]
    assert docs[0].text[kharkiv.start:kharkiv.end] == "Kharkiv" == kharkiv.name
    assert (kharkiv.geonameid, kharkiv.lat) == (706483, 49.98081)
    street = docs[1].toponyms[2]
    assert (street.name, street.geonameid, street.lat) == ("Main Street", None, None)


def test_load_lgl_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(EvalError):
        load_lgl(bad)


def test_score_geoparsing_spans_and_resolution(docs: list[GeoDoc]) -> None:
    def predict(doc: GeoDoc) -> list[PredictedToponym]:
        if doc.id == "d1":
            k = doc.toponyms[0]
            return [
                PredictedToponym(k.start, k.end, k.name, 706483, 49.98, 36.25),  # right
                PredictedToponym(0, 6, "Gunmen"),  # not a toponym
            ]
        dalton = doc.toponyms[0]
        # Dalton, Massachusetts: wrong id, ~1,500 km away.
        return [PredictedToponym(dalton.start, dalton.end, "Dalton", 4932214, 42.47, -73.17)]

    scores = score_geoparsing(docs, predict)
    assert scores["toponym_p"] == pytest.approx(2 / 3)
    assert scores["toponym_r"] == pytest.approx(2 / 6)
    assert scores["toponym_f1"] == pytest.approx(2 * (2 / 3) * (1 / 3) / (2 / 3 + 1 / 3))
    assert scores["resolved_n"] == 2
    assert scores["geonameid_acc"] == pytest.approx(0.5)
    assert scores["acc_161km"] == pytest.approx(0.5)
    assert scores["mean_error_km"] > 500


def test_resolution_only_uses_spans_not_gold(docs: list[GeoDoc]) -> None:
    gaz = load_gazetteer()
    predicted = resolve_gold_toponyms(docs, gaz)
    d1 = {p.name: p for p in predicted["d1"]}
    assert d1["Kharkiv"].geonameid == 706483
    assert d1["Ukrainian"].geonameid == 690791
    d2 = {p.name: p for p in predicted["d2"]}
    assert d2["Dalton"].geonameid == 4190581  # ", Ga." picks the Georgia town
    assert d2["Main Street"].geonameid is None
    scores = score_resolution_only(docs, gaz)
    assert scores["gold_n"] == 5  # Main Street has no gold coordinates
    assert scores["geonameid_acc_gold"] == pytest.approx(1.0)
    assert scores["acc_161km_gold"] == pytest.approx(1.0)


GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "geoparsing" / "lgl.xml"


@pytest.mark.shared
def test_lgl_dev_floor() -> None:
    if not GOLD.exists():
        pytest.skip("../shared/eval/dev not present: LGL gold set needed for the floor")
    scores = score_resolution_only(load_lgl(GOLD), load_gazetteer())
    # Measured 0.713 / 0.610 with the 15000 tier; floors leave a little room.
    assert scores["acc_161km_gold"] >= 0.68
    assert scores["geonameid_acc_gold"] >= 0.58
