"""Every arq job the web app enqueues, named once.

The web never imports the worker (pyproject.toml's import contracts), so it names a job by the
name jobs/worker.py registers its function under: these names, and only these, go through
``enqueue``, so a misspelt or retired job cannot be queued for no worker to run.
tests/unit/test_job_names.py checks that the worker has a function for each and that nothing
in app/ calls arq's ``enqueue_job`` around them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from arq import ArqRedis
from arq.jobs import Job as ArqJob


class Job(StrEnum):
    PING = "ping"  # the queue's round trip (app/domain/system/api.py)
    RUN_CV_GENERATION = "run_cv_generation"
    IMPORT_CV = "import_cv"
    EXTRACT_OFFER = "extract_offer"
    WRITE_COVER_LETTER = "write_cover_letter"
    WRITE_PITCH = "write_pitch"
    COACH_REPLY = "coach_reply"
    RUN_ATS_CHECK = "run_ats_check"
    RUN_SEARCH = "run_search"
    FETCH_INBOX_PAGE = "fetch_inbox_page"
    CHECK_POSTINGS = "check_postings"  # is an offer's ad still open (jobs/postings.py)
    READ_MAILBOX = "read_mailbox"  # employers' replies from a user's mailbox (jobs/mailbox.py)
    RENDER_CV_PDF = "render_cv_pdf"
    RENDER_LETTER_PDF = "render_letter_pdf"
    RENDER_SENT_DOCUMENT = "render_sent_document"
    RENDER_SHEET_PDF = "render_sheet_pdf"  # a printable sheet: the interview prep


async def enqueue(arq: ArqRedis, job: Job, *args: Any, **options: Any) -> ArqJob | None:
    """arq's ``enqueue_job`` for a declared job (``options``: its ``_job_id``, ``_expires``…);
    any other name is refused (ValueError) before Redis is asked."""
    return await arq.enqueue_job(Job(job).value, *args, **options)
