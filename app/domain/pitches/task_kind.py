"""The pitch as a task kind (app/tasks/registry.py): no slot (a 30-second and a 3-minute pitch
may be written together: limits.py caps how many at once and per day instead), its price (free
by default), its cancel and its recovery when the worker's queue lost its job — ended as every
row kind is (app/tasks/row_kind.py)."""

from __future__ import annotations

from app.domain.pitches.lifecycle import (
    PITCH_CANCELLED,
    PITCH_FEATURE,
    PITCH_INPUT_GONE,
    PITCH_JOB,
    PITCH_ROW,
    PITCH_TASK_TYPE,
    REFUND_CANCELLED,
    REFUND_FAILED,
    REFUND_LOST,
)
from app.lib.i18n import N_
from app.tasks.registry import Price
from app.tasks.row_kind import RowEnds, row_kind

KIND = row_kind(
    PITCH_ROW,
    RowEnds(
        cancelled=PITCH_CANCELLED,
        input_gone=PITCH_INPUT_GONE,
        refund_cancelled=REFUND_CANCELLED,
        refund_lost=REFUND_LOST,
        refund_given_up=REFUND_FAILED,
    ),
    type=PITCH_TASK_TYPE,
    label=N_("Pitch writing"),
    slot=None,
    price=Price(feature=PITCH_FEATURE, default=0, description="Credits per pitch"),
    job=PITCH_JOB,
    page="/pitches/{id}",
    open_words=N_("Open the pitch"),
    title_prefix="Pitch — ",
    ready=lambda pitch: pitch.cv_file_id is not None,
    # A ceiling whatever the admin sets the feature's own limit to (app/domain/pitches/limits.py).
    open_cap=20,
)
