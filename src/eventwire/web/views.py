"""The dashboard: server-rendered pages (Jinja2, autoescaped) under /ui/."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from eventwire.web import charts, queries
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


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, query: Filters,
                offset: Offset = 0) -> Response:
    rows = store.query_events(query, limit=PAGE, offset=offset)
    total = store.count_events(query)
    args = query_args(query)
    return render(
        request, "events.html", query=query, rows=rows, total=total, offset=offset, page=PAGE,
        prev_link=_link("/ui/events", [*args, ("offset", str(max(offset - PAGE, 0)))])
        if offset else None,
        next_link=_link("/ui/events", [*args, ("offset", str(offset + PAGE))])
        if offset + PAGE < total else None,
        exports={fmt: _link(f"/export/{fmt}", args) for fmt in ("csv", "jsonl", "geojson")},
        timeline_link=_link("/ui/timeline", args), map_link=_link("/ui/map", args),
        categories=store.categories(),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, store: StoreDep, event_id: EventId) -> Response:
    got = store.get_event(event_id)
    if got is None:
        raise HTTPException(404, f"no event with id {event_id}")
    event, article = got
    return render(
        request, "event.html", event=event, article=article,
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
def timeline_page(request: Request, store: StoreDep, query: Filters) -> Response:
    stats = store.stats(query)
    return render(request, "timeline.html", query=query, stats=stats,
                  chart=charts.timeline(stats["by_day_category"]),
                  list_link=_link("/ui/events", query_args(query)))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, query: Filters) -> Response:
    args = query_args(query)
    return render(request, "map.html", query=query, data_url=_link("/export/geojson", args),
                  list_link=_link("/ui/events", args))


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
