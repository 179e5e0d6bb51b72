"""The pitch as a task kind (app/tasks/registry.py): no slot (a 30-second and a 3-minute pitch
may be written together: limits.py caps how many at once and per day instead), its price (free
by default), its cancel and its recovery when the worker's queue lost its job — ended as every
row task is (app/tasks/row_kind.py)."""

from __future__ import annotations

from app.domain.pitches.lifecycle import PITCH, PITCH_FEATURE, PITCH_TASK_TYPE
from app.lib.i18n import N_
from app.tasks.registry import Price

KIND = PITCH.kind(
    type=PITCH_TASK_TYPE,
    label=N_("Pitch writing"),
    slot=None,
    price=Price(feature=PITCH_FEATURE, default=0, description="Credits per pitch"),
    page="/pitches/{id}",
    open_words=N_("Open the pitch"),
    title_prefix="Pitch — ",
    ready=lambda pitch: pitch.cv_file_id is not None,
    # A ceiling whatever the admin sets the feature's own limit to (app/domain/pitches/limits.py).
    open_cap=20,
)
