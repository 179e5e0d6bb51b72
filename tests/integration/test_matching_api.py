"""The match API over HTTP with a real database: its shape, which CV it reads, 404 / 409."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from app.domain.matching.services import offer_text
from tests import factories
from tests.conftest import register
from tests.fixtures.matching import GARDENER_CV, generated_cv

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


async def test_the_answer_has_the_analysis_shape_and_reads_the_chosen_cv(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-api@example.com")
    weak = await factories.source_cv(db, me["id"], GARDENER_CV)
    strong = await factories.source_cv(db, me["id"])  # most recent: the default
    offer = await factories.job_offer(db, me["id"])

    default = await client.get(f"/api/job-offers/{offer.id}/match")
    assert default.status_code == 200, default.text
    body = default.json()
    assert set(body) >= {"score", "ceiling", "before", "after", "requirements", "gaps"}
    assert set(body) >= {"pros", "cons", "sourceCvId", "jobOfferId", "sourceMissing"}
    assert body["sourceCvId"] == strong.id and body["jobOfferId"] == offer.id
    assert body["after"] is None and body["generatedCvId"] is None
    assert body["score"] == round(100 * body["before"])
    assert 0 <= body["before"] <= body["ceiling"] <= 1
    texts = [r["text"] for r in body["requirements"]]
    assert "Python" in texts and "PostgreSQL" in texts
    python = next(r for r in body["requirements"] if r["text"] == "Python")
    assert python["kind"] in ("must", "nice") and python["covered"]
    assert python["evidence"] and "Python" in python["evidence"][0]["quote"]
    assert set(python["evidence"][0]) == {
        "quote",
        "section",
        "itemId",
        "index",
        "where",
        "strength",
    }

    chosen = await client.get(f"/api/job-offers/{offer.id}/match", params={"cvId": weak.id})
    assert chosen.status_code == 200 and chosen.json()["sourceCvId"] == weak.id
    assert chosen.json()["score"] < body["score"]
    assert chosen.json()["gaps"], "a CV that shows nothing asked leaves gaps"
    gap = chosen.json()["gaps"][0]
    assert set(gap) == {"id", "text", "kind", "close"} and gap["close"]["code"].startswith("close_")


async def test_another_users_offer_or_cv_is_404_and_a_missing_cv_says_so(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    owner = await register(client, "match-owner@example.com")
    source = await factories.source_cv(db, owner["id"])
    offer = await factories.job_offer(db, owner["id"])
    tailored = await generated_cv(db, owner["id"], offer, source, factories.EN_CV)
    async with another_client() as intruder:
        other = await register(intruder, "match-intruder@example.com")
        own_offer = await factories.job_offer(db, other["id"])
        for url, code in [
            (f"/api/job-offers/{offer.id}/match", "offer.not_found"),
            (f"/api/job-offers/{offer.id}/match?cvId={source.id}", "offer.not_found"),
            (f"/api/job-offers/{own_offer.id}/match?cvId={source.id}", "cv.not_found"),
            (f"/api/cvs/{tailored.id}/match", "cv.not_found"),
        ]:
            answer = await intruder.get(url)
            assert answer.status_code == 404, url
            assert answer.json()["error"] == code, url
        # The intruder has no CV of their own: no default to compare with.
        none = await intruder.get(f"/api/job-offers/{own_offer.id}/match", headers=ENGLISH)
        assert none.status_code == 404 and none.json()["error"] == "match.no_source_cv"
        assert "import a CV first" in none.json()["detail"]


async def test_a_cv_still_importing_is_a_409_with_a_clear_message(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-importing@example.com")
    offer = await factories.job_offer(db, me["id"])
    importing = CvFile(user_id=me["id"], kind="source", extraction_status="running")
    db.add(importing)
    await db.commit()
    answer = await client.get(
        f"/api/job-offers/{offer.id}/match", params={"cvId": importing.id}, headers=ENGLISH
    )
    assert answer.status_code == 409
    assert answer.json() == {
        "error": "match.cv_importing",
        "detail": "This CV is still being imported: try again when its import is over.",
    }
    # A CV still importing is never the default either.
    default = await client.get(f"/api/job-offers/{offer.id}/match")
    assert default.status_code == 404 and default.json()["error"] == "match.no_source_cv"


async def test_a_tailored_cv_is_read_as_sent_against_its_source(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "match-tailored@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    cut = "exp_acme:0"  # the bullet naming Python and PostgreSQL, cut to fit the page
    tailored = await generated_cv(db, me["id"], offer, source, factories.EN_CV, [cut])

    body = (await client.get(f"/api/cvs/{tailored.id}/match")).json()
    assert body["sourceCvId"] == source.id and body["generatedCvId"] == tailored.id
    assert body["after"] is not None and not body["sourceMissing"]
    assert body["score"] == round(100 * body["after"])
    assert body["after"] <= body["ceiling"]
    quoted = {(e["itemId"], e["index"]) for r in body["requirements"] for e in r["evidence"]}
    assert ("exp_acme", 0) not in quoted, "a bullet the render cut is not evidence"

    whole = await generated_cv(db, me["id"], offer, source, factories.EN_CV)
    uncut = (await client.get(f"/api/cvs/{whole.id}/match")).json()
    quoted = {(e["itemId"], e["index"]) for r in uncut["requirements"] for e in r["evidence"]}
    assert ("exp_acme", 0) in quoted

    await db.delete(source)
    await db.commit()
    orphan = (await client.get(f"/api/cvs/{tailored.id}/match")).json()
    assert orphan["sourceMissing"] and orphan["sourceCvId"] == tailored.id

    gone = await client.get(f"/api/cvs/{source.id}/match")
    assert gone.status_code == 404 and gone.json()["error"] == "cv.not_found"
    plain = await factories.source_cv(db, me["id"])
    refused = await client.get(f"/api/cvs/{plain.id}/match")
    assert refused.status_code == 422 and refused.json()["error"] == "match.not_generated"


async def test_offer_text_is_built_from_the_row(client: Client, db: AsyncSession) -> None:
    me = await register(client, "match-offertext@example.com")
    offer = await factories.job_offer(
        db, me["id"], responsibilities=["Design parcel APIs"], languages=[{"name": "English"}]
    )
    text = offer_text(offer)
    assert text.title == "Python Backend Developer"
    assert text.description == factories.EN_OFFER["description"]
    assert text.requirements == ["Python", "PostgreSQL", "REST APIs", "English C1"]
    assert text.responsibilities == ["Design parcel APIs"]
    assert text.skills == factories.EN_OFFER["skills"]
    assert text.languages == [{"name": "English"}]
    assert text.language == "en"
    # No language stored: the one the text is written in.
    french = await factories.job_offer(db, me["id"], **{**factories.FR_OFFER, "language": None})
    assert offer_text(french).language == "fr"
