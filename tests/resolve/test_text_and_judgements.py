"""Name matching features and the derivation of canonical ids from judgements."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.resolve.judgements import Judgement, canonical_id, derive_clusters
from eventwire.resolve.text import name_key, name_similarity, name_tokens


def test_titles_and_ranks_are_stripped():
    assert name_tokens("Lt Gen Vladimir Alekseyev") == ("vladimir", "alekseyev")
    assert name_tokens("the GRU") == ("gru",)


def test_transliteration_variants_fold_together():
    assert name_key("Alekseyev") == name_key("Alexeyev") == name_key("Alekseev")
    assert name_key("Mohammed") == name_key("Muhammad")


def test_surname_matches_the_full_name_but_not_another_first_name():
    assert name_similarity("Alekseyev", "Lt Gen Vladimir Alexeyev") == 1.0
    assert name_similarity("Vladimir Alekseyev", "Ivan Alekseyev") < 0.75
    assert name_similarity("V. Alekseyev", "Vladimir Alekseyev") == 1.0
    assert name_similarity("Alekseyev", "Petrov") == 0.0


def same(a: str, b: str, score: float = 0.9, source: str = "auto") -> Judgement:
    return Judgement.of(a, b, "same", source, score)  # type: ignore[arg-type]


def diff(a: str, b: str, source: str = "user") -> Judgement:
    return Judgement.of(a, b, "different", source)  # type: ignore[arg-type]


def test_components_of_same_judgements_and_singletons():
    out = derive_clusters(["a", "b", "c", "d"], [same("a", "b"), same("b", "c")], prefix="x-")
    assert out["a"] == out["b"] == out["c"] == canonical_id(["a"], "x-")
    assert out["d"] == canonical_id(["d"], "x-") != out["a"]


def test_different_splits_and_user_overrides_auto():
    js = [same("a", "b", 0.9), same("b", "c", 0.7), diff("a", "c")]
    out = derive_clusters("abc", js, prefix="x-")
    assert out["a"] == out["b"] != out["c"]  # the stronger link wins, the weaker is cut
    # a user "different" on an automatic "same" pair: the user is right
    out = derive_clusters("ab", [same("a", "b"), diff("a", "b")], prefix="x-")
    assert out["a"] != out["b"]
    # a user "same" overrides an automatic "different" and a hard conflict
    out = derive_clusters("ab", [diff("a", "b", "auto"), same("a", "b", source="user")],
                          prefix="x-", conflict=lambda x, y: True)
    assert out["a"] == out["b"]


def test_conflicts_stop_chaining_through_a_third_member():
    js = [same("lyon1", "noplace", 0.9), same("noplace", "marseille", 0.8)]
    out = derive_clusters(["lyon1", "noplace", "marseille"], js, prefix="x-",
                          conflict=lambda x, y: {x, y} == {"lyon1", "marseille"})
    assert out["lyon1"] == out["noplace"] != out["marseille"]


def test_unknown_ids_in_judgements_are_ignored():
    out = derive_clusters(["a"], [same("a", "gone")], prefix="x-")
    assert out == {"a": canonical_id(["a"], "x-")}


_ids = st.lists(st.sampled_from("abcdefgh"), min_size=2, max_size=2, unique=True)
_judgement = st.builds(
    lambda pair, verdict, score, source: Judgement.of(pair[0], pair[1], verdict, source, score),
    _ids, st.sampled_from(["same", "different", "unsure"]),
    st.sampled_from([0.5, 0.7, 0.9]), st.sampled_from(["auto", "user"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_judgement, max_size=14), st.randoms(use_true_random=False))
def test_derivation_does_not_depend_on_order(judgements, rnd):
    ids = list("abcdefgh")
    first = derive_clusters(ids, judgements, prefix="x-")
    shuffled, ids2 = list(judgements), list(ids)
    rnd.shuffle(shuffled)
    rnd.shuffle(ids2)
    assert derive_clusters(ids2, shuffled, prefix="x-") == first
