"""Records whose words exercise the text filters: accents, capitals outside ASCII, LIKE's
wildcards, phrases across fields. The texts are invented."""

from __future__ import annotations

from eventwire.model import Event, Record, Span, make_article, stable_id
from record_builders import participant, place, span

TEXTS = {
    "saopaulo": ("SÃO PAULO - Police arrested ÖZGÜR Demir near the Estação da Luz on Friday. "
                 "Officers said 100% of the stolen rifles were found.",
                 "Arrests at a São Paulo station", "arrested", "ÖZGÜR Demir", "SÃO PAULO", "BR"),
    "harbour": ("Gunmen shot dead a dock worker at the harbour gate, port_authority staff said. "
                "The shooting happened before dawn.",
                "Dock worker killed", "shot dead", "Gunmen", "harbour gate", "KE"),
    "march": ("Students marched peacefully through the old town. Nobody was arrested or "
              "shot.", "A quiet march in Straße", "marched", "Students", "old town", "DE"),
}


def search_record(key: str) -> Record:
    text, title, trigger, actor, where, country = TEXTS[key]
    article = make_article(text, url=f"https://search.example/{key}", title=title,
                           published="2026-04-02")
    event = Event(
        id=stable_id("search", key), category="ASSAULT" if key == "harbour" else "COERCE",
        trigger=span(text, trigger),
        actors=(participant(text, actor, name=actor),),
        place=place(text, where, name=where.title() if key != "harbour" else where,
                    country=country, precision="city"),
        evidence=(Span(text, 0, len(text)),), confidence=0.5,  # both sentences
    )
    return Record(article=article, events=(event,))


def search_records() -> list[Record]:
    return [search_record(k) for k in TEXTS]


SAO, HARBOUR, MARCH = (stable_id("search", k) for k in TEXTS)
