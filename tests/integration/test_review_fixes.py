"""The review page's fixes for entries the import cut or filed wrong, each a plain form: "Merge
with the next" joins an entry read as two (saved with the section, as a new version); "Make it
a skill" moves a misfiled language or extra into the skills in one click."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvVersion
from tests import factories
from tests.conftest import post_form, register
from tests.prg import followed

EN = {"accept-language": "en"}
CONTENT = {
    "header": {"name": "Ana Lima"},
    "experience": [
        {"id": "exp_1", "title": "Buyer", "company": "Acme", "start": "2019-03", "end": "2021"},
        {"id": "exp_2", "start": "2019", "bullets": ["Ran tenders", "Cut costs by 8%"]},
    ],
    "languages": [{"name": "English", "level": "C1"}, {"name": "Python"}],
    "skills": [{"name": "SQL"}],
}


async def _versions(db: AsyncSession, cv_id: str) -> int:
    query = select(func.count()).select_from(CvVersion).where(CvVersion.cv_file_id == cv_id)
    return int((await db.execute(query)).scalar_one())


async def test_an_entry_read_as_two_is_merged_then_saved_as_a_new_version(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "merge@example.com")
    cv = await factories.source_cv(db, me["id"], content=CONTENT)
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert 'value="experience:merge-0"' in page  # one form: the button names its section
    assert 'value="experience:merge-1"' not in page  # the last has no next

    rows = {
        "count": "2",
        "items-0-id": "exp_1", "items-0-title": "Buyer", "items-0-company": "Acme",
        "items-0-start": "2019-03", "items-0-end": "2021",
        "items-1-id": "exp_2", "items-1-start": "2019",
        "items-1-bullets": "Ran tenders\nCut costs by 8%",
    }  # fmt: skip
    merged = await post_form(
        client, f"/cvs/{cv.id}/sections/experience", rows | {"action": "merge-0"}
    )
    merged = await followed(client, merged, **EN)  # the page, the merge shown, not saved
    assert "Not saved yet" in merged.text
    assert 'name="experience-count" value="1"' in merged.text and "Cut costs by 8%" in merged.text
    before = await _versions(db, cv.id)
    await db.refresh(cv)
    assert len(cv.content["experience"]) == 2  # only the form changed

    one = {
        "count": "1", "items-0-id": "exp_1", "items-0-title": "Buyer", "items-0-company": "Acme",
        "items-0-start": "2019", "items-0-end": "2021",
        "items-0-bullets": "Ran tenders\nCut costs by 8%", "action": "save",
    }  # fmt: skip
    saved = await post_form(client, f"/cvs/{cv.id}/sections/experience", one)
    assert saved.status_code == 303
    await db.refresh(cv)
    [job] = cv.content["experience"]
    assert (job["id"], job["title"], job["start"]) == ("exp_1", "Buyer", "2019")
    assert job["bullets"] == ["Ran tenders", "Cut costs by 8%"]
    assert await _versions(db, cv.id) == before + 1


async def test_a_misfiled_language_becomes_a_skill_in_one_click(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "to-skill@example.com")
    cv = await factories.source_cv(db, me["id"], content=CONTENT)
    page = (await client.get(f"/cvs/{cv.id}", headers=EN)).text
    assert 'form="to-skill-languages" name="item" value="1|Python"' in page
    assert 'value="0|English"' not in page  # offered where the item looks like a skill only

    moved = await post_form(
        client, f"/cvs/{cv.id}/fixes/to-skill", {"section": "languages", "item": "1|Python"}
    )
    assert moved.status_code == 303 and moved.headers["location"].endswith("#section-skills")
    await db.refresh(cv)
    assert [lang["name"] for lang in cv.content["languages"]] == ["English"]
    assert [skill["name"] for skill in cv.content["skills"]] == ["SQL", "Python"]

    # The same click again (an old tab) names an item that is no longer there: nothing changes.
    stale = await post_form(
        client, f"/cvs/{cv.id}/fixes/to-skill", {"section": "languages", "item": "1|Python"}
    )
    stale = await followed(client, stale, **EN)
    assert "could not be turned into a skill" in stale.text
    other = await register(client, "to-skill-other@example.com")
    assert other["id"] != me["id"]
    foreign = await post_form(
        client, f"/cvs/{cv.id}/fixes/to-skill", {"section": "languages", "item": "0|English"}
    )
    assert foreign.status_code == 404
    await db.refresh(cv)
    assert [lang["name"] for lang in cv.content["languages"]] == ["English"]
