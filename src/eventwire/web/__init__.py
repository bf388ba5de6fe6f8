"""``eventwire serve``: the JSON API and the dashboard (FastAPI, server-rendered pages).

    from eventwire.web import create_app
    app = create_app(load_settings())   # then: uvicorn.run(app)

Importing this package is cheap (the CLI imports ``eventwire.web.commands`` on every
run); FastAPI is imported when an app is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    from eventwire.web.app import create_app as build

    return build(*args, **kwargs)


__all__ = ["create_app"]
