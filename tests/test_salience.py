from eventwire.model import Event, Record, Span, make_article
from eventwire.salience import main_event

TEXT = "Gunmen shot a mayor in Lima on Monday. The shooting shocked residents. In 2019 a bomb hit."


def _event(i: int, category: str, start: int, status: str = "asserted", n_evidence: int = 1):
    word = Span(TEXT[start : start + 4], start, start + 4)
    return Event(id=str(i), category=category, trigger=word, status=status,
                 evidence=tuple(word for _ in range(n_evidence)), confidence=0.5)


def test_main_event_prefers_current_much_reported_early_events():
    rec = Record(article=make_article(TEXT), events=(
        _event(1, "ASSAULT", 75, status="historical", n_evidence=3),
        _event(2, "ASSAULT", 7, n_evidence=2),
        _event(3, "ACCUSE", 39),
    ))
    assert main_event(rec).id == "2"
    assert main_event(rec, ["ACCUSE"]).id == "3"
    assert main_event(rec, ["PROTEST"]) is None


def test_the_act_a_headline_names_is_what_the_report_is_about():
    # the body tells a second act in more sentences; the headline says which one the
    # report is about
    text = ("Embassy guard stabbed in capital\n\n"
            + "Police said riots broke out on Friday. " * 3
            + "A guard at the embassy was stabbed on Friday.")
    start = text.index("stabbed")
    riot = text.index("riots")

    def ev(i: str, at: int, n: int) -> Event:
        word = Span(text[at : at + 5], at, at + 5)
        return Event(id=i, category="ASSAULT", trigger=word, status="asserted",
                     evidence=tuple(Span(text[at + k : at + k + 5], at + k, at + k + 5)
                                    for k in range(n)), confidence=0.5)

    rec = Record(article=make_article(text), events=(ev("riots", riot, 3), ev("stab", start, 2)))
    assert main_event(rec).id == "stab"
    # without a headline line the most reported act leads
    body = text.split("\n\n", 1)[1]
    shift = len(text) - len(body)
    rec = Record(article=make_article(body), events=(
        Event(id="riots", category="ASSAULT", trigger=Span("riots", riot - shift, riot - shift + 5),
              status="asserted", evidence=tuple(Span("riots", riot - shift, riot - shift + 5)
                                                for _ in range(3)), confidence=0.5),
        Event(id="stab", category="ASSAULT",
              trigger=Span("guard", body.index("guard"), body.index("guard") + 5),
              status="asserted", evidence=(Span("guard", body.index("guard"),
                                                body.index("guard") + 5),), confidence=0.5),
    ))
    assert main_event(rec).id == "riots"
