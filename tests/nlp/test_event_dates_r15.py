"""The twelfth round of the event dates (branch ``dates-r15``, ``stages/dates.py``):
invented reports, one way news dates an act each, for the constructions issue 14 names:
which clause's time dates the act, a time in a subordinate "after" or "before" clause,
parts of days and clock times with a weekday, a weekday in a report published that day,
the headline's day, follow-up reports."""

from __future__ import annotations

import pytest

from eventwire.model import make_article

pytestmark = pytest.mark.model

# (published, headline or None, text, a word of the act's mention, the day the codebook
# wants: a month "YYYY-MM" wants any day of it). The headline opens the page's text.
_REPORTS = [
    pytest.param(
        '2026-05-13', None,
        'Police said on Monday that gunmen had shot a shopkeeper in the old town on Saturday.',
        'shot', '2026-05-09', id='said_monday_shot_saturday'),
    pytest.param(
        '2026-05-13', None,
        'Soldiers who arrived in the valley on Sunday shot dead two farmers on Monday, '
        'villagers said.',
        'shot', '2026-05-11', id='who_arrived_sunday_shot_monday'),
    pytest.param(
        '2026-05-13', None,
        'Gunmen killed a judge outside his home on Tuesday, a day after he jailed a '
        'militia leader.',
        'killed', '2026-05-12', id='killed_tuesday_day_after_ruling'),
    pytest.param(
        '2026-05-15', None,
        'Police arrested two brothers on Thursday in the killing of a bus driver who was '
        'shot dead on Tuesday.',
        'arrested', '2026-05-14', id='arrested_thursday_of_shot_tuesday'),
    pytest.param(
        '2026-05-15', None,
        'Police arrested two brothers on Thursday in the killing of a bus driver who was '
        'shot dead on Tuesday.',
        'shot dead', '2026-05-12', id='victim_shot_tuesday_arrest_thursday'),
    pytest.param(
        '2026-05-11', None,
        'Riot police fired tear gas on Sunday after protesters set fire to a police '
        'station on Saturday night.',
        'fired tear gas', '2026-05-10', id='teargas_sunday_after_arson_saturday'),
    pytest.param(
        '2026-05-11', None,
        'Riot police fired tear gas on Sunday after protesters set fire to a police '
        'station on Saturday night.',
        'set fire', '2026-05-09', id='arson_saturday_in_after_clause',
        marks=pytest.mark.xfail(strict=True, reason=(
            "the sentence's nearest day is taken; the act's own clause first cost "
            "GVDB's held-out half a page (EVALUATION.md, dates round 12)"))),
    pytest.param(
        '2026-05-13', None,
        'After a bomb exploded near the stadium on Saturday, police detained dozens of '
        'young men on Monday.',
        'detained', '2026-05-11', id='detained_after_bomb_saturday'),
    pytest.param(
        '2026-05-13', None,
        'After a bomb exploded near the stadium on Saturday, police detained dozens of '
        'young men on Monday.',
        'exploded', '2026-05-09', id='bomb_saturday_in_after_clause'),
    pytest.param(
        '2026-05-13', None,
        'Two days before the election on Sunday, gunmen shot dead a candidate in the north.',
        'shot dead', '2026-05-08', id='before_clause_day_not_act'),
    pytest.param(
        '2026-05-11', None,
        'A gunman killed two people at a bar at 11 p.m. Friday, police said.',
        'killed', '2026-05-08', id='eleven_pm_friday'),
    pytest.param(
        '2026-05-13', None,
        'Two men were shot Tuesday night outside a convenience store on the east side.',
        'shot', '2026-05-12', id='tuesday_night_passive'),
    pytest.param(
        '2026-05-11', None,
        'A man stabbed three people at a nightclub shortly after midnight Sunday, officers said.',
        'stabbed', '2026-05-10', id='shortly_after_midnight_sunday'),
    pytest.param(
        '2026-05-10', None,
        'A police officer was wounded in a shootout around 2:30 a.m. Saturday in the '
        'harbour district.',
        'wounded', '2026-05-09', id='around_230_am_saturday'),
    pytest.param(
        '2026-05-15', None,
        'Late Thursday, militants fired rockets at a border town, wounding a child.',
        'fired rockets', '2026-05-14', id='late_thursday_opener'),
    pytest.param(
        '2026-05-10', None,
        'Saturday evening, a man stabbed three commuters at the central train station.',
        'stabbed', '2026-05-09', id='saturday_evening_opener'),
    pytest.param(
        '2026-05-11', None,
        'The shooting happened at about 4:15 p.m. on Friday afternoon near a school, police said.',
        'shooting', '2026-05-08', id='friday_afternoon_clock_then_day'),
    pytest.param(
        '2026-05-13', None,
        'Masked men torched three cars in the early hours of Wednesday, residents said.',
        'torched', '2026-05-13', id='early_hours_wednesday_on_wednesday'),
    pytest.param(
        '2026-05-13', None,
        'Gunmen shot dead a traffic policeman in the city on Wednesday morning.',
        'shot dead', '2026-05-13', id='same_day_wednesday_morning'),
    pytest.param(
        '2026-05-15', None,
        'Police fired tear gas at students marching on parliament on Friday.',
        'fired tear gas', '2026-05-15', id='same_day_friday_teargas'),
    pytest.param(
        '2026-05-11', None,
        'A gunman opened fire on worshippers at about 9 a.m. Monday, killing two.',
        'opened fire', '2026-05-11', id='same_day_monday_clock'),
    pytest.param(
        '2026-05-11', 'Two killed in Saturday shooting at shopping mall',
        'Two people were killed and three wounded when a gunman opened fire inside a '
        'shopping mall. The gunman fled in a grey car, police said.',
        'opened fire', '2026-05-09', id='headline_saturday_shooting'),
    pytest.param(
        '2026-05-11', 'Police shoot armed man Sunday night after standoff',
        'Officers shot a man who pointed a rifle at them after a four-hour standoff at a '
        'farmhouse. He was taken to hospital in a serious condition.',
        'shot', '2026-05-10', id='headline_sunday_night'),
    pytest.param(
        '2026-05-13', 'Man shot dead in car park Tuesday',
        'A 40-year-old man was shot dead in a supermarket car park at about 8 p.m. Police'
        ' are looking for two men seen running from the scene.',
        'shot dead', '2026-05-12', id='headline_weekday_clock_body'),
    pytest.param(
        '2026-05-13', None,
        'A man has been charged with murder in the fatal shooting of a taxi driver on '
        "April 28. Police arrested him on Tuesday at his mother's house.",
        'shooting', '2026-04-28', id='followup_charged_shot_april_28'),
    pytest.param(
        '2026-05-13', None,
        'A man has been charged with murder in the fatal shooting of a taxi driver on '
        "April 28. Police arrested him on Tuesday at his mother's house.",
        'arrested', '2026-05-12', id='followup_arrest_day'),
    pytest.param(
        '2026-05-13', None,
        'Prosecutors on Monday charged a teenager in the May 2 stabbing of a classmate.',
        'stabbing', '2026-05-02', id='followup_prosecutors_monday_may_2'),
    pytest.param(
        '2026-05-13', None,
        'The family of a man shot dead by police last Thursday demanded an inquiry on Monday.',
        'shot dead', '2026-05-07', id='followup_last_thursday'),
    pytest.param(
        '2026-05-13', None,
        'Hundreds of mourners attended the funeral on Tuesday of a student who was killed'
        ' by a stray bullet during clashes on Saturday.',
        'killed', '2026-05-09', id='followup_funeral_of_victim'),
    pytest.param(
        '2026-05-13', None,
        'A court on Tuesday jailed a man for life for a bomb attack on a bus. The bomb '
        'killed four passengers in March 2024.',
        'killed', '2024-03', id='followup_sentence_retold'),
    pytest.param(
        '2026-05-13', None,
        'It all began around 10 a.m. Wednesday when a clerk reported a stolen car. '
        'Deputies chased the car to a farm, where the driver fired at them. A deputy shot'
        ' him dead.',
        'shot him dead', '2026-05-13', id='it_started_wednesday_then_shot'),
    pytest.param(
        '2026-05-13', None,
        'A man was shot dead late Tuesday in what police called a targeted attack.',
        'shot dead', '2026-05-12', id='late_tuesday_targeted'),
    pytest.param(
        '2026-05-12', None,
        'Police said a woman was stabbed around 11:30 p.m. Sunday and died on Monday.',
        'stabbed', '2026-05-10', id='stabbed_sunday_died_monday'),
    pytest.param(
        '2026-05-09', None,
        'Gunmen attacked an army checkpoint before dawn on Friday, killing three soldiers.',
        'attacked', '2026-05-08', id='before_dawn_friday'),
    pytest.param(
        '2026-05-10', None,
        'The shooting happened just before 1 a.m. Saturday outside a nightclub, police said.',
        'shooting', '2026-05-09', id='just_before_1am_saturday'),
    pytest.param(
        '2026-05-12', None,
        'Authorities said the blast occurred Monday evening at a crowded bus depot, '
        'wounding 14 people.',
        'blast', '2026-05-11', id='blast_occurred_monday_evening'),
    pytest.param(
        '2026-05-13', None,
        'A bomb exploded at a bus stop this morning, killing three commuters.',
        'exploded', '2026-05-13', id='this_morning_same_day'),
    pytest.param(
        '2026-05-13', None,
        'Earlier today, soldiers fired on demonstrators in the main square.',
        'fired', '2026-05-13', id='earlier_today_same_day'),
    pytest.param(
        '2026-05-12', 'Man charged in Friday killing outside bar',
        'A 23-year-old man was charged with murder on Monday. The victim was shot outside'
        ' a bar on the riverfront.',
        'shot', '2026-05-08', id='headline_friday_killing_charged'),
    pytest.param(
        '2026-05-11', None,
        'Three days after a gunman killed five people at a church, the town held a vigil '
        'on Sunday.',
        'killed', '2026-05-07', id='three_days_after_church'),
    pytest.param(
        '2026-05-10', None,
        'Police on Saturday identified the man who was killed in a shooting on Thursday night.',
        'killed', '2026-05-07', id='identified_saturday_killed_thursday_night'),
    pytest.param(
        '2026-05-11', None,
        'Before he opened fire at the rally on Saturday, the gunman had posted threats online.',
        'opened fire', '2026-05-09', id='before_opened_fire_saturday'),
    pytest.param(
        '2026-05-12', None,
        'A soldier was killed when militants ambushed a patrol early on Monday.',
        'ambushed', '2026-05-11', id='when_ambushed_early_monday'),
    pytest.param(
        '2026-05-10', None,
        "Friday's attack on a police station left two officers dead.",
        'attack', '2026-05-08', id='possessive_friday_attack'),
    pytest.param(
        '2026-05-12', None,
        "Sunday's bombing killed 12 people, the health ministry said on Monday.",
        'bombing', '2026-05-10', id='possessive_sunday_bombing_said_monday'),
    pytest.param(
        '2026-05-13', None,
        'A man who shot his neighbour on Christmas Eve was jailed on Tuesday.',
        'shot', '2025-12-24', id='christmas_eve_jailed'),
    pytest.param(
        '2026-05-13', None,
        'Around 3 a.m. Wednesday, a fire bomb was thrown at a synagogue in the north of the city.',
        'thrown', '2026-05-13', id='around_3am_wednesday_same_day'),
    pytest.param(
        '2026-05-12', None,
        'Police responded to reports of shots fired at 10:45 p.m. Monday in the 400 block'
        ' of Elm Street.',
        'fired', '2026-05-11', id='shots_fired_monday_block'),
    pytest.param(
        '2026-05-11', None,
        'Rioters looted shops and burned cars overnight into Sunday in the port city.',
        'burned', '2026-05', id='overnight_into_sunday'),
    pytest.param(
        '2026-05-11', None,
        'Two people were killed in clashes between rival groups over the weekend, police '
        'said on Monday.',
        'killed', '2026-05', id='weekend_clashes_monday'),
    pytest.param(
        '2026-05-12', 'Teen wounded in Sunday drive-by',
        'A 16-year-old boy was wounded when someone fired from a passing car at about '
        '9:30 p.m. He is expected to survive.',
        'wounded', '2026-05-10', id='headline_day_body_clock_only'),
    pytest.param(
        '2026-05-13', None,
        'A police officer who was shot during a traffic stop on May 1 died of his wounds '
        'on Tuesday.',
        'shot', '2026-05-01', id='followup_died_of_wounds'),
    pytest.param(
        '2026-05-13', None,
        'A woman accused of stabbing her landlord on April 30 was arraigned on Tuesday.',
        'stabbing', '2026-04-30', id='followup_arraigned_for_april'),
    pytest.param(
        '2026-05-15', None,
        'The victim told officers he was walking home at about 10 p.m. Thursday when two '
        'men robbed him and shot him in the leg.',
        'shot', '2026-05-14', id='when_clause_main_clause_time'),
    pytest.param(
        '2026-05-13', None,
        'It was shortly before 10:15 on Tuesday night when a gunman opened fire on a '
        'group of teenagers outside a pizza shop.',
        'opened fire', '2026-05-12', id='cleft_it_was_tuesday_night_when'),
    pytest.param(
        '2026-05-11', None,
        'The stabbing, which happened Saturday afternoon, left a 19-year-old man dead.',
        'stabbing', '2026-05-09', id='relcl_which_happened_saturday'),
    pytest.param(
        '2026-05-13', None,
        'Officers arrived at the apartment Tuesday evening and found a man who had been '
        'shot in the chest.',
        'shot', '2026-05-12', id='arrived_tuesday_to_find_wounds'),
    pytest.param(
        '2026-05-12', None,
        'Deputies said the man, who was shot Saturday, died Monday at a hospital.',
        'shot', '2026-05-09', id='who_was_shot_saturday_died_monday'),
    pytest.param(
        '2026-05-11', None,
        'A 30-year-old man died Sunday, two days after he was shot outside his home.',
        'shot', '2026-05-08', id='died_sunday_two_days_after_shot'),
    pytest.param(
        '2026-05-12', None,
        'A man shot by police on Friday night was carrying a replica gun, officials said Monday.',
        'shot', '2026-05-08', id='shot_by_police_friday_night_said_monday'),
    pytest.param(
        '2026-05-14', None,
        'The bodies were found Wednesday morning. Police believe the couple were killed '
        'late Tuesday night.',
        'killed', '2026-05-12', id='found_wednesday_killed_tuesday_night'),
    pytest.param(
        '2026-05-11', None,
        'A man was shot in the leg in Elm Park. He was taken to a hospital and is '
        'expected to recover. Police have not named a suspect. The shooting was reported '
        'at 11:48 p.m. Friday.',
        'shot', '2026-05-08', id='reported_at_1148_friday_later_sentence'),
    pytest.param(
        '2026-05-11', None,
        'A man was shot and killed outside a corner store. His name has not been '
        'released. Neighbours said they heard several shots. A car was seen speeding '
        'away. Detectives are reviewing camera footage. Police said the shooting happened'
        ' around 2 a.m. Sunday.',
        'killed', '2026-05-10', id='happened_day_in_sixth_sentence'),
    pytest.param(
        '2026-05-13', None,
        'SPRINGFIELD, Ill. (AP) — A man opened fire inside a bank on Tuesday, wounding '
        'two tellers before police arrested him, authorities said.',
        'opened fire', '2026-05-12', id='dateline_with_day_tuesday'),
    pytest.param(
        '2026-05-13', None,
        'Police arrested a 17-year-old on Tuesday. The teenager had stabbed a classmate '
        'the night before, police said.',
        'stabbed', '2026-05-11', id='the_night_before_arrest'),
    pytest.param(
        '2026-05-11', None,
        "Sunday morning's shooting at a church left three people wounded.",
        'shooting', '2026-05-10', id='sunday_morning_first_word'),
    pytest.param(
        '2026-05-11', 'Man killed in weekend shooting',
        'A man was shot dead outside a bar early Saturday, police said.',
        'shot dead', '2026-05-09', id='weekend_shooting_headline'),
]


@pytest.mark.parametrize(("published", "title", "text", "word", "want"), _REPORTS)
def test_a_report_dates_its_act_as_news_writing_does(pipeline, published, title, text, word,
                                                     want):
    page = f"{title}\n\n{text}" if title else text
    rec = pipeline.extract(make_article(page, published=published, title=title))
    found = [e for e in rec.events
             if any(word in m.text or m.text in word for m in e.mentions)]
    assert found, [[m.text for m in e.mentions] for e in rec.events]
    got = found[0].time.date if found[0].time is not None else None
    assert got is not None and (got == want if len(want) == 10 else got.startswith(want)), got


def test_the_lead_is_counted_in_sentences_that_have_a_verb(pipeline):
    # a scraped page: its title, then share buttons and a dateline, each a "sentence" of
    # the parse with no verb; the day the report gives is in its fifth such line
    title = "Deputy Shoots Man Who Opened Fire On Officers « KXYZ Riverton"
    page = (f"{title}\n\nFollow\n\nKXYZ.COM:\n\nFacebook | Instagram\n\n"
            "RIVERTON (KXYZ.COM) –\n\nA sheriff's deputy shot and killed a man who came out "
            "of a house firing at officers, the sheriff's office said. The sheriff's office "
            "says it all began around 9:15 a.m. Thursday when a hardware store reported a "
            "stolen rifle.")
    rec = pipeline.extract(make_article(page, published="2026-05-14", title=title))
    shot = [e for e in rec.events if any(m.text == "killed" for m in e.mentions)]
    assert shot and shot[0].time is not None and shot[0].time.date == "2026-05-14"


def test_the_hot_news_perfect_is_read_in_the_first_sentence_that_has_a_verb(pipeline):
    # the body's first sentence is the lead's present perfect ("have been killed"): the
    # publication day; share buttons and a dateline before it are no sentence of the lead
    title = "Three soldiers killed in roadside blast | Northern Herald"
    page = (f"{title}\n\nShare\n\nEmail | Print\n\nTHE HAGUE (NH) —\n\nThree soldiers have "
            "been killed in a roadside bomb blast near the border, the army said.")
    rec = pipeline.extract(make_article(page, published="2026-05-13", title=title))
    killed = [e for e in rec.events if any(m.text == "killed" for m in e.mentions)]
    assert killed and killed[0].time is not None and killed[0].time.date == "2026-05-13"
