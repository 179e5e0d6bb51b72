"""The import report through the real app and worker: a messy pasted CV comes back with things
to check and its unplaced text; the API returns ``importReport``; the review page flags the
fields; the task centre says "imported, N things to check" in French and English; CVs stored
before reports existed still render."""

from __future__ import annotations

import re

from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs.services import add_version
from app.lib.cv_content import CvContent, Experience
from app.lib.parsing.text.long_runs import shown
from tests.conftest import register
from tests.fixtures.live import browser
from tests.integration.test_cv_import import headers, wait_for_import

EN = {"accept-language": "en"}
FR = {"accept-language": "fr"}
LOST_LINE = "Mme Claire Inventée, gérante, Épicerie Imaginaire, 01 02 03 04 05"
# Synthetic: a job with no employer, and a references block nothing in a CV holds.
MESSY_CV = f"""Paul Exemplaire
paul.exemplaire@example.net

EXPÉRIENCE PROFESSIONNELLE
Vendeur polyvalent
2019 - 2021
• Conseil et encaissement des clients
• Réception des livraisons du matin

FORMATION
BTS Commerce, Lycée Fictif, 2017 - 2019

RÉFÉRENCES
{LOST_LINE}
"""


async def test_a_messy_pasted_cv_reports_what_to_check_everywhere(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "report@example.com")
    response = await client.post("/api/cvs", json={"text": MESSY_CV}, headers=await headers(client))
    assert response.status_code == 202, response.text
    accepted = response.json()
    body = await wait_for_import(client, accepted["id"])
    assert body["extractionStatus"] == "completed"

    report = body["importReport"]
    assert report["parser"] == "rules" and report["checks"] >= 2
    assert LOST_LINE in report["unplaced"] and report["unplacedCount"] == len(report["unplaced"])
    assert 0 < report["placedShare"] < 1
    codes = {item["code"] for item in report["items"]}
    assert "unplaced_text" in codes
    flagged = [i for i in report["items"] if (i["path"] or "").startswith("experience[0].")]
    assert flagged and all(i["itemId"] == body["content"]["experience"][0]["id"] for i in flagged)
    assert all(i["message"] and "template" not in i for i in report["items"])

    # The task centre: the result counts them and the label says so, in both languages.
    tasks = (await client.get("/api/background-tasks")).json()
    listed = tasks if isinstance(tasks, list) else tasks.get("tasks", [])
    task = next(t for t in listed if t["id"] == accepted["taskId"])
    assert task["result"]["checks"] == report["checks"]
    checks = report["checks"]
    english = (await client.get("/tasks", headers=EN)).text
    assert f"Imported, {checks} things to check" in english
    french = (await client.get("/tasks", headers=FR)).text
    assert f"Importé, {checks} points à vérifier" in french

    listing = (await client.get("/cvs", headers=EN)).text
    assert f"{checks} things to check" in listing and 'href="/cvs/' in listing

    # The review page: the report, grouped, with the unplaced text and flags by the fields.
    page = (await client.get(f"/cvs/{accepted['id']}", headers=EN)).text
    assert 'id="import-report"' in page and "Unplaced text" in page
    assert "Mme Claire Inventée" in page
    field = flagged[0]["path"].rsplit(".", 1)[1]
    assert f'data-flag-for="items-0-{field}"' in page
    assert re.search(r'class="field[^"]* flagged"', page)
    french_page = (await client.get(f"/cvs/{accepted['id']}", headers=FR)).text
    assert "Rapport d&#39;import" in french_page and "Texte non placé" in french_page

    # Fixing the flagged field on the CV removes its flag, and it no longer counts: the report,
    # the list's badge and the page say one thing less to check.
    content = body["content"]
    content["experience"][0][field] = "Supérette Exemple" if field != "start" else "2019"
    saved = await client.put(
        f"/api/cvs/{accepted['id']}", json={"content": content}, headers=await headers(client)
    )
    assert saved.status_code == 200, saved.text
    now = saved.json()["importReport"]
    fixed = [i for i in report["items"] if i["path"] == flagged[0]["path"]]
    assert now["checks"] == checks - len(fixed)
    assert flagged[0]["path"] not in {i["path"] for i in now["items"]}
    page = (await client.get(f"/cvs/{accepted['id']}", headers=EN)).text
    assert f'data-flag-for="items-0-{field}"' not in page
    listing = (await client.get("/cvs", headers=EN)).text
    left = now["checks"]
    assert (f"{left} thing" in listing) if left else ("things to check" not in listing)
    # The task centre's badge too counts on the CV as it is now, not as it was imported.
    tasks_page = (await client.get("/tasks", headers=EN)).text
    assert f"Imported, {checks} things to check" not in tasks_page
    assert (f"Imported, {left} thing" in tasks_page) if left else ("to check" not in tasks_page)


async def test_cvs_stored_before_reports_existed_still_render(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    await register(client, "legacy@example.com")
    user = await db.scalar(select(User).where(User.email == "legacy@example.com"))
    assert user is not None
    cv = CvFile(user_id=user.id, kind="source", filename="old.txt", extraction_status="completed")
    db.add(cv)
    await db.flush()
    content = CvContent(experience=[Experience(title="Clerk", company="")])
    await add_version(db, cv, content, "import")
    await db.commit()
    cv_id = cv.id
    body = (await client.get(f"/api/cvs/{cv_id}")).json()
    assert body["importReport"] is None
    page = await client.get(f"/cvs/{cv_id}", headers=EN)
    assert page.status_code == 200
    assert 'id="import-report"' not in page.text and "field-flag" not in page.text


async def test_the_openapi_document_describes_the_report(client: AsyncTestClient[Litestar]) -> None:
    document = (await client.get("/schema/openapi.json")).json()
    schemas = document["components"]["schemas"]
    detail = next(v for k, v in schemas.items() if k.endswith("CvDetail"))
    assert "importReport" in detail["properties"]
    report = next(v for k, v in schemas.items() if k.endswith("ImportReport"))
    assert {"checks", "placedShare", "unplaced", "items"} <= set(report["properties"])
    item = next(v for k, v in schemas.items() if k.endswith("ImportReportItem"))
    assert "experience[2].company" in item["properties"]["path"]["description"]


async def test_a_pasted_image_s_base64_is_no_field_and_the_report_shows_it(
    live_server: str, worker: Worker
) -> None:
    run = "iVBORw0KGgo" + "QUJDRA" * 2000  # as pasted from an e-mail's inline image
    text = MESSY_CV.replace("FORMATION", f"{run}\n\nFORMATION")
    client = await browser(live_server, "base64@example.com")
    response = await client.post("/api/cvs", json={"text": text}, headers=await headers(client))
    assert response.status_code == 202, response.text
    body = await wait_for_import(client, response.json()["id"])
    assert body["extractionStatus"] == "completed"
    assert run[:40] not in str(body["content"])
    assert shown(run) in body["importReport"]["unplaced"]
