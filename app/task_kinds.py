"""Every kind of background task, registered with the task kernel (app/tasks/registry.py).

Called once by ``create_app()`` (app/asgi.py) and by the worker (jobs/worker.py): both cancel and
recover tasks through the registry. A new kind adds its module's ``KIND`` here (docs/tasks.md).
"""

from __future__ import annotations

from app.domain.ats.task_kind import KIND as ATS_CHECK
from app.domain.coach.task_kind import KIND as COACH_REPLY
from app.domain.cvs.import_kind import KIND as CV_IMPORT
from app.domain.generation.task_kind import KIND as GENERATION
from app.domain.inbox.search_run_kind import KIND as SEARCH_RUN
from app.domain.inbox.search_run_kind import PAGE_FETCH_KIND as INBOX_PAGE_FETCH
from app.domain.letters.task_kind import KIND as COVER_LETTER
from app.domain.offers.extraction_kind import KIND as OFFER_EXTRACTION
from app.domain.pitches.task_kind import KIND as PITCH
from app.tasks.registry import TaskKind, register

KINDS: tuple[TaskKind, ...] = (GENERATION, CV_IMPORT, OFFER_EXTRACTION, COVER_LETTER)

KINDS += (SEARCH_RUN, INBOX_PAGE_FETCH)  # the job inbox (app/domain/inbox/search_run_kind.py)
KINDS += (PITCH,)  # the pitch coach (app/domain/pitches/task_kind.py)
KINDS += (COACH_REPLY,)  # the STAR coach (app/domain/coach/task_kind.py)
KINDS += (ATS_CHECK,)  # how machines read a PDF (app/domain/ats/task_kind.py)


def register_task_kinds() -> None:
    """Register every kind (idempotent: the tests build many apps in one process)."""
    for kind in KINDS:
        register(kind)
