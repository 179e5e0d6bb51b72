"""The interview prep to take away: Markdown (built here) and PDF (WeasyPrint, rendered by a
worker while the request waits, like the letters' and the CVs' PDFs). Both are printed whole in
the ad's language, the language the interview will be held in; the evidence is the user's own
text as written."""

from __future__ import annotations

from typing import Any

from arq.connections import ArqRedis

from app.domain.interview.services import InterviewPrep
from app.domain.interview.view import TITLE, sheet
from app.domain.offers import services as offers
from app.domain.renders import services as renders
from app.job_names import Job
from app.lib.download_names import markdown_filename, pdf_filename
from app.lib.errors import AppError
from app.lib.i18n import N_, current_locale, gettext
from app.lib.markdown_export.sheet import sheet_markdown

FILE_WORDS = N_("Interview prep")


class PrepRenderUnavailable(AppError):
    status_code = 503
    code = "render.unavailable"


def prep_sheet(found: InterviewPrep) -> dict[str, Any]:
    token = current_locale.set(found.language)
    try:
        return sheet(
            found.prep, title=gettext(TITLE), subtitle=offers.title_and_company(found.offer)
        )
    finally:
        current_locale.reset(token)


def download_name(found: InterviewPrep, *, markdown: bool = False) -> str:
    token = current_locale.set(found.language)
    try:
        words = gettext(FILE_WORDS)
    finally:
        current_locale.reset(token)
    make = markdown_filename if markdown else pdf_filename
    return make(words, found.offer.company or offers.display_title(found.offer))


def prep_markdown(found: InterviewPrep) -> str:
    return sheet_markdown(prep_sheet(found))


async def prep_pdf(arq: ArqRedis, found: InterviewPrep) -> bytes:
    return await renders.pdf_from_worker(
        arq, Job.RENDER_SHEET_PDF, prep_sheet(found), found.language,
        unavailable=PrepRenderUnavailable,
    )  # fmt: skip
