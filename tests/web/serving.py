"""Servers and browsers the web tests start on 127.0.0.1: one way to do each."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
# where the browser tests leave screenshots for a person to look at
SHOTS = Path(os.environ.get("EVENTWIRE_SCREENSHOTS") or ROOT / "screenshots" / "web")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def require_browser() -> Any:
    """Skip the calling test module unless Debian's chromium and playwright are there;
    the playwright sync API when they are."""
    import pytest

    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium): `make browser` "
                    "installs it", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api",
                               reason="playwright not installed (extra 'e2e')")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """``app`` under uvicorn in a daemon thread; yields its base URL, stops it after."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                        lifespan="on"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def wait_until_up(proc: subprocess.Popen[bytes], base: str, seconds: float = 60) -> None:
    """Poll ``base``/health until it answers 200; fail with the process's stderr if it
    exits first or the time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "the server did not come up"
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.2)


@contextmanager
def chromium_context(playwright_api: Any, profile: Path, timeout_ms: int) -> Iterator[Any]:
    """A persistent headless chromium context (Debian's binary, never a downloaded one)."""
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(timeout_ms)
        try:
            yield context
        finally:
            context.close()
