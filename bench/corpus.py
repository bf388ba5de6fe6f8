"""A deterministic corpus of synthetic wire-style news articles for the benchmarks.

Every sentence template, organisation, outlet and person name below was written for this
file (people are first/last names put together at random; cities are real). The texts are
meant to exercise the same code paths as real news -- violent events, casualty counts,
quotes with "said" / "according to", arrests, threats, a background paragraph set in an
older year -- not to be realistic reporting.

    python -m bench.corpus 300 /tmp/corpus     # writes 300 .txt files

Same ``n`` and ``seed`` -> byte-identical corpus (only ``random.Random(seed)`` is used).
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

from eventwire.model import Article, make_article

MIN_WORDS = 250
MAX_WORDS = 450
MIN_PARAGRAPHS = 5
MAX_PARAGRAPHS = 9

# (city, country, demonym) -- real places, so the geocoder has work to do.
CITIES: tuple[tuple[str, str, str], ...] = (
    ("Lagos", "Nigeria", "Nigerian"),
    ("Kano", "Nigeria", "Nigerian"),
    ("Nairobi", "Kenya", "Kenyan"),
    ("Mombasa", "Kenya", "Kenyan"),
    ("Karachi", "Pakistan", "Pakistani"),
    ("Peshawar", "Pakistan", "Pakistani"),
    ("Quetta", "Pakistan", "Pakistani"),
    ("Kabul", "Afghanistan", "Afghan"),
    ("Baghdad", "Iraq", "Iraqi"),
    ("Mosul", "Iraq", "Iraqi"),
    ("Beirut", "Lebanon", "Lebanese"),
    ("Damascus", "Syria", "Syrian"),
    ("Aleppo", "Syria", "Syrian"),
    ("Istanbul", "Turkey", "Turkish"),
    ("Ankara", "Turkey", "Turkish"),
    ("Cairo", "Egypt", "Egyptian"),
    ("Tripoli", "Libya", "Libyan"),
    ("Khartoum", "Sudan", "Sudanese"),
    ("Mogadishu", "Somalia", "Somali"),
    ("Bamako", "Mali", "Malian"),
    ("Ouagadougou", "Burkina Faso", "Burkinabe"),
    ("Niamey", "Niger", "Nigerien"),
    ("Kinshasa", "Democratic Republic of the Congo", "Congolese"),
    ("Goma", "Democratic Republic of the Congo", "Congolese"),
    ("Manila", "Philippines", "Philippine"),
    ("Davao", "Philippines", "Philippine"),
    ("Dhaka", "Bangladesh", "Bangladeshi"),
    ("Yangon", "Myanmar", "Myanmar"),
    ("Bogota", "Colombia", "Colombian"),
    ("Medellin", "Colombia", "Colombian"),
    ("Caracas", "Venezuela", "Venezuelan"),
    ("Lima", "Peru", "Peruvian"),
    ("Mexico City", "Mexico", "Mexican"),
    ("Culiacan", "Mexico", "Mexican"),
    ("Port-au-Prince", "Haiti", "Haitian"),
    ("Kyiv", "Ukraine", "Ukrainian"),
    ("Kharkiv", "Ukraine", "Ukrainian"),
    ("Tbilisi", "Georgia", "Georgian"),
    ("Belgrade", "Serbia", "Serbian"),
    ("Paris", "France", "French"),
    ("Marseille", "France", "French"),
    ("Berlin", "Germany", "German"),
    ("Brussels", "Belgium", "Belgian"),
    ("Madrid", "Spain", "Spanish"),
    ("Athens", "Greece", "Greek"),
    ("Jakarta", "Indonesia", "Indonesian"),
    ("Bangkok", "Thailand", "Thai"),
    ("Colombo", "Sri Lanka", "Sri Lankan"),
)

FIRST_NAMES: tuple[str, ...] = (
    "Amara", "Tomas", "Leyla", "Idris", "Marta", "Daniel", "Nadia", "Oren", "Salma", "Viktor",
    "Ines", "Kwame", "Elena", "Farid", "Grace", "Hassan", "Lucia", "Mateo", "Noor", "Pavel",
    "Rosa", "Samuel", "Tariq", "Yara", "Jonas", "Aisha", "Bruno", "Chidi", "Dalia", "Emil",
)
LAST_NAMES: tuple[str, ...] = (
    "Okonkwo", "Varga", "Haddad", "Mendel", "Castellan", "Obi", "Rahimi", "Novak", "Saleh",
    "Brandt", "Ferreira", "Kamau", "Lindqvist", "Mansour", "Petrescu", "Quiroga", "Sato",
    "Tembo", "Udeh", "Voss", "Wekesa", "Yilmaz", "Zamora", "Abara", "Demir", "Halloran",
)

# Invented groups and outlets.
GROUPS: tuple[str, ...] = (
    "the Red Valley Front", "the Northern Liberation Brigade", "the Sons of the Delta",
    "the People's Defence Committee", "the Coastal Resistance Movement",
    "the Iron Crescent Battalion", "the United Highland Army", "the Free Workers Union",
)
PARTIES: tuple[str, ...] = (
    "the National Renewal Party", "the Civic Alliance", "the Democratic Forward Movement",
    "the Labour and Justice Party", "the Green Future Coalition",
)
OUTLETS: tuple[str, ...] = (
    "Meridian Wire", "Continental Press Service", "The Daily Ledger", "Harbour Times",
    "Northstar News Agency", "Global Dispatch",
)
OFFICIAL_ROLES: tuple[str, ...] = (
    "a police spokesperson", "the regional police chief", "a spokesman for the interior ministry",
    "the city's mayor", "an army spokesman", "the provincial governor",
    "a senior security official",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
NUMBER_WORDS: tuple[str, ...] = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
)

# Per kind: a headline, lead sentences, detail sentences, quotes (content only) and
# reaction sentences. Slots are filled by str.format from _slots().
KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "shooting": {
        "title": (
            "Gunmen kill {dead} in {city} attack",
            "{Dead} dead after shooting at {city} market",
        ),
        "lead": (
            "Gunmen opened fire on a crowded market in {city} on {weekday}, killing {dead} "
            "people and wounding {injured} others, {official_role} said.",
            "At least {dead} people were shot dead and {injured} were injured when armed men "
            "attacked a bus station in central {city} late on {weekday}.",
            "Unidentified attackers on motorcycles killed {dead} people outside a mosque in "
            "{city} on {weekday} evening, according to local officials.",
        ),
        "detail": (
            "Witnesses said the gunmen fired for several minutes before fleeing in a pickup "
            "truck toward the outskirts of the city.",
            "Ambulances took the wounded to two hospitals, where {injured_hosp} of them were "
            "in critical condition on {weekday} night.",
            "Police sealed off the area and searched nearby houses, but no arrests had been "
            "made by late evening.",
            "The victims included a shopkeeper, two students and a retired teacher, relatives "
            "told reporters at the scene.",
        ),
        "quote": (
            "The attackers came from the north road and shot at anyone who moved",
            "We are treating this as a deliberate act of terror against civilians",
            "Our officers returned fire and one attacker was wounded",
        ),
        "reaction": (
            "President {leader} condemned the attack and ordered security forces to find "
            "those responsible.",
            "No group has claimed responsibility for the shooting, but officials suspect "
            "{group}, which has carried out similar raids in the region.",
        ),
    },
    "bombing": {
        "title": (
            "Car bomb kills {dead} in {city}",
            "Blast near {city} checkpoint leaves {dead} dead",
        ),
        "lead": (
            "A car bomb exploded near a police checkpoint in {city} on {weekday}, killing "
            "{dead} people and injuring {injured}, {official_role} said.",
            "A suicide bomber blew himself up at a wedding hall in {city} on {weekday}, "
            "killing at least {dead} guests, according to hospital officials.",
            "An explosive device hidden in a rubbish bin detonated at a busy intersection in "
            "{city} on {weekday} morning, wounding {injured} people.",
        ),
        "detail": (
            "The force of the blast shattered windows along the street and set several "
            "parked cars on fire.",
            "Bomb disposal teams later found a second device nearby and defused it, police "
            "said.",
            "Television footage showed rescue workers carrying stretchers through thick "
            "smoke as sirens sounded.",
            "Hospital staff said {injured_hosp} of the wounded were in a serious condition "
            "and the death toll could rise.",
        ),
        "quote": (
            "This was a cowardly attack on ordinary people going about their day",
            "The device was powerful and was placed to cause as many casualties as possible",
            "We have increased security at all checkpoints in the city",
        ),
        "reaction": (
            "{group} claimed responsibility for the bombing in a statement posted online, "
            "saying it had targeted security forces.",
            "The government blamed {group} for the blast, but the group denied any "
            "involvement in a message to local journalists.",
        ),
    },
    "protest": {
        "title": (
            "Police arrest {arrested} as protests spread in {city}",
            "Thousands march in {city} against fuel prices",
        ),
        "lead": (
            "Police in {city} fired tear gas and arrested {arrested} people on {weekday} as "
            "thousands of protesters marched against rising fuel prices.",
            "Several thousand demonstrators gathered outside parliament in {city} on "
            "{weekday} to demand the resignation of the government, and {arrested} were "
            "detained.",
            "Students blocked the main roads of {city} for a third day on {weekday}, and "
            "riot police detained {arrested} of them, {official_role} said.",
        ),
        "detail": (
            "Protesters chanted slogans and burned tyres, while shops in the city centre "
            "stayed closed.",
            "Clashes broke out when police tried to disperse the crowd near the central "
            "square, and {injured} people were hurt.",
            "Organisers from {party} said the demonstrations would continue until the price "
            "increase was reversed.",
            "Those detained were taken to a police station and could face charges of "
            "rioting, a lawyer for the group said.",
        ),
        "quote": (
            "We will not stop until our voices are heard",
            "The police used force against peaceful people who only wanted to be heard",
            "Those arrested were throwing stones and damaging property",
        ),
        "reaction": (
            "The interior minister, {minister}, said the protests had been infiltrated by "
            "troublemakers and urged calm.",
            "Rights groups called on the authorities to release everyone detained during the "
            "demonstrations.",
        ),
    },
    "meeting": {
        "title": (
            "{country} and neighbours meet over border security",
            "Ministers hold talks in {city} after weeks of violence",
        ),
        "lead": (
            "Foreign ministers from {country} and three neighbouring states met in {city} on "
            "{weekday} to discuss border security after a series of attacks.",
            "President {leader} met opposition leaders in {city} on {weekday} in an attempt "
            "to end months of political deadlock.",
        ),
        "detail": (
            "The talks lasted more than six hours and ended with a joint statement pledging "
            "closer cooperation.",
            "Delegates agreed to set up a joint committee that will meet every month.",
            "The meeting was held behind closed doors, and reporters were kept outside the "
            "conference hall.",
        ),
        "quote": (
            "Dialogue is the only way forward for our region",
            "We agreed on practical steps to protect civilians along the border",
            "Nobody expected a breakthrough today, but the tone was constructive",
        ),
        "reaction": (
            "Analysts said the agreement was mostly symbolic and would depend on how it was "
            "carried out.",
            "{party} welcomed the talks but said the government had waited too long.",
        ),
    },
    "sanctions": {
        "title": (
            "New sanctions imposed on {country} officials",
            "Western governments sanction {country} commanders",
        ),
        "lead": (
            "The European Union on {weekday} imposed sanctions on {sanctioned} {demonym} "
            "officials it accused of organising violent attacks on protesters.",
            "The United States announced sanctions on {weekday} against {sanctioned} "
            "commanders of {group}, freezing their assets and banning them from travel.",
        ),
        "detail": (
            "The measures freeze any assets the individuals hold abroad and ban them from "
            "entering the bloc.",
            "Officials said more names could be added to the list in the coming weeks.",
            "The sanctions follow a United Nations report that documented killings and "
            "arbitrary arrests.",
        ),
        "quote": (
            "Those who order violence against civilians will be held to account",
            "These sanctions are illegal and will not change our policy",
            "We are sending a clear message that impunity has a price",
        ),
        "reaction": (
            "The foreign ministry in {city} rejected the sanctions as interference in the "
            "country's internal affairs.",
            "The government of {country} threatened to retaliate against companies from the "
            "countries involved.",
        ),
    },
    "threat": {
        "title": (
            "{group_title} threatens new attacks in {city}",
            "Militants warn of strikes on {city} ahead of vote",
        ),
        "lead": (
            "{group_cap} threatened on {weekday} to attack polling stations in {city} if "
            "next month's election goes ahead.",
            "A commander of {group} warned in a video released on {weekday} that fighters "
            "would target foreign companies operating in {city}.",
        ),
        "detail": (
            "Security forces were placed on high alert and extra checkpoints were set up "
            "around government buildings.",
            "The video, which lasted about four minutes, showed armed men standing in front "
            "of a flag.",
            "The authorities said they were taking the threat seriously but urged residents "
            "not to panic.",
        ),
        "quote": (
            "Anyone who takes part in this election will be considered a target",
            "We will not be intimidated by threats from criminals",
            "Our forces are ready to respond to any attack",
        ),
        "reaction": (
            "The electoral commission said voting would go ahead as planned under heavy "
            "security.",
            "Diplomats in {city} advised their citizens to avoid large gatherings.",
        ),
    },
}

QUOTE_FORMS: tuple[str, ...] = (
    '"{quote}," said {person}, {role}.',
    '"{quote}," {person}, {role}, told reporters on {weekday}.',
    "According to {person}, {role}, {claim}.",
    '{person}, {role}, said: "{quote}."',
)
CLAIMS: tuple[str, ...] = (
    "the attackers had been planning the operation for weeks",
    "security forces had received warnings of an attack several days earlier",
    "most of the victims were civilians",
    "the situation in the city was now under control",
)
WITNESS_FORMS: tuple[str, ...] = (
    '"I heard shouting and then everyone started running," said {person}, a {job} who was '
    "nearby. \"I hid behind a wall until it was quiet.\"",
    "{person}, a {job}, said he saw smoke rising above the rooftops and heard sirens for "
    "more than an hour.",
    '"We have seen this before and we are tired," said {person}, a {job} from the area.',
)
JOBS: tuple[str, ...] = (
    "taxi driver", "shopkeeper", "teacher", "nurse", "student", "street vendor", "mechanic",
)
BACKGROUND: tuple[str, ...] = (
    "In {old_year}, a similar attack in {city} killed {old_dead} people and led to a "
    "months-long security crackdown.",
    "{group_cap} was founded in {old_year} and has since been blamed for dozens of attacks "
    "in the north of {country}.",
    "Violence in the region has risen since {old_year}, when a ceasefire between the "
    "government and armed groups collapsed.",
    "Protests over living costs last turned deadly in {old_year}, when security forces "
    "killed {old_dead} demonstrators in the capital.",
    "The last major bombing in {city} took place in {old_year}; no one was ever convicted.",
)
CONTEXT: tuple[str, ...] = (
    "{country} has struggled with insecurity for more than a decade, and large parts of the "
    "countryside are outside government control.",
    "The government has repeatedly promised to reform the security services, but critics "
    "say little has changed.",
    "Aid agencies say tens of thousands of people have fled their homes because of the "
    "fighting.",
    "Elections are due next year, and analysts warn that violence could increase in the "
    "run-up to the vote.",
    "The economy has been hit hard by the unrest, and unemployment among young people is "
    "high.",
)
GENERIC: tuple[str, ...] = (
    "Residents said the neighbourhood had been calm in recent months and that few expected "
    "trouble there.",
    "Mobile phone networks were cut in parts of the city for several hours afterwards.",
    "Local television stations interrupted their programmes to show pictures from the scene.",
    "Schools and government offices in the area were ordered to close until further notice.",
    "Security analysts said the events showed how quickly the situation could change.",
    "Officials gave conflicting accounts of what happened, and the figures could not be "
    "independently verified.",
    "A curfew was imposed from eight in the evening until six the next morning.",
    "Soldiers were deployed to guard hospitals, bridges and the main bus terminal.",
    "Opposition politicians accused the authorities of failing to act on earlier warnings.",
    "Traffic was diverted away from the city centre and long queues formed at checkpoints.",
    "Neighbours gathered outside the hospital to wait for news of relatives.",
    "The United Nations mission in the country said it was following events closely.",
)
CLOSING: tuple[str, ...] = (
    "An investigation has been opened, {official_role} said.",
    "Funerals for the victims were expected to take place on {next_weekday}.",
    "The situation remained tense on {weekday} night, with soldiers patrolling the streets.",
    "Officials said they would give more details at a news conference on {next_weekday}.",
)


@dataclass(frozen=True, slots=True)
class _Draft:
    title: str
    paragraphs: tuple[str, ...]


def _number(rng: random.Random, low: int, high: int) -> str:
    """Small numbers in words half the time, as wire copy does."""
    n = rng.randint(low, high)
    if n < len(NUMBER_WORDS) and rng.random() < 0.5:
        return NUMBER_WORDS[n]
    return str(n)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _slots(rng: random.Random) -> dict[str, str]:
    city, country, demonym = rng.choice(CITIES)
    group = rng.choice(GROUPS)
    weekday = rng.randrange(7)
    dead = _number(rng, 2, 40)
    return {
        "city": city,
        "country": country,
        "demonym": demonym,
        "group": group,
        "group_cap": group[0].upper() + group[1:],
        "group_title": group.removeprefix("the ").title(),
        "party": rng.choice(PARTIES),
        "leader": _person(rng),
        "minister": _person(rng),
        "official_role": rng.choice(OFFICIAL_ROLES),
        "weekday": WEEKDAYS[weekday],
        "next_weekday": WEEKDAYS[(weekday + 2) % 7],
        "dead": dead,
        "Dead": dead[0].upper() + dead[1:],
        "injured": _number(rng, 3, 90),
        "injured_hosp": _number(rng, 1, 9),
        "arrested": _number(rng, 5, 120),
        "sanctioned": _number(rng, 3, 15),
        "old_year": str(rng.randint(1998, 2021)),
        "old_dead": _number(rng, 4, 60),
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _quote(rng: random.Random, kind: dict[str, tuple[str, ...]], slots: dict[str, str]) -> str:
    return rng.choice(QUOTE_FORMS).format(
        quote=_fill(rng.choice(kind["quote"]), slots),
        person=_person(rng),
        role=rng.choice(OFFICIAL_ROLES),
        weekday=slots["weekday"],
        claim=rng.choice(CLAIMS),
    )


def _draft(rng: random.Random) -> _Draft:
    name = rng.choice(sorted(KINDS))
    kind = KINDS[name]
    slots = _slots(rng)
    # A second kind gives the article a related secondary event (arrests after a bombing ...).
    other = KINDS[rng.choice(sorted(k for k in KINDS if k != name))]
    # Sentences are drawn without replacement so no sentence repeats within an article.
    pool = [_fill(t, slots) for t in rng.sample(kind["detail"], len(kind["detail"]))]
    pool += [_fill(t, slots) for t in rng.sample(GENERIC, len(GENERIC))]
    context = [_fill(t, slots) for t in rng.sample(CONTEXT, 3)]

    def take(low: int, high: int) -> list[str]:
        return [pool.pop(0) for _ in range(rng.randint(low, high)) if pool]

    body: list[str] = [
        " ".join([_fill(rng.choice(kind["lead"]), slots), *take(1, 2)]),
        " ".join([_quote(rng, kind, slots), *take(1, 2)]),
        " ".join(take(2, 4)),
        " ".join([_fill(rng.choice(other["lead"]), slots),
                  _fill(rng.choice(other["detail"]), slots), *take(0, 1)]),
        " ".join([_fill(rng.choice(kind["reaction"]), slots), _quote(rng, other, slots)]),
        " ".join([rng.choice(WITNESS_FORMS).format(person=_person(rng), job=rng.choice(JOBS)),
                  *take(0, 1)]),
        " ".join([_fill(rng.choice(BACKGROUND), slots), context[0]]),
        " ".join(context[1:]),
        " ".join([_fill(rng.choice(CLOSING), slots), *take(0, 1)]),
    ]
    target = rng.randint(MIN_WORDS + 10, MAX_WORDS - 10)
    paragraphs = _fit(body, rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS), target)
    return _Draft(title=_fill(rng.choice(kind["title"]), slots), paragraphs=tuple(paragraphs))


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _fit(body: list[str], keep: int, target: int) -> list[str]:
    """Pick ``keep`` paragraphs (lead, quote and background always in), then grow towards
    ``target`` words and shrink below MAX_WORDS, within MIN..MAX_PARAGRAPHS."""
    required = {0, 1, 6}
    order = [i for i in range(len(body)) if i not in required]
    chosen = sorted(required | set(order[: keep - len(required)]))
    spare = [i for i in order if i not in chosen]
    while _words([body[i] for i in chosen]) < target and spare:
        chosen = sorted([*chosen, spare.pop(0)])
    while _words([body[i] for i in chosen]) > MAX_WORDS and len(chosen) > MIN_PARAGRAPHS:
        drop = next(i for i in reversed(chosen) if i not in required)
        chosen.remove(drop)
    return [body[i] for i in chosen]


def generate(n: int, seed: int = 0) -> list[Article]:
    """``n`` synthetic articles; the same ``(n, seed)`` always gives the same list."""
    rng = random.Random(seed)
    articles: list[Article] = []
    for i in range(n):
        draft = _draft(rng)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        articles.append(
            make_article(
                "\n\n".join(draft.paragraphs),
                published=f"2026-{month:02d}-{day:02d}",
                outlet=rng.choice(OUTLETS),
                title=draft.title,
                url=f"https://example.org/bench/{seed}/{i}",
            )
        )
    return articles


def write_corpus(n: int, out_dir: str | Path, seed: int = 0) -> list[Path]:
    """Write ``generate(n, seed)`` as ``00000.txt`` ... (title line, blank line, body)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i, article in enumerate(generate(n, seed)):
        path = out / f"{i:05d}.txt"
        path.write_text(f"{article.title}\n\n{article.text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print("usage: python -m bench.corpus N OUT_DIR [SEED]", file=sys.stderr)
        return 2
    paths = write_corpus(int(args[0]), args[1], int(args[2]) if len(args) == 3 else 0)
    print(f"wrote {len(paths)} articles to {args[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
