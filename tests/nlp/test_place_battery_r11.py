"""Places round 11: a third battery of wire reports of our own (not round 9's
``test_place_battery.py`` nor round 10's ``test_place_battery_r10.py``), with the place
phrasings those lack: reports of several sentences whose act's sentence names no place
and an earlier one does, transliterated Arabic, Pashto, Somali and Hausa town names ("Tal
Afar", "Al Bab", "Jalalabad", "Beledweyne", "Maiduguri"), "in the X region of Y", "a
suburb of X", "on the road between X and Y", "X's Y neighbourhood", "near the border with
X", "in X county", US towns with a state's abbreviation ("Dayton, Ohio", "Aurora, Colo."),
protests outside a parliament or an embassy, an arrest elsewhere than the act, threats and
sanctions. Each report carries the place a coder gives the act under the incident codebook
(the most precise populated place or area the text gives; scored as the incident scorer
scores: the place's name, city or admin1, and its country; ``None`` where the text does not
say). Failures we could not fix are strict ``xfail``, each with why (docs/EVALUATION.md,
"Places, round 11")."""

from __future__ import annotations

import pytest

from .records import assert_placed, known_failure

pytestmark = pytest.mark.model


_known = known_failure


BATTERY = [
    # several sentences: the act's sentence names no place, an earlier one does
    ('Gunmen stormed a secondary school in Zamfara state before dawn on Friday. The attackers '
     'killed two teachers and abducted dozens of pupils, a police spokesman said.',
     'killed', 'Zamfara', 'NG'),
    ('A bomb went off at a crowded bus station in Jalalabad on Monday. The blast killed at least '
     'nine people, a provincial official said.',
     'blast', 'Jalalabad', 'AF'),
    pytest.param('Hundreds of farmers blocked the main highway into Chandigarh on Tuesday. Police '
                 'used water cannon to disperse them.',
                 'blocked', 'Chandigarh', 'IN',
                 marks=_known('no event: the blockade is not read as a protest (events stage)')),
    ('Fighting broke out in Beledweyne on Saturday. Al-Shabaab fighters attacked an army base '
     'on the edge of the town, killing four soldiers.',
     'attacked', 'Beledweyne', 'SO'),
    ('Clashes erupted overnight in the port city of Aden. Separatist forces seized the '
     'presidential palace, residents said.',
     'seized', 'Aden', 'YE'),
    pytest.param('Protests spread to Mandalay on Sunday. Soldiers opened fire on the crowd, '
                 'killing three people, witnesses said.',
                 'opened fire', 'Mandalay', 'MM',
                 marks=_known("the place is the sentence before's (the crowd of the protests "
                              'that spread there): a setting, and the blanket fallback was '
                              'rejected (rounds 7, 9, 11)')),
    ('Riots broke out in the Kenyan town of Kisumu after the vote. Police shot dead two '
     'protesters, a hospital official said.',
     'shot dead', 'Kisumu', 'KE'),
    ('Militants attacked a military convoy near Dera Ismail Khan on Tuesday. Three soldiers '
     'were killed in the ambush, the army said.',
     'ambush', 'Dera Ismail Khan', 'PK'),
    # transliterated town names of Arabic, Pashto, Somali and Hausa
    pytest.param('Turkish-backed rebels shelled the town of Al Bab on Wednesday, a monitor said.',
                 'shelled', 'Al Bab', 'SY',
                 marks=_known("the NER takes 'Al Bab' for a person and the report names no "
                              "Syrian place: a missed town after 'the town of' is read only in a "
                              'country the report names')),
    pytest.param('A car bomb exploded in Tal Afar on Thursday, killing five members of a Shiite '
                 'militia.',
                 'exploded', 'Tal Afar', 'IQ',
                 marks=_known("the NER now types 'Tal Afar' a place, but the gazetteer "
                              "does not resolve it (GeoNames 'Tall 'Afar'; round 12)")),
    ('Islamic State fighters attacked a checkpoint near Ramadi on Saturday, killing four '
     'policemen.',
     'attacked', 'Ramadi', 'IQ'),
    ('Two suicide bombers blew themselves up at a market in Maiduguri on Sunday, killing 12 '
     'people.',
     'blew themselves up', 'Maiduguri', 'NG'),
    ('Bandits killed 18 villagers in an attack in Katsina state on Wednesday, police said.',
     'killed', 'Katsina', 'NG'),
    ('Al-Shabaab militants stormed a hotel in Kismayo on Friday, killing at least 15 people.',
     'stormed', 'Kismayo', 'SO'),
    ('A suicide bomber struck a police headquarters in Kunduz on Monday, wounding 20 people.',
     'wounding', 'Kunduz', 'AF'),
    ('Gunmen killed three health workers in the Pakistani city of Bannu on Tuesday.',
     'killed', 'Bannu', 'PK'),
    ('Houthi rebels fired a missile at the city of Marib on Sunday, killing a child.',
     'fired', 'Marib', 'YE'),
    ('Security forces arrested 40 suspected militants in raids in Kano on Friday.',
     'arrested', 'Kano', 'NG'),
    ('Government troops recaptured the town of Baidoa from al-Shabaab on Wednesday.',
     'recaptured', 'Baidoa', 'SO'),
    ('A roadside bomb killed four civilians in Ghazni on Thursday, a spokesman said.',
     'killed', 'Ghazni', 'AF'),
    # "in the X region of Y", "a suburb of X", "X's Y neighbourhood"; an act on the road
    # between two towns is in neither (one act, one place): no town is borrowed for it
    ('Gunmen killed six people in the Oromia region of Ethiopia on Sunday, officials said.',
     'killed', 'Oromia', 'ET'),
    ('Soldiers opened fire on protesters in the Amhara region of Ethiopia, killing five.',
     'opened fire', 'Amhara', 'ET'),
    ('A car bomb exploded in a suburb of Damascus on Tuesday, killing three people.',
     'exploded', 'Damascus', 'SY'),
    ('Police raided homes in a suburb of Paris on Wednesday and detained four men.',
     'detained', 'Paris', 'FR'),
    ("Gunmen shot dead a shopkeeper in Karachi's Lyari neighbourhood on Monday.",
     'shot dead', 'Karachi', 'PK'),
    ("An explosion ripped through a market in Baghdad's Sadr City district on Friday, killing "
     '17 people.',
     'explosion', 'Baghdad', 'IQ'),
    ('Militants ambushed a convoy on the road between Kabul and Jalalabad on Sunday, killing two '
     'soldiers.',
     'ambushed', None, None),
    ('Gunmen attacked a bus on the highway between Mombasa and Lamu, killing three '
     'passengers.',
     'attacked', None, None),
    ('Protesters blocked the road between Cochabamba and Santa Cruz on Monday.',
     'blocked', None, None),
    ('A landmine killed two soldiers near the border with Algeria in western Tunisia on '
     'Tuesday.',
     'killed', 'Tunisia', 'TN'),
    # (round 11: the area noun's "of" object where the act's words give only the country)
    ('Gunmen killed two traders near the border with Uganda in the Congolese province '
     'of Ituri on Friday, local officials said.',
     'killed', 'Ituri', 'CD'),
    ('Soldiers killed three smugglers near the Iraqi border in the Turkish province of Sirnak, '
     'the army said.',
     'killed', 'Sirnak', 'TR'),
    # counties, states and provinces
    ('A sheriff\'s deputy was shot and killed during a traffic stop in Harris County on Friday.',
     'shot', 'Harris County', 'US'),
    ('Police in Cook County arrested a man suspected of firing at officers on Tuesday.',
     'arrested', 'Cook County', 'US'),
    ('Gunmen killed 11 people at a bar in Guanajuato state on Saturday.',
     'killed', 'Guanajuato', 'MX'),
    ('Militants killed five policemen in an attack in Balochistan province on Monday.',
     'killed', 'Balochistan', 'PK'),
    ('Rebels attacked an army post in North Kivu province on Thursday, killing eight soldiers.',
     'attacked', 'North Kivu', 'CD'),
    # US towns with a state's abbreviation or name
    ('DAYTON, Ohio (AP) — A gunman opened fire in a crowded nightlife district early Sunday, '
     'killing nine people.',
     'opened fire', 'Dayton', 'US'),
    ('AURORA, Colo. — A man opened fire at a movie theater on Friday, killing 12 people.',
     'opened fire', 'Aurora', 'US'),
    ('A gunman killed three people at a grocery store in El Paso, Texas, on Saturday.',
     'killed', 'El Paso', 'US'),
    ('Police in Minneapolis, Minn., arrested 20 protesters on Thursday night.',
     'arrested', 'Minneapolis', 'US'),
    ('A man was shot dead outside a bar in Pueblo, Colo., early Saturday, police said.',
     'shot dead', 'Pueblo', 'US'),
    ('Two officers were shot during a standoff in Tulsa, Okla., on Monday.',
     'shot', 'Tulsa', 'US'),
    ('A woman was stabbed to death in her home in Savannah, Ga., on Sunday.',
     'stabbed', 'Savannah', 'US'),
    ('Hundreds of people rallied outside city hall in Portland, Ore., on Saturday.',
     'rallied', 'Portland', 'US'),
    # protests: outside a parliament, in front of an embassy
    ('Thousands of protesters gathered outside parliament in Tbilisi on Monday to denounce the '
     'bill.',
     'gathered', 'Tbilisi', 'GE'),
    ('Hundreds of students protested in front of the US embassy in Manila on Friday.',
     'protested', 'Manila', 'PH'),
    ('Demonstrators burned flags outside the French embassy in Bamako on Saturday.',
     'burned', 'Bamako', 'ML'),
    ('Police fired tear gas at protesters outside the parliament in Nairobi on Tuesday.',
     'fired', 'Nairobi', 'KE'),
    ('Opposition supporters staged a sit-in outside the electoral commission in Kinshasa.',
     'sit-in', 'Kinshasa', 'CD'),
    ('Hundreds of people marched to the Israeli embassy in Amman on Friday to protest the '
     'strikes on Gaza.',
     'marched', 'Amman', 'JO'),
    ('Workers went on strike at the port of Durban on Monday, halting cargo traffic.',
     'strike', 'Durban', 'ZA'),
    # arrests elsewhere than the act
    ('A man suspected of bombing a mosque in Christchurch was arrested in Dunedin on Saturday.',
     'arrested', 'Dunedin', 'NZ'),
    ('Police arrested a suspect in Marseille on Tuesday over the stabbing of a teacher in Arras '
     'last week.',
     'arrested', 'Marseille', 'FR'),
    ('German police detained a Syrian man in Leipzig on Monday on suspicion of planning an '
     'attack in Berlin.',
     'detained', 'Leipzig', 'DE'),
    ('The suspect in the Nice attack was detained in Rome on Wednesday, Italian police said.',
     'detained', 'Rome', 'IT'),
    ('Pakistani police arrested two men in Lahore over the killing of a journalist in Karachi.',
     'arrested', 'Lahore', 'PK'),
    # threats
    ('The militants threatened in a statement on Sunday to kill the hostages within three '
     'days.',
     'threatened', None, None),
    pytest.param('Protest leaders in Khartoum threatened to call a general strike if the army did '
                 'not hand over power.',
                 'threatened', 'Khartoum', 'SD',
                 marks=_known('no event: the threat to call a strike is not read as a threat '
                              '(events stage)')),
    # sanctions: where they are imposed is no scene (the codebook gives the place when it says)
    ('The European Union agreed new sanctions against Belarus on Monday.',
     'sanctions', None, None),
    ('Britain expelled two Russian diplomats on Wednesday.',
     'expelled', None, None),
    # a place referred back to, across sentences
    # (a name the NER took for a group before a lower-case area word names the state's
    # country: the missed town after "the town of" is read there)
    ('Gunmen attacked a church in the town of Owo in Ondo state on Sunday. At least 40 '
     'worshippers were killed in the town, officials said.',
     'attacked', 'Owo', 'NG'),
    ('Protesters took to the streets of Colombo on Saturday. Police fired tear gas at crowds '
     "near the president's residence in the city.",
     'fired', 'Colombo', 'LK'),
    ('Soldiers were deployed to Port Harcourt on Friday after days of unrest in the city.',
     'deployed', 'Port Harcourt', 'NG'),
    # datelines: the act in the body is elsewhere, or told with the city's epithet
    ('ISLAMABAD (Reuters) - Gunmen killed seven polio workers in the northwestern city of '
     'Peshawar on Tuesday, police said.',
     'killed', 'Peshawar', 'PK'),
    ('JOHANNESBURG (Reuters) - Police fired rubber bullets at protesters in the Zimbabwean '
     'capital on Wednesday.',
     'fired', 'Harare', 'ZW'),
    ('BEIRUT (Reuters) - Air strikes killed 14 people in the rebel-held city of Idlib on Monday, '
     'a monitor said.',
     'killed', 'Idlib', 'SY'),
    pytest.param('NIAMEY (Reuters) - Jihadists killed 17 soldiers in an ambush near the Malian '
                 'border on Tuesday, the army said.',
                 'killed', 'Niger', 'NE',
                 marks=_known("the dateline's city is borrowed where the act's words put it near "
                              'a border, away from it')),
    # a village some way from a town, a district of a province
    ('Gunmen killed 20 people in a village about 30 km from Jos on Sunday.',
     'killed', 'Jos', 'NG'),
    ('Taliban fighters attacked a checkpoint in the Chora district of Uruzgan province, killing '
     'six policemen.',
     'attacked', 'Uruzgan', 'AF'),
    pytest.param('Troops killed 10 militants in an operation in the Bajaur tribal district on '
                 'Wednesday.',
                 'killed', 'Bajaur', 'PK',
                 marks=_known("GeoNames has 'Bajaur Agency' only as an alternate of a district "
                              "no named place supports, and 'tribal' stands between the name and "
                              'its area word')),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country"), BATTERY)
def test_place_battery_r11(pipeline, text, trigger, name, country):
    assert_placed(pipeline, text, trigger, name, country)
