"""Plain-text rendering of an event with its evidence marked in the article text."""

from __future__ import annotations

from .model import Article, Event, Span

_MARKS = {
    "trigger": ("[[", "]]"),
    "actor": ("<A:", ">"),
    "recipient": ("<R:", ">"),
    "place": ("<P:", ">"),
    "time": ("<T:", ">"),
    "outcome": ("<O:", ">"),
}


def _labelled_spans(event: Event) -> list[tuple[Span, str]]:
    out: list[tuple[Span, str]] = [(event.trigger, "trigger")]
    out += [(Span(p.text, p.start, p.end), "actor") for p in event.actors]
    out += [(Span(p.text, p.start, p.end), "recipient") for p in event.recipients]
    if event.place:
        out.append((Span(event.place.text, event.place.start, event.place.end), "place"))
    if event.time:
        out.append((Span(event.time.text, event.time.start, event.time.end), "time"))
    if event.outcome:
        out += [(s, "outcome") for s in event.outcome.spans]
    return out


def mark_text(text: str, spans: list[tuple[Span, str]], start: int, end: int) -> str:
    """text[start:end] with non-overlapping spans wrapped in their markers."""
    chosen: list[tuple[Span, str]] = []
    # the trigger wins over a longer span at the same place; otherwise the longest wins
    for span, label in sorted(spans, key=lambda x: (x[0].start, x[1] != "trigger", -x[0].end)):
        if span.start < start or span.end > end or span.end <= span.start:
            continue
        if chosen and span.start < chosen[-1][0].end:
            continue
        chosen.append((span, label))
    parts: list[str] = []
    pos = start
    for span, label in chosen:
        left, right = _MARKS[label]
        parts += [text[pos : span.start], left, text[span.start : span.end], right]
        pos = span.end
    parts.append(text[pos:end])
    return "".join(parts)


def render_event(event: Event, article: Article, *, color: bool = False) -> str:
    del color  # plain markers work in every terminal and in files
    lines = [
        f"event {event.id}: {event.category} {'/'.join(event.modes)} ({event.status}"
        f"{', aggregate' if event.aggregate else ''})",
        f"article {article.id[:16]}  {article.title or ''}  {article.outlet or ''} "
        f"{article.published or 'no date'}  {article.url or ''}".rstrip(),
    ]
    if event.actors:
        lines.append(
            "actors:     "
            + "; ".join(
                f"{p.name or p.text} [{p.country or '-'}/{p.sector or '-'}]" for p in event.actors
            )
        )
    if event.recipients:
        lines.append(
            "recipients: "
            + "; ".join(
                f"{p.name or p.text} [{p.country or '-'}/{p.sector or '-'}]"
                for p in event.recipients
            )
        )
    if event.place:
        p = event.place
        lines.append(
            f"place:      {p.name} (geonames {p.geonameid}, {p.country}, {p.precision})"
            + (f"; {p.detail}" if p.detail else "")
        )
    if event.time:
        t = event.time
        lines.append(
            f'time:       {t.date or "unresolved"} ({t.precision}, from "{t.text}", anchor {t.anchor})'  # noqa: E501
        )
    if event.outcome:
        o = event.outcome
        lines.append(
            f"outcome:    dead={o.dead} injured={o.injured} arrested={o.arrested} condition={o.condition}"  # noqa: E501
        )
    if event.responsibility:
        r = event.responsibility
        if r.unclaimed_stated:
            lines.append("claimed:    nobody (stated)")
        for c in r.claimed_by:
            lines.append(f"claimed:    {c.actor.name or c.actor.text}")
        for s in r.suspected:
            by = f" by {s.by.name or s.by.text}" if s.by else ""
            ev = "with" if s.evidence_stated else "without"
            lines.append(f"suspected:  {s.actor.name or s.actor.text}{by} ({ev} stated evidence)")
        for d in r.denied_by:
            lines.append(f"denied by:  {d.actor.name or d.actor.text}")
    for a in event.attributions:
        who = (
            a.speaker.name or a.speaker.text
            if a.speaker
            else ("the reporter" if a.source_type == "reporter" else "unnamed")
        )
        lines.append(f'source:     {who} ({a.source_type}, {a.factuality}) cue "{a.cue.text}"')
    lines.append("")
    spans = _labelled_spans(event)
    for sentence in event.evidence:
        lines.append("> " + mark_text(article.text, spans, sentence.start, sentence.end))
    lines.append("")
    lines.append("markers: [[trigger]] <A:actor> <R:recipient> <P:place> <T:time> <O:outcome>")
    return "\n".join(lines)
