"""The dashboard: server-rendered pages (Jinja2, autoescaped) under /ui/."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from eventwire.store import EventFilter
from eventwire.web import aggregates, charts, queries
from eventwire.web.api import ArticleId, EventId, Filters, Offset, StoreDep
from eventwire.web.highlight import facts, marks, segments
from eventwire.web.params import clean, query_args

router = APIRouter(prefix="/ui", include_in_schema=False)
PAGE = 50


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    context.setdefault("vendor", request.app.state.vendor)
    resp: HTMLResponse = templates.TemplateResponse(request, name, context, status_code=status)
    return resp


def _link(path: str, args: list[tuple[str, str]]) -> str:
    return path + ("?" + urlencode(args) if args else "")


@router.get("/", response_class=HTMLResponse)
def home() -> Response:
    return RedirectResponse("/ui/events", status_code=307)


# The list, the timeline and the map show incidents (one row per canonical event: the first
# matching report of each, ``EventFilter.canonical_only``) unless ``view=mentions``.
View = Annotated[Literal["incidents", "mentions"], Query(description="incidents or mentions")]


def _ui_filter(query: EventFilter, view: str) -> EventFilter:
    return dataclasses.replace(query, canonical_only=view == "incidents")


def _ui_args(query: EventFilter, view: str) -> list[tuple[str, str]]:
    """The page's own query string: the filters, and ``view=mentions`` when not the
    default (the API's ``canonical`` flag is the view's business here)."""
    args = [a for a in query_args(query) if a[0] != "canonical"]
    return args + ([("view", "mentions")] if view == "mentions" else [])


def _context(request: Request, store: Any, query: EventFilter, view: str, path: str,
             height: int) -> dict[str, Any]:
    """What the three linked pages share: the filters (for the form and the links), the
    API query behind the map and the timeline, and the timeline's chart."""
    f = _ui_filter(query, view)
    args = _ui_args(query, view)
    hist = aggregates.histogram(store, f)
    undated_args = [a for a in args if a[0] not in ("date_from", "date_to")]
    return {
        "query": query, "view": view, "filter": f, "hist": hist,
        "chart": charts.timeline_chart(hist, height=height),
        "api_query": urlencode(query_args(f)),
        "args": args, "path": path,
        "bar_link": lambda start, end: _link(path, [*undated_args, ("date_from", start),
                                                    ("date_to", end)]),
        "clear_dates": _link(path, undated_args)
        if query.date_from or query.date_to else None,
        "clear_box": _link(path, [a for a in args if a[0] != "bbox"]) if query.bbox else None,
        "list_link": _link("/ui/events", args), "map_link": _link("/ui/map", args),
        "timeline_link": _link("/ui/timeline", args),
        "incidents_link": _link(path, [a for a in args if a[0] != "view"]),
        "mentions_link": _link(path, [*[a for a in args if a[0] != "view"],
                                      ("view", "mentions")]),
        "watch_link": _link("/ui/watchlists", [a for a in args if a[0] in
                                               ("actor", "place", "category", "country", "q")]),
        "categories": store.categories(),
    }


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, query: Filters,
                view: View = "incidents", offset: Offset = 0) -> Response:
    ctx = _context(request, store, query, view, "/ui/events", height=90)
    f, args = ctx["filter"], ctx["args"]
    rows = store.query_events(f, limit=PAGE, offset=offset)
    total = store.count_events(f)
    info = queries.incident_info(store, [r.id for r in rows]) if view == "incidents" else {}
    return render(
        request, "events.html", **ctx, rows=rows, info=info, total=total, offset=offset,
        page=PAGE,
        prev_link=_link("/ui/events", [*args, ("offset", str(max(offset - PAGE, 0)))])
        if offset else None,
        next_link=_link("/ui/events", [*args, ("offset", str(offset + PAGE))])
        if offset + PAGE < total else None,
        exports={fmt: _link(f"/export/{fmt}", query_args(f))
                 for fmt in ("csv", "jsonl", "geojson")},
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, store: StoreDep, event_id: EventId) -> Response:
    got = store.get_event(event_id)
    if got is None:
        raise HTTPException(404, f"no event with id {event_id}")
    event, article = got
    detail = queries.event_detail(store, event_id)
    return render(
        request, "event.html", event=event, article=article,
        reports=detail["reports"] if detail else [],
        canonical_id=detail["canonical_id"] if detail else None,
        segments=segments(article.text, marks(event)), facts=facts(event, article),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: ArticleId) -> Response:
    record = store.get_record(article_id)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id}")
    spans = [m for e in record.events for m in marks(e) if m.field in ("trigger", "evidence")]
    return render(request, "article.html", record=record, article=record.article,
                  segments=segments(record.article.text, spans))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: StoreDep, query: Filters,
                  view: View = "incidents") -> Response:
    return render(request, "timeline.html",
                  **_context(request, store, query, view, "/ui/timeline", height=220))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, query: Filters,
             view: View = "incidents") -> Response:
    return render(request, "map.html",
                  **_context(request, store, query, view, "/ui/map", height=70))


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, store: StoreDep,
                  q: Annotated[str | None, Query(max_length=200)] = None,
                  offset: Offset = 0) -> Response:
    text = clean(q, "q")
    rows, total = queries.list_entities(store, text=text, entity_type=None, limit=PAGE,
                                        offset=offset)
    args = [("q", text)] if text else []
    return render(
        request, "entities.html", rows=rows, total=total, q=text or "", offset=offset,
        next_link=_link("/ui/entities", [*args, ("offset", str(offset + PAGE))])
        if offset + PAGE < total else None,
    )


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreDep, entity_id: str) -> Response:
    key = clean(entity_id, "entity id") or ""
    if not key:  # /ui/entities/ is the list
        return RedirectResponse("/ui/entities", status_code=308)
    detail = queries.entity_detail(store, key) if len(key) <= 300 else None
    if detail is None:
        raise HTTPException(404, f"no entity with id {key[:100]!r}")
    nodes, edges = charts.relation_graph(detail)
    return render(request, "entity.html", entity=detail, nodes=nodes, edges=edges)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> Response:
    return render(request, "ingest.html", max_bytes=request.app.state.max_upload_bytes)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    return render(request, "docs.html")


__all__ = ["render", "router"]
