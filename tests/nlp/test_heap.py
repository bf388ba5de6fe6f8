"""The allocator setting a Pipeline makes (``Settings.heap_keep_mb``, PERFORMANCE.md
round 13): off at 0, set through the settings when the pipeline is built."""

from __future__ import annotations

import sys

import pytest

from eventwire.config import load_settings, settings_from_json, settings_to_json
from eventwire.nlp import pipeline as pl


def test_zero_leaves_the_allocator_alone() -> None:
    assert pl.keep_heap(0) is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_set_on_glibc() -> None:
    import ctypes

    try:
        ctypes.CDLL(None).gnu_get_libc_version  # noqa: B018
    except AttributeError:
        pytest.skip("not glibc")
    assert pl.keep_heap(512) is True


def test_the_setting_reaches_the_allocator(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    monkeypatch.setattr(pl, "keep_heap", lambda mb: asked.append(mb) or True)
    settings = load_settings(db_url="sqlite://").with_(heap_keep_mb=64)
    pl.Pipeline(settings, nlp=object())  # type: ignore[arg-type]
    assert asked == [64]


def test_round_trips_through_json() -> None:
    settings = load_settings(db_url="sqlite://").with_(heap_keep_mb=0)
    assert settings_from_json(settings_to_json(settings)).heap_keep_mb == 0
