"""Exceptions eventwire raises on purpose.

    EventwireError                 base: every error meant for a user's eyes
    ├── InputError                 an input item cannot be read (bad bytes, bad markup)
    │   ├── UnsupportedFormat      content is not a format eventwire reads
    │   └── FetchError             a feed or page cannot be fetched (batch.fetch)
    ├── ConfigError                a setting is wrong or missing (bad --db URL, bad date,
    │   │                          extraction stages that do not fit together)
    │   └── LexiconError           a word list is missing or malformed (lexicon)
    ├── ModelNotInstalled          no spaCy English pipeline is installed
    ├── StageError                 a stage failed on one article (nlp.stage; names the stage)
    ├── StoreError                 the store cannot be opened or written
    ├── ResolveError               cross-article resolution cannot proceed (resolve.storage)
    └── EvalError                  a gold set cannot be found or read (evaluate.base)

Library code raises these; only the CLI turns them into a one-line message and an
exit status. Nothing here calls ``sys.exit``.
"""

from __future__ import annotations


def one_line(err: BaseException, width: int = 300) -> str:
    """An exception as one printable line for a user: "Type: message", control characters
    and raw bytes blanked, whitespace folded, cut at ``width``."""
    text = "".join(ch if ch.isprintable() else " " for ch in f"{type(err).__name__}: {err}")
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class EventwireError(Exception):
    """Base class; ``str(err)`` is a one-line message fit to show a user."""


class InputError(EventwireError):
    pass


class UnsupportedFormat(InputError):
    pass


class ConfigError(EventwireError):
    pass


class ModelNotInstalled(EventwireError):
    pass


class StoreError(EventwireError):
    pass


__all__ = [
    "ConfigError", "EventwireError", "InputError", "ModelNotInstalled", "StoreError",
    "UnsupportedFormat", "one_line",
]
