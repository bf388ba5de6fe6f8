"""The watchlist routes: JSON (``/watchlists``), the Atom feeds, and the dashboard's page
(``/ui/watchlists``, with a form that creates one given an API token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from pydantic import BaseModel, Field
from starlette.responses import HTMLResponse, RedirectResponse, Response

from eventwire.errors import ConfigError
from eventwire.web import watchlists as W
from eventwire.web.api import StoreDep, require_token
from eventwire.web.responses import etag_json, problem_responses
from eventwire.web.tokens import TokenInfo, check_token

router = APIRouter()
WatchlistId = Annotated[str, Path(pattern=r"^[0-9a-f]{1,32}$", description="watchlist id")]
ATOM = "application/atom+xml; charset=utf-8"


class WatchlistIn(BaseModel):
    """A saved filter: any of the actors, any of the places, any of the categories, any of
    the countries, and every word of the text (at least one of them)."""

    name: str = Field(max_length=200)
    actors: list[Annotated[str, Field(max_length=200)]] = Field(default=[], max_length=20)
    places: list[Annotated[str, Field(max_length=200)]] = Field(default=[], max_length=20)
    categories: list[Annotated[str, Field(max_length=32)]] = Field(default=[], max_length=20)
    countries: list[Annotated[str, Field(max_length=2)]] = Field(default=[], max_length=20)
    text: str | None = Field(default=None, max_length=200)
    webhook_url: str | None = Field(default=None, max_length=2000,
                                    description="where new incidents are POSTed as JSON")


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _found(store: Any, watchlist_id: str) -> W.Watchlist:
    w = W.get_watchlist(store, watchlist_id)
    if w is None:
        raise HTTPException(404, f"no watchlist with id {watchlist_id}")
    return w


@router.get("/watchlists", tags=["watchlists"])
def list_watchlists(request: Request, store: StoreDep) -> Response:
    """Every watchlist, with how many incidents its feed holds."""
    items = [{**w.to_dict(), "incidents": n} for w, n in W.list_watchlists(store)]
    return etag_json(request, {"items": items})


@router.post("/watchlists", tags=["watchlists"], status_code=201,
             responses=problem_responses(400, 401, 422))
def create_watchlist(request: Request, store: StoreDep, body: WatchlistIn,
                     _token: Annotated[TokenInfo, Depends(require_token)]) -> Response:
    """Save a watchlist (needs a token). ``eventwire watch`` runs it after each fetch."""
    try:
        w = W.make_watchlist(body.name, actors=body.actors, places=body.places,
                             categories=body.categories, countries=body.countries,
                             text=body.text, webhook_url=body.webhook_url)
    except ConfigError as err:
        raise HTTPException(400, str(err)) from None
    stored = W.create_watchlist(store, w)
    resp = etag_json(request, stored.to_dict(), status=201)
    resp.headers["Location"] = f"/watchlists/{stored.id}"
    return resp


@router.get("/watchlists/{watchlist_id}", tags=["watchlists"],
            responses=problem_responses(404, 422))
def get_watchlist(request: Request, store: StoreDep, watchlist_id: WatchlistId) -> Response:
    """A watchlist and the newest incidents found for it."""
    w = _found(store, watchlist_id)
    entries = W.feed_entries(store, w.id)
    return etag_json(request, {**w.to_dict(),
                               "incidents": [W.incident_payload(e) for e in entries]})


@router.delete("/watchlists/{watchlist_id}", tags=["watchlists"], status_code=204,
               responses=problem_responses(401, 404, 422))
def delete_watchlist(store: StoreDep, watchlist_id: WatchlistId,
                     _token: Annotated[TokenInfo, Depends(require_token)]) -> Response:
    """Delete a watchlist and its feed (needs a token)."""
    if not W.delete_watchlist(store, watchlist_id):
        raise HTTPException(404, f"no watchlist with id {watchlist_id}")
    return Response(status_code=204)


@router.get("/watchlists/{watchlist_id}/feed.atom", tags=["watchlists"],
            responses={**problem_responses(404, 422),
                       200: {"content": {"application/atom+xml": {}},
                             "description": "an Atom 1.0 feed"}})
def watchlist_feed(request: Request, store: StoreDep, watchlist_id: WatchlistId) -> Response:
    """Atom feed of the newest incidents found for the watchlist (one entry each)."""
    w = _found(store, watchlist_id)
    body = W.atom_feed(w, W.feed_entries(store, w.id), _base(request))
    return Response(body, media_type=ATOM, headers={"Cache-Control": "no-cache"})


# -- the dashboard's page -----------------------------------------------------------------

ui = APIRouter(prefix="/ui", include_in_schema=False)


def _lines(text: str | None) -> list[str]:
    return [v for v in (x.strip() for x in (text or "").replace(";", "\n").splitlines()) if v]


def _page(request: Request, store: Any, *, status: int = 200, error: str | None = None,
          form: dict[str, str] | None = None, created: str | None = None) -> HTMLResponse:
    from eventwire.web.views import render

    rows = [(w, n, W.events_link(w)) for w, n in W.list_watchlists(store)]
    return render(request, "watchlists.html", status=status, rows=rows, error=error,
                  form=form or {}, created=created, categories=store.categories())


@ui.get("/watchlists", response_class=HTMLResponse)
def watchlists_page(request: Request, store: StoreDep) -> Response:
    q = request.query_params
    # "Watch this search" on the list page fills the form from its filters.
    form = {"actors": q.get("actor", ""), "places": q.get("place", ""),
            "categories": ", ".join(q.getlist("category")), "countries": q.get("country", ""),
            "text": q.get("q", ""), "name": q.get("name", "")}
    return _page(request, store, form=form, created=q.get("created"))


@ui.post("/watchlists", response_class=HTMLResponse)
def watchlists_create(
    request: Request, store: StoreDep,
    token: Annotated[str, Form(max_length=200)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
    actors: Annotated[str, Form(max_length=4000)] = "",
    places: Annotated[str, Form(max_length=4000)] = "",
    categories: Annotated[str, Form(max_length=1000)] = "",
    countries: Annotated[str, Form(max_length=200)] = "",
    text: Annotated[str, Form(max_length=200)] = "",
    webhook_url: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    form = {"name": name, "actors": actors, "places": places, "categories": categories,
            "countries": countries, "text": text, "webhook_url": webhook_url}
    if not token.strip() or check_token(store, token.strip()) is None:
        return _page(request, store, status=401, form=form,
                     error="an API token is needed to save a watchlist (eventwire token "
                           "create NAME), and this one is unknown or revoked")
    try:
        w = W.make_watchlist(
            name, actors=_lines(actors), places=_lines(places),
            categories=[c for c in categories.replace(",", " ").split() if c],
            countries=[c for c in countries.replace(",", " ").split() if c],
            text=text or None, webhook_url=webhook_url or None)
    except ConfigError as err:
        return _page(request, store, status=400, form=form, error=str(err))
    stored = W.create_watchlist(store, w)
    return RedirectResponse(f"/ui/watchlists?created={stored.id}", status_code=303)


__all__ = ["WatchlistIn", "router", "ui"]
