"""JSON API of the interview prep: the questions of an application's offer with the user's
evidence, and the same prep as PDF and Markdown."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Response, get
from litestar.params import FromPath

from app.domain.interview.exports import download_name, prep_markdown, prep_pdf
from app.domain.interview.schemas import prep_out
from app.domain.interview.services import interview_prep
from app.lib.dependencies import Arq, Db, SignedIn
from app.lib.markdown_export import MARKDOWN_MEDIA_TYPE
from app.lib.private_download import private_download


class InterviewPrepApi(Controller):
    path = "/api/applications/{application_id:str}/interview-prep"
    tags = ["applications"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def read(self, user: SignedIn, db: Db, application_id: FromPath[str]) -> dict[str, Any]:
        """The questions the offer will likely bring, in the ad's language (``language``):
        motivation, competence (one per requirement of the match ledger), situation (for the
        requirements the CV supports) and gap (missing or partial) questions; each with the
        user's evidence quoted exactly (a CV quote and where it stands, or an achievement of
        the bank with its STAR parts), or ``noEvidence``. 404 for another user's application;
        409 while the CV or the offer is still being read."""
        return prep_out(await interview_prep(db, user, application_id))

    @get("/pdf", media_type="application/pdf")
    async def pdf(
        self, user: SignedIn, db: Db, arq: Arq, application_id: FromPath[str]
    ) -> Response[bytes]:
        """The prep as a PDF, in the ad's language."""
        found = await interview_prep(db, user, application_id)
        await db.close()  # give the connection back while a worker renders
        return private_download(await prep_pdf(arq, found), "application/pdf", download_name(found))

    @get("/markdown", media_type=MARKDOWN_MEDIA_TYPE)
    async def markdown(
        self, user: SignedIn, db: Db, application_id: FromPath[str]
    ) -> Response[str]:
        """The prep as Markdown, in the ad's language."""
        found = await interview_prep(db, user, application_id)
        return private_download(
            prep_markdown(found), MARKDOWN_MEDIA_TYPE, download_name(found, markdown=True)
        )
