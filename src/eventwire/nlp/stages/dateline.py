"""The dateline: "ROCKFORD, Ill. (AP) —" or "BOGOTÁ, March 10 —" opens many reports. Its
place is where the report's events happened unless a sentence says otherwise, and a full
date in it dates the report when no publication date was given (anchor "text": the
article's own words, not a guess)."""

from __future__ import annotations

import re
from datetime import date

from ...geo.resolver import resolve_document
from ...headline import GLUED_DATELINE
from ...model import Place
from ...timex import find_timexes, normalise
from ..resources import Resources
from ..stage import Stage
from ..work import Work

# "ROCKFORD —", "New Orleans, La. (WDSU) –", "BOGOTÁ, March 10 —" at the start of a line
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-Za-zÀ-ÿ.' -]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,20}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s",
    re.M,
)
# Scraped pages glue the headline to the body too: the dateline opens the body, right
# after the title ("...in Holly HillHOLLY HILL, S.C. (WCIV) --").
_BODY_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.' -]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,20}?))?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s"
)
# A dateline after a headline or a byline on the same line ("... of local schools. NEWARK
# -- After a year", "March 24, 2009 MANSFIELD --"): upper-case words and a dash.
_INLINE_DATELINE = re.compile(
    r"(?<=\s)(?P<place>[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,2})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]+)?))?\s*(?:\([^)\n]{1,30}\))?"
    r"\s*[—–-]{1,2}\s"
)
# Some local outlets put the town and state in brackets before the dash ("(Dayton, OH)--A
# man was shot"), also glued to a scraped headline; the state must be there and resolve.
_BRACKETED_DATELINE = re.compile(
    r"\((?P<place>[A-Z][A-Za-z.' -]{1,40}?),\s*(?P<region>[A-Z][A-Za-z. ]{1,20}?)\)"
    r"\s*[—–-]{1,2}"
)
_HEAD_CHARS = 600  # datelines and bylines sit in the first lines


def find_dateline_place(work: Work, res: Resources) -> Place | None:
    text = work.article.text
    head_end = min(len(text), _HEAD_CHARS)
    found = [*_DATELINE.finditer(text, 0, head_end), *GLUED_DATELINE.finditer(text, 0, head_end),
             *_INLINE_DATELINE.finditer(text, 0, head_end)]
    bracketed = [*_BRACKETED_DATELINE.finditer(text, 0, head_end)]
    title = (work.title or work.article.title or "").strip()
    if title and text.startswith(title):
        body = _BODY_DATELINE.match(text, len(title), head_end)
        if body is not None:
            found.append(body)
    for m in sorted([*found, *bracketed], key=lambda m: m.start()):
        name = m.group("place").strip()
        words = name.split()
        if not words or len(words) > 4:
            continue
        query = name.title() if name.isupper() else name
        region = m.group("region")
        names = [query] + ([region] if region else [])
        got = resolve_document(res.gazetteer, names)
        geo = got[0]
        start = m.start("place")
        state = got[1] if len(got) > 1 else None
        if (geo is None or geo.feature not in {"city", "county"}) and (
            name.isupper() and len(words) <= 3
            and state is not None and state.feature in {"admin1", "country"}
        ):
            # "SMALLTOWN, Ala. (AP) —": a town too small for the gazetteer, in a known state
            return Place(text=text[start : start + len(name)], start=start,
                         end=start + len(name), name=query, country=state.country,
                         admin1=state.name if state.feature == "admin1" else None,
                         precision="city", city=query)
        if geo is None or geo.feature not in {"city", "county"}:
            continue
        if m in bracketed and (state is None or state.feature not in {"admin1", "country"}
                               or state.country != geo.country):
            continue  # "(Reuters, AP) -": brackets name a place only with its state
        return Place(text=text[start : start + len(name)], start=start, end=start + len(name),
                     name=geo.name, geonameid=geo.geonameid, lat=geo.lat, lon=geo.lon,
                     country=geo.country, admin1=geo.admin1, precision="city",
                     city=geo.name if geo.feature == "city" else None)
    return None


def find_reference_date(work: Work) -> date | None:
    """A full date (year, month, day) in the head of the article."""
    head = work.article.text[:_HEAD_CHARS]
    for tx in find_timexes(head):
        n = normalise(tx.text, None)
        if n.date and len(n.date) == 10:
            try:
                return date.fromisoformat(n.date)
            except ValueError:
                continue
    return None


# from the dateline's place to its dash: ", Sept 14 — ", ", Ind. (Jan. 8, 2016)—"
_DATELINE_REST = re.compile(r"[^\n]{0,60}?(?:[—–]|\s-{1,2}\s)")


def run(work: Work, res: Resources) -> None:
    place = work.context.dateline_place = find_dateline_place(work, res)
    if place is not None and (rest := _DATELINE_REST.match(work.article.text, place.end)):
        work.context.dateline_end = rest.end()
    if work.published is None:
        work.context.reference_date = find_reference_date(work)
    else:
        work.context.reference_date = work.published


STAGE = Stage(
    name="dateline",
    run=run,
    summary="reads \"ROCKFORD, Ill. (AP) —\"-style datelines (also glued to a scraped "
    "headline, or after it on the same line; bracketed with their state, \"(Dayton, "
    "OH)--\"; small towns missing from the gazetteer when "
    "their state resolves); a full "
    "date in the article's head is the reference date of an article without a publication "
    "date (`Time.anchor` = `text`)",
    reads=("article", "published"),
    writes=("context.dateline_place", "context.dateline_end", "context.reference_date"),
    needs=("gazetteer",),
)
