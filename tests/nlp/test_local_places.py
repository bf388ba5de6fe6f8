"""Where a local crime report happened: towns the NER misses, city quarters, the outlet's
city in a page title (own texts; the model is the point)."""

from __future__ import annotations

import pytest

from eventwire.model import make_article

pytestmark = pytest.mark.model


def _assault(pipeline, text, **kw):
    record = pipeline.extract(make_article(text, published="2026-03-07", **kw))
    found = [e for e in record.events if e.category == "ASSAULT"]
    assert found, [e.category for e in record.events]
    return max(found, key=lambda e: e.confidence)


def test_a_town_after_a_locative_preposition(pipeline):
    ev = _assault(pipeline, "Deputies are searching for a gunman after a teenager was shot "
                            "and wounded in Sioux Falls late on Friday.")
    assert ev.place is not None and ev.place.city == "Sioux Falls"
    assert ev.place.admin1 == "South Dakota"


def test_a_town_naming_the_victim_in_a_glued_headline(pipeline):
    title = "Macon woman wounded outside gas station | KXYZ News"
    body = "A woman was shot in the arm early Sunday while she pumped gas, deputies said."
    ev = _assault(pipeline, title + body, title=title)
    assert ev.place is not None and ev.place.city == "Macon"


def test_the_outlets_city_in_the_title_is_not_the_events_place(pipeline):
    title = "Clerk wounded in overnight holdup « KXYZ Dallas"
    body = "A store clerk was shot and wounded during a robbery overnight, police said."
    ev = _assault(pipeline, title + body, title=title)
    assert ev.place is None or ev.place.city != "Dallas"


def test_a_quarter_of_the_city_whose_police_investigate(pipeline):
    ev = _assault(pipeline, "Philadelphia police said a man was shot three times in "
                            "Fishtown shortly after midnight on Sunday.")
    assert ev.place is not None and ev.place.text == "Fishtown"
    assert ev.place.city == "Philadelphia" and ev.place.precision == "neighbourhood"


def test_a_quarter_named_as_a_section_of_a_city(pipeline):
    ev = _assault(pipeline, "A man was shot and killed on Saturday in the Van Nuys "
                            "section of Los Angeles, the coroner said.")
    assert ev.place is not None and ev.place.city == "Los Angeles"


def test_a_city_inside_a_site_phrase(pipeline):
    ev = _assault(pipeline, "A woman was shot in a downtown Omaha parking lot on "
                            "Tuesday evening, police said.")
    assert ev.place is not None and ev.place.city == "Omaha"


def test_a_force_abbreviation_gives_its_city(pipeline):
    text = ("A man was shot and killed outside a liquor store on Friday night. LAPD "
            "detectives are looking for two men who drove away in a white sedan.")
    ev = _assault(pipeline, text)
    assert ev.place is not None and ev.place.city == "Los Angeles"


def test_a_hyphenated_place_name_is_read_whole(pipeline):
    ev = _assault(pipeline, "Gunmen killed three guards at a checkpoint near "
                            "Mazar-i-Sharif on Friday.")
    assert ev.place is not None and ev.place.text == "Mazar-i-Sharif"
    assert ev.place.country == "AF" and ev.place.precision == "city"


def test_one_unnamed_victim_shot_is_one_injured(pipeline):
    ev = _assault(pipeline, "Police said a gunman shot a woman in the leg outside a "
                            "laundromat in Tulsa on Friday night.")
    assert ev.outcome is not None and (ev.outcome.dead, ev.outcome.injured) == (0, 1)


def test_a_hyphenated_town_the_ner_calls_an_organisation(pipeline):
    ev = _assault(pipeline, "A car bomb killed four people in Wilkes-Barre on Sunday, "
                            "police said.")
    assert ev.place is not None and ev.place.city == "Wilkes-Barre"


def test_the_neighborhood_of_the_report_s_own_city(pipeline):
    ev = _assault(pipeline, "A woman was injured by a Chicago police officer late Friday "
                            "in the Austin neighborhood, officials said.")
    assert ev.place is not None and ev.place.city == "Chicago"
    assert ev.place.precision == "neighbourhood"


def test_a_venue_is_in_its_citys_country_and_state(pipeline):
    # an unresolved venue has no country of its own: the city it lies in gives it one, so
    # the record says where in the world the shooting was, not only the building's name
    text = ("DENVER (AP) — Two men were shot and wounded late Friday outside the Harbor "
            "Lights Arena, police said.")
    ev = _assault(pipeline, text)
    assert ev.place is not None and ev.place.city == "Denver"
    assert (ev.place.country, ev.place.admin1) == ("US", "Colorado")


def test_the_place_of_the_verb_an_attack_is_the_means_of(pipeline):
    # "in a city in ..." hangs off "died"; the attack is how they died, so it is its place
    ev = _assault(pipeline, "At least two people died in a suicide attack on a police "
                            "station in a town near Kandahar on Friday.")
    assert ev.place is not None and ev.place.country == "AF"


def test_a_planned_act_of_a_local_report_is_in_the_dateline_city(pipeline):
    text = ("ROCKFORD, Ill. (AP) — The nurses' union says its members may protest outside the "
            "hospital next week. The hospital denied that guards had beaten a nurse.")
    record = pipeline.extract(make_article(text, published="2026-03-07"))
    [protest] = [e for e in record.events if e.category == "PROTEST"]
    assert protest.status == "hypothetical"
    assert protest.place is not None and protest.place.city == "Rockford"
    [denied] = [e for e in record.events if e.category == "ASSAULT"]
    assert denied.status == "negated" and denied.place is None


def test_a_place_name_with_a_is_a_person_not_the_report_city(pipeline):
    text = ("Ana Ruiz, 35 - Crime Report\n\nAna Ruiz, a young Latina, was found shot in her "
            "car on Sunday, deputies said.")
    ev = _assault(pipeline, text)
    assert ev.place is None or ev.place.name != "Latina"


def test_a_newspaper_named_for_its_city_is_not_the_report_city(pipeline):
    text = ("Denver Post Story Questions Crime Figures\n\nA man was shot dead outside a bar on "
            "Friday, police said.")
    ev = _assault(pipeline, text)
    assert ev.place is None
    text = ("Man shot dead in Springfield\n\nA man was shot dead outside a bar on Friday, "
            "police said.")
    ev = _assault(pipeline, text)
    assert ev.place is not None and ev.place.name == "Springfield"


# No city says where: the county, state or province of the act's sentence does (own texts)


def test_the_province_of_the_acts_sentence_when_no_city_says_where(pipeline):
    ev = _assault(pipeline, "A man was shot dead on Friday night as violence flared again "
                            "in Northern Ireland.")
    assert ev.place is not None and ev.place.admin1 == "Northern Ireland"
    assert ev.place.country == "GB" and ev.place.precision == "region"


def test_a_county_of_the_acts_sentence(pipeline):
    ev = _assault(pipeline, "Two hunters were wounded by gunfire on Sunday while deer "
                            "season opened in Jefferson County, Colorado.")
    assert ev.place is not None and ev.place.country == "US"
    assert ev.place.admin1 == "Colorado"


def test_a_country_of_the_acts_sentence_is_too_coarse(pipeline):
    ev = _assault(pipeline, "A man was shot dead on Friday night as violence flared again "
                            "in Ireland.")
    assert ev.place is None


def test_a_denied_act_takes_no_area(pipeline):
    record = pipeline.extract(make_article(
        "The army denied that its soldiers had shot any protesters while unrest spread "
        "in Northern Ireland.", published="2026-03-07"))
    denied = [e for e in record.events if e.category == "ASSAULT"]
    assert denied and all(e.place is None for e in denied if e.status == "negated")


@pytest.mark.parametrize("text", [
    "Soldiers were sent to Mosul after the attack on the checkpoint.",
    "Paratroopers moved in to the Creggan area of Derry on Friday.",
])
def test_forces_deployed_are_where_they_were_sent(pipeline, text):
    record = pipeline.extract(make_article(text, published="2026-03-07"))
    ev = next(e for e in record.events if e.category == "MOBILIZE")
    assert ev.place is not None and ev.place.name in {"Mosul", "Creggan"}, ev.place


@pytest.mark.parametrize(("text", "city"), [
    # a place named with its city's possessive stands in that city
    # (Trump Tower is also a landmark of the lexicon: the city, not the state, wins)
    ("Demonstrators gathered at New York's Trump Tower to burn a flag.",
     "New York City"),
    ("A bomb exploded at Kabul's Serena Hotel on Monday.", "Kabul"),
])
def test_a_city_possessive_places_the_site(pipeline, text, city):
    record = pipeline.extract(make_article(text, published="2026-03-07"))
    ev = next(e for e in record.events if e.category in {"ASSAULT", "PROTEST"})
    assert ev.place is not None and ev.place.name == city, ev.place


@pytest.mark.parametrize(("text", "city", "country"), [
    # a landmark the news names instead of its city stands in that city, also where the
    # NER takes it for an organisation or a gazetteer namesake exists (White House, Tenn.;
    # Casablanca is "the white house" in Arabic)
    ("Hundreds of people protested outside the White House on Tuesday.", "Washington", "US"),
    ("A man was arrested near the White House after he climbed the fence.", "Washington", "US"),
    ("Police detained dozens of protesters in Red Square on Sunday.", "Moscow", "RU"),
    ("Riot police fired tear gas at demonstrators in Taksim Square.", "Istanbul", "TR"),
    ("Officers were deployed around Trump Tower in New York after the vote.",
     "New York City", "US"),
])
def test_a_landmark_stands_in_its_city(pipeline, text, city, country):
    record = pipeline.extract(make_article(text, published="2026-03-07"))
    ev = next(e for e in record.events if e.category in {"PROTEST", "COERCE", "MOBILIZE",
                                                          "ASSAULT"})
    assert ev.place is not None and (ev.place.city, ev.place.country) == (city, country), (
        ev.place)
    assert text[ev.place.start:ev.place.end] == ev.place.text  # the words it was read from


def test_a_landmark_named_as_a_speaker_places_nothing(pipeline):
    record = pipeline.extract(make_article(
        "Gunmen killed three soldiers near the border, the White House said on Monday.",
        published="2026-03-07"))
    ev = next(e for e in record.events if e.category == "ASSAULT")
    assert ev.place is None or ev.place.country != "US", ev.place


def test_a_landmark_in_a_modifier_is_no_place(pipeline):
    record = pipeline.extract(make_article(
        "The blogger suggested the aide might have been killed in a White House conspiracy.",
        published="2026-03-07"))
    for ev in record.events:
        assert ev.place is None or ev.place.city != "Washington", ev.place


@pytest.mark.parametrize(("text", "trigger", "city"), [
    # a capital described by its country is that country's capital
    ("A car bomb exploded near a police station in the Afghan capital on Monday.",
     "exploded", "Kabul"),
    ("Protesters clashed with police in the capital of Kenya on Tuesday.", "clashed",
     "Nairobi"),
    # a city described by its country is the city of that country the article names
    ("Security has been stepped up in France's third-largest city after a bomb exploded "
     "outside a bakery in Lyon on Friday.", "stepped", "Lyon"),
    ("Gunmen attacked a hotel in a city in northern Mali on Sunday. The attack in Timbuktu "
     "killed three guards.", "attacked", "Timbuktu"),
])
def test_a_described_city(pipeline, text, trigger, city):
    record = pipeline.extract(make_article(text, published="2026-03-07"))
    ev = next(e for e in record.events
              if any(text[m.start:m.end] == trigger for m in e.mentions))
    assert ev.place is not None and ev.place.city == city, ev.place
    assert text[ev.place.start:ev.place.end] == ev.place.text


def test_a_described_city_among_two_named_as_often_stays_the_country(pipeline):
    text = ("Troops were deployed in a town in eastern Ukraine on Monday. The mayors of "
            "Kharkiv and Dnipro welcomed them.")
    record = pipeline.extract(make_article(text, published="2026-03-07"))
    ev = next(e for e in record.events if e.category == "MOBILIZE")
    assert ev.place is None or ev.place.city is None, ev.place


@pytest.mark.parametrize(("text", "city"), [
    # the country on a strike's noun is who struck, not where
    ("US airstrikes killed 30 civilians near Kunduz on Thursday, officials said.", "Kunduz"),
    ("Russian shelling killed four people in Kharkiv overnight.", "Kharkiv"),
    # a city on the noun says where
    ("A Moscow shooting left two people dead on Friday.", "Moscow"),
])
def test_the_strikers_country_is_not_the_place(pipeline, text, city):
    ev = _assault(pipeline, text)
    assert ev.place is not None and ev.place.city == city, ev.place
