"""Places round 13 (branch ``places-r15``): a fifth battery of wire reports of our own (none
of the earlier batteries' sentences), with the phrasings this round reads: acts whose own
words put them across a country ("nationwide protests", "a national strike",
"anti-government rallies", "the government imposed a curfew"), a country's own police or
security forces as a side, town names spelled by another romanisation than GeoNames'
("Hodeidah", "Saraqeb", "Maarat al-Numan", "Beiji") in a country the report names, and the
bracketed datelines of local outlets ("(Dayton, OH)--"). Each report carries the place a
coder gives the act under the incident codebook (the town, else the area or country, that
the text gives; scored as the incident scorer scores: the place's name, city or admin1, and
its country; ``None`` where the text does not say). ``GUARDS`` are the rules' limits.
See docs/EVALUATION.md, "Places, round 13"."""

from __future__ import annotations

import pytest

from .records import assert_placed

pytestmark = pytest.mark.model


BATTERY = [
    # national scope: nationwide / national / countrywide on the act's noun, the report's country
    ('Thousands of Chileans joined nationwide protests on Thursday against pension reform, '
     'the first in Santiago since March.',
     'protests', 'Chile', 'CL'),
    ("Bolivia's main unions began a national strike on Monday, demanding fuel subsidies.",
     'strike', 'Bolivia', 'BO'),
    ('Teachers across Kenya launched a countrywide strike on Tuesday over pay, the Kenyan '
     'union said.',
     'strike', 'Kenya', 'KE'),
    ('The Nigerian labour congress called a nationwide strike for Wednesday to protest '
     'fuel prices.',
     'strike', 'Nigeria', 'NG'),
    ('Opposition leaders in Zimbabwe called for nationwide demonstrations after the '
     'disputed vote. Zimbabwean police said they were ready.',
     'demonstrations', 'Zimbabwe', 'ZW'),
    ('France braced for a national strike on Thursday as unions opposed the pension plan. '
     'French rail services were cut.',
     'strike', 'France', 'FR'),
    ('South Korean doctors began a nationwide walkout on Friday over a plan to expand '
     'medical schools.',
     'walkout', 'South Korea', 'KR'),
    ("Malawi's opposition staged nationwide protests on Sunday over food prices, Malawian "
     'media said.',
     'protests', 'Malawi', 'MW'),
    ('Argentine truckers staged a national strike on Monday, blocking highways. '
     "Argentina's government said talks would resume.",
     'strike', 'Argentina', 'AR'),
    ("Peruvian farmers blocked roads during a nationwide strike on Tuesday, Peru's "
     'interior ministry said.',
     'strike', 'Peru', 'PE'),
    # anti-government on the act's noun
    ('At least 40 people have died in two months of anti-government protests, Nicaraguan '
     'rights groups said.',
     'protests', 'Nicaragua', 'NI'),
    ('Iranian authorities have arrested hundreds during anti-government demonstrations, '
     'Iranian media said.',
     'demonstrations', 'Iran', 'IR'),
    ('Students led anti-government marches on Saturday, the third weekend of unrest in '
     'Serbia.',
     'marches', 'Serbia', 'RS'),
    ('Ecuadorean police fired tear gas as anti-government rallies grew on Wednesday, '
     "Ecuador's ministry said.",
     'rallies', 'Ecuador', 'EC'),
    ("Togolese opposition supporters held anti-government protests on Thursday, Togo's "
     'opposition said.',
     'protests', 'Togo', 'TG'),
    ("Venezuela's opposition met on Monday. Dozens were hurt on Sunday as police broke up "
     'anti-government street protests, activists said.',
     'protests', 'Venezuela', 'VE'),
    # a government's own measure at home (COERCE: bans, curfews)
    ('Following two days of unrest, the Kenyan government on Friday issued a ban on public '
     'rallies.',
     'ban', 'Kenya', 'KE'),
    ('The Ethiopian government imposed a curfew on Monday after clashes between rival '
     'groups.',
     'curfew', 'Ethiopia', 'ET'),
    ("Uganda's opposition denounced the vote. The government then imposed a ban on "
     'opposition rallies, Ugandan officials said.',
     'ban', 'Uganda', 'UG'),
    ("Pakistani officials said the government had ordered a ban on the group's gatherings. "
     "Pakistan's interior minister said the group was dangerous.",
     'ban', 'Pakistan', 'PK'),
    ('The Myanmar government imposed a curfew on Tuesday, Burmese state media said.',
     'curfew', 'Myanmar', 'MM'),
    ('A ban on protests was ordered by the government on Sunday, Cameroonian officials '
     'said, after unrest in Cameroon.',
     'ban', 'Cameroon', 'CM'),
    # a country's own police or security forces as a side, with nothing else to place the act
    ('Protesters clashed with Guinean security forces on Thursday, witnesses said.',
     'clashed', 'Guinea', 'GN'),
    ('Hundreds of students clashed with Bangladeshi police on Sunday, local media said.',
     'clashed', 'Bangladesh', 'BD'),
    ('Demonstrators were beaten by Zambian police on Saturday, a rights group said.',
     'beaten', 'Zambia', 'ZM'),
    ('Senegalese riot police fired tear gas at stone-throwing youths on Friday, witnesses '
     'said.',
     'fired tear gas', 'Senegal', 'SN'),
    ('Haitian police arrested 12 gang suspects on Wednesday, a spokesman said.',
     'arrested', 'Haiti', 'HT'),
    # transliteration variants (the country named by the report)
    ('Warplanes struck a port warehouse in Hodeidah on Monday, killing three workers, '
     'Yemeni officials said.',
     'struck', 'Hodeidah', 'YE'),
    ('Syrian activists said shelling wounded nine people in Saraqeb on Thursday.',
     'wounded', 'Saraqeb', 'SY'),
    ('Syrian activists said barrel bombs killed 11 people in Maarat al-Numan on Friday.',
     'killed', 'Maarat al-Numan', 'SY'),
    ('Kurdish fighters clashed with Syrian government forces in Qamishli on Saturday, a '
     'Syrian monitor said.',
     'clashed', 'Qamishli', 'SY'),
    ('Iraqi officials said a suicide bomber killed nine soldiers in Beiji on Monday.',
     'killed', 'Beiji', 'IQ'),
    ('Iraqi officials said militants attacked an army post near Hawija on Thursday.',
     'attacked', 'Hawija', 'IQ'),
    ('A car bomb killed six people in Muqdadiya on Wednesday, Iraqi police said.',
     'killed', 'Muqdadiya', 'IQ'),
    ('Gunmen killed three policemen at a checkpoint in Qaim on Sunday, Iraqi security '
     'sources said.',
     'killed', 'Qaim', 'IQ'),
    ('Syrian Kurdish officials said a car bomb killed five people in Ras al-Ain on '
     'Tuesday.',
     'killed', 'Ras al-Ain', 'SY'),
    ('Syrian state media said rebels shelled Atareb on Friday, killing two children.',
     'shelled', 'Atareb', 'SY'),
    ('Yemeni officials said a drone strike killed four suspected militants near Mukalla on '
     'Thursday.',
     'killed', 'Mukalla', 'YE'),
    # bracketed datelines of local outlets
    ('Teen Wounded Near Corner Store(Dayton, OH)--Police say a 17-year-old boy was shot in '
     'the arm late Tuesday in Northside.',
     'shot', 'Dayton', 'US'),
    ("(Toledo, OH)--Police say a woman was shot in the leg early Sunday on the city's east "
     'side.',
     'shot', 'Toledo', 'US'),
    ('(Louisville, KY) -- A teenager was wounded in a shooting Friday night, police said.',
     'shooting', 'Louisville', 'US'),
    ('(Tulsa, OK)--A man was stabbed outside a bar early Saturday, according to police.',
     'stabbed', 'Tulsa', 'US'),
    ('Colombian truck drivers entered the second week of a national strike on Monday, '
     "Colombia's transport ministry said.",
     'strike', 'Colombia', 'CO'),
    ('Greek unions held a nationwide general strike on Wednesday, halting ferries and '
     'trains across Greece.',
     'strike', 'Greece', 'GR'),
    ('Tunisian unions staged a national strike on Thursday over wages, the Tunisian labour '
     'federation said.',
     'strike', 'Tunisia', 'TN'),
    ('Hungarian teachers held nationwide demonstrations on Friday over low pay.',
     'demonstrations', 'Hungary', 'HU'),
    ('Police detained dozens during anti-government protests on Saturday, Belarusian '
     'rights groups said.',
     'protests', 'Belarus', 'BY'),
    ('Thai students staged anti-government rallies on Sunday, Thai media said.',
     'rallies', 'Thailand', 'TH'),
    ('The Sudanese government imposed a curfew on Sunday after days of unrest.',
     'curfew', 'Sudan', 'SD'),
    ('The Zambian government banned opposition rallies on Monday, Zambian media said.',
     'banned', 'Zambia', 'ZM'),
    ('Opposition rallies were banned by the government on Monday, Tanzanian officials '
     'said.',
     'banned', 'Tanzania', 'TZ'),
    ('Kyrgyz police detained 30 protesters on Tuesday, officials said.',
     'detained', 'Kyrgyzstan', 'KG'),
    ('Students clashed with Malian security forces on Friday, witnesses said.',
     'clashed', 'Mali', 'ML'),
    ('Iraqi officials said gunmen killed two farmers near Muqdadiya on Sunday.',
     'killed', 'Muqdadiya', 'IQ'),
    ('(Akron, OH)--Two men were shot outside a bar early Sunday, police said.',
     'shot', 'Akron', 'US'),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country"), BATTERY)
def test_place_battery_r15(pipeline, text, trigger, name, country):
    assert_placed(pipeline, text, trigger, name, country)


# The rules' limits, one by one (our own sentences).
GUARDS = [
    # no national word, no government doer, no domestic force: the setting alone gives nothing
    ("Venezuela's opposition leader spoke on Monday. Arrests of political activists have "
     'accelerated, rights groups said.',
     'Arrests', None, None),
    # the government as doer of an attack: not placed by the government cue
    ('The government bombed rebel positions on Tuesday, a spokesman said.',
     'bombed', None, None),
    # "national" on a noun that is not the act: no cue
    ('A national guard spokesman said gunmen attacked a convoy on Friday.',
     'attacked', None, None),
    # a report on two countries alike: no one country leads, no place
    ('Russia and Ukraine traded accusations on Monday. Russian officials said nationwide '
     'protests were planned, Ukrainian media reported.',
     'protests', None, None),
    # a transliteration variant is not read where the report names no country
    ('Gunmen killed three people in Beiji on Monday.',
     'killed', 'Beiji', None),
    # brackets without a state: an agency, not a dateline
    ('(Reuters, AP) -- Gunmen shot dead a man in a parking lot on Tuesday.',
     'shot', None, None),
    # nationwide acts with a place of their own keep it
    ('Thousands joined nationwide protests in Lima on Thursday, Peruvian media said.',
     'protests', 'Lima', 'PE'),
    # the dateline city stays for an act with no national word
    ('LAGOS (Reuters) - Nigerian police arrested 40 protesters on Monday.',
     'arrested', 'Lagos', 'NG'),
    # "national" on another noun before the act's ("the national team's"): no cue
    ("The national team's supporters staged protests on Monday after the match, Venezuelan "
     'media said.',
     'protests', None, None),
    # police with no country named on them: the forces cue needs one
    ('Kenyan officials said police arrested 12 people on Friday.',
     'arrested', None, None),
    # a country's police in a place of their own keep that place
    ('Israeli police arrested two men in Hebron on Monday, a spokesman said.',
     'arrested', 'Hebron', 'PS'),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country"), GUARDS)
def test_place_guards_r15(pipeline, text, trigger, name, country):
    assert_placed(pipeline, text, trigger, name, country)
