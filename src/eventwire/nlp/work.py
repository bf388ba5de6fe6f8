"""The working state one article passes through while the stages run.

Mutable on purpose (it is built up stage by stage) and private to nlp/: convert.py turns
it into frozen model records at the end. Its layers are what stages declare they read and
write (``stage.Stage``): ``context`` (what the article says of itself), ``entities`` (with
``relations``), ``timexes``, ``statements``, ``mentions`` (one per trigger) and ``events``
(mentions of one act merged); a field of a layer is named ``layer.field``
(``mentions.time``, ``events.status``)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal, NamedTuple, get_args

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..geo.gazetteer import GeoMatch
from ..model import (
    Article,
    Attribution,
    Category,
    EntityType,
    Outcome,
    Place,
    Responsibility,
    Span,
    Status,
    Time,
)

# spaCy's labels that the entity stage keeps (FAC too: a building is not a place name)
EntityLabel = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"]
ENTITY_LABELS: frozenset[str] = frozenset(get_args(EntityLabel))


@dataclass
class EntityMention:
    start: int  # token indices, end exclusive
    end: int
    label: EntityLabel
    text: str
    entity: int = -1  # index into Work.entities


@dataclass
class WorkEntity:
    name: str
    type: EntityType
    mentions: list[EntityMention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)  # nouns that can refer to it ("general")
    roles: list[tuple[str, str | None, Span]] = field(default_factory=list)
    country: str | None = None
    country_weight: int = 0
    sector: str | None = None
    geo: GeoMatch | None = None
    # the article's own spelling of its place when GeoNames lists it among the place's
    # names ("Tigray" for "Tigrai", "Basra" for "Basrah"): the name a record shows
    spelling: str | None = None
    id: str = ""


@dataclass
class Arg:
    """An actor or recipient: the head token it was read from and how to show it."""

    head: Token
    tokens: list[Token]
    entity: int = -1
    country: str | None = None
    sector: str | None = None
    plural: bool = False
    quantified: bool = False
    name: str | None = None
    # read in a pronoun's place ("shot him" -> "the victim"): someone told before, as a
    # pronoun is, whom a count must not take for one more person
    for_pronoun: bool = False


@dataclass
class Mention:
    """One trigger in the text: a verb or noun that names an event."""

    trigger: Token
    category: Category
    modes: set[str]
    actors: list[Arg] = field(default_factory=list)
    recipients: list[Arg] = field(default_factory=list)
    # what the mention's own words say (negation, modals, conditionals, tense): evidence for
    # the event's status, which the status stage alone decides
    mood: Status = "asserted"
    sense: str = ""  # the trigger's sense class (lexicon): what the senses stage checks
    # a mention that may only join an event told elsewhere ("charged with murder"): the
    # merge stage drops it when no event takes it
    only_joins: bool = False
    # the law's name for an act ("charged with murder"): it joins the act the article
    # tells if there is one, bringing its participants
    legal: bool = False
    aggregate: bool = False
    acts_counted: int = 0  # "five shootings": how many acts a counted roll-up says
    anaphoric: bool = False  # "the shooting", "this attack": points back at an event
    place_tokens: list[Token] = field(default_factory=list)
    detail: list[Span] = field(default_factory=list)
    time: Time | None = None
    derived_from: int = -1  # mention index whose time this one's depends on
    hedged: bool = False
    event: int = -1


@dataclass
class WorkEvent:
    mentions: list[int]
    category: Category
    modes: set[str]
    mood: Status  # what its mentions' words say (merge); the status stage decides `status`
    aggregate: bool
    main: int  # the mention whose trigger represents the event
    status: Status = "asserted"
    actors: list[Arg] = field(default_factory=list)
    recipients: list[Arg] = field(default_factory=list)
    place: Place | None = None
    time: Time | None = None
    outcome: Outcome | None = None
    responsibility: Responsibility | None = None
    attributions: list[Attribution] = field(default_factory=list)
    contexts: set[str] = field(default_factory=set)
    # place / time taken from the report as a whole, not from the event's own words: shown
    # on the event but not counted as evidence for it (confidence)
    place_borrowed: bool = False
    time_borrowed: bool = False
    actors_borrowed: bool = False  # the agent its sentence names, not its own words
    # told at a time set back a month or more from the story's ("back in April", "a year
    # before"): background to the story (merge)
    set_back: bool = False


class Statement(NamedTuple):
    """Who said what (the model's Attribution) and the tokens of its cue."""

    attribution: Attribution
    cue_tokens: list[Token]


class Timex(NamedTuple):
    """A time expression of the article: its words, its value read in context against the
    reference date, and its TIMEX3 type ("relative" for "N days after", which links two
    events)."""

    span: Span
    time: Time
    kind: str | None
    # the value rests on the tense guessed from the sentence's cue words (a weekday, a month
    # without a year): the tense of the verb it dates, from the parse, reads it again
    tensed: bool = False


@dataclass
class Context:
    """What the article says about itself: when it reports from and where."""

    # what relative expressions are read against: the publication date, else a full date
    # in the article's own dateline (then Time.anchor is "text"), else nothing
    reference_date: date | None = None
    dateline_place: Place | None = None
    dateline_end: int = 0  # where the dateline ("LAGOS, Sept 14 — ") ends, 0 for none
    home_place: Place | None = None  # the city the report is about (places.home_city)
    police_place: Place | None = None  # the city of the local police force it names


@dataclass
class Work:
    article: Article
    doc: Doc
    published: date | None
    mentions_by_token: dict[int, int] = field(default_factory=dict)  # token -> EntityMention
    entity_mentions: list[EntityMention] = field(default_factory=list)
    entities: list[WorkEntity] = field(default_factory=list)
    pronoun_entity: dict[int, int] = field(default_factory=dict)  # token i -> entity
    relations: list[tuple[int, str, int, Span]] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[WorkEvent] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    relative_days: dict[int, int] = field(default_factory=dict)  # mention -> days from its source
    context: Context = field(default_factory=Context)
    # the page title the text opens with: the article's, or one glued to the body that the
    # pipeline found ("... | 6abc.comPolice say")
    title: str | None = None

    @cached_property
    def title_sents(self) -> int:
        """How many sentences the page title makes when the text opens with it (see
        components.split_title), else 0: the report's lead starts after them."""
        title = (self.title or self.article.title or "").strip()
        if not title or not self.article.text.startswith(title):
            return 0
        n = 0
        for sent in self.doc.sents:
            # by its start: a sentence ends with the whitespace after it ("\n\n")
            if sent.start_char >= len(title):
                break
            n += 1
        return n

    @cached_property
    def body_start(self) -> int:
        """The first token after the page title (``title_sents``): where the body begins."""
        starts = self.sent_starts
        return starts[self.title_sents] if self.title_sents < len(starts) else len(self.doc)

    @cached_property
    def lead_end(self) -> int:
        """The first token after the lead: the page title and the body's first sentence."""
        starts, lead = self.sent_starts, self.title_sents + 1
        return starts[lead] if lead < len(starts) else len(self.doc)

    @cached_property
    def time_readings(self) -> dict[tuple[str, date | None, str | None], Any]:
        """What a time expression's words read as against a date with a tense
        (``times.to_time``), kept for the article: not a layer, a memo."""
        return {}

    @cached_property
    def sent_starts(self) -> list[int]:
        """The first token of each sentence, in order (one walk over the parse)."""
        return [s.start for s in self.doc.sents]

    def sent_of(self, i: int) -> SpacySpan:
        """The sentence holding token ``i`` (``doc[i].sent`` without the walk)."""
        starts = self.sent_starts
        k = bisect_right(starts, i) - 1
        start = starts[k] if k >= 0 else 0
        end = starts[k + 1] if k + 1 < len(starts) else len(self.doc)
        return self.doc[start:end]

    def sent_start(self, i: int) -> int:
        """The first token of the sentence holding token ``i``: what ``doc[i].sent.start``
        says, without walking the sentence (``Token.sent`` costs the sentence's length,
        which inside a loop over mentions is quadratic on long or event-dense texts)."""
        starts = self.sent_starts
        k = bisect_right(starts, i) - 1
        return starts[k] if k >= 0 else 0

    def sentences_opening_with(self, openers: Iterable[tuple[str, ...]]) -> set[int]:
        """Starts of the sentences holding a mention that open (punctuation aside) with
        one of ``openers``, each a tuple of lower-case words ("in", "one", "incident")."""
        openers = tuple(openers)
        out: set[int] = set()
        for start in {self.sent_start(m.trigger.i) for m in self.mentions}:
            words = tuple(t.lower_ for t in self.doc[start:start + 6] if not t.is_punct)
            if any(words[:len(p)] == p for p in openers):
                out.add(start)
        return out

    def mentions_by_sentence(self) -> dict[int, list[int]]:
        """Indices of ``mentions`` per sentence start, in mention order (recomputed on each
        call: stages add and drop mentions)."""
        out: dict[int, list[int]] = {}
        for k, m in enumerate(self.mentions):
            out.setdefault(self.sent_start(m.trigger.i), []).append(k)
        return out

    def entity_at(self, t: Token) -> int:
        """Entity index for a token (NE mention or resolved pronoun), else -1."""
        m = self.mentions_by_token.get(t.i)
        if m is not None:
            return self.entity_mentions[m].entity
        return self.pronoun_entity.get(t.i, -1)
