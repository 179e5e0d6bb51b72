"""The match ledger's one answer action through its doors (JSON API, the offer page's form, the
agent API's tool), with a real database: a missing requirement answered with the user's own
fact enters the achievements bank linked to an experience, and the ledger then shows it as the
user's statement; the same ledger on the page and in the API; what is refused, and why."""

from __future__ import annotations

import re
from typing import Any, cast

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.lib.cv_content import CvContent
from app.lib.matching.evidence import cv_fields
from app.lib.matching.quotes import holds
from app.mcp import match_tools
from app.mcp.calls import ToolCall
from tests import factories
from tests.conftest import csrf_token, post_form, register

Client = AsyncTestClient[Litestar]
OFFER = {
    "description": (
        "We are looking for a Python backend developer. You will work with PostgreSQL. "
        "You deploy services on Kubernetes. Experience with Terraform is a plus."
    ),
    "requirements": ["Python", "PostgreSQL", "You deploy services on Kubernetes"],
    "skills": ["Python", "PostgreSQL", "Kubernetes", "Terraform"],
    "languages": [],
}
FACT = "Moved our 12 parcel services to Kubernetes clusters with zero downtime"


def _line(match: dict[str, Any], text: str) -> dict[str, Any]:
    return next(r for r in match["requirements"] if text in r["text"])


async def test_a_missing_requirement_answered_by_api_enters_the_bank_and_the_ledger(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "answers@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], **OFFER)
    headers = {"x-csrftoken": await csrf_token(client)}
    url = f"/api/job-offers/{offer.id}/match"

    before = (await client.get(url)).json()
    fields = list(cv_fields(CvContent.from_json(source.content)))
    for line in before["requirements"]:
        assert (line["status"] == "missing") == (not line["evidence"])
        if line["status"] != "missing":
            assert holds(fields, line["quote"]) and line["where"]["section"]
    assert before["ledger"]["missing"] >= 1
    kube = _line(before, "Kubernetes")
    assert kube["status"] == "missing" and kube["quote"] is None and kube["where"] is None
    python = _line(before, "Python")

    refused = [
        ({"requirementId": python["id"], "statement": FACT}, 409, "match.requirement_supported"),
        ({"requirementId": kube["id"], "statement": "  "}, 422, "match.statement_required"),
        ({"requirementId": "r999", "statement": FACT}, 404, "match.requirement_not_found"),
    ]
    for body, status, code in refused:
        response = await client.post(f"{url}/answers", json=body, headers=headers)
        assert (response.status_code, response.json()["error"]) == (status, code)

    body = {"requirementId": kube["id"], "statement": FACT, "experienceId": "exp_beta"}
    answered = await client.post(f"{url}/answers", json=body, headers=headers)
    assert answered.status_code == 201, answered.text
    out = answered.json()
    after = _line(out["match"], "Kubernetes")
    assert after["status"] == "supported" and after["where"]["section"] == "achievement"
    assert after["quote"] in FACT  # the user's words, not the CV's: marked as their statement
    assert out["match"]["score"] > before["score"]

    achievement = (await client.get(f"/api/achievements/{out['achievementId']}")).json()
    assert achievement["status"] == "complete" and achievement["result"] == FACT
    assert achievement["title"] == kube["text"]
    assert (await client.get(url)).json()["requirements"] == out["match"]["requirements"]


async def test_the_page_and_the_agent_tool_answer_through_the_same_service(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "answers-page@example.com")
    await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], **OFFER)
    api = (await client.get(f"/api/job-offers/{offer.id}/match")).json()

    panel = (await client.get(f"/offers/{offer.id}", headers={"accept-language": "en"})).text
    shown = dict(re.findall(r'data-requirement="(r\d+)"[^>]*data-status="(\w+)"', panel))
    assert shown == {r["id"]: r["status"] for r in api["requirements"]}
    kube = _line(api, "Kubernetes")
    assert f'name="requirement_id" value="{kube["id"]}"' in panel
    python = _line(api, "Python")
    assert f'name="requirement_id" value="{python["id"]}"' not in panel  # supported: not asked

    form = {"requirement_id": kube["id"], "statement": FACT, "experience_id": "exp_acme"}
    posted = await post_form(client, f"/offers/{offer.id}/match/answers", form)
    assert posted.status_code == 303 and posted.headers["location"].endswith("#match-panel")
    page = (await client.get(f"/offers/{offer.id}", headers={"accept-language": "en"})).text
    assert re.search(rf'data-requirement="{kube["id"]}"[^>]*data-status="supported"', page)
    assert "Your achievement" in page and FACT in page

    terraform = _line(api, "Terraform")
    user = await db.get(User, me["id"])
    call = ToolCall(backend=cast(Any, None), db=db, user=cast(User, user))
    by_tool = await match_tools.answer_requirement(
        call, offer.id, terraform["id"], "Wrote the Terraform modules of our staging", None, None
    )
    assert _line(by_tool["match"], "Terraform")["status"] == "supported"
    ledger = await match_tools.get_match(call, offer.id, None)
    fresh = (await client.get(f"/api/job-offers/{offer.id}/match")).json()
    assert ledger["requirements"] == fresh["requirements"]
