"""A CV that looks misread is tailored only once the user says so: the generate form asks first
(nothing created, no credit spent), "Generate anyway" goes on with that generation only and the
next one asks again; "This is right" dismisses one report item and its badge count drops."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvGenerationTask
from app.lib.parsing.report.report_live import item_key
from tests import factories
from tests.conftest import post_form, register
from tests.prg import followed

EN = {"accept-language": "en"}


async def _generations(db: AsyncSession, user_id: str) -> int:
    query = select(func.count()).select_from(CvGenerationTask)
    return int(await db.scalar(query.where(CvGenerationTask.user_id == user_id)) or 0)


async def test_the_generate_form_asks_first_every_time(client: Any, db: AsyncSession) -> None:
    me = await register(client, "misread@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    offer = await factories.job_offer(db, me["id"], title="Backend Engineer")
    form = {"source_cv_id": cv.id, "job_offer_ids": [offer.id], "mode": "adapt"}

    asked = await post_form(client, "/generations", form)
    assert asked.status_code == 200
    assert "1 thing in this CV looks misread" in asked.text and "holds 10 of the 10" in asked.text
    assert f'href="/cvs/{cv.id}#import-report"' in asked.text
    assert 'name="misread_ok" value="1"' in asked.text
    assert await _generations(db, me["id"]) == 0  # nothing started, nothing spent

    french = await post_form(client, "/generations", form, **{"accept-language": "fr"})
    assert "semble mal lu" in french.text and "Générer quand même" in french.text

    went_on = await post_form(client, "/generations", {**form, "misread_ok": "1"})
    assert went_on.status_code in (302, 303), went_on.text
    assert await _generations(db, me["id"]) == 1
    # "Generate anyway" held for that run only: the next generation of this CV asks again.
    asked_again = await post_form(client, "/generations", form)
    assert asked_again.status_code == 200 and 'name="misread_ok" value="1"' in asked_again.text
    assert await _generations(db, me["id"]) == 1
    # Going on again meets the one-generation-at-a-time rule (the first has no worker here).
    again = await post_form(client, "/generations", {**form, "misread_ok": "1"})
    assert again.status_code == 303 and "/generations/" not in again.headers["location"]
    again = await followed(client, again)
    assert 'id="generate-error"' in again.text


async def test_this_is_right_dismisses_one_item_and_the_badge_counts_one_less(
    client: Any, another_client: Any, db: AsyncSession
) -> None:
    me = await register(client, "dismiss@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "1 thing to check" in page
    key = item_key(next(i for i in cv.import_report["items"] if i["code"] == "bullets_piled"))
    assert f'value="{key}"' in page and "This is right" in page

    # Another user cannot dismiss it, and a key that names nothing open changes nothing.
    async with another_client() as intruder:
        await register(intruder, "intruder@example.com")
        refused = await post_form(intruder, f"/cvs/{cv.id}/report/dismiss", {"key": key})
        assert refused.status_code == 404
    await post_form(client, f"/cvs/{cv.id}/report/dismiss", {"key": "made|up|key"})
    await db.refresh(cv)
    assert not cv.import_report.get("dismissed")

    done = await post_form(client, f"/cvs/{cv.id}/report/dismiss", {"key": key})
    assert done.status_code == 303 and done.headers["location"].endswith("#import-report")
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "Nothing in particular to check." in page
    listing = (await client.get("/cvs", headers=EN)).text
    assert "thing to check" not in listing
    # Dismissed, it no longer makes the generate form ask.
    offer = await factories.job_offer(db, me["id"], title="Backend Engineer")
    form = {"source_cv_id": cv.id, "job_offer_ids": [offer.id], "mode": "adapt"}
    started = await post_form(client, "/generations", form)
    assert started.status_code in (302, 303)


async def test_misfiled_bullets_move_in_one_form_and_the_suspicion_clears(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "move@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert 'data-testid="move-bullets"' in page and '<option value="exp_1">' in page

    # Bullets 1–5 belong to the first job, 9–10 to a job the import missed.
    first = {"source": "exp_2", "first": "1", "last": "5", "target": "exp_1"}
    moved = await post_form(client, f"/cvs/{cv.id}/fixes/move-bullets", first)
    assert moved.status_code == 303 and moved.headers["location"].endswith("#section-experience")
    split = {"source": "exp_2", "first": "4", "last": "5", "target": "new"}
    assert (await post_form(client, f"/cvs/{cv.id}/fixes/move-bullets", split)).status_code == 303
    await db.refresh(cv)
    jobs = cv.content["experience"]
    assert [len(j["bullets"]) for j in jobs] == [5, 3, 2, 0]
    assert jobs[0]["bullets"][0] == "Shipped release 2.0 of the billing service."
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "Nothing in particular to check." in page
    listing = (await client.get("/cvs", headers=EN)).text
    assert "thing to check" not in listing

    nothing = await post_form(
        client, f"/cvs/{cv.id}/fixes/move-bullets", {**first, "first": "9", "last": "2"}
    )
    nothing = await followed(client, nothing, **EN)  # back to the page, which says why
    assert "Choose bullets of this job" in nothing.text
    await db.refresh(cv)
    assert [len(j["bullets"]) for j in cv.content["experience"]] == [5, 3, 2, 0]


async def test_a_line_placed_nowhere_is_placed_in_one_action_and_leaves_the_list(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "place@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=3)
    lost = "o Negotiated three supplier contracts"
    cv.import_report = {
        **cv.import_report,
        "unplaced": [lost],
        "unplacedCount": 1,
        "items": [
            *cv.import_report["items"],
            {
                "code": "unplaced_text", "severity": "warning", "group": "coverage",
                "template": "Lines placed in no section: %(count)s (%(percent)s%% of the text "
                "was placed). They are listed below.", "values": {"count": 1, "percent": 97},
            },
        ],
    }  # fmt: skip
    await db.commit()
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "Lines placed in no section: 1" in page and 'value="bullet:exp_1"' in page

    refused = await post_form(
        client, f"/cvs/{cv.id}/fixes/place-line", {"line": "Not in the list", "target": "skill"}
    )
    refused = await followed(client, refused, **EN)
    assert "could not be placed" in refused.text
    placed = await post_form(
        client, f"/cvs/{cv.id}/fixes/place-line", {"line": lost, "target": "bullet:exp_1"}
    )
    assert placed.status_code == 303
    await db.refresh(cv)
    assert cv.content["experience"][0]["bullets"] == ["Negotiated three supplier contracts"]
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "Lines placed in no section" not in page and lost not in page
