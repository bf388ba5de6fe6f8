"""Several server processes on one port, each accepting on its own socket.

uvicorn's ``--workers`` share one listening socket, and the first process to wake takes
every pending connection: under keep-alive load one process can end up holding all the
clients, and with them one core of two (measured: 20 connections, 20/0 or 12/8 across two
workers). With one ``SO_REUSEPORT`` socket per process (Linux), the kernel spreads new
connections across the processes by a hash of their addresses.

``run_workers`` is a small supervisor: it starts the processes, forwards SIGTERM/SIGINT,
and stops them all when one dies. Platforms without ``SO_REUSEPORT`` fall back to
uvicorn's own workers (``reuseport_available``).
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import socket
import sys
import time
from types import FrameType

from eventwire.errors import ConfigError

APP_FACTORY = "eventwire.web.app:create_app_from_env"


def reuseport_available() -> bool:
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def bind_reuseport(host: str, port: int) -> socket.socket:
    """A listening TCP socket on (host, port) that other processes of this user may share."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as err:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
    return sock


def tune_gc() -> None:
    """For a long-running server process, once its app is built: what exists now (modules,
    routes, the app) is never garbage, so the collector stops scanning it (``gc.freeze``),
    and it runs less often: a list page makes thousands of short-lived dicts, and a full
    collection in the middle of a request is a latency spike."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _serve_one(host: str, port: int, log_level: str, config: str) -> None:
    """One worker process: its own socket, the app built from ``config`` (a ServeConfig's
    JSON, handed over by the parent)."""
    import uvicorn

    from eventwire.web.app import ServeConfig, create_app_from_config

    sock = bind_reuseport(host, port)
    app = create_app_from_config(ServeConfig.from_json(config))
    tune_gc()
    server = uvicorn.Config(app, log_level=log_level, access_log=False)
    uvicorn.Server(server).run(sockets=[sock])


def run_workers(host: str, port: int, workers: int, *, config: str,
                log_level: str = "info") -> int:
    """Run ``workers`` server processes, each building its app from ``config`` (the JSON
    of a ``web.app.ServeConfig``), until a signal or until one of them exits; returns an
    exit status (0 after a signal, 1 when a worker died on its own)."""
    from eventwire.web.app import ServeConfig

    ServeConfig.from_json(config)  # a bad config is one clear error here, not one per worker
    if workers < 2:
        raise ConfigError("run_workers needs at least 2 workers")
    if port == 0:
        raise ConfigError("several workers need a fixed --port (0 would give each its own)")
    bind_reuseport(host, port).close()  # a clear error now, not one per worker later
    ctx = multiprocessing.get_context("spawn")  # no state copied from this process
    procs = [ctx.Process(target=_serve_one, args=(host, port, log_level, config),
                         name=f"worker-{i}")
             for i in range(workers)]
    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True  # the loop below sends SIGTERM: uvicorn shuts down gracefully

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        for p in procs:
            p.start()
        while not stopping and all(p.is_alive() for p in procs):
            time.sleep(0.2)
        for p in procs:  # one died, or we were asked to stop: stop the others
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=10)
            if p.is_alive():
                p.kill()
                p.join()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0 if stopping else 1


__all__ = [
    "APP_FACTORY", "bind_reuseport", "reuseport_available", "run_workers", "tune_gc",
]
