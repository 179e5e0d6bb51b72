"""Worker side of the applications tracker's frozen copies: render a sent CV from the copy
kept in its application (app/domain/applications/sent.py), never from the CV as it is now."""

from __future__ import annotations

from typing import Any

from arq.worker import func

from app.domain.applications.sent import RENDER_SENT_JOB, get_document, letter_spec_of, sent_spec
from jobs.cover_letters import render_spec
from jobs.render import render_payload, render_spec_pdf


async def render_sent_document(
    ctx: dict[str, Any], user_id: str, document_id: str
) -> dict[str, Any]:
    async with ctx["session_factory"]() as session:
        document = await get_document(session, user_id, document_id)
    if document.kind == "letter":  # a cover letter, from its frozen copy
        return {"pdf": (await render_spec(ctx, letter_spec_of(document)))["pdf"]}
    # The whole render, as ``render_cv_pdf`` answers: the web builds the Word file trimmed
    # like this PDF and caches it, as for a CV's download.
    return render_payload(await render_spec_pdf(ctx["settings"], sent_spec(document)))


# The result carries the PDF through Redis: kept just long enough for the waiting request.
RENDER_SENT_DOCUMENT = func(
    render_sent_document, name=RENDER_SENT_JOB, keep_result=120, timeout=120, max_tries=1
)
