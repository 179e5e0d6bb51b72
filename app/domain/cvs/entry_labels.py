"""What the review page calls an entry the import left without a name (a job read with neither
title nor company): its employer, else its dates, else its first words, else its place in the
list; never "?". Used by the fixes' targets (app/domain/cvs/fixes.py) and by the editor's note
about such entries (app/domain/cvs/unnamed_entries.py)."""

from __future__ import annotations

from app.lib.cv_content import Experience
from app.lib.i18n import N_, gettext

SNIPPET_WORDS = 6  # enough words to recognise a bullet, short enough for a <select>

JOB_FROM_TO = N_("Job from %(start)s to %(end)s")
JOB_STARTING = N_("Job starting %(start)s")
JOB_ENDING = N_("Job ending %(end)s")
JOB_WORDS = N_("Job starting with “%(text)s”")
JOB_NUMBER = N_("Job %(num)s")


def snippet(text: str) -> str:
    """The first words of ``text``, with "…" when there were more."""
    words = text.split()
    cut = " ".join(words[:SNIPPET_WORDS])
    return f"{cut}…" if len(words) > SNIPPET_WORDS else cut


def dates_text(start: str | None, end: str | None) -> str:
    """ "2019-03 – 2021", "2019-03", "– 2021" or "": an entry's dates as the editor shows them."""
    if start and end:
        return f"{start} – {end}"
    return start or (f"– {end}" if end else "")


def job_label(job: Experience, position: int) -> str:
    """``job`` named for a list of jobs (``position``: 1-based) in the reader's language."""
    named = " — ".join(part for part in (job.title, job.company) if part)
    if named:
        return named
    if job.start and job.end and not job.current:
        return gettext(JOB_FROM_TO, start=job.start, end=job.end)
    if job.start:
        return gettext(JOB_STARTING, start=job.start)
    if job.end:
        return gettext(JOB_ENDING, end=job.end)
    words = next((text for text in (*job.bullets, job.description) if text.strip()), "")
    if words:
        return gettext(JOB_WORDS, text=snippet(words))
    return gettext(JOB_NUMBER, num=position)
