from __future__ import annotations

import time

import pytest

from eventwire.readers.dates import from_struct_time, normalise_published


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2026-03-10", "2026-03-10"),
        (" 2026-03-10 ", "2026-03-10"),
        ("20260310", "2026-03-10"),
        ("2026-03-10T09:15:00-05:00", "2026-03-10T09:15:00-05:00"),
        ("2026-03-10T14:20:00Z", "2026-03-10T14:20:00+00:00"),
        ("2026-03-10 09:15", "2026-03-10T09:15:00"),
        ("Tue, 10 Mar 2026 14:15:00 +0000", "2026-03-10T14:15:00+00:00"),
        ("Thu, 22 Oct 2026 16:40:00 GMT", "2026-10-22T16:40:00+00:00"),
        ("2026-02-30", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_published(raw: str | None, iso: str | None) -> None:
    assert normalise_published(raw) == iso


def test_from_struct_time_is_utc() -> None:
    assert from_struct_time(time.strptime("2026-03-10 14:15", "%Y-%m-%d %H:%M")) == (
        "2026-03-10T14:15:00+00:00")
    assert from_struct_time(None) is None
