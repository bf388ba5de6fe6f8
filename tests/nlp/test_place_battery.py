"""Places round 9: a battery of wire-report sentences of our own with the place phrasings
of political-violence news (datelines, "in the northern city of X", "near X", "X's Y
district", "X province", country adjectives, a place referred back to, an attacker's
origin, sanctions), each with the place a coder would give the act (the codebook's rules:
the most precise populated place or area the text gives, the name as the incident scorer
compares it: the place's name, city or admin1, and its country). The failures we could not
fix are marked, each with why (docs/EVALUATION.md, "Places, round 9")."""

from __future__ import annotations

import pytest

from .records import assert_placed, known_failure

pytestmark = pytest.mark.model

_known = known_failure


BATTERY = [
    ('KABUL, Afghanistan (AP) — A suicide bomber killed 12 people at a wedding hall on Saturday, '
     'officials said.',
     'killed', 'Kabul', 'AF'),
    ('Gunmen attacked a police checkpoint in the northern city of Kirkuk on Monday, killing '
     'three officers.',
     'attacked', 'Kirkuk', 'IQ'),
    ('A roadside bomb exploded near Kandahar on Tuesday, wounding two soldiers.',
     'exploded', 'Kandahar', 'AF'),
    ("Police arrested 15 protesters in Karachi's Saddar district on Friday.",
     'arrested', 'Karachi', 'PK'),
    ('A car bomb exploded outside the Turkish embassy in Mogadishu, killing four guards.',
     'exploded', 'Mogadishu', 'SO'),
    ('Militants stormed a village 20 km south of Maiduguri on Sunday, killing nine people.',
     'stormed', 'Maiduguri', 'NG'),
    ('Separatist shelling killed two civilians in eastern Ukraine on Sunday.',
     'killed', 'Ukraine', 'UA'),
    ('Israeli air strikes hit Gaza overnight, killing five people, Palestinian health officials '
     'said.',
     'air strikes', 'Gaza', 'PS'),
    ('Israeli air strikes killed five people in Gaza on Friday, health officials said.',
     'killed', 'Gaza', 'PS'),
    ('Thousands of people marched through central Tbilisi on Saturday to protest against the new '
     'law.',
     'marched', 'Tbilisi', 'GE'),
    ('Riot police detained dozens of demonstrators in Minsk on Sunday as the protests entered '
     'their third week.',
     'detained', 'Minsk', 'BY'),
    ('The European Union imposed sanctions on five Russian officials on Monday.',
     'sanctions', None, None),
    ('A Syrian-born gunman opened fire at a nightclub in Orlando on Sunday, killing 49 people.',
     'opened fire', 'Orlando', 'US'),
    ('Two soldiers were killed when their convoy hit a mine in Helmand province on Monday.',
     'killed', 'Helmand', 'AF'),
    ('Protesters set fire to tyres in the streets of Port-au-Prince on Wednesday.',
     'set fire', 'Port-au-Prince', 'HT'),
    ('Security forces fired tear gas at protesters in the Kashmiri city of Srinagar on Friday.',
     'fired', 'Srinagar', 'IN'),
    ('Clashes erupted in Tripoli on Thursday between rival militias, leaving six dead.',
     'Clashes', 'Tripoli', 'LY'),
    ('A bomb exploded at a bus station in Abuja on Monday. Police said the blast killed seven '
     'people.',
     'exploded', 'Abuja', 'NG'),
    ('Government forces retook Aleppo last week. On Tuesday, an air strike on a '
     'market there killed 11 people, a monitor said.',
     'killed', 'Aleppo', 'SY'),
    ('Fighting has raged in Mosul for weeks. On Tuesday, a car bomb there killed 11 people, '
     'police said.',
     'killed', 'Mosul', 'IQ'),
    ("A journalist was shot dead in Mexico's Veracruz state on Tuesday.",
     'shot dead', 'Veracruz', 'MX'),
    ('Turkish troops shelled Kurdish positions near Afrin on Sunday.',
     'shelled', 'Afrin', 'SY'),
    ('Russian missiles struck Kharkiv early on Thursday, killing three people.',
     'struck', 'Kharkiv', 'UA'),
    ('LAGOS, Nigeria (Reuters) - Gunmen kidnapped 30 students from a school in northwest Nigeria '
     'on Friday, police said.',
     'kidnapped', 'Nigeria', 'NG'),
    ('Police in Hong Kong arrested 53 pro-democracy activists on Wednesday.',
     'arrested', 'Hong Kong', 'HK'),
    ('A gunman opened fire on worshippers at a mosque in Christchurch, New Zealand, on Friday, '
     'killing 51 people.',
     'opened fire', 'Christchurch', 'NZ'),
    pytest.param('Pakistani troops killed five militants in a raid in North Waziristan, the army '
                 'said on Monday.',
                 'raid', 'North Waziristan', 'PK',
                 marks=_known('the gazetteer has it as a small district by an alternate name')),
    ('Hundreds of people rallied outside parliament in Yerevan on Monday.',
     'rallied', 'Yerevan', 'AM'),
    ('The army deployed 3,000 troops to Rakhine state after the attacks.',
     'deployed', 'Rakhine', 'MM'),
    ('A bomb blast tore through a crowded market in Peshawar, the capital of Khyber Pakhtunkhwa '
     'province, killing 20 people.',
     'blast', 'Peshawar', 'PK'),
    # (round 11: Somalia's regions by their English names)
    ('Al-Shabaab militants attacked a military base in the Lower Shabelle region on '
     'Monday, killing 10 soldiers.',
     'attacked', 'Lower Shabelle', 'SO'),
    ('Gunmen shot dead a local councillor in the town of Iguala in Guerrero state on '
     'Sunday.',
     'shot dead', 'Iguala', 'MX'),
    ('Two people were stabbed to death in the French city of Nice on Thursday.',
     'stabbed', 'Nice', 'FR'),
    ('Police fired tear gas to disperse thousands of demonstrators in Khartoum, the Sudanese '
     'capital, on Sunday.',
     'fired', 'Khartoum', 'SD'),
    ('Ethiopian federal forces launched an offensive in the northern Tigray region '
     'on Wednesday.',
     'offensive', 'Tigray', 'ET'),
    ('A rocket attack on Erbil airport wounded a US contractor on Monday.',
     'attack', 'Erbil', 'IQ'),
    ("Unidentified gunmen killed a prominent activist in Basra, Iraq's southern oil "
     'hub, on Wednesday.',
     'killed', 'Basra', 'IQ'),
    ('Authorities imposed a curfew in Jos on Tuesday after the clashes.',
     'curfew', 'Jos', 'NG'),
    ('A British-born jihadist was arrested in Istanbul on Friday, Turkish media reported.',
     'arrested', 'Istanbul', 'TR'),
    ('Venezuelan security forces arrested two opposition lawmakers in Caracas on Tuesday.',
     'arrested', 'Caracas', 'VE'),
    ('Israeli troops shot dead a Palestinian man in the West Bank city of Hebron on '
     'Friday.',
     'shot dead', 'Hebron', 'PS'),
    ('The Islamic State group claimed the bombing in Jalalabad, the capital of Nangarhar '
     'province.',
     'bombing', 'Jalalabad', 'AF'),
    ('A man was arrested in Dublin on Monday in connection with the killing of a police officer '
     'in County Cavan.',
     'arrested', 'Dublin', 'IE'),
    ('Rebels ambushed an army patrol near Beni, in North Kivu province, killing eight soldiers.',
     'ambushed', 'Beni', 'CD'),
    ('In Belfast, a man was shot in the legs on Tuesday in what police called a '
     'paramilitary-style attack.',
     'shot', 'Belfast', 'GB'),
    pytest.param('Demonstrators blocked roads in La Paz on Monday, demanding new elections.',
                 'blocked', 'La Paz', 'BO',
                 marks=_known("El Salvador's department outranks Bolivia's seat of government")),
    ("A drone strike killed three suspected militants in Yemen's Marib province on "
     'Saturday.',
     'killed', 'Marib', 'YE'),
    ("Gunmen killed four people in an attack on a church in Ouagadougou, Burkina Faso's capital, "
     'on Sunday.',
     'killed', 'Ouagadougou', 'BF'),
    ('A suicide bomber struck a Shiite mosque in the Pakistani city of Quetta on Friday.',
     'struck', 'Quetta', 'PK'),
    pytest.param('Violence flared again in Kaduna state this week. Gunmen raided a village '
                 'overnight and abducted 40 people, residents said.',
                 'abducted', 'Kaduna', 'NG',
                 marks=_known('the state is named in the sentence before')),
    pytest.param('DAMASCUS, Syria (AP) — Government warplanes bombed rebel-held towns in the '
                 'northwestern province of Idlib on Sunday, activists said.',
                 'bombed', 'Idlib', 'SY',
                 marks=_known("the phrase hangs off the verb's plural object ('towns in the "
                              "province of X'), which round 11's area rule does not read")),
    ('Police arrested three men in Birmingham under the Terrorism Act on Thursday.',
     'arrested', 'Birmingham', 'GB'),
    ('A gunman killed 11 people at a synagogue in Pittsburgh on Saturday.',
     'killed', 'Pittsburgh', 'US'),
    ('An Israeli airstrike killed a Hamas commander in Gaza City on Tuesday.',
     'killed', 'Gaza City', 'PS'),
    ('Egyptian police clashed with supporters of the ousted president in Alexandria on Friday.',
     'clashed', 'Alexandria', 'EG'),
    ('Ukrainian forces shelled Donetsk on Monday, separatist officials said.',
     'shelled', 'Donetsk', 'UA'),
    ('Thousands of people protested in the Georgian capital on Sunday.',
     'protested', 'Tbilisi', 'GE'),
    # (round 11: the area noun's "of" object where the act's words give only the country)
    ('Masked men torched a police station in the southern Indian state of Kerala on '
     'Monday.',
     'torched', 'Kerala', 'IN'),
    ("A man was killed in a drive-by shooting in Cape Town's Manenberg township on Friday.",
     'shooting', 'Cape Town', 'ZA'),
    ('Gunmen opened fire on a minibus in Karachi on Tuesday. The attack in the city killed six '
     'passengers, police said.',
     'opened fire', 'Karachi', 'PK'),
    ('Palestinian health officials said an Israeli strike on a house in Rafah killed seven '
     'people.',
     'killed', 'Rafah', 'PS'),
    ('A bomb went off on a bus in Jerusalem on Wednesday, wounding 20 people.',
     'bomb', 'Jerusalem', 'IL'),
    ('Soldiers opened fire on protesters in Mandalay on Saturday, killing two, witnesses said.',
     'opened fire', 'Mandalay', 'MM'),
    ('An Afghan-born man stabbed two people at a train station in Hamburg on Friday.',
     'stabbed', 'Hamburg', 'DE'),
    ('Houthi rebels fired a missile at the Saudi city of Jizan on Sunday.',
     'fired', 'Jizan', 'SA'),
    ('Hundreds of supporters of the jailed opposition leader marched in Moscow on Saturday; '
     'police detained 300 of them.',
     'detained', 'Moscow', 'RU'),
    ('Police said a gunman shot three people dead in Kingston, Jamaica, on Sunday.',
     'shot', 'Kingston', 'JM'),
    ('A car bomb killed a senior police officer in the Somali capital on Saturday.',
     'killed', 'Mogadishu', 'SO'),
    ("Egypt's military said it killed 12 militants in an air strike in northern Sinai.",
     'air strike', 'Sinai', 'EG'),
    ("Washington imposed new sanctions on Iran's oil sector on Friday.",
     'sanctions', 'Washington', 'US'),
    ('Clashes broke out between police and protesters in Santiago, Chile, on Friday.',
     'Clashes', 'Santiago', 'CL'),
    ('A bomb exploded in the Shiite district of Sadr City in Baghdad on Thursday, killing 15 '
     'people.',
     'exploded', 'Baghdad', 'IQ'),
    ('Gunmen kidnapped an aid worker near Gao, in northern Mali, on Monday.',
     'kidnapped', 'Gao', 'ML'),
    ('A grenade attack on a rally in Juba wounded 10 people on Sunday.',
     'wounded', 'Juba', 'SS'),
    ('Israeli forces raided the Jenin refugee camp on Monday, killing two Palestinians.',
     'raided', 'Jenin', 'PS'),
    ('Police dispersed a protest in Harare on Wednesday, arresting 30 people.',
     'arresting', 'Harare', 'ZW'),
    ('A Pakistani Taliban suicide bomber attacked a police post in Bannu on Monday.',
     'attacked', 'Bannu', 'PK'),
    ('Protesters outside the Oval Office window chanted slogans as the president signed the '
     'order.',
     'chanted', 'Washington', 'US'),
    ('A police officer was stabbed outside parliament in London on Wednesday. The attacker was '
     'shot dead there by armed officers.',
     'shot dead', 'London', 'GB'),
    ('Students in Dhaka blocked roads for a third day on Monday to protest against a job quota '
     'system.',
     'protest', 'Dhaka', 'BD'),
    pytest.param('Police said a 25-year-old man from Leeds was arrested at Heathrow airport on '
                 'Sunday.',
                 'arrested', 'London', 'GB',
                 marks=_known('Heathrow resolves to the Florida town')),
    ('Iraqi forces said they had killed 20 Islamic State fighters near Tikrit, north of Baghdad.',
     'killed', 'Tikrit', 'IQ'),
    ('Opposition supporters in Kinshasa clashed with police on Tuesday.',
     'clashed', 'Kinshasa', 'CD'),
    ('Gunmen stormed a Kabul hotel on Saturday night, killing at least 18 people.',
     'stormed', 'Kabul', 'AF'),
    pytest.param('Israeli forces demolished the homes of two Palestinian attackers in the West '
                 'Bank on Thursday.',
                 'demolished', 'West Bank', 'PS',
                 marks=_known('no event: a demolition is not read as an act')),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country"), BATTERY)
def test_place_battery(pipeline, text, trigger, name, country):
    assert_placed(pipeline, text, trigger, name, country)
