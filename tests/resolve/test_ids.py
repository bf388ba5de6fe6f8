"""Canonical ids for life (resolve/ids.py): pure naming, then the store, the CLI and the
API following a merged cluster's id to the cluster it joined."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from resolve_helpers import report

from eventwire.cli import cli
from eventwire.model import Article, Record
from eventwire.resolve.ids import name_clusters, new_id
from eventwire.resolve.reports import Report
from eventwire.resolve.storage import (
    cluster_store,
    find_canonical,
    judge,
    members_of,
    merged_into,
    show_canonical_event,
)
from eventwire.store import Store


def first_run(*groups: list[str]) -> dict[str, str]:
    naming = name_clusters(groups, {}, {}, "x-")
    return naming.canonical_of


def test_a_new_cluster_is_named_after_its_smallest_member() -> None:
    got = name_clusters([["b", "a"], ["c"]], {}, {}, "x-")
    assert got.canonical_of == {"a": new_id(["a"], "x-", set()), "b": new_id(["a"], "x-", set()),
                                "c": new_id(["c"], "x-", set())}
    assert got.issued == (got.canonical_of["a"], got.canonical_of["c"]) and got.merged == {}


def test_a_growing_cluster_keeps_its_id_even_when_a_smaller_member_joins() -> None:
    before = first_run(["m", "n"])
    ages = {before["m"]: 1}
    after = name_clusters([["a", "m", "n"]], before, ages, "x-")
    assert set(after.canonical_of.values()) == {before["m"]} and after.issued == ()


def test_a_merge_keeps_the_older_id_and_redirects_the_other() -> None:
    before = first_run(["a"], ["b"])
    old_b, old_a = before["b"], before["a"]
    ages = {old_b: 1, old_a: 2}  # b's cluster was issued first
    after = name_clusters([["a", "b"]], before, ages, "x-")
    assert after.canonical_of == {"a": old_b, "b": old_b}
    assert after.merged == {old_a: old_b} and after.issued == ()


def test_a_split_leaves_the_id_with_the_larger_part_and_never_reissues_an_id() -> None:
    before = first_run(["a", "b", "c"])
    cid = before["a"]
    after = name_clusters([["a"], ["b", "c"]], before, {cid: 1}, "x-")
    assert after.canonical_of["b"] == after.canonical_of["c"] == cid
    new = after.canonical_of["a"]
    assert new != cid and new.startswith("x-") and after.issued == (new,)
    # "a" alone would be named like the first cluster was (after its smallest member)
    assert new_id(["a"], "x-", set()) == cid


def test_an_id_whose_members_are_gone_is_not_issued_again() -> None:
    before = first_run(["a", "b"])
    cid = before["a"]
    gone = name_clusters([], before, {cid: 1}, "x-")
    assert gone.canonical_of == {}
    again = name_clusters([["a"]], {}, {cid: 1}, "x-")
    assert again.canonical_of["a"] != cid


def test_naming_does_not_depend_on_order() -> None:
    before = first_run(["a", "b"], ["c"], ["d", "e"])
    ages = {c: i for i, c in enumerate(sorted(set(before.values())), start=1)}
    groups = [["a", "c"], ["b"], ["e", "d", "f"], ["g"]]
    expected = name_clusters(groups, before, ages, "x-")
    rnd = random.Random(3)
    for _ in range(20):
        shuffled = [rnd.sample(g, len(g)) for g in rnd.sample(groups, len(groups))]
        prev = dict(rnd.sample(sorted(before.items()), len(before)))
        assert name_clusters(shuffled, prev, ages, "x-") == expected


# -- in the store ------------------------------------------------------------------------


def _write(store: Store, *reports: Report) -> None:
    for r in reports:
        store.write(Record(Article(r.article_id, "", outlet=r.outlet, published=r.published),
                           events=(r.event,)))


def _lyon(n: int, *, smaller_than: str | None = None) -> Report:
    """A Lyon report; with ``smaller_than``, one whose event id sorts before that id."""
    i = 0
    while True:
        r = report(f"lyon-{n}-{i}", dead=3, published="2026-05-13")
        if smaller_than is None or r.event.id < smaller_than:
            return r
        i += 1


@pytest.fixture
def store(any_db_url: str) -> Iterator[Store]:
    with Store(any_db_url) as s:
        yield s


def _event_cluster(store: Store, event_id: str) -> str:
    return find_canonical(store, "event", event_id)[0]


def test_incremental_clustering_keeps_the_id(store: Store) -> None:
    first, second = _lyon(1), _lyon(2)
    _write(store, first, second)
    cluster_store(store)
    cid = _event_cluster(store, first.event.id)
    assert members_of(store, "event", cid) == sorted([first.event.id, second.event.id])
    # A report whose event id is smaller than every member: the old scheme (a hash of the
    # smallest member) would have renamed the cluster.
    smallest = _lyon(3, smaller_than=min(first.event.id, second.event.id))
    _write(store, smallest)
    events, _ = cluster_store(store)
    assert events.new == 1 and events.clusters == 1
    assert _event_cluster(store, smallest.event.id) == cid
    assert len(members_of(store, "event", cid)) == 3
    cluster_store(store, rebuild=True)  # forgetting the automatic judgements keeps it too
    assert _event_cluster(store, smallest.event.id) == cid


def test_a_merge_keeps_the_older_id_and_the_other_redirects(any_db_url: str) -> None:
    lyon = _lyon(1)
    marseille = report("mars-1", city="Marseille", modes=("firearms",),
                       text="A gunman shot two")
    with Store(any_db_url) as store:
        _write(store, lyon)
        cluster_store(store)
        older = _event_cluster(store, lyon.event.id)
        _write(store, marseille)
        cluster_store(store)
        younger = _event_cluster(store, marseille.event.id)
        assert older != younger
        judge(store, "event", younger, older, "same")  # a user says: one incident
        assert _event_cluster(store, marseille.event.id) == older
        assert members_of(store, "event", younger) == []
        assert merged_into(store, "event", younger) == older
        assert find_canonical(store, "event", younger) == (older, "merged")
        assert show_canonical_event(store, younger).id == older
        assert show_canonical_event(store, younger).report_count == 2

    runner = CliRunner()
    for args in (["show", younger, "--format", "json"],
                 ["canonical", "show", younger, "--format", "json"]):
        result = runner.invoke(cli, ["--db", any_db_url, *args])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["id"] == older
        assert result.stderr == f"{younger} was merged into {older}\n"

    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx.*")
        from fastapi.testclient import TestClient

    from eventwire.config import Settings
    from eventwire.web.app import create_app

    with TestClient(create_app(Settings(db_url=any_db_url))) as client:
        moved = client.get(f"/canonical/{younger}", follow_redirects=False)
        assert moved.status_code == 301 and moved.headers["location"] == f"/canonical/{older}"
        body = client.get(f"/canonical/{younger}").json()  # followed
        assert body["id"] == older and body["report_count"] == 2
        assert client.get(f"/events/{marseille.event.id}").json()["links"]["canonical"] == (
            f"/canonical/{older}")
        assert client.get("/canonical/ce-nothing").status_code == 404
        assert client.get(f"/canonical/{lyon.event.id}").status_code == 422  # not a ce- id


def test_a_merge_of_a_merged_id_still_leads_to_the_live_one(store: Store) -> None:
    a, b = _lyon(1), report("mars-1", city="Marseille", modes=("firearms",), text="A gunman")
    c = report("nai-1", city="Nairobi", modes=("firearms",), text="Gunmen shot")
    for r in (a, b, c):
        _write(store, r)
        cluster_store(store)
    ca, cb, cc = (_event_cluster(store, r.event.id) for r in (a, b, c))
    judge(store, "event", cc, cb, "same")  # c's cluster into b's (older)
    judge(store, "event", cb, ca, "same")  # b's into a's (older still)
    assert merged_into(store, "event", cc) == ca  # one hop, not a chain
    assert find_canonical(store, "event", cc) == (ca, "merged")


def test_a_split_keeps_the_id_with_the_larger_part(store: Store) -> None:
    reports = [_lyon(i) for i in range(3)]
    _write(store, *reports)
    cluster_store(store)
    cid = _event_cluster(store, reports[0].event.id)
    members = members_of(store, "event", cid)
    assert len(members) == 3
    lone = members[0]
    judge(store, "event", lone, cid, "different")  # `canonical split EVENT_ID CE_ID`
    assert members_of(store, "event", cid) == members[1:]
    split_off = _event_cluster(store, lone)
    assert split_off.startswith("ce-") and split_off != cid
    assert members_of(store, "event", split_off) == [lone]
    assert merged_into(store, "event", cid) is None


def test_migration_7_registers_the_ids_of_existing_clusters(any_db_url: str) -> None:
    from eventwire.store.engine import open_engine
    from eventwire.store.migrations import migrate

    lyon = _lyon(1)
    engine = open_engine(any_db_url)
    try:
        with engine.begin() as conn:
            migrate(conn, until=6)
            conn.exec_driver_sql(
                "INSERT INTO resolve_members (kind, member_id, canonical_id) VALUES "
                f"('event', '{lyon.event.id}', 'ce-fromversion6')")
    finally:
        engine.dispose()
    with Store(any_db_url) as store:  # migrates to 7
        _write(store, lyon, _lyon(2))
        cluster_store(store)
        assert _event_cluster(store, lyon.event.id) == "ce-fromversion6"
