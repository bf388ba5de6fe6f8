"""Several server processes on one port, each with its own SO_REUSEPORT socket."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from eventwire.errors import ConfigError
from eventwire.web.workers import bind_reuseport, reuseport_available, run_workers

pytestmark = pytest.mark.skipif(not reuseport_available(), reason="needs SO_REUSEPORT (Linux)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_worker_settings_are_checked() -> None:
    with pytest.raises(ConfigError, match="at least 2"):
        run_workers("127.0.0.1", _free_port(), 1)
    with pytest.raises(ConfigError, match="fixed --port"):
        run_workers("127.0.0.1", 0, 2)


def test_a_port_held_by_another_program_is_a_clear_error() -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        with pytest.raises(ConfigError, match=r"cannot listen on 127\.0\.0\.1"):
            bind_reuseport("127.0.0.1", held.getsockname()[1])


def test_two_workers_share_the_port_and_stop_on_sigterm(tmp_path: Path) -> None:
    port = _free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen(
        [str(exe), "--db", f"sqlite:///{tmp_path / 'w.db'}", "serve", "--host", "127.0.0.1",
         "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not come up"
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.2)
        # new connections each time: the kernel hands them to either worker
        codes = {httpx.get(f"http://127.0.0.1:{port}/events", timeout=5).status_code
                 for _ in range(10)}
        assert codes == {200}
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
