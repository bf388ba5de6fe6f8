"""Counts and fates of the outcome stage: one person said with an article, and the one
victim's death said outside the act's own sentence (own sentences throughout)."""

from __future__ import annotations

import pytest

from eventwire.model import Event, make_article
from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.resources import Resources
from eventwire.nlp.stages.outcome import _Counts

from .records import first_assault, scanned_counts


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources()


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        # one person, said with an article and a singular verb
        ("An 18-year-old woman was hospitalised on Sunday after a knife fight.",
         {"injured": 1}),
        ("An off-duty officer was killed at a checkpoint.", {"dead": 1}),
        ("A farmer was killed and four more were wounded near the river.",
         {"dead": 1, "injured": 4}),
        ("A woman was found dead in her car on Tuesday.", {"dead": 1}),
        ("The attack left a guard in critical condition.", {"injured": 1}),
        ("The blast left two people with minor injuries.", {"injured": 2}),
        ("The ambush left a soldier dead and three more hurt.", {"dead": 1, "injured": 3}),
        # one more person than those told ("more": hurt, added to the victim the act's
        # own words tell of)
        ("The raid left one soldier dead and another with gunshot wounds.",
         {"dead": 1, "more": 1}),
        ("One guard was killed and another wounded at the gate.", {"dead": 1, "more": 1}),
        ("Another 17 people were hurt in the blast.", {"injured": 17}),
        # lives claimed are the dead
        ("The two bombs claimed nine lives.", {"dead": 9}),
        ("The ambush claimed the lives of at least six soldiers.", {"dead": 6}),
        ("The raid claimed the lives of two years of work.", {}),
        # a kin noun's count is of children
        ("A young mother of three is dead after the shooting.", {}),
        ("A father of two was wounded in the blast.", {}),
        # the verbs that kill their object count the dead as "killed" does
        ("Soldiers executed 12 villagers in the square.", {"dead": 12}),
        ("The militants beheaded two hostages.", {"dead": 2}),
        # no count of one: a killer, a plural verb, a vague number, another noun
        ("A man killed his wife in Dover on Sunday.", {}),
        ("A man and a woman were shot in the park.", {}),
        ("A few people were hurt when the roof fell.", {}),
        ("A number of others were injured.", {}),
        ("A car was damaged in the blast.", {}),
    ],
)
def test_one_person_said_with_an_article_counts_one(res: Resources, sentence: str,
                                                    counts: dict[str, int]) -> None:
    assert scanned_counts(res, sentence) == counts


def _assault(pipeline: Pipeline, text: str) -> Event:
    return first_assault(next(iter(pipeline.pipe([make_article(text)]))))


def _counts(ev: Event) -> tuple[int | None, int | None]:
    assert ev.outcome is not None
    return ev.outcome.dead, ev.outcome.injured


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # the one victim died, said in the next sentence with the victim as its subject
        ("A woman was shot on Oak Avenue on Friday. She was pronounced dead at the scene.",
         (1, 0)),
        ("A clerk was shot during a robbery in Milton. The victim died of his wounds on "
         "Sunday.", (1, 0)),
        # the act's own noun says it killed
        ("Police are investigating a deadly shooting in Brookfield. A man was shot outside "
         "a bar.", (1, 0)),
        # one victim told twice, by a noun and by a pronoun: still one
        ("Driver shot and killed in Easton\n\nA masked gunman walked up to a parked van "
         "on Monday night and shot him through the window, witnesses said.", (1, 0)),
        # "the victim" is the one already told, not a second person
        ("Police said a driver shot his brother during an argument in Kirby on Tuesday. "
         "The victim, who was shot in the shoulder, is expected to recover.", (0, 1)),
        # two people joined in one phrase, shot: two hurt
        ("A man and a woman were shot outside a shop in Kirby.", (0, 2)),
        # a homicide is a killing; an attempted murder is not
        ("Officers in Kirby have opened an investigation into the homicide of a man shot "
         "near the canal on Friday.", (1, 0)),
        ("A man was shot in the leg on Elm Street on Friday. His neighbour was later "
         "charged with attempted murder.", (0, 1)),
        # the one victim the act's words tell of, and another: one dead, one hurt
        ("Gunmen killed a guard in Kirby on Friday, and another guard was critically "
         "wounded.", (1, 1)),
        # alive: the next sentence says how, not that the victim died
        ("A man was shot in the leg on Elm Street. He was taken to a hospital in stable "
         "condition.", (0, 1)),
        # any verb "to death" killed; a lynching kills its one victim
        ("A woman was hacked to death by attackers in her village on Saturday.", (1, None)),
        ("A mob lynched a man accused of theft in the market on Sunday.", (1, 0)),
        ("A reporter was gunned down outside her home on Wednesday.", (1, 0)),
        ("Police are investigating the killing of a judge in Kano on Monday.", (1, 0)),
        # a deadly weapon is not a deadly act
        ("A man was charged with assault with a deadly weapon after he shot a neighbour.",
         (0, 1)),
        # the sentence after is about someone else's death
        ("A man was shot in the arm on Elm Street. His grandmother died last year, "
         "neighbours said.", (0, 1)),
    ],
)
def test_the_one_victims_fate(pipeline: Pipeline, text: str,
                              counts: tuple[int, int]) -> None:
    assert _counts(_assault(pipeline, text)) == counts


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Four suspects were apprehended near the border.", {"arrested": 4}),
        # said actively, the count after the verb
        ("Police arrested at least 20 people after the march.", {"arrested": 20}),
        ("Soldiers detained 14 students at the gate.", {"arrested": 14}),
        ("The man was detained for 12 hours.", {}),
        ("Two men are in custody, police said.", {"arrested": 2}),
        ("Three protesters were taken into custody.", {"arrested": 3}),
    ],
)
def test_the_arrested_are_counted_however_they_are_held(res: Resources, sentence: str,
                                                        counts: dict[str, int]) -> None:
    found = {kind: n for kind, n, _ in _Counts(res.numbers, res.lexicon).scan(sentence, 0)}
    assert found == counts


@pytest.mark.parametrize(
    ("text", "arrested"),
    [
        ("A man was shot in the leg on Elm Street on Friday. No arrests have been made.", 0),
        ("Two men were wounded outside a bar in Linden. Police have not made any arrests.",
         0),
        ("A woman was stabbed at a bus stop in Corby. Nobody is in custody.", 0),
        # a statement of none tells no act that came after it
        ("No arrests were made at the rally. Later that night a man was shot in Corby.",
         None),
    ],
)
def test_a_stated_none_arrested_is_zero(pipeline: Pipeline, text: str,
                                        arrested: int | None) -> None:
    ev = _assault(pipeline, text)
    assert (ev.outcome.arrested if ev.outcome else None) == arrested


def test_a_pair_of_victims_one_of_whom_died_is_not_counted_hurt(pipeline: Pipeline) -> None:
    ev = _assault(pipeline, "A man and his son were shot outside a shop in Kirby. The man "
                            "died.")
    assert ev.outcome is None or ev.outcome.injured != 2


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # one person named by a trade or an office is one victim
        ("Gunmen killed a farmer near the village on Monday.", (1, 0)),
        ("Gunmen shot the mayor outside his office on Monday.", (0, 1)),
        # an attempt on someone's life says nothing of a death
        ('"They tried to kill me today," President Ana Cruz said after the drone attack on '
         'the parade.', None),
    ],
)
def test_one_person_by_trade_and_an_attempt(pipeline: Pipeline, text: str,
                                            counts: tuple[int, int] | None) -> None:
    ev = _assault(pipeline, text)
    if counts is None:
        assert ev.outcome is None or not ev.outcome.dead
    else:
        assert _counts(ev) == counts


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # what the toll is of may come between "death toll" and its verb
        ("The death toll from a suicide bombing at a mosque in Kabul rose to 40 on Saturday.",
         40),
        ("The death toll in the market attack has reached 23, officials said.", 23),
    ],
)
def test_a_death_toll_told_with_what_it_is_of(res: Resources, text: str, dead: int) -> None:
    found = {kind: n for kind, n, _ in _Counts(res.numbers, res.lexicon).scan(text, 0)}
    assert found.get("dead") == dead


def test_an_act_claimed_is_responsibility_claimed(pipeline: Pipeline) -> None:
    rec = pipeline.extract(make_article(
        "A bomb killed 12 people at a market on Friday. The Taliban claimed the attack.",
        published="2026-03-04"))
    ev = first_assault(rec)
    assert ev.responsibility is not None
    assert [c.actor.text for c in ev.responsibility.claimed_by] == ["Taliban"]


def test_an_act_named_before_attempt_or_bid_was_tried(pipeline: Pipeline, res: Resources
                                                      ) -> None:
    # the nouns the events stage reads as an attempt ("an assassination attempt", "a
    # kidnap bid") say nobody died of it, whatever the act's word
    from eventwire.nlp.stages.outcome import _attempted

    doc = pipeline.nlp("Police foiled an assassination bid and a murder attempt on Monday.")
    counts = _Counts(res.numbers, res.lexicon)
    assert {t.text for t in doc if _attempted(t, counts)} >= {"assassination", "murder"}


@pytest.mark.parametrize(
    ("text", "dead", "injured"),
    [
        # counts joined in one phrase add up
        ("Eleven soldiers and four civilians were killed in the ambush near Kidal.", 15, None),
        ("Three police officers and two passers-by were wounded in the blast.", None, 5),
        # each one person of the phrase is one
        ("The bomb killed the driver and three passengers.", 4, None),
        ("The shelling killed a woman and her two children.", 3, None),
        ("A policeman and two civilians died in the attack on the market.", 3, None),
        ("A man and a woman were killed in the ambush.", 2, None),
        # "shot dead" before its count, as "killed"
        ("The gunman shot dead four people and injured nine others.", 4, 9),
        # a counted patient however far its number stands from the verb
        ("Two people, including a child, were killed in the shelling.", 2, None),
        ("Three soldiers, one of them an officer, were wounded.", None, 3),
        # one person a killing verb takes as its object died
        ("Gunmen killed a police officer and wounded two others at a checkpoint.", 1, 2),
        # not an attempt
        ("Gunmen tried to kill a judge outside the court on Monday.", None, None),
    ],
)
def test_what_the_verbs_of_killing_say_of_their_patients(
        pipeline: Pipeline, text: str, dead: int | None, injured: int | None) -> None:
    events = [e for e in pipeline.extract(make_article(text, published="2026-03-04")).events
              if e.category == "ASSAULT"]
    assert events
    out = events[0].outcome
    assert (out.dead if out else None) == dead
    assert (out.injured if out else None) == injured



@pytest.mark.parametrize(
    ("text", "arrested"),
    [
        # the people of one phrase add up, for arrests too
        ("Police arrested the driver and two passengers at the checkpoint.", 3),
        ("Three men and a woman were detained after the raid.", 4),
        ("Officers took two suspects into custody on Saturday.", 2),
        # a total told again by its parts is the total
        ("Police detained 20 people, 12 men and eight women, after the march.", 20),
    ],
)
def test_the_arrested_of_one_phrase_add_up(pipeline: Pipeline, text: str,
                                           arrested: int) -> None:
    events = [e for e in pipeline.extract(make_article(text, published="2026-03-04")).events
              if e.category == "COERCE"]
    assert events and events[0].outcome is not None
    assert events[0].outcome.arrested == arrested


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        # "no one" is no count of one: a stated none
        ("No one was hurt when a grenade exploded outside a bank.", {"injured": 0}),
        ("No one was killed, but three people were wounded.", {"dead": 0, "injured": 3}),
        ("Nobody was injured in the blast.", {"injured": 0}),
        # a count raised over a verb of saying or believing is still the count
        ("At least five people were said to have been killed in the clashes.", {"dead": 5}),
        ("Ten people are feared dead after the attack.", {"dead": 10}),
        ("Two officers were reported wounded in the ambush.", {"injured": 2}),
        # the number's own reading is untouched
        ("One man was killed in the attack.", {"dead": 1}),
    ],
)
def test_stated_nones_and_raised_counts(res: Resources, sentence: str,
                                        counts: dict[str, int]) -> None:
    assert scanned_counts(res, sentence) == counts


@pytest.mark.parametrize(
    "text",
    [
        # a killing tried, plotted or threatened tells no death
        "Guards thwarted an attempt to kill the mayor outside city hall on Friday.",
        "Prosecutors said the men conspired to kill a judge.",
    ],
)
def test_a_killing_tried_or_plotted_tells_no_death(pipeline: Pipeline, text: str) -> None:
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-04")))
    assert ev.outcome is None or not ev.outcome.dead


def test_a_verb_whose_result_is_death_kills(pipeline: Pipeline) -> None:
    ev = first_assault(pipeline.extract(make_article(
        "Attackers hacked three villagers to death with machetes.", published="2026-03-04")))
    assert ev.outcome is not None and ev.outcome.dead == 3


@pytest.mark.parametrize(
    ("text", "dead", "injured"),
    [
        # the people each verb of another kind was done to: one dead, one hurt
        ("Gunmen killed a farmer and wounded his son.", 1, 1),
        ("A teenager was killed and his father critically wounded.", 1, 1),
        # how many of those shot died; the rest were hurt
        ("Five people were shot, two of them fatally.", 2, 3),
        ("Three men were shot, one fatally, outside a bar on Friday.", 1, 2),
        # a phrase that counts the bomber with the bystanders counts them all
        ("The explosion killed the bomber and two bystanders.", 3, None),
    ],
)
def test_the_dead_and_the_hurt_of_one_act(pipeline: Pipeline, text: str, dead: int,
                                          injured: int | None) -> None:
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-04")))
    assert ev.outcome is not None
    assert (ev.outcome.dead, ev.outcome.injured) == (dead, injured)


def test_the_dead_of_clashes_are_not_a_curfews(pipeline: Pipeline) -> None:
    rec = pipeline.extract(make_article(
        "Authorities imposed a curfew in the town on Tuesday after clashes between rival "
        "youths left at least 15 people dead.", published="2026-03-04"))
    curfew = next(e for e in rec.events if e.category == "COERCE")
    assert curfew.outcome is None or curfew.outcome.dead is None
    assert first_assault(rec).outcome is not None and first_assault(rec).outcome.dead == 15


def test_a_body_found_before_tells_the_victim_died(pipeline: Pipeline) -> None:
    ev = first_assault(pipeline.extract(make_article(
        "The body of a journalist who had been missing for a week was found on the outskirts "
        "of the city on Sunday, police said. He had been shot in the head.",
        published="2026-03-04")))
    assert ev.outcome is not None and ev.outcome.dead == 1
