"""The ATS check as a task kind (app/tasks/registry.py), from its row task (lifecycle.py): no
slot (a check of a tailored CV may start beside an import: limits.py caps how many at once and
per day instead), free, its cancel and its recovery when the worker's queue lost its job."""

from __future__ import annotations

from app.db.models import AtsCheck
from app.domain.ats.lifecycle import ATS_TASK_TYPE, CHECK
from app.domain.ats.limits import AT_ONCE
from app.lib.i18n import N_


def _ready(check: AtsCheck) -> bool:
    """An upload needs its bytes, a tailored CV its row (the worker renders it again)."""
    return check.pdf is not None or check.cv_file_id is not None


KIND = CHECK.kind(
    type=ATS_TASK_TYPE,
    label=N_("ATS check"),
    slot=None,
    price=None,
    page="/ats/{id}",
    open_words=N_("Open the ATS check"),
    title_prefix="ATS check: ",
    ready=_ready,
    # The kernel's bound (app/tasks/lifecycle.py ``reserve``); limits.py refuses first, in the
    # feature's words, and counts the day.
    open_cap=AT_ONCE,
)
