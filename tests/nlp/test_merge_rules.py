"""The merge stage on whole sentences: when two mentions are one act and when they are
two. Each rule has sentences written for it, the split beside the join it must not break.
These run the English model (the parse and the gazetteer are what the rules read), so
they carry the ``model`` marker."""

from __future__ import annotations

import pytest

from eventwire.model import Event, make_article
from eventwire.nlp.pipeline import Pipeline

pytestmark = pytest.mark.model


def _events(pipeline: Pipeline, text: str, category: str = "ASSAULT") -> list[Event]:
    record = pipeline.extract(make_article(text, published="2026-03-04"))
    return [e for e in record.events if e.category == category]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # another state: another act, though the country is the same
        ("A bomb exploded in a market in Dallas on Saturday, injuring 12 people. Officials "
         "said there was no sign of a link to the attack in Minnesota.", 2),
        # the same town, or the state it is in: the same act told again
        ("A bomb exploded in a market in Dallas on Saturday, injuring 12 people. The attack "
         "in Dallas shocked residents.", 1),
        ("A bomb exploded in a market in Dallas on Saturday, injuring 12 people. The attack "
         "in Texas shocked residents.", 1),
    ],
)
def test_an_act_in_another_state_is_another_act(pipeline: Pipeline, text: str, n: int) -> None:
    assert len(_events(pipeline, text)) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # told before in the body, an act is "the attack": "a gunfight with police" with a
        # side of its own is another act
        ("A bomb exploded at a bus station in Leeds on Monday, killing four people. "
         "The bomber died on Thursday after a gunfight with police in a nearby town.", 2),
        # the headline's act, retold by the lead in other words, is one act
        ("Bus station bombed in Leeds\n\nA bomb attack on a crowded bus station killed four "
         "people on Monday, police said.", 1),
        # one sentence: "killed in a gun battle with troops" is how the killing happened
        ("The hostage-taker was killed in a gun battle with troops on Thursday.", 1),
    ],
)
def test_an_indefinite_act_with_a_side_of_its_own_is_new(
    pipeline: Pipeline, text: str, n: int
) -> None:
    assert len(_events(pipeline, text)) == n, [
        [m.text for m in e.mentions] for e in _events(pipeline, text)]


def test_a_week_and_a_day_inside_it_can_be_one_act(pipeline: Pipeline) -> None:
    # "last week" is Monday to Sunday: the Tuesday it holds does not contradict it
    text = ("Detectives made an arrest on Wednesday after a deadly shooting in the north end "
            "last week. On Tuesday, Feb. 24, Jon Doe, 28, was shot dead outside a store, police "
            "said.")
    shootings = _events(pipeline, text)
    assert len(shootings) == 1, [[m.text for m in e.mentions] for e in shootings]


@pytest.mark.parametrize(
    "text",
    [
        "Militants launched a series of attacks across the capital last year, killing 40 "
        "people and injuring scores more.",
        "Gunmen launched an attack on a checkpoint on Monday, killing four soldiers.",
    ],
)
def test_a_result_clause_is_the_act_its_verbs_object_names(pipeline: Pipeline,
                                                           text: str) -> None:
    found = _events(pipeline, text)
    assert len(found) == 1, [[m.text for m in e.mentions] for e in found]
    assert found[0].outcome is not None and found[0].outcome.dead in {40, 4}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # an arrest told again later in the report is the arrest told before
        ("A 19-year-old man was arrested on Friday after he fired a rifle at a neighbour. "
         "The sheriff said Tom Reyes was arrested and charged with assault.", [["arrest"]]),
        # a ban is not the arrest told before it, nor the arrest the ban
        ("Police arrested six activists outside the ministry on Monday. The government later "
         "issued a ban on public gatherings in the capital.", [["arrest"], ["restrict"]]),
    ],
)
def test_a_coercion_joins_the_one_of_its_kind_told_before(
        pipeline: Pipeline, text: str, kinds: list[list[str]]) -> None:
    assert sorted(sorted(e.modes) for e in _events(pipeline, text, "COERCE")) == kinds


def test_the_roles_turned_round_are_another_act(pipeline: Pipeline) -> None:
    evs = _events(pipeline, "Omar Vance shot three people at a mall in Dayton. Police later "
                              "shot Omar Vance outside his home.")
    assert sorted(tuple(a.text for a in e.actors) for e in evs) == [("Omar Vance",), ("Police",)]


def test_an_act_dated_from_another_is_not_that_act(pipeline: Pipeline) -> None:
    # "a shootout two days after the bombing": the sentence retells the bombing, and the
    # shootout, ordered in time against it, is another act, dated from it
    events = _events(pipeline,
                     "A bomb exploded at the central station on Monday, killing four people. "
                     "Police said the bomber died in a shootout with officers two days after "
                     "the bombing.")
    assert len(events) == 2, [[m.text for m in e.mentions] for e in events]
    shootout = next(e for e in events if e.trigger.text == "shootout")
    assert shootout.time is not None and shootout.time.date == "2026-03-04"
    assert shootout.time.text == "two days after"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a plural with no determiner is indefinite: with a predicate of its own, told in
        # the body after the act, it brings in other acts
        ("A gunman killed two guards at a bank in Leeds on Friday. Gunfights with police "
         "broke out across the estate that night.", 2),
        # the headline's act, retold by the lead, is still one act
        ("Guards shot dead in bank raid\n\nA gunman shot two guards dead at a bank in Leeds "
         "on Friday, police said.", 1),
    ],
)
def test_a_bare_plural_with_a_predicate_of_its_own_is_new(
    pipeline: Pipeline, text: str, n: int
) -> None:
    assert len(_events(pipeline, text)) == n, [
        [m.text for m in e.mentions] for e in _events(pipeline, text)]


def test_a_count_of_acts_is_a_roll_up_of_its_own(pipeline: Pipeline) -> None:
    # "five shootings since January" counts acts: a roll-up, not the shooting told
    events = _events(pipeline,
                     "A man was shot dead outside a bar in Leeds on Monday. Officers have been "
                     "called to the same bar for five shootings since January.")
    assert sorted(e.aggregate for e in events) == [False, True], [
        [m.text for m in e.mentions] for e in events]


def test_a_definite_count_picks_out_of_acts_told(pipeline: Pipeline) -> None:
    # "the two worst explosions": some of the blasts already told, not a new roll-up
    events = _events(pipeline,
                     "Twenty bombs exploded across Leeds on Friday, killing nine people. The "
                     "two worst explosions hit the bus station and the market.")
    assert not any(e.aggregate and e.trigger.text == "explosions" for e in events), [
        (e.trigger.text, e.aggregate) for e in events]


def test_a_roll_up_said_twice_is_one_told_now_asserted(pipeline: Pipeline) -> None:
    # the headline's count and the lead's are the same roll-up; told in the present, it
    # is what is going on, not a tally of the past
    events = _events(pipeline, "3 shootings in Leeds, 1 dead\n\nPolice are investigating "
                               "three shootings in the city, one of them deadly.")
    rollups = [e for e in events if e.aggregate]
    assert len(rollups) == 1, [[m.text for m in e.mentions] for e in events]
    assert rollups[0].status == "asserted"


def test_a_roll_up_of_the_past_is_historical(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Officers have been called to the same bar for five "
                               "shootings since January.")
    assert [(e.aggregate, e.status) for e in events] == [(True, "historical")]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a sentence that opens with another act's words tells another act
        ("Gunmen shot two policemen at a checkpoint in Baquba on Monday. Elsewhere, "
         "gunmen shot a shopkeeper.", 2),
        ("Gunmen shot two policemen at a checkpoint in Baquba on Monday. In a separate "
         "incident, gunmen shot a taxi driver.", 2),
        # without it, the same act told again
        ("Gunmen shot two policemen at a checkpoint in Baquba on Monday. Police said the "
         "gunmen shot the officers from a car.", 1),
    ],
)
def test_a_separate_incident_is_another_act(pipeline: Pipeline, text: str, n: int) -> None:
    assert len(_events(pipeline, text)) == n, [
        [m.text for m in e.mentions] for e in _events(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # no publication date: two weekdays are two days
        ("On Sunday, police arrested six men in Leeds. Early on Monday, officers detained "
         "two women in Leeds.", 2),
        # a weekday and a month's day: the style of news makes them two days
        ("A bomb exploded at a concert in Leeds on May 22, killing four people. On "
         "Saturday, a bomb exploded at a market in Leeds, injuring six.", 2),
        # the same weekday told twice is one day
        ("Gunmen shot two guards at a bank in Leeds on Friday. The shooting on Friday "
         "shocked the town.", 1),
    ],
)
def test_undated_days_named_apart_are_apart(pipeline: Pipeline, text: str, n: int) -> None:
    record = pipeline.extract(make_article(text))
    acts = [e for e in record.events if e.category in {"ASSAULT", "COERCE"}]
    assert len(acts) == n, [[m.text for m in e.mentions] for e in acts]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # the relative clause the act is the subject of says where it went off: another
        # state, another act
        ("A bomb exploded in a market in Phoenix on Saturday, injuring 12 people. Officials "
         "said there was no sign of a link to explosions that went off in Ohio.", 2),
        # ... and the same city told there is the same act
        ("A bomb exploded in a market in Phoenix on Saturday, injuring 12 people. The blast "
         "that ripped through the market in Phoenix shocked residents.", 1),
    ],
)
def test_a_relative_clause_places_its_act(pipeline: Pipeline, text: str, n: int) -> None:
    assert len(_events(pipeline, text)) == n, [
        [m.text for m in e.mentions] for e in _events(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the means of a past harm: particular acts, evidence of the killing's event
        ("At least twelve soldiers were killed in rebel attacks near the border in May.",
         {"killed", "attacks"}),
        ("Four guards were wounded by explosions at the depot on Monday.",
         {"wounded", "explosions"}),
    ],
)
def test_a_plural_that_did_a_past_harm_is_part_of_it(
    pipeline: Pipeline, text: str, words: set[str]
) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1
    assert {m.text for m in events[0].mentions} == words


def test_a_generic_plural_still_names_no_act(pipeline: Pipeline) -> None:
    # kinds of acts, told in the present: no event
    assert _events(pipeline, "Attacks on journalists are a threat to democracy.") == []


def test_a_datelines_date_is_no_acts_day(pipeline: Pipeline) -> None:
    # "Sept 14" of the dateline is the filing day; "on Monday evening" is the act's: one
    # shooting, told by the headline and by the lead
    text = ("Gunmen shoot judge in Kano\n\nKANO, Sept 14 — Gunmen shot and wounded a judge "
            "in the Nassarawa district of Kano on Monday evening, police said.")
    assert len(_events(pipeline, text)) == 1


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # undated, a month alone is further off than a weekday: two acts
        ("Gunmen shot a judge outside his home on Monday evening. In March, a magistrate "
         "was kidnapped and held for three days.", 2),
        # a month and a day in it may be one day
        ("Gunmen shot a judge outside his home on March 3. In March, the attack on the "
         "judge shocked the city.", 1),
    ],
)
def test_a_month_and_a_weekday_are_apart(pipeline: Pipeline, text: str, n: int) -> None:
    record = pipeline.extract(make_article(text))  # no publication date
    events = [e for e in record.events if e.category == "ASSAULT"]
    assert len(events) == n, [[m.text for m in e.mentions] for e in events]


@pytest.mark.parametrize("published", [None, "2026-03-04"])
@pytest.mark.parametrize(
    "text",
    [
        # an act placed a month or more back from the story's time is another act, and
        # background ("back in", "N years before", "N years ago")
        "A man was killed and two others were injured in a shooting at a motel in "
        "Springfield, police said. The motel was also the site of a police shooting back "
        "in April.",
        "A bomb exploded in a crowded cafe in Lisbon, killing nine people. Two students "
        "later went on trial for helping to plan the assassination of a judge one year "
        "before.",
        "Gunmen stormed a police station in Kaduna, killing four officers. The station "
        "was bombed two years ago.",
    ],
)
def test_an_act_set_back_from_the_story_is_another_act(
    pipeline: Pipeline, text: str, published: str | None
) -> None:
    record = pipeline.extract(make_article(text, published=published))
    events = sorted((e for e in record.events if e.category == "ASSAULT"),
                    key=lambda e: e.trigger.start)
    assert len(events) == 2, [[m.text for m in e.mentions] for e in events]
    assert [e.status for e in events] == ["asserted", "historical"]


@pytest.mark.parametrize(
    "text",
    [
        # the set-back act told again by "the attack": one act
        "Back in April, gunmen attacked a motel in Springfield. The attack shocked the "
        "town.",
        # counted from another act, not from the story: not set back
        "Gunmen attacked a motel in Springfield on Monday, two years before the trial of "
        "their leader. The attack killed two guards.",
    ],
)
def test_a_set_back_act_told_again_is_one_act(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1, [[m.text for m in e.mentions] for e in events]


def test_the_lead_act_is_no_background_of_its_paragraph(pipeline: Pipeline) -> None:
    # one paragraph: a dated past act told after the lead makes the undated acts around it
    # background, but not the act the report leads with
    text = ("Two men were shot outside a bar in Dover, police said. The bar was also where a "
            "man was stabbed on 3 May 2019.")
    events = sorted(_events(pipeline, text), key=lambda e: e.trigger.start)
    assert [(e.trigger.text, e.status) for e in events] == [
        ("shot", "asserted"), ("stabbed", "historical")]


def test_an_indefinite_act_that_is_the_means_of_coordinated_verbs_is_theirs(
        pipeline: Pipeline) -> None:
    # "in an overnight raid on a village" hangs off the second verb; it is how both acts
    # were done, not a new act
    text = ("Gunmen killed five people and abducted 12 others in an overnight raid on a "
            "village in Kaduna state, police said.")
    events = _events(pipeline, text)
    assert len(events) == 1, [[m.text for m in e.mentions] for e in events]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a headline's deployment retold by the lead: one deployment
        ("Troops deployed to northern border\n\nThe army sent 3,000 troops to the northern "
         "border on Tuesday after militants attacked a border post.", "MOBILIZE"),
        # sanctions announced, then said again by what they do: one sanction
        ("The European Union imposed sanctions on five officials on Monday. The sanctions "
         "freeze their assets in the bloc.", "SANCTION"),
    ],
)
def test_a_deployment_or_a_sanction_told_again_is_one(
        pipeline: Pipeline, text: str, category: str) -> None:
    events = _events(pipeline, text, category)
    assert len(events) == 1, [[m.text for m in e.mentions] for e in events]


def test_the_first_and_the_second_are_two_acts(pipeline: Pipeline) -> None:
    text = ("Two bombs exploded in Kabul on Tuesday. The first blast, near a police station, "
            "killed four officers. The second, an hour later near a market, wounded 11 "
            "civilians.")
    events = _events(pipeline, text)
    first = [e for e in events if any(m.text == "blast" for m in e.mentions)]
    second = [e for e in events if any(m.text == "wounded" for m in e.mentions)]
    assert first and second and first[0] is not second[0]
    assert first[0].outcome is not None and first[0].outcome.dead == 4


def test_a_headline_roll_up_in_the_past_tense_is_the_news(pipeline: Pipeline) -> None:
    # headlines tell the news in the present, however the tagger reads "hit"
    text = ("Two bombings hit Kabul\n\nTwo bombs exploded in Kabul on Tuesday, killing four "
            "officers.")
    roll_up = [e for e in _events(pipeline, text) if e.aggregate]
    assert roll_up and roll_up[0].status == "asserted"


def test_the_lead_retells_the_headline(pipeline: Pipeline) -> None:
    # a protest does not join every protest told before it, but the lead's march is the
    # headline's
    text = ("Protesters march in Caracas\n\nTens of thousands of opposition supporters "
            "marched in Caracas on Saturday to demand early elections.")
    events = _events(pipeline, text, "PROTEST")
    assert len(events) == 1, [[m.text for m in e.mentions] for e in events]


def test_an_indefinite_act_and_its_own_relative_clause_are_one(pipeline: Pipeline) -> None:
    # "an attack ... in which two people were killed": the clause tells the attack itself,
    # though an indefinite noun with its own participants is another act than its
    # sentence's other verbs
    text = ("Man jailed over 2019 chapel attack\n\nA court in Leipzig on Wednesday sentenced a "
            "40-year-old man to life in prison for an attack on a chapel in 2019 in which two "
            "people were killed.")
    events = _events(pipeline, text)
    assert len(events) == 1, [[m.text for m in e.mentions] for e in events]
    assert events[0].outcome is not None and events[0].outcome.dead == 2


def test_an_act_dated_from_the_act_pointed_back_to_is_another(pipeline: Pipeline) -> None:
    # "The attack came a week after militants killed a teacher": "the attack" is the
    # story's shooting; the killing is a week before it, a separate act
    text = ("Two guards shot dead in Baramulla\n\nGunmen shot dead two bank guards in "
            "Baramulla on Wednesday, police said. The attack came a week after militants "
            "killed a teacher in the same district.")
    events = _events(pipeline, text)
    shooting = [e for e in events if any(m.text == "attack" for m in e.mentions)]
    teacher = [e for e in events if any(m.text == "killed" for m in e.mentions)]
    assert shooting and teacher and shooting[0] is not teacher[0]
    assert shooting[0].time is not None and shooting[0].time.date == "2026-03-04"
    assert shooting[0].status == "asserted"
    assert teacher[0].time is not None and teacher[0].time.date == "2026-02-25"


def test_a_clause_harming_the_acts_own_doers_is_another_act(pipeline: Pipeline) -> None:
    # "the robbery where one suspect was shot": someone shot back; not the robbery itself
    text = ("Detectives named a man wanted in a burglary and home invasion in which one "
            "suspect was shot and killed.")
    events = _events(pipeline, text)
    shot = [e for e in events if any(m.text == "shot" for m in e.mentions)]
    assert shot and not any(m.text == "invasion" for m in shot[0].mentions)


def test_a_headline_in_the_present_and_a_lead_in_the_future_are_one(pipeline: Pipeline) -> None:
    # a headline's present tense tells what is coming too; "would" reported by a past
    # "said" is the speaker's "will"
    text = ("Norway expels four Iranian diplomats\n\nNorway said on Friday it would expel "
            "four Iranian diplomats over a plot against a dissident.")
    events = _events(pipeline, text, "SANCTION")
    assert len(events) == 1, [[m.text for m in e.mentions] for e in events]
    assert events[0].status == "future"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The ministry said on Monday it would expel two diplomats.", "future"),
        ("The ministry said it would expel two diplomats if the talks failed.",
         "hypothetical"),
        ("The ministry said it would have expelled the diplomats had they stayed.",
         "hypothetical"),
        ("Experts fear the army would arrest the protest leaders.", "hypothetical"),
    ],
)
def test_would_reported_by_a_past_saying_is_the_future(
        pipeline: Pipeline, text: str, status: str) -> None:
    events = [e for e in pipeline.extract(make_article(text, published="2026-03-04")).events
              if e.category in {"SANCTION", "ASSAULT", "COERCE"}]
    assert events and events[0].status == status


def test_an_attack_claimed_by_a_group_is_claimed(pipeline: Pipeline) -> None:
    # the passive: "claimed by" names the claimant, and "the attack" is no attack on a claim
    text = ("Two soldiers were killed when their patrol was ambushed near Menaka on Sunday. "
            "The attack was claimed by a local armed group.")
    events = _events(pipeline, text)
    assert len(events) == 1
    assert any(m.text == "attack" for m in events[0].mentions)
    resp = events[0].responsibility
    assert resp is not None and resp.claimed_by
    assert "armed group" in resp.claimed_by[0].actor.text


def test_an_act_a_span_before_a_dated_non_event_is_dated_from_it(pipeline: Pipeline) -> None:
    # "reopened on Saturday, three weeks after a bombing killed 53": the bombing is three
    # weeks before that Saturday (and background by then)
    text = ("A market in Quetta reopened on Saturday, three weeks after a bombing there "
            "killed 20 traders.")
    events = _events(pipeline, text)
    assert events and events[0].time is not None and events[0].time.date == "2026-02-07"
    assert events[0].status == "historical"


def test_what_witnesses_saw_happened_and_is_the_headlines_act(pipeline: Pipeline) -> None:
    # "any residents who saw a shooting": generic residents, a particular shooting, the one
    # the headline tells (its relative clause is that shooting too)
    text = ("Three hurt in drive-by shooting in Millbrook\n\nDetectives want to hear from any "
            "residents who saw a drive-by shooting, which hurt three people.")
    events = _events(pipeline, text)
    assert len(events) == 1, [[m.text for m in e.mentions] for e in events]
    assert events[0].status == "asserted"
    assert events[0].outcome is not None and events[0].outcome.injured == 3


def test_an_act_counted_back_is_another_even_without_a_date(pipeline: Pipeline) -> None:
    # no publication date: "five months ago" still sets the act back from the story's own;
    # the existential "there was" carries the time of the act it says was
    text = ("Boy shot during home invasion\n\nA 15-year-old boy was shot during a home "
            "invasion at a farmhouse near Ely on Thursday. There was a home invasion at the "
            "same farmhouse five months ago.")
    record = pipeline.extract(make_article(text))
    old = [e for e in record.events if e.category == "ASSAULT" and e.status == "historical"]
    assert len(old) == 1 and [m.text for m in old[0].mentions] == ["invasion"]
    assert old[0].mentions[0].start > text.index("There was")


def test_the_existential_there_was_carries_the_acts_time(pipeline: Pipeline) -> None:
    events = _events(pipeline, "There was an explosion at the market in Kandahar on Friday.")
    assert events and events[0].time is not None and events[0].time.date == "2026-02-27"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # an act claimed in a statement is an act, and a claim
        ("Two bombers blew themselves up in a market in Kirkuk on Thursday, killing 12 "
         "people. The Islamic State group claimed the attack in a statement.",
         "The Islamic State group"),
        # saying one did it claims it
        ("Gunmen stormed a hotel in Garowe on Saturday, killing nine people. The group said "
         "it carried out the assault.", "The group"),
    ],
)
def test_claims_in_a_statement_and_by_saying_one_did_it(
        pipeline: Pipeline, text: str, claimant: str) -> None:
    events = [e for e in _events(pipeline, text) if e.status == "asserted"]
    assert len(events) == 1
    resp = events[0].responsibility
    assert resp is not None and [c.actor.text for c in resp.claimed_by] == [claimant]


def test_an_act_noun_subject_of_an_act_verb_is_that_act_at_its_time(
        pipeline: Pipeline) -> None:
    text = ("Gunmen stormed a hotel in Garowe on Saturday. A similar attack on a hotel in the "
            "town last year killed 15 people.")
    old = [e for e in _events(pipeline, text) if e.status == "historical"]
    assert len(old) == 1 and {m.text for m in old[0].mentions} == {"attack", "killed"}


def test_an_act_noun_subject_of_a_killing_verb_keeps_the_killing(pipeline: Pipeline) -> None:
    # "the attack" points back to the lead; the bombing a day before did the killing
    text = ("Gunmen killed three police officers in Kandahar on Sunday. The attack came a day "
            "after a suicide bombing killed 12 people in the same district.")
    events = _events(pipeline, text)
    assert len(events) == 2
    by_mentions = {frozenset(m.text for m in e.mentions): e for e in events}
    bombing = by_mentions[frozenset({"bombing", "killed"})]
    assert bombing.outcome is not None and bombing.outcome.dead == 12
    assert bombing.time is not None and bombing.time.date == "2026-02-28"
    lead = next(e for e in events if e is not bombing)
    assert lead.outcome is not None and lead.outcome.dead == 3


def test_its_own_fighters_doing_the_act_is_a_claim(pipeline: Pipeline) -> None:
    text = ("A roadside bomb killed three soldiers near Afgoye on Wednesday. The group said in "
            "a statement that its fighters had carried out the attack.")
    [ev] = _events(pipeline, text)
    assert ev.responsibility is not None
    assert [c.actor.text for c in ev.responsibility.claimed_by] == ["The group"]


def test_the_headline_suspect_and_the_body_man_are_one_arrest(pipeline: Pipeline) -> None:
    text = ("Police arrest suspect in tram stop stabbing\n\nPolice on Tuesday arrested a "
            "27-year-old man suspected of stabbing two people at a tram stop on Sunday.")
    [ev] = _events(pipeline, text, "COERCE")
    assert ev.outcome is not None and ev.outcome.arrested == 1


def test_a_day_of_an_act_to_come_dates_no_other(pipeline: Pipeline) -> None:
    text = ("Riot police used tear gas to disperse protesters outside parliament late on "
            "Thursday. Opposition leaders said they would hold another rally on Saturday. "
            "Several journalists said they had been beaten by officers.")
    [beaten] = _events(pipeline, text)
    assert beaten.time is None or beaten.time.date != "2026-02-28"


def test_a_weapon_brought_in_with_a_is_another_act(pipeline: Pipeline) -> None:
    # "a car bomb" in a later sentence is another bomb; "a roadside bomb" that killed and
    # wounded is one act told by two verbs
    text = ("Two suicide bombers blew themselves up in a market in central Baghdad on "
            "Thursday, killing at least 32 people. Hours later, a car bomb exploded near a "
            "checkpoint in the northern city of Kirkuk, wounding five soldiers.")
    assert len(_events(pipeline, text)) == 2
    one = _events(pipeline, "A roadside bomb killed two soldiers and wounded four others in "
                            "the province on Monday, police said.")
    assert len(one) == 1 and one[0].outcome is not None and one[0].outcome.injured == 4


def test_many_acts_take_no_day_from_another_act(pipeline: Pipeline) -> None:
    text = ("The interior minister on Monday threatened to ban the opposition party. Security "
            "forces have arrested dozens of party members in recent weeks.")
    [ev] = [e for e in _events(pipeline, text, "COERCE") if e.status == "asserted"]
    assert ev.aggregate and (ev.time is None or ev.time.date != "2026-03-02")


def test_a_blast_pointing_back_joins_what_it_names(pipeline: Pipeline) -> None:
    # "the blast" as the subject of a verb joins the act it points back to, as before
    text = ("A suicide bomber rammed a truck into a police station in the city on Monday, "
            "killing four people. The blast damaged several shops nearby.")
    events = _events(pipeline, text)
    assert len(events) == 1
