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
