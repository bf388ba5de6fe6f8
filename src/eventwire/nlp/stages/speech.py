"""Events made of words: threats and accusations read from statements.

A statement whose content carries a threat phrase ("would never sleep peacefully again")
is a THREATEN by its speaker against the person the content names. "X called the attack a
terrorist attack" is an ACCUSE by X against whoever X's words blame ("the Zelenskyy
regime"): a regime/government/authorities phrase or a place standing for a government."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Attribution
from ..arguments import arg_words, make_arg
from ..resources import Resources
from ..stage import Stage
from ..work import Arg, Mention, Work


class SpeechWords:
    """The speech stage's word lists, read once per lexicon (``Resources.memo``)."""

    def __init__(self, res: Resources) -> None:
        lex = res.lexicon
        actors = arg_words(res).actors
        self.government_heads = actors.government_heads
        self.leader_countries = actors.leader_countries
        self.threat_phrases = lex.words("statements.threat_phrases")
        self.threat_self = lex.words("statements.threat_self_subjects")
        self.accusation_terms = lex.words("statements.accusation_terms")


def speech_words(res: Resources) -> SpeechWords:
    return res.memo("speech.words", lambda: SpeechWords(res))


def _tokens_in(work: Work, start: int, end: int) -> list[Token]:
    span = work.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _threat_at(low: str, phrase: str, w: SpeechWords) -> bool:
    """Does the threat phrase occur in the lower-cased content said of someone other than
    the speaker ("you will regret it", not "I would regret it")?"""
    at = low.find(phrase)
    while at >= 0:
        before = low[:at].split()
        if not before or before[-1].strip("\"'“‘") not in w.threat_self:
            return True
        at = low.find(phrase, at + 1)
    return False


def _blamed(work: Work, res: Resources, tokens: list[Token], speaker: Arg | None) -> list[Arg]:
    w = speech_words(res)
    out: list[Arg] = []
    own = speaker.country if speaker else None
    for t in tokens:
        if t.lemma_.lower() in w.government_heads and t.pos_ == "NOUN":
            arg = make_arg(work, res, t)
            for c in t.subtree:
                if c.text.lower().rstrip("’'s") in w.leader_countries:
                    arg.country = w.leader_countries[c.text.lower().rstrip("’'s")]
            arg.sector = "GOV"
            if arg.country != own or own is None:
                out.append(arg)
    return out


def _speaker(work: Work, res: Resources, att: Attribution) -> Arg | None:
    """The participant who speaks, read from the speaker's words."""
    if att.speaker is None:
        return None
    st = _tokens_in(work, att.speaker.start, att.speaker.end)
    # the words of the entity the speaker stands for: "Denys Prokopenko, the
    # commander of the Azov regiment" speaks as Prokopenko, not as the regiment
    # its last word names; else the phrase's head
    own = [t for t in st if att.speaker.entity_id and work.entity_at(t) >= 0
           and work.entities[work.entity_at(t)].id == att.speaker.entity_id]
    head = own[-1] if own else next(
        (t for t in st if not st[0].i <= t.head.i <= st[-1].i or t.head.i == t.i),
        st[-1]) if st else None
    return make_arg(work, res, head) if head is not None else None


def run(work: Work, res: Resources) -> None:
    w = speech_words(res)
    doc = work.doc
    for att, cue_tokens in work.statements:
        cue = cue_tokens[0]
        low = att.content.text.lower()
        threat = any(_threat_at(low, p, w) for p in w.threat_phrases)
        oprd = [c for c in cue.children if c.dep_ == "oprd"] if cue.lemma_ == "call" else []
        term = " ".join(t.lower_ for t in oprd[0].subtree if t.is_alpha) if oprd else ""
        accusation = cue.lemma_ == "call" and any(a in term for a in w.accusation_terms)
        if not threat and not accusation:
            continue  # (the speaker is read only for the statements that make an event)
        speaker = _speaker(work, res, att)
        if threat and speaker is not None:
            content = _tokens_in(work, att.content.start, att.content.end)
            targets = [
                make_arg(work, res, t)
                for t in content
                if work.entity_at(t) >= 0
                and work.entities[work.entity_at(t)].type == "PERSON"
                and work.entity_at(t) != speaker.entity
                and (
                    t.i not in work.mentions_by_token
                    or t.i == work.entity_mentions[work.mentions_by_token[t.i]].end - 1
                )
            ]
            m = Mention(
                trigger=cue,
                category="THREATEN",
                modes={"violence"},
                actors=[speaker],
                recipients=targets[:1],
            )
            work.mentions.append(m)
        if accusation:
            blamed: list[Arg] = []
            # the speaker's words in this or the next sentence name whom they blame
            sents = {cue.sent.start}
            nxt = cue.sent.end
            if nxt < len(doc):
                sents.add(doc[nxt].sent.start)
            for att2, cue2 in work.statements:
                if cue2[0].sent.start in sents:
                    sp = att2.speaker
                    if (
                        sp is None
                        or speaker is None
                        or sp.entity_id
                        == (work.entities[speaker.entity].id if speaker.entity >= 0 else None)
                        or sp.name == speaker.name
                    ):
                        blamed += _blamed(
                            work,
                            res,
                            _tokens_in(work, att2.content.start, att2.content.end),
                            speaker,
                        )
            m = Mention(
                trigger=cue,
                category="ACCUSE",
                modes={"allege"},
                actors=[speaker] if speaker else [],
                recipients=blamed[:2],
            )
            work.mentions.append(m)


STAGE = Stage(
    name="speech",
    run=run,
    summary="THREATEN mentions from statements carrying threat phrases; ACCUSE from "
    "\"called X a terrorist attack\", aimed at whoever the speaker's words blame",
    reads=("doc", "entities", "statements"),
    refines=("mentions",),  # adds the mentions made of words
    needs=("gazetteer", "lexicon"),
    prepare=speech_words,
)
