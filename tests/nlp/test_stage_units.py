"""Stages one at a time, on hand-built parses: each gets the fields its declaration reads,
and the test checks what it writes. No statistical model runs here."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventwire.model import Time
from eventwire.nlp.resources import Resources
from eventwire.nlp.stages import (
    DEFAULT_STAGES,
    dates,
    entities,
    events,
    merge,
    outcome,
    responsibility,
    status,
    times,
)
from eventwire.nlp.work import Mention, Work

from .handbuilt import parsed, work_for


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


def upstream(work: Work, res: Resources, until: str) -> Work:
    """Run the default stages before ``until`` (not ``until`` itself)."""
    for stage in DEFAULT_STAGES:
        if stage.name == until:
            return work
        stage.run(work, res)
    raise AssertionError(f"no stage {until!r}")


SHOT_MONDAY = """
Gunmen NOUN NNS gunman nsubj 1
shot VERB VBD shoot ROOT 1
a DET DT a det 3
judge NOUN NN judge dobj 1
on ADP IN on prep 1
Monday PROPN NNP Monday pobj 4
. PUNCT . . punct 1
"""
SHOT_UNDATED = """
Gunmen NOUN NNS gunman nsubj 1
shot VERB VBD shoot ROOT 1
a DET DT a det 3
judge NOUN NN judge dobj 1
. PUNCT . . punct 1
"""
SHOOT_MONDAY = SHOT_MONDAY.replace("shot VERB VBD shoot ROOT 1", "shoot VERB VBP shoot ROOT 1")
THE_ATTACK = """
The DET DT the det 1
attack NOUN NN attack nsubj 2
shocked VERB VBD shock ROOT 2
residents NOUN NNS resident dobj 2
. PUNCT . . punct 2
"""


# -- times -----------------------------------------------------------------------------------


def _timed(res: Resources, doc: Doc) -> dict[str, Mention]:
    """The mentions of a hand-built sentence after the times stage, by trigger word."""
    work = work_for(doc)
    upstream(work, res, "times")
    times.STAGE.run(work, res)
    return {m.trigger.text: m for m in work.mentions}


def test_times_attaches_the_day_its_clause_names(res: Resources) -> None:
    work = work_for(parsed(SHOT_MONDAY), published="2026-03-04")  # a Wednesday
    upstream(work, res, "times")
    times.STAGE.run(work, res)
    [m] = work.mentions
    assert m.time is not None and m.time.text == "Monday" and m.time.date == "2026-03-02"
    assert m.mood == "asserted"  # times leaves the mood alone: status decides


def test_times_links_n_days_after_with_any_number_word(res: Resources) -> None:
    # "Police arrested a man eight days after gunmen attacked a bank."
    doc = parsed("""
Police NOUN NNS police nsubj 1
arrested VERB VBD arrest ROOT 1
a DET DT a det 3
man NOUN NN man dobj 1
eight NUM CD eight nummod 5
days NOUN NNS day npadvmod 8
after SCONJ IN after mark 8
gunmen NOUN NNS gunman nsubj 8
attacked VERB VBD attack advcl 1
a DET DT a det 10
bank NOUN NN bank dobj 8
. PUNCT . . punct 1
""")
    work = work_for(doc)
    upstream(work, res, "times")
    times.STAGE.run(work, res)
    by_word = {m.trigger.text: k for k, m in enumerate(work.mentions)}
    inner = by_word["attacked"]
    assert work.relative_days == {inner: -8}
    assert work.mentions[inner].derived_from == by_word["arrested"]


# -- merge -----------------------------------------------------------------------------------


def test_merge_joins_an_anaphoric_noun_to_the_event_before_it(res: Resources) -> None:
    work = work_for(parsed(SHOT_MONDAY, THE_ATTACK))
    upstream(work, res, "merge")
    assert [m.trigger.text for m in work.mentions] == ["shot", "attack"]
    merge.STAGE.run(work, res)
    [ev] = work.events
    assert ev.mentions == [0, 1] and ev.category == "ASSAULT" and ev.mood == "asserted"
    assert {m.event for m in work.mentions} == {0}


def test_merge_keeps_acts_of_different_days_apart(res: Resources) -> None:
    work = work_for(parsed(SHOT_MONDAY, SHOT_MONDAY.replace("Monday", "Tuesday")))
    upstream(work, res, "merge")
    merge.STAGE.run(work, res)
    assert len(work.events) == 2
    assert [work.mentions[ev.main].time.text for ev in work.events] == ["Monday", "Tuesday"]


def test_merge_keeps_a_negated_act_apart_from_a_real_one(res: Resources) -> None:
    work = work_for(parsed(SHOT_MONDAY, SHOT_MONDAY))
    upstream(work, res, "merge")
    work.mentions[1].mood = "negated"
    merge.STAGE.run(work, res)
    assert sorted(ev.mood for ev in work.events) == ["asserted", "negated"]


# -- status ------------------------------------------------------------------------------------


CALM = """
Residents NOUN NNS resident nsubj 1
were AUX VBD be ROOT 1
calm ADJ JJ calm acomp 1
. PUNCT . . punct 1
"""


def _status_of(res: Resources, published: str, date_: str | None = None,
               mood: str = "asserted", aggregate: bool = False, text: str = SHOT_MONDAY,
               after: str | None = None) -> str:
    """The status of the one event ``text`` tells (told after the sentence ``after``, when
    given: out of the lead)."""
    work = work_for(parsed(after, text) if after else parsed(text), published=published)
    upstream(work, res, "status")
    [ev] = work.events
    ev.mood = mood  # type: ignore[assignment]
    ev.aggregate = aggregate
    if date_ is not None:
        work.mentions[0].time = Time("Monday", 23, 29, date=date_, precision="day")
    status.STAGE.run(work, res)
    return ev.status


def test_status_is_decided_from_date_mood_and_aggregation(res: Resources) -> None:
    assert _status_of(res, "2026-03-04", "2026-03-02") == "asserted"
    assert _status_of(res, "2026-03-04", "2025-06-01") == "historical"  # long before
    # after publication: future, unless a past tense tells it ("shot" with a day resolved
    # forward is a misread day, not an act to come)
    assert _status_of(res, "2026-03-04", "2026-03-20", text=SHOOT_MONDAY) == "future"
    assert _status_of(res, "2026-03-04", "2026-03-20") == "asserted"
    # a period that holds the publication day is no future ("this year")
    assert _status_of(res, "2026-03-04", "2026", text=SHOOT_MONDAY) == "asserted"
    assert _status_of(res, "2026-03-04", "2026-03-02", mood="negated") == "negated"
    # a roll-up told in the past after the lead is background, unless it is dated to a day
    # of the story; told in the lead, it is the news
    assert _status_of(res, "2026-03-04", aggregate=True, text=SHOT_UNDATED,
                      after=CALM) == "historical"
    assert _status_of(res, "2026-03-04", aggregate=True, text=SHOT_UNDATED) == "asserted"
    assert _status_of(res, "2026-03-04", "2026-03-02", aggregate=True) == "asserted"


def test_only_the_status_stage_writes_event_status() -> None:
    owners = [s.name for s in DEFAULT_STAGES if "events.status" in s.writes + s.refines]
    assert owners == ["status"]


# -- dates -------------------------------------------------------------------------------------


def test_an_undated_event_borrows_the_day_of_the_sentence_before(res: Resources) -> None:
    work = work_for(parsed(SHOT_MONDAY, THE_ATTACK.replace("attack", "bombing")))
    upstream(work, res, "dates")
    blast = next(ev for ev in work.events if work.mentions[ev.main].trigger.text == "bombing")
    dates.STAGE.run(work, res)
    assert blast.time is not None and blast.time.date == "2026-03-02" and blast.time_borrowed


# -- outcome -----------------------------------------------------------------------------------


def test_outcome_reads_number_words_the_shared_reader_knows(res: Resources) -> None:
    # "Gunmen killed three dozen villagers and wounded twenty-five."
    doc = parsed("""
Gunmen NOUN NNS gunman nsubj 1
killed VERB VBD kill ROOT 1
three NUM CD three compound 3
dozen NUM CD dozen nummod 4
villagers NOUN NNS villager dobj 1
and CCONJ CC and cc 1
wounded VERB VBD wound conj 1
twenty-five NUM CD twenty-five dobj 6
. PUNCT . . punct 1
""")
    work = work_for(doc)
    upstream(work, res, "outcome")
    outcome.STAGE.run(work, res)
    [ev] = [e for e in work.events if e.category == "ASSAULT"]
    assert ev.outcome is not None
    assert (ev.outcome.dead, ev.outcome.injured) == (36, 25)
    text = work.article.text
    assert all(text[s.start:s.end] == s.text for s in ev.outcome.spans)


# -- responsibility ------------------------------------------------------------------------------


def test_responsibility_reads_a_stated_absence_and_a_claim(res: Resources) -> None:
    no_claim = """
No DET DT no det 1
group NOUN NN group nsubj 3
has AUX VBZ have aux 3
claimed VERB VBN claim ROOT 3
responsibility NOUN NN responsibility dobj 3
. PUNCT . . punct 3
"""
    work = work_for(parsed(SHOT_MONDAY, no_claim))
    upstream(work, res, "responsibility")
    responsibility.STAGE.run(work, res)
    [ev] = work.events
    # the claim sentence names no act of its own: it is of the attack told just before it
    # (round 10; it was read as about nothing before)
    assert ev.responsibility is not None
    assert ev.responsibility.unclaimed_stated and not ev.responsibility.claimed_by

    # the same words in the event's own sentence: "... ; no group has claimed it"
    claim = """
Rebels NOUN NNS rebel nsubj 1
claimed VERB VBD claim ROOT 1
responsibility NOUN NN responsibility dobj 1
for ADP IN for prep 2
the DET DT the det 5
attack NOUN NN attack pobj 3
. PUNCT . . punct 1
"""
    work = work_for(parsed(SHOT_MONDAY, claim))
    upstream(work, res, "responsibility")
    responsibility.STAGE.run(work, res)
    [ev] = work.events
    assert ev.responsibility is not None
    assert [c.actor.text for c in ev.responsibility.claimed_by] == ["Rebels"]


def test_stage_modules_declare_their_stage() -> None:
    for module in (entities, events, times, merge, status, dates, outcome, responsibility):
        assert hasattr(module, "STAGE"), module.__name__


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("One man is dead and two others were injured.", {"dead": 1, "injured": 2}),
        ("Police said four occupants were arrested.", {"arrested": 4}),
        ("Ninety six people were detained at the border.", {"arrested": 96}),
        ("The blast killed 12 and wounded at least 30.", {"dead": 12, "injured": 30}),
        ("Five more were wounded in the second blast.", {"injured": 5}),
        ("One man shot and killed, two stabbed to death.", {"dead": 2}),
        # an age, a year and a duration are not tolls
        ("Ann Roe, 51, was shot and killed on Friday.", {}),
        ("Jo Doe turned 21 shortly before he was killed.", {}),
        ("It recalled the 2011 raid that killed 9 guards.", {"dead": 9}),
        ("He was injured 20 years ago in a crash.", {}),
        ("Dozens of people were injured.", {}),  # no number: dozens is not one
        ("The blast killed four and injured more than 260 others.",
         {"dead": 4, "injured": 260}),
        ("Three people were shot and wounded outside the club.", {"injured": 3}),
        # taken to hospital for their wounds: injured
        ("2 hospitalized after shooting near the park", {"injured": 2}),
        ("Two men are hospitalised, one in critical condition.", {"injured": 2}),
        ("The general praised the raid that killed 9/11 plotters.", {}),  # a name
    ],
)
def test_counts_need_a_number_of_people(res: Resources, sentence: str,
                                        counts: dict[str, int]) -> None:
    from .records import scanned_counts

    assert scanned_counts(res, sentence) == counts


def test_an_undated_article_speaks_from_the_latest_date_it_states(res: Resources) -> None:
    later = """
Police NOUN NNS police nsubj 1
said VERB VBD say ROOT 1
in ADP IN in prep 1
2019 NUM CD 2019 pobj 2
. PUNCT . . punct 1
"""
    shot_1995 = SHOT_MONDAY.replace("on ADP IN on prep 1\nMonday PROPN NNP Monday pobj 4",
                                    "in ADP IN in prep 1\n1995 NUM CD 1995 pobj 4")
    work = work_for(parsed(shot_1995, later), published=None)
    upstream(work, res, "status")
    status.STAGE.run(work, res)
    [ev] = work.events
    assert status.story_date(work) is not None and status.story_date(work).year == 2019
    assert ev.status == "historical"  # told as done, but long before the article's now


def test_a_clause_describing_a_dated_act_has_its_date(res: Resources) -> None:
    # "Gunmen carried out the 2013 attack, which killed three people."
    doc = parsed("""
The DET DT the det 2
2013 NUM CD 2013 nummod 2
attack NOUN NN attack nsubj 9
, PUNCT , , punct 2
which PRON WDT which nsubj 5
killed VERB VBD kill relcl 2
three NUM CD three nummod 7
people NOUN NNS people dobj 5
, PUNCT , , punct 2
shocked VERB VBD shock ROOT 9
the DET DT the det 11
city NOUN NN city dobj 9
. PUNCT . . punct 9
""")
    by_word = _timed(res, doc)
    assert by_word["attack"].time is not None
    assert by_word["killed"].time == by_word["attack"].time


def test_a_light_verb_gives_its_object_act_its_time(res: Resources) -> None:
    # "Last year the army carried out a military exercise."; "condemned" is no light verb
    doc = parsed("""
Last ADJ JJ last amod 1
year NOUN NN year npadvmod 4
the DET DT the det 3
army NOUN NN army nsubj 4
carried VERB VBD carry ROOT 4
out ADP RP out prt 4
a DET DT a det 8
military ADJ JJ military amod 8
exercise NOUN NN exercise dobj 4
. PUNCT . . punct 4
""")
    m = _timed(res, doc)["exercise"]
    assert m.time is not None and m.time.text == "Last year"

    doc = parsed("""
The DET DT the det 1
minister NOUN NN minister nsubj 2
condemned VERB VBD condemn ROOT 2
the DET DT the det 4
attack NOUN NN attack dobj 2
last ADJ JJ last amod 6
week NOUN NN week npadvmod 2
. PUNCT . . punct 2
""")
    # the condemning was last week; the attack may be older
    assert _timed(res, doc)["attack"].time is None


def test_a_result_clause_has_the_time_of_its_act(res: Resources) -> None:
    # "The rebels attacked the town last year, killing five soldiers."
    doc = parsed("""
The DET DT the det 1
rebels NOUN NNS rebel nsubj 2
attacked VERB VBD attack ROOT 2
the DET DT the det 4
town NOUN NN town dobj 2
last ADJ JJ last amod 6
year NOUN NN year npadvmod 2
, PUNCT , , punct 2
killing VERB VBG kill advcl 2
five NUM CD five nummod 10
soldiers NOUN NNS soldier dobj 8
. PUNCT . . punct 2
""")
    by_word = _timed(res, doc)
    assert by_word["attacked"].time is not None
    assert by_word["killing"].time == by_word["attacked"].time


CAN_ARREST = """
They PRON PRP they nsubj 2
can AUX MD can aux 2
arrest VERB VB arrest ROOT 2
us PRON PRP we dobj 2
. PUNCT . . punct 2
"""


def test_an_act_someone_can_do_is_not_one_done(res: Resources) -> None:
    work = work_for(parsed(CAN_ARREST))
    upstream(work, res, "events")
    events.STAGE.run(work, res)
    assert [(m.trigger.text, m.mood) for m in work.mentions] == [("arrest", "hypothetical")]


DETAINED_41 = """
Police NOUN NNS police nsubj 1
detained VERB VBD detain ROOT 1
41 NUM CD 41 nummod 3
people NOUN NNS people dobj 1
on ADP IN on prep 1
Monday PROPN NNP Monday pobj 4
. PUNCT . . punct 1
"""
AMONG_THOSE_DETAINED = """
Berg PROPN NNP Berg nsubj 1
was AUX VBD be ROOT 1
among ADP IN among prep 1
those PRON DT those pobj 2
detained VERB VBN detain acl 3
. PUNCT . . punct 1
"""


def test_those_detained_are_the_people_of_the_detention_told(res: Resources) -> None:
    work = work_for(parsed(DETAINED_41, AMONG_THOSE_DETAINED))
    upstream(work, res, "merge")
    merge.STAGE.run(work, res)
    assert [[work.mentions[k].trigger.text for k in ev.mentions] for ev in work.events] == [
        ["detained", "detained"]]


# "at the clerks" hung on the weapon noun, as the parser sometimes does
POINTED_AT = """
He PRON PRP he nsubj 1
pointed VERB VBD point ROOT 1
a DET DT a det 3
rifle NOUN NN rifle dobj 1
at ADP IN at prep 3
the DET DT the det 6
clerks NOUN NNS clerk pobj 4
. PUNCT . . punct 1
"""


def test_whom_a_weapon_is_pointed_at_is_the_recipient_wherever_at_hangs(res: Resources) -> None:
    work = work_for(parsed(POINTED_AT))
    upstream(work, res, "events")
    events.STAGE.run(work, res)
    [m] = work.mentions
    assert [a.head.text for a in m.recipients] == ["clerks"]


# the NER reading a party's name as a place, as the small model does in news
BACKED_PARTY = """
Voters NOUN NNS voter nsubj 1
backed VERB VBD back ROOT 1
the DET DT the det 4
Harvest PROPN NNP Harvest compound 4
Party PROPN NNP Party dobj 1
. PUNCT . . punct 1
"""


def test_a_name_ending_in_a_groups_word_is_no_person(res: Resources) -> None:
    work = work_for(parsed(BACKED_PARTY, ents=((3, 5, "GPE"),)))
    upstream(work, res, "entities")
    entities.STAGE.run(work, res)
    assert [e.type for e in work.entities if e.name == "Harvest Party"] == ["ORG"]


# the NER reading one person's name three ways in one article, as the small model does
NAMED_THREE_WAYS = ("""
Osman PROPN NNP Osman compound 1
Bekov PROPN NNP Bekov nsubj 2
appealed VERB VBD appeal ROOT 2
. PUNCT . . punct 2
""", """
A DET DT a det 1
judge NOUN NN judge nsubj 2
ordered VERB VBD order ROOT 2
Bekov PROPN NNP Bekov nsubj 4
held VERB VBN hold ccomp 2
after ADP IN after prep 4
his PRON PRP$ his poss 7
arrest NOUN NN arrest pobj 5
. PUNCT . . punct 2
""", """
Bekov PROPN NNP Bekov nsubj 1
said VERB VBD say ROOT 1
nothing PRON NN nothing dobj 1
. PUNCT . . punct 1
""")


def test_a_name_the_article_calls_a_person_is_one_throughout(res: Resources) -> None:
    # "Osman Bekov" (ORG), "ordered Bekov held" (GPE), "Bekov said" (PERSON)
    work = work_for(parsed(*NAMED_THREE_WAYS, ents=((0, 2, "ORG"), (7, 8, "GPE"),
                                                     (13, 14, "PERSON"))))
    upstream(work, res, "entities")
    entities.STAGE.run(work, res)
    people = [e for e in work.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Osman Bekov"]
    assert len(people[0].mentions) == 3
    assert work.pronoun_entity[10] == work.entities.index(people[0])  # "his" arrest



# a headline run into the text after it, as the parser reads such a page: "injured" hangs
# off the next sentence's verb and takes the station's name for an object
VICTIM_HEADLINE = """
Victim NOUN NN victim nsubj 2
seriously ADV RB seriously advmod 2
injured VERB VBN injure ccomp 10
in ADP IN in prep 2
Oakdale PROPN NNP Oakdale pobj 3
News PROPN NNP News dobj 2
, PUNCT , , punct 10
a DET DT a det 8
person NOUN NN person nsubjpass 10
was AUX VBD be auxpass 10
taken VERB VBN take ROOT 10
. PUNCT . . punct 10
"""


def test_a_victim_before_a_bare_participle_is_who_it_was_done_to(res: Resources) -> None:
    work = work_for(parsed(VICTIM_HEADLINE))
    upstream(work, res, "events")
    events.STAGE.run(work, res)
    [m] = [m for m in work.mentions if m.trigger.text == "injured"]
    assert [a.head.text for a in m.recipients] == ["Victim"]
    assert m.actors == []
