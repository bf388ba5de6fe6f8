"""What the text filters match: the same on SQLite and PostgreSQL.

``--text`` / ``q=`` (``EventFilter.text``): the query is cut into **terms**, words
separated by spaces and "quoted phrases"; an event matches when **every term occurs in its
trigger, its evidence or its article's title**, as a substring and ignoring case, accents
and runs of whitespace. So ``arrest`` also finds "arrested" and "arrests", ``kyiv`` finds
"Kyiv's", ``sao paulo`` finds "São Paulo"; ``"shot dead"`` needs the two words together.
A phrase never spans two of the three fields.

``--place`` and ``--actor`` are one substring each (not cut into terms), over the place's
name, admin1 and country code, and over the actors' and recipients' names.

The folding (Unicode NFKD, combining marks dropped, case folded, whitespace collapsed) runs
in Python, when an event is written (``events.search_*`` columns) and on the query; the
database only compares folded text with ``LIKE``, which SQLite and PostgreSQL do alike.
(Their own ``lower()`` differ: SQLite's folds ASCII letters only.) On PostgreSQL a trigram
index (``pg_trgm``) serves ``search_text`` when the extension could be created.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, and_

from eventwire.errors import ConfigError
from eventwire.store.tables import events

MAX_TERMS = 16
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
LIKE_ESCAPE = "/"


def fold(text: str | None) -> str:
    """``text`` as it is searched: no accents, case folded, one space between words."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", bare)).strip()


def fold_fields(*fields: str | None) -> str:
    """Several fields folded, one per line (so no phrase spans two of them)."""
    return "\n".join(f for f in (fold(x) for x in fields) if f)


def search_terms(query: str | None) -> tuple[str, ...]:
    """The folded terms of a text query: words, and "quoted phrases" as one term."""
    if not query:
        return ()
    terms: list[str] = []
    for quoted, word in _TERM.findall(query.translate(_QUOTES)):
        term = fold(quoted if quoted else word)
        if term and term not in terms:
            terms.append(term)
    if len(terms) > MAX_TERMS:
        raise ConfigError(f"a text search takes at most {MAX_TERMS} words or phrases, "
                          f"got {len(terms)}")
    return tuple(terms)


def like_pattern(folded: str) -> str:
    """``%folded%`` with LIKE's wildcards in ``folded`` escaped (escape character "/")."""
    escaped = (folded.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
               .replace("_", LIKE_ESCAPE + "_"))
    return f"%{escaped}%"


def text_condition(terms: tuple[str, ...]) -> ColumnElement[bool]:
    """Every term occurs in the event's folded trigger, evidence or title."""
    return and_(*(events.c.search_text.like(like_pattern(t), escape=LIKE_ESCAPE)
                  for t in terms))


def substring_condition(column: str | ColumnElement[str], value: str) -> ColumnElement[bool]:
    """The folded ``value`` occurs in a folded column (an events column by name:
    ``search_place``, ``search_actors``; or a column of another table)."""
    col = events.c[column] if isinstance(column, str) else column
    return col.like(like_pattern(fold(value)), escape=LIKE_ESCAPE)


__all__ = [
    "LIKE_ESCAPE", "MAX_TERMS", "fold", "fold_fields", "like_pattern", "search_terms",
    "substring_condition", "text_condition",
]
