"""Places round 12 (branch ``places-r13``): a fourth battery of wire reports of our own (none
of rounds 9, 10 and 11's sentences), with the phrasings those lack or leave wrong: towns of
Africa, Asia, the Middle East and Latin America after "in", "near", "outside", "the streets
of" and "the outskirts of", which the small NER model takes for people, groups or nothing;
capitals in upper-case datelines and in headlines; "X-based" groups whose base is not the
act's place; attacks "in X's north"; the "of" object of "the Turkish province of X";
districts GeoNames lacks; and the places of threats and sanctions under the codebook. Each
report carries the place a coder gives the act under the incident codebook (the most
precise populated place or area the text gives; scored as the incident scorer scores: the
place's name, city or admin1, and its country; ``None`` where the text does not say).
Failures we could not fix are strict ``xfail``, each with why (docs/EVALUATION.md, "Places,
round 12")."""

from __future__ import annotations

import pytest

from .records import assert_placed, known_failure

pytestmark = pytest.mark.model


_known = known_failure


BATTERY = [
    # towns after "in" the NER may take for people, in a report naming their country
    ('Iraqi security forces said a roadside bomb killed three soldiers in Tikrit on Sunday.',
     'killed', 'Tikrit', 'IQ'),
    ('A suicide bomber killed 11 people at a wedding in Kirkuk, Iraqi police said on Friday.',
     'killed', 'Kirkuk', 'IQ'),
    # (round 13: an alternate name or another romanisation in a named country)
    ('Syrian rebels said government jets bombed a hospital in Saraqeb on Tuesday, '
     'killing four medics.',
     'bombed', 'Saraqeb', 'SY'),
    ('Afghan officials said gunmen shot dead two election workers in Ghazni on Thursday.',
     'shot dead', 'Ghazni', 'AF'),
    ('Nigerian troops killed 14 insurgents in Bama on Saturday, the army said.',
     'killed', 'Bama', 'NG'),
    ('Somali police said a car bomb exploded in Baidoa on Monday, killing six people.',
     'exploded', 'Baidoa', 'SO'),
    ('Egyptian security sources said militants attacked a checkpoint in Rafah on Wednesday, '
     'killing five policemen.',
     'attacked', 'Rafah', 'EG'),
    ('Pakistani police said a bomb ripped through a market in Parachinar on Friday, killing '
     '22 people.',
     'ripped through', 'Parachinar', 'PK'),
    ('Yemeni officials said an air strike killed seven civilians in Hodeidah on '
     'Sunday.',
     'killed', 'Hodeidah', 'YE'),
    ('Malian soldiers killed 12 suspected jihadists in Mopti on Tuesday, the army said.',
     'killed', 'Mopti', 'ML'),
    ('Colombian police said gunmen killed a community leader in Tumaco on Saturday.',
     'killed', 'Tumaco', 'CO'),
    ('Mexican authorities said gunmen killed nine people at a bar in Celaya on Sunday.',
     'killed', 'Celaya', 'MX'),
    ('Indian police said Maoist rebels killed four policemen in Dantewada on Monday.',
     'killed', 'Dantewada', 'IN'),
    ('Philippine troops clashed with Abu Sayyaf militants in Jolo on Thursday, the military '
     'said.',
     'clashed', 'Jolo', 'PH'),
    # "near", "outside", "the outskirts of", "the streets of"
    ('Turkish soldiers were killed in a bomb attack near Hakkari on Sunday, the army said.',
     'bomb attack', 'Hakkari', 'TR'),
    ('Kenyan police said al-Shabaab militants ambushed a bus near Mandera on Tuesday, killing '
     '12 passengers.',
     'ambushed', 'Mandera', 'KE'),
    ('Hundreds of protesters gathered outside the parliament in Nairobi on Tuesday.',
     'gathered', 'Nairobi', 'KE'),
    ('Thousands of Ethiopians marched through the streets of Gondar on Saturday, protesting '
     'against the government.',
     'marched', 'Gondar', 'ET'),
    ('Thousands took to the streets of Khartoum on Thursday to demand civilian rule, Sudanese '
     'activists said.',
     'took to the streets', 'Khartoum', 'SD'),
    ('Israeli troops raided a refugee camp on the outskirts of Nablus on Monday, the '
     'Palestinian health ministry said.',
     'raided', 'Nablus', 'PS'),
    ('A car bomb exploded on the outskirts of Mogadishu on Friday, killing at least eight '
     'people, Somali police said.',
     'exploded', 'Mogadishu', 'SO'),
    ('Police fired tear gas at stone-throwing youths in the streets of Conakry on Wednesday, '
     'witnesses in Guinea said.',
     'fired', 'Conakry', 'GN'),
    # upper-case datelines and capitals in headlines
    ('CAIRO (Reuters) - Egyptian police arrested 40 protesters on Friday, security sources '
     'said.',
     'arrested', 'Cairo', 'EG'),
    ('KABUL, March 3 (Reuters) - A suicide bomber killed six people outside a government '
     'ministry on Tuesday, officials said.',
     'killed', 'Kabul', 'AF'),
    ('BAMAKO (AFP) - Gunmen stormed a hotel popular with foreigners on Friday, taking '
     'hostages.',
     'stormed', 'Bamako', 'ML'),
    ('LIMA, Peru (AP) — Police detained 16 people during protests against the new president '
     'on Thursday.',
     'detained', 'Lima', 'PE'),
    ('DHAKA, Bangladesh (AP) — Police fired rubber bullets at striking garment workers on '
     'Monday.',
     'fired', 'Dhaka', 'BD'),
    ('ADDIS ABABA (Reuters) - Security forces shot dead five protesters on Sunday, a rights '
     'group said.',
     'shot dead', 'Addis Ababa', 'ET'),
    # towns the NER may read as people or groups
    ('Gunmen killed a police officer in Dunedin, New Zealand police said on Saturday.',
     'killed', 'Dunedin', 'NZ'),
    ('Hamas fighters fired rockets at Ashkelon on Tuesday, the Israeli army said.',
     'fired', 'Ashkelon', 'IL'),
    ('Houthi rebels attacked an oil facility in Abu Dhabi on Monday, the United Arab Emirates '
     'said.',
     'attacked', 'Abu Dhabi', 'AE'),
    ('Gunmen killed six people in a shooting at a bar in Rio de Janeiro on Sunday, Brazilian '
     'police said.',
     'killed', 'Rio de Janeiro', 'BR'),
    ('Militants attacked an army post in El Arish in Egypt\'s North Sinai province on '
     'Wednesday.',
     'attacked', 'El Arish', 'EG'),
    ('Police in Santa Cruz arrested 20 opposition supporters on Friday, Bolivian officials '
     'said.',
     'arrested', 'Santa Cruz', 'BO'),
    # the area noun's "of" object
    ('Kurdish militants killed two soldiers in the Turkish province of Tunceli on Monday.',
     'killed', 'Tunceli', 'TR'),
    ('Gunmen abducted 30 students in the Nigerian state of Kebbi on Thursday.',
     'abducted', 'Kebbi', 'NG'),
    ('Rebels attacked a village in the Congolese province of North Kivu on Sunday, killing '
     '22 people.',
     'attacked', 'North Kivu', 'CD'),
    # "X-based" groups: the base is not the act's place
    ('The Kabul-based Afghan Independent Human Rights Commission said a drone strike killed '
     'eight civilians in Nangarhar on Monday.',
     'killed', 'Nangarhar', 'AF'),
    pytest.param('The London-based Syrian Observatory for Human Rights said air strikes killed '
                 '12 people in Maarat al-Numan on Saturday.',
                 'killed', 'Maarat al-Numan', 'SY',
                 marks=_known("the gazetteer spells it 'Maarrat an Numan'; round 13 reads "
                              "the variant only in a country the report names, and this one "
                              "names Syria only inside the group's name (London's is the "
                              "one country named)")),
    ('The London-based Syrian Observatory for Human Rights said air strikes killed 12 people '
     'in Douma on Saturday.',
     'killed', 'Douma', 'SY'),
    ('A Lagos-based rights group said soldiers shot dead 15 protesters in Port Harcourt on '
     'Tuesday.',
     'shot dead', 'Port Harcourt', 'NG'),
    # attacks "in X's north", "in the north of X"
    ('Jihadists killed 35 civilians in an attack in Burkina Faso\'s north on Sunday, the '
     'government said.',
     'killed', 'Burkina Faso', 'BF'),
    ('Gunmen killed 11 villagers in the north of Nigeria on Friday, police said.',
     'killed', 'Nigeria', 'NG'),
    ('Soldiers killed 18 rebels in Mozambique\'s northern province of Cabo Delgado on '
     'Tuesday.',
     'killed', 'Cabo Delgado', 'MZ'),
    # a district of a city or a province named by its possessor
    ('A bomb exploded in Karachi\'s Lyari district on Friday, killing three people.',
     'exploded', 'Karachi', 'PK'),
    ('Security forces killed four militants in Kashmir\'s Pulwama district on Monday.',
     'killed', 'Pulwama', 'IN'),
    # threats and sanctions: where they were made, only when the text says so
    ('Militants in Mali threatened to attack polling stations during Sunday\'s election.',
     'threatened', 'Mali', 'ML'),
    ('The United States imposed sanctions on three Venezuelan officials on Friday.',
     'sanctions', None, None),
    ('The Taliban threatened on Monday to attack foreign troops who stayed in Afghanistan '
     'after the deadline.',
     'threatened', None, None),
    # several sentences: a place set before, referred back to
    ('Heavy fighting was reported in Marawi on Monday. Government troops killed 13 militants '
     'in the city, the military said.',
     'killed', 'Marawi', 'PH'),
    ('Gunmen raided a village outside Bunia on Saturday. They killed 16 people and burned '
     'dozens of homes there, a local official said.',
     'killed', 'Bunia', 'CD'),
    ('Police dispersed a rally in Minsk on Sunday. More than 200 people were detained in the '
     'Belarusian capital, a rights group said.',
     'detained', 'Minsk', 'BY'),
    # more towns of Africa, Asia, the Middle East and Latin America after "in", "near",
    # "outside", "on the outskirts of"
    ('Congolese army officials said ADF rebels killed 22 civilians near Beni on Sunday.',
     'killed', 'Beni', 'CD'),
    ('M23 rebels shelled positions on the outskirts of Goma on Tuesday, Congolese officials '
     'said.',
     'shelled', 'Goma', 'CD'),
    ('Nigerien soldiers said jihadists ambushed a patrol near Diffa on Thursday, killing '
     'seven troops.',
     'ambushed', 'Diffa', 'NE'),
    ('Boko Haram fighters attacked a camp for displaced people outside Damaturu, Nigerian '
     'officials said.',
     'attacked', 'Damaturu', 'NG'),
    ('Separatist fighters abducted a school principal in Kumbo on Monday, Cameroonian '
     'authorities said.',
     'abducted', 'Kumbo', 'CM'),
    ('Honduran police said gunmen killed six people at a pool hall in San Pedro Sula on '
     'Saturday.',
     'killed', 'San Pedro Sula', 'HN'),
    ('Mexican soldiers clashed with cartel gunmen in Culiacan on Thursday, officials said.',
     'clashed', 'Culiacan', 'MX'),
    ('Pakistani officials said a suicide bomber killed 14 people at a mosque in Quetta on '
     'Friday.',
     'killed', 'Quetta', 'PK'),
    ('Syrian state media said rebels fired mortars at a market in Daraa on Monday, killing '
     'three people.',
     'fired', 'Daraa', 'SY'),
    ('Philippine police said a bomb exploded at a bus terminal in Cotabato on Sunday.',
     'exploded', 'Cotabato', 'PH'),
    ('Bangladeshi police arrested 30 opposition activists in Sylhet on Wednesday.',
     'arrested', 'Sylhet', 'BD'),
    ('Israeli troops shot dead a Palestinian gunman in Jenin on Tuesday, the army said.',
     'shot dead', 'Jenin', 'PS'),
    # an "X-based" source elsewhere than the act
    ('A Nairobi-based security analyst said al-Shabaab fighters killed nine police officers '
     'in Garissa on Monday.',
     'killed', 'Garissa', 'KE'),
    ('The Bangkok-based rights group said soldiers detained 40 protesters in Mandalay on '
     'Friday.',
     'detained', 'Mandalay', 'MM'),
    # a dateline's capital where the act's words put it in another town
    ('CAIRO (Reuters) - A bomb exploded near a police station in Giza on Sunday, wounding '
     'three officers, security sources said.',
     'exploded', 'Giza', 'EG'),
    ('NAIROBI, Kenya (AP) — Gunmen killed 12 people in an attack on a bus in Lamu county on '
     'Tuesday.',
     'killed', 'Lamu', 'KE'),
    ('ISLAMABAD (AP) — Police fired tear gas at thousands of protesters who tried to march '
     'on the capital on Saturday.',
     'fired', 'Islamabad', 'PK'),
    # an area of a country, said by its compass point
    ('Jihadists killed 25 civilians in the centre of Mali on Friday, local officials said.',
     'killed', 'Mali', 'ML'),
    ('Bandits abducted 80 villagers in northwest Nigeria on Sunday, police said.',
     'abducted', 'Nigeria', 'NG'),
    # threats and bans: the place the words give, or none
    ('Protesters in Lagos threatened to shut down the city if the government did not act.',
     'threatened', 'Lagos', 'NG'),
    ('The government banned all opposition rallies in Kampala on Monday.',
     'banned', 'Kampala', 'UG'),
    # arrests elsewhere than the act
    ('Police in Brussels arrested a man suspected of planning an attack in Paris, Belgian '
     'prosecutors said.',
     'arrested', 'Brussels', 'BE'),
    ('A gunman who killed four people in Hanau was found dead at his home, German police said.',
     'killed', 'Hanau', 'DE'),
    # the place given by a preposition on the verb, a country of a nationality elsewhere
    ('Pakistani Taliban gunmen attacked a police station in Bannu on Friday, killing three '
     'officers.',
     'attacked', 'Bannu', 'PK'),
    ('Burmese troops torched houses in a village near Kalay on Tuesday, residents said.',
     'torched', 'Kalay', 'MM'),
    ('Sri Lankan police arrested 12 people in Negombo on Monday after clashes between two '
     'communities.',
     'arrested', 'Negombo', 'LK'),
    ('Chadian soldiers repelled an attack by Boko Haram fighters near Bol on Wednesday, '
     'killing 30 of them.',
     'attack', 'Bol', 'TD'),
    ('Cameroonian troops killed seven separatists in Bamenda on Saturday, the army said.',
     'killed', 'Bamenda', 'CM'),
    ('Ugandan police arrested 40 opposition supporters in Masaka on Thursday.',
     'arrested', 'Masaka', 'UG'),
    ('Mozambican police said insurgents beheaded 10 villagers near Mocimboa da Praia on '
     'Sunday.',
     'beheaded', 'Mocimboa da Praia', 'MZ'),
    ('Bangladeshi police said a mob killed two men in Rangpur on Tuesday.',
     'killed', 'Rangpur', 'BD'),
    ('Libyan officials said a car bomb exploded outside a mosque in Benghazi on Friday, '
     'killing 20 people.',
     'exploded', 'Benghazi', 'LY'),
    ('Tunisian police arrested three suspected militants in Sousse on Monday.',
     'arrested', 'Sousse', 'TN'),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country"), BATTERY)
def test_place_battery_r13(pipeline, text, trigger, name, country):
    assert_placed(pipeline, text, trigger, name, country)


# This round's NER repair, rule by rule, with its guards (our own sentences).
RULES = [
    # a name the NER took for a person after "near", in a country the report names
    ('Soldiers killed two men near Gao on Tuesday, Malian officials said.',
     'killed', 'Gao', 'ML'),
    # guard: the article uses the name as a person elsewhere ("questioned Gao")
    ('Malian police questioned Gao on Monday. Soldiers killed two men near Gao on Tuesday.',
     'killed', None, None),
    # guard: no country named, and the name is also a town elsewhere (Dunedin, Florida)
    ('Gunmen killed a police officer in Dunedin on Saturday.',
     'killed', None, None),
    # the "of" object of an area noun the NER took for a person ("the Nigerian state of
    # Kebbi"), read off the verb's object's phrase
    ('Gunmen abducted 30 students in the Nigerian state of Kebbi on Thursday.',
     'abducted', 'Kebbi', 'NG'),
    # a dateline names the report's country: the settlement noun's missed town is read there
    ('CAIRO (Reuters) - Militants attacked a checkpoint in the Sinai city of El Arish on '
     'Friday.',
     'attacked', 'Arish', 'EG'),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country"), RULES)
def test_place_rules_r13(pipeline, text, trigger, name, country):
    assert_placed(pipeline, text, trigger, name, country)
