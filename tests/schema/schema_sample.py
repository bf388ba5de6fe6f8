"""A hand-built record over an invented wire report, every offset computed from the text."""

from __future__ import annotations

import record_builders as builders
from eventwire.model import (
    Attribution,
    Claim,
    Entity,
    Event,
    Outcome,
    Participant,
    Place,
    Record,
    Relation,
    Responsibility,
    Role,
    Span,
    Suspicion,
    Time,
    make_article,
)

TEXT = (
    "MOMBASA, March 9 (Wire) - Gunmen shot and wounded police inspector Daniel Otieno "
    "outside a market in Mombasa on Sunday, police said.\n\n"
    "Otieno, the deputy commander of the Coast Police Unit, was in serious condition, "
    "a hospital official said. Two bystanders were also injured.\n\n"
    "No group has claimed the attack. Regional governor Amina Wekesa blamed a local gang, "
    "without offering evidence. The gang denied any role in a statement on social media."
)


def span(needle: str, nth: int = 0) -> Span:
    """The nth occurrence of ``needle`` in TEXT as a Span."""
    return builders.span(TEXT, needle, nth)


def participant(needle: str, nth: int = 0, **extra: str | None) -> Participant:
    return builders.participant(TEXT, needle, nth, **extra)


def sentence(first_words: str) -> Span:
    return builders.sentence(TEXT, first_words)


def build_record() -> Record:
    article = make_article(TEXT, outlet="Wire", title="Police inspector shot in Mombasa",
                           authors=("Staff reporter",), published="2026-03-10")
    otieno = participant("police inspector Daniel Otieno", entity_id="e-otieno",
                         name="Daniel Otieno", country="KE", sector="COP")
    gunmen = participant("Gunmen", sector="UAF")
    governor = participant("Regional governor Amina Wekesa", entity_id="e-wekesa",
                           name="Amina Wekesa", country="KE", sector="GOV")
    gang = participant("a local gang", sector="CRM")
    said_police = Attribution(
        cue=span("said"),
        content=sentence("Gunmen shot"),
        speaker=participant("police", 1, sector="COP"),
        source_type="official",
        factuality="reported",
    )
    said_hospital = Attribution(
        cue=span("said", 1),
        content=sentence("Otieno, the deputy"),
        speaker=participant("a hospital official", sector="MED"),
        source_type="official",
        factuality="reported",
    )
    shooting = Event(
        id="ev-shooting",
        category="ASSAULT",
        trigger=span("shot"),
        modes=("firearms", "targeted"),
        contexts=("crime",),
        status="asserted",
        actors=(gunmen,),
        recipients=(otieno,),
        place=Place(*_triple(span("outside a market in Mombasa")), name="Mombasa",
                    geonameid=186301, lat=-4.05466, lon=39.66359, country="KE",
                    admin1="Mombasa", precision="site", detail="outside a market"),
        time=Time(*_triple(span("Sunday")), date="2026-03-08", precision="day",
                  anchor="published"),
        outcome=Outcome(dead=0, injured=3, arrested=None, condition="serious",
                        spans=(span("wounded"), span("serious condition"),
                               span("Two bystanders were also injured"))),
        responsibility=Responsibility(
            claimed_by=(),
            unclaimed_stated=True,
            suspected=(Suspicion(actor=gang, span=sentence("Regional governor"),
                                 by=governor, evidence_stated=False),),
            denied_by=(Claim(actor=participant("The gang"), span=sentence("The gang denied")),),
        ),
        attributions=(said_police,),
        evidence=(sentence("Gunmen shot"), sentence("Otieno, the deputy")),
        confidence=0.82,
    )
    accusation = Event(
        id="ev-blame",
        category="ACCUSE",
        trigger=span("blamed"),
        modes=("allege",),
        actors=(governor,),
        recipients=(gang,),
        evidence=(sentence("Regional governor"),),
        confidence=0.6,
    )
    blame = Attribution(
        cue=span("blamed"),
        content=span("a local gang"),
        speaker=governor,
        source_type="official",
        factuality="claimed_without_evidence",
    )
    entities = (
        Entity(id="e-otieno", name="Daniel Otieno", type="PERSON",
               aliases=("police inspector Daniel Otieno", "Otieno"),
               roles=(Role("deputy commander", span("deputy commander"),
                           of="Coast Police Unit"),),
               country="KE", sector="COP",
               mentions=(span("Daniel Otieno"), span("Otieno", 1))),
        Entity(id="e-unit", name="Coast Police Unit", type="ORG", country="KE", sector="COP",
               mentions=(span("Coast Police Unit"),)),
        Entity(id="e-mombasa", name="Mombasa", type="GPE", country="KE",
               mentions=(span("MOMBASA"), span("Mombasa"))),
        Entity(id="e-wekesa", name="Amina Wekesa", type="PERSON", country="KE", sector="GOV",
               roles=(Role("Regional governor", span("Regional governor")),),
               mentions=(span("Amina Wekesa"),)),
    )
    relations = (Relation("e-otieno", "member_of", "e-unit",
                          span("the deputy commander of the Coast Police Unit")),)
    return Record(article=article, events=(shooting, accusation), entities=entities,
                  relations=relations, statements=(said_police, said_hospital, blame))


def _triple(s: Span) -> tuple[str, int, int]:
    return s.text, s.start, s.end
