"""The cover letter as a task kind (app/tasks/registry.py): its own slot (one letter written at
a time per user; the others of a generation wait their turn, app/domain/letters/requesting.py),
its price, its cancel and its recovery when the worker's queue lost its job — ended as every
row task is (app/tasks/row_kind.py)."""

from __future__ import annotations

from app.domain.letters.lifecycle import LETTER, LETTER_FEATURE, LETTER_SLOT, LETTER_TASK_TYPE
from app.lib.i18n import N_
from app.tasks.registry import Price

KIND = LETTER.kind(
    type=LETTER_TASK_TYPE,
    label=N_("Cover letter"),
    slot=LETTER_SLOT,
    price=Price(feature=LETTER_FEATURE, default=1, description="Credits per cover letter"),
    page="/cover-letters/{id}",
    open_words=N_("Open the letter"),
    title_prefix="Letter — ",
    ready=lambda letter: letter.cv_file_id is not None,
)
