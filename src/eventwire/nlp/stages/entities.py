"""Entities of one article: repair NER labels, merge aliases, read roles and relations.

Repairs (the small English model errs in news): a known place tagged PERSON/ORG becomes
GPE ("Kyiv"); a surname of a PERSON elsewhere in the article is that PERSON ("Lavrov"
tagged ORG); an unplaceable multi-word "GPE" made of proper nouns next to a person role is
a PERSON. Aliases: titles are stripped ("Lt Gen Vladimir Alekseyev" -> "Vladimir
Alekseyev"), surnames and "the general" join the full name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Set
from typing import cast

from spacy.attrs import IS_LOWER, LOWER, POS  # type: ignore[attr-defined]
from spacy.symbols import NOUN, PROPN  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from ...geo.names import DEMONYMS, fold
from ...model import EntityType, stable_id
from ...timex.lexicon import MONTHS, WEEKDAYS
from ..arguments import arg_words
from ..resources import Resources
from ..spans import char_span, doc_text, phrase, tok, token_span
from ..stage import Stage
from ..work import ENTITY_LABELS, EntityLabel, EntityMention, Work, WorkEntity


class EntityWords:
    """The entities stage's word lists, read once per lexicon (``Resources.memo``)."""

    def __init__(self, res: Resources) -> None:
        lex = res.lexicon
        self.actors = arg_words(res).actors
        self.place_words = lex.words("places.place_words")
        self.place_preps = lex.words("places.place_prepositions")
        self.local_nouns = lex.words("places.local_nouns")
        self.siege_verbs = lex.words("places.siege_verbs")
        self.settlement_nouns = lex.words("places.settlement_nouns")
        self.part_nouns = lex.words("places.part_nouns")
        self.area_nouns = lex.words("places.area_nouns")
        self.name_particles = lex.words("places.name_particles")
        self.aim_preps = lex.words("places.aim_prepositions")
        self.romanised_countries = lex.words("places.romanised_countries")
        self.possessive_markers = lex.words("people.possessive_markers")


def entity_words(res: Resources) -> EntityWords:
    return res.memo("entities.words", lambda: EntityWords(res))


def _strip_titles(
    tokens: list[Token], w: EntityWords
) -> tuple[list[Token], list[Token]]:
    titles: list[Token] = []
    while len(tokens) > 1 and tokens[0].text.lower() in w.actors.titles:
        titles.append(tokens[0])
        tokens = tokens[1:]
    return titles, tokens


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_space or tokens[0].is_punct or tokens[0].lower_ == "the"):
        tokens = tokens[1:]
    return tokens


def collect_mentions(work: Work, res: Resources) -> None:
    w = entity_words(res)
    doc = work.doc
    raw: list[tuple[list[Token], EntityLabel]] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        label = cast(EntityLabel, ent.label_)
        toks = _trim([t for t in ent if "\n" not in t.text])
        if not toks:
            continue
        # a newline inside an entity means the NER ran across a heading; cut there
        cut = next((k for k, t in enumerate(ent) if "\n" in t.text_with_ws[:-1]), None)
        if cut is not None:
            toks = _trim([t for t in list(ent)[: cut + 1] if "\n" not in t.text])
            if not toks:
                continue
        if label in {"GPE", "LOC"}:
            toks = _hyphenated(toks)
        if raw and toks[0].i <= raw[-1][0][-1].i:
            continue  # inside the hyphenated name before it ("Sharif" of "Mazar-i-Sharif")
        raw.append((toks, label))
    raw = _one_name_one_label(raw, w, res)
    # surnames of people named in full anywhere in the article
    # every name part after the first: Spanish and Portuguese names carry two surnames
    surnames = {
        t.text
        for toks, label in raw
        if label == "PERSON" and len(_strip_titles(toks, w)[1]) > 1
        for t in _strip_titles(toks, w)[1][1:]
        if t.text[:1].isupper() and len(t.text) > 2
    }
    countries = _named_countries(raw, res, w.place_words)
    if (dateline := work.context.dateline_place) is not None and dateline.country:
        countries.add(dateline.country)  # "CAIRO (AP) —": the report's own country
    # names the article uses as a person or a group anywhere but after a place cue
    # ("Gao said", "Mr Kebbi"): such a name is not read as a town at the cue either
    elsewhere = {" ".join(t.text for t in toks) for toks, label in raw
                 if label in {"PERSON", "ORG"} and not _located(toks, w)}
    for toks, label in raw:
        text = doc_text(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        if (label in {"PERSON", "ORG"} and _located(toks, w)
                and " ".join(t.text for t in toks) not in elsewhere
                and not any(t.text in surnames for t in toks)
                and _town_in(text, res, countries)):
            label = "GPE"  # "killed two soldiers in Gao", "the Turkish province of Sirnak"
        repaired = _repair_label(toks, text, label, surnames, res, countries)
        if repaired is None:
            continue
        label = repaired
        if label == "PERSON":
            _titles, toks = _strip_titles(toks, w)
        m = EntityMention(
            toks[0].i,
            toks[-1].i + 1,
            label,
            doc_text(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)],
        )
        idx = len(work.entity_mentions)
        work.entity_mentions.append(m)
        for t in toks:
            work.mentions_by_token[t.i] = idx
    _add_unlabelled_people(work, surnames)
    _add_unlabelled_places(work, res, surnames, countries)


def _named_countries(raw: list[tuple[list[Token], EntityLabel]], res: Resources,
                     area_words: Set[str] = frozenset()) -> set[str]:
    """The countries of the places and peoples the NER found in the article (as places
    and peoples: counting a name it took for a person or a group, when the gazetteer knows
    it, let a wrong reading of a missed town back in on LGL), and of a name it took for one
    that a lower-case area word says is a state or a province ("in Ondo state")."""
    out: set[str] = set()
    for toks, label in raw:
        text = " ".join(t.text for t in toks)
        if label == "NORP":
            country = res.country_of(text)
        elif label in {"GPE", "LOC"}:
            g = res.geo_for(text)
            country = g.country if g is not None else None
        elif (after := toks[-1].i + 1) < len(toks[-1].doc) and (
                toks[-1].doc[after].is_lower and toks[-1].doc[after].text in area_words):
            country = next((c.country for c in res.gazetteer.candidates(text)
                            if c.feature in {"admin1", "county"}), None)
        else:
            continue
        if country:
            out.add(country)
    return out


def _one_name_one_label(raw: list[tuple[list[Token], EntityLabel]], w: EntityWords,
                        res: Resources) -> list[tuple[list[Token], EntityLabel]]:
    """A name one article calls a person is that person throughout it: the small model may
    tag "Osman Bekov, 23," an organisation, "ordered Bekov held" a place and "Bekov said"
    a person. A run of capitalised names the NER took for an organisation (no word of a
    group's or a place's name in it, no place the gazetteer knows) that ends in a one-word
    name it tags PERSON, when alone, at least as often as anything else (and that is no
    known place) is a person's full name; the surname rule then makes the lone "Bekov" of
    any label that person. A lone name is not relabelled by itself: a small town the NER
    once calls a person stays the place it is elsewhere (LGL geoparsing lost toponyms)."""
    votes: dict[str, Counter[str]] = {}
    for toks, label in raw:
        if len(toks) == 1:
            votes.setdefault(toks[0].text, Counter())[label] += 1
    people = {x for x, v in votes.items() if v["PERSON"] and v["PERSON"] >= max(v.values())
              and x[:1].isupper() and len(x) > 2 and not res.is_place(x)}
    if not people:
        return raw
    out: list[tuple[list[Token], EntityLabel]] = []
    for toks, label in raw:
        if label == "ORG" and toks[-1].text in people and len(toks) > 1 and (
                all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks)
                and not any(t.lower_ in w.place_words or t.lower_ in w.actors.group_name_heads
                            for t in toks)
                and not res.is_place(" ".join(t.text for t in toks))):
            label = "PERSON"
        out.append((toks, label))
    return out


def _hyphenated(toks: list[Token]) -> list[Token]:
    """The NER often stops a place name at its first hyphen ("Mazar" of "Mazar-i-Sharif",
    "Wilkes" of "Wilkes-Barre"): take the whole hyphen-joined word."""
    doc = toks[0].doc
    k = end = toks[-1].i
    while (
        k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_
        and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha
    ):
        k += 2
        if doc[k].text[:1].isupper():
            end = k  # never end on a lower-case part: "Kansas-based", "Gaza-bound"
    return toks + [doc[i] for i in range(toks[-1].i + 1, end + 1)]


def _one_word(toks: list[Token]) -> bool:
    """One word, hyphens and all ("Elgin", "Wilkes-Barre")."""
    return all(not t.whitespace_ for t in toks[:-1])


def _repair_label(
    toks: list[Token], text: str, label: EntityLabel, surnames: set[str], res: Resources,
    countries: Set[str] = frozenset(),
) -> EntityLabel | None:
    if label in {"NORP", "PERSON", "ORG"} and _one_word(toks) and _unit_named(toks, res):
        return "GPE"  # "in the Kherson region", "the Belgorod region": the region's name
    if label == "NORP":
        return "NORP" if text in DEMONYMS or fold(text) in res.demonyms else None
    if label == "PERSON" and text in entity_words(res).actors.org_sectors:
        return "ORG"  # a group the lexicon knows ("Boko Haram") is no person, whatever the NER says
    if label == "ORG" and _aged_name(toks, res):
        return "PERSON"
    if label == "PERSON" and len(toks) == 1 and toks[0].text not in surnames and res.is_place(text):
        return "GPE"
    if label in {"ORG", "GPE"} and len(toks) == 1 and toks[0].text in surnames:
        return "PERSON"
    w = entity_words(res)
    if label == "ORG" and len(toks) == 1 and res.is_place(text) and (
        text not in w.actors.org_sectors
    ):
        return "GPE"
    if label == "ORG" and _one_word(toks) and _place_cue(toks, w) and _town(text, res):
        return "GPE"  # "Elgin shooting", "officers in Elgin"
    if label in {"ORG", "PERSON"} and _settlement_of(toks[0], w) and _town_in(text, res, countries):
        return "GPE"  # "the town of Djibo", "the Sinai city of El Arish"
    if label in {"GPE", "LOC"} and not res.is_place(text):
        if text.lower() in w.actors.leader_countries:
            return "PERSON"
        if _town(text, res):
            return label  # a town the gazetteer knows ("Sioux Falls"), too small to override
        if toks[-1].lower_ in w.actors.group_name_heads:
            return "ORG"  # "the Harvest Party candidate": a group's name, never a person's
        if (
            len(toks) >= 2
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks)
            and not any(t.lower_ in w.place_words for t in toks)
        ):
            return "PERSON"
    return label


def _aged_name(toks: list[Token], res: Resources) -> bool:
    """ "Marcus Bell, 19, was walking home": a run of capitalised names followed by an age
    set off by commas is a person's name (no group's or place's word in it, no place the
    gazetteer knows), whatever the NER took it for."""
    doc = toks[0].doc
    k = toks[-1].i + 1
    if len(toks) < 2 or k + 2 >= len(doc) or doc[k].text != "," or doc[k + 2].text not in {
            ",", "."}:
        return False
    age = doc[k + 1]
    if not (age.is_digit and 0 < int(age.text) < 110):
        return False
    w = entity_words(res)
    text = " ".join(t.text for t in toks)
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks) and not any(
        t.lower_ in w.place_words or t.lower_ in w.actors.group_name_heads for t in toks
    ) and not res.is_place(text) and text not in w.actors.org_sectors


def _tokens_tagged(doc: Doc, pos: int) -> list[Token]:
    """The tokens whose part of speech is ``pos`` (a ``spacy.symbols`` id), in order, read
    from one array: the walks below look at nothing else, and a Token object for every
    word of the article cost more than their bodies."""
    return [doc[i] for i in (doc.to_array(POS) == pos).nonzero()[0].tolist()]


def _add_unlabelled_people(work: Work, surnames: set[str]) -> None:
    """Surnames the NER missed ("Prokopenko added") become PERSON mentions."""
    for t in _tokens_tagged(work.doc, PROPN):
        if t.i in work.mentions_by_token or t.text not in surnames or t.pos_ != "PROPN":
            continue
        idx = len(work.entity_mentions)
        work.entity_mentions.append(EntityMention(t.i, t.i + 1, "PERSON", t.text))
        work.mentions_by_token[t.i] = idx


# Where the small model most often misses a town: after a locative preposition ("a shooting
# in Sioux Falls"), or as the modifier of a local-news noun, mostly in headlines ("Macon
# man shot", "Elgin shooting", "Tulsa police"), before a lower-case word that makes a name
# a place ("in the northern Tigray region"), or as the object of a verb of siege ("shelled
# Donetsk", "retook Aleppo": a large town only), or after "of" a settlement noun ("the town
# of Tal Afar"); the words are ``places.toml``'s. A
# capitalised run of words there is a place when the gazetteer knows it as a city, county
# or state.
_PLACE_FEATURES = frozenset({"city", "county", "admin1"})
_MAX_PLACE_WORDS = 3


def _town(text: str, res: Resources) -> bool:
    g = res.geo_for(text)
    return g is not None and g.feature in _PLACE_FEATURES


def _town_in(text: str, res: Resources, countries: Set[str]) -> bool:
    """A town in a country the article names: a name the NER did not take for a place is
    read as one only where the gazetteer's reading of it is not a guess (a Lebanese town
    in a report that names no country would be read as its Algerian namesake)."""
    g = res.geo_for(text)
    if g is not None:
        return g.feature in _PLACE_FEATURES and g.country in countries
    # a name the gazetteer ranks nowhere alone is still a town of a named country whose
    # names English romanises (``places.romanised_countries``) when it is one by an
    # alternate name ("Saraqeb" for Saraqib) or by another spelling ("Muqdadiya")
    romanised = countries & entity_words(res).romanised_countries
    return bool(romanised) and (any(
        c.match.feature in _PLACE_FEATURES and c.match.country in romanised
        for c in res.gazetteer.lookup(text)) or bool(res.gazetteer.variant_places(text, romanised)))


def _place_cue(toks: list[Token], w: EntityWords) -> bool:
    doc = toks[0].doc
    before = doc[toks[0].i - 1] if toks[0].i > 0 else None
    after = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    return (before is not None and before.lower_ in w.place_preps) or (
        after is not None and _local_noun(after, w)
    )


def _unit_named(toks: list[Token], res: Resources) -> bool:
    """A name the gazetteer knows right before the word of an administrative unit, after
    "the" ("the Kherson region", "the Idlib province"): the unit's name, whatever the NER
    took it for."""
    doc = toks[0].doc
    first, last = toks[0].i, toks[-1].i
    if first == 0 or last + 1 >= len(doc) or doc[first - 1].lower_ != "the":
        return False
    w = entity_words(res)
    text = doc[first:last + 1].text
    return doc[last + 1].lower_ in w.place_words and (_town(text, res) or res.is_place(text))


def _settlement_of(t: Token, w: EntityWords) -> bool:
    """Is the word right after "of" after a settlement noun ("the town of X")?"""
    doc = t.doc
    return t.i >= 2 and doc[t.i - 1].lower_ == "of" and doc[t.i - 2].lower_ in w.settlement_nouns


def _located(toks: list[Token], w: EntityWords) -> bool:
    """Is the name the object of a locative preposition ("in Gao", "near Bama") or the
    "of" object of a noun of an area or of a part of a place ("the Turkish province of
    Sirnak", "the streets of Colombo")? English puts a place there; a person or a group
    only rarely ("in Smith's view" has the possessive, "near Smith" is read only where the
    gazetteer places the name in a country the report names)."""
    doc = toks[0].doc
    i = toks[0].i
    if i == 0:
        return False
    before = doc[i - 1].lower_
    if before in w.place_preps:
        return True
    return before == "of" and i >= 2 and (
        doc[i - 2].lower_ in w.part_nouns or doc[i - 2].lower_ in w.area_nouns
        or doc[i - 2].lower_ in w.settlement_nouns)


def _part_of(t: Token, w: EntityWords) -> bool:
    """Is the word right after "of" after a noun of a part of a place ("the streets of
    X", "the outskirts of X")?"""
    doc = t.doc
    return t.i >= 2 and doc[t.i - 1].lower_ == "of" and doc[t.i - 2].lower_ in w.part_nouns


def _local_noun(t: Token, w: EntityWords) -> bool:
    if t.lower_ == "drive":  # "drive-by"
        return t.i + 1 < len(t.doc) and t.nbor(1).text == "-"
    return t.lower_ in w.local_nouns


def _capitalised(t: Token, *, typed: bool = False) -> bool:
    """``typed``: a word the NER gave a type we drop counts too (after "the town of",
    "Kidal" tagged a language is the town)."""
    return (
        t.text[:1].isupper() and t.is_alpha and (typed or not t.ent_type_)
        and t.lower_ not in MONTHS and t.lower_ not in WEEKDAYS
    )


def _add_unlabelled_places(work: Work, res: Resources, surnames: set[str],
                           countries: Set[str] = frozenset()) -> None:
    """Towns the NER missed, in the two positions above (see the comment there)."""
    w = entity_words(res)
    doc = work.doc
    # only the cue words are visited: one array of the tokens' lower-case ids, not a walk
    # over every Token object (the walk was most of this stage's time)
    lower = doc.to_array([LOWER, IS_LOWER])
    strings = doc.vocab.strings
    # the cue words' ids, once per lexicon (the same ids for every article's vocab: the
    # strings' hashes)
    cue_ids = res.memo("entities.place_cue_ids", lambda: frozenset(
        strings.add(x) for x in (*w.place_preps, *w.local_nouns, *w.place_words,
                                 *w.siege_verbs, *w.aim_preps, "drive", "of")))
    # "Hope" is a word when "hope" occurs (lower-case ids)
    lowered = set(lower[lower[:, 1] != 0, 0].tolist())
    found: list[list[Token]] = []
    for i in (k for k, h in enumerate(lower[:, 0].tolist()) if h in cue_ids):
        t = doc[i]
        if t.lower_ == "of":
            if i + 1 < len(doc) and _settlement_of(doc[i + 1], w):
                run = _capitalised_run(
                    work, range(i + 1, min(len(doc), i + 1 + _MAX_PLACE_WORDS)), typed=True)
                found.extend(x for x in _longest_place(run, res, lowered, surnames, prefix=True)
                             if _town_in(" ".join(t.text for t in x), res, countries))
            elif i + 1 < len(doc) and _part_of(doc[i + 1], w):
                # "the streets of Colombo", "the outskirts of Bunia": a part of a place;
                # a large one anywhere, a town in a country the report names
                run = _capitalised_run(
                    work, range(i + 1, min(len(doc), i + 1 + _MAX_PLACE_WORDS)),
                    particles=w.name_particles)
                found.extend(x for x in _longest_place(run, res, lowered, surnames, prefix=True)
                             if res.is_place(text := " ".join(t.text for t in x))
                             or _town_in(text, res, countries))
        elif t.lower_ in w.place_preps or t.lower_ in w.siege_verbs:
            span = range(t.i + 1, min(len(doc), t.i + 1 + _MAX_PLACE_WORDS))
            run = _capitalised_run(work, span, particles=w.name_particles)
            got = _longest_place(run, res, lowered, surnames, prefix=True,
                                 large=t.lower_ in w.siege_verbs)
            if not got and t.lower_ in w.place_preps:
                # a word the NER gave a type we drop ("in Tumaco" read as an event): a
                # town only in a country the report names
                # (a town of that country known by an alternate name or another
                # romanisation only, "in Muqdadiya", counts too: ``_town_in``)
                run = _capitalised_run(work, span, typed=True, particles=w.name_particles)
                got = _longest_place(run, res, lowered, surnames, prefix=True,
                                     known=lambda text: _town_in(text, res, countries))
            found.extend(got)
        elif t.lower_ in w.aim_preps:
            # "fired rockets at Ashkelon": a large town in a country the report names
            # (the preposition takes people and firms as often: "shouted at Smith")
            run = _capitalised_run(work, range(t.i + 1, min(len(doc), t.i + 1 + _MAX_PLACE_WORDS)),
                                   particles=w.name_particles)
            found.extend(x for x in _longest_place(run, res, lowered, surnames, prefix=True,
                                                   large=True)
                         if _town_in(" ".join(y.text for y in x), res, countries))
        # ("in the Tigray region"; a capitalised area word is part of a name: "Ohio State")
        elif _local_noun(t, w) or (t.lower_ in w.place_words and t.is_lower):
            run = _capitalised_run(work, range(t.i - 1, max(-1, t.i - 1 - _MAX_PLACE_WORDS), -1))
            found.extend(_longest_place(run[::-1], res, lowered, surnames, prefix=False))
    for toks in found:
        if any(x.i in work.mentions_by_token for x in toks):
            continue
        idx = len(work.entity_mentions)
        text = doc_text(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        work.entity_mentions.append(EntityMention(toks[0].i, toks[-1].i + 1, "GPE", text))
        for x in toks:
            work.mentions_by_token[x.i] = idx


def _capitalised_run(work: Work, indices: range, *, typed: bool = False,
                     particles: Set[str] = frozenset()) -> list[Token]:
    """Capitalised words outside any entity, from the cue outwards; a lower-case particle
    of a name between two of them ("Mocimboa da Praia", "Rio de Janeiro") too."""
    run: list[Token] = []
    for k in indices:
        t = work.doc[k]
        if k in work.mentions_by_token:
            break
        if not _capitalised(t, typed=typed):
            if run and t.text in particles and (k + indices.step) in indices:
                run.append(t)  # kept only if a capitalised word follows (below)
                continue
            break
        run.append(t)
    while run and run[-1].text in particles:
        run.pop()
    return run


def _longest_place(
    run: list[Token], res: Resources, lowered: set[int], surnames: set[str], *, prefix: bool,
    large: bool = False, known: Callable[[str], bool] | None = None,
) -> list[list[Token]]:
    """The longest part of the run next to its cue that the gazetteer places (``large``:
    only a state or a city of ``_LARGE_TOWN`` people, after a verb whose object may be a
    person as well as a town; ``known``: the test of a place, the gazetteer's own reading
    of the name by default)."""
    for n in range(len(run), 0, -1):
        toks = run[:n] if prefix else run[-n:]
        if n == 1 and (toks[0].lower in lowered or toks[0].text in surnames):
            continue
        text = " ".join(x.text for x in toks)
        if (known(text) if known is not None else _town(text, res)) and (
                not large or _large(text, res)):
            return [toks]
    return []


_LARGE_TOWN = 100_000


def _large(text: str, res: Resources) -> bool:
    g = res.geo_for(text)
    return g is not None and (g.feature == "admin1" or g.population >= _LARGE_TOWN)


def _key(m: EntityMention, res: Resources) -> str:
    if m.label in {"GPE", "LOC", "NORP"}:
        if m.label == "NORP":
            return f"norp:{res.country_of(m.text) or fold(m.text)}"
        g = res.geo_for(m.text)
        return f"place:{g.geonameid if g is not None and g.feature == 'country' else fold(m.text)}"
    return f"{m.label}:{fold(m.text)}"


def cluster(work: Work, res: Resources) -> None:
    """Group mentions into entities: same key, or a surname of a fuller PERSON name."""
    by_key: dict[str, int] = {}
    people: list[int] = []
    order = sorted(
        range(len(work.entity_mentions)),
        key=lambda k: -(work.entity_mentions[k].end - work.entity_mentions[k].start),
    )
    for k in order:
        m = work.entity_mentions[k]
        key = _key(m, res)
        target = by_key.get(key)
        if target is None and m.label == "PERSON" and m.end - m.start == 1:
            full = [e for e in people if m.text in work.entities[e].name.split()[1:]]
            if len(full) == 1:
                target = full[0]
        if target is None and m.label == "ORG":
            for e, ent in enumerate(work.entities):
                if ent.type == "ORG" and (
                    ent.name.startswith(m.text + " ") or m.text.startswith(ent.name + " ")
                ):
                    target = e
                    break
        if target is None:
            target = len(work.entities)
            work.entities.append(WorkEntity(name=m.text, type=_etype(m.label)))
            if m.label == "PERSON":
                people.append(target)
        by_key[key] = target
        m.entity = target
        ent = work.entities[target]
        ent.mentions.append(m)
    orgs = entity_words(res).actors.org_sectors
    for ent in work.entities:
        ent.mentions.sort(key=lambda m: m.start)
        names = []
        for m in ent.mentions:
            if m.text not in names:
                names.append(m.text)
        ent.aliases = [a for a in names if a != ent.name]
        if ent.type in {"GPE", "LOC", "NORP"}:
            ent.geo = res.geo_for(ent.mentions[0].text)
            if ent.geo is not None:
                ent.country = ent.geo.country
                if ent.type != "NORP" and ent.geo.feature == "country":
                    ent.name = ent.geo.name if ent.type == "GPE" else ent.name
        if ent.type == "ORG" and ent.name in orgs:
            ent.sector, ent.country = orgs[ent.name]


def _etype(label: EntityLabel) -> EntityType:
    return "LOC" if label == "FAC" else label


def titles_and_aliases(work: Work, res: Resources) -> None:
    """Titles before a name ("Lt Gen") become aliases and the nouns that may refer to the
    person later ("the general")."""
    actors = entity_words(res).actors
    doc = work.doc
    for ent in work.entities:
        if ent.type != "PERSON":
            continue
        for m in ent.mentions:
            k = m.start - 1
            titles: list[Token] = []
            while k >= 0 and doc[k].text.lower() in actors.titles and "\n" not in doc[k].text:
                titles.insert(0, doc[k])
                k -= 1
            if titles:
                alias = doc_text(doc)[titles[0].idx : doc[m.end - 1].idx + len(doc[m.end - 1].text)]
                if alias not in ent.aliases and alias != ent.name:
                    ent.aliases.append(alias)
                span = token_span([*titles, doc[m.start]])
                title = " ".join(t.text for t in titles)
                if span is not None and not any(r[0] == title for r in ent.roles):
                    ent.roles.append((title, None, span))
                for t in titles:
                    noun = actors.titles.get(t.text.lower())
                    if noun:
                        ent.titles.add(noun)
                        ent.sector = ent.sector or actors.sector_nouns.get(noun)
            # "Russian general Vladimir Alekseyev": nationality and rank before the name
            for t in doc[max(0, k - 2) : k + 1]:
                if t.lower_ in actors.sector_nouns and t.pos_ == "NOUN":
                    ent.titles.add(t.lower_)
                    ent.sector = ent.sector or actors.sector_nouns[t.lower_]
                mi = work.mentions_by_token.get(t.i)
                if mi is not None and work.entity_mentions[mi].label == "NORP":
                    _vote_country(ent, work.entities[work.entity_mentions[mi].entity].country, 1)


def _vote_country(ent: WorkEntity, country: str | None, weight: int) -> None:
    if country and weight > ent.country_weight:
        ent.country, ent.country_weight = country, weight


def nominal_aliases(work: Work) -> None:
    """ "the general" -> the last person mentioned before it who holds that title."""
    doc = work.doc
    # a noun no person's title is has no candidate (below): not read further (the loop
    # adds mentions and aliases, never a person or a title)
    titles = {x for e in work.entities if e.type == "PERSON" for x in e.titles}
    if not titles:
        return
    for t in _tokens_tagged(doc, NOUN):
        if t.pos_ != "NOUN" or t.i in work.mentions_by_token or t.lower_ not in titles:
            continue
        det = [c for c in t.children if c.dep_ == "det" and c.lower_ == "the"]
        if not det or any(c.dep_ in {"amod", "compound"} for c in t.children):
            continue
        cands = [
            e
            for e in range(len(work.entities))
            if work.entities[e].type == "PERSON"
            and t.lower_ in work.entities[e].titles
            and work.entities[e].mentions[0].start < t.i
        ]
        if not cands:
            continue
        best = max(
            cands, key=lambda e: max(m.start for m in work.entities[e].mentions if m.start < t.i)
        )
        ent = work.entities[best]
        text = doc_text(doc)[det[0].idx : t.idx + len(t.text)]
        if text not in ent.aliases:
            ent.aliases.append(text)
        idx = len(work.entity_mentions)
        m = EntityMention(det[0].i, t.i + 1, "PERSON", text, best)
        work.entity_mentions.append(m)
        ent.mentions.append(m)
        work.mentions_by_token[t.i] = idx


def resolve_pronouns(work: Work, res: Resources) -> None:
    """he/him/his/she/her -> the nearest PERSON mentioned before (a deliberate, simple rule:
    news paragraphs mostly keep one person in focus)."""
    pronouns = entity_words(res).actors.personal_pronouns
    last: int = -1
    mention_starts = {m.start: m.entity for m in work.entity_mentions if m.label == "PERSON"}
    # only mention starts and the pronouns' words change anything: visited in order, the
    # other words are not made into Token objects
    doc = work.doc
    strings = doc.vocab.strings
    pronoun_ids = {strings.add(x) for x in pronouns}
    lower = doc.to_array(LOWER).tolist()
    visit = sorted({*mention_starts, *(i for i, x in enumerate(lower) if x in pronoun_ids)})
    for t in (doc[i] for i in visit):
        if t.i in mention_starts:
            last = mention_starts[t.i]
        elif t.lower_ in pronouns and last >= 0:
            work.pronoun_entity[t.i] = last


def _of_target(work: Work, head: Token, w: EntityWords) -> tuple[str | None, Token | None]:
    """What a role is 'of': prefer an ORG entity in the of-phrase or possessive."""
    tokens: list[Token] = []
    for c in head.children:
        if c.dep_ == "appos":
            tokens.extend(c.subtree)
        if c.dep_ == "prep" and c.lower_ in w.actors.role_prepositions:
            tokens.extend(c.subtree)
        if c.dep_ == "poss":
            tokens.extend(c.subtree)
    found: list[tuple[int, Token]] = []
    for t in tokens:
        e = work.entity_at(t)
        if e >= 0 and work.entities[e].type in {"ORG", "GPE", "PERSON"}:
            rank = {"ORG": 0, "GPE": 1, "PERSON": 2}[work.entities[e].type]
            found.append((rank, t))
    if found:
        found.sort(key=lambda x: (x[0], x[1].i))
        t = found[0][1]
        return work.entities[work.entity_at(t)].name, t
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                span = token_span(phrase(pobj[0]))
                return (span.text if span else None), pobj[0]
    return None, None


def _role_title(head: Token, w: EntityWords) -> str:
    mods = [
        c
        for c in head.lefts
        if c.dep_ in {"amod", "compound"} and c.pos_ != "PROPN" and c.ent_type_ != "NORP"
    ]
    words = [c.text for c in mods if c.lower_ not in w.actors.role_title_skipped] + [head.text]
    return " ".join(words)


def roles_and_relations(work: Work, res: Resources) -> None:
    role_nouns = entity_words(res).actors.role_heads
    doc = work.doc
    # a token outside every named mention has no entity here or is a pronoun (skipped
    # below): the named mentions' tokens are all the walk needs (no stage step here adds any)
    for t in (doc[i] for i in sorted(work.mentions_by_token)):
        e = work.entity_at(t)
        if e < 0 or work.entities[e].type != "PERSON" or t.i in work.pronoun_entity:
            continue
        if t.i != work.entity_mentions[work.mentions_by_token[t.i]].end - 1:
            continue  # act on the head token of the name only
        role_heads: list[Token] = []
        # "X, the commander of Y" / "X, a pro-Kremlin figure"
        role_heads += [c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        # "Russia's foreign minister, Sergei Lavrov"
        if t.dep_ == "appos" and t.head.pos_ == "NOUN" and work.entity_at(t.head) < 0:
            role_heads.append(t.head)
        # "Alekseyev is a deputy director of ..."
        if t.dep_ == "nsubj" and t.head.lemma_ == "be":
            role_heads += [c for c in t.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        # "..., including Alekseyev's direct superior, Igor Kostyukov" (parsed flat)
        k = t.i - 1
        while k >= 0 and doc[k].i in work.mentions_by_token and work.entity_at(doc[k]) == e:
            k -= 1
        if (
            k >= 1
            and doc[k].text == ","
            and doc[k - 1].pos_ in {"NOUN", "ADJ"}
            and doc[k - 1].lower_ in role_nouns
        ):
            role_heads.append(doc[k - 1])
        for head in role_heads:
            if head.lower_ not in role_nouns and head.lemma_ not in role_nouns:
                continue
            _add_role(work, res, e, head)


def _add_role(work: Work, res: Resources, e: int, head: Token) -> None:
    w = entity_words(res)
    doc = work.doc
    ent = work.entities[e]
    title = _role_title(head, w)
    of, of_tok = _of_target(work, head, w)
    # a possessive person before a relation noun: "Alekseyev's direct superior"
    poss = [c for c in head.children if c.dep_ == "poss"]
    if not poss and head.i >= 3:
        k = head.i - 1
        while k > 0 and doc[k].pos_ == "ADJ":
            k -= 1
        if doc[k].tag_ == "POS" or doc[k].text in w.possessive_markers:
            poss = [doc[k - 1]]
    lemma = head.lemma_.lower()
    for p in poss:
        pe = work.entity_at(p)
        if pe >= 0 and work.entities[pe].type == "PERSON" and lemma in w.actors.relation_nouns:
            span = token_span(list(head.subtree) or [head])
            if span is not None:
                work.relations.append((e, w.actors.relation_nouns[lemma], pe, span))
            of = work.entities[pe].name
    left = min([head.i, *(c.i for c in head.subtree if c.i <= head.i)])
    right = max(c.i for c in phrase(head))
    span = token_span(doc[left : right + 1])
    if span is None:
        return
    if not any(r[0] == title and r[1] == of for r in ent.roles):
        ent.roles.append((title, of, span))
    ent.titles.add(head.lemma_.lower())
    # country and sector from what the role is of
    if of_tok is not None:
        oe = work.entity_at(of_tok)
        if oe >= 0:
            other = work.entities[oe]
            if other.type == "ORG" and other.sector:
                ent.sector = other.sector
            _vote_country(ent, other.country, 3)
    for c in head.subtree:
        ce = work.entity_at(c)
        if (
            ce >= 0
            and work.entities[ce].type in {"GPE", "NORP"}
            and c.dep_ in {"poss", "amod", "compound", "pobj"}
        ):
            _vote_country(ent, work.entities[ce].country, 2)
            break
        if c.dep_ == "amod" and c.head.i == head.i and c.text in DEMONYMS:
            _vote_country(ent, DEMONYMS[c.text], 2)
            break
    if any(word in span.text.lower() for word in w.actors.intelligence):
        ent.sector = "SPY"
    sector = w.actors.sector_nouns.get(lemma)
    if sector and ent.sector is None:
        ent.sector = sector
    if lemma in w.actors.government_roles and ent.sector is None:
        ent.sector = "GOV"


def org_countries(work: Work, res: Resources) -> None:
    """ "Ukraine's Azov regiment": an ORG's country from a possessive/compound place."""
    sectors = entity_words(res).actors.sector_nouns
    for ent in work.entities:
        if ent.type != "ORG" or ent.country:
            continue
        for m in ent.mentions:
            head = work.doc[m.end - 1]
            for t in (
                [*head.children, *head.head.children] if head.dep_ == "compound" else head.children
            ):
                e = work.entity_at(t)
                if (
                    e >= 0
                    and work.entities[e].type in {"GPE", "NORP"}
                    and t.dep_ in {"poss", "amod", "compound"}
                ):
                    ent.country = work.entities[e].country
                    break
            if ent.country:
                break
        if ent.sector is None:
            head = work.doc[ent.mentions[0].end - 1]
            for t in [head, *head.head.children] if head.dep_ == "compound" else [head]:
                s = sectors.get(t.head.lemma_.lower()) if t.dep_ == "compound" else None
                ent.sector = ent.sector or s


def run(work: Work, res: Resources) -> None:
    collect_mentions(work, res)
    cluster(work, res)
    titles_and_aliases(work, res)
    nominal_aliases(work)
    resolve_pronouns(work, res)
    roles_and_relations(work, res)
    org_countries(work, res)
    for ent in work.entities:  # ids now: later stages copy them into participants
        ent.id = stable_id(work.article.id, ent.type, ent.name)


__all__ = ["char_span", "run", "tok"]


STAGE = Stage(
    name="entities",
    run=run,
    summary="repairs NER labels (a known place tagged PERSON is a GPE, and so is a town "
    "the gazetteer places in a country the report names after \"in\", \"near\", "
    "\"outside\" or an area noun's \"of\" when the article uses it as no person; a surname of a "
    "person named in full is that person; an organisation's name that ends in a one-word "
    "name tagged PERSON at least as often as anything else is a person's full name); strips "
    "titles into aliases and referring nouns "
    "(\"the general\"); merges surname-only and nominal mentions; roles from appositions "
    "and copulas; relations from relation nouns; country and sector from roles and "
    "nationality words",
    reads=("article", "doc", "context.dateline_place"),
    writes=("entities", "relations"),
    needs=("gazetteer", "lexicon"),
    prepare=entity_words,
)
