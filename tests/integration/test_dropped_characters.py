"""A character no font has (a recent emoji) is left out of the PDF, which stays readable, and
the changes page says which characters went."""

from __future__ import annotations

import html

import httpx
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.lib.pdf_render.samples import sample_cv
from tests.integration.test_renders import add_cv, get_cv_row, pdf_text, sign_up, web

__all__ = ["web"]  # the live-server client fixture, shared with test_renders

UNCOVERED = "\U0001fae0"  # MELTING FACE: newer than every installed font


async def test_the_changes_page_names_the_characters_left_out_of_the_pdf(
    web: httpx.AsyncClient,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await sign_up(web, "dropped@example.com")
    cv = sample_cv("en")
    cv.summary = f"{UNCOVERED} {cv.summary}"
    cv_id = await add_cv(session_factory, me["id"], cv)
    response = await web.get(f"/api/cvs/{cv_id}/pdf")
    assert response.status_code == 200, response.text
    text = pdf_text(response.content)
    assert cv.header.contact.email in text and UNCOVERED not in text
    row = await get_cv_row(session_factory, cv_id)
    assert row.generation_meta["render"]["droppedCharacters"] == [UNCOVERED]
    again = await web.get(f"/api/cvs/{cv_id}/pdf")  # from the cache this time
    assert again.content == response.content

    page = await web.get(f"/cvs/{cv_id}/changes")
    assert page.status_code == 200
    assert 'data-testid="dropped-characters"' in page.text
    assert UNCOVERED in html.unescape(page.text)
