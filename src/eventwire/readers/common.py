"""What every format reader shares: the read context, text decoding, and the checks that
turn extracted text plus metadata into an Article or a Skipped."""

from __future__ import annotations

import codecs
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import charset_normalizer
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from eventwire.config import Settings
from eventwire.model import Article, Skipped, make_article
from eventwire.readers.dates import date_from_url, normalise_published

# Below this many words a language guess is too noisy to skip an article on.
MIN_WORDS_FOR_LANGUAGE = 20
# Text where more than this share of characters is replacement/control junk is not text.
MAX_GARBAGE_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata given by the user (CLI flags); fills only what the source itself lacks."""

    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


@functools.cache
def language_identifier() -> LanguageIdentifier:
    """The py3langid model with normalised probabilities, loaded once (about a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@dataclass(frozen=True)
class ReadContext:
    """Passed to every format reader for one ``read``/``read_bytes`` call."""

    settings: Settings
    meta: ArticleMeta
    identifier: LanguageIdentifier


def make_context(settings: Settings, meta: ArticleMeta | None) -> ReadContext:
    return ReadContext(settings, meta or ArticleMeta(), language_identifier())


# -- decoding ----------------------------------------------------------------------------


class DecodeFailed(ValueError):
    """Bytes that do not decode to usable text; str() is the user-facing reason."""


def garbage_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f\v")
    )
    return bad / len(text)


def decode_text(data: bytes) -> str:
    """BOM, then strict UTF-8, then UTF-8 with a few bad bytes replaced, then the
    charset-normalizer guess (latin-1/cp1252 ...). Raises DecodeFailed for junk."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise DecodeFailed(f"invalid {encoding} text after byte-order mark") from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    valid_multibyte = sum(1 for ch in lenient if ord(ch) > 127 and ch != "\ufffd")
    # Real UTF-8 with a few broken bytes: keep UTF-8. Mostly-invalid: a legacy encoding.
    if valid_multibyte > invalid:
        text = lenient
    else:
        best = charset_normalizer.from_bytes(data).best()
        text = str(best) if best is not None else lenient
    if garbage_share(text) > MAX_GARBAGE_SHARE:
        raise DecodeFailed("undecodable text (mostly invalid or control bytes)")
    return text


# -- checks and assembly -----------------------------------------------------------------


def detect_language(text: str, ctx: ReadContext) -> str | None:
    """The language code when the text is clearly not English, else None.

    Short texts are not judged: a guess from a dozen words would skip real articles."""
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return None
    ranked = dict(ctx.identifier.rank(text[:20_000]))
    if ranked.get("en", 0.0) >= ctx.settings.min_english:
        return None
    best = max(ranked, key=lambda k: ranked[k])
    return None if best == "en" else best


def finish_article(
    text: str,
    *,
    source: str,
    ctx: ReadContext,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    authors: Sequence[str] = (),
    published: str | None = None,
) -> Article | Skipped:
    """Checks (empty, too long, not English), fills gaps from the user's metadata, and
    builds the Article with its deterministic id."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return Skipped(source, "no text (empty or only whitespace)")
    if len(text) > ctx.settings.max_chars:
        return Skipped(
            source,
            f"text is {len(text):,} characters, over the limit of "
            f"{ctx.settings.max_chars:,} (max_chars)",
        )
    language = detect_language(text, ctx)
    if language is not None:
        return Skipped(source, f"language is {language}, not English")
    meta = ctx.meta
    url = _clean(url) or meta.url
    return make_article(
        text,
        url=url,
        outlet=_clean(outlet) or meta.outlet,
        title=_clean(title) or meta.title,
        authors=tuple(a.strip() for a in authors if a and a.strip()),
        # the document's own date, then the user's, then one the URL spells out
        published=normalise_published(published) or normalise_published(meta.published)
        or date_from_url(url),
        language="en",
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


__all__ = [
    "ArticleMeta", "DecodeFailed", "ReadContext", "decode_text", "detect_language",
    "finish_article", "garbage_share", "language_identifier", "make_context",
]
