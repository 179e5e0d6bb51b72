"""Entries the import left without a name never block a save (app/domain/cvs/unnamed_entries.py):
a header fix saves, the unnamed job that carries bullets stays as it was, the one with nothing
but dates is left out, and the page says both; a job the user adds without a name is still
refused. The lines placed nowhere may go to any section, the untitled job named by its dates,
and leave the list once placed, by the form or typed by hand (app/domain/cvs/fixes.py)."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs.services import add_version
from app.lib.cv_content import CvContent
from tests.conftest import post_form, register
from tests.integration.test_cv_editor_form import editor_form
from tests.integration.test_cv_import_pages import ENGLISH, content
from tests.prg import followed

Client = AsyncTestClient[Litestar]

IMPORTED = CvContent.from_json(
    {
        "header": {"name": "Ana Lima", "contact": {"location": "Lyon"}},
        "experience": [
            {"id": "exp_named", "title": "Buyer", "company": "Acme", "bullets": ["Bought."]},
            {"id": "exp_bullets", "start": "2019-03", "bullets": ["Negotiated contracts"]},
            {"id": "exp_dates", "start": "2016", "end": "2017"},
        ],
    }
)


async def _imported_cv(
    client: Client, db: AsyncSession, email: str, unplaced: tuple[str, ...] = ()
) -> str:
    client.headers.update(ENGLISH)
    await register(client, email)
    user = await db.scalar(select(User).where(User.email == email))
    assert user is not None
    cv = CvFile(user_id=user.id, kind="source", filename="cv.pdf", extraction_status="completed")
    cv.import_report = {"items": [], "unplaced": list(unplaced), "unplacedCount": len(unplaced)}
    db.add(cv)
    await db.flush()
    await add_version(db, cv, IMPORTED, "import")
    await db.commit()
    return cv.id


async def test_a_header_fix_saves_despite_jobs_the_import_left_unnamed(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _imported_cv(client, db, "unnamed@example.com")
    fields = editor_form((await client.get(f"/cvs/{cv_id}")).text).fields
    posted = fields | {"header-location": "Paris, France", "action": "save"}
    saved = await client.post(f"/cvs/{cv_id}/edit", data=posted, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == f"/cvs/{cv_id}"
    data = await content(db, cv_id)
    assert data["header"]["contact"]["location"] == "Paris, France"
    jobs = {job["id"]: job for job in data["experience"]}
    assert set(jobs) == {"exp_named", "exp_bullets"}  # the one with only dates is left out
    assert jobs["exp_bullets"]["bullets"] == ["Negotiated contracts"]  # nothing else lost
    assert jobs["exp_bullets"]["title"] == "" and jobs["exp_bullets"]["start"] == "2019-03"
    page = await followed(client, saved)
    assert "Saved as a new version." in page.text
    notes = page.text.split('data-testid="editor-notes">', 1)[1].split("</ul>", 1)[0]
    assert "Experience: an empty entry (2016 – 2017) was removed" in notes
    assert "Experience: an entry (2019-03) has no name yet; it was kept as imported." in notes

    # Saved again, the kept job is said again, and nothing else changes.
    fields = editor_form(page.text).fields
    again = await client.post(f"/cvs/{cv_id}/edit", data=fields | {"action": "save"})
    assert "Nothing had changed" in again.text and "has no name yet" in again.text


async def test_a_job_the_user_adds_or_empties_still_needs_a_name(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _imported_cv(client, db, "unnamed-added@example.com")
    fields = editor_form((await client.get(f"/cvs/{cv_id}")).text).fields
    emptied = fields | {"experience-items-0-title": "", "experience-items-0-company": ""}
    refused = await client.post(f"/cvs/{cv_id}/edit", data=emptied | {"action": "save"})
    assert "Give a job title or a company." in refused.text
    added = fields | {
        "experience-count": "4",
        "experience-items-3-id": "",
        "experience-items-3-bullets": "Typed by hand",
        "action": "save",
    }
    refused = await client.post(f"/cvs/{cv_id}/edit", data=added)
    assert "Give a job title or a company." in refused.text
    assert [job["id"] for job in (await content(db, cv_id))["experience"]] == [
        "exp_named",
        "exp_bullets",
        "exp_dates",
    ]


def _unplaced(html: str) -> list[str]:
    return re.findall(r'<span class="unplaced-text">([^<]*)</span>', html)


async def test_a_line_placed_nowhere_goes_to_any_section_and_leaves_once_placed(
    client: Client, db: AsyncSession
) -> None:
    lines = ("MSc Physics, Université Lyon 1 (2012 – 2014)", "Best poster award 2013")
    cv_id = await _imported_cv(client, db, "unplaced-any@example.com", lines)
    page = (await client.get(f"/cvs/{cv_id}")).text
    assert _unplaced(page) == list(lines)
    select = page.split('class="inline-form place-line"', 1)[1].split("</select>", 1)[0]
    assert '<optgroup label="A bullet of a job">' in select
    assert ">Job starting 2019-03</option>" in select and ">?<" not in select
    assert '<option value="new:education">A new degree</option>' in select
    assert '<option value="new:awards">A new award</option>' in select

    version = editor_form(page).fields["version"]
    form = {"line": lines[1], "target": "new:awards", "version": version}
    placed = await post_form(client, f"/cvs/{cv_id}/fixes/place-line", form)
    assert placed.status_code == 303
    assert (await content(db, cv_id))["extras"]["awards"][0]["name"] == lines[1]

    # Typed by hand into a new degree's fields: the line leaves the list too.
    page = await client.get(f"/cvs/{cv_id}")
    fields = editor_form(page.text).fields
    typed = fields | {
        "education-count": "1",
        "education-items-0-id": "",
        "education-items-0-degree": "MSc physics",
        "education-items-0-institution": "Universite Lyon 1",
        "education-items-0-start": "2012",
        "education-items-0-end": "2014",
        "action": "save",
    }
    saved = await client.post(f"/cvs/{cv_id}/edit", data=typed)
    assert "Saved as a new version." in saved.text
    assert _unplaced(saved.text) == []
