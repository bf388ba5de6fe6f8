"""The extraction stages, in the order they run (an explicit list: nothing registers by
import side effect). Each module declares its ``STAGE`` (``nlp.stage.Stage``): what it
reads, writes and needs; ``Pipeline`` checks the list when it is built."""

from __future__ import annotations

from ..stage import Stage
from . import (
    attribution_model,
    dateline,
    dates,
    entities,
    event_places,
    events,
    merge,
    outcome,
    participants,
    places,
    responsibility,
    senses,
    speech,
    status,
    times,
)

DEFAULT_STAGES: tuple[Stage, ...] = (
    dateline.STAGE,
    entities.STAGE,
    events.STAGE,
    attribution_model.STAGE,  # the rules (attribution.py) when its weights are absent
    speech.STAGE,
    senses.STAGE,
    times.STAGE,
    places.STAGE,
    merge.STAGE,
    participants.STAGE,
    dates.LINKED,
    status.STAGE,
    event_places.STAGE,
    dates.STAGE,
    outcome.STAGE,
    responsibility.STAGE,
)

__all__ = ["DEFAULT_STAGES"]
