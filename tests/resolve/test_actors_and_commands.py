"""Actors across articles, and the resolve commands on a small hand-built store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from resolve_helpers import report

from eventwire.cli import cli
from eventwire.model import Article, Entity, Record, Role, Span
from eventwire.resolve.actors import build_actor, cluster_actors, mentions_of, score_mentions


def _record(aid: str, published: str, *entities: Entity, events=()) -> Record:
    return Record(Article(aid, "", outlet=f"outlet {aid}", published=published),
                  events=tuple(events), entities=entities)


def _person(eid: str, name: str, *aliases: str, role: tuple[str, str] | None = None,
            country: str | None = "RU") -> Entity:
    roles = (Role(role[0], Span(role[0], 0, 1), of=role[1]),) if role else ()
    return Entity(eid, name, "PERSON", aliases=aliases, roles=roles, country=country,
                  sector="SPY" if role else None)


def _gru(aid: str = "a1") -> Entity:
    return Entity("g", "GRU", "ORG", country="RU")


def records() -> list[Record]:
    return [
        _record("a1", "2026-02-03",
                _person("e1", "Vladimir Alekseyev", "Lt Gen Vladimir Alekseyev", "Alekseyev",
                        role=("deputy director", "GRU")), _gru()),
        _record("a2", "2026-02-05", _person("e1", "Alexeyev", role=("deputy director", "GRU")),
                _gru()),
        _record("a3", "2026-02-06", _person("e9", "Ivan Alekseyev", country=None)),
    ]


def test_names_titles_and_transliterations_resolve_to_one_actor():
    mentions = [m for r in records() for m in mentions_of(r)]
    clusters = cluster_actors(mentions)
    cid = clusters.canonical_of["a1:e1"]
    assert clusters.canonical_of["a2:e1"] == cid
    assert clusters.canonical_of["a3:e9"] != cid  # another first name
    assert clusters.canonical_of["a1:g"] == clusters.canonical_of["a2:g"]
    actor = build_actor(cid, [m for m in mentions if clusters.canonical_of[m.id] == cid])
    assert actor.name == "Vladimir Alekseyev"
    assert {"Alexeyev", "Lt Gen Vladimir Alekseyev"} <= set(actor.aliases)
    assert actor.roles == ({"title": "deputy director", "of": "GRU",
                            "first_reported": "2026-02-03", "last_reported": "2026-02-05"},)
    assert actor.country == "RU" and actor.sector == "SPY"


def test_actor_features_are_explained():
    m1, _g, m2, _g2, m3 = [m for r in records() for m in mentions_of(r)]
    _score, feats, conflict = score_mentions(m1, m2)
    assert conflict is None and feats["name"] == 1.0 and feats["roles"] == 1.0
    assert score_mentions(m1, m3)[2] == "full names differ"


def test_a_lone_surname_without_support_stays_unsure():
    a = _record("b1", "2026-01-01", _person("p", "Smith", country=None))
    b = _record("b2", "2026-01-02", _person("p", "John Smith", country=None))
    clusters = cluster_actors([m for r in (a, b) for m in mentions_of(r)])
    assert clusters.canonical_of["b1:p"] != clusters.canonical_of["b2:p"]
    assert [j.verdict for j in clusters.judgements] == ["unsure"]


@pytest.fixture()
def db(any_db_url):
    from eventwire.store import Store

    url = any_db_url
    lyon = [report(f"l{i}", dead=3 + i, published=f"2026-05-1{2 + i}") for i in range(3)]
    other = report("m1", city="Marseille", modes=("firearms",), text="A gunman shot two")
    with Store(url) as store:
        for i, rec in enumerate(records()):
            evs = [lyon[i].event] if i < len(lyon) else []
            store.write(Record(rec.article, events=tuple(evs), entities=rec.entities))
        store.write(Record(Article("m1", "", outlet="Med", published="2026-05-12"),
                           events=(other.event,)))
    return url


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_cluster_list_show_and_rerun(db):
    out = run(db, "cluster")
    assert "4 events (4 new): 2 canonical" in out
    assert "nothing new, 2 canonical" in run(db, "cluster")
    listing = json.loads(run(db, "canonical", "list", "--format", "json"))
    assert sorted(r["report_count"] for r in listing) == [1, 3]
    lyon = next(r for r in listing if r["report_count"] == 3)
    assert lyon["dead"] == 5 and lyon["place_name"] == "Lyon"
    shown = run(db, "canonical", "show", lyon["id"])
    assert "3 reports from 3 outlets" in shown and "conflicts: dead: 3 vs 4 vs 5" in shown
    data = json.loads(run(db, "canonical", "show", lyon["id"], "--format", "json"))
    published = [t["published"] for t in data["timeline"]]
    assert published == sorted(published) and len(data["reports"]) == 3
    assert "3 events" not in run(db, "cluster", "--rebuild")


def test_entities_show_merge_split(db):
    run(db, "cluster")
    shown = run(db, "entities", "show", "Alekseyev")
    assert "Vladimir Alekseyev (PERSON, RU, SPY)  mentions=2" in shown
    assert "role: deputy director of GRU, as of 2026-02-05" in shown
    assert "Ivan Alekseyev (PERSON)  mentions=1" in shown
    run(db, "entities", "merge", "a1:e1", "a3:e9")
    assert "mentions=3" in run(db, "entities", "show", "Alekseyev")
    run(db, "entities", "split", "a1:e1", "a3:e9")
    after = run(db, "entities", "show", "Alekseyev")
    assert "mentions=3" not in after and "mentions=2" in after
    assert "nothing new" in run(db, "cluster")


def test_unknown_id_is_a_one_line_error(db):
    run(db, "cluster")
    result = CliRunner().invoke(cli, ["--db", db, "canonical", "show", "ce-nope"])
    assert result.exit_code == 2 and "no canonical event" in result.output
