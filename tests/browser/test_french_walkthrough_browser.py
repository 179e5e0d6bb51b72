"""The French walk-through in a real Chromium: a new user signs up with the form (an English
browser), gets a tailored CV, its application and a cover letter from the real worker (the
offline engine: no AI service set) and a saved search with an inbox item, then switches the UI
to French with the header's button and visits every main member page. None shows, as text a
person sees (``innerText``: hidden elements left out), an English sentence of the catalogue
whose French translation differs (the list is the integration walk-through's, built from
``messages.po``); switched back to English, none shows a French one. No JavaScript error."""

from __future__ import annotations

import re

import pytest
from arq.worker import Worker
from playwright.async_api import Page, expect
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import Application, CvGenerationTask
from tests import factories
from tests.browser.flows import (
    path_of,
    register_with_form,
    signed_in_user_id,
    start_generation,
    switch_language,
    unique_email,
)
from tests.integration.inbox_helpers import inbox_item, saved_search
from tests.integration.pipeline_helpers import read_now
from tests.integration.test_french_walkthrough import english_sentences, french_sentences

pytestmark = pytest.mark.browser

WORKER_TIMEOUT_MS = 120_000  # the worker runs and the stream reports it; order, not speed


async def seed(
    page: Page, db: AsyncSession, sessions: async_sessionmaker[AsyncSession]
) -> list[str]:
    """A generation and a cover letter made through the pages, a saved search with an item;
    the main member pages' paths."""
    me = await signed_in_user_id(page)
    source = await factories.source_cv(db, me)
    offer = await factories.job_offer(db, me, title="Python Backend Developer")
    search = await saved_search(db, me)
    await inbox_item(db, me, 1, search=search)

    generation = await start_generation(page, source.id, [offer.id])
    await expect(page.locator(".generation")).to_have_attribute(
        "data-status", "completed", timeout=WORKER_TIMEOUT_MS
    )
    tailored = await read_now(
        sessions,
        select(CvGenerationTask.generated_cv_ids).where(CvGenerationTask.id == generation),
    )
    assert tailored, "the generation made no CV"
    application = await read_now(sessions, select(Application.id).where(Application.user_id == me))
    assert application is not None

    await page.goto(f"/offers/{offer.id}")
    await page.locator("#cover-letters").get_by_role("button", name="Write a cover letter").click()
    await expect(page).to_have_url(re.compile(r"/cover-letters/[^/]+$"))
    letter = path_of(page)
    await expect(page.locator("#editor")).to_be_visible(timeout=WORKER_TIMEOUT_MS)
    return [
        "/",
        "/cvs",
        f"/cvs/{source.id}",
        f"/cvs/{tailored[0]}",
        f"/cvs/{tailored[0]}/preview",
        f"/cvs/{tailored[0]}/changes",
        "/offers",
        f"/offers/{offer.id}",
        "/applications",
        "/applications/list",
        f"/applications/{application}",
        "/cover-letters",
        letter,
        "/inbox",
        "/inbox/searches",
        "/account",
        "/account/letter-template",
        "/tasks",
        "/generations",
        f"/generations/{generation}",
        "/admin/",
    ]


async def sentences_shown(
    page: Page, paths: list[str], sentences: list[str]
) -> dict[str, list[str]]:
    """Path → the ``sentences`` its page shows as text a person sees."""
    found: dict[str, list[str]] = {}
    for path in paths:
        response = await page.goto(path)
        assert response is not None and response.ok, path
        text = " ".join((await page.locator("body").inner_text()).split())
        shown = [s for s in sentences if s in text]
        if shown:
            found[path] = shown
    return found


async def test_a_french_user_sees_no_english_sentence_in_the_browser(
    browser_page: Page,
    js_errors: list[str],
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    page = browser_page
    await register_with_form(page, "Camille Durand", unique_email("walk-fr"))
    paths = await seed(page, db, session_factory)

    await page.goto("/")
    await switch_language(page, "fr")
    english = english_sentences()
    assert len(english) > 100
    assert await sentences_shown(page, paths, english) == {}

    # The check sees a language when there is some: back in English, English everywhere...
    await switch_language(page, "en")
    assert len(await sentences_shown(page, paths, english)) >= 10
    # ...and no French sentence.
    assert await sentences_shown(page, paths, french_sentences()) == {}
    assert js_errors == []
