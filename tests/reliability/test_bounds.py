"""Time and size bounds of extraction (issue 15): the per-article limits skip with a named
reason, long sentences are cut, long texts are parsed in pieces and read as one, text dense
with events and places stays near-linear, and separate acts stay separate events.

All texts here are invented for these tests; the towns are real places."""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.geo import resolver
from eventwire.geo.gazetteer import load_gazetteer
from eventwire.geo.names import fold
from eventwire.model import Article, Record, make_article
from eventwire.nlp import components
from eventwire.nlp.pipeline import PIECE_CHARS, OverLimit, Pipeline, _pieces
from eventwire.nlp.stage import StageError

pytestmark = pytest.mark.model
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/

TOWNS = (
    "Kano", "Lagos", "Mombasa", "Nairobi", "Karachi", "Peshawar", "Kabul", "Mosul",
    "Aleppo", "Ankara", "Cairo", "Tripoli", "Khartoum", "Mogadishu", "Bamako", "Niamey",
    "Goma", "Manila", "Davao", "Dhaka", "Bogota", "Medellin", "Caracas", "Lima",
    "Kharkiv", "Tbilisi", "Belgrade", "Marseille", "Jakarta", "Bangkok", "Colombo", "Quetta",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def dense(n: int) -> Article:
    """``n`` one-line reports of killings, each in another town (bench/scaling.py)."""
    from bench.scaling import dense_article

    return dense_article(n)


def run(pipeline: Pipeline, article: Article) -> tuple[list[Record], list[StageError]]:
    errors: list[StageError] = []
    records = list(pipeline.pipe([article], on_error=lambda a, err: errors.append(err)))
    return records, errors


@pytest.fixture(scope="module")
def strict(pipeline: Pipeline) -> Pipeline:
    """The session's pipeline with small limits (same spaCy, same resources)."""
    settings = pipeline.settings.with_(max_mentions=20, max_sentence_tokens=40)
    return Pipeline(settings, nlp=pipeline.nlp, resources=pipeline.resources)


# -- the limits ------------------------------------------------------------------------------


def test_too_many_mentions_is_skipped_with_the_limit_named(strict: Pipeline) -> None:
    records, errors = run(strict, dense(30))
    assert records == [] and len(errors) == 1
    err = errors[0]
    assert isinstance(err, OverLimit) and err.stage == "events"
    assert "30 event mentions, more than max_mentions=20" in str(err)


def test_time_budget_skips_the_article_and_the_batch_goes_on(pipeline: Pipeline) -> None:
    slow = Pipeline(pipeline.settings.with_(max_seconds=1e-9), nlp=pipeline.nlp,
                    resources=pipeline.resources)
    errors: list[tuple[str, StageError]] = []
    out = list(slow.pipe([dense(3), dense(4)], on_error=lambda a, e: errors.append((a.id, e))))
    assert out == [] and len(errors) == 2
    assert all(isinstance(e, OverLimit) and "max_seconds=1e-09" in str(e) for _, e in errors)
    # without on_error the same limit raises, naming the stage
    with pytest.raises(OverLimit, match="over a limit at stage"):
        slow.extract(dense(2))


def test_no_limit_when_zero(pipeline: Pipeline) -> None:
    free = Pipeline(pipeline.settings.with_(max_seconds=0.0, max_mentions=0),
                    nlp=pipeline.nlp, resources=pipeline.resources)
    records, errors = run(free, dense(30))
    assert errors == [] and len(records) == 1


def test_long_sentences_are_cut_before_parsing(strict: Pipeline) -> None:
    clause = "gunmen attacked a convoy near {} and wounded {} soldiers"
    text = ", ".join(clause.format(TOWNS[i % len(TOWNS)], i + 2) for i in range(40)) + "."
    doc = strict.nlp.make_doc(text)
    components.cap_sentences(doc, 40)
    doc = strict.nlp(doc)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= 40 and sum(lengths) == len(doc)
    # cut at a comma or before a conjunction where the window has one
    for sent in list(doc.sents)[1:]:
        assert doc[sent.start - 1].text == "," or sent[0].lower_ in {"and", "but", "or"}
    cut = Pipeline(strict.settings.with_(max_mentions=2000), nlp=strict.nlp,
                   resources=strict.resources)
    records, errors = run(cut, make_article(text, published="2024-05-06"))
    assert errors == [] and records[0].events


def test_short_sentences_are_left_alone(pipeline: Pipeline) -> None:
    text = "Gunmen killed five people in Kano on Monday.\nPolice said the attackers fled."
    doc = pipeline.nlp.make_doc(text)
    before = [t.is_sent_start for t in doc]
    components.cap_sentences(doc, 250)
    assert [t.is_sent_start for t in doc] == before


@pytest.mark.parametrize("text", [
    "a" * 120_001,  # no space at all
    ("word " * 30_000),
    ("Gunmen killed two people.\n" * 6_000),
    "\n" * 100_500 + "x",
])
def test_pieces_join_into_the_text(text: str) -> None:
    pieces = _pieces(text, PIECE_CHARS)
    assert "".join(pieces) == text
    assert all(len(p) <= PIECE_CHARS for p in pieces)
    assert len(pieces) >= len(text) // PIECE_CHARS


def test_a_long_text_is_parsed_in_pieces_and_read_as_one(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.nlp import pipeline as module

    monkeypatch.setattr(module, "PIECE_CHARS", 3_000)  # small pieces: same code, quicker
    lines = [f"Police in {TOWNS[i % len(TOWNS)]} said gunmen killed {2 + i % 9} people on "
             f"{DAYS[i % 7]}." for i in range(len(TOWNS))]
    para = "\n".join(lines) + "\n\n"
    text = "Gunmen kill dozens\n\n" + para * 4
    article = make_article(text, title="Gunmen kill dozens", published="2024-05-06")
    assert len(_pieces(text, 3_000)) >= 3
    doc, spent = pipeline._parse_long(article)
    assert doc.text == text and spent > 0
    whole = pipeline.nlp(pipeline._prepared(text, article.title))
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in whole]
    assert [s.start for s in doc.sents] == [s.start for s in whole.sents]
    records, errors = run(pipeline, article)
    assert errors == [] and len(records) == 1
    assert {text[e.trigger.start:e.trigger.end] for e in records[0].events} == {"killed"}
    assert len(records[0].events) >= len(TOWNS) - 3  # towns near each other may join


# -- separate acts ---------------------------------------------------------------------------

# (text, events expected): our own sentences
SEPARATE_ACTS = [
    # one-line reports of killings in different towns: one event each
    ("Police in Kano said gunmen killed 5 people on Monday.\n"
     "Police in Lagos said gunmen killed 7 people on Monday.\n"
     "Police in Mombasa said gunmen killed 3 people on Monday.", 3),
    ("Gunmen killed 5 people in Kano on Monday. Gunmen killed 7 people in Lagos on Monday.", 2),
    # the same act told again, with a count, in the same town: one event
    ("Gunmen killed five people in Kano on Monday, police said. The five people were killed "
     "as they left a mosque in Kano, a police spokesman said.", 1),
    # told again without a count, a witness's home town named: one event
    ("Gunmen killed five people in a village near Kano on Monday, police said. The gunmen "
     "killed the villagers as they prayed, a resident of Lagos told reporters.", 1),
]


@pytest.mark.parametrize(("text", "n"), SEPARATE_ACTS)
def test_separate_acts_stay_separate(pipeline: Pipeline, text: str, n: int) -> None:
    record = pipeline.extract(make_article(text, published="2024-05-08"))
    killings = [e for e in record.events if e.category == "ASSAULT"]
    assert len(killings) == n, [(e.trigger.text, e.place and e.place.name) for e in killings]


# -- near-linear -----------------------------------------------------------------------------


def test_event_dense_text_stays_near_linear(pipeline: Pipeline) -> None:
    """Doubling 100 one-line reports must not much more than double the CPU time (it was
    x2.6 to x3 per doubling and growing); each report is an event of its own."""
    def cost(n: int) -> tuple[float, int]:
        article = dense(n)
        t0 = time.process_time()
        records, errors = run(pipeline, article)
        assert errors == []
        return time.process_time() - t0, len(records[0].events)

    cost(20)  # warm
    small, n_small = min(cost(100) for _ in range(2))
    large, n_large = min(cost(200) for _ in range(2))
    assert n_large >= 0.9 * 200 and n_small >= 0.9 * 100
    assert large / small < 2.8, (small, large)


# -- the document resolver: indexed = spelled out ---------------------------------------------


def _spelled_out(gaz, names, areas, containers, prefer):  # type: ignore[no-untyped-def]
    """resolve_document as it was: each mention's context spelled out as a tuple of every
    other name's place (quadratic), for comparison."""
    keys = [fold(n) for n in names]
    counts = Counter(keys)
    county_keys, town_keys = resolver._candidate_keys(gaz, dict(zip(keys, names, strict=True)))
    base = resolver.ResolveContext(prefer_country=prefer)
    current: dict = {}
    results: list = [None] * len(names)
    for round_no in range(3):
        per_key: dict = {}
        for i, (name, key) in enumerate(zip(names, keys, strict=True)):
            counties: Counter = Counter()
            towns: Counter = Counter()
            for other in counts:
                if other != key:
                    counties.update(county_keys[other])
                    towns.update(town_keys[other])
            ctx = resolver.ResolveContext(prefer_country=prefer, counties=counties, towns=towns,
                                          area=areas[i])
            if round_no:
                ctx = resolver.replace(ctx, toponyms=tuple(
                    m for k, m in current.items() if k != key and m is not None
                    for _ in range(counts[k])))
            box = containers[i]
            match = (resolver.resolve_pair(gaz, name, box, context=ctx) if box
                     else resolver.resolve(gaz, name, context=ctx))
            results[i] = match
            if match is not None:
                per_key.setdefault(key, Counter())[match] += 1
        current = {k: per_key[k].most_common(1)[0][0] if k in per_key else None for k in counts}
    for i, match in enumerate(results):
        if match is None or containers[i]:
            continue
        placed = [m for k, m in current.items() if k != keys[i] and m is not None]
        if resolver._implausible(match, placed):
            results[i] = None
    _ = base
    return results


def test_indexed_resolver_equals_the_spelled_out_one() -> None:
    gaz = load_gazetteer()
    pool = [*TOWNS, "Paris", "Texas", "Springfield", "Cook County", "Georgia", "Washington",
            "Salisbury", "Ohio", "Borno", "Maiduguri", "Fargo", "Moorhead", "Clay County",
            "Cass County", "Portland", "Maine", "Oregon", "Ukraine", "Nigeria", "London",
            "Ontario", "Illinois", "Rockford", "Peoria", "Dalton", "Harare", "Kaduna", "Zaria",
            "Sokoto", "Jos", "Odessa", "Lviv", "Dnipro", "Homs", "Hama", "Idlib", "Raqqa"]
    rng = random.Random(15)
    for _ in range(120):
        k = rng.choice([2, 3, 5, 8, 20])
        names = [rng.choice(pool) for _ in range(k)]
        names += [rng.choice(names) for _ in range(rng.randint(0, k))]
        areas = [rng.random() < 0.1 for _ in names]
        boxes = [rng.choice(["Texas", "Ga.", "Ukraine", "Ill."]) if rng.random() < 0.15
                 else None for _ in names]
        prefer = rng.choice([None, None, "US", "NG", "GB"])
        got = resolver.resolve_document(gaz, names, areas=areas, containers=boxes,
                                        prefer_country=prefer)
        assert got == _spelled_out(gaz, names, areas, boxes, prefer), names


def test_indexed_context_equals_the_tuple_context() -> None:
    gaz = load_gazetteer()
    places = [m for n in ("Fargo", "Moorhead", "Kano", "Kaduna", "Peoria", "Cass County")
              if (m := gaz.resolve(n)) is not None]
    plain = resolver.ResolveContext(toponyms=tuple(places))
    indexed = resolver.indexed_context(gaz, places)
    for name in ("West Fargo", "Zaria", "Bloomington", "Clay County", "Dilworth", "Paris"):
        assert resolver.resolve(gaz, name, context=plain) == resolver.resolve(
            gaz, name, context=indexed), name


def test_settings_carry_the_limits() -> None:
    s = Settings(db_url="sqlite://")
    assert (s.max_seconds, s.max_mentions, s.max_sentence_tokens) == (60.0, 2000, 250)
