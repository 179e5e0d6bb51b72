"""What the generate form asks first, every door asks (app/domain/generation/gates.py): a source
CV with open import flags, or an offer whose title or company the reader doubts, is refused by
the JSON API and the agent API as by the page, nothing created and no credit spent, until the
request confirms; the offer's JSON shows the doubts, and answering them (API or agent) is the
offer page's own answer. The page's own questions: test_misread_confirm.py and
test_offer_header_confirm.py."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CreditTransaction, CvGenerationTask, JobOffer
from app.lib.parsing.offer_parser import parse_offer_text
from tests import factories
from tests.conftest import csrf_token, post_form, register
from tests.integration.inbox_helpers import inbox_item
from tests.integration.test_mcp_http_door import call_tool, token_of, tool_result
from tests.prg import followed

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
# The title line's dash part and the name the body repeats both offer a company, and the title
# may or may not hold the dash part: the reader doubts both fields and offers the other readings.
AD = (
    "Junior Data Analyst, Reporting Team - Quarry Lane\n\n"
    "You will be working for Ostrivo Analytics, the group behind the service. Ostrivo Analytics "
    "serves thousands of shops a day.\n"
    "Requirements\n- 2 years of experience with SQL\n- Knowledge of Python\n"
)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, mcp_http_enabled=True)


async def _doubted_offer(db: AsyncSession, user_id: str) -> JobOffer:
    read = parse_offer_text(AD)
    return await factories.job_offer(
        db,
        user_id,
        title=read.title,
        company=read.company,
        location=read.location,
        description=AD,
        requirements=read.requirements,
    )


async def _started(db: AsyncSession, user_id: str) -> tuple[int, int]:
    """(generations, credit transactions) of the user: a refusal leaves both as they were."""
    tasks = select(func.count()).select_from(CvGenerationTask)
    debits = select(func.count()).select_from(CreditTransaction)
    return (
        int(await db.scalar(tasks.where(CvGenerationTask.user_id == user_id)) or 0),
        int(await db.scalar(debits.where(CreditTransaction.user_id == user_id)) or 0),
    )


async def _generate(client: Client, body: dict[str, Any], **headers: str) -> Any:
    token = await csrf_token(client)
    return await client.post(
        "/api/cv/generate-v2", json=body, headers={"x-csrftoken": token, **EN, **headers}
    )


async def test_the_json_api_refuses_a_misread_cv_until_confirmed(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "gate-api-misread@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    offer = await factories.job_offer(db, me["id"], title="Backend Engineer")
    body = {"sourceCvFile": cv.id, "jobOfferIds": [offer.id], "askFirst": True}
    before = await _started(db, me["id"])

    refused = await _generate(client, body)
    assert refused.status_code == 409, refused.text
    answer = refused.json()
    assert answer["error"] == "generation.confirm_first"
    assert answer["detail"].startswith("Open flags on this CV: 1.")
    [flag] = answer["misreadFlags"]
    assert flag["code"] == "bullets_piled" and "holds 10 of the 10" in flag["message"]
    assert flag["key"].startswith("bullets_piled|") and answer["doubtedOffers"] == []
    french = await _generate(client, body, **{"accept-language": "fr"})
    assert (
        french.status_code == 409
        and french.json()["misreadFlags"][0]["message"] != (flag["message"])
    )
    assert await _started(db, me["id"]) == before  # nothing created, nothing debited

    started = await _generate(client, {**body, "confirmMisread": True})
    assert started.status_code == 200, started.text
    assert started.json()["totalOffers"] == 1
    assert (await _started(db, me["id"]))[0] == 1


async def test_the_json_api_shows_an_offers_doubts_and_refuses_it_until_answered(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "gate-api-offer@example.com")
    source = await factories.source_cv(db, me["id"])
    firm = await factories.job_offer(db, me["id"], title="Backend Engineer")
    doubted = await _doubted_offer(db, me["id"])
    headers = {"x-csrftoken": await csrf_token(client), **EN}
    before = await _started(db, me["id"])

    read = (await client.get(f"/api/job-offers/{doubted.id}", headers=headers)).json()
    assert read["header"]["confirmed"] is False
    assert read["header"]["doubts"] == [
        {
            "field": "title",
            "code": "offer.header.title_doubted",
            "message": (
                "The reader is not sure the job title is "
                "“Junior Data Analyst, Reporting Team - Quarry Lane”."
            ),
            "values": {"value": "Junior Data Analyst, Reporting Team - Quarry Lane"},
        },
        {
            "field": "company",
            "code": "offer.header.company_doubted",
            "message": "The reader is not sure the company is “Ostrivo Analytics”.",
            "values": {"value": "Ostrivo Analytics"},
        },
    ]
    assert read["header"]["candidates"] == {
        "title": ["Junior Data Analyst, Reporting Team"],
        "company": ["Quarry Lane"],
    }
    french = await client.get(
        f"/api/job-offers/{doubted.id}", headers={**headers, "accept-language": "fr"}
    )
    assert french.json()["header"]["doubts"][1]["message"] == (
        "La lecture n'est pas sûre que l'entreprise soit « Ostrivo Analytics »."
    )
    listed = (await client.get("/api/job-offers", headers=headers)).json()
    assert {o["id"]: o["header"]["doubts"] == [] for o in listed} == {
        firm.id: True,
        doubted.id: False,
    }

    body = {"sourceCvFile": source.id, "jobOfferIds": [firm.id, doubted.id], "askFirst": True}
    refused = await _generate(client, body)
    assert refused.status_code == 409, refused.text
    assert refused.json()["error"] == "generation.confirm_first"
    assert refused.json()["misreadFlags"] == []
    [asked] = refused.json()["doubtedOffers"]
    assert asked["id"] == doubted.id and asked["header"] == read["header"]
    # Confirming another offer is no answer for this one.
    other = await _generate(client, {**body, "confirmOffers": [firm.id]})
    assert other.status_code == 409
    assert await _started(db, me["id"]) == before

    # The page's answer, by the API: a wrong body is refused, a candidate renames the offer.
    wrong = await client.post(
        f"/api/job-offers/{doubted.id}/header", json={"employer": "X"}, headers=headers
    )
    assert wrong.status_code == 422 and wrong.json()["error"] == "offer.unknown_field"
    answered = await client.post(
        f"/api/job-offers/{doubted.id}/header",
        json={"title": "Junior Data Analyst, Reporting Team", "company": "Quarry Lane"},
        headers=headers,
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["company"] == "Quarry Lane"
    assert answered.json()["title"] == "Junior Data Analyst, Reporting Team"
    assert answered.json()["header"] == {"confirmed": True, "doubts": [], "candidates": {}}

    started = await _generate(client, body)
    assert started.status_code == 200, started.text
    assert started.json()["totalOffers"] == 2


async def test_a_json_client_that_does_not_ask_first_starts_and_is_told_what_is_open(
    client: Client, db: AsyncSession
) -> None:
    """A client written before the gate keeps working: the run starts, debited once, and its
    answer lists what the page would have asked."""
    me = await register(client, "gate-api-told@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    doubted = await _doubted_offer(db, me["id"])
    before = await _started(db, me["id"])
    started = await _generate(client, {"sourceCvFile": cv.id, "jobOfferIds": [doubted.id]})
    assert started.status_code == 200, started.text
    answer = started.json()
    assert answer["totalOffers"] == 1
    [flag] = answer["unconfirmed"]["misreadFlags"]
    assert flag["code"] == "bullets_piled"
    assert [o["id"] for o in answer["unconfirmed"]["doubtedOffers"]] == [doubted.id]
    assert (await _started(db, me["id"]))[0] == before[0] + 1


async def test_the_json_api_goes_on_with_the_doubted_offers_it_names(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    me = await register(client, "gate-api-ids@example.com")
    source = await factories.source_cv(db, me["id"])
    doubted = await _doubted_offer(db, me["id"])
    body = {"sourceCvFile": source.id, "jobOfferIds": [doubted.id], "askFirst": True}
    started = await _generate(client, {**body, "confirmOffers": [doubted.id]})
    assert started.status_code == 200, started.text
    assert "unconfirmed" not in started.json()  # nothing left open, nothing told
    # For that run only: the offer is still doubted, as on the page.
    await db.refresh(doubted)
    assert doubted.header_confirmed is False
    # Another user cannot answer it.
    async with another_client() as other:
        await register(other, "gate-api-stranger@example.com")
        refused = await other.post(
            f"/api/job-offers/{doubted.id}/header",
            json={},
            headers={"x-csrftoken": await csrf_token(other)},
        )
        assert refused.status_code == 404


async def _mcp(client: Client, token: str, tool: str, **arguments: Any) -> tuple[bool, Any]:
    response = await call_tool(client, tool, arguments, authorization=f"Bearer {token}")
    refused, text = tool_result(response)
    return refused, json.loads(text)


async def test_the_agent_api_refuses_a_misread_cv_until_confirmed(
    client: Client, db: AsyncSession
) -> None:
    token = await token_of(client, "gate-mcp-misread@example.com")
    me = (await client.get("/api/auth/me")).json()
    client.cookies.clear()
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    offer = await factories.job_offer(db, me["id"], title="Backend Engineer")
    arguments = {"source_cv_id": cv.id, "offer_ids": [offer.id]}
    before = await _started(db, me["id"])

    refused, answer = await _mcp(client, token, "start_generation", **arguments)
    assert refused and answer["error"] == "generation.confirm_first", answer
    assert [f["code"] for f in answer["misreadFlags"]] == ["bullets_piled"]
    assert await _started(db, me["id"]) == before

    refused, answer = await _mcp(
        client, token, "start_generation", **arguments, confirm_misread=True
    )
    assert not refused and answer["totalOffers"] == 1, answer


async def test_the_agent_api_shows_an_offers_doubts_and_refuses_it_until_answered(
    client: Client, db: AsyncSession
) -> None:
    token = await token_of(client, "gate-mcp-offer@example.com")
    me = (await client.get("/api/auth/me")).json()
    client.cookies.clear()
    source = await factories.source_cv(db, me["id"])
    doubted = await _doubted_offer(db, me["id"])
    arguments = {"source_cv_id": source.id, "offer_ids": [doubted.id]}
    before = await _started(db, me["id"])

    _, listed = await _mcp(client, token, "list_offers")
    [header] = [o["header"] for o in listed["offers"]]
    assert header["confirmed"] is False
    assert [d["code"] for d in header["doubts"]] == [
        "offer.header.title_doubted",
        "offer.header.company_doubted",
    ]
    assert header["candidates"]["company"] == ["Quarry Lane"]

    refused, answer = await _mcp(client, token, "start_generation", **arguments)
    assert refused and answer["error"] == "generation.confirm_first", answer
    assert [o["id"] for o in answer["doubtedOffers"]] == [doubted.id]
    assert answer["doubtedOffers"][0]["header"]["doubts"] == header["doubts"]
    assert await _started(db, me["id"]) == before

    # "Correct as it is": nothing changes but the header is confirmed.
    refused, answer = await _mcp(client, token, "confirm_offer_header", offer_id=doubted.id)
    assert not refused and answer["company"] == "Ostrivo Analytics", answer
    assert answer["header"] == {"confirmed": True, "doubts": [], "candidates": {}}
    refused, answer = await _mcp(client, token, "start_generation", **arguments)
    assert not refused and answer["totalOffers"] == 1, answer


async def test_the_agent_api_goes_on_with_confirm_offers(client: Client, db: AsyncSession) -> None:
    token = await token_of(client, "gate-mcp-ids@example.com")
    me = (await client.get("/api/auth/me")).json()
    client.cookies.clear()
    source = await factories.source_cv(db, me["id"])
    doubted = await _doubted_offer(db, me["id"])
    refused, answer = await _mcp(
        client,
        token,
        "start_generation",
        source_cv_id=source.id,
        offer_ids=[doubted.id],
        confirm_offers=True,
    )
    assert not refused and answer["totalOffers"] == 1, answer


async def test_the_page_asks_about_the_cv_then_the_offers_then_starts(
    client: Client, db: AsyncSession
) -> None:
    """Both questions on one run, the service's order: the CV, then its offers."""
    me = await register(client, "gate-page@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    doubted = await _doubted_offer(db, me["id"])
    form = {"source_cv_id": cv.id, "job_offer_ids": [doubted.id], "mode": "adapt"}
    before = await _started(db, me["id"])
    first = await post_form(client, "/generations", form)
    assert first.status_code == 200 and 'name="misread_ok" value="1"' in first.text
    second = await post_form(client, "/generations", {**form, "misread_ok": "1"})
    assert second.status_code == 200 and 'data-testid="confirm-offers"' in second.text
    assert 'name="misread_ok" value="1"' in second.text  # the first answer is kept
    assert await _started(db, me["id"]) == before
    started = await post_form(client, "/generations", {**form, "misread_ok": "1", "offers_ok": "1"})
    assert started.status_code == 303 and "/generations/" in started.headers["location"]


async def test_the_inbox_approve_and_tailor_is_refused_for_a_misread_cv(
    client: Client, db: AsyncSession
) -> None:
    """The inbox's "approve and tailor" starts its generation through the same service: the
    offers are approved, the CV's open flags stop the generation, and the inbox says why."""
    me = await register(client, "gate-inbox@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    item = await inbox_item(db, me["id"], 1)
    before = await _started(db, me["id"])
    form = {"action": "tailor", "source_cv_id": cv.id, "item_ids": [item.id], "back": "new"}
    refused = await post_form(client, "/inbox/selected", form)
    assert "/generations/" not in refused.headers.get("location", "")
    page = await followed(client, refused, **EN)
    assert "Open flags on this CV: 1." in page.text
    assert await _started(db, me["id"]) == before
    await db.refresh(item)
    assert item.status == "approved"
