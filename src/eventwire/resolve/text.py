"""String features shared by actor and event matching: folded names, titles stripped,
transliteration variants collapsed, content words, and a few similarity measures.

Everything here is deterministic and works on plain ``str``; no corpus statistics, so a
pair's score depends on the pair alone (which keeps clustering independent of order).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[a-z0-9]+")

# Titles and ranks that precede a name and say nothing about who it is.
_TITLES_TEXT = """
    mr mrs ms miss dr prof sir dame lord lady rev fr sheikh imam
    president vice prime minister premier chancellor king queen prince princess
    gen general lt lieutenant col colonel maj major capt captain cpt sgt sergeant
    cpl corporal pte private adm admiral cmdr commander brig brigadier marshal field
    officer chief deputy director head senator sen rep representative governor gov
    mayor judge justice ambassador secretary foreign interior defence defense
    spokesman spokeswoman spokesperson minister's
    """
TITLES: frozenset[str] = frozenset(_TITLES_TEXT.split())

_STOPWORDS_TEXT = """
    a an the of to in on at by for with from and or as is was were be been are has have
    had it its he she they his her their this that these those said says will would not
    but who which after before over about into than also more up out there when where
    while what at least some other others one two three four five six seven eight nine ten
    people person police officials official told according
    """
STOPWORDS: frozenset[str] = frozenset(_STOPWORDS_TEXT.split())

# Transliteration variants: each rule rewrites a spelling to one shared form, so that
# Alekseyev / Alexeyev / Alekseev or Mohammed / Muhammad fold to the same key.
_TRANSLIT: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"x", "ks"),
        (r"ck", "k"),
        (r"q", "k"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"(?<=[aeiou])y(?=[aeiou])", ""),  # Alekseyev -> Alekseev
        (r"iy(?=$)", "i"),  # Dmitriy -> Dmitri
        (r"yi", "i"),
        (r"ye", "e"),
        (r"kh", "h"),
        (r"dzh", "j"),
        (r"zh", "j"),
        (r"ou", "u"),
        (r"oo", "u"),
        (r"ee", "i"),
        (r"y$", "i"),
        (r"mm", "m"),
        (r"ss", "s"),
        (r"ll", "l"),
        (r"(?<=m)o(?=hamm?e?d)", "u"),  # Mohammed -> Muhammed
        (r"(?<=muham)e(?=d)", "a"),
    )
)


def to_ascii(text: str) -> str:
    """Accents dropped (Bogotá -> Bogota); letters without an ASCII base vanish."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode(
        "ascii", "ignore"
    ).decode("ascii")


def fold(text: str) -> str:
    """Lower-case ASCII with punctuation turned into spaces."""
    return " ".join(_WORD.findall(to_ascii(text).lower()))


def name_tokens(name: str) -> tuple[str, ...]:
    """Tokens of a name without leading titles/ranks and without a leading article."""
    toks = fold(name).split()
    while toks and (toks[0] in TITLES or toks[0] == "the"):
        toks = toks[1:]
    return tuple(toks)


def translit_key(token: str) -> str:
    """One spelling for the usual transliteration variants of a name token."""
    out = token
    for pattern, repl in _TRANSLIT:
        out = pattern.sub(repl, out)
    return out


def name_key(name: str) -> tuple[str, ...]:
    return tuple(translit_key(t) for t in name_tokens(name))


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in fold(text).split() if w not in STOPWORDS and not w.isdigit())


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """|A∩B| / min(|A|, |B|): one short name fully inside a longer one scores 1."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def edit_similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / longer length (0 for two empty strings)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1.0 - prev[-1] / max(len(a), len(b))


def name_similarity(a: str, b: str) -> float:
    """How alike two person/organisation names are, after titles and transliteration.

    Token keys are compared with edit similarity and matched greedily; the score is the
    share of the shorter name's tokens found in the longer one, so "Alekseyev" and
    "Vladimir Alexeyev" score 1 (a surname alone matches the full name).
    """
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if len(ka) > len(kb):
        ka, kb = kb, ka
    total = 0.0
    used: set[int] = set()
    for t in ka:
        best, best_j = 0.0, -1
        for j, u in enumerate(kb):
            if j in used:
                continue
            s = 1.0 if t == u else edit_similarity(t, u)
            if len(t) == 1 or len(u) == 1:  # an initial matches a name starting with it
                s = 1.0 if t[0] == u[0] else 0.0
            if s > best:
                best, best_j = s, j
        if best >= 0.8:
            used.add(best_j)
            total += best
    return total / len(ka)


__all__ = [
    "STOPWORDS", "TITLES", "content_words", "edit_similarity", "fold", "jaccard", "name_key",
    "name_similarity", "name_tokens", "overlap", "to_ascii", "translit_key",
]
