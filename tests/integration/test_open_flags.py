"""An import's flags follow the content (app/domain/cvs/open_flags.py): after a save, a misread
still there quotes the field as it is now, a fixed one is gone, from the review page, its
badge, the JSON API's report and the generate form's question alike; the counts agree."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.parsing.report.import_report import build_import_report
from tests import factories
from tests.conftest import csrf_token, post_form, register
from tests.integration.test_cv_editor_form import editor_form

EN = {"accept-language": "en"}
FR = {"accept-language": "fr"}
LISTED = "EC2 servers, Security Groups, Lambda functions"  # a line of skills as the employer


async def _flagged_cv(db: AsyncSession, user_id: str) -> Any:
    content = factories.misread_cv(
        factories.misread_job(1, company=LISTED), factories.misread_job(2)
    )
    cv = await factories.source_cv(db, user_id, content=content.to_json())
    cv.import_report = build_import_report(content, None, today=date(2026, 11, 1), parser="rules")
    await db.commit()
    return cv


async def _save_company(client: Any, cv_id: str, company: str) -> None:
    fields = editor_form((await client.get(f"/cvs/{cv_id}", headers=EN)).text).fields
    fields["experience-items-0-company"] = company
    saved = await client.post(f"/cvs/{cv_id}/edit", data=fields | {"action": "save"}, headers=EN)
    assert "Saved as a new version." in saved.text


async def _asks_before_generating(client: Any, db: AsyncSession, user_id: str, cv_id: str) -> str:
    offer = await factories.job_offer(db, user_id, title="Backend Engineer")
    form = {"source_cv_id": cv_id, "job_offer_ids": [offer.id], "mode": "adapt"}
    asked = await post_form(client, "/generations", form)
    return asked.text if asked.status_code == 200 else ""


async def test_a_flag_is_requoted_after_an_edit_and_gone_once_fixed(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "flags-follow@example.com")
    cv = await _flagged_cv(db, me["id"])
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert f"“{LISTED}” reads as a sentence" in page and "1 thing to check" in page

    # Changed, still a list of skills: the flag stays, quoting the field as it is now.
    changed = "S3 buckets, IAM roles, VPC peering rules"
    await _save_company(client, cv.id, changed)
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert f"“{changed}” reads as a sentence" in page and LISTED not in page
    assert "1 thing to check" in page
    french = (await client.get(f"/cvs/{cv.id}", headers=FR)).text
    assert f"« {changed} »" in french or f"“{changed}”" in french
    client.headers["x-csrftoken"] = await csrf_token(client)
    report = (await client.get(f"/api/cvs/{cv.id}", headers=EN)).json()["importReport"]
    assert [i["message"][:60] for i in report["items"] if i["code"] == "name_is_sentence"] == [
        f"Experience 1: “{changed}” reads as a sentence, not"[:60]
    ]
    asked = await _asks_before_generating(client, db, me["id"], cv.id)
    assert changed in asked and LISTED not in asked
    listing = (await client.get("/cvs", headers=EN)).text
    assert "1 thing to check" in listing

    # Fixed: gone everywhere, and the generate form no longer asks.
    await _save_company(client, cv.id, "Brightwave Ltd")
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "reads as a sentence" not in page and "Nothing in particular to check." in page
    report = (await client.get(f"/api/cvs/{cv.id}", headers=EN)).json()["importReport"]
    assert [i for i in report["items"] if i["code"] == "name_is_sentence"] == []
    assert await _asks_before_generating(client, db, me["id"], cv.id) == ""
    assert "thing to check" not in (await client.get("/cvs", headers=EN)).text


async def test_a_dismissed_flag_stays_dismissed_after_an_edit(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "flags-dismissed@example.com")
    cv = await _flagged_cv(db, me["id"])
    item = next(i for i in cv.import_report["items"] if i["code"] == "name_is_sentence")
    key = f"{item['code']}|{item['itemId']}|{item['path']}"
    done = await post_form(client, f"/cvs/{cv.id}/report/dismiss", {"key": key})
    assert done.status_code == 303
    await _save_company(client, cv.id, "S3 buckets, IAM roles, VPC peering rules")
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "reads as a sentence" not in page and "Nothing in particular to check." in page


async def test_the_unplaced_count_beside_the_list_is_the_one_the_report_says(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "flags-unplaced@example.com")
    cv = await factories.misread_source_cv(db, me["id"], piled=3)
    lost = ["o Negotiated three supplier contracts", "o Trained four new buyers"]
    cv.import_report = {
        **cv.import_report,
        "unplaced": lost,
        "unplacedCount": 6,  # four more than the lines stored
        "items": [
            *cv.import_report["items"],
            {
                "code": "unplaced_text", "severity": "warning", "group": "coverage",
                "template": "Lines placed in no section: %(count)s (%(percent)s%% of the text "
                "was placed). They are listed below.", "values": {"count": 6, "percent": 90},
            },
        ],
    }  # fmt: skip
    await db.commit()
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "Lines placed in no section: 6" in page and "Unplaced text (6)" in page
    placed = await post_form(
        client, f"/cvs/{cv.id}/fixes/place-line", {"line": lost[0], "target": "bullet:exp_1"}
    )
    assert placed.status_code == 303
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert "Lines placed in no section: 5" in page and "Unplaced text (5)" in page
