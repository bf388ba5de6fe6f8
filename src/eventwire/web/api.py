"""The JSON API: events, entities, articles, stats, exports, ingest.

Reads are open; ``POST /articles`` and ``/admin/*`` need ``Authorization: Bearer <token>``
(``eventwire token create``). Every error is a problem-details body.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.responses import RedirectResponse, Response, StreamingResponse

from eventwire.model import to_dict
from eventwire.store import EventFilter, Store
from eventwire.web import queries
from eventwire.web.ingest import IngestJobs, Upload
from eventwire.web.params import clean, event_query, query_args
from eventwire.web.responses import etag_json, problem_responses
from eventwire.web.tokens import TokenInfo, check_token

router = APIRouter()
bearer = HTTPBearer(auto_error=False, description="An API token from `eventwire token create`")

ID = r"^[A-Za-z0-9_.:-]{1,80}$"
EventId = Annotated[str, Path(pattern=ID, description="event id")]
ArticleId = Annotated[str, Path(pattern=ID, description="article id (sha1)")]
CanonicalId = Annotated[str, Path(pattern=r"^ce-[A-Za-z0-9]{1,77}$",
                                  description="canonical event id (ce-...)")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Filters = Annotated[EventFilter, Depends(event_query)]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


# Dependencies that only read memory are ``async``: FastAPI runs a plain ``def`` one in a
# worker thread, a hop that costs more than the work here.
async def store_of(request: Request) -> Store:
    return _store(request)


StoreDep = Annotated[Store, Depends(store_of)]


def require_token(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> TokenInfo:
    challenge = {"WWW-Authenticate": "Bearer"}
    if creds is None or not creds.credentials:
        raise HTTPException(401, "this route needs an API token: send 'Authorization: Bearer "
                            "<token>' (create one with 'eventwire token create NAME')",
                            headers=challenge)
    info = check_token(_store(request), creds.credentials)
    if info is None:
        raise HTTPException(401, "unknown or revoked API token", headers=challenge)
    return info


# -- events ---------------------------------------------------------------------------


@router.get("/events", tags=["events"], responses=problem_responses(400, 422))
def list_events(request: Request, store: StoreDep, query: Filters,
                limit: Limit = 50, offset: Offset = 0) -> Response:
    """Events matching the filters, newest first, with the total for paging."""
    items, total = store.page_events(query, limit=limit, offset=offset)
    for item in items:
        item["links"] = {"self": f"/events/{item['id']}",
                         "article": f"/articles/{item['article_id']}"}
    body: dict[str, Any] = {"total": total, "limit": limit, "offset": offset, "items": items}
    if offset + limit < total:
        args = [*query_args(query), ("limit", str(limit)), ("offset", str(offset + limit))]
        body["next"] = "/events?" + urlencode(args)
    return etag_json(request, body)


@router.get("/events/{event_id}", tags=["events"], responses=problem_responses(404, 422))
def get_event(request: Request, store: StoreDep, event_id: EventId) -> Response:
    """One event: the full record, its evidence and attributions, and the reporting article."""
    detail = queries.event_detail(store, event_id)
    if detail is None:
        raise HTTPException(404, f"no event with id {event_id}")
    event = detail["event"]
    body = {
        "event": event,
        "evidence": event["evidence"],
        "attributions": event["attributions"],
        "canonical_id": detail["canonical_id"],
        # Every article reporting this incident (one unless ``eventwire cluster`` ran).
        "reports": detail["reports"],
        "links": {"article": f"/articles/{detail['article']['id']}",
                  "page": f"/ui/events/{event['id']}",
                  **({"canonical": f"/canonical/{detail['canonical_id']}"}
                     if detail["canonical_id"] else {})},
    }
    return etag_json(request, body)


@router.get("/canonical/{canonical_id}", tags=["events"], responses={
    **problem_responses(404, 422),
    301: {"description": "the id of a cluster merged into an older one: the Location is "
                         "the older cluster's"}})
def get_canonical(request: Request, store: StoreDep, canonical_id: CanonicalId) -> Response:
    """A canonical event (``eventwire cluster``): one incident, every report of it, each
    field's values with their sources, conflicts and timeline. A cluster keeps its id for
    life; the id of one merged into an older cluster redirects (301) to that one's."""
    from eventwire.resolve.canonical import canonical_to_dict
    from eventwire.resolve.storage import ResolveError, find_canonical, show_canonical_event

    try:
        cid, how = find_canonical(store, "event", canonical_id)
    except ResolveError:
        cid, how = "", "none"
    if how == "merged":
        return RedirectResponse(f"/canonical/{cid}", status_code=301)
    if how != "id":
        raise HTTPException(404, f"no canonical event with id {canonical_id}")
    body = canonical_to_dict(show_canonical_event(store, cid))
    body["links"] = {"reports": [f"/events/{r['event_id']}" for r in body["reports"]]}
    return etag_json(request, body)


# -- entities -------------------------------------------------------------------------


@router.get("/entities", tags=["entities"], responses=problem_responses(400, 422))
def list_entities(
    request: Request, store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="name contains")] = None,
    type: Annotated[Literal["PERSON", "ORG", "GPE", "LOC", "NORP"] | None, Query()] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> Response:
    """Named people, organisations and places, grouped by type and name across articles."""
    rows, total = queries.list_entities(store, text=clean(q, "q"), entity_type=type,
                                        limit=limit, offset=offset)
    return etag_json(request, {"total": total, "limit": limit, "offset": offset, "items": rows})


@router.get("/entities/{entity_id:path}", tags=["entities"], responses=problem_responses(404))
def get_entity(request: Request, store: StoreDep, entity_id: str) -> Response:
    """An entity (id ``TYPE:Name``): aliases, roles, relations and the events it is in."""
    key = clean(entity_id, "entity id") or ""
    if not key:  # /entities/ is the list
        return RedirectResponse("/entities", status_code=308)
    detail = queries.entity_detail(store, key) if len(key) <= 300 else None
    if detail is None:
        raise HTTPException(404, f"no entity with id {key[:100]!r} (ids look like PERSON:Name)")
    return etag_json(request, detail)


# -- articles -------------------------------------------------------------------------


@router.get("/articles/{article_id}", tags=["articles"], responses=problem_responses(404, 422))
def get_article(request: Request, store: StoreDep, article_id: ArticleId) -> Response:
    """The article with everything extracted from it (the whole record)."""
    record = store.get_record(article_id)
    if record is None:
        raise HTTPException(404, f"no article with id {article_id}")
    return etag_json(request, to_dict(record))


@router.post("/articles", tags=["articles"], status_code=202,
             responses=problem_responses(400, 401, 413, 422))
def post_articles(
    request: Request,
    _token: Annotated[TokenInfo, Depends(require_token)],
    files: Annotated[list[bytes] | None, File(description="files: text, HTML, feeds, "
                                              "WARC or JSON Lines")] = None,
    text: Annotated[str | None, Form(description="pasted text or HTML")] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    title: Annotated[str | None, Form(max_length=1000)] = None,
    outlet: Annotated[str | None, Form(max_length=200)] = None,
    published: Annotated[str | None, Form(max_length=40)] = None,
    wait: Annotated[bool, Query(description="answer when the job is done")] = False,
) -> Response:
    """Ingest uploaded files and/or pasted text: returns a job to poll at ``/jobs/{id}``."""
    uploads = [Upload(f"upload-{i + 1}", data) for i, data in enumerate(files or ())]
    if text and text.strip():
        uploads.append(Upload("pasted-text", text.encode("utf-8")))
    if not uploads:
        raise HTTPException(400, "nothing to ingest: send files and/or a 'text' field")
    meta = {k: clean(v, k) for k, v in
            (("url", url), ("title", title), ("outlet", outlet), ("published", published))}
    jobs: IngestJobs = request.app.state.jobs
    from eventwire.readers.dates import normalise_published

    if meta["published"] and normalise_published(meta["published"]) is None:
        raise HTTPException(400, f"published {meta['published']!r} is not an ISO date")
    job, future = jobs.submit(uploads, meta)
    if wait:
        future.result()
        return etag_json(request, job.to_dict(), status=200)
    resp = etag_json(request, {**job.to_dict(), "links": {"job": f"/jobs/{job.id}"}}, status=202)
    resp.headers["Location"] = f"/jobs/{job.id}"
    return resp


@router.get("/jobs/{job_id}", tags=["articles"], responses=problem_responses(404, 422))
def get_job(request: Request,
            job_id: Annotated[str, Path(pattern=r"^[0-9a-f]{1,32}$")]) -> Response:
    """Progress of an ingest job."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id} (jobs are forgotten on restart)")
    return etag_json(request, job.to_dict())


# -- stats and exports -----------------------------------------------------------------


@router.get("/stats", tags=["stats"], responses=problem_responses(400, 422))
def get_stats(request: Request, store: StoreDep, query: Filters) -> Response:
    """Counts of matching events per day, category and country."""
    return etag_json(request, store.stats(query))


@router.get("/export/{fmt}", tags=["exports"], responses=problem_responses(400, 422))
def export(store: StoreDep, query: Filters,
           fmt: Annotated[Literal["csv", "jsonl", "geojson"], Path()]) -> StreamingResponse:
    """Every matching event, streamed: ACLED-style CSV, JSON Lines or GeoJSON."""
    from eventwire.web.exports import CHUNKERS, MEDIA_TYPES

    chunks = CHUNKERS[fmt](store.iter_events(query))
    return StreamingResponse(
        chunks, media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'},
    )


# -- dashboard aggregates ------------------------------------------------------------------


@router.get("/map/clusters", tags=["dashboard"], responses=problem_responses(400, 422))
def map_clusters(
    request: Request, store: StoreDep, query: Filters,
    zoom: Annotated[int, Query(ge=0, le=18, description="the map's zoom level")] = 2,
    view: Annotated[str | None, Query(max_length=100, description="the visible box, "
                                      "min_lon,min_lat,max_lon,max_lat (points outside are "
                                      "left out)")] = None,
) -> Response:
    """Matching events for a map at ``zoom``, counted on the server: point clusters on a
    grid that shrinks as the map zooms in, events placed only at a region or a country
    (drawn as that area), and counts of those that cannot be placed, and why."""
    from eventwire.errors import ConfigError
    from eventwire.store import parse_bbox
    from eventwire.web.aggregates import map_layers

    try:
        box = parse_bbox(clean(view, "view"))
    except ConfigError as err:
        raise HTTPException(400, str(err).replace("bbox", "view")) from None
    return etag_json(request, map_layers(store, query, zoom, box))


@router.get("/timeline/histogram", tags=["dashboard"], responses=problem_responses(400, 422))
def timeline_histogram(request: Request, store: StoreDep, query: Filters) -> Response:
    """Matching events per day, week or month (by the span) and per category family, with
    the families' colours; and per country."""
    from eventwire.web.aggregates import histogram

    return etag_json(request, histogram(store, query))


# -- admin --------------------------------------------------------------------------------


@router.get("/admin/errors", tags=["admin"], responses=problem_responses(401))
def admin_errors(request: Request, store: StoreDep,
                 _token: Annotated[TokenInfo, Depends(require_token)],
                 limit: Limit = 100) -> Response:
    """Inputs that could not be read, most recent first (needs a token)."""
    return etag_json(request, {"items": store.errors(limit=limit)})


@router.get("/health", tags=["admin"])
def health(store: StoreDep) -> dict[str, str]:
    return {"status": "ok", "database": store.dialect}


__all__ = ["router"]
