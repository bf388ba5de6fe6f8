"""JSON responses with ETags, and errors as RFC 9457 problem details."""

from __future__ import annotations

import hashlib
import json
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from eventwire.errors import ConfigError, EventwireError, InputError, StoreError

PROBLEM_TYPE = "application/problem+json"
log = logging.getLogger("eventwire.web")

# For the OpenAPI document: what every error body looks like.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["title", "status", "detail"],
}


def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {
        code: {
            "description": HTTPStatus(code).phrase,
            "content": {PROBLEM_TYPE: {"schema": PROBLEM_SCHEMA}},
        }
        for code in codes
    }


def problem(status: int, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status,
            "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE)


def _std_dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


try:  # orjson (the ``web`` extra) encodes a page of events several times faster
    import orjson

    def _dumps(data: Any) -> bytes:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)

except ImportError:  # pragma: no cover - the standard library gives the same JSON
    _dumps = _std_dumps


def etag_json(request: Request, data: Any, status: int = 200) -> Response:
    """``data`` as JSON with a weak ETag of its bytes; 304 when the client has it."""
    body = _dumps(data)
    tag = 'W/"' + hashlib.sha1(body).hexdigest() + '"'
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    seen = request.headers.get("if-none-match", "")
    if seen and (seen.strip() == "*" or tag in [t.strip() for t in seen.split(",")]):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _status_for(err: EventwireError) -> int:
    if isinstance(err, (ConfigError, InputError)):
        return 400
    if isinstance(err, StoreError):
        return 503
    return 400


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None) or {}
        resp = problem(exc.status_code, str(exc.detail))
        resp.headers.update(headers)
        return resp

    @app.exception_handler(RequestValidationError)
    async def validation_problem(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        where = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                          for e in errors[:5])
        return problem(422, f"invalid request: {where}", errors=errors)

    @app.exception_handler(EventwireError)
    async def eventwire_problem(request: Request, exc: EventwireError) -> Response:
        return problem(_status_for(exc), str(exc))

    @app.exception_handler(Exception)
    async def unexpected_problem(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(500, "internal error; the server log has the details")


__all__ = ["PROBLEM_TYPE", "etag_json", "install_problem_handlers", "problem",
           "problem_responses"]
