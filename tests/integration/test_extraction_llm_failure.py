"""An LLM failure during a CV import or an offer extraction: the rules take over, the user reads
a catalogue sentence in their language, and the admin page's "last AI error" records it (as it
does for a generation)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain.cvs.extraction import extract
from app.domain.offers.extraction import LLM_FALLBACK, extract_offer_fields
from app.lib.llm.last_error import KEY, last_llm_error
from app.settings.service import update_setting
from tests import factories
from tests.conftest import register
from tests.fakes.openai_server import FakeOpenAIServer, HttpError

OFFER_TEXT = """Backend developer
Acme Corp — Lyon
Requirements:
- Python
- PostgreSQL
"""
CV_TEXT = """Camille Durand
camille@example.com

Experience
Backend developer, Acme Corp, 2020 - 2024
- Built the billing service in Python

Skills
Python, PostgreSQL
"""


@pytest.fixture
def refusing_llm() -> Iterator[FakeOpenAIServer]:
    """An endpoint that refuses its key: not worth retrying, the rules take over at once."""
    with FakeOpenAIServer() as server:
        server.script(None, reply=HttpError(401, "invalid api key"))
        yield server


async def _use(db: AsyncSession, server: FakeOpenAIServer) -> None:
    await update_setting(db, "llm_base_url", server.base_url)
    await update_setting(db, "llm_api_key", "test-key")
    await db.commit()


async def test_an_offer_filled_by_the_rules_says_so_in_the_readers_language(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    refusing_llm: FakeOpenAIServer,
) -> None:
    me = await register(client, "offer-fallback@example.com")
    await _use(db, refusing_llm)
    await redis.delete(KEY)
    offer = await factories.job_offer(db, me["id"], title="", company="", description=OFFER_TEXT)
    offer.extraction_status = "running"

    summary = await extract_offer_fields(db, settings, offer, 1, 3, redis=redis)
    offer.extraction_status = "completed"
    await db.commit()

    assert summary["parser"] == "rules" and offer.title
    assert offer.extraction_error == LLM_FALLBACK  # a catalogue id, no endpoint detail
    recorded = await last_llm_error(redis)
    assert recorded is not None
    assert (recorded["code"], recorded["where"]) == ("auth", "offer_extract")
    api = (await client.get(f"/api/job-offers/{offer.id}")).json()
    assert api["extractionError"] == LLM_FALLBACK
    for language, sentence in (
        ("fr", "Le service d'IA n'était pas disponible"),
        ("en", "The AI service was unavailable"),
    ):
        await client.post(
            "/locale",
            data={"locale": language, "next": "/"},
            headers={"x-csrftoken": client.cookies["csrftoken"]},
        )
        page = await client.get(f"/offers/{offer.id}")
        assert sentence in page.text.replace("&#39;", "'"), language


async def test_a_cv_import_that_falls_back_to_the_rules_is_recorded_for_the_admin(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    refusing_llm: FakeOpenAIServer,
) -> None:
    me = await register(client, "cv-fallback@example.com")
    await _use(db, refusing_llm)
    await redis.delete(KEY)
    cv = await factories.source_cv(db, me["id"])
    cv.original_mime, cv.original_bytes = "text/plain", CV_TEXT.encode()
    await db.commit()

    result = await extract(db, settings, cv, 1, 3, redis=redis)

    assert result.parser == "rules"
    assert [w["code"] for w in result.warnings] == ["llm_failed"]
    recorded = await last_llm_error(redis)
    assert recorded is not None
    assert (recorded["code"], recorded["where"]) == ("auth", "cv_import")
