"""The dateline gives a place and, for undated articles, a reference date (own texts)."""

from __future__ import annotations

import pytest

from eventwire.model import make_article

from .records import first_assault

pytestmark = pytest.mark.model


def test_dateline_city_places_an_event_the_sentence_does_not_place(pipeline):
    text = ("KHARKIV, Ukraine (Wire) — A car bomb killed two soldiers on Monday, the regional "
            "governor said.\n\nNo group has claimed responsibility.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-04")))
    assert ev.place is not None and ev.place.name == "Kharkiv" and ev.place.country == "UA"
    assert text[ev.place.start:ev.place.end] == ev.place.text == "KHARKIV"


def test_dateline_glued_to_a_headline_is_still_found(pipeline):
    text = ("Man wounded outside a barDETROIT (WDTV) — A man was shot and wounded on Friday "
            "night, police said.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-07")))
    assert ev.place is not None and ev.place.name == "Detroit"


def test_a_full_date_in_the_head_dates_an_undated_article(pipeline):
    text = ("Updated March 3, 2026\n\nGunmen shot a judge outside a courthouse on Friday, "
            "police said.")
    ev = first_assault(pipeline.extract(make_article(text)))
    assert ev.time is not None and ev.time.date == "2026-02-27"
    assert ev.time.anchor == "text"  # from the article's own words, not a publication date


def test_without_any_date_relative_times_stay_unresolved(pipeline):
    text = "Gunmen shot a judge outside a courthouse on Friday, police said."
    ev = first_assault(pipeline.extract(make_article(text)))
    assert ev.time is None or (ev.time.date is None and ev.time.anchor == "none")


def test_a_small_town_dateline_after_a_glued_headline_gives_the_city(pipeline):
    # the town is too small for the gazetteer; its state makes the dateline a dateline
    title = "Clerk hurt in store holdup"
    text = (title + "PLOVERTON, Ala. (WXYZ) — A store clerk was shot and wounded on Friday "
            "night, police said.")
    ev = first_assault(pipeline.extract(make_article(text, title=title,
                                                     published="2026-03-07")))
    assert ev.place is not None and ev.place.city == "Ploverton"
    assert ev.place.admin1 == "Alabama" and ev.place.geonameid is None


def test_a_street_carries_the_report_city(pipeline):
    text = ("DETROIT (WDTV) — A man was shot and killed on Elmwood Street on Friday night, "
            "police said.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-07")))
    assert ev.place is not None and ev.place.city == "Detroit"


def test_an_undated_shooting_takes_the_day_named_just_before_it(pipeline):
    text = ("Police were called to a house on Tuesday night after neighbours heard shouting. "
            "A woman was shot in the arm. She is expected to recover.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-05")))
    assert ev.time is not None and ev.time.date == "2026-03-03"


def test_a_clock_time_alone_does_not_date_an_event(pipeline):
    text = "Officers arrived at about 11 p.m. A teenager had been shot in the leg."
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-05")))
    assert ev.time is None or ev.time.text != "11 p.m."


def test_the_local_police_force_gives_the_city(pipeline):
    text = ("A 30-year-old man was shot outside a convenience store late Tuesday. "
            "Fresno police are asking witnesses to come forward.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-05")))
    assert ev.place is not None and (ev.place.name, ev.place.country) == ("Fresno", "US")
    assert ev.place.city == "Fresno"


def test_a_county_sheriff_gives_no_city(pipeline):
    text = ("A hunter was shot in the woods on Saturday. "
            "The Marion County Sheriff's Office is investigating.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-05")))
    assert ev.place is None or ev.place.name != "Marion"


def test_a_dateline_glued_to_an_outlet_name_ending_in_a_digit(pipeline):
    text = ("Man hurt in east side shooting | Channel 12DAYTON, Ohio (March 6, 2026)–A man "
            "was shot and wounded outside a bar late Thursday, police said.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-07")))
    assert ev.place is not None and ev.place.city == "Dayton"
    assert ev.place.admin1 == "Ohio"


def test_the_day_the_incident_happened_dates_the_attack(pipeline):
    text = ("A man was shot in the arm outside a bar, police said. Officers arrived within "
            "minutes and found him on the sidewalk. A witness said two men ran toward a "
            "parking lot. Detectives have not named a suspect. The incident happened "
            "Saturday night near Elm Street.")
    ev = first_assault(pipeline.extract(make_article(text, published="2026-03-10")))
    assert ev.time is not None and ev.time.date == "2026-03-07"  # that Saturday


def test_a_glued_dateline_with_its_date_parts_headline_and_body(pipeline):
    text = ("Two guards hurt in blasts in NepalPOKHARA, Nepal, Oct. 3 (Xinhua) -- Two guards "
            "were hurt in an explosion in Pokhara on Friday night, police said.")
    rec = pipeline.extract(make_article(text))
    places = {e.place.name for e in rec.events if e.place is not None}
    assert "Pokhara" in places
    assert all("NepalPOKHARA" not in (e.trigger.text + (e.place.text if e.place else ""))
               for e in rec.events)
