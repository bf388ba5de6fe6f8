"""Records of political news the rules had misread, found in an audit of unseen articles
(round 16), each on sentences of our own: a candidate's rally read as a protest, a march
that is progress or support, vows and warnings that threaten nothing, a speaker's own
regret read as a threat, and measures planned or called for told as done."""

from __future__ import annotations

import pytest

from eventwire.model import Event
from eventwire.nlp.pipeline import Pipeline

from .records import incidents_in as _incidents


def _with(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if any(m.text == trigger for m in e.mentions)]
    assert found, [(e.category, [m.text for m in e.mentions]) for e in events]
    return found[0]


def _categories(pipeline: Pipeline, text: str) -> list[str]:
    return [e.category for e in _incidents(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        # the sentence speaks of a campaign: the rally is the candidate's event
        "The Republican nominee kept speaking at a rally in Omaha as guards led a heckler "
        "away.",
        "In interview after interview, and debate after debate, and rally after rally, the "
        "governor questioned her rival's record.",
        "The campaign said it was postponing a Friday rally that was to follow the speech.",
        # ... or the sentence before it, in the same paragraph
        "The candidate flew to Ohio on his own jet. At a rally that night in Toledo, Smith "
        "invited the mayor onto the stage.",
        # a person acts at it, through a verb's complement
        "Senator Ruiz kept talking at a rally in Tucson while the crowd cheered.",
    ],
)
def test_a_candidates_rally_is_no_protest(pipeline: Pipeline, text: str) -> None:
    assert "PROTEST" not in _categories(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # guards: a rally against something, by protesters, or for a demand, is a protest
        "Thousands of protesters held a rally in Caracas on Saturday against the government.",
        "At a rally in Kiev, thousands demanded that the president resign.",
        "Students staged an anti-war rally outside the candidate's campaign office.",
        # ... and so is one in a sentence that names no campaign
        "At a rally in Toledo, thousands chanted slogans.",
    ],
)
def test_a_protest_rally_stays_a_protest(pipeline: Pipeline, text: str) -> None:
    assert "PROTEST" in _categories(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Voters are empowering parties to upend the continent's long march toward a common "
        "union.",
        "The fight underscored the resolve of his backers to undermine her almost certain "
        "march to the nomination.",
        "He said his members would march behind the governor on the issue of taxes.",
    ],
)
def test_a_march_that_is_progress_or_support_is_no_protest(pipeline: Pipeline,
                                                          text: str) -> None:
    assert "PROTEST" not in _categories(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # guards: a march to a place, or behind a banner, is a walk
        "Thousands marched to the parliament on Sunday.",
        "Protesters began a long march toward the capital.",
        "The veterans marched behind a banner calling for peace.",
    ],
)
def test_a_march_to_a_place_stays_a_protest(pipeline: Pipeline, text: str) -> None:
    assert "PROTEST" in _categories(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # a vow is a threat only by what it vows
        "The agency's vow that tax returns will be kept private is worth little.",
        # to warn against something is to advise against it
        "In her holiday speech, the chancellor warned against the forces of hatred in the "
        "country.",
        # a speaker's own regret threatens nobody
        'The officer agreed to talk on condition that his surname not be used. "I thought I '
        'would regret it if I did not," he said.',
    ],
)
def test_words_that_threaten_nothing(pipeline: Pipeline, text: str) -> None:
    assert "THREATEN" not in _categories(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # guards: what is vowed or warned of is force, or the threat is made to others
        "The militia's vow to kill the hostages shocked the town.",
        "The militia vowed to kill the hostages unless the ransom was paid.",
        "The army warned that it would shell the town if the rebels did not leave.",
        "The rebels warned the government of a harsh response.",
        "The rebels vowed revenge against the army.",
        '"You will regret this," the commander told the villagers.',
    ],
)
def test_threats_made_stay_threats(pipeline: Pipeline, text: str) -> None:
    assert "THREATEN" in _categories(pipeline, text)


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # an intention's noun and its infinitive: planned, as "planned to deport"
        ("The mayor has a simple answer to the senator's plan to deport thousands of "
         "migrants: no.", "deport", "future"),
        ("The militants' plan to stage a protest in the square drew criticism.", "protest",
         "future"),
        # a request's infinitive the parser hangs on the verb is still the request's
        ("She condemned his repeated calls to ban all foreign students from the country.",
         "ban", "hypothetical"),
        ("The mayor rejected the calls to deport the strikers on Monday.", "deport",
         "hypothetical"),
        # guards: an attempt was made; an infinitive of purpose is no request
        ("An attempt to kill the governor failed on Monday.", "kill", "asserted"),
        ("Police arrested 14 students on Monday to stop the march.", "arrested", "asserted"),
    ],
)
def test_measures_planned_or_called_for_are_not_done(pipeline: Pipeline, text: str,
                                                     trigger: str, status: str) -> None:
    assert _with(_incidents(pipeline, text), trigger).status == status


@pytest.mark.parametrize(
    "text",
    [
        # a law's ban on a kind of weapon or a civil practice is a policy
        "The judge struck down the state's ban on same-sex marriage last year.",
        "The mayor wants the old assault weapons ban restored.",
        "The police are banning guns inside the stadium during the final.",
    ],
)
def test_a_law_banning_a_practice_is_no_incident(pipeline: Pipeline, text: str) -> None:
    assert _categories(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # guards: a gathering, a newspaper, people banned are coerced; a travel ban on
        # officials is a sanction
        ("The government banned the opposition rally on Monday.", "COERCE"),
        ("Authorities banned two newspapers on Tuesday.", "COERCE"),
        ("The army imposed a curfew and a ban on gatherings in the city.", "COERCE"),
        ("The government imposed a travel ban on five officials.", "SANCTION"),
    ],
)
def test_bans_on_people_and_gatherings_stay(pipeline: Pipeline, text: str,
                                            category: str) -> None:
    assert category in _categories(pipeline, text)


def _undated(pipeline: Pipeline, text: str) -> list[Event]:
    """The incident records of a text with no publication date."""
    return _incidents(pipeline, text, published=None)


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # no publication date: a year, or a month of a year, dates background in a report
        # that tells its news by weekdays
        ("Marchers paused on Sunday outside the bar. The bar was raided by police in 1969.",
         "raided", "historical"),
        ("Crowds gathered on Monday outside the chapel. A gunman killed seven worshippers "
         "in the chapel in June 2015.", "killed", "historical"),
        # ... and "last year" is a year back whatever the day of writing
        ("Police arrested two men on Tuesday. After a mass shooting last year in Roseburg, "
         "she issued a plan.", "shooting", "historical"),
        # guards: the weekday's act is the news; a report with no weekday may tell its news
        # by its month
        ("Police arrested two men on Tuesday. After a mass shooting last year in Roseburg, "
         "she issued a plan.", "arrested", "asserted"),
        ("Rebels attacked the town in March 2014, killing 12 people, officials said.",
         "attacked", "asserted"),
    ],
)
def test_an_act_a_year_back_in_a_report_without_a_date(pipeline: Pipeline, text: str,
                                                        trigger: str, status: str) -> None:
    assert _with(_undated(pipeline, text), trigger).status == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # what a side wants another to do is wished, not done
        ("The cleric wants nuclear weapons to murder us, the senator said.", "murder",
         "hypothetical"),
        ("The militia wants its fighters to seize the airport.", "seize", "hypothetical"),
        # an act noun said only to happen, under a modal
        ("They were discussing a situation in which the assassination of the president "
         "might have to be carried out.", "assassination", "hypothetical"),
        # what is excepted is not done
        ("The congressman said he would consider anything short of shooting migrants to "
         "remove them.", "shooting", "hypothetical"),
        # guards: carried out, took place, and a modal on a verb of result
        ("The assassination was carried out by two gunmen on Monday.", "assassination",
         "asserted"),
        ("The bombing took place on Monday in the market.", "bombing", "asserted"),
        ("The attack could have killed many more people, police said.", "attack",
         "asserted"),
    ],
)
def test_acts_wished_excepted_or_only_possible(pipeline: Pipeline, text: str, trigger: str,
                                               status: str) -> None:
    assert _with(_incidents(pipeline, text), trigger).status == status


def test_an_explosion_of_services_is_a_boom(pipeline: Pipeline) -> None:
    text = "Shop owners worry about the explosion of delivery apps in the city."
    assert _categories(pipeline, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Her poll numbers fell once she stepped up her attacks and crude insults against the "
        "mayor.",
        "The judge has faced insults and attacks since the ruling.",
    ],
)
def test_attacks_told_with_insults_are_words(pipeline: Pipeline, text: str) -> None:
    assert "ASSAULT" not in _categories(pipeline, text)


def test_attacks_told_with_kidnappings_stay(pipeline: Pipeline) -> None:
    text = "Gunmen carried out attacks and kidnappings in the province on Monday."
    assert "ASSAULT" in _categories(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "nothing to protest": there is no such act
        ('"There is nothing to protest," the senator said.', []),
        ("They have nothing to protest about, she said.", []),
        # guard: an infinitive of purpose is the act
        ("Thousands gathered on Monday to protest the ruling.", ["PROTEST"]),
    ],
)
def test_nothing_to_protest(pipeline: Pipeline, text: str, expected: list[str]) -> None:
    assert _categories(pipeline, text) == expected


def test_explosions_that_are_blasts_stay(pipeline: Pipeline) -> None:
    assert "ASSAULT" in _categories(pipeline, "Two explosions rocked the market on Sunday.")


# -- left as they are, written down ------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="a protester named in the sentence keeps the "
                   "candidate's rally a protest; the protester's act is no record")
def test_a_heckler_at_a_candidates_rally(pipeline: Pipeline) -> None:
    text = ("The nominee kept speaking at a rally in Omaha as guards tackled a protester and "
            "carried him away.")
    found = _incidents(pipeline, text)
    assert not any(e.category == "PROTEST" and any(m.text == "rally" for m in e.mentions)
                   for e in found)
