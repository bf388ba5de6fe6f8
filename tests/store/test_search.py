"""What the text filters match, on every database (store/search.py): the same events
for the same query on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.errors import ConfigError
from eventwire.store import EventFilter, Store
from eventwire.store.search import MAX_TERMS, fold, fold_fields, like_pattern, search_terms
from search_samples import HARBOUR, MARCH, SAO, search_records


@pytest.fixture
def searched(any_db_url: str) -> Iterator[Store]:
    with Store(any_db_url) as store:
        for record in search_records():
            store.write(record)
        yield store


def test_fold_drops_case_accents_and_extra_whitespace() -> None:
    assert fold("  SÃO\tPaulo \n") == "sao paulo"
    assert fold("ÖZGÜR") == "ozgur"
    assert fold("Straße") == "strasse"
    assert fold("İstanbul") == "istanbul"  # the dotted capital I, case-folded, no mark left
    assert fold("ﬁre") == "fire"  # a ligature (NFKD)
    assert fold(None) == fold("") == ""
    assert fold_fields("Kyiv", None, "", "UA") == "kyiv\nua"


def test_terms_are_words_and_quoted_phrases() -> None:
    assert search_terms('Shot  "dock   worker" gate') == ("shot", "dock worker", "gate")
    assert search_terms("“shot dead” harbour") == ("shot dead", "harbour")
    assert search_terms('"unclosed phrase') == ("unclosed phrase",)
    assert search_terms("a a A") == ("a",)
    assert search_terms("  ") == () and search_terms(None) == ()
    with pytest.raises(ConfigError, match=f"at most {MAX_TERMS}"):
        search_terms(" ".join(f"w{i}" for i in range(MAX_TERMS + 1)))


def test_like_wildcards_are_escaped() -> None:
    assert like_pattern("100%") == "%100/%%"
    assert like_pattern("a_b/c") == "%a/_b//c%"


@pytest.mark.parametrize(("text", "expected"), [
    ("arrest", {SAO, MARCH}),  # a substring: "arrested"
    ("ARRESTED", {SAO, MARCH}),  # case
    ("sao paulo", {SAO}),  # accents, in the title and the evidence
    ("SÃO PAULO", {SAO}),
    ("özgür demir", {SAO}),  # capitals outside ASCII
    ("ozgur", {SAO}),
    ("strasse", {MARCH}),  # in the title only ("Straße")
    ('"shot dead"', {HARBOUR}),  # a phrase
    ('"dead shot"', set()),
    ("shot dead", {HARBOUR}),  # two words, anywhere
    ("shot arrested", {MARCH}),  # two words of one sentence, not a phrase
    ("dawn. dock", {HARBOUR}),  # the evidence's last word, the title's first
    ('"dawn. dock"', set()),  # ... but no phrase across the two fields
    ("100%", {SAO}),  # LIKE's wildcards are plain characters
    ("1000%", set()),
    ("port_authority", {HARBOUR}),
    ("port authority", {HARBOUR}),  # two substrings of "port_authority"
    ('"port authority"', set()),
    ("portXauthority", set()),
    ("station", {SAO}),
    ("nothing like this", set()),
])
def test_text_matches_the_same_events_on_every_database(
        searched: Store, text: str, expected: set[str]) -> None:
    f = EventFilter(text=text)
    assert {r.id for r in searched.query_events(f)} == expected
    assert searched.count_events(f) == len(expected)
    items, total = searched.page_events(f, limit=10)
    assert {i["id"] for i in items} == expected and total == len(expected)
    assert {r.id for r in searched.iter_events(f)} == expected


@pytest.mark.parametrize(("filters", "expected"), [
    ({"place": "são paulo"}, {SAO}),
    ({"place": "SAO"}, {SAO}),
    ({"place": "br"}, {SAO}),  # the country code
    ({"place": "harbour GATE"}, {HARBOUR}),
    ({"actor": "özgür"}, {SAO}),
    ({"actor": "OZGUR DEMIR"}, {SAO}),
    ({"actor": "gunmen", "text": "dawn"}, {HARBOUR}),
    ({"actor": "students", "text": "dawn"}, set()),
])
def test_place_and_actor_match_the_same_way(searched: Store, filters: dict[str, str],
                                            expected: set[str]) -> None:
    f = EventFilter(**filters)  # type: ignore[arg-type]
    assert {r.id for r in searched.query_events(f)} == expected
    assert searched.count_events(f) == len(expected)
