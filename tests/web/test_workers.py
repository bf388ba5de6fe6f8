"""Several server processes on one port, each with its own SO_REUSEPORT socket."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from serving import free_port, wait_until_up

from eventwire.config import Settings, settings_from_json, settings_to_json
from eventwire.errors import ConfigError
from eventwire.store import Store
from eventwire.web.app import ServeConfig
from eventwire.web.tokens import create_token
from eventwire.web.workers import bind_reuseport, reuseport_available, run_workers

linux_only = pytest.mark.skipif(not reuseport_available(), reason="needs SO_REUSEPORT (Linux)")
CONFIG = ServeConfig(Settings(db_url="sqlite://")).to_json()




@linux_only
def test_worker_settings_are_checked() -> None:
    with pytest.raises(ConfigError, match="at least 2"):
        run_workers("127.0.0.1", free_port(), 1, config=CONFIG)
    with pytest.raises(ConfigError, match="fixed --port"):
        run_workers("127.0.0.1", 0, 2, config=CONFIG)
    with pytest.raises(ConfigError, match="not JSON"):
        run_workers("127.0.0.1", free_port(), 2, config="{")


def test_settings_and_server_config_round_trip_through_json() -> None:
    settings = Settings(db_url="postgresql://u@h/db", model="en_other_sm", max_bytes=10,
                        batch_size=4, min_english=0.25,
                        stages=(("attribution", "my.stages:QUOTES"),))
    assert settings_from_json(settings_to_json(settings)) == settings
    config = ServeConfig(settings, ("https://ui.example",), 4096)
    assert ServeConfig.from_json(config.to_json()) == config
    for bad in ('{"db_url": 1}', '{"db_url": "x", "colour": "red"}', "[]", '{"model": "m"}',
                '{"db_url": "x", "stages": [["attribution"]]}', '{"db_url": "x", "stages": "a"}',
                '{"db_url": "x", "batch_size": 2.5}', '{"db_url": "x", "batch_size": true}'):
        with pytest.raises(ConfigError):
            settings_from_json(bad)
    for bad in ("{}", '{"settings": {"db_url": "x"}, "cors_origins": "*", '
                      '"max_upload_bytes": null}',
                '{"settings": {"db_url": "x"}, "cors_origins": [], "max_upload_bytes": 0}'):
        with pytest.raises(ConfigError):
            ServeConfig.from_json(bad)


@linux_only
def test_a_port_held_by_another_program_is_a_clear_error() -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        with pytest.raises(ConfigError, match=r"cannot listen on 127\.0\.0\.1"):
            bind_reuseport("127.0.0.1", held.getsockname()[1])


@linux_only
def test_two_workers_share_the_port_and_stop_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen(
        [str(exe), "--db", f"sqlite:///{tmp_path / 'w.db'}", "serve", "--host", "127.0.0.1",
         "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_until_up(proc, f"http://127.0.0.1:{port}")
        # new connections each time: the kernel hands them to either worker
        codes = {httpx.get(f"http://127.0.0.1:{port}/events", timeout=5).status_code
                 for _ in range(10)}
        assert codes == {200}
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0


ENGLISH = ("Police said a man attacked a security guard outside the city hall on Monday "
           "evening. The guard was taken to hospital with cuts to his arms and is expected "
           "to recover. Officers arrested a suspect nearby and are asking witnesses to call "
           "the station. The mayor said the building would reopen on Tuesday morning.")


@linux_only
def test_every_worker_builds_its_app_from_the_parents_settings(tmp_path: Path) -> None:
    """``--model``, the upload limit and CORS reach every worker process (the model
    used to be re-read from the environment: the default one was loaded instead)."""
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with Store(url) as store:
        secret = create_token(store, "test")[1]
    port = free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen(
        [str(exe), "--db", url, "--model", "no_such_pipeline_xyz", "serve", "--host",
         "127.0.0.1", "--port", str(port), "--workers", "2", "--max-upload-bytes", "2000",
         "--cors-origin", "https://ui.example"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(proc, base)
        auth = {"Authorization": f"Bearer {secret}"}
        for i in range(6):  # new connections: both workers answer some
            job = httpx.post(f"{base}/articles?wait=true", headers=auth, timeout=30,
                             data={"text": f"{ENGLISH} Report {i}."}).json()
            assert job["state"] == "failed", job
            assert "no_such_pipeline_xyz" in job["error"]  # the worker tried --model's
            big = httpx.post(f"{base}/articles", headers=auth, timeout=10,
                             data={"text": "x" * 3000})
            assert big.status_code == 413
            preflight = httpx.options(f"{base}/events", timeout=10, headers={
                "Origin": "https://ui.example", "Access-Control-Request-Method": "GET"})
            assert preflight.headers["access-control-allow-origin"] == "https://ui.example"
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
