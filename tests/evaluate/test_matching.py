from eventwire.evaluate.matching import (
    dedupe_by_head,
    head_noun,
    heads_match,
    match_one_to_one,
    prf,
    same_segments,
    spans_overlap,
)


def test_head_noun_is_last_word_before_postmodifier() -> None:
    assert head_noun("the man who fired the shots") == "man"
    assert head_noun("deputy director of the agency") == "director"
    assert head_noun('"EL PASO" POWER STATION') == "station"
    assert head_noun("Freedonia's") == "freedonia"
    assert head_noun("at least three generals") == "generals"
    assert head_noun("Carl Hodge Jr.") == "hodge"
    assert head_noun("the, a") == ""


def test_heads_match_any_mention() -> None:
    assert heads_match("a group of rebels", ["REBELS", "GROUP"])
    assert heads_match("the rebels", ["GROUP OF REBELS", "REBELS"])
    assert not heads_match("the army", ["REBELS"])
    assert not heads_match("", ["REBELS"])


def test_one_to_one_matching_uses_each_prediction_once() -> None:
    pairs = match_one_to_one(["a", "a"], ["a"], lambda g, p: g == p)
    assert pairs == [(0, 0)]


def test_prf_edges() -> None:
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(2, 2, 4) == (1.0, 0.5, 2 / 3)


def test_segments() -> None:
    assert same_segments(((5, 9), (1, 3)), ((1, 3), (5, 9)))
    assert spans_overlap(((0, 5),), ((4, 8),))
    assert not spans_overlap(((0, 5),), ((5, 8),))


def test_dedupe_by_head() -> None:
    assert dedupe_by_head(["the rebels", "rebels", "a bomb"]) == ["the rebels", "a bomb"]
