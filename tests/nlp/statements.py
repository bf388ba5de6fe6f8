"""What the attribution tests read of a record: (speaker, cue, content) per statement."""

from __future__ import annotations

from typing import Any

from eventwire.model import make_article


def statements(pipeline: Any, text: str) -> list[tuple[str | None, str, str]]:
    """The statements ``pipeline`` reads in ``text``; every span must slice it exactly."""
    record = pipeline.extract(make_article(text))
    out = []
    for s in record.statements:
        for span in (s.cue, s.content, *([s.speaker] if s.speaker else [])):
            assert text[span.start:span.end] == span.text
        out.append((s.speaker.text if s.speaker else None, s.cue.text, s.content.text))
    return out
