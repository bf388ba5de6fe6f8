"""The world gazetteer, loaded once for the geo tests (built by ``make setup``)."""

from __future__ import annotations

import pytest

from eventwire.geo import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()
