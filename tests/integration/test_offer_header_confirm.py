"""After reading an ad, the offer's page asks "Job · Company · Place — correct?" when the reader
doubts the title or the company, with the other values the ad gives; a picked or typed answer
renames the offer and the question is not asked again; an offer the user named is never asked
about; the same answer works from the API's offer edit (app/domain/offers/header_check.py)."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import JobOffer
from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]
AD = (
    "Senior Software Engineer, Worker Platform - Tallow Peak\n\n"
    "You will be working for Brivara Labs, the group behind the platform. Brivara Labs runs "
    "millions of jobs a day.\n"
    "Requirements\n- 5 years of experience with Python\n- Knowledge of PostgreSQL\n"
)
LISTED = "Platform Engineer - Norvale Systems - Bengaluru\n\nRequirements\n- Python\n- Kafka\n"


async def _offer(db: AsyncSession, user_id: str, text: str, **fields: str) -> JobOffer:
    from app.lib.parsing.offer_parser import parse_offer_text

    read = parse_offer_text(text)
    values = {"title": read.title, "company": read.company, "location": read.location, **fields}
    return await factories.job_offer(
        db, user_id, description=text, requirements=read.requirements, **values
    )


async def test_a_doubted_company_is_asked_and_one_click_renames_the_offer(
    client: Client, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await register(client, "header-confirm@example.com")
    offer = await _offer(db, me["id"], AD)
    page = (await client.get(f"/offers/{offer.id}", headers={"accept-language": "en"})).text
    assert 'data-testid="confirm-header"' in page
    # The title line's dash part is one cue, the name the body repeats another: the reader
    # takes the repeated one and offers the other (offer_company.read_company).
    assert (
        "Senior Software Engineer, Worker Platform - Tallow Peak · Brivara Labs — correct?" in page
    )
    assert 'name="pick_company" value="Tallow Peak"' in page
    french = (await client.get(f"/offers/{offer.id}", headers={"accept-language": "fr"})).text
    assert "correct ?" in french and "L&#39;annonce donne aussi" in french

    answered = await post_form(
        client, f"/offers/{offer.id}/header", {"pick_company": "Tallow Peak"}
    )
    assert answered.status_code == 303 and answered.headers["location"].endswith("?saved=1")
    async with session_factory() as session:
        row = await session.get(JobOffer, offer.id)
        assert row is not None
        assert (row.company, row.title, row.header_confirmed) == (
            "Tallow Peak",
            "Senior Software Engineer, Worker Platform - Tallow Peak",
            True,
        )
    page = (await client.get(f"/offers/{offer.id}", headers={"accept-language": "en"})).text
    assert 'data-testid="confirm-header"' not in page


async def test_a_typed_answer_or_yes_confirms_and_a_firm_reading_is_not_asked(
    client: Client, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await register(client, "header-typed@example.com")
    offer = await _offer(db, me["id"], AD)
    typed = await post_form(
        client,
        f"/offers/{offer.id}/header",
        {"title": "Software Engineer", "company": "Brivara", "location": "Lyon"},
    )
    assert typed.status_code == 303
    async with session_factory() as session:
        row = await session.get(JobOffer, offer.id)
        assert row is not None
        assert (row.title, row.company, row.location) == ("Software Engineer", "Brivara", "Lyon")

    firm = await _offer(db, me["id"], LISTED)
    assert (firm.company, firm.location) == ("Norvale Systems", "Bengaluru")
    page = (await client.get(f"/offers/{firm.id}", headers={"accept-language": "en"})).text
    assert 'data-testid="confirm-header"' not in page
    # A company the user set (or a page's JSON-LD did) is not asked about either.
    named = await _offer(db, me["id"], AD, company="Quillstone", title="Platform Engineer")
    page = (await client.get(f"/offers/{named.id}", headers={"accept-language": "en"})).text
    assert 'data-testid="confirm-header"' not in page


async def test_another_users_offer_cannot_be_answered(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    me = await register(client, "header-owner@example.com")
    offer = await _offer(db, me["id"], AD)
    async with another_client() as other:
        await register(other, "header-other@example.com")
        refused = await post_form(other, f"/offers/{offer.id}/header", {"company": "X"})
        assert refused.status_code == 404


async def test_a_generation_from_a_doubted_offer_asks_first_then_goes_on_once_told(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "header-generate@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await _offer(db, me["id"], AD)
    form = {"source_cv_id": source.id, "job_offer_ids": offer.id, "misread_ok": "1"}
    asked = await post_form(client, "/generations", form)
    assert asked.status_code == 200 and 'data-testid="confirm-offers"' in asked.text
    assert f'href="/offers/{offer.id}#confirm-header"' in asked.text
    assert 'name="offers_ok" value="1"' in asked.text
    started = await post_form(client, "/generations", {**form, "offers_ok": "1"})
    assert started.status_code == 303 and "/generations/" in started.headers["location"]
    # Once the offer is confirmed, the next generation does not ask.
    await post_form(client, f"/offers/{offer.id}/header", {"pick_company": "Brivara Labs"})
    again = await post_form(client, "/generations", form)
    assert again.status_code == 303
