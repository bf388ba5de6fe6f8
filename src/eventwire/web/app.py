"""``create_app(settings)``: the FastAPI app serving the JSON API and the dashboard.

Everything the app holds (store, ingest jobs, templates) lives on ``app.state``; there is
no module-level state, so tests build as many apps as they like.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import anyio.to_thread
import jinja2
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.config import Settings, settings_from_json, settings_to_json
from eventwire.errors import ConfigError
from eventwire.store import Store
from eventwire.web import api, views, watchlist_routes
from eventwire.web.charts import family_of
from eventwire.web.ingest import Extractor, IngestJobs
from eventwire.web.responses import install_problem_handlers, problem

REQUEST_THREADS = 2  # worker threads for request handlers, per process

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
VENDOR = STATIC / "vendor"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def vendor_assets() -> dict[str, bool]:
    """Which front-end packages ``make web-assets`` copied in (the app works without)."""
    return {
        "basemap": (VENDOR / "world-atlas" / "countries-50m.json").is_file()
        and (VENDOR / "topojson-client" / "topojson-client.min.js").is_file(),
        "swagger": (VENDOR / "swagger-ui" / "swagger-ui-bundle.js").is_file(),
        "leaflet": (VENDOR / "leaflet" / "leaflet.js").is_file(),
    }


class SecurityHeaders:
    """CSP and friends on every response (pure ASGI: cheaper than an http middleware)."""

    _headers: ClassVar[list[tuple[bytes, bytes]]] = [
        (k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in self._headers if k not in present]
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before they are parsed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        too_big = problem(413, f"request body is over the limit of {self.limit:,} bytes")
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await too_big(scope, receive, send)
                    return
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise StarletteHTTPException(413, f"request body is over the limit of "
                                                      f"{self.limit:,} bytes")
            return message

        await self.app(scope, counting, send)


def _default_pipeline(settings: Settings) -> Callable[[], Extractor]:
    def load() -> Extractor:
        from eventwire.nlp.pipeline import Pipeline

        return Pipeline(settings)

    return load


def create_app(
    settings: Settings,
    *,
    pipeline_factory: Callable[[], Extractor] | None = None,
    cors_origins: Sequence[str] = (),
    max_upload_bytes: int | None = None,
) -> FastAPI:
    """The app for the store at ``settings.db_url``. ``pipeline_factory`` builds the
    extractor on the first ingest (tests pass a loaded one); CORS is off unless
    ``cors_origins`` lists origins."""
    store = Store(settings.db_url)
    jobs = IngestJobs(store, settings, pipeline_factory or _default_pipeline(settings))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Few request threads per process: handlers are mostly Python work under one GIL,
        # and forty of them interleaved make every request slow instead of serving them
        # in turn (measured: p95 of a list page under 20 clients). Waiting requests queue.
        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        store.warm_up(REQUEST_THREADS + 2)  # the handlers' and the event loop's reads
        yield
        jobs.close()
        store.close()

    app = FastAPI(
        title="eventwire",
        summary="Sourced event records from news: events, actors, evidence.",
        version="1",
        docs_url=None,  # /docs is served from local files (no CDN): see views.docs_page
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.settings = settings
    app.state.jobs = jobs
    # Autoescape everything: article text, titles and names are untrusted input.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    env.globals["family_of"] = family_of
    app.state.templates = Jinja2Templates(env=env)
    app.state.vendor = vendor_assets()
    app.state.max_upload_bytes = max_upload_bytes or settings.max_bytes

    install_problem_handlers(app)
    json_http_problem = app.exception_handlers[StarletteHTTPException]

    async def http_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if request.url.path.startswith("/ui/"):
            return views.render(request, "error.html", status=exc.status_code,
                                status_code=exc.status_code, detail=str(exc.detail))
        answer = json_http_problem(request, exc)
        return await answer if isinstance(answer, Awaitable) else answer

    app.add_exception_handler(StarletteHTTPException, http_problem)

    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=app.state.max_upload_bytes)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization"])

    app.include_router(api.router)
    app.include_router(watchlist_routes.router)
    app.include_router(views.router)
    app.include_router(watchlist_routes.ui)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/", include_in_schema=False)
    def root() -> Response:
        return RedirectResponse("/ui/events", status_code=307)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return RedirectResponse("/ui/docs", status_code=307)

    return app


# The environment variable ``serve`` hands a ServeConfig through when uvicorn's own
# workers build the app (the fallback without SO_REUSEPORT): its factory takes no argument.
SERVE_CONFIG_ENV = "EVENTWIRE_SERVE_CONFIG"


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Everything an app is built from: what ``serve`` hands each worker process,
    serialised explicitly (``to_json``), so a worker builds the app the parent would
    (``--model``, ``--db``, CORS origins and the upload limit included)."""

    settings: Settings
    cors_origins: tuple[str, ...] = ()
    max_upload_bytes: int | None = None

    def to_json(self) -> str:
        return json.dumps({"settings": json.loads(settings_to_json(self.settings)),
                           "cors_origins": list(self.cors_origins),
                           "max_upload_bytes": self.max_upload_bytes}, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> ServeConfig:
        try:
            data = json.loads(text)
        except ValueError as err:
            raise ConfigError(f"server settings are not JSON: {err}") from None
        if not isinstance(data, dict) or set(data) != {"settings", "cors_origins",
                                                       "max_upload_bytes"}:
            raise ConfigError("server settings need exactly settings, cors_origins and "
                              "max_upload_bytes")
        origins, limit = data["cors_origins"], data["max_upload_bytes"]
        if not (isinstance(origins, list) and all(isinstance(o, str) for o in origins)):
            raise ConfigError("cors_origins must be a list of strings")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool)
                                  or limit < 1):
            raise ConfigError("max_upload_bytes must be a positive integer or null")
        return ServeConfig(settings_from_json(json.dumps(data["settings"])), tuple(origins),
                           limit)


def create_app_from_config(config: ServeConfig) -> FastAPI:
    return create_app(config.settings, cors_origins=config.cors_origins,
                      max_upload_bytes=config.max_upload_bytes)


def create_app_from_env() -> FastAPI:
    """App factory for ``uvicorn --factory``: the ServeConfig in EVENTWIRE_SERVE_CONFIG
    when ``eventwire serve --workers N`` set it, else the settings of the environment
    (EVENTWIRE_DB, EVENTWIRE_MODEL)."""
    import os

    from eventwire.config import load_settings

    given = os.environ.get(SERVE_CONFIG_ENV)
    if given:
        return create_app_from_config(ServeConfig.from_json(given))
    return create_app(load_settings())


__all__ = [
    "SERVE_CONFIG_ENV", "ServeConfig", "create_app", "create_app_from_config",
    "create_app_from_env", "vendor_assets",
]
